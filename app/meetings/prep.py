"""Meeting preparation: each shared topic now, last time and at the start, with trends and markers."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from app.checkins.history import Point, TopicSeries, series_for
from app.checkins.summary import answer_in_words
from app.meetings.markers import Marker, markers
from app.meetings.shared import (
    SharedCheckIn,
    SharedTopic,
    headline_numbers,
    latest_shared_ids,
    load_shared,
    shared_topic_history,
)
from app.questions.catalogue import latest_version, question_set, say
from app.questions.schema import QuestionSetFile, Topic


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
    latest: SharedTopic
    markers: list[Marker] = field(default_factory=list)
    series: TopicSeries | None = None


@dataclass
class MeetingPrep:
    topics: list[TopicPrep]
    latest: SharedCheckIn | None
    talk_about: list[str]


def _words(item: Topic, shared: SharedTopic | None, key: str) -> str:
    question = next(q for q in item.questions if q.key == key)
    values = shared.values.get(key) if shared else None
    return answer_in_words(question, values) if values else "–"


def _lines(
    item: Topic, latest: SharedTopic, previous: SharedTopic | None, first: SharedTopic | None
) -> list[Line]:
    keys = [q.key for q in item.questions if any(s and q.key in s.values for s in (latest, previous, first))]
    return [
        Line(
            say(next(q.text for q in item.questions if q.key == key)),
            _words(item, latest, key),
            _words(item, previous, key),
            _words(item, first, key),
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
    for question_key, when, number in rows:
        item = headlines[question_key]
        question = next(q for q in item.questions if q.headline)
        words = answer_in_words(
            question,
            [str(number)]
            if question.kind.value == "scale"
            else [next((a.key for a in question.answers if a.score == number), "")],
        )
        points.setdefault(item.key, []).append(Point(when, number, words))
    return {
        item.key: series_for(item, next(q for q in item.questions if q.headline), points[item.key])
        for item in headlines.values()
        if item.key in points
    }


def meeting_prep(session: Session, *, young_person_id: int) -> MeetingPrep:
    """Everything the PA may see before a meeting, built only from what was shared."""
    visible = latest_shared_ids(session, young_person_ids=[young_person_id], latest=1)
    newest = visible.get(young_person_id, [])
    if not newest:
        return MeetingPrep([], None, [])
    questions = question_set(session, version=latest_version(session))
    history = shared_topic_history(
        session, young_person_id=young_person_id, topic_keys=[t.key for t in questions.topics]
    )
    loaded = load_shared(session, check_in_ids=sorted(_picks(history) | set(newest)))
    series = _series(session, questions, history)
    topics = [_topic(item, history.get(item.key, []), loaded, series) for item in questions.topics]
    latest = loaded[newest[0]] if newest else None
    talk_about = [say(t.title) for t in questions.topics if latest and t.key in latest.talk_about]
    prep = MeetingPrep([t for t in topics if t], latest, talk_about)
    _add_markers(questions, prep, history, loaded)
    return prep


def _topic(item: Topic, appearances, loaded: dict[int, SharedCheckIn], series) -> TopicPrep | None:
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
        title=say(item.title),
        latest_at=latest_at,
        previous_at=previous[1] if previous else None,
        baseline_at=first[1] if first else None,
        lines=_lines(item, latest, before, start),
        latest=latest,
        series=series.get(item.key),
    )


def _add_markers(questions, prep: MeetingPrep, history, loaded: dict[int, SharedCheckIn]) -> None:
    for topic_prep in prep.topics:
        appearances = history[topic_prep.key]
        latest = loaded[appearances[-1][0]]
        previous = loaded[appearances[-2][0]].topics if len(appearances) > 1 else {}
        topic_prep.markers = [
            m for m in markers(questions, latest, previous) if m.topic_key == topic_prep.key
        ]
