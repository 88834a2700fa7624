"""An alert in words for staff: the risk question, the answer given, and when."""

from dataclasses import dataclass

from sqlmodel import Session, select

from app.checkins.answers import QuestionSets, risk_answer_in_words
from app.checkins.models import CheckIn, SafetyAlert


@dataclass(frozen=True)
class AlertWords:
    question: str
    answer: str


def alert_in_words(session: Session, alert: SafetyAlert) -> AlertWords:
    """The question and the answer given, as the young person saw them."""
    version = session.exec(
        select(CheckIn.question_set_version).where(CheckIn.id == alert.check_in_id)
    ).first()
    return AlertWords(
        *risk_answer_in_words(QuestionSets(session), alert.question_key, alert.option_key, version)
    )
