"""Safety alerts: a settled risk answer reaches the PA, or the team's duty queue, whatever is shared."""

from sqlmodel import Session, col, select

from app.checkins.answer_form import TopicAnswers
from app.checkins.models import CheckIn, SafetyAlert
from app.db import utcnow
from app.notifications.mailer import queue_email
from app.people.models import PaAssignment, Role, Team, User, YoungPerson
from app.people.service import current_pa
from app.questions.catalogue import is_risk, question_set
from app.questions.schema import Topic


def risk_answers(item: Topic, answers: TopicAnswers) -> list[tuple[str, str]]:
    """(question, answer) pairs on this screen that the question set marks as risk answers."""
    found = []
    for question in item.questions:
        for value in answers.values.get(question.key, []):
            if is_risk(question, value):
                found.append((question.key, value))
    return found


def pa_to_tell(session: Session, *, young_person_id: int) -> User | None:
    """The PA an alert goes to: the current one, unless they are away or gone (then the duty team)."""
    pa = current_pa(session, young_person_id=young_person_id)
    return pa if pa is not None and pa.active and not pa.away else None


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


def _follow_up(item: Topic, answers: TopicAnswers, question_key: str) -> tuple[str | None, str | None]:
    """The answer to the question asked after this risk question (such as 'when to contact you')."""
    for question in item.questions:
        if question.ask_if and question.ask_if.question == question_key and answers.first(question.key):
            return question.key, answers.first(question.key)
    return None, None


def _alerts_of(session: Session, check_in: CheckIn, question_keys: list[str]) -> list[SafetyAlert]:
    return list(
        session.exec(
            select(SafetyAlert).where(
                SafetyAlert.check_in_id == check_in.id, col(SafetyAlert.question_key).in_(question_keys)
            )
        ).all()
    )


def raise_alerts(session: Session, *, check_in: CheckIn, item: Topic, answers: TopicAnswers) -> bool:
    """Add one alert per risk question answered riskily in this check-in (caller commits); whether
    any new alert was raised."""
    risky = risk_answers(item, answers)
    if not risky:
        return False
    person = session.get(YoungPerson, check_in.young_person_id)
    assert person is not None and person.id is not None
    pa = pa_to_tell(session, young_person_id=person.id)
    team_id = None if pa else _duty_team_id(session, person)
    raised_already = {a.question_key for a in _alerts_of(session, check_in, [key for key, _ in risky])}
    new = [(key, option) for key, option in risky if key not in raised_already]
    for question_key, option_key in new:
        follow_up_key, follow_up_option = _follow_up(item, answers, question_key)
        session.add(
            SafetyAlert(
                young_person_id=person.id,
                check_in_id=check_in.id,
                question_key=question_key,
                option_key=option_key,
                pa_id=pa.id if pa else None,
                team_id=team_id,
                follow_up_question_key=follow_up_key,
                follow_up_option_key=follow_up_option,
            )
        )
    if new:
        recipients = [pa.id] if pa and pa.id else duty_staff_ids(session, team_id=team_id)
        queue_email(session, user_ids=recipients, kind="alert")
    return bool(new)


def note_changed_answers(session: Session, *, check_in: CheckIn, item: Topic, answers: TopicAnswers) -> None:
    """An alert already raised stays; when its risk answer is no longer given, note when (caller commits)."""
    for alert in _alerts_of(session, check_in, [q.key for q in item.questions]):
        if alert.answer_changed_at is None and alert.option_key not in answers.values.get(
            alert.question_key, []
        ):
            alert.answer_changed_at = utcnow()
            session.add(alert)


def record_follow_ups(session: Session, *, check_in: CheckIn, item: Topic, answers: TopicAnswers) -> None:
    """Put the answers to follow-up questions on the alerts they follow (caller commits)."""
    for alert in _alerts_of(session, check_in, [q.key for q in item.questions]):
        follow_up_key, follow_up_option = _follow_up(item, answers, alert.question_key)
        if follow_up_key:
            alert.follow_up_question_key, alert.follow_up_option_key = follow_up_key, follow_up_option
            session.add(alert)


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


def topic_alerts(session: Session, *, check_in: CheckIn, item: Topic) -> list[SafetyAlert]:
    """The alerts this topic's answers raised in the check-in."""
    return _alerts_of(session, check_in, [q.key for q in item.questions])


def told_pa(session: Session, alerts: list[SafetyAlert]) -> User | None:
    """The PA these alerts went to; None when they went to the duty team."""
    pa_id = next((a.pa_id for a in alerts if a.pa_id), None)
    return session.get(User, pa_id) if pa_id else None


def told_by_topic(session: Session, *, check_in: CheckIn) -> dict[str, User | None]:
    """For each topic whose answers raised an alert in this check-in: the PA told, or None for the
    duty team."""
    alerts = list(session.exec(select(SafetyAlert).where(SafetyAlert.check_in_id == check_in.id)).all())
    told: dict[str, User | None] = {}
    for item in question_set(session, version=check_in.question_set_version).topics:
        raised = [a for a in alerts if a.question_key in {q.key for q in item.questions}]
        if raised:
            told[item.key] = told_pa(session, raised)
    return told
