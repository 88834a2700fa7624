"""Building an approved table for a period: grouped counts from SQL, then only published figures."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from app.i18n import gettext as _
from app.insights import queries
from app.insights.answer_tables import build_answers
from app.insights.catalogue import ONS_KEYS, TableKind, TableSpec, headlines, ons_bands, risk_questions
from app.insights.charts import ChartSeries
from app.insights.context import Context, Parts, Tally, grid, series
from app.insights.means import answers_hidden, band_forced, mean_sections
from app.insights.notes import NoteGroup, table_notes
from app.insights.periods import Period
from app.insights.publish import publish_table
from app.insights.sections import Section, from_published, publish_flags
from app.insights.theme_table import build_themes
from app.questions.catalogue import say


@dataclass(frozen=True)
class BuiltTable:
    """An approved table for a period, every figure published, with its chart and notes."""

    spec: TableSpec
    period: Period
    provisional: bool
    sections: tuple[Section, ...]
    chart: ChartSeries
    notes: tuple[NoteGroup, ...]


def build_table(context: Context, *, provisional: bool) -> BuiltTable:
    """The table for the context's period and organisation, safe to show and download.

    A council with no localities yet (a new one) has no rows: the table has no sections.
    """
    parts: Parts = ([], ChartSeries(context.spec.title, ()))
    if context.localities():
        parts = _BUILDERS[context.spec.kind](context)
    sections, chart = parts
    notes = table_notes(context.spec, context.questions, context.period, provisional, context.rules)
    return BuiltTable(context.spec, context.period, provisional, tuple(sections), chart, notes)


def _ons_bands(context: Context) -> Parts:
    """ONS threshold bands by locality, a section per measure (one query)."""
    places = context.localities()
    counts = context.fetch(queries.latest_values, question_keys=ONS_KEYS)
    sections = []
    for index, key in enumerate(ONS_KEYS):
        labels = [label for label, _scores in ons_bands(key)]
        rows = grid(_band_tally(counts, key), [i for i, _name in places], labels)
        table = publish_table(
            rows,
            [name for _i, name in places],
            labels,
            context.rules,
            percentages=True,
            forced=context.forced_in(index)
            | band_forced(answers_hidden(counts, key, places, context.rules), key),
        )
        sections.append(
            from_published(
                table,
                caption=context.question_text(key),
                row_header=_("Locality"),
                total_label=_("All localities"),
                total_header=_("All who answered"),
            )
        )
    first = sections[0]
    assert first.total_row is not None
    title = _("All localities: %(question)s", question=first.caption)
    return sections, series(title, first.column_labels, first.total_row.cells)


def _band_tally(counts: list[queries.ValueCount], key: str) -> Tally:
    """People by locality and ONS band for one measure."""
    bands = ons_bands(key)
    found: Tally = defaultdict(int)
    for count in (c for c in counts if c.question_key == key):
        band = next(label for label, scores in bands if int(count.value) in scores)
        found[(count.locality_id, band)] += count.people
    return found


def _ons_means(context: Context) -> Parts:
    """ONS averages by locality, small localities merged (one query)."""
    counts = context.fetch(queries.latest_values, question_keys=ONS_KEYS)
    captions = {key: context.question_text(key) for key in ONS_KEYS}
    sections = mean_sections(counts, context.localities(), captions, context.rules)
    figures = [s.total_row.cells[0] if s.total_row else "x" for s in sections]
    title = _("All localities: average score out of 10")
    return sections, series(title, [s.caption for s in sections], figures, scale_max=10)


def _baseline(context: Context) -> Parts:
    """Each headline's latest shared answer against the first one ever (one query)."""
    found = headlines(context.questions)
    keys = [question.key for _topic, question in found]
    changes = context.fetch(queries.baseline_changes, question_keys=keys)
    titles = {t.key: say(t.title) for t in context.questions.topics}
    columns = [_("Better"), _("Same"), _("Worse"), _("No earlier answer")]
    rows = []
    for i, (topic_key, question) in enumerate(found):
        better, worse = ("down", "up") if question.higher_is_worse else ("up", "down")
        counts = [changes.get((question.key, kind), 0) for kind in (better, "same", worse, "first")]
        forced = {(0, j) for row, j in context.forced_in(0) if row == i}
        table = publish_table(
            [counts], [titles[topic_key]], columns, context.rules, percentages=True, forced=forced
        )
        rows.extend(from_published(table, caption="", row_header="", total_label=None, total_header="").rows)
    section = Section(
        _("Latest answer compared with the first"),
        _("Topic"),
        tuple(columns),
        tuple(rows),
        None,
        _("All who answered"),
    )
    title = _("Young people whose latest answer is better than their first")
    return [section], series(title, [r.label for r in rows], [r.cells[0] for r in rows])


def _coverage(context: Context) -> Parts:
    """Young people on caseloads, who checked in and who shared each topic, by locality (three queries)."""
    places = context.localities()
    on_caseloads = context.fetch(queries.population)
    checked = context.fetch(queries.checked_in)
    shared = context.fetch(queries.shared_topics)
    topics = [(t.key, say(t.title)) for t in context.questions.topics]
    columns = [_("Checked in"), *(_("Shared: %(topic)s", topic=title) for _key, title in topics)]
    ticked = [
        [checked.get(i, 0), *(shared.get((i, key), 0) for key, _title in topics)] for i, _name in places
    ]
    totals = [on_caseloads.get(i, 0) for i, _name in places]
    labels = ([name for _i, name in places], columns)
    table = publish_flags(ticked, totals, labels, context.rules, sensitive=False, forced=context.forced_in(0))
    section = from_published(
        table,
        caption=_("By locality"),
        row_header=_("Locality"),
        total_label=_("All localities"),
        total_header=_("Young people on caseloads"),
    )
    assert section.total_row is not None
    title = _("All localities: young people who checked in and shared each topic")
    return [section], series(title, columns, section.total_row.cells)


def _alerts(context: Context) -> Parts:
    """Young people with safety alerts, whole council only, shared or not (two queries)."""
    everyone = sum(context.fetch(queries.population).values())
    raised = context.fetch(queries.alerts_raised)
    found = risk_questions(context.questions)
    columns = [_("Any safety alert"), *(_("Alert from: %(question)s", question=say(q.text)) for q in found)]
    ticked = [[raised.get("", 0), *(raised.get(q.key, 0) for q in found)]]
    labels = ([_("All localities")], columns)
    table = publish_flags(
        ticked, [everyone], labels, context.rules, sensitive=True, forced=context.forced_in(0)
    )
    section = from_published(
        table,
        caption=_("Whole council"),
        row_header=_("Area"),
        total_label=None,
        total_header=_("Young people on caseloads"),
    )
    title = _("Young people with a safety alert raised")
    return [section], series(title, columns, section.rows[0].cells)


_BUILDERS: dict[TableKind, Callable[[Context], Parts]] = {
    TableKind.answers: build_answers,
    TableKind.activity: build_answers,
    TableKind.accommodation: build_answers,
    TableKind.ons_means: _ons_means,
    TableKind.ons_bands: _ons_bands,
    TableKind.baseline: _baseline,
    TableKind.coverage: _coverage,
    TableKind.alerts: _alerts,
    TableKind.themes: build_themes,
}
