"""What a PA may see of a young person's check-ins: shared topics only, read in a few queries."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, exists, func, or_
from sqlmodel import Session, col, select

from app.checkins.models import Answer, CheckIn, Correction, Status, TopicResponse
from app.people.models import YoungPerson


@dataclass
class SharedTopic:
    key: str
    values: dict[str, list[str]] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    comment: str | None = None
    corrections: list[Correction] = field(default_factory=list)


@dataclass
class SharedCheckIn:
    check_in: CheckIn
    topics: dict[str, SharedTopic] = field(default_factory=dict)
    talk_about: list[str] = field(default_factory=list)


def _visible_to_pa():
    shared_topic = exists().where(
        TopicResponse.check_in_id == CheckIn.id, col(TopicResponse.shared).is_(True)
    )
    talk = exists().where(TopicResponse.check_in_id == CheckIn.id, col(TopicResponse.talk_about).is_(True))
    words = or_(col(CheckIn.talk_about_words).is_not(None), col(CheckIn.going_well).is_not(None))
    return and_(CheckIn.status == Status.submitted, or_(shared_topic, talk, words))


def latest_shared_ids(session: Session, *, young_person_ids: list[int], latest: int) -> dict[int, list[int]]:
    """Per young person, ids of their latest N sent check-ins the PA may see, newest first.

    One row per young person, one scalar subquery per place: each walks that person's check-ins
    newest first (ix_check_in_young_person_sent) and stops at the N-th visible one, so the cost
    does not grow with the length of anyone's history.
    """
    if not young_person_ids:
        return {}

    def nth(place: int):
        return (
            select(CheckIn.id)
            .where(CheckIn.young_person_id == YoungPerson.id, _visible_to_pa())
            .order_by(col(CheckIn.submitted_at).desc(), col(CheckIn.id).desc())
            .limit(1)
            .offset(place)
            .correlate(YoungPerson)
            .scalar_subquery()
        )

    rows = session.exec(
        select(YoungPerson.id, *(nth(place) for place in range(latest))).where(
            col(YoungPerson.id).in_(young_person_ids)
        )
    ).all()
    return {row[0]: [i for i in row[1:] if i is not None] for row in rows if row[1] is not None}


def is_shared_with_pa(session: Session, *, check_in_id: int, young_person_id: int) -> bool:
    """Whether this is a sent check-in of this young person with something in it for the PA."""
    statement = select(CheckIn.id).where(
        CheckIn.id == check_in_id, CheckIn.young_person_id == young_person_id, _visible_to_pa()
    )
    return session.exec(statement).first() is not None


def load_shared(session: Session, *, check_in_ids: list[int]) -> dict[int, SharedCheckIn]:
    """The shared parts of these check-ins: shared topics' answers, words and corrections."""
    if not check_in_ids:
        return {}
    check_ins = session.exec(select(CheckIn).where(col(CheckIn.id).in_(check_in_ids))).all()
    loaded = {c.id or 0: SharedCheckIn(c) for c in check_ins}
    responses = session.exec(
        select(TopicResponse)
        .where(col(TopicResponse.check_in_id).in_(check_in_ids))
        .order_by(TopicResponse.id)
    ).all()
    for response in responses:
        entry = loaded[response.check_in_id]
        if response.shared:
            entry.topics[response.topic_key] = SharedTopic(response.topic_key, comment=response.comment)
        if response.talk_about:
            entry.talk_about.append(response.topic_key)
    _add_answers(session, loaded)
    _add_corrections(session, loaded)
    return loaded


def _add_answers(session: Session, loaded: dict[int, SharedCheckIn]) -> None:
    rows = session.exec(
        select(
            Answer.check_in_id,
            Answer.topic_key,
            Answer.question_key,
            Answer.option_key,
            Answer.number,
            Answer.text,
        )
        .where(col(Answer.check_in_id).in_(list(loaded)))
        .order_by(Answer.id)
    ).all()
    for check_in_id, topic_key, question_key, option_key, number, text in rows:
        item = loaded[check_in_id].topics.get(topic_key)
        if item is None:
            continue
        value = option_key or text or ("" if number is None else str(number))
        item.values.setdefault(question_key, []).append(value)
        if number is not None:
            item.numbers[question_key] = number


def _add_corrections(session: Session, loaded: dict[int, SharedCheckIn]) -> None:
    rows = session.exec(
        select(Correction).where(col(Correction.check_in_id).in_(list(loaded))).order_by(Correction.id)
    ).all()
    for row in rows:
        item = loaded[row.check_in_id].topics.get(row.topic_key)
        if item is not None:
            item.corrections.append(row)


def shared_topic_picks(session: Session, *, young_person_id: int) -> dict[str, list[tuple[int, datetime]]]:
    """Per topic, the first, previous and latest check-ins that shared it, oldest first."""
    order = (col(CheckIn.submitted_at), col(CheckIn.id))
    newest = func.row_number().over(
        partition_by=TopicResponse.topic_key, order_by=tuple(o.desc() for o in order)
    )
    oldest = func.row_number().over(partition_by=TopicResponse.topic_key, order_by=order)
    ranked = (
        select(
            TopicResponse.topic_key,
            CheckIn.id,
            CheckIn.submitted_at,
            newest.label("newest"),
            oldest.label("oldest"),
        )
        .join(CheckIn, col(CheckIn.id) == TopicResponse.check_in_id)
        .where(
            CheckIn.young_person_id == young_person_id,
            CheckIn.status == Status.submitted,
            col(TopicResponse.shared).is_(True),
        )
        .subquery()
    )
    rows = session.exec(
        select(ranked.c.topic_key, ranked.c.id, ranked.c.submitted_at)
        .where(or_(ranked.c.newest <= 2, ranked.c.oldest == 1))
        .order_by(ranked.c.topic_key, ranked.c.submitted_at, ranked.c.id)
    ).all()
    picks: dict[str, list[tuple[int, datetime]]] = defaultdict(list)
    for topic_key, check_in_id, submitted_at in rows:
        picks[topic_key].append((check_in_id, submitted_at))
    return picks


def shared_headline_numbers(
    session: Session, *, young_person_id: int, headline_keys: list[str], recent: int = 12
) -> list[tuple[str, datetime, int]]:
    """(question key, sent time, number) of the latest shared headline answers, oldest first."""
    rank = func.row_number().over(
        partition_by=Answer.question_key, order_by=(col(CheckIn.submitted_at).desc(), col(CheckIn.id).desc())
    )
    ranked = (
        select(Answer.question_key, CheckIn.submitted_at, Answer.number, CheckIn.id, rank.label("rank"))
        .join(CheckIn, col(CheckIn.id) == Answer.check_in_id)
        .join(
            TopicResponse,
            (col(TopicResponse.check_in_id) == Answer.check_in_id)
            & (col(TopicResponse.topic_key) == Answer.topic_key),
        )
        .where(
            CheckIn.young_person_id == young_person_id,
            CheckIn.status == Status.submitted,
            col(TopicResponse.shared).is_(True),
            col(Answer.question_key).in_(headline_keys),
            col(Answer.number).is_not(None),
        )
        .subquery()
    )
    return list(
        session.exec(
            select(ranked.c.question_key, ranked.c.submitted_at, ranked.c.number)
            .where(ranked.c.rank <= recent)
            .order_by(ranked.c.submitted_at, ranked.c.id)
        ).all()
    )
