"""The reminder choices a young person can make, read from the settings form."""

import re
from dataclasses import dataclass

from app.forms import FormErrors
from app.i18n import gettext as _

CHANNELS = ("text", "email")
FREQUENCIES = ("weekly", "fortnightly", "monthly", "before_meeting", "never")
UK_MOBILE = re.compile(r"07\d{9}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def channel_name(channel: str) -> str:
    return {"text": _("Text message"), "email": _("Email")}[channel]


def frequency_name(frequency: str) -> str:
    return {
        "weekly": _("Every week"),
        "fortnightly": _("Every 2 weeks"),
        "monthly": _("Every month"),
        "before_meeting": _("A couple of days before my next meeting"),
        "never": _("No regular reminders"),
    }[frequency]


@dataclass(frozen=True)
class ReminderChoice:
    channel: str
    contact: str  # the UK mobile number (07...) or the email address
    frequency: str
    when_pa_replies: bool


def uk_mobile(entered: str) -> str | None:
    """The number as 07xxxxxxxxx, or None if it is not a UK mobile number."""
    digits = re.sub(r"[\s\-().]", "", entered)
    for prefix in ("+44", "0044", "44"):
        if digits.startswith(prefix) and len(digits) > len(prefix) + 9:
            digits = "0" + digits.removeprefix(prefix)
            break
    return digits if UK_MOBILE.fullmatch(digits) else None


def read_choice(
    *, channel: str, phone_number: str, email: str, frequency: str, when_pa_replies: bool, offered: list[str]
) -> tuple[ReminderChoice | None, FormErrors]:
    """The young person's choices, or what to fix (each message names the field)."""
    errors = FormErrors()
    if channel not in offered:
        errors.add("channel", _("Choose how you would like your reminders"))
    if frequency not in FREQUENCIES:
        errors.add("frequency", _("Choose how often you would like a reminder"))
    elif frequency == "never" and not when_pa_replies:
        errors.add("frequency", _("Choose how often, or tick 'Tell me when my PA replies'"))
    contact = ""
    if channel == "text":
        contact = uk_mobile(phone_number) or ""
        if not contact:
            errors.add("phone-number", _("Enter a UK mobile number, like 07700 900 982"))
    elif channel == "email":
        contact = email.strip()
        if not EMAIL.fullmatch(contact) or len(contact) > 254:
            errors.add("email", _("Enter an email address in the correct format, like name@example.com"))
    if errors:
        return None, errors
    return ReminderChoice(channel, contact, frequency, when_pa_replies), errors
