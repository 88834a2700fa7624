"""The intruder's view of the network tables (product rule 10: a council inside the network).

A network table holds, for each council shown, that council's whole-council row, and the network
row and range worked out from those rows. So the intruder holding every council's tables and every
network table learns nothing from the network tables, provided each figure in them is exactly what
the published council figures give: then every network constraint is already implied by constraints
the integer programme holds (a shown network count is the sum of shown council counts, so the true
total lies within the sum of their rounding ranges; a hidden one sums at least one hidden council
figure, so its interval is at least as wide). This checks that figure by figure; the milp intruder
(milp_intruder.py) bounds the councils' own hidden figures.
"""

from app.insights.disclosure import Symbol, publish_percentage
from app.insights.network import NetworkTable
from app.insights.tables import BuiltTable

HIDDEN = Symbol.CONFIDENTIAL.value


def _whole_rows(table: BuiltTable) -> list[tuple[tuple[str, ...], str | None, tuple[str, ...] | None]]:
    """Every whole-council row a council's own table publishes (the total rows; the alerts row)."""
    found = [
        (s.total_row.cells, s.total_row.total, s.total_row.percentages) for s in table.sections if s.total_row
    ]
    found += [
        (r.cells, r.total, r.percentages) for s in table.sections if not s.total_row for r in s.rows[:1]
    ]
    return found


def not_from_published(network: NetworkTable, own: dict[str, BuiltTable]) -> list[str]:
    """Figures of a network table that the councils' own published tables do not give exactly."""
    problems = []
    where = f"{network.spec.key} {network.period.key}"
    for section in network.sections:
        for row in section.councils:
            if (row.cells, row.total, row.percentages) not in _whole_rows(own[row.label]):
                problems.append(f"{where} {section.caption} {row.label}: not the council's own row")
        rows = section.councils
        for j, figure in enumerate(section.network.cells):
            parts = [row.cells[j] for row in rows]
            expected = str(sum(int(p) for p in parts)) if all(p.isdigit() for p in parts) else HIDDEN
            if figure != expected:
                problems.append(f"{where} {section.caption} network / {section.column_labels[j]}")
        if section.network.total != str(sum(int(row.total or 0) for row in rows)):
            problems.append(f"{where} {section.caption} network total")
        for j, share in enumerate(section.network.percentages or ()):
            if share != publish_percentage(section.network.cells[j], section.network.total or "0"):
                problems.append(f"{where} {section.caption} network percentage / {section.column_labels[j]}")
        for j, spread in enumerate(section.spread or ()):
            shares = [(row.percentages or ())[j] for row in rows]
            shown = [int(s) for s in shares if s.isdigit()]
            if (
                spread not in (HIDDEN, Symbol.NOT_APPLICABLE.value)
                and spread != f"{min(shown)} to {max(shown)}"
            ):
                problems.append(f"{where} {section.caption} range / {section.column_labels[j]}")
            if spread == HIDDEN and all(s.isdigit() or s == Symbol.NOT_APPLICABLE.value for s in shares):
                problems.append(
                    f"{where} {section.caption} range hidden for no reason / {section.column_labels[j]}"
                )
    return problems
