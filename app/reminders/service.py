"""Turning reminders on, changing and turning them off, and owing a "your PA replied" notice."""

import calendar
from datetime import datetime, timedelta

from sqlmodel import Session, col, delete, select

from app.db import utcnow
from app.people.models import YoungPerson
from app.reminders.choices import ReminderChoice
from app.reminders.models import Reminder, ReminderMessage
from app.settings import Settings


def offered_channels(settings: Settings) -> list[str]:
    """Text needs GOV.UK Notify set up; email needs an SMTP server."""
    channels = []
    if settings.notify_api_key and settings.notify_sms_template_id:
        channels.append("text")
    if settings.smtp_host:
        channels.append("email")
    return channels


def add_month(moment: datetime) -> datetime:
    """The same day next month (or the month's last day, after the 28th)."""
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def next_due(frequency: str, after: datetime) -> datetime | None:
    """When the next regular reminder is due; None for "before my next meeting" and "never"."""
    steps = {"weekly": timedelta(weeks=1), "fortnightly": timedelta(weeks=2)}
    if frequency in steps:
        return after + steps[frequency]
    if frequency == "monthly":
        return add_month(after)
    return None


def reminder_for(session: Session, *, young_person_id: int) -> Reminder | None:
    return session.exec(select(Reminder).where(Reminder.young_person_id == young_person_id)).first()


def save_reminder(session: Session, *, person: YoungPerson, choice: ReminderChoice) -> Reminder:
    """Turn reminders on (or change them); only the chosen way of contact is kept. Commits."""
    assert person.id is not None
    now = utcnow()
    reminder = reminder_for(session, young_person_id=person.id) or Reminder(
        young_person_id=person.id, channel=choice.channel, frequency=choice.frequency
    )
    if reminder.frequency != choice.frequency or reminder.next_due_at is None:
        reminder.next_due_at = next_due(choice.frequency, now)
    reminder.channel, reminder.frequency = choice.channel, choice.frequency
    reminder.phone_number = choice.contact if choice.channel == "text" else None
    reminder.email = choice.contact if choice.channel == "email" else None
    reminder.when_pa_replies = choice.when_pa_replies
    reminder.changed_at = now
    session.add(reminder)
    session.commit()
    return reminder


def turn_off(session: Session, *, young_person_id: int) -> None:
    """Delete the choices, the number or address with them, and any reminder not yet sent (caller
    commits)."""
    session.exec(delete(ReminderMessage).where(col(ReminderMessage.young_person_id) == young_person_id))
    session.exec(delete(Reminder).where(col(Reminder.young_person_id) == young_person_id))


def stop_reminders(session: Session, *, young_person_id: int) -> None:
    """The young person turned reminders off: delete everything kept for them. Commits."""
    turn_off(session, young_person_id=young_person_id)
    session.commit()


def owe_reply_notice(session: Session, *, young_person_id: int) -> None:
    """The PA replied: owe a notice if the young person asked for one (caller commits)."""
    reminder = reminder_for(session, young_person_id=young_person_id)
    if reminder and reminder.when_pa_replies:
        session.add(ReminderMessage(young_person_id=young_person_id, kind="reply"))
