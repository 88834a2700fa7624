"""Signing in: throttled per account and per address, the same answer for every failure."""

from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select

from app.auth.passwords import hash_passphrase, verify_passphrase
from app.auth.sessions import end_all_sessions
from app.auth.throttle import add_hit, clear_hits, count_hits
from app.people.models import User
from app.settings import Settings

ACCOUNT = "login-account"
ADDRESS = "login-address"


@dataclass(frozen=True)
class SignInResult:
    user: User | None
    locked: bool = False


def normalise_username(username: str) -> str:
    """Usernames are compared without case or surrounding spaces."""
    return username.strip().casefold()


def is_locked(session: Session, *, username: str, client: str, settings: Settings) -> bool:
    """Whether sign-in for this username or from this address is paused for a while."""
    window = timedelta(minutes=settings.lock_minutes)
    secret = settings.secret_key
    return (
        count_hits(session, secret=secret, bucket=ACCOUNT, key=username, window=window)
        >= settings.login_failures_before_lock
        or count_hits(session, secret=secret, bucket=ADDRESS, key=client, window=window)
        >= settings.login_failures_per_address
    )


def sign_in(
    session: Session, *, username: str, passphrase: str, client: str, settings: Settings
) -> SignInResult:
    """Check a username and passphrase; unknown user and wrong passphrase look the same."""
    username = normalise_username(username)
    if is_locked(session, username=username, client=client, settings=settings):
        return SignInResult(user=None, locked=True)
    user = session.exec(select(User).where(User.username == username, User.active)).first()
    ok, new_hash = verify_passphrase(passphrase, user.password_hash if user else None)
    secret = settings.secret_key
    if not ok or user is None:
        add_hit(session, secret=secret, bucket=ACCOUNT, key=username)
        add_hit(session, secret=secret, bucket=ADDRESS, key=client)
        session.commit()
        return SignInResult(user=None)
    if new_hash:
        user.password_hash = new_hash
        session.add(user)
    clear_hits(session, secret=secret, bucket=ACCOUNT, key=username)
    session.commit()
    return SignInResult(user=user)


def check_current_passphrase(session: Session, *, user: User, passphrase: str, settings: Settings) -> bool:
    """Whether the user typed their current passphrase; failures count like sign-in ones."""
    if is_locked(session, username=user.username, client="", settings=settings):
        return False
    ok, _ = verify_passphrase(passphrase, user.password_hash)
    if not ok:
        add_hit(session, secret=settings.secret_key, bucket=ACCOUNT, key=user.username)
        session.commit()
    return ok


def change_passphrase(session: Session, *, user: User, new_passphrase: str) -> None:
    """Store the new passphrase and end every session of the account (caller starts a new one)."""
    user.password_hash = hash_passphrase(new_passphrase)
    session.add(user)
    end_all_sessions(session, user_id=user.id)
    session.commit()
