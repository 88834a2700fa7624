"""Audit events: actor, young person, record, action, time; never answers."""

from datetime import datetime

from sqlalchemy import event
from sqlalchemy.orm import Session
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


@event.listens_for(Session, "before_flush")
def _audit_is_append_only(session: Session, _context: object, _instances: object) -> None:
    """The application may add audit rows but never change or delete one."""
    for row in (*session.dirty, *session.deleted):
        if isinstance(row, AuditEvent) and (row in session.deleted or session.is_modified(row)):
            raise PermissionError("The audit trail is append-only")
