"""Confirmed themes of shared topics only: what the PA sees and filters by, and what analysts count.

A theme of a topic the young person kept to themselves (or stopped sharing) is in none of these.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_
from sqlmodel import Session, col, select

from app.checkins.models import CheckIn, Status, TopicResponse
from app.people.models import YoungPerson
from app.themes.catalogue import keys, theme
from app.themes.models import AddedBy, TopicTheme


@dataclass(frozen=True)
class ShownTheme:
    key: str
    name: str
    by_pa: bool


def shared_topic_themes(columns: Sequence[Any]) -> Select[Any]:
    """Confirmed themes of topics their young person shared in a sent check-in, joined to the
    check-in and the person."""
    return (
        select(*columns)
        .select_from(TopicTheme)
        .join(
            TopicResponse,
            and_(
                col(TopicResponse.check_in_id) == TopicTheme.check_in_id,
                col(TopicResponse.topic_key) == TopicTheme.topic_key,
            ),
        )
        .join(CheckIn, col(CheckIn.id) == TopicTheme.check_in_id)
        .join(YoungPerson, col(YoungPerson.id) == CheckIn.young_person_id)
        .where(col(TopicResponse.shared).is_(True), col(CheckIn.status) == Status.submitted)
    )


def shown_themes(session: Session, *, check_in_ids: list[int]) -> dict[tuple[int, str], list[ShownTheme]]:
    """The themes of these check-ins' shared topics by (check-in, topic): the young person's first,
    each in catalogue order."""
    if not check_in_ids:
        return {}
    rows = (
        session.execute(
            shared_topic_themes([TopicTheme])
            .where(col(TopicTheme.check_in_id).in_(check_in_ids))
            .order_by(col(TopicTheme.id))
        )
        .scalars()
        .all()
    )
    order = {key: i for i, key in enumerate(keys())}
    found: dict[tuple[int, str], list[ShownTheme]] = {}
    for row in sorted(rows, key=lambda r: (r.added_by == AddedBy.pa, order.get(r.theme_key, len(order)))):
        named = theme(row.theme_key, row.catalogue_version)
        shown = ShownTheme(
            row.theme_key, named.name_text() if named else row.theme_key, row.added_by == AddedBy.pa
        )
        found.setdefault((row.check_in_id, row.topic_key), []).append(shown)
    return found


def people_with_theme(session: Session, *, young_person_ids: list[int], theme_key: str) -> set[int]:
    """Which of these young people confirmed (or had their PA add) this theme on a shared topic."""
    if not young_person_ids:
        return set()
    statement = shared_topic_themes([col(CheckIn.young_person_id)]).where(
        col(CheckIn.young_person_id).in_(young_person_ids), col(TopicTheme.theme_key) == theme_key
    )
    return set(session.execute(statement.distinct()).scalars().all())


def is_shared_topic(session: Session, *, check_in_id: int, topic_key: str) -> bool:
    """Whether the young person shared this topic of this sent check-in."""
    statement = select(TopicResponse.id).where(
        TopicResponse.check_in_id == check_in_id,
        TopicResponse.topic_key == topic_key,
        col(TopicResponse.shared).is_(True),
    )
    return session.exec(statement).first() is not None
