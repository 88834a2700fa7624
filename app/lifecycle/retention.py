"""Retention: check-ins the young person never shared are deleted after the configured time."""

from datetime import datetime, timedelta

from sqlalchemy import exists
from sqlmodel import Session, col, select

from app.checkins.models import CheckIn, TopicResponse
from app.checkins.removal import remove_check_in
from app.db import utcnow
from app.lifecycle.models import RetentionRun


def unshared_check_ins_due(session: Session, *, older_than: datetime) -> list[CheckIn]:
    """Check-ins (sent or unfinished) last touched before the cutoff with nothing ever shared."""
    shared = exists().where(TopicResponse.check_in_id == CheckIn.id, col(TopicResponse.shared).is_(True))
    return list(
        session.exec(
            select(CheckIn).where(CheckIn.updated_at < older_than, ~shared).order_by(CheckIn.id)
        ).all()
    )


def purge_unshared(session: Session, *, keep_days: int, now: datetime | None = None) -> int:
    """Delete what is due and return only how many check-ins went (alerts stay on record)."""
    due = unshared_check_ins_due(session, older_than=(now or utcnow()) - timedelta(days=keep_days))
    for check_in in due:
        remove_check_in(session, check_in=check_in)
    return len(due)


def run_retention(session: Session, *, keep_days: int, now: datetime | None = None) -> RetentionRun:
    """Purge what is due and record the count."""
    deleted = purge_unshared(session, keep_days=keep_days, now=now)
    run = RetentionRun(ran_at=now or utcnow(), check_ins_deleted=deleted)
    session.add(run)
    session.commit()
    return run
