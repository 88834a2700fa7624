"""Change markers: plain rules on the young person's own shared answers, each with its reason."""

from dataclasses import dataclass

from app.checkins.answers import StoredCheckIn, StoredTopic, scored_value, words
from app.i18n import gettext as _
from app.questions.catalogue import say
from app.questions.schema import Kind, Question

SCALE_CHANGE = 3
CHOICE_CHANGE = 2
HOMELESS = {"S", "V", "W"}


@dataclass(frozen=True)
class Marker:
    topic_key: str
    reason: str
    worse: bool


def _labels() -> dict[str, str]:
    return {
        "wellbeing.life_satisfaction": _("life satisfaction"),
        "wellbeing.worthwhile": _("feeling things are worthwhile"),
        "wellbeing.happy": _("happiness"),
        "wellbeing.anxious": _("anxiety"),
        "employment.help": _("work"),
        "education.help": _("learning"),
        "life.help": _("money"),
    }


def _in_words(question: Question, number: int) -> str:
    return words(question, [scored_value(question, number)], short=True)


def _headline_change(question: Question, latest: StoredTopic, before: StoredTopic) -> Marker | None:
    """A big move of the headline answer; each side in words of the question set it was asked in."""
    new, old = latest.numbers.get(question.key), before.numbers.get(question.key)
    step = SCALE_CHANGE if question.kind is Kind.scale else CHOICE_CHANGE
    if new is None or old is None or abs(new - old) < step:
        return None
    label = _labels().get(question.key) or say(latest.asked.title)
    reason = (
        f"{label} {_in_words(before.question(question.key) or question, old)} → {_in_words(question, new)}"
    )
    return Marker(latest.key, reason, worse=(new < old) != question.higher_is_worse)


def _ons_band(topic_key: str, numbers: dict[str, int]) -> list[Marker]:
    found = []
    for key in ("wellbeing.life_satisfaction", "wellbeing.worthwhile", "wellbeing.happy"):
        if numbers.get(key, 99) <= 4:
            found.append(
                Marker(topic_key, _("%(what)s now in the ONS 'low' band", what=_labels()[key]), True)
            )
    if numbers.get("wellbeing.anxious", -1) >= 6:
        found.append(Marker(topic_key, _("anxiety now in the ONS 'high' band"), True))
    return found


def _asked_for_help(topic_key: str, values: dict[str, list[str]]) -> list[Marker]:
    found = []
    for key in ("employment.help", "education.help", "life.help"):
        if "yes" in values.get(key, []):
            found.append(Marker(topic_key, _("asked for help with %(what)s", what=_labels()[key]), False))
    if "yes" in values.get("life.ran_out", []):
        found.append(Marker(topic_key, _("ran out of money for food, energy or rent"), True))
    if HOMELESS & set(values.get("housing.where", [])):
        found.append(Marker(topic_key, _("no settled home right now"), True))
    return found


def markers(latest: StoredCheckIn, previous: dict[str, StoredTopic]) -> list[Marker]:
    """Every marker the latest shared check-in gives, compared with the previous one's shared topics."""
    found: list[Marker] = []
    for key, shared in latest.topics.items():
        headline = next(q for q in shared.asked.questions if q.headline)
        before = previous.get(key)
        change = _headline_change(headline, shared, before) if before else None
        found.extend([change] if change else [])
        found.extend(_ons_band(key, shared.numbers) if key == "wellbeing" else [])
        found.extend(_asked_for_help(key, shared.values))
    return found
