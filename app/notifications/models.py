"""The outbox: one row per email owed to a member of staff, sent after the change commits."""

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from app.db import utcnow


class Notification(SQLModel, table=True):
    """An email to send; it names no young person and holds no answers."""

    __table_args__ = (Index("ix_notification_unsent", "sent_at", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id")
    kind: str = Field(max_length=30)
    created_at: datetime = Field(default_factory=utcnow)
    sent_at: datetime | None = None
    attempts: int = Field(default=0)
