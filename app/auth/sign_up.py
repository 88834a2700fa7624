"""Creating a young person's account from an invite code: the check, the throttle, the account."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import update
from sqlmodel import Session, col

from app.audit.service import record_event
from app.auth.invite_tokens import sign_invite_step
from app.auth.passwords import hash_passphrase
from app.auth.sessions import end_all_sessions
from app.auth.throttle import add_hit, count_hits
from app.db import utcnow
from app.people.invites import find_invite
from app.people.models import InviteCode, Role, User, YoungPerson
from app.settings import Settings

INVITE_ADDRESS = "invite-address"


@dataclass(frozen=True)
class InviteCheck:
    """The outcome of checking a code and date of birth: a signed step token, or why not."""

    token: str | None = None
    too_many_tries: bool = False


def check_invite(
    session: Session, *, code: str, date_of_birth: date, client: str, settings: Settings
) -> InviteCheck:
    """Find the invite for this code and date of birth, counting failures per client address."""
    window = timedelta(minutes=settings.lock_minutes)
    tries = count_hits(session, secret=settings.secret_key, bucket=INVITE_ADDRESS, key=client, window=window)
    if tries >= settings.invite_tries_per_address:
        return InviteCheck(too_many_tries=True)
    invite = find_invite(session, code=code, date_of_birth=date_of_birth, settings=settings)
    if invite and invite.id:
        return InviteCheck(token=sign_invite_step(settings.secret_key, invite.id))
    add_hit(session, secret=settings.secret_key, bucket=INVITE_ADDRESS, key=client)
    session.commit()
    return InviteCheck()


class InviteAlreadyUsed(Exception):
    """The code was used or withdrawn while the young person was choosing their details."""


def redeem_invite(session: Session, *, invite: InviteCode, username: str, passphrase: str) -> User:
    """Create the young person's account (or give them new sign-in details) and use up the code."""
    claimed = session.exec(
        update(InviteCode)
        .where(
            col(InviteCode.id) == invite.id,
            col(InviteCode.used_at).is_(None),
            col(InviteCode.revoked_at).is_(None),
        )
        .values(used_at=utcnow())
    )
    if claimed.rowcount != 1:
        session.rollback()
        raise InviteAlreadyUsed
    person = session.get(YoungPerson, invite.young_person_id)
    assert person is not None
    user = session.get(User, person.user_id) if person.user_id else None
    if user is None:
        user = User(
            organisation_id=person.organisation_id,
            username=username,
            password_hash=hash_passphrase(passphrase),
            role=Role.young_person,
            display_name=person.first_name,
        )
    else:
        end_all_sessions(session, user_id=user.id)
        user.username = username
        user.password_hash = hash_passphrase(passphrase)
    session.add(user)
    session.flush()
    person.user_id = user.id
    session.add(person)
    record_event(
        session,
        actor=user,
        organisation_id=person.organisation_id,
        action="invite.redeemed",
        young_person_id=person.id,
        record_type="invite_code",
        record_id=invite.id,
    )
    session.commit()
    session.refresh(user)
    return user
