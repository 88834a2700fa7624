"""The read model's queries: the SQL other domains use to reach stored answers.

What a PA may see of a young person's check-ins (shared topics only, read in a few queries), and
the shared answers and topics the analysts' tables count (app/insights/queries.py builds its grouped
counts on these, in SQL, for speed; tests/insights/test_answer_encoding.py checks it reads answers
as the read model does).
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, union_all
from sqlalchemy.orm import Mapped, aliased
from sqlmodel import Session, col, select

from app.checkins.models import Answer, CheckIn, Status, TopicResponse
from app.people.models import YoungPerson


def _visible_to_pa() -> ColumnElement[bool]:
    same = col(TopicResponse.check_in_id) == col(CheckIn.id)
    shared_topic = exists().where(same, col(TopicResponse.shared).is_(True))
    talk = exists().where(same, col(TopicResponse.talk_about).is_(True))
    words = or_(col(CheckIn.talk_about_words).is_not(None), col(CheckIn.going_well).is_not(None))
    return and_(col(CheckIn.status) == Status.submitted, or_(shared_topic, talk, words))


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


def unseen_up_to(session: Session, *, check_in: CheckIn) -> list[CheckIn]:
    """This young person's check-ins the PA may see and has not marked seen, sent no later than this one."""
    return list(
        session.exec(
            select(CheckIn)
            .where(
                CheckIn.young_person_id == check_in.young_person_id,
                _visible_to_pa(),
                col(CheckIn.seen_at).is_(None),
                col(CheckIn.submitted_at) <= check_in.submitted_at,
            )
            .order_by(col(CheckIn.submitted_at), col(CheckIn.id))
        ).all()
    )


def _open_asks() -> tuple[ColumnElement[bool], ...]:
    """Sent check-ins with something to talk about, sent after the young person's last check-in
    with actions agreed at a meeting (app.meetings.talk_about says why).

    "After the last one" is written as "no check-in with actions agreed at or after it", which
    PostgreSQL runs as one anti-join rather than a maximum worked out again for every check-in.
    Both conditions read small partial indexes (migration 0015): the check-ins with actions agreed,
    and the topics asked about, listed once, so SQLite does not walk each check-in's topics or
    every later check-in.
    """
    covering = aliased(CheckIn)
    covered = exists().where(
        col(covering.young_person_id) == CheckIn.young_person_id,
        col(covering.status) == Status.submitted,
        col(covering.actions_agreed).is_not(None),
        col(covering.submitted_at) >= CheckIn.submitted_at,
    )
    ticked = col(CheckIn.id).in_(
        select(TopicResponse.check_in_id).where(col(TopicResponse.talk_about).is_(True))
    )
    return (
        col(CheckIn.status) == Status.submitted,
        or_(ticked, col(CheckIn.talk_about_words).is_not(None)),
        ~covered,
    )


def people_with_open_asks(session: Session, *, young_person_ids: list[int]) -> set[int]:
    """Which of these young people asked to talk about something no meeting has covered yet."""
    if not young_person_ids:
        return set()
    statement = (
        select(CheckIn.young_person_id)
        .where(col(CheckIn.young_person_id).in_(young_person_ids), *_open_asks())
        .distinct()
    )
    return set(session.exec(statement).all())


def open_ask_check_ins(session: Session, *, young_person_id: int) -> list[tuple[CheckIn, list[str]]]:
    """The check-ins with an ask not covered yet, oldest first, each with the topic keys ticked."""
    check_ins = session.exec(
        select(CheckIn)
        .where(CheckIn.young_person_id == young_person_id, *_open_asks())
        .order_by(col(CheckIn.submitted_at), col(CheckIn.id))
    ).all()
    ticked: dict[int, list[str]] = defaultdict(list)
    for check_in_id, topic_key in session.exec(
        select(TopicResponse.check_in_id, TopicResponse.topic_key)
        .where(
            col(TopicResponse.check_in_id).in_([c.id for c in check_ins]),
            col(TopicResponse.talk_about).is_(True),
        )
        .order_by(col(TopicResponse.id))
    ).all():
        ticked[check_in_id].append(topic_key)
    return [(c, ticked.get(c.id or 0, [])) for c in check_ins]


def shared_topic_history(
    session: Session, *, young_person_id: int, topic_keys: list[str], recent: int = 12
) -> dict[str, list[tuple[int, datetime]]]:
    """Per topic, the first check-in that shared it and the latest `recent` ones, oldest first.

    Two small index walks per topic (newest first, oldest first; ix_check_in_young_person_sent),
    so the cost does not grow with the years of history.
    """
    order = (col(CheckIn.submitted_at), col(CheckIn.id))

    def walk(topic_key: str, *, newest: bool, limit: int):
        return select(
            select(TopicResponse.topic_key, CheckIn.id, CheckIn.submitted_at)
            .join(TopicResponse, col(TopicResponse.check_in_id) == CheckIn.id)
            .where(
                CheckIn.young_person_id == young_person_id,
                CheckIn.status == Status.submitted,
                TopicResponse.topic_key == topic_key,
                col(TopicResponse.shared).is_(True),
            )
            .order_by(*(o.desc() for o in order) if newest else order)
            .limit(limit)
            .subquery()
        )

    walks = [
        each
        for key in topic_keys
        for each in (walk(key, newest=True, limit=recent), walk(key, newest=False, limit=1))
    ]
    found: dict[str, set[tuple[int, datetime]]] = defaultdict(set)
    for topic_key, check_in_id, submitted_at in session.execute(union_all(*walks)).all():
        found[topic_key].add((check_in_id, submitted_at))
    return {key: sorted(picks, key=lambda pick: (pick[1], pick[0])) for key, picks in found.items()}


