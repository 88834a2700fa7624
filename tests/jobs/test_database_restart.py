"""The database goes away and comes back under the background work (PostgreSQL, through the TCP
proxy of tests/faults.py so the shared server is never restarted): an email task that meets it
logs and leaves the email owed, the jobs send it later, and the scheduler loop carries on."""

import time
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from app.checkins.models import SafetyAlert
from app.db import make_engine, utcnow
from app.jobs.registry import JOBS
from app.jobs.runner import run_jobs
from app.main import create_app
from app.notifications.models import Notification
from tests.checkins.journey import Journey
from tests.conftest import make_settings
from tests.faults import TcpProxy
from tests.logs import warnings_of
from tests.notifications.smtp import Inbox, smtp_server
from tests.web import signed_in_client


@pytest.fixture
def proxy(engine):
    proxy = TcpProxy(engine.url.host or "127.0.0.1", engine.url.port or 5432)
    app_engine = make_engine(proxy.url(engine.url.render_as_string(hide_password=False)))
    yield proxy, app_engine
    proxy.close()
    app_engine.dispose()


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_an_email_task_meeting_a_database_restart_logs_and_the_email_goes_later(proxy, db, world):
    tcp, app_engine = proxy
    world.pa.email = "pa.one@council.example"
    db.add(world.pa)
    db.commit()
    inbox = Inbox()
    handle = inbox.handle_DATA

    async def database_restarts_while_sending(server, session, envelope):  # noqa: ANN001
        tcp.cut()  # the email is on its way; the database goes before the task can record it
        return await handle(server, session, envelope)

    inbox.handle_DATA = database_restarts_while_sending  # type: ignore[method-assign]
    with smtp_server(inbox) as (_inbox, port):
        settings = make_settings(app_engine, smtp_host="127.0.0.1", smtp_port=port, smtp_starttls=False)
        with TestClient(create_app(settings, engine=app_engine), follow_redirects=False) as client:
            signed_in_client(client, db, world.young_user)
            journey = Journey(client)
            journey.start()
            with warnings_of("checkin.mail") as warnings, warnings_of("checkin.request") as errors:
                assert journey.answer("risk", {"risk.unsafe_now": "yes"}).status_code == 303
        assert warnings == ["owed email left for the jobs"]
        assert errors == [], "no unhandled error"
        assert db.exec(select(Notification.sent_at)).all() == [None], "still owed"
        tcp.restore()
        inbox.handle_DATA = handle  # type: ignore[method-assign]
        email_job = next(job for job in JOBS if job.name == "email")
        (outcome,) = run_jobs(app_engine, settings, force=True, jobs=(email_job,))
        assert outcome.done == 1
    assert [m["To"] for m in inbox.messages] == ["pa.one@council.example"] * 2, "sent again, not lost"
    db.expire_all()
    assert db.exec(select(Notification.sent_at)).one() is not None


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_the_scheduler_carries_on_when_the_database_comes_back(proxy, db, world):
    tcp, app_engine = proxy
    alert = SafetyAlert(
        young_person_id=world.young.id,
        question_key="risk.unsafe_now",
        option_key="yes",
        pa_id=world.pa.id,
        raised_at=utcnow() - timedelta(minutes=2),
    )
    db.add(alert)
    db.commit()
    settings = make_settings(app_engine, jobs_every_seconds=1, alert_escalation_minutes=1)
    tcp.cut()
    with warnings_of("checkin.jobs") as warnings, TestClient(create_app(settings, engine=app_engine)):
        time.sleep(2.5)  # a few ticks with no database
        assert "jobs not run" in warnings
        tcp.restore()
        deadline = time.monotonic() + 20
        while db.get(SafetyAlert, alert.id).escalated_to_id is None and time.monotonic() < deadline:
            time.sleep(0.2)
            db.expire_all()
    assert db.get(SafetyAlert, alert.id).escalated_to_id == world.manager.id
