"""Deleting a check-in the young person never shared; safety alerts it raised stay on record."""

from sqlalchemy import delete, update
from sqlmodel import Session, col

from app.checkins.models import Answer, CheckIn, Correction, SafetyAlert, TopicResponse


def remove_check_in(session: Session, *, check_in: CheckIn) -> None:
    """Delete the check-in, its answers and choices; alerts keep only their answer and time."""
    session.exec(
        update(SafetyAlert).where(col(SafetyAlert.check_in_id) == check_in.id).values(check_in_id=None)
    )
    for model in (Answer, TopicResponse, Correction):
        session.exec(delete(model).where(col(model.check_in_id) == check_in.id))
    session.delete(check_in)
    session.commit()
