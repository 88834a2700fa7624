"""Young people, their PAs, and staff accounts: the reads and writes the pages need."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.audit.service import record_event
from app.auth.passwords import hash_passphrase
from app.auth.sessions import end_all_sessions
from app.db import utcnow
from app.people.models import (
    STAFF_ROLES,
    InviteCode,
    Locality,
    PaAssignment,
    Role,
    Team,
    User,
    YoungPerson,
)


@dataclass(frozen=True)
class CaseloadEntry:
    young_person: YoungPerson
    signed_up: bool
    invite_expires_at: datetime | None


def current_pa(session: Session, *, young_person_id: int) -> User | None:
    """The PA currently assigned to a young person, if any."""
    statement = (
        select(User)
        .join(PaAssignment, col(PaAssignment.pa_id) == User.id)
        .where(PaAssignment.young_person_id == young_person_id, col(PaAssignment.ended_at).is_(None))
    )
    return session.exec(statement).first()


def current_assignment(session: Session, *, young_person_id: int) -> PaAssignment | None:
    """The open PA assignment of a young person."""
    return session.exec(
        select(PaAssignment).where(
            PaAssignment.young_person_id == young_person_id, col(PaAssignment.ended_at).is_(None)
        )
    ).first()


def is_current_pa(session: Session, *, pa_id: int, young_person_id: int) -> bool:
    """Whether this PA supports this young person now."""
    statement = select(PaAssignment.id).where(
        PaAssignment.pa_id == pa_id,
        PaAssignment.young_person_id == young_person_id,
        col(PaAssignment.ended_at).is_(None),
    )
    return session.exec(statement).first() is not None


def caseload(session: Session, *, pa: User) -> list[CaseloadEntry]:
    """The PA's current young people by name, with whether they have signed up."""
    people = session.exec(
        select(YoungPerson)
        .join(PaAssignment, col(PaAssignment.young_person_id) == YoungPerson.id)
        .where(PaAssignment.pa_id == pa.id, col(PaAssignment.ended_at).is_(None))
        .order_by(YoungPerson.first_name, YoungPerson.last_name, YoungPerson.id)
    ).all()
    expiries = live_invite_expiries(session, young_person_ids=[p.id for p in people if p.id])
    return [CaseloadEntry(p, p.user_id is not None, expiries.get(p.id) if p.id else None) for p in people]


def live_invite_expiries(session: Session, *, young_person_ids: list[int]) -> dict[int, datetime]:
    """For each young person with an unused, unexpired code: when it expires."""
    if not young_person_ids:
        return {}
    rows = session.exec(
        select(InviteCode.young_person_id, func.max(InviteCode.expires_at))
        .where(
            col(InviteCode.young_person_id).in_(young_person_ids),
            col(InviteCode.used_at).is_(None),
            col(InviteCode.revoked_at).is_(None),
            InviteCode.expires_at > utcnow(),
        )
        .group_by(InviteCode.young_person_id)
    ).all()
    return dict(rows)


def localities(session: Session, *, organisation_id: int) -> list[Locality]:
    """The council's localities by name."""
    return list(
        session.exec(
            select(Locality)
            .where(Locality.organisation_id == organisation_id)
            .order_by(Locality.name, Locality.id)
        ).all()
    )


def teams(session: Session, *, organisation_id: int) -> list[Team]:
    """The council's teams by name."""
    return list(
        session.exec(
            select(Team).where(Team.organisation_id == organisation_id).order_by(Team.name, Team.id)
        ).all()
    )


def staff(session: Session, *, organisation_id: int, role: Role | None = None) -> list[User]:
    """Staff accounts of a council by name, optionally of one role."""
    statement = select(User).where(
        User.organisation_id == organisation_id, col(User.role).in_(list(STAFF_ROLES))
    )
    if role:
        statement = statement.where(User.role == role)
    return list(session.exec(statement.order_by(User.display_name, User.id)).all())


def active_pas(session: Session, *, organisation_id: int, team_id: int | None = None) -> list[User]:
    """PAs who can take on young people (in this team only, when given)."""
    return [
        u
        for u in staff(session, organisation_id=organisation_id, role=Role.pa)
        if u.active and (team_id is None or u.team_id == team_id)
    ]


def create_young_person(
    session: Session,
    *,
    actor: User,
    first_name: str,
    last_name: str,
    date_of_birth: date,
    locality_id: int,
    gender: str | None,
    pa: User,
) -> YoungPerson:
    """Add a young person's record and assign them to a PA."""
    person = YoungPerson(
        organisation_id=actor.organisation_id,
        locality_id=locality_id,
        first_name=first_name,
        last_name=last_name,
        date_of_birth=date_of_birth,
        gender=gender or None,
    )
    session.add(person)
    session.flush()
    start_assignment(session, actor=actor, young_person=person, pa=pa)
    record_event(
        session,
        actor=actor,
        organisation_id=actor.organisation_id,
        action="young_person.created",
        young_person_id=person.id,
        record_type="young_person",
        record_id=person.id,
    )
    session.commit()
    session.refresh(person)
    return person


