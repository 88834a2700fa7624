"""Confirmed themes: what the young person ticked for their own words, and what their PA added.

Writes join the caller's transaction (the caller commits once), so a check-in is sent, or a topic
deleted, together with its themes.
"""

from collections.abc import Iterable

from sqlalchemy import delete
from sqlmodel import Session, col, select

from app.themes.models import AddedBy, TopicTheme


def themes_by_topic(session: Session, *, check_in_ids: list[int]) -> dict[tuple[int, str], list[TopicTheme]]:
    """The confirmed themes of these check-ins by (check-in, topic), the young person's first."""
    if not check_in_ids:
        return {}
    rows = session.exec(
        select(TopicTheme)
        .where(col(TopicTheme.check_in_id).in_(check_in_ids))
        .order_by(col(TopicTheme.added_by).desc(), col(TopicTheme.id))
    ).all()
    found: dict[tuple[int, str], list[TopicTheme]] = {}
    for row in rows:
        found.setdefault((row.check_in_id, row.topic_key), []).append(row)
    return found


def choose_themes(session: Session, *, check_in_id: int, chosen: dict[str, set[str]], version: int) -> None:
    """The young person's themes for each of these topics, replacing what they chose before (a theme
    their PA added stays)."""
    for topic_key, theme_keys in chosen.items():
        kept = {
            row.theme_key: row
            for row in session.exec(
                select(TopicTheme).where(
                    TopicTheme.check_in_id == check_in_id, TopicTheme.topic_key == topic_key
                )
            ).all()
        }
        for theme_key, row in kept.items():
            if row.added_by == AddedBy.young_person and theme_key not in theme_keys:
                session.delete(row)
        session.add_all(
            TopicTheme(
                check_in_id=check_in_id,
                topic_key=topic_key,
                theme_key=theme_key,
                added_by=AddedBy.young_person,
                catalogue_version=version,
            )
            for theme_key in sorted(theme_keys - set(kept))
        )


def add_pa_theme(
    session: Session, *, check_in_id: int, topic_key: str, theme_key: str, pa_id: int, version: int
) -> bool:
    """A theme the PA adds to a shared topic; False if the topic already has it."""
    existing = session.exec(
        select(TopicTheme.id).where(
            TopicTheme.check_in_id == check_in_id,
            TopicTheme.topic_key == topic_key,
            TopicTheme.theme_key == theme_key,
        )
    ).first()
    if existing is not None:
        return False
    session.add(
        TopicTheme(
            check_in_id=check_in_id,
            topic_key=topic_key,
            theme_key=theme_key,
            added_by=AddedBy.pa,
            added_by_id=pa_id,
            catalogue_version=version,
        )
    )
    return True


def remove_themes(session: Session, *, check_in_id: int, topic_keys: Iterable[str] | None = None) -> None:
    """Delete the themes of a check-in (or of some of its topics) with the words they were about."""
    statement = delete(TopicTheme).where(col(TopicTheme.check_in_id) == check_in_id)
    if topic_keys is not None:
        statement = statement.where(col(TopicTheme.topic_key).in_(list(topic_keys)))
    session.exec(statement)
