"""The PA's view: the latest statutory record next to what the young person said themselves."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from app.checkins.answer_queries import latest_shared_choices
from app.checkins.answers import QuestionSets, words
from app.i18n import gettext as _
from app.insights.catalogue import ACCOMMODATION_KEY, ACTIVITY_KEY
from app.sources.records import CouncilRecord, latest_record


@dataclass(frozen=True)
class SaidLine:
    """One measure: the council's words and the young person's own (None when they have not shared it)."""

    label: str
    recorded: str
    said: str | None
    said_at: datetime | None


@dataclass(frozen=True)
class SideBySide:
    record: CouncilRecord
    lines: list[SaidLine]


def side_by_side(session: Session, *, young_person_id: int) -> SideBySide | None:
    """The latest statutory record and the young person's latest shared activity and accommodation."""
    record = latest_record(session, young_person_id=young_person_id)
    if record is None:
        return None
    said = latest_shared_choices(
        session, young_person_id=young_person_id, question_keys=[ACTIVITY_KEY, ACCOMMODATION_KEY]
    )
    sets = QuestionSets(session)

    def own(key: str) -> tuple[str | None, datetime | None]:
        if key not in said:
            return None, None
        option, sent, version = said[key]
        question = sets.question(key, version)
        return (words(question, [option]) if question else option), sent

    activity, activity_at = own(ACTIVITY_KEY)
    accommodation, accommodation_at = own(ACCOMMODATION_KEY)
    lines = [
        SaidLine(_("What they are doing"), record.activity, activity, activity_at),
        SaidLine(_("Where they live"), record.accommodation, accommodation, accommodation_at),
    ]
    return SideBySide(record, lines)
