"""Safety alerts for staff: acknowledge with an action, duty queue, escalation once, emails."""

from datetime import timedelta

from click.testing import CliRunner
from sqlmodel import select

from app.checkins.models import SafetyAlert
from app.cli import main
from app.db import utcnow
from app.meetings.alert_desk import escalate_due
from app.notifications.models import Notification
from app.settings import get_settings
from tests.checkins.journey import Journey
from tests.meetings.helpers import as_pa, check_in
from tests.web import error_messages, page, signed_in_client


def _raise_alert(client, db, world) -> SafetyAlert:
    check_in(
        client, db, world, {"risk": {"risk.unsafe_now": "yes", "comment": "do not tell"}}, {"risk": "keep"}
    )
    return db.exec(select(SafetyAlert)).one()


def test_the_pa_acknowledges_with_the_action_taken_and_the_young_person_sees_it(client, db, world):
    alert = _raise_alert(client, db, world)
    as_pa(client, db, world)
    detail = client.get(f"/alerts/{alert.id}")
    assert page(detail).find(id="risk-answer").get_text() == "Yes"
    assert "do not tell" not in detail.text
    token = page(detail).find("input", attrs={"name": "csrf_token"})["value"]
    empty = client.post(f"/alerts/{alert.id}/acknowledge", data={"csrf_token": token})
    assert empty.status_code == 422 and error_messages(empty)
    client.post(f"/alerts/{alert.id}/acknowledge", data={"action_taken": "Phoned, safe", "csrf_token": token})
    db.expire_all()
    stored = db.get(SafetyAlert, alert.id)
    assert (stored.acknowledged_by_id, stored.action_taken) == (world.pa.id, "Phoned, safe")
    as_pa(client, db, world, world.young_user)
    note = page(client.get(f"/check-ins/{alert.check_in_id}")).find(id="safety-alerts").get_text()
    assert "They saw it on" in note


def test_another_pa_cannot_open_the_alert(client, db, world):
    alert = _raise_alert(client, db, world)
    as_pa(client, db, world, world.pa2)
    assert client.get(f"/alerts/{alert.id}").status_code == 404


def test_an_away_pas_alerts_are_in_the_managers_duty_queue(client, db, world):
    alert = _raise_alert(client, db, world)
    world.pa.away = True
    db.add(world.pa)
    db.commit()
    as_pa(client, db, world, world.manager)
    queue = page(client.get("/alerts")).find(id="duty-queue")
    assert queue.find("a")["href"] == f"/alerts/{alert.id}"
    assert client.get(f"/alerts/{alert.id}").status_code == 200


def test_an_unacknowledged_alert_escalates_once_to_the_manager(client, db, world, settings):
    alert = _raise_alert(client, db, world)
    later = utcnow() + timedelta(minutes=settings.alert_escalation_minutes + 1)
    assert escalate_due(db, after_minutes=settings.alert_escalation_minutes, now=utcnow()) == 0
    assert escalate_due(db, after_minutes=settings.alert_escalation_minutes, now=later) == 1
    assert escalate_due(db, after_minutes=settings.alert_escalation_minutes, now=later) == 0
    db.expire_all()
    assert db.get(SafetyAlert, alert.id).escalated_to_id == world.manager.id
    owed = db.exec(select(Notification).where(Notification.kind == "escalation")).all()
    assert [n.user_id for n in owed] == [world.manager.id]


def test_jobs_run_is_safe_to_repeat(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'jobs.db'}")
    get_settings.cache_clear()
    runner = CliRunner()
    assert runner.invoke(main, ["db", "upgrade"]).exit_code == 0
    first = runner.invoke(main, ["jobs", "run"])
    assert first.exit_code == 0 and "escalation: 0" in first.output
    assert runner.invoke(main, ["jobs", "run"]).exit_code == 0
    get_settings.cache_clear()


def test_the_manager_home_counts_without_answers(client, db, world):
    _raise_alert(client, db, world)
    as_pa(client, db, world, world.manager)
    coverage = page(client.get("/team")).find(id="coverage").get_text(" ", strip=True)
    assert "Young people supported 2" in coverage
    assert "Checked in this month 1" in coverage
    assert "Open safety alerts 1" in coverage


def test_the_team_manager_hands_a_young_person_over(client, db, world):
    as_pa(client, db, world, world.manager)
    team = page(client.get("/team"))
    link = team.find("a", href=f"/young-people/{world.young.id}/pa")
    token = team.find("input", attrs={"name": "csrf_token"})["value"]
    response = client.post(link["href"], data={"pa_id": str(world.pa2.id), "csrf_token": token})
    assert response.headers["location"] == "/team"
    as_pa(client, db, world)
    assert client.get(f"/young-people/{world.young.id}/meeting").status_code == 404
    as_pa(client, db, world, world.pa2)
    assert client.get(f"/young-people/{world.young.id}/meeting").status_code == 200


def test_the_alert_desk_shows_the_contact_wish_and_a_changed_answer(client, db, world):
    client.cookies.clear()
    signed_in_client(client, db, world.young_user)
    journey = Journey(client)
    journey.start()
    journey.answer("risk", {"risk.unsafe_now": "yes"})
    help_path = f"/check-in/{journey.check_in_id}/topics/risk/help"
    client.post(help_path, data={"risk.contact": "today", "csrf_token": journey.token})
    journey.answer("risk", {"risk.unsafe_now": "no"})
    journey.finish({"risk": "keep"})
    alert = db.exec(select(SafetyAlert)).one()
    as_pa(client, db, world)
    listed = page(client.get("/alerts")).find(id="own-alerts").get_text(" ", strip=True)
    assert "Do you want your PA to contact you? Today" in listed
    assert "Answer later changed" in listed
    detail = page(client.get(f"/alerts/{alert.id}"))
    assert detail.find(id="follow-up-answer").get_text() == "Today"
    assert "They changed this answer on" in detail.find(id="answer-changed").get_text()
