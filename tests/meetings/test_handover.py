"""Handover moves what needs a response: open alerts, what the young person wants to talk about
and the next meeting go to the new PA (the duty queue while they are away) at once; the old PA
no longer lists or opens them. A team manager hands over only their own team's young people."""

from datetime import date, timedelta

from fastapi.testclient import TestClient
from sqlmodel import select

from app.checkins.models import SafetyAlert
from app.db import utcnow
from app.main import create_app
from app.meetings.alert_desk import escalate_due
from app.notifications.models import Notification
from app.people.models import PaAssignment, Role, Team
from app.people.service import current_pa
from tests.conftest import make_settings
from tests.factories import make_user
from tests.meetings.helpers import as_pa, check_in
from tests.notifications.smtp import smtp_server
from tests.web import page, post_form


def _alert_and_talk_about(client, db, world) -> SafetyAlert:
    check_in(
        client,
        db,
        world,
        {
            "risk": {"risk.unsafe_now": "yes", "comment": "scared at home"},
            "life": {"life.feeling": "not_great", "life.help": "yes"},
        },
        {"risk": "share", "life": "share"},
        talk_about=["life"],
    )
    assignment = db.exec(select(PaAssignment).where(PaAssignment.young_person_id == world.young.id)).one()
    assignment.next_meeting_on = date.today() + timedelta(days=9)
    db.add(assignment)
    db.commit()
    return db.exec(select(SafetyAlert)).one()


def _hand_over(client, db, world, to, by=None):
    as_pa(client, db, world, by or world.manager)
    path = f"/young-people/{world.young.id}/pa"
    return post_form(client, path, {"pa_id": str(to.id)})


def test_the_open_alert_the_talk_about_item_and_the_next_meeting_move_to_the_new_pa(client, db, world):
    alert = _alert_and_talk_about(client, db, world)
    assert _hand_over(client, db, world, world.pa2).headers["location"] == "/team"

    as_pa(client, db, world, world.pa)
    assert "Alex" not in page(client.get("/alerts")).get_text()
    assert client.get(f"/alerts/{alert.id}").status_code == 404
    assert client.get(f"/young-people/{world.young.id}/meeting").status_code == 404
    assert "Alex" not in page(client.get("/caseload")).get_text()

    as_pa(client, db, world, world.pa2)
    assert "Alex Tester" in page(client.get("/alerts")).get_text()
    assert client.get(f"/alerts/{alert.id}").status_code == 200
    prep = page(client.get(f"/young-people/{world.young.id}/meeting"))
    assert "Money and everyday life" in prep.find(id="talk-about").get_text()
    soon = date.today() + timedelta(days=9)
    assert soon.strftime("%-d %B %Y") in prep.get_text(" ", strip=True)
    owed = db.exec(select(Notification).where(Notification.kind == "alert")).all()
    assert world.pa2.id in [n.user_id for n in owed], "the new PA is emailed at once"


def test_the_new_pa_is_emailed_straight_after_the_handover(engine, db, world):
    world.pa2.email = "pa.two@council.example"
    db.add(world.pa2)
    db.commit()
    with smtp_server() as (inbox, port):
        settings = make_settings(engine, smtp_host="127.0.0.1", smtp_port=port, smtp_starttls=False)
        with TestClient(create_app(settings, engine=engine), follow_redirects=False) as client:
            _alert_and_talk_about(client, db, world)
            inbox.messages.clear()
            assert _hand_over(client, db, world, world.pa2).status_code == 303
    assert [m["To"] for m in inbox.messages] == ["pa.two@council.example"]
    assert "Alex" not in inbox.messages[0].get_payload(decode=True).decode()


def test_handing_over_to_a_pa_who_is_away_puts_the_alert_in_the_duty_queue(client, db, world):
    alert = _alert_and_talk_about(client, db, world)
    world.pa2.away = True
    db.add(world.pa2)
    db.commit()
    _hand_over(client, db, world, world.pa2, by=world.admin)
    as_pa(client, db, world, world.pa)
    assert client.get(f"/alerts/{alert.id}").status_code == 404
    as_pa(client, db, world, world.manager)
    assert "1 alert has no PA to pick it up." in page(client.get("/team")).get_text(" ", strip=True)
    assert client.get(f"/alerts/{alert.id}").status_code == 200


