"""Closing the loop: the PA marks a check-in seen, replies with actions, sets the next meeting."""

from datetime import date, datetime

from sqlmodel import Session

from app.audit.service import record_event
from app.checkins.answer_queries import unseen_up_to
from app.checkins.models import CheckIn
from app.db import utcnow
from app.people.models import User, YoungPerson
from app.people.service import current_assignment
from app.reminders.service import owe_reply_notice


def mark_seen(session: Session, *, actor: User, person: YoungPerson, check_in: CheckIn) -> None:
    """Record that the PA has read this check-in and every earlier one they had not marked yet."""
    _mark_seen(session, actor, person, check_in, utcnow())
    session.commit()


def reply(
    session: Session, *, actor: User, person: YoungPerson, check_in: CheckIn, words: str, actions: str
) -> None:
    """Store the PA's reply and the actions agreed; the young person sees both. Replying marks
    this check-in and every earlier unseen one as seen."""
    check_in.reply, check_in.actions_agreed = words or None, actions or None
    check_in.replied_at, check_in.replied_by_id = utcnow(), actor.id
    session.add(check_in)
    _audit(session, actor, person, "check_in.replied", check_in.id)
    _mark_seen(session, actor, person, check_in, check_in.replied_at)
    owe_reply_notice(session, young_person_id=person.id or 0)
    session.commit()


def _mark_seen(session: Session, actor: User, person: YoungPerson, check_in: CheckIn, now: datetime) -> None:
    for unseen in unseen_up_to(session, check_in=check_in):
        unseen.seen_at, unseen.seen_by_id = now, actor.id
        session.add(unseen)
        _audit(session, actor, person, "check_in.marked_seen", unseen.id)


def set_next_meeting(session: Session, *, actor: User, person: YoungPerson, on: date | None) -> None:
    """Set (or clear) the date of the next meeting; the young person sees it."""
    assignment = current_assignment(session, young_person_id=person.id or 0)
    if assignment is None:
        return
    assignment.next_meeting_on = on
    session.add(assignment)
    _audit(session, actor, person, "meeting.date_set", assignment.id)
    session.commit()


def record_view(
    session: Session, *, actor: User, person: YoungPerson, action: str, record_id: int | None
) -> None:
    """One audit row for a member of staff looking at a young person's check-ins."""
    _audit(session, actor, person, action, record_id)
    session.commit()


def _audit(session: Session, actor: User, person: YoungPerson, action: str, record_id: int | None) -> None:
    record_event(
        session,
        actor=actor,
        organisation_id=person.organisation_id,
        action=action,
        young_person_id=person.id,
        record_type="check_in" if action.startswith(("check_in", "meeting.viewed")) else "pa_assignment",
        record_id=record_id,
    )
