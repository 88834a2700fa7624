"""Reading stored question sets: the latest version, a topic's questions, risk answers, texts."""

from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from app.i18n import current_language
from app.questions.models import QuestionSet
from app.questions.schema import Answer, Kind, Question, QuestionSetFile, Topic

YES_NO = (
    Answer(key="yes", text={"en": "Yes"}),
    Answer(key="no", text={"en": "No"}),
)


_parsed: dict[tuple[int, str], QuestionSetFile] = {}


def _from_row(row: QuestionSet) -> QuestionSetFile:
    key = (row.version, row.source_sha256)
    if key not in _parsed:
        _parsed[key] = QuestionSetFile.model_validate(row.definition)
    return _parsed[key]


def question_set(session: Session, *, version: int) -> QuestionSetFile:
    """The question set of a given version (every stored version stays readable)."""
    row = session.exec(select(QuestionSet).where(QuestionSet.version == version)).one()
    return _from_row(row)


def latest_version(session: Session) -> int:
    """The newest version loaded; new check-ins use it."""
    version = session.exec(select(func.max(QuestionSet.version))).one()
    if version is None:
        raise LookupError("No question set is loaded; run `checkin db upgrade` then `checkin demo-data`")
    return int(version)


def topic(questions: QuestionSetFile, key: str) -> Topic | None:
    """The topic with this key, if the set has it."""
    return next((t for t in questions.topics if t.key == key), None)


def asked_questions(item: Topic, *, quick: bool) -> list[Question]:
    """The questions a topic screen asks: only the headline in a quick check-in."""
    return [q for q in item.questions if q.headline] if quick else list(item.questions)


def answers_of(question: Question) -> tuple[Answer, ...]:
    """The possible answers; yes/no questions get Yes and No, marked risky as the data says."""
    if question.kind is Kind.yesno:
        return tuple(a.model_copy(update={"risk": a.key == question.risk_answer}) for a in YES_NO)
    return tuple(question.answers)


def is_risk(question: Question, answer_key: str) -> bool:
    """Whether this answer is marked in the data as one that raises a safety alert."""
    return any(a.key == answer_key and a.risk for a in answers_of(question))


def say(texts: dict[str, Any] | None, language: str | None = None) -> str:
    """A text in the current language, falling back to English."""
    if not texts:
        return ""
    return str(texts.get(language or current_language()) or texts.get("en") or "")
