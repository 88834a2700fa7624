"""Reading stored question sets: the latest version, a topic's questions, risk answers, texts."""

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from app.i18n import current_language, translate
from app.questions.models import QuestionSet
from app.questions.schema import Answer, Kind, Question, QuestionSetFile, Topic

YES_NO = (
    Answer(key="yes", text={"en": "Yes"}),
    Answer(key="no", text={"en": "No"}),
)


# Parsed question sets, kept for the life of the process: a stored version never changes (the
# loader refuses to load a version twice). The key is what identifies the stored row in any
# database, so another database (or one emptied and loaded again, as in tests) cannot be handed a
# set parsed from a different row, even with the same version number.
_parsed: dict[tuple[int, str, datetime], QuestionSetFile] = {}
_SESSION_KEY = "catalogue.question_sets"
_ROW = QuestionSet.__table__.c  # type: ignore[attr-defined]
_WHICH_ROW = sa_select(_ROW.source_sha256, _ROW.loaded_at).where(_ROW.version == bindparam("version"))


def question_set(session: Session, *, version: int) -> QuestionSetFile:
    """The question set of a given version (every stored version stays readable).

    Parsed once per process and version: a request asks the database only which row it is (a
    small query, once per session), and reads and validates the definition only the first time.
    """
    in_session: dict[int, QuestionSetFile] = session.info.setdefault(_SESSION_KEY, {})
    if version in in_session:
        return in_session[version]
    sha256, loaded_at = session.exec(_WHICH_ROW, params={"version": version}).one()
    key = (version, sha256, loaded_at)
    parsed = _parsed.get(key)
    if parsed is None:
        definition = session.exec(select(QuestionSet.definition).where(QuestionSet.version == version)).one()
        parsed = _parsed[key] = QuestionSetFile.model_validate(definition)
    in_session[version] = parsed
    return parsed


def latest_version(session: Session, *, organisation_id: int | None = None) -> int:
    """The version a council's new check-ins use: its own newest, else the newest shared set.

    Without a council: the newest shared set.
    """
    version = None
    if organisation_id is not None:
        version = session.exec(
            select(func.max(QuestionSet.version)).where(QuestionSet.organisation_id == organisation_id)
        ).one()
    if version is None:
        version = session.exec(
            select(func.max(QuestionSet.version)).where(col(QuestionSet.organisation_id).is_(None))
        ).one()
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
    """A text in the current language: the question set's own, else the catalogue's translation of
    the English (see app/questions/extract.py), else the English."""
    if not texts:
        return ""
    language = language or current_language()
    if texts.get(language):
        return str(texts[language])
    english = str(texts.get("en") or "")
    return translate(english, language) if english else ""
