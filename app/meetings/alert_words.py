"""An alert in words for staff: the risk question, the answer given, its follow-up, and when."""

from dataclasses import dataclass

from sqlmodel import Session, select

from app.checkins.answers import QuestionSets, risk_answer_in_words
from app.checkins.models import CheckIn, SafetyAlert


@dataclass(frozen=True)
class AlertWords:
    question: str
    answer: str
    follow_up_question: str | None = None
    follow_up_answer: str | None = None


def alert_in_words(session: Session, alert: SafetyAlert) -> AlertWords:
    """The question and the answer given, as the young person saw them, and what they answered
    next (such as when they want to be contacted)."""
    version = session.exec(
        select(CheckIn.question_set_version).where(CheckIn.id == alert.check_in_id)
    ).first()
    sets = QuestionSets(session)
    question, answer = risk_answer_in_words(sets, alert.question_key, alert.option_key, version)
    if alert.follow_up_question_key is None or alert.follow_up_option_key is None:
        return AlertWords(question, answer)
    follow_up = risk_answer_in_words(sets, alert.follow_up_question_key, alert.follow_up_option_key, version)
    return AlertWords(question, answer, *follow_up)
