"""Sections of an approved table as they are shown and downloaded, made only from published figures."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from app.insights.disclosure import Rules, Symbol
from app.insights.publish import PublishedTable, publish_table
from app.insights.suppression import Position

Strings = tuple[str, ...]
HIDDEN = Symbol.CONFIDENTIAL.value


@dataclass(frozen=True)
class Row:
    """One row of a section: its label, published figures, total and row percentages."""

    label: str
    cells: Strings
    total: str | None = None
    percentages: Strings | None = None


@dataclass(frozen=True)
class Section:
    """One published grid: groups as rows, answers or measures as columns, with an optional total row."""

    caption: str
    row_header: str
    column_labels: Strings
    rows: tuple[Row, ...]
    total_row: Row | None = None
    total_header: str | None = None

    @property
    def all_rows(self) -> tuple[Row, ...]:
        """The rows, then the total row if there is one."""
        return self.rows + ((self.total_row,) if self.total_row else ())

    def hidden(self) -> frozenset[Position]:
        """Positions shown as c in the grid with totals: rows then the total row, columns then the total."""
        width = len(self.column_labels)
        return frozenset(
            (i, j)
            for i, row in enumerate(self.all_rows)
            for j, figure in enumerate((*row.cells, row.total))
            if figure == HIDDEN and j <= width
        )

    @property
    def has_percentages(self) -> bool:
        """Whether the rows carry percentages of their totals."""
        return any(row.percentages for row in self.all_rows)


def typed(figure: str) -> int | float | str:
    """A published figure as a number where it is one, otherwise its symbol."""
    for kind in (int, float):
        try:
            return kind(figure)
        except ValueError:
            continue
    return figure


def from_published(
    table: PublishedTable, *, caption: str, row_header: str, total_label: str | None, total_header: str
) -> Section:
    """A section from a published table; the total row is left out when total_label is None."""
    shares = table.percentages or tuple(None for _ in table.row_labels)
    rows = tuple(
        Row(label, cells, total, share)
        for label, cells, total, share in zip(
            table.row_labels, table.cells, table.row_totals, shares, strict=True
        )
    )
    total_row = None
    if total_label is not None:
        total_row = Row(total_label, table.column_totals, table.grand_total, table.total_percentages)
    return Section(caption, row_header, table.column_labels, rows, total_row, total_header)


def _hide(row: Row, hidden: list[bool], total_hidden: bool) -> Row:
    """The row with these figures (and their percentages) hidden as well."""
    shares = row.percentages
    return Row(
        row.label,
        tuple(HIDDEN if h else c for c, h in zip(row.cells, hidden, strict=True)),
        HIDDEN if total_hidden else row.total,
        tuple(HIDDEN if h else p for p, h in zip(shares, hidden, strict=True)) if shares else None,
    )


def share_total_row(sections: list[Section]) -> list[Section]:
    """Sections that total the same people: a total-row figure hidden in one is hidden in all.

    Hiding more only ever publishes less, so no section becomes easier to work back from, and a
    figure hidden in one breakdown cannot be read from another.
    """
    totals = [s.total_row for s in sections if s.total_row]
    hidden = (
        [any(t.cells[j] == HIDDEN for t in totals) for j in range(len(totals[0].cells))] if totals else []
    )
    total_hidden = any(t.total == HIDDEN for t in totals)
    return [
        replace(s, total_row=_hide(s.total_row, hidden, total_hidden)) if s.total_row else s for s in sections
    ]


def publish_flags(
    ticked: Sequence[Sequence[int]],
    totals: Sequence[int],
    labels: tuple[Sequence[str], Sequence[str]],
    rules: Rules,
    *,
    sensitive: bool,
    forced: Collection[Position] = frozenset(),
) -> PublishedTable:
    """People with each of several yes/no marks (ticks can overlap), each mark published as its own split.

    forced: positions of the combined grid with totals to hide (a total hides in every split).
    """
    row_labels, column_labels = labels
    width = len(column_labels)

    def split_forced(j: int) -> set[Position]:
        return {(i, 0 if k == j else 2) for i, k in forced if k in (j, width)}

    splits = [
        publish_table(
            [[row[j], total - row[j]] for row, total in zip(ticked, totals, strict=True)],
            row_labels,
            [column_labels[j], ""],
            rules,
            sensitive_columns={0} if sensitive else frozenset(),
            percentages=True,
            forced=split_forced(j),
        )
        for j in range(len(column_labels))
    ]
    return _combined(splits, row_labels, column_labels)


def _any_hidden(values: Sequence[str]) -> str:
    """A total that several splits publish: hidden if any of them hides it."""
    return HIDDEN if HIDDEN in values else values[0]


def _combined(
    splits: list[PublishedTable], row_labels: Sequence[str], column_labels: Sequence[str]
) -> PublishedTable:
    """The first column of each split side by side; a shared total is hidden if any split hides it."""
    row_totals = tuple(_any_hidden([s.row_totals[i] for s in splits]) for i in range(len(row_labels)))
    grand_total = _any_hidden([s.grand_total for s in splits])

    def shares(i: int) -> Strings:
        hidden = row_totals[i] == HIDDEN
        return tuple(HIDDEN if hidden else (s.percentages or ())[i][0] for s in splits)

    return PublishedTable(
        row_labels=tuple(row_labels),
        column_labels=tuple(column_labels),
        cells=tuple(tuple(s.cells[i][0] for s in splits) for i in range(len(row_labels))),
        row_totals=row_totals,
        column_totals=tuple(s.column_totals[0] for s in splits),
        grand_total=grand_total,
        percentages=tuple(shares(i) for i in range(len(row_labels))),
        total_percentages=tuple(
            HIDDEN if grand_total == HIDDEN else (s.total_percentages or ("",))[0] for s in splits
        ),
    )
