"""Answers to one question, by locality and by age band: choices, scales, yes/no and tick-any."""

from dataclasses import dataclass

from app.i18n import gettext as _
from app.insights import queries
from app.insights.catalogue import AGE_BANDS, TableKind, age_band_label, is_sensitive
from app.insights.context import Context, Parts, grid, series, tally
from app.insights.publish import PublishedTable, publish_table
from app.insights.sections import Section, from_published, publish_flags, share_total_row
from app.questions.catalogue import answers_of, say
from app.questions.schema import Kind


@dataclass(frozen=True)
class Breakdown:
    """One way of splitting the young people into rows: by locality or by age band."""

    caption: str
    row_header: str
    groups: list[object]
    labels: list[str]
    total_label: str
    attribute: str


@dataclass(frozen=True)
class Column:
    """One answer: its stored value, its heading and whether it is sensitive."""

    value: str
    label: str
    sensitive: bool


def answer_columns(context: Context) -> list[Column]:
    """The question's answers as columns; a 0-10 scale has eleven."""
    question, spec = context.spec.question, context.spec
    assert question is not None
    if question.kind is Kind.scale:
        ends = {0: say(question.low), 10: say(question.high)}
        return [Column(str(n), f"{n} ({ends[n]})" if n in ends else str(n), False) for n in range(11)]
    coded = spec.kind in (TableKind.activity, TableKind.accommodation)
    return [
        Column(
            a.key,
            f"{a.key}: {say(a.text)}" if coded else say(a.text),
            is_sensitive(spec.topic_key, question, a),
        )
        for a in answers_of(question)
    ]


def breakdowns(places: list[tuple[int, str]]) -> list[Breakdown]:
    """By locality (every locality of the organisation), then by age band at council level."""
    return [
        Breakdown(
            _("By locality"),
            _("Locality"),
            [i for i, _name in places],
            [name for _i, name in places],
            _("All localities"),
            "locality_id",
        ),
        Breakdown(
            _("By age band"),
            _("Age band"),
            list(AGE_BANDS),
            [age_band_label(band) for band in AGE_BANDS],
            _("All ages"),
            "band",
        ),
    ]


def build_answers(context: Context) -> Parts:
    """A question's answers by locality and by age band: one query, two for a tick-any question."""
    question = context.spec.question
    assert question is not None
    counts = context.fetch(queries.latest_values, question_keys=[question.key])
    answered = None
    if question.kind is Kind.multi:
        answered = context.fetch(queries.latest_answered, question_key=question.key)
    columns = answer_columns(context)
    sections = share_total_row(
        [
            _section(context, breakdown, index, counts, columns, answered)
            for index, breakdown in enumerate(breakdowns(context.localities()))
        ]
    )
    first = sections[0].total_row
    assert first is not None
    title = _("All localities: young people by answer")
    return sections, series(title, sections[0].column_labels, first.cells)


def _section(
    context: Context,
    breakdown: Breakdown,
    index: int,
    counts: list[queries.ValueCount],
    columns: list[Column],
    answered: dict[tuple[int, str], int] | None,
) -> Section:
    """One breakdown, published; tick-any answers as yes/no splits of the people who answered."""
    found = tally(counts, lambda count: getattr(count, breakdown.attribute))
    rows = grid(found, breakdown.groups, (c.value for c in columns))
    labels = [c.label for c in columns]
    if answered is None:
        sensitive = {j for j, c in enumerate(columns) if c.sensitive}
        table = publish_table(
            rows,
            breakdown.labels,
            labels,
            context.rules,
            sensitive_columns=sensitive,
            percentages=True,
            forced=context.forced_in(index),
        )
    else:
        totals = [sum(n for key, n in answered.items() if key[index] == group) for group in breakdown.groups]
        sensitive_any = any(c.sensitive for c in columns)
        table = publish_flags(
            rows,
            totals,
            (breakdown.labels, labels),
            context.rules,
            sensitive=sensitive_any,
            forced=context.forced_in(index),
        )
    return _from(table, breakdown)


def _from(table: PublishedTable, breakdown: Breakdown) -> Section:
    return from_published(
        table,
        caption=breakdown.caption,
        row_header=breakdown.row_header,
        total_label=breakdown.total_label,
        total_header=_("All who answered"),
    )
