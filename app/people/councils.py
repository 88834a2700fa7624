"""The network's councils: the list, and a new council with its first admin."""

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.audit.service import record_event
from app.auth.passwords import hash_passphrase
from app.people.models import STAFF_ROLES, Organisation, Role, User


@dataclass(frozen=True)
class CouncilSummary:
    council: Organisation
    admins: list[str]
    staff: int


def councils(session: Session) -> list[CouncilSummary]:
    """Every council by name, with its admins' names and how many staff accounts it has."""
    rows = session.exec(select(Organisation).order_by(col(Organisation.name), col(Organisation.id))).all()
    admins: dict[int, list[str]] = {}
    for organisation_id, name in session.exec(
        select(User.organisation_id, User.display_name)
        .where(User.role == Role.admin, User.active)
        .order_by(User.display_name)
    ).all():
        admins.setdefault(organisation_id, []).append(name)
    staff = dict(
        session.exec(
            select(User.organisation_id, func.count())
            .where(col(User.role).in_(list(STAFF_ROLES)))
            .group_by(col(User.organisation_id))
        ).all()
    )
    return [CouncilSummary(c, admins.get(c.id or 0, []), staff.get(c.id or 0, 0)) for c in rows]


def council_named(session: Session, *, name: str) -> Organisation | None:
    """The council with this name, ignoring case."""
    return session.exec(select(Organisation).where(func.lower(Organisation.name) == name.casefold())).first()


def create_council(
    session: Session,
    *,
    actor: User | None,
    name: str,
    admin_name: str,
    username: str,
    email: str | None,
    passphrase: str,
) -> Organisation:
    """A new council and its first admin, audited in the new council (no actor: command line)."""
    council = Organisation(name=name)
    session.add(council)
    session.flush()
    assert council.id is not None
    admin = User(
        organisation_id=council.id,
        username=username,
        password_hash=hash_passphrase(passphrase),
        role=Role.admin,
        display_name=admin_name,
        email=email or None,
    )
    session.add(admin)
    session.flush()
    record_event(
        session,
        actor=actor,
        organisation_id=council.id,
        action="council.created",
        record_type="organisation",
        record_id=council.id,
    )
    record_event(
        session,
        actor=actor,
        organisation_id=council.id,
        action="staff.created",
        record_type="user",
        record_id=admin.id,
    )
    session.commit()
    return council
