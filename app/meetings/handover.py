"""Handover: a young person moves to another PA at once, with everything that needs a response."""

from sqlmodel import Session, col, select

from app.checkins.alerts import duty_staff_ids
from app.checkins.models import SafetyAlert
from app.notifications.mailer import queue_email
from app.people.models import User, YoungPerson
from app.people.service import current_assignment, start_assignment


def hand_over(session: Session, *, actor: User, young_person: YoungPerson, pa: User) -> int:
    """Move the young person to this PA; returns how many open safety alerts moved with them.

    Open alerts are addressed to the new PA (while they are away, their team's duty queue has
    them) and the old PA can no longer list or open them; one already escalated to a manager of
    another team is escalated afresh to the new team's manager by the next escalation run. The
    next meeting date carries over. What the young person wants to talk about follows them: the
    new PA's prep page reads it.
    """
    previous = current_assignment(session, young_person_id=young_person.id or 0)
    if previous is not None and previous.pa_id == pa.id:
        return 0
    assignment = start_assignment(session, actor=actor, young_person=young_person, pa=pa)
    assignment.next_meeting_on = previous.next_meeting_on if previous else None
    open_alerts = session.exec(
        select(SafetyAlert).where(
            SafetyAlert.young_person_id == young_person.id, col(SafetyAlert.acknowledged_at).is_(None)
        )
    ).all()
    for alert in open_alerts:
        alert.pa_id, alert.team_id = pa.id, pa.team_id
        manager = session.get(User, alert.escalated_to_id) if alert.escalated_to_id else None
        if manager is not None and manager.team_id != pa.team_id:
            alert.escalated_at, alert.escalated_to_id = None, None
        session.add(alert)
    if open_alerts and pa.id is not None:
        available = pa.active and not pa.away
        recipients = [pa.id] if available else duty_staff_ids(session, team_id=pa.team_id)
        queue_email(session, user_ids=recipients, kind="alert")
    session.commit()
    return len(open_alerts)
