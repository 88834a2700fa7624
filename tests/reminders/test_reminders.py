"""Reminders a young person chooses: saved only with their consent, sent once in the daytime through
a local Notify server or a real SMTP server, never with personal content, and gone when turned off."""

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from app.checkins.models import CheckIn
from app.closures.service import confirm_closure as close_account
from app.closures.service import pending_closure_for, request_closure
from app.main import create_app
from app.meetings.loop import reply
from app.people.service import current_assignment
from app.reminders.models import Reminder, ReminderMessage
from app.reminders.sending import run_reminders
from tests.checkins.journey import Journey
from tests.conftest import make_settings
from tests.notifications.notify import API_KEY, SMS_TEMPLATE_ID, notify_server
from tests.notifications.smtp import smtp_server
from tests.web import page, post_form, signed_in_client

NOON = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)  # daytime in the UK
PERSONAL = ("Alex", "Tester", "young.one", "07700 900 982", "07700900982")


@pytest.fixture
def services(engine):
    with notify_server() as (notify, notify_url), smtp_server() as (inbox, port):
        settings = make_settings(
            engine,
            notify_api_key=API_KEY,
            notify_base_url=notify_url,
            notify_sms_template_id=SMS_TEMPLATE_ID,
            notify_receives_texts=True,
            smtp_host="127.0.0.1",
            smtp_port=port,
            smtp_starttls=False,
        )
        yield settings, notify, inbox


@pytest.fixture
def young(services, engine, db, world):
    settings, _notify, _inbox = services
    with TestClient(create_app(settings, engine=engine), follow_redirects=False) as client:
        yield signed_in_client(client, db, world.young_user)


TEXT_FORTNIGHTLY = {
    "channel": "text",
    "phone_number": "07700 900 982",
    "frequency": "fortnightly",
    "when_pa_replies": "yes",
}


def reminder_of(db, world) -> Reminder | None:
    db.expire_all()
    return db.exec(select(Reminder).where(Reminder.young_person_id == world.young.id)).first()


def test_reminders_are_off_until_turned_on_and_the_number_is_kept_only_while_on(young, db, world):
    assert reminder_of(db, world) is None
    assert "Reminders are off, so we hold no phone number" in young.get("/my-data").text

    saved = post_form(young, "/reminders", TEXT_FORTNIGHTLY)
    assert saved.headers["location"] == "/reminders?done=on"
    reminder = reminder_of(db, world)
    assert reminder is not None and reminder.phone_number == "07700900982" and reminder.email is None
    assert "07700900982" in young.get("/my-data").text
    assert '"number_or_email": "07700900982"' in young.get("/my-data.json").text

    post_form(young, "/reminders/off", {}, token_from="/reminders")
    assert reminder_of(db, world) is None
    my_data = young.get("/my-data").text
    assert "07700900982" not in my_data and "Reminders are off" in my_data


def test_mistakes_are_explained_and_what_was_typed_is_kept(young, db, world):
    answer = post_form(young, "/reminders", {**TEXT_FORTNIGHTLY, "phone_number": "0123 not a mobile"})
    assert answer.status_code == 422
    html = page(answer)
    summary = html.select_one(".govuk-error-summary")
    assert summary is not None and "Enter a UK mobile number, like 07700 900 982" in summary.text
    assert html.select_one("#phone-number")["value"] == "0123 not a mobile"
    assert html.select_one("#frequency-2").has_attr("checked")  # "Every 2 weeks" still chosen
    nothing = post_form(young, "/reminders", {"channel": "text", "phone_number": "07700900982"})
    assert "Choose how often you would like a reminder" in nothing.text
    assert reminder_of(db, world) is None


def test_a_due_reminder_is_sent_once_by_text_in_the_daytime_with_nothing_personal(young, services, db, world):
    settings, notify, _inbox = services
    post_form(young, "/reminders", TEXT_FORTNIGHTLY)
    reminder = reminder_of(db, world)
    assert reminder is not None and reminder.next_due_at is not None
    due = reminder.next_due_at

    assert run_reminders(db, due - timedelta(minutes=1), settings) == 0
    night = (due + timedelta(days=1)).replace(hour=2)
    assert run_reminders(db, night, settings) == 0, "nothing is sent at night"
    day = night.replace(hour=12)
    assert run_reminders(db, day, settings) == 1
    assert run_reminders(db, day + timedelta(minutes=1), settings) == 0, "sent once, not every round"

    (text,) = notify.texts
    assert text["phone_number"] == "07700900982" and text["template_id"] == SMS_TEMPLATE_ID
    body = text["personalisation"]["message"]
    assert "This is the Check-in reminder you asked for" in body
    assert settings.public_url in body and "reply STOP" in body
    assert not any(secret in body.replace(text["phone_number"], "") for secret in PERSONAL)
    assert notify.refused == 0
    again = reminder_of(db, world)
    assert again is not None and again.next_due_at is not None
    assert again.next_due_at - day == timedelta(weeks=2)
    assert db.exec(select(ReminderMessage)).all() == []


