"""What the young person is offered for each topic they wrote about: up to three suggested themes,
none ticked, "None of these", and the whole catalogue; ticks they made before stay ticked."""

from dataclasses import dataclass, field

from sqlmodel import Session

from app.themes.catalogue import Theme, keys, themes
from app.themes.confirmed import themes_by_topic
from app.themes.models import AddedBy
from app.themes.suggest import suggest_many

NONE_OF_THESE = "none"


@dataclass(frozen=True)
class ThemeOffer:
    topic_key: str
    suggested: list[Theme]
    others: list[Theme]
    chosen: set[str] = field(default_factory=set)


def offers(session: Session, *, check_in_id: int, comments: dict[str, str]) -> dict[str, ThemeOffer]:
    """An offer per topic with words (by topic key), ticked as the young person left it."""
    topic_keys = [k for k, text in comments.items() if text]
    stored = themes_by_topic(session, check_in_ids=[check_in_id])
    suggestions = suggest_many([comments[k] for k in topic_keys], topics=topic_keys) if topic_keys else []
    catalogue = themes()
    found = {}
    for topic_key, suggested in zip(topic_keys, suggestions, strict=True):
        chosen = {
            row.theme_key
            for row in stored.get((check_in_id, topic_key), [])
            if row.added_by == AddedBy.young_person
        }
        found[topic_key] = ThemeOffer(
            topic_key,
            suggested=[t for key in suggested for t in catalogue if t.key == key],
            others=[t for t in catalogue if t.key not in suggested],
            chosen=chosen,
        )
    return found


def read_chosen(values: list[str]) -> tuple[set[str], bool]:
    """The known theme keys ticked for one topic, and whether "None of these" was ticked too."""
    known = set(keys())
    return {v for v in values if v in known}, NONE_OF_THESE in values
