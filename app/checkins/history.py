"""A young person's own history: past check-ins, what was shared and seen, each topic over time."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from app.checkins.answers import QuestionSets, decode, risk_answer_in_words, words
from app.checkins.models import Answer, CheckIn, SafetyAlert, Status, TopicResponse
from app.checkins.sharing import anything_shared
from app.checkins.summary import TopicSummary, summarise
from app.i18n import moment
from app.people.models import User, YoungPerson
from app.questions.catalogue import say, topic
from app.questions.schema import TOPIC_KEYS, Kind, Question, QuestionSetFile, Topic


@dataclass(frozen=True)
class TopicState:
    key: str
    title: str
    shared: bool
    shared_at: datetime | None


@dataclass(frozen=True)
class PastCheckIn:
    check_in: CheckIn
    topics: list[TopicState]
    seen_by: str | None

    @property
    def shared(self) -> list[TopicState]:
        return [t for t in self.topics if t.shared]

    @property
    def kept(self) -> list[TopicState]:
        return [t for t in self.topics if not t.shared]


@dataclass(frozen=True)
class Point:
    when: datetime
    value: int
    words: str


@dataclass(frozen=True)
class TopicSeries:
    key: str
    title: str
    question: str
    low: int
    high: int
    low_label: str
    high_label: str
    points: list[Point]


@dataclass(frozen=True)
class AlertNote:
    question: str
    answer: str
    raised_at: datetime
    seen_at: datetime | None
    check_in_id: int | None


@dataclass(frozen=True)
class CheckInView:
    check_in: CheckIn
    topics: list[TopicSummary]
    shared_at: dict[str, datetime | None]
    seen_by: str | None
    alerts: list[AlertNote]
    deletable: bool


def day(when: datetime) -> str:
    """A date as people write it: '3 May 2026' (in the reader's language)."""
    return moment(when, "%-d %B %Y")


def staff_names(session: Session, user_ids: Iterable[int | None]) -> dict[int, str]:
    """First names of these accounts (staff who saw or replied to a check-in), as people say them."""
    ids = sorted({i for i in user_ids if i})
    if not ids:
        return {}
    rows = session.exec(select(User.id, User.display_name).where(col(User.id).in_(ids))).all()
    return {user_id: name.split()[0] for user_id, name in rows if user_id and name}


def submitted_check_ins(session: Session, *, person: YoungPerson) -> list[CheckIn]:
    """The young person's sent check-ins, newest first (drafts are not history)."""
    statement = (
        select(CheckIn)
        .where(CheckIn.young_person_id == person.id, CheckIn.status == Status.submitted)
        .order_by(col(CheckIn.submitted_at).desc(), col(CheckIn.id).desc())
    )
    return list(session.exec(statement).all())


def _topic_states(questions: QuestionSetFile, responses: list[TopicResponse]) -> list[TopicState]:
    by_key = {r.topic_key: r for r in responses if not r.skipped}
    return [
        TopicState(t.key, say(t.title), bool(by_key[t.key].shared), by_key[t.key].shared_at)
        for t in questions.topics
        if t.key in by_key
    ]


def past_check_ins(session: Session, *, person: YoungPerson) -> list[PastCheckIn]:
    """Each sent check-in, newest first, with the topics answered and which were shared."""
    check_ins = submitted_check_ins(session, person=person)
    if not check_ins:
        return []
    responses: dict[int, list[TopicResponse]] = {}
    ids = [c.id for c in check_ins]
    for row in session.exec(
        select(TopicResponse).where(col(TopicResponse.check_in_id).in_(ids)).order_by(TopicResponse.id)
    ).all():
        responses.setdefault(row.check_in_id, []).append(row)
    sets = QuestionSets(session)
    names = staff_names(session, (c.seen_by_id for c in check_ins))
    return [
        PastCheckIn(
            check_in=c,
            topics=_topic_states(sets.get(c.question_set_version), responses.get(c.id or 0, [])),
            seen_by=names.get(c.seen_by_id or 0),
        )
        for c in check_ins
    ]


def series_for(item: Topic, question: Question, points: list[Point]) -> TopicSeries:
    """A topic's headline points with the question's range: 0-10, or its answers' lowest..highest score."""
    if question.kind is Kind.scale:
        low, high, low_label, high_label = 0, 10, say(question.low), say(question.high)
    else:
        scored = sorted((a for a in question.answers if a.score is not None), key=lambda a: a.score or 0)
        low, high = scored[0].score or 0, scored[-1].score or 0
        low_label, high_label = say(scored[0].text), say(scored[-1].text)
    return TopicSeries(
        item.key, say(item.title), say(question.text), low, high, low_label, high_label, points
    )


def _numbered_answers(session: Session, person: YoungPerson) -> list[tuple[Answer, CheckIn]]:
    """Every scale value or scored choice in the young person's sent check-ins, oldest first."""
    statement = (
        select(Answer, CheckIn)
        .join(CheckIn, col(CheckIn.id) == Answer.check_in_id)
        .where(
            CheckIn.young_person_id == person.id,
            CheckIn.status == Status.submitted,
            col(Answer.number).is_not(None),
        )
        .order_by(col(CheckIn.submitted_at), col(CheckIn.id), col(Answer.id))
    )
    return list(session.exec(statement).all())


def headline_series(session: Session, *, person: YoungPerson) -> list[TopicSeries]:
    """For each topic, its headline answer in every sent check-in, oldest first."""
    sets = QuestionSets(session)
    points: dict[str, list[Point]] = {}
    asked: dict[str, tuple[Topic, Question]] = {}
    for answer, check_in in _numbered_answers(session, person):
        item = topic(sets.get(check_in.question_set_version), answer.topic_key)
        headline = next((q for q in item.questions if q.headline), None) if item else None
        if item is None or headline is None or headline.key != answer.question_key:
            continue
        if answer.number is None or check_in.submitted_at is None:
            continue
        value = decode(answer.option_key, answer.text, answer.number)
        point = Point(check_in.submitted_at, answer.number, words(headline, [value]))
        points.setdefault(headline.key, []).append(point)
        asked[headline.key] = (item, headline)
    order = sorted(asked, key=lambda key: (TOPIC_KEYS.index(asked[key][0].key), key))
    return [series_for(*asked[key], points[key]) for key in order]


def alert_notes(session: Session, alerts: list[SafetyAlert]) -> list[AlertNote]:
    """Safety alerts in words: the question, the answer given, when, and when it was seen."""
    sets = QuestionSets(session)
    ids = [a.check_in_id for a in alerts if a.check_in_id]
    versions = dict(
        session.exec(select(CheckIn.id, CheckIn.question_set_version).where(col(CheckIn.id).in_(ids))).all()
        if ids
        else []
    )
    notes = []
    for alert in alerts:
        version = versions.get(alert.check_in_id or 0)
        question, answer = risk_answer_in_words(sets, alert.question_key, alert.option_key, version)
        notes.append(
            AlertNote(
                question=question,
                answer=answer,
                raised_at=alert.raised_at,
                seen_at=alert.seen_at or alert.acknowledged_at,
                check_in_id=alert.check_in_id,
            )
        )
    return notes


def person_alerts(session: Session, *, person: YoungPerson) -> list[AlertNote]:
    """Every safety alert the young person's answers raised, oldest first, in words."""
    alerts = session.exec(
        select(SafetyAlert)
        .where(SafetyAlert.young_person_id == person.id)
        .order_by(col(SafetyAlert.raised_at), col(SafetyAlert.id))
    ).all()
    return alert_notes(session, list(alerts))


def check_in_view(session: Session, *, check_in: CheckIn) -> CheckInView:
    """One sent check-in as its young person reads it back."""
    responses = session.exec(select(TopicResponse).where(TopicResponse.check_in_id == check_in.id)).all()
    alerts = session.exec(
        select(SafetyAlert)
        .where(SafetyAlert.check_in_id == check_in.id)
        .order_by(SafetyAlert.raised_at, SafetyAlert.id)
    ).all()
    return CheckInView(
        check_in=check_in,
        topics=summarise(session, check_in=check_in),
        shared_at={r.topic_key: r.shared_at for r in responses},
        seen_by=staff_names(session, [check_in.seen_by_id]).get(check_in.seen_by_id or 0),
        alerts=alert_notes(session, list(alerts)),
        deletable=not anything_shared(session, check_in=check_in),
    )


def is_shared(session: Session, *, check_in: CheckIn, topic_key: str) -> bool:
    """Whether the PA can see this topic of the check-in."""
    statement = select(TopicResponse.id).where(
        TopicResponse.check_in_id == check_in.id,
        TopicResponse.topic_key == topic_key,
        col(TopicResponse.shared).is_(True),
    )
    return session.exec(statement).first() is not None
