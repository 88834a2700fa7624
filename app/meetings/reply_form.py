"""The PA's reply and agreed actions as typed: cleaned, and a message for each box over the limit."""

from dataclasses import dataclass

from app.forms import FormErrors, clean_text
from app.i18n import gettext as _

REPLY_LIMIT = 2000
POSTED_LIMIT = 100_000
"""The longest box the server reads; anything between the two comes back with a message."""


@dataclass(frozen=True)
class ReplyForm:
    words: str
    actions: str


def read_reply(words: str, actions: str) -> tuple[ReplyForm, FormErrors]:
    """The reply and actions, cleaned; over REPLY_LIMIT characters is explained, never cut."""
    form = ReplyForm(clean_text(words, limit=POSTED_LIMIT), clean_text(actions, limit=POSTED_LIMIT))
    errors = FormErrors()
    limit = f"{REPLY_LIMIT:,}"
    if len(form.words) > REPLY_LIMIT:
        count = f"{len(form.words):,}"
        errors.add(
            "words",
            _(
                "Your reply must be %(limit)s characters or fewer. It has %(count)s.",
                limit=limit,
                count=count,
            ),
        )
    if len(form.actions) > REPLY_LIMIT:
        count = f"{len(form.actions):,}"
        errors.add(
            "actions",
            _(
                "The actions agreed must be %(limit)s characters or fewer. They have %(count)s.",
                limit=limit,
                count=count,
            ),
        )
    return form, errors
