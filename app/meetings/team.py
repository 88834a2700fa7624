"""The manager's view of the team: counts only, never answers."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.checkins.models import CheckIn, SafetyAlert, Status
from app.db import utcnow
from app.people.models import PaAssignment, User, YoungPerson


@dataclass(frozen=True)
class Coverage:
    young_people: int
    checked_in_this_month: int
    open_alerts: int
    oldest_open_alert_at: datetime | None


def _team_young_people(team_id: int):
    return (
        select(PaAssignment.young_person_id)
        .join(User, col(User.id) == PaAssignment.pa_id)
        .where(User.team_id == team_id, col(PaAssignment.ended_at).is_(None))
    )


def coverage(session: Session, *, team_id: int) -> Coverage:
    """How many young people the team supports, how many checked in this month, open alerts."""
    people = _team_young_people(team_id).subquery()
    month_start = utcnow().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    total = session.exec(select(func.count()).select_from(people)).one()
    checked_in = session.exec(
        select(func.count(func.distinct(CheckIn.young_person_id))).where(
            col(CheckIn.young_person_id).in_(select(people.c.young_person_id)),
            CheckIn.status == Status.submitted,
            CheckIn.submitted_at >= month_start,
        )
    ).one()
    open_count, oldest = session.exec(
        select(func.count(), func.min(SafetyAlert.raised_at)).where(
            col(SafetyAlert.young_person_id).in_(select(people.c.young_person_id)),
            col(SafetyAlert.acknowledged_at).is_(None),
        )
    ).one()
    return Coverage(total, checked_in, open_count, oldest)


def team_caseloads(session: Session, *, team_id: int) -> list[tuple[YoungPerson, User]]:
    """Each young person the team supports now, with their PA, by name."""
    rows = session.exec(
        select(YoungPerson, User)
        .join(PaAssignment, col(PaAssignment.young_person_id) == YoungPerson.id)
        .join(User, col(User.id) == PaAssignment.pa_id)
        .where(User.team_id == team_id, col(PaAssignment.ended_at).is_(None))
        .order_by(YoungPerson.first_name, YoungPerson.last_name, YoungPerson.id)
    ).all()
    return [(person, pa) for person, pa in rows]
