"""A check-in as the young person reads it back: each topic, its answers in words, sharing."""

from dataclasses import dataclass, field

from sqlmodel import Session, select

from app.checkins import service
from app.checkins.models import CheckIn, Correction, TopicResponse
from app.questions.catalogue import answers_of, say
from app.questions.schema import Kind, Question, Topic


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


def answer_in_words(question: Question, values: list[str]) -> str:
    """How an answer reads: '7 out of 10', the chosen answer's words, or ticked answers."""
    if question.kind is Kind.scale:
        return f"{values[0]} / 10"
    if question.kind is Kind.text:
        return values[0]
    names = {a.key: say(a.text) for a in answers_of(question)}
    return ", ".join(names.get(v, v) for v in values)


def _lines(item: Topic, values: dict[str, list[str]]) -> list[AnswerLine]:
    return [
        AnswerLine(say(q.text), answer_in_words(q, values[q.key]))
        for q in item.questions
        if values.get(q.key)
    ]


def summarise(session: Session, *, check_in: CheckIn) -> list[TopicSummary]:
    """Every topic of the check-in that was saved, in question-set order."""
    questions = service.questions_of(session, check_in)
    responses = {
        r.topic_key: r
        for r in session.exec(select(TopicResponse).where(TopicResponse.check_in_id == check_in.id)).all()
    }
    corrections = session.exec(
        select(Correction).where(Correction.check_in_id == check_in.id).order_by(Correction.id)
    ).all()
    summaries = []
    for item in questions.topics:
        response = responses.get(item.key)
        if response is None:
            continue
        saved = service.saved_topic(session, check_in=check_in, topic_key=item.key)
        summaries.append(
            TopicSummary(
                key=item.key,
                title=say(item.title),
                skipped=response.skipped,
                lines=_lines(item, saved.values),
                comment=response.comment,
                shared=response.shared,
                talk_about=response.talk_about,
                corrections=[c for c in corrections if c.topic_key == item.key],
            )
        )
    return summaries
