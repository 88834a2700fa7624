"""Safety alerts for staff: the PA's own, the team's duty queue, acknowledging, escalating."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_
from sqlmodel import Session, col, select

from app.audit.service import record_event
from app.checkins.models import SafetyAlert
from app.db import utcnow
from app.notifications.mailer import queue_email
from app.people.models import Role, User, YoungPerson

ACTION_LIMIT = 2000


@dataclass(frozen=True)
class AlertRow:
    alert: SafetyAlert
    person: YoungPerson


def _rows(session: Session, statement) -> list[AlertRow]:
    rows = session.exec(
        statement.join(YoungPerson, col(YoungPerson.id) == SafetyAlert.young_person_id).order_by(
            col(SafetyAlert.raised_at).desc(), col(SafetyAlert.id).desc()
        )
    ).all()
    return [AlertRow(alert, person) for alert, person in rows]


def own_open_alerts(session: Session, *, pa: User) -> list[AlertRow]:
    """Alerts addressed to this PA that nobody has acknowledged, newest first."""
    return _rows(
        session,
        select(SafetyAlert, YoungPerson).where(
            SafetyAlert.pa_id == pa.id, col(SafetyAlert.acknowledged_at).is_(None)
        ),
    )


def open_alerts_about(session: Session, *, young_person_id: int) -> list[SafetyAlert]:
    """A young person's alerts that nobody has acknowledged yet, oldest first."""
    return list(
        session.exec(
            select(SafetyAlert)
            .where(SafetyAlert.young_person_id == young_person_id, col(SafetyAlert.acknowledged_at).is_(None))
            .order_by(col(SafetyAlert.raised_at), col(SafetyAlert.id))
        ).all()
    )


def _away_pas(session: Session, team_id: int | None) -> list[int]:
    return [
        i
        for i in session.exec(
            select(User.id).where(
                User.team_id == team_id, or_(col(User.away).is_(True), col(User.active).is_(False))
            )
        ).all()
        if i is not None
    ]


def duty_queue(session: Session, *, team_id: int | None) -> list[AlertRow]:
    """Open alerts of the team with no PA to pick them up: none assigned, away or gone."""
    if team_id is None:
        return []
    unassigned = (col(SafetyAlert.pa_id).is_(None)) & (SafetyAlert.team_id == team_id)
    with_away_pa = col(SafetyAlert.pa_id).in_(_away_pas(session, team_id))
    return _rows(
        session,
        select(SafetyAlert, YoungPerson).where(
            or_(unassigned, with_away_pa), col(SafetyAlert.acknowledged_at).is_(None)
        ),
    )


def escalated(session: Session, *, manager: User) -> list[AlertRow]:
    """Alerts escalated to this manager that are still open."""
    return _rows(
        session,
        select(SafetyAlert, YoungPerson).where(
            SafetyAlert.escalated_to_id == manager.id, col(SafetyAlert.acknowledged_at).is_(None)
        ),
    )


def can_handle(session: Session, *, user: User, alert: SafetyAlert) -> bool:
    """The PA it is addressed to, or the team's managers and duty PAs when it is in the queue."""
    if alert.pa_id == user.id or alert.escalated_to_id == user.id:
        return True
    if user.role == Role.manager or (user.role == Role.pa and user.on_duty):
        return any(row.alert.id == alert.id for row in duty_queue(session, team_id=user.team_id))
    return False


def acknowledge(session: Session, *, actor: User, alert: SafetyAlert, action_taken: str) -> None:
    """Record who picked the alert up, when, and what they did; the young person sees it was seen."""
    now = utcnow()
    if alert.acknowledged_at is None:
        alert.acknowledged_at, alert.acknowledged_by_id = now, actor.id
        alert.seen_at = alert.seen_at or now
        alert.action_taken = action_taken or None
        session.add(alert)
        person = session.get(YoungPerson, alert.young_person_id)
        record_event(
            session,
            actor=actor,
            organisation_id=person.organisation_id if person else actor.organisation_id,
            action="alert.acknowledged",
            young_person_id=alert.young_person_id,
            record_type="safety_alert",
            record_id=alert.id,
        )
        session.commit()


def _team_of(session: Session, alert: SafetyAlert) -> int | None:
    if alert.team_id is not None:
        return alert.team_id
    pa = session.get(User, alert.pa_id) if alert.pa_id else None
    return pa.team_id if pa else None


def escalate_due(session: Session, *, after_minutes: int, now: datetime | None = None) -> int:
    """Escalate every alert left unacknowledged too long to its team's manager, once; returns how many."""
    cutoff = (now or utcnow()) - timedelta(minutes=after_minutes)
    due = session.exec(
        select(SafetyAlert)
        .where(
            col(SafetyAlert.acknowledged_at).is_(None),
            col(SafetyAlert.escalated_at).is_(None),
            SafetyAlert.raised_at <= cutoff,
        )
        .order_by(SafetyAlert.id)
    ).all()
    count = 0
    for alert in due:
        manager = session.exec(
            select(User)
            .where(
                User.team_id == _team_of(session, alert),
                User.role == Role.manager,
                col(User.active).is_(True),
            )
            .order_by(User.id)
        ).first()
        if manager is None or manager.id is None:
            continue
        alert.escalated_at, alert.escalated_to_id = now or utcnow(), manager.id
        session.add(alert)
        queue_email(session, user_ids=[manager.id], kind="escalation")
        count += 1
    session.commit()
    return count
