"""Reading the check-your-answers form: a share choice for every answered topic."""

from dataclasses import dataclass, field

from app.checkins.models import COMMENT_LIMIT
from app.checkins.summary import TopicSummary
from app.forms import FormErrors, clean_text
from app.i18n import gettext as _


@dataclass
class ShareChoices:
    shared: set[str] = field(default_factory=set)
    kept: set[str] = field(default_factory=set)
    talk_about: set[str] = field(default_factory=set)
    talk_about_words: str = ""
    going_well: str = ""

    def choice(self, topic_key: str) -> str:
        if topic_key in self.shared:
            return "share"
        return "keep" if topic_key in self.kept else ""


def read_share_form(
    summaries: list[TopicSummary], form: dict[str, list[str]]
) -> tuple[ShareChoices, FormErrors]:
    """The choices made, and a message beside each answered topic with no choice."""
    choices = ShareChoices(
        talk_about_words=clean_text(" ".join(form.get("talk_about_words", [])), limit=COMMENT_LIMIT),
        going_well=clean_text(" ".join(form.get("going_well", [])), limit=COMMENT_LIMIT),
    )
    share_all = "share_all" in form.get("action", [])
    keys = {s.key for s in summaries}
    choices.talk_about = {k for k in form.get("talk_about", []) if k in keys}
    errors = FormErrors()
    for summary in summaries:
        if summary.skipped:
            continue
        picked = "share" if share_all else (form.get(f"share-{summary.key}") or [""])[0]
        if picked == "share":
            choices.shared.add(summary.key)
        elif picked == "keep":
            choices.kept.add(summary.key)
        else:
            errors.add(
                f"share-{summary.key}",
                _("Choose whether to share '%(topic)s' with your PA", topic=summary.title),
            )
    return choices, errors
