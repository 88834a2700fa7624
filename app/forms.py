"""Small helpers shared by every form: errors in page order, and dates typed as three boxes."""

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Request
from starlette.datastructures import FormData

from app.i18n import gettext as _


@dataclass
class FormErrors:
    """Messages by field name, kept in the order the fields appear on the page."""

    messages: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, message: str | None) -> None:
        if message and name not in self.messages:
            self.messages[name] = message

    def __bool__(self) -> bool:
        return bool(self.messages)

    def get(self, name: str) -> str | None:
        return self.messages.get(name)

    def field(self, name: str) -> dict[str, str] | None:
        """The errorMessage parameter for a govuk-frontend-jinja macro."""
        message = self.messages.get(name)
        return {"text": message} if message else None

    def summary(self) -> list[dict[str, str]]:
        """Items for the GOV.UK error summary, each linking to its field (question fields' ids have
        a dash where their names have a dot: `wellbeing.happy` is `#wellbeing-happy`)."""
        return [{"text": text, "href": "#" + name.replace(".", "-")} for name, text in self.messages.items()]


def _real_date(day: str, month: str, year: str) -> date | None:
    """The date three boxes spell, or None (a 10-digit year overflows rather than failing)."""
    try:
        return date(int(year), int(month), int(day))
    except (ValueError, OverflowError):
        return None


def parse_date(day: str, month: str, year: str) -> tuple[date | None, str | None]:
    """A real date from three boxes, or a message saying what to fix."""
    if not (day.strip() or month.strip() or year.strip()):
        return None, _("Enter your date of birth")
    value = _real_date(day, month, year)
    if value is None:
        return None, _("Date of birth must be a real date, like 27 3 2007")
    if value > date.today() or value.year < 1900:
        return None, _("Date of birth must be in the past")
    return value, None


# Zero-width (non-)joiners hold emoji sequences and several scripts together, so they stay.
_JOINERS = frozenset("\u200c\u200d")
_SPACES = {"Zs": " ", "Zl": "\n", "Zp": "\n"}


def _kept(ch: str) -> str:
    if ch.isprintable() or ch in "\n\t" or ch in _JOINERS:
        return ch
    # Odd spaces become plain ones; control and format characters (NUL, bidi overrides),
    # lone surrogates and unassigned code points go: PostgreSQL refuses NUL in text.
    return _SPACES.get(unicodedata.category(ch), "")


FIELD_BYTES = 4 * 1024 * 1024
"""The longest form field the server reads (Starlette's default, 1 MB, answered a bare 400): a 2 MB
comment comes back with a message and every character still in its box."""


def too_long(text: str, limit: int) -> str | None:
    """A message when free text is over its limit, saying by how much; None when it fits."""
    if len(text) <= limit:
        return None
    return _(
        "This must be %(limit)s characters or fewer. It has %(count)s.",
        limit=f"{limit:,}",
        count=f"{len(text):,}",
    )


def clean_text(value: str, *, limit: int) -> str:
    """Free text with outer spaces and control characters removed, cut to a length."""
    return "".join(map(_kept, value)).strip()[:limit]


def as_lists(form: FormData) -> dict[str, list[str]]:
    """Every field of a parsed form as a list of strings."""
    return {key: [str(value) for value in form.getlist(key)] for key in form}


async def _form_lists(request: Request) -> dict[str, list[str]]:
    return as_lists(await request.form())


def reads_form_lists(route: object) -> bool:
    """Whether a route reads its form through FormLists: a check-in screen's answers."""
    stack = [getattr(route, "dependant", None)]
    while stack:
        dependant = stack.pop()
        if dependant is not None:
            if dependant.call is _form_lists:
                return True
            stack.extend(dependant.dependencies)
    return False


FormLists = Annotated[dict[str, list[str]], Depends(_form_lists)]
"""Every submitted field as a list of strings (for forms whose fields come from data)."""

FORM_LISTS_OPENAPI: dict[str, Any] = {
    "requestBody": {
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "additionalProperties": {
                        "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]
                    },
                }
            }
        }
    }
}
"""How a route reading FormLists describes its body in /openapi.json (FastAPI cannot see it)."""


def _a_year_after(day: date) -> date:
    """The same day next year; 28 February when the day is 29 February."""
    return day.replace(year=day.year + 1, day=28 if (day.month, day.day) == (2, 29) else day.day)


def parse_meeting_date(day: str, month: str, year: str, *, today: date) -> tuple[date | None, str | None]:
    """A meeting date from three boxes: a real date, from today to a year ahead."""
    if not (day.strip() or month.strip() or year.strip()):
        return None, _("Enter the date of the next meeting")
    value = _real_date(day, month, year)
    if value is None:
        return None, _("The meeting date must be a real date, like 14 3 2027")
    if not today <= value <= _a_year_after(today):
        return None, _("The meeting date must be between today and a year from now")
    return value, None
