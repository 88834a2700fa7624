"""Fixed periods for the approved tables: a month, a quarter or a year, in UTC."""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum

from babel.dates import format_date

from app.i18n import current_language
from app.i18n import gettext as _

_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-(?:Q(?P<quarter>[1-4])|(?P<month>0[1-9]|1[0-2])))?$")
FIRST_YEAR = 2000


class Length(StrEnum):
    month = "month"
    quarter = "quarter"
    year = "year"


_MONTHS = {Length.month: 1, Length.quarter: 3, Length.year: 12}


@dataclass(frozen=True, order=True)
class Period:
    """A fixed period: the months from its first month, as many as its length holds."""

    year: int
    first_month: int
    length: Length

    @property
    def key(self) -> str:
        """How the period is written in addresses and files: 2026, 2026-Q3 or 2026-11."""
        if self.length is Length.year:
            return str(self.year)
        if self.length is Length.quarter:
            return f"{self.year}-Q{(self.first_month - 1) // 3 + 1}"
        return f"{self.year}-{self.first_month:02d}"

    @property
    def start(self) -> datetime:
        """The first moment of the period (midnight UTC on its first day)."""
        return datetime(self.year, self.first_month, 1, tzinfo=UTC)

    @property
    def end(self) -> datetime:
        """The first moment after the period."""
        return self.shifted(1).start

    def shifted(self, steps: int) -> "Period":
        """The period this many periods later (or earlier, when negative)."""
        index = self.year * 12 + self.first_month - 1 + steps * _MONTHS[self.length]
        return Period(index // 12, index % 12 + 1, self.length)

    def is_closed(self, now: datetime) -> bool:
        """Whether the period has ended; figures for an open period are provisional."""
        return self.end <= now

    def has_started(self, now: datetime) -> bool:
        """Whether the period has begun."""
        return self.start <= now

    def label(self) -> str:
        """The period in words, in the current language."""
        first = date(self.year, self.first_month, 1)
        if self.length is Length.year:
            return str(self.year)
        if self.length is Length.month:
            return format_date(first, "MMMM y", locale=current_language())
        last = date(self.year, self.first_month + 2, 1)
        return _(
            "%(first)s to %(last)s",
            first=format_date(first, "MMMM", locale=current_language()),
            last=format_date(last, "MMMM y", locale=current_language()),
        )


def parse_period(text: str) -> Period | None:
    """The period written as 2026, 2026-Q3 or 2026-11, or None when it is not one."""
    found = _PATTERN.match(text.strip().upper())
    if not found or int(found["year"]) < FIRST_YEAR:
        return None
    year = int(found["year"])
    if found["quarter"]:
        return Period(year, (int(found["quarter"]) - 1) * 3 + 1, Length.quarter)
    if found["month"]:
        return Period(year, int(found["month"]), Length.month)
    return Period(year, 1, Length.year)


def containing(moment: datetime, length: Length) -> Period:
    """The period of this length that the moment falls in."""
    first = moment.month if length is Length.month else 1
    if length is Length.quarter:
        first = (moment.month - 1) // 3 * 3 + 1
    return Period(moment.year, first, length)


def default_period(now: datetime) -> Period:
    """The period shown first: the last quarter that has ended."""
    return containing(now, Length.quarter).shifted(-1)


def recent_periods(now: datetime) -> list[tuple[Length, list[tuple[Period, bool]]]]:
    """Recent periods of each length to pick from, newest first, each marked when still open."""
    counts = {Length.month: 6, Length.quarter: 4, Length.year: 3}
    return [
        (
            length,
            [(p, not p.is_closed(now)) for p in (containing(now, length).shifted(-i) for i in range(count))],
        )
        for length, count in counts.items()
    ]
