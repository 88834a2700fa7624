"""One-time invite codes: issued by a PA, redeemed by the young person with their date of birth."""

import secrets
from datetime import date, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from app.audit.service import record_event
from app.auth.sessions import end_all_sessions
from app.auth.tokens import keyed_hash
from app.db import utcnow
from app.people.models import InviteCode, User, YoungPerson
from app.settings import Settings

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def normalise_code(typed: str) -> str:
    """What the person meant: upper case, no spaces or dashes, O as 0 and I or L as 1."""
    return "".join(ch for ch in typed.upper() if ch.isalnum()).translate(_LOOKALIKES)


def format_code(code: str) -> str:
    """A code split into two groups of five, easy to read out."""
    return f"{code[:5]}-{code[5:]}"


def _code_hash(settings: Settings, code: str) -> str:
    return keyed_hash(settings.secret_key, "invite", code)


def issue_invite(session: Session, *, actor: User, young_person: YoungPerson, settings: Settings) -> str:
    """A new code for the young person; any earlier unused code stops working."""
    now = utcnow()
    session.exec(
        update(InviteCode)
        .where(
            col(InviteCode.young_person_id) == young_person.id,
            col(InviteCode.used_at).is_(None),
            col(InviteCode.revoked_at).is_(None),
        )
        .values(revoked_at=now)
    )
    code = "".join(secrets.choice(CROCKFORD) for _ in range(CODE_LENGTH))
    session.add(
        InviteCode(
            young_person_id=young_person.id,
            code_hash=_code_hash(settings, code),
            created_by_id=actor.id,
            created_at=now,
            expires_at=now + timedelta(days=settings.invite_days),
        )
    )
    record_event(
        session,
        actor=actor,
        organisation_id=young_person.organisation_id,
        action="invite.issued",
        young_person_id=young_person.id,
        record_type="young_person",
        record_id=young_person.id,
    )
    session.commit()
    return format_code(code)


def find_invite(session: Session, *, code: str, date_of_birth: date, settings: Settings) -> InviteCode | None:
    """The live invite matching both the code and the young person's date of birth."""
    normal = normalise_code(code)
    if len(normal) != CODE_LENGTH:
        return None
    statement = (
        select(InviteCode)
        .join(YoungPerson, col(YoungPerson.id) == InviteCode.young_person_id)
        .where(
            InviteCode.code_hash == _code_hash(settings, normal),
            col(InviteCode.used_at).is_(None),
            col(InviteCode.revoked_at).is_(None),
            InviteCode.expires_at > utcnow(),
            YoungPerson.date_of_birth == date_of_birth,
        )
    )
    return session.exec(statement).first()


def sign_out_everywhere(session: Session, *, actor: User, young_person: YoungPerson) -> None:
    """End every session of the young person's account (a lost or shared phone)."""
    if young_person.user_id:
        end_all_sessions(session, user_id=young_person.user_id)
    record_event(
        session,
        actor=actor,
        organisation_id=young_person.organisation_id,
        action="sessions.ended",
        young_person_id=young_person.id,
        record_type="young_person",
        record_id=young_person.id,
    )
    session.commit()