def headline_numbers(
    session: Session,
    *,
    history: dict[str, list[tuple[int, datetime]]],
    headlines: dict[str, str],
    recent: int = 12,
) -> list[tuple[str, datetime, int, int]]:
    """(question key, sent time, number, question set version) of each topic's headline answer in its
    latest `recent` shared check-ins (from shared_topic_history; headlines maps question key to topic
    key), oldest first."""
    sent = {
        (check_in_id, topic_key): when
        for topic_key, picks in history.items()
        for check_in_id, when in picks[-recent:]
    }
    if not sent:
        return []
    rows = session.exec(
        select(Answer.check_in_id, Answer.question_key, Answer.number, CheckIn.question_set_version)
        .join(CheckIn, col(CheckIn.id) == Answer.check_in_id)
        .where(
            col(Answer.check_in_id).in_({check_in_id for check_in_id, _ in sent}),
            col(Answer.question_key).in_(list(headlines)),
            col(Answer.number).is_not(None),
        )
    ).all()
    found = [
        (question_key, sent[(check_in_id, headlines[question_key])], number or 0, version, check_in_id)
        for check_in_id, question_key, number, version in rows
        if (check_in_id, headlines[question_key]) in sent
    ]
    found.sort(key=lambda f: (f[1], f[4]))
    return [(key, when, number, version) for key, when, number, version, _ in found]


@dataclass(frozen=True)
class AnswerColumns:
    """The columns of a stored answer that analysts' SQL may group and count by."""

    question_key: Mapped[str]
    option_key: Mapped[str]
    number: Mapped[int | None]


ANSWER = AnswerColumns(col(Answer.question_key), col(Answer.option_key), col(Answer.number))
SHARED_TOPIC_KEY = col(TopicResponse.topic_key)


def shared_answers(columns: Sequence[Any], question_keys: Sequence[str]) -> Select[Any]:
    """Answers to these questions in topics their young person shared, joined to the check-in and person."""
    return (
        select(*columns)
        .select_from(Answer)
        .join(CheckIn, col(CheckIn.id) == Answer.check_in_id)
        .join(
            TopicResponse,
            and_(
                col(TopicResponse.check_in_id) == Answer.check_in_id,
                col(TopicResponse.topic_key) == Answer.topic_key,
            ),
        )
        .join(YoungPerson, col(YoungPerson.id) == CheckIn.young_person_id)
        .where(col(Answer.question_key).in_(question_keys), col(TopicResponse.shared).is_(True))
    )


def shared_topics(columns: Sequence[Any]) -> Select[Any]:
    """Topics young people shared (SHARED_TOPIC_KEY), joined to the check-in and person."""
    return (
        select(*columns)
        .select_from(TopicResponse)
        .join(CheckIn, col(CheckIn.id) == TopicResponse.check_in_id)
        .join(YoungPerson, col(YoungPerson.id) == CheckIn.young_person_id)
        .where(col(TopicResponse.shared).is_(True))
    )


def latest_shared_choices(
    session: Session, *, young_person_id: int, question_keys: Sequence[str]
) -> dict[str, tuple[str, datetime, int]]:
    """Per question, the young person's latest answer in a topic they shared: (answer key, sent time,
    question set version). For setting their own words beside another source's record."""
    rows = session.execute(
        shared_answers(
            [
                ANSWER.question_key,
                ANSWER.option_key,
                col(CheckIn.submitted_at),
                col(CheckIn.question_set_version),
            ],
            question_keys,
        )
        .where(col(CheckIn.young_person_id) == young_person_id, col(CheckIn.status) == Status.submitted)
        .order_by(col(CheckIn.submitted_at).desc(), col(CheckIn.id).desc())
    ).all()
    found: dict[str, tuple[str, datetime, int]] = {}
    for key, option, sent, version in rows:
        found.setdefault(key, (option, sent, version))
    return found


def latest_shared_choice_of_each(
    session: Session, *, organisation_id: int, question_keys: Sequence[str]
) -> dict[tuple[int, str], str]:
    """For every young person of the council, their latest shared answer to each of these questions:
    (young person id, question key) -> answer key. One query (a window over each person's answers)."""
    place = (
        func.row_number()
        .over(
            partition_by=(col(CheckIn.young_person_id), ANSWER.question_key),
            order_by=(col(CheckIn.submitted_at).desc(), col(CheckIn.id).desc()),
        )
        .label("place")
    )
    ranked = (
        shared_answers(
            [col(CheckIn.young_person_id), ANSWER.question_key, ANSWER.option_key, place], question_keys
        )
        .where(col(YoungPerson.organisation_id) == organisation_id, col(CheckIn.status) == Status.submitted)
        .subquery()
    )
    rows = session.execute(
        select(ranked.c.young_person_id, ranked.c.question_key, ranked.c.option_key).where(
            ranked.c.place == 1
        )
    ).all()
    return {(person, key): option for person, key, option in rows}


def people_who_checked_in(session: Session, *, organisation_id: int, since: datetime) -> set[int]:
    """The council's young people who sent a check-in since this time."""
    statement = (
        select(CheckIn.young_person_id)
        .join(YoungPerson, col(YoungPerson.id) == CheckIn.young_person_id)
        .where(
            YoungPerson.organisation_id == organisation_id,
            col(CheckIn.status) == Status.submitted,
            col(CheckIn.submitted_at) >= since,
        )
        .distinct()
    )
    return set(session.exec(statement).all())
