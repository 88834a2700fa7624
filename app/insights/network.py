"""Network tables: each opted-in council's whole-council figures beside the network figure and range.

Disclosure (product rule 10). A council's row is exactly the whole-council row of that council's own
published table (its "All localities" total row; the whole-council row of the safety alerts), so it
tells no more than that table does. The network figure is the sum of the councils' published counts
(c where any council's is hidden), its percentage worked out from that sum and the summed total, and
the range is the lowest and highest published percentage. All are worked out from published figures
only, so taking a council away from the network (or one period from another) reveals nothing that a
council's own tables hide. A council whose whole-council total is hidden (too few young people) is
neither shown nor counted. Localities and age bands are never shared.

Councils are listed by name, never ranked.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlmodel import Session

from app.db import utcnow
from app.i18n import gettext as _
from app.insights import network_decisions, service
from app.insights.catalogue import TableKind, TableSpec
from app.insights.disclosure import DisclosureSettings, Rules, Symbol, publish_percentage
from app.insights.periods import Period
from app.insights.sections import HIDDEN, Row, Section
from app.insights.tables import BuiltTable

Strings = tuple[str, ...]
WHOLE_COUNCIL_KINDS = (TableKind.answers, TableKind.activity, TableKind.accommodation)
NETWORK_KINDS = (*WHOLE_COUNCIL_KINDS, TableKind.ons_bands, TableKind.coverage, TableKind.alerts)
# A council analyst sees the network figure only when it pools at least this many councils: with two,
# the network minus their own council would be the other council's figures.
COUNCILS_BESIDE = 3


@dataclass(frozen=True)
class NetworkSection:
    """One grid: a row per council shown, the network row, and the range of the councils' percentages."""

    caption: str
    column_labels: Strings
    councils: tuple[Row, ...]
    network: Row
    spread: Strings | None
    total_header: str | None


@dataclass(frozen=True)
class NetworkTable:
    """An approved table across the network for a period; left_out counts councils not shown."""

    spec: TableSpec
    period: Period
    provisional: bool
    sections: tuple[NetworkSection, ...]
    councils: int
    left_out: int


def network_specs(session: Session) -> list[tuple[str, list[TableSpec]]]:
    """The approved tables the network shares, under their headings."""
    return [
        (group, kept)
        for group, specs in service.table_groups(session)
        if (kept := [s for s in specs if s.kind in NETWORK_KINDS])
    ]


def network_spec(session: Session, *, key: str) -> TableSpec | None:
    """The approved table with this key if the network shares it."""
    spec = service.approved_table(session, key=key)
    return spec if spec is not None and spec.kind in NETWORK_KINDS else None


def network_table(
    session: Session, *, spec: TableSpec, period: Period, settings: DisclosureSettings, now: datetime
) -> NetworkTable:
    """The table across every opted-in council, for a network analyst."""
    rules = Rules.from_settings(settings)
    councils = network_decisions.opted_in_councils(session)
    built = [
        (name, service.build_for(session, spec=spec, organisation_id=i, period=period, rules=rules, now=now))
        for i, name in councils
    ]
    return _combined(spec, period, not period.is_closed(now), built)


def beside_network(
    session: Session, *, spec: TableSpec, organisation_id: int, period: Period, settings: DisclosureSettings
) -> NetworkTable | None:
    """A council analyst's view: their own council's row and the network row, no other council and no
    range; the network figures are c unless they pool at least COUNCILS_BESIDE councils (else the network
    minus their own would be another council's); None when the council does not share with the network."""
    if not network_decisions.standing(session, organisation_id=organisation_id).opted_in:
        return None
    own = next(name for i, name in network_decisions.opted_in_councils(session) if i == organisation_id)
    table = network_table(session, spec=spec, period=period, settings=settings, now=utcnow())
    sections = tuple(
        replace(
            s,
            councils=tuple(row for row in s.councils if row.label == own),
            network=s.network if len(s.councils) >= COUNCILS_BESIDE else _hidden(s.network),
            spread=None,
        )
        for s in table.sections
    )
    return replace(table, sections=sections)


def _hidden(row: Row) -> Row:
    """The row with every figure c."""
    shares = tuple(HIDDEN for _ in row.percentages) if row.percentages else row.percentages
    return replace(row, cells=tuple(HIDDEN for _ in row.cells), total=HIDDEN, percentages=shares)


def _whole_council(table: BuiltTable) -> list[tuple[Section, Row]]:
    """Each section's whole-council row (the breakdowns of one question share theirs: the first is kept)."""
    sections = table.sections[:1] if table.spec.kind in WHOLE_COUNCIL_KINDS else table.sections
    if table.spec.kind is TableKind.alerts:
        return [(s, s.rows[0]) for s in sections if s.rows]
    return [(s, s.total_row) for s in sections if s.total_row is not None]


def _combined(
    spec: TableSpec, period: Period, provisional: bool, built: list[tuple[str, BuiltTable]]
) -> NetworkTable:
    """The councils' whole-council rows side by side, section by section, with the network row."""
    rows_by_council = [(name, _whole_council(table)) for name, table in built]
    width = max((len(rows) for _name, rows in rows_by_council), default=0)
    sections = []
    shown: set[str] = set()
    for k in range(width):
        model = next(rows[k][0] for _name, rows in rows_by_council if len(rows) > k)
        councils = tuple(
            replace(rows[k][1], label=name)
            for name, rows in rows_by_council
            if len(rows) > k and (rows[k][1].total or "").isdigit()
        )
        shown.update(row.label for row in councils)
        if councils:
            sections.append(_section(spec, model, councils))
    return NetworkTable(spec, period, provisional, tuple(sections), len(shown), len(built) - len(shown))


def _section(spec: TableSpec, model: Section, councils: tuple[Row, ...]) -> NetworkSection:
    width = len(model.column_labels)
    cells = tuple(_sum([row.cells[j] for row in councils]) for j in range(width))
    total = _sum([row.total or "0" for row in councils])
    with_shares = any(row.percentages for row in councils)
    shares = tuple(publish_percentage(cell, total) for cell in cells) if with_shares else None
    label = _("Network: %(n)s councils", n=len(councils))
    caption = model.caption if spec.kind is TableKind.ons_bands else _("Whole council")
    spread = tuple(_range([row.percentages[j] for row in councils if row.percentages]) for j in range(width))
    return NetworkSection(
        caption,
        model.column_labels,
        councils,
        Row(label, cells, total, shares),
        spread if with_shares else None,
        model.total_header,
    )


def _sum(figures: Sequence[str]) -> str:
    """The sum of published counts; c when any is hidden (or any is another symbol)."""
    if all(f.isdigit() for f in figures):
        return str(sum(int(f) for f in figures))
    return HIDDEN


def _range(shares: Sequence[str]) -> str:
    """The lowest to the highest published percentage; c when any is hidden, z for fewer than two
    (a council with no one to count has none)."""
    shares = [share for share in shares if share != Symbol.NOT_APPLICABLE.value]
    if len(shares) < 2:
        return Symbol.NOT_APPLICABLE.value
    if not all(share.isdigit() for share in shares):
        return HIDDEN
    numbers = [int(share) for share in shares]
    return _("%(low)s to %(high)s", low=min(numbers), high=max(numbers))
