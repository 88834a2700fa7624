"""Server-side sessions and throttling counters."""

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from app.db import utcnow


class UserSession(SQLModel, table=True):
    """A signed-in browser; the cookie holds a random id and only its SHA-256 is stored."""

    __tablename__ = "user_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)


class ThrottleHit(SQLModel, table=True):
    """One counted attempt (a failed sign-in, an invite try) for a hashed key in a bucket."""

    __tablename__ = "throttle_hit"
    __table_args__ = (Index("ix_throttle_hit_lookup", "bucket", "key_hash", "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    bucket: str = Field(max_length=20)
    key_hash: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
