"""Safety alerts: a risk answer reaches the PA, or the team's duty queue, whatever is shared."""

from sqlmodel import Session, col, select

from app.checkins.answer_form import TopicAnswers
from app.checkins.models import CheckIn, SafetyAlert
from app.people.models import PaAssignment, Team, User, YoungPerson
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
                pa_id=pa.id if pa and pa.active else None,
                team_id=None if pa and pa.active else _duty_team_id(session, person),
            )
        )