def test_when_the_old_pa_leaves_their_young_persons_open_alert_goes_to_the_duty_queue(client, db, world):
    alert = _alert_and_talk_about(client, db, world)
    as_pa(client, db, world, world.admin)
    post_form(client, f"/admin/staff/{world.pa.id}/deactivate", {}, f"/admin/staff/{world.pa.id}")
    as_pa(client, db, world, world.manager)
    assert "1 alert has no PA to pick it up." in page(client.get("/team")).get_text(" ", strip=True)
    assert client.get(f"/alerts/{alert.id}").status_code == 200


def _other_team(db, world):
    team = Team(organisation_id=world.org.id, name="Other Team Same Council")
    db.add(team)
    db.commit()
    return team, make_user(db, world.org, Role.pa, "pa.other.team", team)


def test_an_escalated_alert_moving_to_another_team_is_escalated_to_that_teams_manager(
    client, db, world, settings
):
    alert = _alert_and_talk_about(client, db, world)
    later = utcnow() + timedelta(minutes=settings.alert_escalation_minutes + 1)
    assert escalate_due(db, after_minutes=settings.alert_escalation_minutes, now=later) == 1
    team, other_pa = _other_team(db, world)
    other_manager = make_user(db, world.org, Role.manager, "manager.other.team", team)
    as_pa(client, db, world, world.admin)
    post_form(client, f"/young-people/{world.young.id}/pa", {"pa_id": str(other_pa.id)})
    as_pa(client, db, world, world.manager)
    assert client.get(f"/alerts/{alert.id}").status_code == 404
    db.expire_all()
    assert escalate_due(db, after_minutes=settings.alert_escalation_minutes, now=later) == 1
    db.expire_all()
    assert db.get(SafetyAlert, alert.id).escalated_to_id == other_manager.id


def test_saving_the_same_pa_again_changes_nothing(client, db, world):
    _alert_and_talk_about(client, db, world)
    owed = len(db.exec(select(Notification)).all())
    assert _hand_over(client, db, world, world.pa).status_code == 303
    assert len(db.exec(select(Notification)).all()) == owed
    assert len(db.exec(select(PaAssignment).where(PaAssignment.young_person_id == world.young.id)).all()) == 1


def test_a_manager_cannot_open_or_hand_over_another_teams_young_person(client, db, world):
    _team, other_pa = _other_team(db, world)
    as_pa(client, db, world, world.admin)
    assert (
        post_form(client, f"/young-people/{world.young.id}/pa", {"pa_id": str(other_pa.id)}).status_code
        == 303
    )
    as_pa(client, db, world, world.manager)
    assert client.get(f"/young-people/{world.young.id}/pa").status_code == 404
    token_page = f"/young-people/{world.pa2_person.id}/pa"
    response = post_form(
        client, f"/young-people/{world.young.id}/pa", {"pa_id": str(world.pa.id)}, token_page
    )
    assert response.status_code == 404
    db.expire_all()
    assert current_pa(db, young_person_id=world.young.id).id == other_pa.id


def test_a_manager_chooses_only_among_their_own_teams_pas_and_admins_among_all(client, db, world):
    _team, other_pa = _other_team(db, world)
    as_pa(client, db, world, world.manager)
    choices = page(client.get(f"/young-people/{world.young.id}/pa")).get_text(" ", strip=True)
    assert "Pa Two" in choices and "Pa Other Team" not in choices
    response = _hand_over(client, db, world, other_pa)
    assert response.status_code == 422
    as_pa(client, db, world, world.admin)
    assert "Pa Other Team" in page(client.get(f"/young-people/{world.young.id}/pa")).get_text(" ", strip=True)
