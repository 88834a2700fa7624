"""The PA prepares a meeting by theme: the young person's themes of shared topics to choose from,
then everything they shared with that theme, newest first, and only the topics that have it.
Themes and words of kept topics show nowhere; a theme the person does not have filters nothing."""

from datetime import timedelta

from app.checkins.models import CheckIn
from tests.meetings.helpers import as_pa, check_in
from tests.web import page

OLDER = {
    "life": {"life.feeling": "not_great", "comment": "skint again, cant pay the gas"},
    "housing": {"housing.feeling": "really_bad", "comment": "KEPT-WORDS my flat is freezing"},
}
NEWER = {
    "life": {"life.feeling": "ok", "comment": "paid the gas off finally"},
    "employment": {"employment.feeling": "good", "comment": "got a job at the cafe"},
}


def _two_check_ins(client, db, world) -> None:
    older = check_in(
        client,
        db,
        world,
        OLDER,
        {"life": "share", "housing": "keep"},
        **{"themes-life": ["money"], "themes-housing": ["housing", "money"]},
    )
    row = db.get(CheckIn, older)
    assert row is not None and row.submitted_at is not None
    row.submitted_at -= timedelta(days=30)
    db.add(row)
    db.commit()
    check_in(
        client,
        db,
        world,
        NEWER,
        {"life": "share", "employment": "share"},
        **{"themes-life": ["money", "going_well"], "themes-employment": ["finding_work"]},
    )
    as_pa(client, db, world)


def _meeting(client, world, query: str = ""):
    return page(client.get(f"/young-people/{world.young.id}/meeting{query}"))


def test_the_filter_offers_the_themes_of_shared_topics_with_how_many(client, db, world):
    _two_check_ins(client, db, world)
    offered = _meeting(client, world).select("#theme-filter li")
    assert [li.get_text(" ", strip=True) for li in offered] == [
        "Money (2 shared topics)",
        "Finding work (1 shared topic)",
        "Things going well (1 shared topic)",
    ]  # catalogue order; the kept housing topic's themes are not there


def test_a_theme_shows_every_shared_topic_with_it_newest_first_and_only_those_topics(client, db, world):
    _two_check_ins(client, db, world)
    html = _meeting(client, world, "?theme=money")
    heading = html.select_one("#theme-filter-title")
    assert heading is not None and heading.get_text(strip=True) == "What Alex shared about 'Money'"
    words = [li.get_text(" ", strip=True) for li in html.select(".app-theme-words li")]
    assert len(words) == 2
    assert words[0].endswith("Money and everyday life: “paid the gas off finally”")
    assert words[1].endswith("Money and everyday life: “skint again, cant pay the gas”")
    assert [s["id"] for s in html.select("section.app-prep-topic")] == ["topic-life"]
    assert "KEPT-WORDS" not in str(html)
    show_all = html.find("a", string="Show all topics")
    assert show_all is not None and show_all["href"] == f"/young-people/{world.young.id}/meeting"


def test_a_theme_the_person_has_not_shared_filters_nothing(client, db, world):
    _two_check_ins(client, db, world)
    for query in ("?theme=housing", "?theme=nonsense"):  # housing only on the kept topic
        html = _meeting(client, world, query)
        assert html.select_one("#theme-filter-title") is None
        assert len(html.select("section.app-prep-topic")) == 2
        assert "KEPT-WORDS" not in str(html)


def test_the_caseload_filtered_by_theme_opens_the_meeting_filtered_too(client, db, world):
    _two_check_ins(client, db, world)
    link = page(client.get("/caseload?theme=finding_work")).select_one(".app-caseload__name a")
    assert link is not None and link["href"] == f"/young-people/{world.young.id}/meeting?theme=finding_work"
    html = page(client.get(link["href"]))
    assert [s["id"] for s in html.select("section.app-prep-topic")] == ["topic-employment"]


def test_no_themes_no_filter(client, db, world):
    check_in(client, db, world, {"life": {"life.feeling": "ok"}}, {"life": "share"})
    as_pa(client, db, world)
    assert _meeting(client, world).select_one("#theme-filter") is None
