"""The PA sees the themes of shared topics, adds one agreed at the meeting (marked as theirs and
audited), and filters their caseload by theme; kept topics show nothing and take nothing."""

from sqlmodel import select

from app.audit.models import AuditEvent
from app.themes.models import TopicTheme
from tests.checkins.sending import another_young_person
from tests.meetings.helpers import as_pa, check_in
from tests.web import error_messages, page

GAS = {"life": {"life.feeling": "not_great", "comment": "skint again, cant pay the gas"}}
FLAT = {"housing": {"housing.feeling": "really_bad", "comment": "my flat is freezing"}}
THEMED = {"themes-life": ["money"], "themes-housing": ["housing"]}


def _sent(client, db, world) -> int:
    return check_in(client, db, world, {**GAS, **FLAT}, {"life": "share", "housing": "keep"}, **THEMED)


def _add(client, world, check_in_id: int, topic: str, theme: str | None):
    meeting = f"/young-people/{world.young.id}/meeting"
    token = page(client.get(meeting)).find("input", attrs={"name": "csrf_token"})["value"]
    data = {"csrf_token": token, **({"theme": theme} if theme else {})}
    return client.post(
        f"/young-people/{world.young.id}/check-ins/{check_in_id}/topics/{topic}/themes", data=data
    )


def _shown(client, world) -> list[str]:
    html = page(client.get(f"/young-people/{world.young.id}/meeting"))
    return [li.get_text(" ", strip=True) for li in html.select(".app-theme-list li")]


def test_the_pa_sees_shared_themes_and_adds_one_marked_as_theirs_and_audited(client, db, world):
    check_in_id = _sent(client, db, world)
    as_pa(client, db, world)
    assert _shown(client, world) == ["Money"]  # the kept topic's theme is not there
    response = _add(client, world, check_in_id, "life", "more_support")
    assert response.status_code == 303
    assert _shown(client, world) == ["Money", "Wanting more help (added by a PA)"]
    row = db.exec(select(TopicTheme).where(TopicTheme.theme_key == "more_support")).one()
    assert (row.added_by, row.added_by_id) == ("pa", world.pa.id)
    event = db.exec(select(AuditEvent).where(AuditEvent.action == "theme.added")).one()
    assert (event.actor_id, event.young_person_id, event.record_id) == (
        world.pa.id,
        world.young.id,
        check_in_id,
    )


def test_adding_without_a_theme_is_explained_and_a_kept_topic_takes_none(client, db, world):
    check_in_id = _sent(client, db, world)
    as_pa(client, db, world)
    response = _add(client, world, check_in_id, "life", None)
    assert response.status_code == 422
    assert error_messages(response) == ["Choose a theme to add"]
    assert _add(client, world, check_in_id, "housing", "money").status_code == 404
    assert _add(client, world, check_in_id, "life", "not_a_theme").status_code == 422
    assert {r.theme_key for r in db.exec(select(TopicTheme)).all()} == {"money", "housing"}


def _names(client, path: str) -> list[str]:
    return [a.get_text(strip=True) for a in page(client.get(path)).select(".app-caseload__name a")]


def test_the_caseload_filters_by_themes_of_shared_topics_only(client, db, world):
    _sent(client, db, world)
    another_young_person(db, world)
    as_pa(client, db, world)
    assert len(_names(client, "/caseload")) == 2
    assert _names(client, "/caseload?theme=money") == ["Alex Tester"]
    assert _names(client, "/caseload?theme=housing") == []  # only in a kept topic
    assert (
        "Showing young people who shared a topic with the theme 'Money'."
        in client.get("/caseload?theme=money").text
    )
    assert len(_names(client, "/caseload?theme=nonsense")) == 2
