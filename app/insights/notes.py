"""The notes that go with every approved table: period, counting, question wording, symbols, rules."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from babel.dates import format_date

from app.i18n import current_language
from app.i18n import gettext as _
from app.insights.catalogue import ONS_KEYS, TableKind, TableSpec, headlines, risk_questions
from app.insights.disclosure import Rules, rule_notes, symbol_notes
from app.insights.periods import Period
from app.questions.catalogue import answers_of, say
from app.questions.schema import Kind, Question, QuestionSetFile


@dataclass(frozen=True)
class NoteGroup:
    """A heading and its notes."""

    title: str
    items: tuple[str, ...]


def _counting() -> list[str]:
    return [
        _(
            "Each young person is counted once: their latest answer to the question in the period, "
            "from a check-in where they chose to share that topic with their PA."
        ),
        _("Answers young people kept to themselves are never counted."),
        _("Every answer is what the young person told us about themselves (self-report)."),
    ]


def _answers(spec: TableSpec, rules: Rules) -> list[str]:
    lines = [
        *_counting(),
        _("Localities are where young people live now, as the service records it."),
        _(
            "Age bands use each young person's age on the day of the check-in counted; "
            "'Other ages' holds anyone under 16 or over 25."
        ),
    ]
    if spec.question and spec.question.kind is Kind.multi:
        lines.append(
            _(
                "Young people could tick more than one answer, so the columns do not add up to the total. "
                "Each answer is checked against the disclosure rules as its own yes-or-no split."
            )
        )
    return lines


def _activity(spec: TableSpec, rules: Rules) -> list[str]:
    return [
        *_answers(spec, rules),
        _(
            "Self-report: what young people told us they are mainly doing, in the DfE SSDA903 ACTIV codes. "
            "It is not the council's return to the DfE."
        ),
    ]


def _accommodation(spec: TableSpec, rules: Rules) -> list[str]:
    return [
        *_answers(spec, rules),
        _(
            "Self-report: where young people told us they live, in the DfE SSDA903 ACCOM letters. "
            "Whether it is suitable (suffix 1 or 2) is a PA's judgement and is never inferred from this."
        ),
    ]


def _bands() -> list[str]:
    return [
        _("ONS personal wellbeing questions, answered from 0 (not at all) to 10 (completely)."),
        _(
            "ONS thresholds for life satisfaction, worthwhile and happiness: "
            "0-4 low, 5-6 medium, 7-8 high, 9-10 very high."
        ),
        _("ONS thresholds for anxiety, where higher is worse: 0-1 very low, 2-3 low, 4-5 medium, 6-10 high."),
        _("ONS never adds the four measures into one score."),
    ]


def _ons_bands(spec: TableSpec, rules: Rules) -> list[str]:
    return [*_counting(), *_bands()]


def _ons_means(spec: TableSpec, rules: Rules) -> list[str]:
    return [
        *_counting(),
        *_bands(),
        _("Averages are means to one decimal place; no minimum or maximum is ever shown."),
        _(
            "Localities with fewer than %(n)s young people are combined into 'Other', with the next "
            "smallest localities when needed, so every average is of at least %(n)s young people.",
            n=rules.mean_threshold,
        ),
    ]


def _baseline(spec: TableSpec, rules: Rules) -> list[str]:
    return [
        *_counting(),
        _(
            "Compares each young person's latest shared answer to each topic's main question in the "
            "period with their first shared answer ever (their baseline)."
        ),
        _("'No earlier answer' counts young people whose first shared answer is the one counted here."),
        _("Better means a higher score, except for questions where a higher score is worse."),
        _("Each row counts different young people, so there is no total row."),
    ]


def _coverage(spec: TableSpec, rules: Rules) -> list[str]:
    return [
        _(
            "Young people on caseloads: everyone with a PA at any time in the period, "
            "or who checked in or had a safety alert in it."
        ),
        _("Checked in: sent at least one check-in in the period, whether or not they shared anything."),
        _("Shared: shared that topic with their PA in at least one check-in in the period."),
        _("A young person can share several topics, so the columns do not add up."),
    ]


def _alerts(spec: TableSpec, rules: Rules) -> list[str]:
    return [
        _("Counts young people with at least one safety alert raised in the period."),
        _(
            "Alerts are raised whatever the young person chose to share, "
            "so these counts include check-ins they kept to themselves."
        ),
        _("Shown for the whole council only: never by locality, PA or team."),
        _("A young person can have alerts from more than one question, so the columns do not add up."),
    ]


def _themes(spec: TableSpec, rules: Rules) -> list[str]:
    return [
        _(
            "Counts young people who shared a topic in the period and confirmed a theme for their own "
            "words about it: themes they ticked themselves, or that their PA added with them at a meeting."
        ),
        _(
            "Themes of topics kept from the PA are never counted; "
            "no table or download holds the words themselves."
        ),
        _("Shared: young people who shared that topic with their PA in at least one check-in in the period."),
        _("A young person can confirm several themes, so the columns do not add up."),
    ]


_ABOUT: dict[TableKind, Callable[[TableSpec, Rules], list[str]]] = {
    TableKind.answers: _answers,
    TableKind.activity: _activity,
    TableKind.accommodation: _accommodation,
    TableKind.ons_means: _ons_means,
    TableKind.ons_bands: _ons_bands,
    TableKind.baseline: _baseline,
    TableKind.coverage: _coverage,
    TableKind.alerts: _alerts,
    TableKind.themes: _themes,
}


def _period(period: Period, provisional: bool) -> list[str]:
    last_day = (period.end - timedelta(days=1)).date()
    span = _(
        "Period: %(label)s (%(key)s), from %(first)s to %(last)s; days start and end at midnight UTC.",
        label=period.label(),
        key=period.key,
        first=format_date(period.start.date(), "d MMMM y", locale=current_language()),
        last=format_date(last_day, "d MMMM y", locale=current_language()),
    )
    status = _("Provisional: the period has not ended, so these figures will change.")
    return [span, status if provisional else _("Final: the period has ended.")]


def _questions(spec: TableSpec, questions: QuestionSetFile) -> list[Question]:
    """The questions a table is made from."""
    by_key = {q.key: q for t in questions.topics for q in t.questions}
    if spec.question:
        return [spec.question]
    if spec.kind in (TableKind.ons_means, TableKind.ons_bands):
        return [by_key[key] for key in ONS_KEYS]
    if spec.kind is TableKind.baseline:
        return [q for _topic, q in headlines(questions)]
    return risk_questions(questions) if spec.kind is TableKind.alerts else []


def wording(question: Question) -> str:
    """A question's key, exact wording and possible answers."""
    if question.kind is Kind.scale:
        answers = _("0 (%(low)s) to 10 (%(high)s)", low=say(question.low), high=say(question.high))
    else:
        answers = "; ".join(say(a.text) for a in answers_of(question))
    return _(
        "%(key)s: “%(text)s” Answers: %(answers)s.",
        key=question.key,
        text=say(question.text),
        answers=answers,
    )


def table_notes(
    spec: TableSpec, questions: QuestionSetFile, period: Period, provisional: bool, rules: Rules
) -> tuple[NoteGroup, ...]:
    """Every note for the table, grouped under headings, in a fixed order."""
    about = [spec.title, *_period(period, provisional), *_ABOUT[spec.kind](spec, rules)]
    about.append(_("Only young people of your own council are counted. There is no breakdown by PA or team."))
    groups = [
        NoteGroup(_("About this table"), tuple(about)),
        NoteGroup(_("Question wording"), tuple(wording(q) for q in _questions(spec, questions))),
        NoteGroup(_("Symbols"), tuple(f"{symbol}: {meaning}" for symbol, meaning in symbol_notes().items())),
        NoteGroup(_("Disclosure control and rounding"), tuple(rule_notes(rules))),
    ]
    return tuple(group for group in groups if group.items)
