"""Counting attempts per key in a time window, stored in the database so every process agrees."""

from datetime import timedelta

from sqlalchemy import delete, func
from sqlmodel import Session, select

from app.auth.models import ThrottleHit
from app.auth.tokens import keyed_hash
from app.db import utcnow

_KEEP = timedelta(days=1)


def count_hits(session: Session, *, secret: str, bucket: str, key: str, window: timedelta) -> int:
    """How many attempts were counted for this key in the last window."""
    since = utcnow() - window
    statement = select(func.count()).where(
        ThrottleHit.bucket == bucket,
        ThrottleHit.key_hash == keyed_hash(secret, bucket, key),
        ThrottleHit.created_at >= since,
    )
    return session.exec(statement).one()


def add_hit(session: Session, *, secret: str, bucket: str, key: str) -> None:
    """Count one attempt and forget this key's attempts older than a day (caller commits)."""
    key_hash = keyed_hash(secret, bucket, key)
    session.exec(
        delete(ThrottleHit).where(
            ThrottleHit.bucket == bucket,
            ThrottleHit.key_hash == key_hash,
            ThrottleHit.created_at < utcnow() - _KEEP,
        )
    )
    session.add(ThrottleHit(bucket=bucket, key_hash=key_hash))


def clear_hits(session: Session, *, secret: str, bucket: str, key: str) -> None:
    """Forget every attempt counted for this key (caller commits)."""
    session.exec(
        delete(ThrottleHit).where(
            ThrottleHit.bucket == bucket, ThrottleHit.key_hash == keyed_hash(secret, bucket, key)
        )
    )
