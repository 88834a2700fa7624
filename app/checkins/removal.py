"""Deleting what a young person never shared: a whole check-in, or the kept topics of a check-in
that was partly shared; safety alerts stay on record."""

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from app.checkins.models import Answer, CheckIn, Correction, SafetyAlert, TopicResponse
from app.insights.table_cache import forget
from app.themes.confirmed import remove_themes


def remove_check_in(session: Session, *, check_in: CheckIn) -> None:
    """Delete the check-in, its answers, choices and themes; alerts keep only their answer and time."""
    session.exec(
        update(SafetyAlert).where(col(SafetyAlert.check_in_id) == check_in.id).values(check_in_id=None)
    )
    remove_themes(session, check_in_id=check_in.id or 0)
    for model in (Answer, TopicResponse, Correction):
        session.exec(delete(model).where(col(model.check_in_id) == check_in.id))
    session.delete(check_in)
    if check_in.submitted_at is not None:  # a sent check-in counts in the analysts' tables
        forget(session, young_person_id=check_in.young_person_id, since=check_in.submitted_at)
    session.commit()


def kept_topic_keys(session: Session, *, check_in: CheckIn) -> list[str]:
    """The topics of the check-in answered but kept from the PA."""
    statement = select(TopicResponse.topic_key).where(
        TopicResponse.check_in_id == check_in.id,
        col(TopicResponse.shared).is_not(True),
        col(TopicResponse.skipped).is_(False),
    )
    return list(session.exec(statement).all())


def remove_kept_topics(session: Session, *, check_in: CheckIn) -> int:
    """Delete the answers, words and themes of every topic kept from the PA, leaving the shared ones (and any
    safety alert) as they are; returns how many topics went."""
    keys = kept_topic_keys(session, check_in=check_in)
    remove_themes(session, check_in_id=check_in.id or 0, topic_keys=keys)
    for model in (Answer, TopicResponse, Correction):
        session.exec(
            delete(model).where(col(model.check_in_id) == check_in.id, col(model.topic_key).in_(keys))
        )
    session.commit()
    return len(keys)
