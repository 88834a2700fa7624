"""A table as it may be published: suppressed, rounded, with symbols; and merging small groups."""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from app.i18n import gettext as _
from app.insights.disclosure import Rules, publish_count, publish_percentage
from app.insights.suppression import Position, suppression_pattern, with_totals

Strings = tuple[str, ...]


@dataclass(frozen=True)
class PublishedTable:
    """A table safe to show or download: each figure a rounded count or a symbol."""

    row_labels: Strings
    column_labels: Strings
    cells: tuple[Strings, ...]
    row_totals: Strings
    column_totals: Strings
    grand_total: str
    percentages: tuple[Strings, ...] | None = None
    total_percentages: Strings | None = None


def publish_table(
    counts: Sequence[Sequence[int]],
    row_labels: Sequence[str],
    column_labels: Sequence[str],
    rules: Rules,
    *,
    sensitive_columns: Collection[int] = frozenset(),
    percentages: bool = False,
    forced: Collection[Position] = frozenset(),
) -> PublishedTable:
    """Publish true counts of distinct young people (groups as rows, answers as columns).

    forced: positions in the grid with totals (rows, then the total row; columns, then the total
    column) to hide whatever their count.
    """
    if len(row_labels) != len(counts) or any(len(row) != len(column_labels) for row in counts):
        raise ValueError("the labels must match the rows and columns of the table")
    grid = with_totals(counts)
    hidden = suppression_pattern(counts, rules, sensitive_columns, forced)
    shown = [
        tuple(publish_count(v, rules, hidden=h) for v, h in zip(row, hide, strict=True))
        for row, hide in zip(grid, hidden, strict=True)
    ]
    shares = _row_percentages(shown) if percentages else None
    return PublishedTable(
        row_labels=tuple(row_labels),
        column_labels=tuple(column_labels),
        cells=tuple(row[:-1] for row in shown[:-1]),
        row_totals=tuple(row[-1] for row in shown[:-1]),
        column_totals=shown[-1][:-1],
        grand_total=shown[-1][-1],
        percentages=shares[:-1] if shares else None,
        total_percentages=shares[-1] if shares else None,
    )


def _row_percentages(shown: list[Strings]) -> tuple[Strings, ...]:
    """Each published cell as a percentage of its row's published total, c when either is hidden."""
    return tuple(tuple(publish_percentage(figure, row[-1]) for figure in row[:-1]) for row in shown)


def merge_small_groups(groups: Mapping[str, Sequence[int]], rules: Rules) -> dict[str, list[int]]:
    """Merge every group of 1 to group_threshold - 1 people into "Other", then top it up, smallest first."""
    other = _("Other")
    pool = [label for label, counts in groups.items() if label == other or _is_small(counts, rules)]
    if not any(_is_small(groups[label], rules) for label in pool):
        return {label: list(counts) for label, counts in groups.items()}
    rest = [label for label in groups if label not in pool]
    while sum(sum(groups[label]) for label in pool) < rules.group_threshold:
        nonempty = [label for label in rest if sum(groups[label])]
        if not nonempty:
            break
        smallest = min(nonempty, key=lambda label: (sum(groups[label]), rest.index(label)))
        pool.append(smallest)
        rest.remove(smallest)
    merged = [sum(column) for column in zip(*(groups[label] for label in pool), strict=True)]
    return {**{label: list(groups[label]) for label in rest}, other: merged}


def _is_small(counts: Sequence[int], rules: Rules) -> bool:
    """Whether a group has people, but fewer than the group threshold."""
    return 0 < sum(counts) < rules.group_threshold