def start_assignment(session: Session, *, actor: User, young_person: YoungPerson, pa: User) -> PaAssignment:
    """End the young person's current assignment and start one with this PA (caller commits)."""
    now = utcnow()
    for current in session.exec(
        select(PaAssignment).where(
            PaAssignment.young_person_id == young_person.id, col(PaAssignment.ended_at).is_(None)
        )
    ).all():
        current.ended_at = now
        session.add(current)
    assignment = PaAssignment(young_person_id=young_person.id, pa_id=pa.id, started_at=now)
    session.add(assignment)
    record_event(
        session,
        actor=actor,
        organisation_id=young_person.organisation_id,
        action="pa.assigned",
        young_person_id=young_person.id,
        record_type="user",
        record_id=pa.id,
    )
    return assignment


def team_of(session: Session, *, young_person_id: int) -> int | None:
    """The team that supports a young person: their PA's, or their last PA's when they have none."""
    return session.exec(
        select(User.team_id)
        .join(PaAssignment, col(PaAssignment.pa_id) == User.id)
        .where(PaAssignment.young_person_id == young_person_id)
        .order_by(col(PaAssignment.ended_at).is_not(None), col(PaAssignment.started_at).desc())
    ).first()


def young_people(
    session: Session, *, organisation_id: int, search: str = "", limit: int | None = None
) -> tuple[list[tuple[YoungPerson, User | None]], int]:
    """Young people of a council by name (those whose name contains `search`, the first `limit`),
    each with their current PA, and how many match in all."""
    matching = YoungPerson.organisation_id == organisation_id
    if search:
        full_name = func.lower(YoungPerson.first_name + " " + YoungPerson.last_name)
        matching = matching & full_name.contains(search.casefold(), autoescape=True)
    statement = (
        select(YoungPerson, User)
        .outerjoin(
            PaAssignment,
            (col(PaAssignment.young_person_id) == YoungPerson.id) & col(PaAssignment.ended_at).is_(None),
        )
        .outerjoin(User, col(User.id) == PaAssignment.pa_id)
        .where(matching)
        .order_by(YoungPerson.first_name, YoungPerson.last_name, YoungPerson.id)
        .limit(limit)
    )
    total = session.exec(select(func.count()).select_from(YoungPerson).where(matching)).one()
    return [(person, pa) for person, pa in session.exec(statement).all()], total


def create_staff(
    session: Session,
    *,
    actor: User,
    display_name: str,
    username: str,
    role: Role,
    team_id: int | None,
    passphrase: str,
    email: str | None = None,
) -> User:
    """Open a staff account in the admin's council."""
    user = User(
        organisation_id=actor.organisation_id,
        team_id=team_id,
        email=email or None,
        username=username,
        password_hash=hash_passphrase(passphrase),
        role=role,
        display_name=display_name,
    )
    session.add(user)
    session.flush()
    record_event(
        session,
        actor=actor,
        organisation_id=actor.organisation_id,
        action="staff.created",
        record_type="user",
        record_id=user.id,
    )
    session.commit()
    session.refresh(user)
    return user


def deactivate_staff(session: Session, *, actor: User, member: User) -> int:
    """Close a staff account: sessions end and their young people wait for a new PA.

    Returns how many young people were left without a PA.
    """
    now = utcnow()
    member.active = False
    member.deactivated_at = now
    session.add(member)
    end_all_sessions(session, user_id=member.id)
    open_assignments = session.exec(
        select(PaAssignment).where(PaAssignment.pa_id == member.id, col(PaAssignment.ended_at).is_(None))
    ).all()
    for assignment in open_assignments:
        assignment.ended_at = now
        session.add(assignment)
    record_event(
        session,
        actor=actor,
        organisation_id=actor.organisation_id,
        action="staff.deactivated",
        record_type="user",
        record_id=member.id,
    )
    session.commit()
    return len(open_assignments)


def change_email(session: Session, *, actor: User, member: User, email: str) -> None:
    """Set or change (empty: remove) where a staff member's 'please sign in' emails go."""
    if (email or None) == member.email:
        return
    member.email = email or None
    session.add(member)
    record_event(
        session,
        actor=actor,
        organisation_id=actor.organisation_id,
        action="staff.email_changed",
        record_type="user",
        record_id=member.id,
    )
    session.commit()


def username_taken(session: Session, *, username: str, owner_id: int | None = None) -> bool:
    """Whether another account (not owner_id's own) already uses this username."""
    statement = select(User.id).where(User.username == username)
    if owner_id is not None:
        statement = statement.where(User.id != owner_id)
    return session.exec(statement).first() is not None
