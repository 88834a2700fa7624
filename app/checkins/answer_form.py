"""Turning a topic screen's form into answers, refusing anything that is not an offered answer."""

from dataclasses import dataclass, field

from app.checkins.models import COMMENT_LIMIT
from app.forms import FIELD_BYTES, FormErrors, clean_text, too_long
from app.i18n import gettext as _
from app.questions.catalogue import answers_of, say
from app.questions.schema import Kind, Question
from app.themes.offers import read_chosen

TEXT_LIMIT = 1000
# Exactly what the scale's radio buttons send ("²".isdigit() is true, but int("²") fails).
SCALE_VALUES = frozenset(str(n) for n in range(11))


@dataclass
class TopicAnswers:
    """What one topic screen says: chosen option keys or numbers per question, and words."""

    values: dict[str, list[str]] = field(default_factory=dict)
    comment: str = ""
    themes: set[str] | None = None  # ticked where themes were offered (with JavaScript), else None

    def first(self, key: str) -> str:
        return (self.values.get(key) or [""])[0]


def _problem(question: Question, chosen: list[str]) -> str | None:
    if question.kind is Kind.scale:
        ok = len(chosen) == 1 and chosen[0] in SCALE_VALUES
        return None if ok else _("Choose a number from 0 to 10, or leave it")
    if question.kind is Kind.text:
        return too_long(chosen[0], TEXT_LIMIT)
    offered = {a.key for a in answers_of(question)}
    if any(value not in offered for value in chosen):
        return _("Choose one of the answers shown, or leave it")
    if question.kind is not Kind.multi and len(chosen) > 1:
        return _("Choose only one answer")
    exclusive = {a.key for a in question.answers if a.exclusive}
    if exclusive & set(chosen) and len(chosen) > 1:
        return _("'%(answer)s' cannot be ticked with other answers", answer=_none_text(question))
    return None


def _none_text(question: Question) -> str:
    return next((say(a.text) for a in question.answers if a.exclusive), "")


def read_topic_form(questions: list[Question], form: dict[str, list[str]]) -> tuple[TopicAnswers, FormErrors]:
    """The answers given on a topic screen (unanswered questions are simply left out); words over
    their limit are kept as typed, with a message."""
    answers = TopicAnswers(comment=clean_text(" ".join(form.get("comment", [])), limit=FIELD_BYTES))
    errors = FormErrors()
    for question in questions:
        chosen = [v for v in form.get(question.key, []) if v != ""]
        if question.kind is Kind.text:
            chosen = [clean_text(" ".join(chosen), limit=FIELD_BYTES)] if any(chosen) else []
        if not chosen:
            continue
        answers.values[question.key] = chosen
        errors.add(question.key, _problem(question, chosen))
    errors.add("comment", too_long(answers.comment, COMMENT_LIMIT))
    offered = form.get("themes_offered", [])
    if offered:
        answers.themes = read_chosen(form.get(f"themes-{offered[0]}", []))[0]
    return answers, errors
