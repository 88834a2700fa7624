"""An alert in words for staff: the risk question, the answer given, and when."""

from dataclasses import dataclass

from sqlmodel import Session, select

from app.checkins.models import CheckIn, SafetyAlert
from app.questions.catalogue import answers_of, latest_version, question_set, say


@dataclass(frozen=True)
class AlertWords:
    question: str
    answer: str


def alert_in_words(session: Session, alert: SafetyAlert) -> AlertWords:
    """The question and the answer given, as the young person saw them."""
    version = session.exec(
        select(CheckIn.question_set_version).where(CheckIn.id == alert.check_in_id)
    ).first()
    questions = question_set(session, version=version or latest_version(session))
    for item in questions.topics:
        for question in item.questions:
            if question.key == alert.question_key:
                answer = next(
                    (say(a.text) for a in answers_of(question) if a.key == alert.option_key), alert.option_key
                )
                return AlertWords(say(question.text), answer)
    return AlertWords(alert.question_key, alert.option_key)
