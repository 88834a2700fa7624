"""A staff member's email address: checked the way GOV.UK services check one, stored as typed."""

import re

from app.i18n import gettext as _

MAX_LENGTH = 254
# One @, something before it, a domain with at least one dot after it, no spaces anywhere.
_SHAPE = re.compile(r"[^\s@]+@[^\s@.]+(\.[^\s@.]+)+")


def normalise_email(value: str) -> str:
    """The address as typed, without spaces around it and with the domain in lower case."""
    local, at, domain = value.strip().rpartition("@")
    return f"{local}@{domain.lower()}" if at else value.strip()


def email_problem(value: str, *, required: bool = False) -> str | None:
    """Why this (normalised) address cannot be used, or None; an empty one is fine unless required."""
    if not value:
        return _("Enter their email address") if required else None
    if len(value) > MAX_LENGTH:
        return _("Email address must be %(max)s characters or fewer", max=MAX_LENGTH)
    if not _SHAPE.fullmatch(value):
        return _("Enter an email address in the correct format, like name@example.com")
    return None
