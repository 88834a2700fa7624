"""The approved table "What young people wrote about": confirmed themes of shared topics, a section
per topic, localities by theme, every figure through the disclosure rules."""

from dataclasses import replace

from app.i18n import gettext as _
from app.insights import queries
from app.insights.context import Context, Parts, series
from app.insights.sections import Section, from_published, publish_flags
from app.questions.catalogue import say
from app.themes.catalogue import themes


def _counts_only(section: Section) -> Section:
    """The section without its totals or percentages. The totals ("young people who shared this
    topic") are the coverage table's "Shared" figures, suppressed there by that table's own pattern:
    published here by this table's pattern as well, the two patterns together narrowed hidden cells
    (the in-suite intruder found 26). Without them this table adds only theme counts."""
    rows = tuple(replace(row, total=None, percentages=None) for row in section.rows)
    total_row = replace(section.total_row, total=None, percentages=None) if section.total_row else None
    return replace(section, rows=rows, total_row=total_row, total_header=None)


def build_themes(context: Context) -> Parts:
    """Young people with each theme among those who shared the topic, by locality (two queries).

    Sections follow the question set's topics (as the coverage table's "Shared" columns do); a theme
    can be as telling as a risk answer, so a locality where everyone who shared has it is hidden.
    """
    places = context.localities()
    shared = context.fetch(queries.shared_topics)
    counts = context.fetch(queries.shared_themes)
    catalogue = themes()
    columns = [t.name_text() for t in catalogue]
    sections = []
    for s, item in enumerate(context.questions.topics):
        ticked = [[counts.get((i, item.key, t.key), 0) for t in catalogue] for i, _name in places]
        totals = [shared.get((i, item.key), 0) for i, _name in places]
        labels = ([name for _i, name in places], columns)
        table = publish_flags(
            ticked, totals, labels, context.rules, sensitive=True, forced=context.forced_in(s)
        )
        section = from_published(
            table,
            caption=say(item.title),
            row_header=_("Locality"),
            total_label=_("All localities"),
            total_header=_("Young people who shared this topic"),
        )
        sections.append(_counts_only(section))
    first = sections[0]
    assert first.total_row is not None
    title = _("All localities: themes of '%(topic)s'", topic=first.caption)
    return sections, series(title, columns, first.total_row.cells)
