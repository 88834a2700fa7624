"""Demo data: about a year of check-ins for the demo young people, the same for the same seed.

Ten of the thirteen demo young people get a history (personas in app.demo.personas); Ellis,
Isaac and Mo are new referrals with only an invite code. Everyone with a history has an
account (app.demo.council); only Alex's (demo.young) can be signed in to, the others hold a hash
no passphrase matches. Every check-in is submitted; answers are stored as the check-in flow
stores them, and risk answers raise safety alerts through app.checkins.alerts, so the rules stay
in one place. Dani Okafor has the one alert of the last week, still open; older alerts were
acknowledged by the PA. The PA read and met about every check-in but the last fortnight's.
"""

from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from app.checkins.alerts import raise_alerts, risk_answers
from app.checkins.answer_form import TopicAnswers
from app.checkins.models import CheckIn, SafetyAlert, Status, TopicResponse
from app.checkins.service import answer_rows
from app.db import utcnow
from app.demo.plan import VERSION, PlannedCheckIn, PlannedTopic, plan_history
from app.demo.voices import ALERT_ACTIONS, DEFAULT_ALERT_ACTION, MEETING_ACTIONS
from app.people.models import PaAssignment, YoungPerson
from app.questions.catalogue import question_set
from app.questions.loader import ensure_default_set
from app.questions.schema import QuestionSetFile, Topic

DEMO_SEED = 2026
ALERT_STILL_OPEN = timedelta(days=7)
UNREAD = timedelta(days=14)


def _check_in_row(person: YoungPerson, plan: PlannedCheckIn) -> CheckIn:
    return CheckIn(
        young_person_id=person.id,
        question_set_version=VERSION,
        mode=plan.mode,
        status=Status.submitted,
        started_at=plan.started_at,
        updated_at=plan.submitted_at,
        submitted_at=plan.submitted_at,
        talk_about_words=plan.talk_about_words or None,
        going_well=plan.going_well or None,
    )


def _response_row(
    check_in: CheckIn, plan: PlannedCheckIn, planned: PlannedTopic, saved_at: datetime
) -> TopicResponse:
    return TopicResponse(
        check_in_id=check_in.id,
        topic_key=planned.key,
        skipped=planned.skipped,
        comment=planned.comment or None,
        shared=planned.shared,
        shared_at=plan.submitted_at if planned.shared else None,
        talk_about=planned.talk_about,
        saved_at=saved_at,
    )


def _raise_alerts(
    session: Session, check_in: CheckIn, item: Topic, answers: TopicAnswers, at: datetime
) -> None:
    """Alerts exactly as the check-in flow raises them, dated when the topic was saved."""
    if not risk_answers(item, answers):
        return
    raise_alerts(session, check_in=check_in, item=item, answers=answers)
    keys = [q.key for q in item.questions]
    for alert in session.exec(
        select(SafetyAlert).where(
            SafetyAlert.check_in_id == check_in.id, col(SafetyAlert.question_key).in_(keys)
        )
    ).all():
        alert.raised_at = at


def _add_topics(
    session: Session, questions: QuestionSetFile, check_in: CheckIn, plan: PlannedCheckIn
) -> None:
    """The topic choices and answers, saved one screen after another, and any safety alerts."""
    step = timedelta(seconds=(plan.submitted_at - plan.started_at).seconds // (len(plan.topics) + 1))
    items = {t.key: t for t in questions.topics}
    for index, planned in enumerate(plan.topics, start=1):
        answers = TopicAnswers(values=planned.values, comment=planned.comment)
        saved_at = plan.started_at + step * index
        session.add_all(answer_rows(check_in, items[planned.key], answers))
        session.add(_response_row(check_in, plan, planned, saved_at))
        _raise_alerts(session, check_in, items[planned.key], answers, saved_at)


def _settle_alerts(
    session: Session, *, check_in_ids: list[int], names: dict[int, str], now: datetime
) -> None:
    """Alerts older than a week were seen, acknowledged and acted on by the PA the same day."""
    alerts = session.exec(select(SafetyAlert).where(col(SafetyAlert.check_in_id).in_(check_in_ids))).all()
    for alert in alerts:
        if alert.raised_at > now - ALERT_STILL_OPEN or alert.pa_id is None:
            continue
        alert.seen_at = alert.raised_at + timedelta(minutes=40)
        alert.acknowledged_at = alert.raised_at + timedelta(hours=2)
        alert.acknowledged_by_id = alert.pa_id
        alert.action_taken = ALERT_ACTIONS.get(names[alert.young_person_id], DEFAULT_ALERT_ACTION)
        session.add(alert)


def _add_meetings(session: Session, check_ins: list[CheckIn], *, now: datetime) -> None:
    """The PA read each check-in the next day and met a few days later, agreeing actions, so what
    was asked to talk about was covered; the last fortnight's are unread and not yet met about."""
    pas = dict(
        session.exec(
            select(PaAssignment.young_person_id, PaAssignment.pa_id).where(
                col(PaAssignment.young_person_id).in_({c.young_person_id for c in check_ins}),
                col(PaAssignment.ended_at).is_(None),
            )
        ).all()
    )
    for check_in in check_ins:
        sent = check_in.submitted_at
        if sent is None or sent > now - UNREAD or check_in.young_person_id not in pas:
            continue
        pa_id = pas[check_in.young_person_id]
        check_in.seen_at, check_in.seen_by_id = sent + timedelta(days=1), pa_id
        check_in.actions_agreed = MEETING_ACTIONS
        check_in.replied_at, check_in.replied_by_id = sent + timedelta(days=3), pa_id
        session.add(check_in)


def add_demo_history(
    session: Session, *, organisation_id: int, seed: int = DEMO_SEED, now: datetime | None = None
) -> int:
    """Add the demo check-in history once (nothing if any demo person has a check-in); how many."""
    ensure_default_set(session)
    people = session.exec(select(YoungPerson).where(YoungPerson.organisation_id == organisation_id)).all()
    by_name = {(p.first_name, p.last_name): p for p in people}
    ids = [p.id for p in people]
    if not ids or session.exec(select(CheckIn.id).where(col(CheckIn.young_person_id).in_(ids))).first():
        return 0
    now = now or utcnow()
    questions = question_set(session, version=VERSION)
    plans = [p for p in plan_history(questions, seed=seed, now=now) if (p.first_name, p.last_name) in by_name]
    check_ins = [_check_in_row(by_name[(p.first_name, p.last_name)], p) for p in plans]
    session.add_all(check_ins)
    session.flush()
    for check_in, plan in zip(check_ins, plans, strict=True):
        _add_topics(session, questions, check_in, plan)
    session.flush()
    names = {p.id: p.first_name for p in people if p.id is not None}
    _settle_alerts(session, check_in_ids=[c.id for c in check_ins if c.id], names=names, now=now)
    _add_meetings(session, check_ins, now=now)
    session.commit()
    return len(check_ins)
