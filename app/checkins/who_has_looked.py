"""'Who has looked at my check-ins': staff views grouped, one line per person per day."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session

from app.checkins.my_data import staff_activity
from app.people.models import YoungPerson


@dataclass(frozen=True)
class DayOfLooks:
    who: str
    day: date
    times: int
    last: datetime


def looks_by_person_and_day(session: Session, *, person: YoungPerson) -> list[DayOfLooks]:
    """Each member of staff's views of the young person's record, one line per day with how many
    times, newest day first."""
    grouped: dict[tuple[str, date], list[datetime]] = {}
    for event in staff_activity(session, person=person, views_only=True):
        grouped.setdefault((event.who, event.when.date()), []).append(event.when)
    lines = [DayOfLooks(who, day, len(times), max(times)) for (who, day), times in grouped.items()]
    return sorted(lines, key=lambda line: (line.day, line.last), reverse=True)
