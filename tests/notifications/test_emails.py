"""Emails to staff go through a real SMTP server and carry no names and no answers."""

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from app.db import utcnow
from app.main import create_app
from app.meetings.alert_desk import escalate_due
from app.notifications.mailer import deliver_pending
from app.notifications.models import Notification
from tests.checkins.journey import Journey
from tests.conftest import make_settings
from tests.notifications.smtp import smtp_server
from tests.web import signed_in_client


@pytest.fixture
def mail(engine, db, world):
    world.pa.email = "pa.one@council.example"
    world.manager.email = "manager@council.example"
    db.add_all([world.pa, world.manager])
    db.commit()
    with smtp_server() as (inbox, port):
        settings = make_settings(engine, smtp_host="127.0.0.1", smtp_port=port, smtp_starttls=False)
        with TestClient(create_app(settings, engine=engine), follow_redirects=False) as client:
            yield client, inbox


def _secret_free(message, world) -> str:
    body = message.get_payload(decode=True).decode()
    for secret in ("Alex", "Tester", "young.one", "unsafe", "my secret words"):
        assert secret not in body and secret not in message["Subject"]
    return body


def test_the_pa_is_emailed_when_a_check_in_is_shared(mail, db, world):
    client, inbox = mail
    signed_in_client(client, db, world.young_user)
    journey = Journey(client)
    journey.start()
    journey.answer("employment", {"employment.feeling": "good", "comment": "my secret words"})
    journey.finish({"employment": "share"})
    assert [m["To"] for m in inbox.messages] == ["pa.one@council.example"]
    body = _secret_free(inbox.messages[0], world)
    assert "A young person you support needs you to sign in" in body
    assert "/sign-in" in body


def test_nothing_is_emailed_when_nothing_is_shared(mail, db, world):
    client, inbox = mail
    signed_in_client(client, db, world.young_user)
    journey = Journey(client)
    journey.start()
    journey.answer("employment", {"employment.feeling": "good"})
    journey.finish({"employment": "keep"})
    assert inbox.messages == []


def test_an_alert_emails_the_pa_at_once_with_no_content(mail, db, world):
    client, inbox = mail
    signed_in_client(client, db, world.young_user)
    journey = Journey(client)
    journey.start()
    journey.answer("risk", {"risk.unsafe_now": "yes", "comment": "my secret words"})
    assert [m["To"] for m in inbox.messages] == ["pa.one@council.example"]
    _secret_free(inbox.messages[0], world)


def test_an_away_pas_alert_goes_to_the_duty_team(mail, db, world):
    world.pa.away = True
    db.add(world.pa)
    db.commit()
    client, inbox = mail
    signed_in_client(client, db, world.young_user)
    journey = Journey(client)
    journey.start()
    journey.answer("risk", {"risk.unsafe_now": "yes"})
    assert [m["To"] for m in inbox.messages] == ["manager@council.example"]


def test_without_smtp_settings_emails_wait_in_the_outbox(client, db, world):
    signed_in_client(client, db, world.young_user)
    journey = Journey(client)
    journey.start()
    journey.answer("risk", {"risk.unsafe_now": "yes"})
    owed = db.exec(select(Notification)).all()
    assert [(n.user_id, n.kind, n.sent_at) for n in owed] == [(world.pa.id, "alert", None)]


def test_an_escalation_emails_the_manager_once_with_no_content(mail, engine, db, world):
    client, inbox = mail
    signed_in_client(client, db, world.young_user)
    journey = Journey(client)
    journey.start()
    journey.answer("risk", {"risk.unsafe_now": "yes", "comment": "my secret words"})
    inbox.messages.clear()
    settings = client.app.state.settings
    later = utcnow() + timedelta(minutes=settings.alert_escalation_minutes + 5)
    for _ in range(2):
        escalate_due(db, after_minutes=settings.alert_escalation_minutes, now=later)
        deliver_pending(db, settings=settings)
    assert [m["To"] for m in inbox.messages] == ["manager@council.example"]
    body = _secret_free(inbox.messages[0], world)
    assert "has not been picked up" in body
