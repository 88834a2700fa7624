"""Risk answers the young person settled on: every one in a check-in they send, and any a draft has
rested on for a set time (so a young person who loses signal is still cared for)."""

from datetime import datetime, timedelta

from sqlalchemy import and_, exists
from sqlmodel import Session, col, select

from app.checkins import service
from app.checkins.alerts import raise_alerts, risk_answers
from app.checkins.models import Answer, CheckIn, SafetyAlert, Status, TopicResponse
from app.questions.catalogue import is_risk, question_set
from app.questions.models import QuestionSet
from app.settings import Settings


def raise_check_in_alerts(session: Session, *, check_in: CheckIn) -> None:
    """Raise the alert of every risk answer in the check-in not yet raised (caller commits)."""
    for item in service.questions_of(session, check_in).topics:
        answers = service.saved_topic(session, check_in=check_in, topic_key=item.key)
        if risk_answers(item, answers):
            raise_alerts(session, check_in=check_in, item=item, answers=answers)


def _risk_question_keys(session: Session) -> set[str]:
    keys = set()
    for version in session.exec(select(QuestionSet.version)).all():
        for item in question_set(session, version=version).topics:
            keys |= {
                q.key for q in item.questions if any(is_risk(q, a.key) for a in q.answers) or q.risk_answer
            }
    return keys


def raise_rested_risk_alerts(session: Session, now: datetime, settings: Settings) -> int:
    """Raise the alerts of risk answers that unfinished check-ins have rested on for
    RISK_ANSWER_REST_MINUTES without an alert; returns how many check-in topics raised one."""
    cutoff = now - timedelta(minutes=settings.risk_answer_rest_minutes)
    unraised_risk_answer = exists().where(
        col(Answer.check_in_id) == col(TopicResponse.check_in_id),
        col(Answer.topic_key) == col(TopicResponse.topic_key),
        col(Answer.question_key).in_(_risk_question_keys(session)),
        ~exists().where(
            and_(
                col(SafetyAlert.check_in_id) == col(Answer.check_in_id),
                col(SafetyAlert.question_key) == col(Answer.question_key),
            )
        ),
    )
    rows = session.exec(
        select(CheckIn, TopicResponse.topic_key)
        .join(TopicResponse, col(TopicResponse.check_in_id) == CheckIn.id)
        .where(
            CheckIn.status == Status.draft,
            col(TopicResponse.saved_at) <= cutoff,
            col(TopicResponse.skipped).is_(False),
            unraised_risk_answer,
        )
        .order_by(col(CheckIn.id), col(TopicResponse.id))
    ).all()
    raised = 0
    for check_in, topic_key in rows:
        item = service.find_topic(session, check_in=check_in, topic_key=topic_key)
        answers = service.saved_topic(session, check_in=check_in, topic_key=topic_key)
        if item is not None and raise_alerts(session, check_in=check_in, item=item, answers=answers):
            raised += 1
    session.commit()
    return raised
