"""Meeting preparation: each shared topic now, last time and at the start, with trends and markers."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from app.checkins import answers
from app.checkins.answer_queries import headline_numbers, latest_shared_ids, shared_topic_history
from app.checkins.answers import StoredCheckIn, StoredTopic, question_in, scored_value, words
from app.checkins.history import Point, TopicSeries, series_for
from app.checkins.models import SafetyAlert
from app.meetings.alert_desk import open_alerts_about
from app.meetings.markers import Marker, markers
from app.meetings.talk_about import Ask, open_asks
from app.questions.catalogue import latest_version, question_set, say
from app.questions.schema import Question, QuestionSetFile, Topic


@dataclass(frozen=True)
class Line:
    question: str
    latest: str
    previous: str
    baseline: str


@dataclass
class TopicPrep:
    key: str
    title: str
    latest_at: datetime
    previous_at: datetime | None
    baseline_at: datetime | None
    lines: list[Line]
    latest: StoredTopic
    check_in_id: int
    markers: list[Marker] = field(default_factory=list)
    series: TopicSeries | None = None


@dataclass
class MeetingPrep:
    topics: list[TopicPrep]
    latest: StoredCheckIn | None
    asks: list[Ask]
    alerts: list[SafetyAlert]


def _lines(latest: StoredTopic, previous: StoredTopic | None, first: StoredTopic | None) -> list[Line]:
    """One line per question answered in any of the three, each answer in the words of its own
    question set, the question in the newest one's."""
    shown = [s for s in (latest, previous, first) if s]
    asked: dict[str, Question] = {}
    for stored in reversed(shown):
        asked.update({q.key: q for q in stored.asked.questions})
    order = [q.key for s in shown for q in s.asked.questions]
    keys = [k for i, k in enumerate(order) if k not in order[:i] and any(k in s.values for s in shown)]
    return [
        Line(
            say(asked[key].text),
            *((s.answer_in_words(key) if s else None) or "–" for s in (latest, previous, first)),
        )
        for key in keys
    ]


def _picks(history: dict[str, list[tuple[int, datetime]]]) -> set[int]:
    picked: set[int] = set()
    for appearances in history.values():
        picked.update(i for i, _ in appearances[-2:])
        picked.add(appearances[0][0])
    return picked


def _series(session: Session, questions: QuestionSetFile, history) -> dict[str, TopicSeries]:
    headlines = {next(q for q in t.questions if q.headline).key: t for t in questions.topics}
    points: dict[str, list[Point]] = {}
    rows = headline_numbers(session, history=history, headlines={k: t.key for k, t in headlines.items()})
    for question_key, when, number, version in rows:
        item = headlines[question_key]
        asked = question_in(question_set(session, version=version), question_key)
        question = asked or next(q for q in item.questions if q.headline)
        points.setdefault(item.key, []).append(
            Point(when, number, words(question, [scored_value(question, number)]))
        )
    return {
        item.key: series_for(item, next(q for q in item.questions if q.headline), points[item.key])
        for item in headlines.values()
        if item.key in points
    }


def meeting_prep(
    session: Session, *, young_person_id: int, organisation_id: int | None = None
) -> MeetingPrep:
    """Everything the PA may see before a meeting: open safety alerts, every ask to talk not yet
    covered at a meeting, and the shared topics (built only from what was shared), in the order
    and wording of the council's current question set."""
    alerts = open_alerts_about(session, young_person_id=young_person_id)
    asks = open_asks(session, young_person_id=young_person_id)
    visible = latest_shared_ids(session, young_person_ids=[young_person_id], latest=1)
    newest = visible.get(young_person_id, [])
    if not newest:
        return MeetingPrep([], None, asks, alerts)
    questions = question_set(session, version=latest_version(session, organisation_id=organisation_id))
    history = shared_topic_history(
        session, young_person_id=young_person_id, topic_keys=[t.key for t in questions.topics]
    )
    loaded = answers.load(session, check_in_ids=sorted(_picks(history) | set(newest)), shared_only=True)
    series = _series(session, questions, history)
    topics = [_topic(item, history.get(item.key, []), loaded, series) for item in questions.topics]
    prep = MeetingPrep([t for t in topics if t], loaded[newest[0]], asks, alerts)
    _add_markers(prep, history, loaded)
    return prep


def _topic(item: Topic, appearances, loaded: dict[int, StoredCheckIn], series) -> TopicPrep | None:
    if not appearances:
        return None
    latest_id, latest_at = appearances[-1]
    previous = appearances[-2] if len(appearances) > 1 else None
    first = appearances[0] if len(appearances) > 2 else None
    latest = loaded[latest_id].topics[item.key]
    before = loaded[previous[0]].topics[item.key] if previous else None
    start = loaded[first[0]].topics[item.key] if first else None
    return TopicPrep(
        key=item.key,
        title=say(latest.asked.title),
        latest_at=latest_at,
        previous_at=previous[1] if previous else None,
        baseline_at=first[1] if first else None,
        lines=_lines(latest, before, start),
        latest=latest,
        check_in_id=latest_id,
        series=series.get(item.key),
    )


def _add_markers(prep: MeetingPrep, history, loaded: dict[int, StoredCheckIn]) -> None:
    for topic_prep in prep.topics:
        appearances = history[topic_prep.key]
        latest = loaded[appearances[-1][0]]
        previous = loaded[appearances[-2][0]].topics if len(appearances) > 1 else {}
        topic_prep.markers = [m for m in markers(latest, previous) if m.topic_key == topic_prep.key]
