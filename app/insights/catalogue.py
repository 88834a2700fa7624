"""The approved tables: a fixed list built from the question set, and the categories they use."""

from dataclasses import dataclass
from enum import StrEnum

from app.i18n import gettext as _
from app.questions.catalogue import answers_of, say
from app.questions.schema import Answer, Kind, Question, QuestionSetFile

ONS_KEYS = ("wellbeing.life_satisfaction", "wellbeing.worthwhile", "wellbeing.happy", "wellbeing.anxious")
ACTIVITY_KEY = "employment.activity"
ACCOMMODATION_KEY = "housing.where"
AGE_BANDS = ("16-17", "18-20", "21-25", "other")


class TableKind(StrEnum):
    answers = "answers"
    ons_means = "ons_means"
    ons_bands = "ons_bands"
    baseline = "baseline"
    activity = "activity"
    accommodation = "accommodation"
    coverage = "coverage"
    alerts = "alerts"
    themes = "themes"


@dataclass(frozen=True)
class TableSpec:
    """One approved table: its key in addresses, what it counts, and its heading on the list."""

    key: str
    kind: TableKind
    title: str
    group: str
    question: Question | None = None
    topic_key: str = ""


def approved_tables(questions: QuestionSetFile) -> list[TableSpec]:
    """Every table an analyst may see, in the order the list shows them."""
    found = {q.key: (t.key, q) for t in questions.topics for q in t.questions}
    cohort, measures = _("Wellbeing, progress and self-reported status"), _("Coverage and safety")
    specs = [
        TableSpec("ons-wellbeing-means", TableKind.ons_means, _("ONS wellbeing: averages"), cohort),
        TableSpec("ons-wellbeing-bands", TableKind.ons_bands, _("ONS wellbeing: threshold bands"), cohort),
        TableSpec("change-since-baseline", TableKind.baseline, _("Change since first check-in"), cohort),
        TableSpec("activity", TableKind.activity, _("Activity (DfE ACTIV), self-reported"), cohort),
        TableSpec(
            "accommodation", TableKind.accommodation, _("Accommodation (DfE ACCOM), self-reported"), cohort
        ),
        TableSpec("coverage", TableKind.coverage, _("Check-in coverage"), measures),
        TableSpec("safety-alerts", TableKind.alerts, _("Safety alerts raised"), measures),
        TableSpec("themes", TableKind.themes, _("What young people wrote about"), cohort),
    ]
    specs = [s for s in specs if _available(s, found)]
    for item in questions.topics:
        for question in item.questions:
            if question.kind is not Kind.text:
                title = _("Answers: %(question)s", question=say(question.text))
                group = _("Answers to each question: %(topic)s", topic=say(item.title))
                specs.append(TableSpec(question.key, TableKind.answers, title, group, question, item.key))
    return [_with_question(s, found) for s in specs]


def _available(spec: TableSpec, found: dict[str, tuple[str, Question]]) -> bool:
    """Whether the question set has the questions the table is made from."""
    needs = {TableKind.activity: ACTIVITY_KEY, TableKind.accommodation: ACCOMMODATION_KEY}
    if spec.kind in (TableKind.ons_means, TableKind.ons_bands):
        return all(key in found for key in ONS_KEYS)
    return spec.kind not in needs or needs[spec.kind] in found


def _with_question(spec: TableSpec, found: dict[str, tuple[str, Question]]) -> TableSpec:
    """The spec with the question it counts, for the DfE tables."""
    key = {TableKind.activity: ACTIVITY_KEY, TableKind.accommodation: ACCOMMODATION_KEY}.get(spec.kind)
    if key is None:
        return spec
    topic_key, question = found[key]
    return TableSpec(spec.key, spec.kind, spec.title, spec.group, question, topic_key)


def find_table(questions: QuestionSetFile, key: str) -> TableSpec | None:
    """The approved table with this key, if there is one."""
    return next((s for s in approved_tables(questions) if s.key == key), None)


def headlines(questions: QuestionSetFile) -> list[tuple[str, Question]]:
    """Each topic's headline question with its topic key, in topic order."""
    return [(t.key, q) for t in questions.topics for q in t.questions if q.headline]


def risk_questions(questions: QuestionSetFile) -> list[Question]:
    """Questions with an answer that raises a safety alert, in question set order."""
    return [q for t in questions.topics for q in t.questions if any(a.risk for a in answers_of(q))]


def is_sensitive(topic_key: str, question: Question, answer: Answer) -> bool:
    """A risk answer, or an answer to a risk-topic question that tells of danger."""
    if answer.risk:
        return True
    if topic_key != "risk" or answer.exclusive or question.kind is Kind.yesno:
        return False
    return answer.score is None or answer.score <= 2


def ons_bands(question_key: str) -> list[tuple[str, range]]:
    """ONS threshold bands for one of the four personal wellbeing questions."""
    if question_key == "wellbeing.anxious":
        return [
            (_("Very low (0-1)"), range(0, 2)),
            (_("Low (2-3)"), range(2, 4)),
            (_("Medium (4-5)"), range(4, 6)),
            (_("High (6-10)"), range(6, 11)),
        ]
    return [
        (_("Low (0-4)"), range(0, 5)),
        (_("Medium (5-6)"), range(5, 7)),
        (_("High (7-8)"), range(7, 9)),
        (_("Very high (9-10)"), range(9, 11)),
    ]


def age_band_label(band: str) -> str:
    """An age band in words."""
    return _("Other ages") if band == "other" else _("Aged %(band)s", band=band)
