"""A draft left resting on a risk answer raises its alert after a set time, once; passing through does not."""

from datetime import timedelta

from sqlmodel import select

from app.checkins.models import SafetyAlert, TopicResponse
from app.checkins.settled_alerts import raise_rested_risk_alerts
from app.db import utcnow
from app.jobs.runner import run_jobs
from app.notifications.models import Notification
from tests.checkins.journey import Journey
from tests.web import signed_in_client


def _journey(client, db, world) -> Journey:
    signed_in_client(client, db, world.young_user)
    journey = Journey(client)
    journey.start()
    return journey


def _alerts(db) -> list[SafetyAlert]:
    db.expire_all()
    return list(db.exec(select(SafetyAlert)).all())


def test_a_risk_answer_left_resting_raises_one_alert_and_email_after_the_set_time(
    client, db, world, settings
):
    journey = _journey(client, db, world)
    journey.answer("risk", {"risk.unsafe_now": "yes"}, action="autosave")
    rest = timedelta(minutes=settings.risk_answer_rest_minutes)
    assert raise_rested_risk_alerts(db, utcnow() + rest - timedelta(minutes=1), settings) == 0
    assert _alerts(db) == []
    assert raise_rested_risk_alerts(db, utcnow() + rest, settings) == 1
    assert raise_rested_risk_alerts(db, utcnow() + rest * 2, settings) == 0
    assert [(a.question_key, a.pa_id) for a in _alerts(db)] == [("risk.unsafe_now", world.pa.id)]
    assert [e.kind for e in db.exec(select(Notification)).all()] == ["alert"]


def test_changing_away_before_the_set_time_raises_nothing(client, db, world, settings):
    journey = _journey(client, db, world)
    journey.answer("risk", {"risk.unsafe_now": "yes"}, action="autosave")
    journey.answer("risk", {"risk.unsafe_now": "no"}, action="autosave")
    later = utcnow() + timedelta(minutes=settings.risk_answer_rest_minutes * 3)
    assert raise_rested_risk_alerts(db, later, settings) == 0
    assert _alerts(db) == []


def test_a_sent_check_in_is_not_raised_twice(client, db, world, settings):
    journey = _journey(client, db, world)
    journey.answer("risk", {"risk.unsafe_now": "yes"})
    later = utcnow() + timedelta(minutes=settings.risk_answer_rest_minutes * 3)
    assert raise_rested_risk_alerts(db, later, settings) == 0
    assert len(_alerts(db)) == 1


def test_the_built_in_scheduler_runs_the_rested_answer_job(client, db, world, settings, engine):
    journey = _journey(client, db, world)
    journey.answer("risk", {"risk.unsafe_now": "yes"}, action="autosave")
    response = db.exec(select(TopicResponse).where(TopicResponse.topic_key == "risk")).one()
    response.saved_at = utcnow() - timedelta(minutes=settings.risk_answer_rest_minutes + 1)
    db.add(response)
    db.commit()
    outcomes = {o.job.name: o.done for o in run_jobs(engine, settings)}
    assert outcomes["rested_risk_alerts"] == 1
    assert [a.question_key for a in _alerts(db)] == ["risk.unsafe_now"]
