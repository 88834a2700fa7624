"""Meeting preparation by theme: which themes one young person's shared topics have, and, for
one theme, everything they shared that has it (newest first), so the PA can prepare a meeting
about, say, money from every check-in and not only the latest."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col

from app.checkins.answers import QuestionSets
from app.checkins.models import CheckIn, TopicResponse
from app.questions.catalogue import say, topic
from app.themes.catalogue import Theme, themes
from app.themes.models import AddedBy, TopicTheme
from app.themes.shared import shared_topic_themes


@dataclass(frozen=True)
class ThemeChoice:
    theme: Theme
    topics: int  # how many shared topics (of any check-in) have it


@dataclass(frozen=True)
class WrittenAbout:
    sent_at: datetime
    topic_key: str
    topic_title: str
    words: str | None
    by_pa: bool


def person_themes(session: Session, *, young_person_id: int) -> list[ThemeChoice]:
    """The themes this young person's shared topics have, in catalogue order, with how many topics."""
    statement = shared_topic_themes([col(TopicTheme.theme_key)]).where(
        col(CheckIn.young_person_id) == young_person_id
    )
    counted = Counter(session.execute(statement).scalars().all())
    return [ThemeChoice(t, counted[t.key]) for t in themes() if counted[t.key]]


def written_about(session: Session, *, young_person_id: int, theme_key: str) -> list[WrittenAbout]:
    """Every shared topic of this young person with this theme, newest first, with their words."""
    columns = [
        col(CheckIn.submitted_at),
        col(CheckIn.question_set_version),
        col(TopicTheme.topic_key),
        col(TopicResponse.comment),
        col(TopicTheme.added_by),
    ]
    statement = (
        shared_topic_themes(columns)
        .where(col(CheckIn.young_person_id) == young_person_id, col(TopicTheme.theme_key) == theme_key)
        .order_by(col(CheckIn.submitted_at).desc(), col(TopicTheme.id))
    )
    sets = QuestionSets(session)
    found = []
    for sent_at, version, topic_key, words, added_by in session.execute(statement).all():
        item = topic(sets.get(version), topic_key)
        title = say(item.title) if item else topic_key
        found.append(WrittenAbout(sent_at, topic_key, title, words, added_by == AddedBy.pa))
    return found


def prep_filter(session: Session, *, young_person_id: int, chosen: str) -> dict[str, object]:
    """What the meeting page needs to offer the filter and, with a theme chosen (one of the
    person's), to show only that theme: `theme_topics` is None when nothing is filtered."""
    choices = person_themes(session, young_person_id=young_person_id)
    picked = next((c.theme for c in choices if c.theme.key == chosen), None)
    about = written_about(session, young_person_id=young_person_id, theme_key=picked.key) if picked else []
    return {
        "theme_choices": choices,
        "theme": picked,
        "written_about": about,
        "theme_topics": {item.topic_key for item in about} if picked else None,
    }
