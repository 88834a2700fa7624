"""Stored answers read back: the one place that turns answer rows into typed check-ins and topics.

An answer is always read with the question set version its check-in was asked in, so renaming a
question or an answer in a later version never changes what an old check-in says.
"""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from app.checkins.models import Answer, CheckIn, Correction, TopicResponse
from app.i18n import gettext as _
from app.questions.catalogue import answers_of, question_set, say, topic
from app.questions.models import QuestionSet
from app.questions.schema import Kind, Question, QuestionSetFile, Topic


def decode(option_key: str | None, text: str | None, number: int | None) -> str:
    """A stored answer as the value the form sent: a choice's key, the words typed, or the number."""
    return option_key or text or ("" if number is None else str(number))


def scored_value(question: Question, number: int) -> str:
    """The value a headline number stands for: the scale value, or the key of the answer with that score."""
    if question.kind is Kind.scale:
        return str(number)
    return next((a.key for a in answers_of(question) if a.score == number), str(number))


def words(question: Question, values: list[str], *, short: bool = False) -> str:
    """An answer as the young person saw it: '7 out of 10' ('7' when short), the chosen answers' words,
    or the words typed."""
    if question.kind is Kind.scale:
        return values[0] if short else _("%(value)s out of 10", value=values[0])
    if question.kind is Kind.text:
        return values[0]
    names = {a.key: say(a.text) for a in answers_of(question)}
    return ", ".join(names.get(v, v) for v in values)


def questions_of(session: Session, check_in: CheckIn) -> QuestionSetFile:
    """The question set the check-in was asked in."""
    return question_set(session, version=check_in.question_set_version)


def question_in(questions: QuestionSetFile, key: str) -> Question | None:
    """The question with this key in a question set, if it has one."""
    return next((q for t in questions.topics for q in t.questions if q.key == key), None)


class QuestionSets:
    """Question sets by version, each read from the database once per request."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._sets: dict[int, QuestionSetFile] = {}

    def get(self, version: int) -> QuestionSetFile:
        if version not in self._sets:
            self._sets[version] = question_set(self.session, version=version)
        return self._sets[version]

    def question(self, key: str, version: int | None = None) -> Question | None:
        """The question in this version, or in the newest stored version that has it."""
        for number in [version] if version else self._stored_versions():
            found = next((q for t in self.get(number).topics for q in t.questions if q.key == key), None)
            if found:
                return found
        return None

    def _stored_versions(self) -> list[int]:
        statement = select(QuestionSet.version).order_by(col(QuestionSet.version).desc())
        return list(self.session.exec(statement).all())


def risk_answer_in_words(
    sets: QuestionSets, question_key: str, option_key: str, version: int | None
) -> tuple[str, str]:
    """A risk question and the answer given, in the check-in's own set (or, once the check-in is
    gone, the newest set that asks it); the stored keys when no set asks it."""
    question = sets.question(question_key, version)
    if question is None:
        return question_key, option_key
    return say(question.text), words(question, [option_key])


@dataclass
class StoredTopic:
    """One topic of a check-in as stored, with the topic as it was asked."""

    key: str
    asked: Topic
    values: dict[str, list[str]] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    skipped: bool = False
    comment: str | None = None
    shared: bool | None = None
    shared_at: datetime | None = None
    talk_about: bool = False
    corrections: list[Correction] = field(default_factory=list)

    def question(self, key: str) -> Question | None:
        """The question with this key as it was asked."""
        return next((q for q in self.asked.questions if q.key == key), None)

    def answer_in_words(self, key: str) -> str | None:
        """The answer to one question in words, None when it was not answered."""
        question, values = self.question(key), self.values.get(key)
        return words(question, values) if question and values else None


@dataclass
class StoredCheckIn:
    """A check-in with its question set and its topics (only the shared ones when read for a PA)."""

    check_in: CheckIn
    questions: QuestionSetFile
    topics: dict[str, StoredTopic] = field(default_factory=dict)
    talk_about: list[str] = field(default_factory=list)


# Plain rows, without the ORM's result machinery: the PA's caseload reads hundreds of each.
_ANSWER = Answer.__table__.c  # type: ignore[attr-defined]
_RESPONSE = TopicResponse.__table__.c  # type: ignore[attr-defined]


def load(session: Session, *, check_in_ids: list[int], shared_only: bool) -> dict[int, StoredCheckIn]:
    """These check-ins with their topics' answers, words and corrections, by id (four queries)."""
    if not check_in_ids:
        return {}
    check_ins = session.exec(select(CheckIn).where(col(CheckIn.id).in_(check_in_ids))).all()
    loaded = {c.id or 0: StoredCheckIn(c, questions_of(session, c)) for c in check_ins}
    responses = session.execute(
        sa_select(*_RESPONSE).where(_RESPONSE.check_in_id.in_(check_in_ids)).order_by(_RESPONSE.id)
    ).all()
    for response in responses:
        entry = loaded[response.check_in_id]
        asked = topic(entry.questions, response.topic_key)
        if response.talk_about:
            entry.talk_about.append(response.topic_key)
        if asked is None or (shared_only and not response.shared):
            continue
        entry.topics[response.topic_key] = StoredTopic(
            response.topic_key,
            asked,
            skipped=response.skipped,
            comment=response.comment,
            shared=response.shared,
            shared_at=response.shared_at,
            talk_about=response.talk_about,
        )
    _add_answers(session, loaded)
    _add_corrections(session, loaded)
    return loaded


def _add_answers(session: Session, loaded: dict[int, StoredCheckIn]) -> None:
    rows = session.execute(
        sa_select(
            _ANSWER.check_in_id,
            _ANSWER.topic_key,
            _ANSWER.question_key,
            _ANSWER.option_key,
            _ANSWER.number,
            _ANSWER.text,
        )
        .where(_ANSWER.check_in_id.in_(list(loaded)))
        .order_by(_ANSWER.id)
    ).all()
    for check_in_id, topic_key, question_key, option_key, number, text in rows:
        item = loaded[check_in_id].topics.get(topic_key)
        if item is None:
            continue
        item.values.setdefault(question_key, []).append(decode(option_key, text, number))
        if number is not None:
            item.numbers[question_key] = number


def _add_corrections(session: Session, loaded: dict[int, StoredCheckIn]) -> None:
    rows = session.exec(
        select(Correction).where(col(Correction.check_in_id).in_(list(loaded))).order_by(col(Correction.id))
    ).all()
    for row in rows:
        item = loaded[row.check_in_id].topics.get(row.topic_key)
        if item is not None:
            item.corrections.append(row)
