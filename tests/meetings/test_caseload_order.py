"""The caseload puts what needs attention first, with plain markers, and searches by name."""

from datetime import timedelta

from sqlmodel import select

from app.checkins.models import CheckIn
from app.people.models import User
from tests.factories import make_young_person
from tests.meetings.helpers import as_pa, check_in, send_as
from tests.web import page


def _names(response) -> list[str]:
    return [a.get_text(strip=True) for a in page(response).select("#caseload h2 a")]


def test_alerts_come_first_then_new_check_ins_then_everyone_else(client, db, world):
    quiet = make_young_person(db, world.org, world.locality, world.pa, "Aaron")
    check_in(client, db, world, {"employment": {"employment.feeling": "good"}}, {"employment": "share"})
    as_pa(client, db, world)
    assert _names(client.get("/caseload")) == ["Alex Tester", "Aaron Tester"]
    check_in(client, db, world, {"risk": {"risk.unsafe_now": "yes"}}, {"risk": "keep"})
    as_pa(client, db, world)
    html = page(client.get("/caseload"))
    first = html.select("#caseload li")[0]
    assert first.find("a").get_text() == "Alex Tester"
    assert "Safety alert" in first.get_text()
    assert quiet.first_name in html.select("#caseload li")[1].get_text()


def test_a_big_drop_is_marked_with_its_reason(client, db, world):
    check_in(client, db, world, {"wellbeing": {"wellbeing.life_satisfaction": "8"}}, {"wellbeing": "share"})
    check_in(client, db, world, {"wellbeing": {"wellbeing.life_satisfaction": "4"}}, {"wellbeing": "share"})
    as_pa(client, db, world)
    markers = [
        li.get_text(strip=True) for li in page(client.get("/caseload")).select(".app-caseload__markers li")
    ]
    assert "life satisfaction 8 → 4" in markers


def test_a_drop_in_a_kept_topic_never_shows(client, db, world):
    check_in(client, db, world, {"wellbeing": {"wellbeing.life_satisfaction": "8"}}, {"wellbeing": "share"})
    check_in(client, db, world, {"wellbeing": {"wellbeing.life_satisfaction": "2"}}, {"wellbeing": "keep"})
    as_pa(client, db, world)
    text = page(client.get("/caseload")).find(id="caseload").get_text()
    assert "→ 2" not in text and "low' band" not in text


def test_markers_compare_the_two_latest_shared_check_ins_skipping_kept_ones(client, db, world):
    check_in(client, db, world, {"wellbeing": {"wellbeing.life_satisfaction": "9"}}, {"wellbeing": "share"})
    check_in(client, db, world, {"wellbeing": {"wellbeing.life_satisfaction": "8"}}, {"wellbeing": "share"})
    check_in(client, db, world, {"wellbeing": {"wellbeing.life_satisfaction": "1"}}, {"wellbeing": "keep"})
    check_in(client, db, world, {"wellbeing": {"wellbeing.life_satisfaction": "4"}}, {"wellbeing": "share"})
    check_in(client, db, world, {"wellbeing": {"wellbeing.life_satisfaction": "0"}}, {"wellbeing": "keep"})
    as_pa(client, db, world)
    markers = [
        li.get_text(strip=True) for li in page(client.get("/caseload")).select(".app-caseload__markers li")
    ]
    assert "life satisfaction 8 → 4" in markers
    assert not any("→ 0" in m or "1 →" in m or "9 →" in m for m in markers)


def test_no_check_in_for_weeks_is_marked(client, db, world, settings):
    check_in(client, db, world, {"employment": {"employment.feeling": "good"}}, {"employment": "share"})
    row = db.exec(select(CheckIn)).one()
    row.submitted_at -= timedelta(weeks=settings.quiet_weeks + 1)
    db.add(row)
    db.commit()
    as_pa(client, db, world)
    assert (
        f"No check-in for {settings.quiet_weeks} weeks"
        in page(client.get("/caseload")).find(id="caseload").get_text()
    )


def test_search_finds_by_name(client, db, world):
    make_young_person(db, world.org, world.locality, world.pa, "Bobbie")
    as_pa(client, db, world)
    assert _names(client.get("/caseload?q=bob")) == ["Bobbie Tester"]
    assert "No one on your caseload matches" in client.get("/caseload?q=zz").text


def test_wants_to_talk_comes_above_people_with_nothing_new(client, db, world):
    asked = {"life": {"life.feeling": "not_great"}}
    check_in(client, db, world, asked, {"life": "share"}, talk_about=["life"])
    check_in(client, db, world, {"health": {"health.general": "good"}}, {"health": "share"})
    bobbie = make_young_person(db, world.org, world.locality, world.pa, "Bobbie", username="young.two")
    send_as(
        client, db, db.get(User, bobbie.user_id), {"health": {"health.general": "good"}}, {"health": "share"}
    )
    for row in db.exec(select(CheckIn)).all():
        row.seen_at = row.submitted_at
        db.add(row)
    db.commit()
    as_pa(client, db, world)
    response = client.get("/caseload")
    assert _names(response) == ["Alex Tester", "Bobbie Tester"]
    first = page(response).select("#caseload li")[0].get_text()
    assert "Wants to talk" in first and "New check-in" not in first


def test_someone_added_today_is_not_marked_as_quiet_but_someone_added_long_ago_is(
    client, db, world, settings
):
    new = make_young_person(db, world.org, world.locality, world.pa, "Newbie")
    old = make_young_person(db, world.org, world.locality, world.pa, "Oldie")
    old.created_at -= timedelta(weeks=settings.quiet_weeks + 1)
    db.add(old)
    db.commit()
    as_pa(client, db, world)
    quiet = f"No check-in for {settings.quiet_weeks} weeks"
    items = {
        li.find("h2").get_text(strip=True): li.get_text()
        for li in page(client.get("/caseload")).select("#caseload li")
    }
    assert quiet not in items[new.full_name]
    assert quiet in items[old.full_name]
