"""Small helpers shared by every form: errors in page order, and dates typed as three boxes."""

from dataclasses import dataclass, field
from datetime import date
from typing import Annotated

from fastapi import Depends, Request

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
        """Items for the GOV.UK error summary, each linking to its field."""
        return [{"text": text, "href": f"#{name}"} for name, text in self.messages.items()]


def parse_date(day: str, month: str, year: str) -> tuple[date | None, str | None]:
    """A real date from three boxes, or a message saying what to fix."""
    if not (day.strip() or month.strip() or year.strip()):
        return None, _("Enter your date of birth")
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        return None, _("Date of birth must be a real date, like 27 3 2007")
    if value > date.today() or value.year < 1900:
        return None, _("Date of birth must be in the past")
    return value, None


def clean_text(value: str, *, limit: int) -> str:
    """Free text with outer spaces and control characters removed, cut to a length."""
    kept = "".join(ch for ch in value if ch.isprintable() or ch in "\n\t")
    return kept.strip()[:limit]


async def _form_lists(request: Request) -> dict[str, list[str]]:
    form = await request.form()
    return {key: [str(value) for value in form.getlist(key)] for key in form}


FormLists = Annotated[dict[str, list[str]], Depends(_form_lists)]
"""Every submitted field as a list of strings (for forms whose fields come from data)."""


def parse_meeting_date(day: str, month: str, year: str, *, today: date) -> tuple[date | None, str | None]:
    """A meeting date from three boxes: a real date, from today to a year ahead."""
    if not (day.strip() or month.strip() or year.strip()):
        return None, _("Enter the date of the next meeting")
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        return None, _("The meeting date must be a real date, like 14 3 2027")
    if not today <= value <= today.replace(year=today.year + 1):
        return None, _("The meeting date must be between today and a year from now")
    return value, None
