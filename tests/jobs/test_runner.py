"""The scheduled jobs: each due job runs once, a failing job is logged and the others still run,
and the loop `checkin serve` runs escalates an overdue alert with nobody setting up cron."""

import time
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.checkins.models import SafetyAlert
from app.db import utcnow
from app.jobs.models import ScheduledJob
from app.jobs.registry import JOBS, Job
from app.jobs.runner import run_jobs
from app.main import create_app
from app.notifications.models import Notification
from tests.conftest import make_settings
from tests.logs import warnings_of
from tests.web import page, signed_in_client


def test_each_job_runs_when_due_and_not_again_until_its_interval_has_passed(engine, settings):
    first = run_jobs(engine, settings)
    assert [outcome.job.name for outcome in first] == [
        "escalation",
        "email",
        "retention",
        "rested_risk_alerts",
        "reminders",
    ]
    assert run_jobs(engine, settings) == []
    with Session(engine) as session:
        for row in session.exec(select(ScheduledJob)).all():
            row.last_started_at = utcnow() - timedelta(minutes=2)
            session.add(row)
        session.commit()
    assert [outcome.job.name for outcome in run_jobs(engine, settings)] == [
        "escalation",
        "email",
        "rested_risk_alerts",
        "reminders",
    ]
    assert len(run_jobs(engine, settings, force=True)) == len(JOBS), "checkin jobs run runs them all"


def _breaks(_session, _now, _settings) -> int:
    raise RuntimeError("the mail server said no")


def test_a_failing_job_is_logged_and_marked_and_the_next_job_still_runs(engine, settings):
    jobs = (Job("breaks", lambda: "Breaks", timedelta(minutes=1), _breaks), JOBS[0])
    with warnings_of("checkin.jobs") as warnings:
        outcomes = run_jobs(engine, settings, jobs=jobs)
    assert [(o.job.name, o.done) for o in outcomes] == [("breaks", None), ("escalation", 0)]
    assert warnings == ["job failed"], "the error's words (it may hold data) are not logged"
    with Session(engine) as session:
        assert session.get(ScheduledJob, "breaks").last_failed
        assert not session.get(ScheduledJob, "escalation").last_failed


def test_serving_escalates_an_overdue_alert_by_itself_and_the_manager_sees_when_jobs_ran(engine, db, world):
    alert = SafetyAlert(
        young_person_id=world.young.id,
        question_key="risk.unsafe_now",
        option_key="yes",
        pa_id=world.pa.id,
        raised_at=utcnow() - timedelta(minutes=2),
    )
    db.add(alert)
    db.commit()
    settings = make_settings(engine, jobs_every_seconds=1, alert_escalation_minutes=1)
    with TestClient(create_app(settings, engine=engine), follow_redirects=False) as client:
        deadline = time.monotonic() + 30
        while db.get(SafetyAlert, alert.id).escalated_to_id is None and time.monotonic() < deadline:
            time.sleep(0.2)
            db.expire_all()
        assert db.get(SafetyAlert, alert.id).escalated_to_id == world.manager.id
        owed = db.exec(select(Notification).where(Notification.kind == "escalation")).all()
        assert [n.user_id for n in owed] == [world.manager.id]
        team = page(signed_in_client(client, db, world.manager).get("/team"))
        assert "1 alert was not picked up in time." in team.get_text(" ", strip=True)
        ran = team.find(id="jobs").get_text(" ", strip=True)
        assert "Escalating safety alerts nobody picked up" in ran
        assert "Not yet" not in ran.split("Sending owed email")[0]
