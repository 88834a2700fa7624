"""A check-in as the young person reads it back: each topic, its answers in words, sharing."""

from dataclasses import dataclass, field

from sqlmodel import Session

from app.checkins import answers
from app.checkins.answers import StoredCheckIn, StoredTopic, words
from app.checkins.models import CheckIn, Correction
from app.questions.catalogue import say


@dataclass
class AnswerLine:
    question: str
    answer: str


@dataclass
class TopicSummary:
    key: str
    title: str
    skipped: bool
    lines: list[AnswerLine] = field(default_factory=list)
    comment: str | None = None
    shared: bool | None = None
    talk_about: bool = False
    corrections: list[Correction] = field(default_factory=list)


def _lines(stored: StoredTopic) -> list[AnswerLine]:
    return [
        AnswerLine(say(q.text), words(q, stored.values[q.key]))
        for q in stored.asked.questions
        if stored.values.get(q.key)
    ]


def topic_summaries(stored: StoredCheckIn) -> list[TopicSummary]:
    """Every topic of a stored check-in that was saved, in the order of the set it was asked in."""
    return [
        TopicSummary(
            key=item.key,
            title=say(item.asked.title),
            skipped=item.skipped,
            lines=_lines(item),
            comment=item.comment,
            shared=item.shared,
            talk_about=item.talk_about,
            corrections=item.corrections,
        )
        for item in (stored.topics.get(t.key) for t in stored.questions.topics)
        if item is not None
    ]


def summarise(session: Session, *, check_in: CheckIn) -> list[TopicSummary]:
    """Every topic of the check-in that was saved, in question-set order."""
    return topic_summaries(
        answers.load(session, check_in_ids=[check_in.id or 0], shared_only=False)[check_in.id or 0]
    )
