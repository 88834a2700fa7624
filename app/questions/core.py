"""The shared core: questions every council's set asks exactly as the shared set does.

The core keeps councils comparable (the headline of each topic, the ONS wellbeing and loneliness
questions, hope and coping) and keeps safety the same everywhere (the questions whose answers raise
a safety alert). A council may add questions and reword its own; it may not drop or change these.
"""

from typing import Any

from pydantic import ValidationError

from app.i18n import gettext as _
from app.questions.schema import Question, QuestionSetFile

CORE_KEYS = (
    "employment.feeling",
    "education.feeling",
    "housing.feeling",
    "housing.safe",
    "relationships.feeling",
    "relationships.lonely",
    "wellbeing.life_satisfaction",
    "wellbeing.worthwhile",
    "wellbeing.happy",
    "wellbeing.anxious",
    "wellbeing.hope_pathways",
    "wellbeing.hope_agency",
    "wellbeing.coping",
    "health.general",
    "life.feeling",
    "risk.feeling",
    "risk.unsafe_now",
    "risk.contact",
)

Location = tuple[int | str, ...]
TEXT_FIELDS = ("text", "hint", "low", "high")


def raw_questions(raw: dict) -> dict[str, tuple[Location, dict]]:
    """Every question in a loaded file, however malformed the rest is: key -> (where, fields)."""
    found: dict[str, tuple[Location, dict]] = {}
    topics = raw.get("topics")
    for t, item in enumerate(topics if isinstance(topics, list) else []):
        questions = item.get("questions") if isinstance(item, dict) else None
        for q, question in enumerate(questions if isinstance(questions, list) else []):
            key = question.get("key") if isinstance(question, dict) else None
            if isinstance(key, str) and key not in found:
                found[key] = (("topics", t, "questions", q), question)
    return found


def _comparable(question: Question, languages: set[str]) -> dict[str, Any]:
    """A question's fields, with texts only in the shared set's languages (a council may add one)."""
    data = question.model_dump(mode="json")
    for name in TEXT_FIELDS:
        if data[name]:
            data[name] = {k: v for k, v in data[name].items() if k in languages}
    for answer in data["answers"]:
        answer["text"] = {k: v for k, v in answer["text"].items() if k in languages}
    return data


def _changes(
    location: Location, given: dict, shared: Question, languages: set[str]
) -> list[tuple[Location, str]]:
    try:
        candidate = Question.model_validate(given)
    except ValidationError:
        return []  # its own mistakes are listed already
    mine, theirs = _comparable(candidate, languages), _comparable(shared, languages)
    return [
        (
            (*location, name),
            _(
                "%(key)s is a core question, asked the same way by every council: change %(field)s back "
                "to what the shared set has",
                key=shared.key,
                field=name,
            ),
        )
        for name in theirs
        if mine[name] != theirs[name]
    ]


def core_mistakes(raw: dict, shared: QuestionSetFile | None) -> list[tuple[Location, str]]:
    """Core questions dropped, and (against the shared set, when given) core questions changed."""
    found = raw_questions(raw)
    reference = {q.key: q for t in shared.topics for q in t.questions} if shared else {}
    languages = set(shared.title) if shared else set()
    mistakes: list[tuple[Location, str]] = []
    for key in CORE_KEYS:
        if key not in found:
            message = _(
                "%(key)s is a core question, asked by every council so councils stay comparable: "
                "put it back as the shared set has it",
                key=key,
            )
            mistakes.append((("topics",), message))
        elif key in reference:
            mistakes += _changes(*found[key], reference[key], languages)
    return mistakes
