"""Writing audit events; the application only ever adds rows."""

from sqlmodel import Session

from app.audit.models import AuditEvent
from app.people.models import User


def record_event(
    session: Session,
    *,
    actor: User | None,
    organisation_id: int,
    action: str,
    young_person_id: int | None = None,
    record_type: str | None = None,
    record_id: int | None = None,
) -> None:
    """Add one audit row to the caller's transaction (the caller commits)."""
    session.add(
        AuditEvent(
            organisation_id=organisation_id,
            actor_id=actor.id if actor else None,
            young_person_id=young_person_id,
            action=action,
            record_type=record_type,
            record_id=record_id,
        )
    )
