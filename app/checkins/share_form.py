"""Reading the check-your-answers form: a share choice for every answered topic."""

from dataclasses import dataclass, field

from app.checkins.models import COMMENT_LIMIT
from app.checkins.summary import TopicSummary
from app.forms import FIELD_BYTES, FormErrors, clean_text, too_long
from app.i18n import gettext as _
from app.themes.offers import read_chosen

# "Set all to share" and "Set all to keep": helpers that only set every choice on the page.
SET_ALL = {"share_all": "share", "keep_all": "keep"}


@dataclass
class ShareChoices:
    shared: set[str] = field(default_factory=set)
    kept: set[str] = field(default_factory=set)
    talk_about: set[str] = field(default_factory=set)
    talk_about_words: str = ""
    going_well: str = ""
    set_all: str = ""  # "share" or "keep" when a helper set every choice; nothing is sent then
    themes: dict[str, set[str]] = field(default_factory=dict)  # ticked per topic with words
    none_of_these: set[str] = field(default_factory=set)  # topics where "None of these" was ticked

    def choice(self, topic_key: str) -> str:
        if topic_key in self.shared:
            return "share"
        return "keep" if topic_key in self.kept else ""


def read_share_form(
    summaries: list[TopicSummary], form: dict[str, list[str]]
) -> tuple[ShareChoices, FormErrors]:
    """The choices made, and a message beside each answered topic with no choice or words over the
    limit. A "set all" helper sets every choice, to be shown on the page before anything is sent."""
    choices = ShareChoices(
        set_all=SET_ALL.get((form.get("action") or [""])[0], ""),
        talk_about_words=clean_text(" ".join(form.get("talk_about_words", [])), limit=FIELD_BYTES),
        going_well=clean_text(" ".join(form.get("going_well", [])), limit=FIELD_BYTES),
    )
    keys = {s.key for s in summaries}
    choices.talk_about = {k for k in form.get("talk_about", []) if k in keys}
    errors = FormErrors()
    for summary in summaries:
        if summary.skipped:
            continue
        _read_themes(summary, form.get(f"themes-{summary.key}", []), choices, errors)
        picked = choices.set_all or (form.get(f"share-{summary.key}") or [""])[0]
        if picked == "share":
            choices.shared.add(summary.key)
        elif picked == "keep":
            choices.kept.add(summary.key)
        else:
            errors.add(
                f"share-{summary.key}",
                _("Choose whether to share '%(topic)s' with your PA", topic=summary.title),
            )
    errors.add("talk_about_words", too_long(choices.talk_about_words, COMMENT_LIMIT))
    errors.add("going_well", too_long(choices.going_well, COMMENT_LIMIT))
    return choices, errors


def _read_themes(summary: TopicSummary, values: list[str], choices: ShareChoices, errors: FormErrors) -> None:
    """The themes ticked for a topic with words; "None of these" and a theme is a contradiction."""
    if not summary.comment:
        return
    chosen, none_ticked = read_chosen(values)
    choices.themes[summary.key] = chosen
    if none_ticked:
        choices.none_of_these.add(summary.key)
    if none_ticked and chosen:
        errors.add(
            f"themes-{summary.key}",
            _("Tick the themes that fit '%(topic)s', or 'None of these', not both", topic=summary.title),
        )
