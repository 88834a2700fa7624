"""Server-side sessions: create at sign-in, check lifetimes on each request, end on the server."""

from datetime import timedelta

from sqlalchemy import bindparam, delete
from sqlmodel import Session, col, select

from app.auth.models import UserSession
from app.auth.tokens import random_token, sha256
from app.db import utcnow
from app.people.models import User
from app.settings import Settings

_TOUCH_EVERY = timedelta(seconds=60)


def start_session(session: Session, *, user: User, replacing: str | None = None) -> str:
    """A new session for the user, ending the one it replaces; returns the cookie value."""
    if replacing:
        end_session(session, token=replacing)
    token = random_token()
    session.add(UserSession(token_hash=sha256(token), user_id=user.id))
    session.commit()
    return token


# Built once (every signed-in request runs it): the session and its user in one query.
_SESSION_AND_USER = (
    select(UserSession, User)
    .outerjoin(User, col(User.id) == col(UserSession.user_id))
    .where(col(UserSession.token_hash) == bindparam("token_hash"))
)


def load_session(session: Session, *, token: str, settings: Settings) -> User | None:
    """The active user behind a cookie, or None when unknown, expired or the account is closed."""
    found = session.exec(_SESSION_AND_USER, params={"token_hash": sha256(token)}).first()
    if found is None:
        return None
    row, user = found
    now = utcnow()
    idle = timedelta(minutes=settings.session_idle_minutes)
    absolute = timedelta(hours=settings.session_absolute_hours)
    if now - row.last_seen_at > idle or now - row.created_at > absolute or not (user and user.active):
        session.delete(row)
        session.commit()
        return None
    if now - row.last_seen_at > _TOUCH_EVERY:
        row.last_seen_at = now
        session.add(row)
        session.commit()
    return user


def end_session(session: Session, *, token: str) -> None:
    """Forget one session on the server (caller commits)."""
    session.exec(delete(UserSession).where(UserSession.token_hash == sha256(token)))


def end_all_sessions(session: Session, *, user_id: int) -> None:
    """Sign a user out everywhere (caller commits)."""
    session.exec(delete(UserSession).where(UserSession.user_id == user_id))
