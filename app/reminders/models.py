"""How a young person chose to be reminded, and the reminders owed to them."""

from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from app.db import utcnow


class Reminder(SQLModel, table=True):
    """A young person's reminder choices. The number or address is held only for these reminders:
    turning reminders off deletes the row."""

    __tablename__ = "reminder"

    id: int | None = Field(default=None, primary_key=True)
    young_person_id: int = Field(foreign_key="young_person.id", unique=True)
    channel: str = Field(max_length=10)  # "text" or "email"
    phone_number: str | None = Field(default=None, max_length=20)
    email: str | None = Field(default=None, max_length=254)
    frequency: str = Field(max_length=20)  # see app.reminders.choices.FREQUENCIES
    when_pa_replies: bool = False
    next_due_at: datetime | None = None
    reminded_for_meeting_on: date | None = None
    changed_at: datetime = Field(default_factory=utcnow)


class ReminderMessage(SQLModel, table=True):
    """A reminder owed: which young person and what kind, no words. Deleted once sent."""

    __tablename__ = "reminder_message"
    __table_args__ = (Index("ix_reminder_message_young_person", "young_person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    young_person_id: int = Field(foreign_key="young_person.id")
    kind: str = Field(max_length=10)  # "check_in" or "reply"
    created_at: datetime = Field(default_factory=utcnow)
    attempts: int = Field(default=0)
