"""The SQL the approved tables rest on: grouped counts of distinct young people, never rows per person.

A check-in counts when it was submitted in the period by a young person of the organisation. For a
question, each young person's latest answer to it counts, from check-ins where they shared its topic.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Integer, String, and_, case, func, literal, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session, col, select

from app.checkins import answer_queries
from app.checkins.answer_queries import ANSWER, SHARED_TOPIC_KEY, shared_answers
from app.checkins.answers import decode
from app.checkins.models import CheckIn, SafetyAlert, Status
from app.insights.periods import Period
from app.people.models import Locality, PaAssignment, YoungPerson
from app.themes.models import TopicTheme
from app.themes.shared import shared_topic_themes


@dataclass(frozen=True)
class ValueCount:
    """How many young people gave one answer, in one locality and age band."""

    question_key: str
    locality_id: int
    band: str
    value: str
    people: int


def localities(session: Session, *, organisation_id: int) -> list[tuple[int, str]]:
    """The organisation's localities as (id, name), by name."""
    rows = session.exec(
        select(Locality.id, Locality.name)
        .where(Locality.organisation_id == organisation_id)
        .order_by(col(Locality.name), col(Locality.id))
    ).all()
    return [(int(i or 0), name) for i, name in rows]


def _submitted(
    organisation_id: int, period: Period, *, since_start: bool = True
) -> list[ColumnElement[bool]]:
    """Conditions for a check-in that counts: submitted in the period, by the organisation's people."""
    conditions = [
        col(CheckIn.status) == Status.submitted,
        col(CheckIn.submitted_at) < period.end,
        col(YoungPerson.organisation_id) == organisation_id,
    ]
    return [*conditions, col(CheckIn.submitted_at) >= period.start] if since_start else conditions


class day_number(FunctionElement[int]):  # noqa: N801 - named like the SQL function it stands for
    """A date or time as the whole number yyyymmdd (in UTC), one function call on each database."""

    type = Integer()
    inherit_cache = True


@compiles(day_number, "sqlite")
def _day_number_sqlite(element: day_number, compiler: Any, **kw: Any) -> str:
    return f"CAST(STRFTIME('%Y%m%d', {compiler.process(element.clauses, **kw)}) AS INTEGER)"


@compiles(day_number, "postgresql")
def _day_number_postgresql(element: day_number, compiler: Any, **kw: Any) -> str:
    return f"CAST(TO_CHAR({compiler.process(element.clauses, **kw)}, 'YYYYMMDD') AS INTEGER)"


def _age_band(at: Any, born: Any) -> ColumnElement[str]:
    """The age band on the day: whole years are the yyyymmdd difference divided by 10,000, rounded down."""
    days = day_number(at) - day_number(born)
    return case(
        (days < 160000, "other"),
        (days < 180000, "16-17"),
        (days < 210000, "18-20"),
        (days < 260000, "21-25"),
        else_="other",
    )


def _latest_answers(question_keys: Sequence[str], organisation_id: int, period: Period) -> Any:
    """The answer rows of each young person's latest check-in that answered each question, with age band."""
    partition = (col(CheckIn.young_person_id), ANSWER.question_key)
    rank = func.dense_rank().over(
        partition_by=partition, order_by=(col(CheckIn.submitted_at).desc(), col(CheckIn.id).desc())
    )
    columns = (
        ANSWER.question_key.label("question_key"),
        col(CheckIn.young_person_id).label("young_person_id"),
        col(YoungPerson.locality_id).label("locality_id"),
        col(CheckIn.submitted_at).label("submitted_at"),
        col(YoungPerson.date_of_birth).label("date_of_birth"),
        ANSWER.option_key.label("option_key"),
        ANSWER.number.label("number"),
        rank.label("rank"),
    )
    ranked = shared_answers(columns, question_keys).where(*_submitted(organisation_id, period)).subquery()
    band = _age_band(ranked.c.submitted_at, ranked.c.date_of_birth).label("band")
    kept = [c for c in ranked.c if c.name not in ("submitted_at", "date_of_birth", "rank")]
    return select(*kept, band).where(ranked.c.rank == 1).subquery()


def latest_values(
    session: Session, *, question_keys: Sequence[str], organisation_id: int, period: Period
) -> list[ValueCount]:
    """People per latest answer, by question, locality and age band (one query)."""
    latest = _latest_answers(question_keys, organisation_id, period)
    keys = (latest.c.question_key, latest.c.locality_id, latest.c.band, latest.c.option_key, latest.c.number)
    rows = session.exec(select(*keys, func.count()).group_by(*keys).order_by(*keys))
    return [
        ValueCount(question, int(locality), band, decode(option, None, number), int(people))
        for question, locality, band, option, number, people in rows.all()
        if option or number is not None
    ]


def latest_answered(
    session: Session, *, question_key: str, organisation_id: int, period: Period
) -> dict[tuple[int, str], int]:
    """People who answered a question in the period, by locality and age band (one query)."""
    latest = _latest_answers([question_key], organisation_id, period)
    keys = (latest.c.locality_id, latest.c.band)
    people = func.count(func.distinct(latest.c.young_person_id))
    rows = session.exec(select(*keys, people).group_by(*keys).order_by(*keys))
    return {(int(locality), band): int(n) for locality, band, n in rows.all()}