def test_the_pa_replying_sends_a_notice_only_to_those_who_asked(young, services, db, world):
    settings, notify, _inbox = services
    journey = Journey(young)
    journey.start()
    journey.answer("employment", {"employment.feeling": "good", "comment": "my secret words"})
    journey.finish({"employment": "share"})
    post_form(young, "/reminders", {**TEXT_FORTNIGHTLY, "frequency": "never", "when_pa_replies": ""})
    assert "Choose how often, or tick" in young.get("/reminders").text or reminder_of(db, world) is None
    post_form(young, "/reminders", {**TEXT_FORTNIGHTLY, "when_pa_replies": ""})
    check_in = db.get(CheckIn, journey.check_in_id)
    reply(db, actor=world.pa, person=world.young, check_in=check_in, words="Good to hear", actions="")
    assert run_reminders(db, NOON, settings) == 0

    post_form(young, "/reminders", TEXT_FORTNIGHTLY)
    reply(db, actor=world.pa, person=world.young, check_in=check_in, words="See you Tuesday", actions="")
    assert run_reminders(db, NOON, settings) == 1
    (body,) = notify.bodies()
    assert body.startswith("You have a new message in Check-in.")
    assert "See you Tuesday" not in body and "my secret words" not in body


def test_email_reminders_arrive_through_smtp(young, services, db, world):
    settings, _notify, inbox = services
    post_form(young, "/reminders", {"channel": "email", "email": "alex@example.com", "frequency": "weekly"})
    reminder = reminder_of(db, world)
    assert reminder is not None and reminder.phone_number is None and reminder.next_due_at is not None
    assert run_reminders(db, reminder.next_due_at.replace(hour=12) + timedelta(days=1), settings) == 1
    (message,) = inbox.messages
    assert message["To"] == "alex@example.com" and message["Subject"] == "Check-in"
    body = message.get_payload(decode=True).decode()
    assert "/reminders" in body and "Alex" not in body and "Tester" not in body


def test_stop_by_text_turns_reminders_off_but_not_an_old_stop(young, services, db, world):
    settings, notify, _inbox = services
    notify.reply("+447700900982", "Stop", at=datetime.now(UTC) - timedelta(days=30))
    post_form(young, "/reminders", TEXT_FORTNIGHTLY)
    run_reminders(db, NOON, settings)
    assert reminder_of(db, world) is not None, (
        "a STOP sent before choosing reminders again counts for nothing"
    )

    notify.reply("+44 7700 900982", " STOP ")
    run_reminders(db, NOON, settings)
    assert reminder_of(db, world) is None


def test_a_reminder_waits_while_notify_is_down_and_goes_when_it_is_back(young, services, db, world):
    settings, notify, _inbox = services
    post_form(young, "/reminders", TEXT_FORTNIGHTLY)
    db.add(ReminderMessage(young_person_id=world.young.id, kind="check_in"))
    db.commit()
    notify.down = True
    assert run_reminders(db, NOON, settings) == 0
    notify.down = False
    assert run_reminders(db, NOON, settings) == 1
    assert len(notify.texts) == 1


def test_before_my_next_meeting_sends_one_reminder_for_that_meeting(young, services, db, world):
    settings, notify, _inbox = services
    post_form(young, "/reminders", {**TEXT_FORTNIGHTLY, "frequency": "before_meeting"})
    assignment = current_assignment(db, young_person_id=world.young.id)
    assert assignment is not None
    assignment.next_meeting_on = NOON.date() + timedelta(days=2)
    db.add(assignment)
    db.commit()
    assert run_reminders(db, NOON - timedelta(days=1), settings) == 0, "three days before is too early"
    assert run_reminders(db, NOON, settings) == 1
    assert run_reminders(db, NOON + timedelta(days=1), settings) == 0
    assert len(notify.texts) == 1


def test_closing_the_account_deletes_the_reminders(young, db, world):
    post_form(young, "/reminders", TEXT_FORTNIGHTLY)
    closure = request_closure(db, user=world.young_user, person=world.young)
    pending = pending_closure_for(db, staff=world.pa, request_id=closure.id)
    assert pending is not None
    close_account(db, staff=world.pa, pending=pending)
    assert reminder_of(db, world) is None
