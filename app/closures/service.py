"""Asking for an account to be closed, the requests staff see, and the erasure on confirming.

Erasure deletes every check-in (answers, choices, words, corrections, replies) and the account's
username, passphrase, email and sessions, any reminders, and the service's copy of the council's
statutory records about them with their words about those. It keeps what the council must keep to show how it
kept the young person safe: the young person's record (name, date of birth), safety alerts (the
answer and when) and the audit trail, which the database will not let anyone change.
"""

from dataclasses import dataclass

from sqlmodel import Session, col, select

from app.audit.service import record_event
from app.auth.sessions import end_all_sessions
from app.checkins.models import CheckIn
from app.checkins.removal import remove_check_in
from app.closures.models import ClosureRequest
from app.db import utcnow
from app.notifications.mailer import queue_email
from app.people.models import InviteCode, PaAssignment, Role, User, YoungPerson
from app.people.service import current_pa
from app.reminders.service import turn_off
from app.sources.records import forget_person

CLOSED_PASSWORD_HASH = "!"  # noqa: S105 - not a passphrase: a hash that matches none


@dataclass(frozen=True)
class PendingClosure:
    request: ClosureRequest
    person: YoungPerson


def pending_request(session: Session, *, young_person_id: int) -> ClosureRequest | None:
    """The young person's unconfirmed request, if they have one."""
    return session.exec(
        select(ClosureRequest).where(
            ClosureRequest.young_person_id == young_person_id, col(ClosureRequest.confirmed_at).is_(None)
        )
    ).first()


def request_closure(session: Session, *, user: User, person: YoungPerson) -> ClosureRequest:
    """Record the young person's request (once) and tell their PA by email; commits."""
    assert person.id is not None
    existing = pending_request(session, young_person_id=person.id)
    if existing:
        return existing
    request = ClosureRequest(organisation_id=person.organisation_id, young_person_id=person.id)
    session.add(request)
    session.flush()
    record_event(
        session,
        actor=user,
        organisation_id=person.organisation_id,
        action="closure_requested",
        young_person_id=person.id,
        record_type="closure_request",
        record_id=request.id,
    )
    pa = current_pa(session, young_person_id=person.id)
    if pa and pa.id:
        queue_email(session, user_ids=[pa.id], kind="closure")
    session.commit()
    return request


def pending_for(session: Session, *, staff: User) -> list[PendingClosure]:
    """Unconfirmed requests this PA (young people they support now) or admin (council-wide) may confirm."""
    query = (
        select(ClosureRequest, YoungPerson)
        .join(YoungPerson, col(YoungPerson.id) == ClosureRequest.young_person_id)
        .where(ClosureRequest.organisation_id == staff.organisation_id)
        .where(col(ClosureRequest.confirmed_at).is_(None))
        .order_by(col(ClosureRequest.requested_at))
    )
    if staff.role == Role.pa:
        query = query.join(PaAssignment, col(PaAssignment.young_person_id) == YoungPerson.id).where(
            PaAssignment.pa_id == staff.id, col(PaAssignment.ended_at).is_(None)
        )
    return [PendingClosure(request, person) for request, person in session.exec(query).all()]


def pending_closure_for(session: Session, *, staff: User, request_id: int) -> PendingClosure | None:
    """One request this member of staff may confirm, or None."""
    return next((p for p in pending_for(session, staff=staff) if p.request.id == request_id), None)


def confirm_closure(session: Session, *, staff: User, pending: PendingClosure) -> None:
    """Erase the young person's check-ins and account; keep alerts and the audit trail; commits."""
    person, request = pending.person, pending.request
    assert person.id is not None
    for check_in in session.exec(select(CheckIn).where(CheckIn.young_person_id == person.id)).all():
        remove_check_in(session, check_in=check_in)
    now = utcnow()
    account = session.get(User, person.user_id) if person.user_id else None
    if account and account.id:
        end_all_sessions(session, user_id=account.id)
        account.username = f"closed-{account.id}"
        account.display_name = "Closed account"
        account.password_hash = CLOSED_PASSWORD_HASH
        account.email = None
        account.active = False
        account.deactivated_at = now
        session.add(account)
    for invite in session.exec(
        select(InviteCode).where(InviteCode.young_person_id == person.id, col(InviteCode.used_at).is_(None))
    ).all():
        invite.revoked_at = invite.revoked_at or now
        session.add(invite)
    turn_off(session, young_person_id=person.id)
    forget_person(session, young_person_id=person.id)
    request.confirmed_at, request.confirmed_by_id = now, staff.id
    session.add(request)
    record_event(
        session,
        actor=staff,
        organisation_id=person.organisation_id,
        action="account_closed",
        young_person_id=person.id,
        record_type="closure_request",
        record_id=request.id,
    )
    session.commit()


def young_person_of(session: Session, *, user: User) -> YoungPerson:
    """The young person's record behind their account."""
    return session.exec(select(YoungPerson).where(YoungPerson.user_id == user.id)).one()