def _first_and_last(question_keys: Sequence[str], organisation_id: int, period: Period) -> Any:
    """Every shared answer up to the period's end, oldest first, each carrying its person's last answer.

    One window: the first row of each young person and question holds their first answer and,
    through last_value over the whole partition, their latest one.
    """
    partition = (col(CheckIn.young_person_id), ANSWER.question_key)
    oldest = (col(CheckIn.submitted_at).asc(), col(CheckIn.id).asc())

    def last(column: Any, name: str) -> Any:
        window = func.last_value(column).over(partition_by=partition, order_by=oldest, rows=(None, None))
        return window.label(name)

    columns = (
        ANSWER.question_key.label("question_key"),
        ANSWER.number.label("number"),
        col(CheckIn.id).label("check_in_id"),
        func.row_number().over(partition_by=partition, order_by=oldest).label("position"),
        last(ANSWER.number, "last_number"),
        last(CheckIn.id, "last_check_in"),
        last(CheckIn.submitted_at, "last_submitted_at"),
    )
    history = shared_answers(columns, question_keys)
    return history.where(*_submitted(organisation_id, period, since_start=False)).subquery()


def baseline_changes(
    session: Session, *, question_keys: Sequence[str], organisation_id: int, period: Period
) -> dict[tuple[str, str], int]:
    """People by question and change (up, same, down, first) since their first shared answer (one query)."""
    ranked = _first_and_last(question_keys, organisation_id, period)
    change = case(
        (ranked.c.last_check_in == ranked.c.check_in_id, "first"),
        (ranked.c.last_number > ranked.c.number, "up"),
        (ranked.c.last_number < ranked.c.number, "down"),
        else_="same",
    )
    latest = (
        select(ranked.c.question_key, change.label("change"))
        .where(ranked.c.position == 1, ranked.c.last_submitted_at >= period.start)
        .subquery()
    )
    keys = (latest.c.question_key, latest.c.change)
    rows = session.exec(select(*keys, func.count()).group_by(*keys).order_by(*keys)).all()
    return {(question, kind): int(n) for question, kind, n in rows}


def _in_period(column: Any, period: Period) -> ColumnElement[bool]:
    return and_(column >= period.start, column < period.end)


def population(session: Session, *, organisation_id: int, period: Period) -> dict[int, int]:
    """Young people on caseloads, by locality: with a PA in the period, or who checked in or had an alert."""
    assigned = select(PaAssignment.young_person_id).where(
        col(PaAssignment.started_at) < period.end,
        or_(col(PaAssignment.ended_at).is_(None), col(PaAssignment.ended_at) >= period.start),
    )
    checked_in = select(CheckIn.young_person_id).where(
        col(CheckIn.status) == Status.submitted, _in_period(col(CheckIn.submitted_at), period)
    )
    alerted = select(SafetyAlert.young_person_id).where(_in_period(col(SafetyAlert.raised_at), period))
    member = or_(*(col(YoungPerson.id).in_(group) for group in (assigned, checked_in, alerted)))
    rows = session.exec(
        select(YoungPerson.locality_id, func.count())
        .where(YoungPerson.organisation_id == organisation_id, member)
        .group_by(col(YoungPerson.locality_id))
        .order_by(col(YoungPerson.locality_id))
    ).all()
    return {int(locality): int(n) for locality, n in rows}


def checked_in(session: Session, *, organisation_id: int, period: Period) -> dict[int, int]:
    """Young people who submitted a check-in in the period, by locality (one query)."""
    people = func.count(func.distinct(CheckIn.young_person_id))
    rows = session.exec(
        select(YoungPerson.locality_id, people)
        .join(YoungPerson, col(YoungPerson.id) == CheckIn.young_person_id)
        .where(*_submitted(organisation_id, period))
        .group_by(col(YoungPerson.locality_id))
        .order_by(col(YoungPerson.locality_id))
    ).all()
    return {int(locality): int(n) for locality, n in rows}


def shared_topics(session: Session, *, organisation_id: int, period: Period) -> dict[tuple[int, str], int]:
    """Young people who shared each topic in a check-in of the period, by locality (one query)."""
    people = func.count(func.distinct(CheckIn.young_person_id))
    keys = (col(YoungPerson.locality_id), SHARED_TOPIC_KEY)
    rows = session.execute(
        answer_queries.shared_topics([*keys, people])
        .where(*_submitted(organisation_id, period))
        .group_by(*keys)
        .order_by(*keys)
    ).all()
    return {(int(locality), topic_key): int(n) for locality, topic_key, n in rows}


def shared_themes(
    session: Session, *, organisation_id: int, period: Period
) -> dict[tuple[int, str, str], int]:
    """Young people with each confirmed theme on a topic they shared in a check-in of the period, by
    locality and topic (one query; never the words themselves)."""
    people = func.count(func.distinct(CheckIn.young_person_id))
    keys = (col(YoungPerson.locality_id), col(TopicTheme.topic_key), col(TopicTheme.theme_key))
    rows = session.execute(
        shared_topic_themes([*keys, people])
        .where(*_submitted(organisation_id, period))
        .group_by(*keys)
        .order_by(*keys)
    ).all()
    return {(int(locality), topic_key, theme_key): int(n) for locality, topic_key, theme_key, n in rows}


def alerts_raised(session: Session, *, organisation_id: int, period: Period) -> dict[str, int]:
    """Young people with a safety alert raised in the period, by question, and "" for any (one query)."""
    by_question = (
        select(col(SafetyAlert.question_key).label("question_key"), SafetyAlert.young_person_id)
        .join(YoungPerson, col(YoungPerson.id) == SafetyAlert.young_person_id)
        .where(YoungPerson.organisation_id == organisation_id, _in_period(col(SafetyAlert.raised_at), period))
        .subquery()
    )
    people = func.count(func.distinct(by_question.c.young_person_id))
    each = select(by_question.c.question_key, people).group_by(by_question.c.question_key)
    rows = session.exec(each.union_all(select(literal("", String), people)))
    return {question: int(n) for question, n in rows.all()}
