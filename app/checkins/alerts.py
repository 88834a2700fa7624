"""Safety alerts: a risk answer reaches the PA, or the team's duty queue, whatever is shared."""

from sqlmodel import Session, col, select

from app.checkins.answer_form import TopicAnswers
from app.checkins.models import CheckIn, SafetyAlert
from app.notifications.mailer import queue_email
from app.people.models import PaAssignment, Role, Team, User, YoungPerson
from app.people.service import current_pa
from app.questions.catalogue import is_risk
from app.questions.schema import Topic


def risk_answers(item: Topic, answers: TopicAnswers) -> list[tuple[str, str]]:
    """(question, answer) pairs on this screen that the question set marks as risk answers."""
    found = []
    for question in item.questions:
        for value in answers.values.get(question.key, []):
            if is_risk(question, value):
                found.append((question.key, value))
    return found


def _duty_team_id(session: Session, person: YoungPerson) -> int | None:
    last_pa_team = session.exec(
        select(User.team_id)
        .join(PaAssignment, col(PaAssignment.pa_id) == User.id)
        .where(PaAssignment.young_person_id == person.id)
        .order_by(col(PaAssignment.started_at).desc())
    ).first()
    if last_pa_team:
        return last_pa_team
    return session.exec(
        select(Team.id).where(Team.organisation_id == person.organisation_id).order_by(Team.id)
    ).first()


def raise_alerts(session: Session, *, check_in: CheckIn, item: Topic, answers: TopicAnswers) -> None:
    """Add one alert per risk question answered riskily in this check-in (caller commits)."""
    risky = risk_answers(item, answers)
    if not risky:
        return
    person = session.get(YoungPerson, check_in.young_person_id)
    assert person is not None
    pa = current_pa(session, young_person_id=person.id)
    available = pa is not None and pa.active and not pa.away
    team_id = None if available else _duty_team_id(session, person)
    raised = False
    for question_key, option_key in risky:
        exists = session.exec(
            select(SafetyAlert.id).where(
                SafetyAlert.check_in_id == check_in.id, SafetyAlert.question_key == question_key
            )
        ).first()
        if exists:
            continue
        session.add(
            SafetyAlert(
                young_person_id=person.id,
                check_in_id=check_in.id,
                question_key=question_key,
                option_key=option_key,
                pa_id=pa.id if available and pa else None,
                team_id=team_id,
            )
        )
        raised = True
    if raised:
        recipients = [pa.id] if available and pa and pa.id else duty_staff_ids(session, team_id=team_id)
        queue_email(session, user_ids=recipients, kind="alert")


def duty_staff_ids(session: Session, *, team_id: int | None) -> list[int]:
    """Managers and duty PAs of a team: who picks up alerts when the PA cannot."""
    if team_id is None:
        return []
    rows = session.exec(
        select(User.id).where(
            User.team_id == team_id,
            col(User.active).is_(True),
            (col(User.role) == Role.manager) | (col(User.on_duty).is_(True)),
        )
    ).all()
    return [r for r in rows if r is not None]
