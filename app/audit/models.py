"""Audit events: actor, young person, record, action, time; never answers."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.db import utcnow


class AuditEvent(SQLModel, table=True):
    """One thing a person did that someone may later need to account for."""

    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    actor_id: int | None = Field(default=None, foreign_key="user.id")
    young_person_id: int | None = Field(default=None, foreign_key="young_person.id", index=True)
    action: str = Field(max_length=60)
    record_type: str | None = Field(default=None, max_length=40)
    record_id: int | None = None
    created_at: datetime = Field(default_factory=utcnow)
