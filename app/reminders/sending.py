"""The reminders job: owe what is due, honour STOP replies, and send what is owed.

Run by the built-in scheduler (app/jobs/registry.py), once per round across all app processes.
Nothing is sent at night (UK time). A reminder is deleted as soon as it has gone, in its own
transaction, so a crash can at worst send one reminder twice, never lose one silently.
"""

import logging
import smtplib
from datetime import datetime, time, timedelta
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import requests
from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient
from sqlmodel import Session, col, select

from app.i18n import gettext as _
from app.notifications.mailer import send_email
from app.people.models import PaAssignment
from app.reminders.choices import uk_mobile
from app.reminders.models import Reminder, ReminderMessage
from app.reminders.service import next_due, turn_off
from app.settings import Settings

log = logging.getLogger("checkin.reminders")
UK = ZoneInfo("Europe/London")
DAYTIME = (time(8, 0), time(21, 0))
DAYS_BEFORE_MEETING = 2
MAX_ATTEMPTS = 5
STOP_WORDS = {"STOP", "STOP ALL", "UNSUBSCRIBE", "END", "QUIT", "CANCEL"}


def is_daytime(now: datetime) -> bool:
    return DAYTIME[0] <= now.astimezone(UK).time() < DAYTIME[1]


def owe_due_reminders(session: Session, *, now: datetime) -> None:
    """A "check in" reminder for every regular reminder that is due and every meeting close enough."""
    due = session.exec(
        select(Reminder).where(col(Reminder.next_due_at).is_not(None), col(Reminder.next_due_at) <= now)
    ).all()
    for reminder in due:
        session.add(ReminderMessage(young_person_id=reminder.young_person_id, kind="check_in"))
        reminder.next_due_at = next_due(reminder.frequency, now)
        session.add(reminder)
    today = now.astimezone(UK).date()
    before_meetings = session.exec(
        select(Reminder, PaAssignment)
        .join(PaAssignment, col(PaAssignment.young_person_id) == Reminder.young_person_id)
        .where(
            Reminder.frequency == "before_meeting",
            col(PaAssignment.ended_at).is_(None),
            col(PaAssignment.next_meeting_on).is_not(None),
        )
    ).all()
    for reminder, assignment in before_meetings:
        meeting = assignment.next_meeting_on
        assert meeting is not None
        close = meeting - timedelta(days=DAYS_BEFORE_MEETING) <= today <= meeting
        if close and reminder.reminded_for_meeting_on != meeting:
            session.add(ReminderMessage(young_person_id=reminder.young_person_id, kind="check_in"))
            reminder.reminded_for_meeting_on = meeting
            session.add(reminder)
    session.commit()


def _client(settings: Settings) -> NotificationsAPIClient:
    assert settings.notify_api_key
    return NotificationsAPIClient(settings.notify_api_key, base_url=settings.notify_base_url, timeout=10)


def honour_stop_replies(session: Session, *, settings: Settings) -> int:
    """Turn reminders off for every number that replied STOP after choosing them."""
    if not (settings.notify_api_key and settings.notify_receives_texts):
        return 0
    try:
        received = _client(settings).get_received_texts().get("received_text_messages", [])
    except (APIError, requests.RequestException) as error:
        log.warning("texts received not read", extra={"error": type(error).__name__})
        return 0
    stopped = 0
    for text in received:
        if str(text.get("content", "")).strip().upper() not in STOP_WORDS:
            continue
        number = uk_mobile(str(text.get("user_number", "")))
        replied_at = datetime.fromisoformat(str(text.get("created_at", "")).replace("Z", "+00:00"))
        for reminder in session.exec(select(Reminder).where(Reminder.phone_number == number)).all():
            if replied_at > reminder.changed_at:
                turn_off(session, young_person_id=reminder.young_person_id)
                stopped += 1
    session.commit()
    return stopped


def words(kind: str, settings: Settings, *, channel: str) -> str:
    """What a reminder says: never a name, never anything from a check-in."""
    link = settings.public_url.rstrip("/")
    first = (
        _("You have a new message in Check-in.")
        if kind == "reply"
        else _("This is the Check-in reminder you asked for. Check in if you want to.")
    )
    if channel == "text" and settings.notify_receives_texts:
        stop = _("To stop these texts, reply STOP or go to %(link)s/reminders", link=link)
    else:
        stop = _("To stop these reminders, go to %(link)s/reminders", link=link)
    return f"{first}\n{link}\n\n{stop}"


def _send(reminder: Reminder, kind: str, settings: Settings, reference: str) -> None:
    body = words(kind, settings, channel=reminder.channel)
    if reminder.channel == "text":
        _client(settings).send_sms_notification(
            phone_number=reminder.phone_number,
            template_id=settings.notify_sms_template_id,
            personalisation={"message": body},
            reference=reference,
        )
    else:
        assert reminder.email
        message = EmailMessage()
        message["Subject"], message["From"], message["To"] = _("Check-in"), settings.mail_from, reminder.email
        message.set_content(body + "\n")
        send_email(message, settings)


def send_owed(session: Session, *, settings: Settings) -> int:
    """Send every reminder owed; returns how many went."""
    owed = session.exec(
        select(ReminderMessage, Reminder)
        .join(Reminder, col(Reminder.young_person_id) == ReminderMessage.young_person_id, isouter=True)
        .order_by(col(ReminderMessage.id))
    ).all()
    sent = 0
    for message, reminder in owed:
        if reminder is not None:
            try:
                _send(reminder, message.kind, settings, reference=f"reminder-{message.id}")
            except (APIError, requests.RequestException, OSError, smtplib.SMTPException) as error:
                log.warning("reminder not sent", extra={"error": type(error).__name__})
                message.attempts += 1
                if message.attempts < MAX_ATTEMPTS:
                    session.add(message)
                    session.commit()
                    continue
            else:
                sent += 1
        session.delete(message)
        session.commit()
    return sent


def run_reminders(session: Session, now: datetime, settings: Settings) -> int:
    """The job: in the daytime, owe what is due, honour STOP, send; returns how many were sent."""
    if not is_daytime(now):
        return 0
    owe_due_reminders(session, now=now)
    honour_stop_replies(session, settings=settings)
    return send_owed(session, settings=settings)
