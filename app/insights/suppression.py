"""Which entries of a table are hidden, before any figure is rounded.

The table is taken with its totals (see with_totals). Each row and each column of that grid is a
line whose last entry is the sum of the others. The column of group totals is a line too, with the
grand total as its total, so when one locality is hidden another is hidden with it.

1. Small groups: every entry of a row of 1 to group_threshold - 1 people (the total row too).
2. Small counts: every entry, totals included, counting 1 to cell_threshold - 1 people.
3. All sensitive: every cell, zeros included, of a row whose people all gave sensitive answers.
4. Lines: while a line has exactly one hidden entry, or its total is shown and its hidden cells
   hold fewer than cell_threshold people, hide its smallest shown entry (non-zero first, the
   earliest on a tie); rows then columns, round and round until nothing changes.
5. Bridges: entry (i, j) joins line "row i" to line "column j", so hidden entries form a graph.
   One on no cycle of that graph (a bridge) follows from the published figures by adding and
   subtracting, however many lines it shares with other hidden entries. Hide the smallest shown
   entry joining the bridge's two sides, then go back to 4.

A hidden entry in a line whose total is shown as 0 is plainly 0: steps 4 and 5 do not count it.
"""

from collections.abc import Collection, Sequence

from app.insights.disclosure import Rules

Position = tuple[int, int]
Line = tuple[Position, ...]
Side = tuple[set[int], set[int]]


def with_totals(counts: Sequence[Sequence[int]]) -> list[list[int]]:
    """The table with a total column on the right and a total row at the bottom."""
    rows = [[*row, sum(row)] for row in counts]
    return [*rows, [sum(column) for column in zip(*rows, strict=True)]]


def _lines_of(height: int, width: int) -> list[Line]:
    """Every row, then every column, of a grid with totals; each line ends with its total."""
    rows = [tuple((i, j) for j in range(width)) for i in range(height)]
    columns = [tuple((i, j) for i in range(height)) for j in range(width)]
    return rows + columns


def suppression_pattern(
    counts: Sequence[Sequence[int]],
    rules: Rules,
    sensitive_columns: Collection[int] = frozenset(),
    forced: Collection[Position] = frozenset(),
) -> list[list[bool]]:
    """Which entries of the table with its totals (see with_totals) to show as c.

    forced: entries hidden whatever their count (hidden in an overlapping table, see linked.py);
    the lines through them are then protected like any other.
    """
    _check(counts, sensitive_columns)
    grid = with_totals(counts)
    hidden = _small_groups(grid, rules) | _small_counts(grid, rules) | _all_sensitive(grid, sensitive_columns)
    hidden |= {(i, j) for i, j in forced if i < len(grid) and j < len(grid[0])}
    _protect(grid, hidden, rules)
    return [[(i, j) in hidden for j in range(len(grid[0]))] for i in range(len(grid))]


def _check(counts: Sequence[Sequence[int]], sensitive_columns: Collection[int]) -> None:
    """Refuse a table that is empty, ragged or holds anything but counts."""
    if not counts or not counts[0]:
        raise ValueError("a table needs at least one row and one column")
    width = len(counts[0])
    if any(len(row) != width for row in counts):
        raise ValueError("every row of a table needs the same number of columns")
    if any(isinstance(v, bool) or not isinstance(v, int) or v < 0 for row in counts for v in row):
        raise ValueError("a table holds counts of young people: whole numbers from 0")
    if any(not 0 <= j < width for j in sensitive_columns):
        raise ValueError("a sensitive column is outside the table")


def _small_groups(grid: list[list[int]], rules: Rules) -> set[Position]:
    """Every entry, total included, of a row of 1 to group_threshold - 1 people."""
    return {
        (i, j) for i, row in enumerate(grid) if 0 < row[-1] < rules.group_threshold for j in range(len(row))
    }


def _small_counts(grid: list[list[int]], rules: Rules) -> set[Position]:
    """Every entry, totals included, counting 1 to cell_threshold - 1 people."""
    return {(i, j) for i, row in enumerate(grid) for j, v in enumerate(row) if 0 < v < rules.cell_threshold}


def _all_sensitive(grid: list[list[int]], sensitive_columns: Collection[int]) -> set[Position]:
    """Every cell, zeros included, of a row whose people all gave sensitive answers (totals row too)."""
    return {
        (i, j)
        for i, row in enumerate(grid)
        if row[-1] > 0 and all(j in sensitive_columns for j, v in enumerate(row[:-1]) if v)
        for j in range(len(row) - 1)
    }


def _protect(grid: list[list[int]], hidden: set[Position], rules: Rules) -> None:
    """Hide more entries until every line is safe and no hidden entry can be worked out exactly."""
    lines = _lines_of(len(grid), len(grid[0]))
    while True:
        _protect_lines(lines, grid, hidden, rules)
        extra = _break_first_bridge(grid, hidden)
        if extra is None:
            return
        hidden.add(extra)


def _protect_lines(lines: list[Line], grid: list[list[int]], hidden: set[Position], rules: Rules) -> None:
    """Hide the next smallest entry of an exposed line, rows and columns in turn, until none is exposed."""
    changed = True
    while changed:
        changed = False
        for line in lines:
            if _exposed(line, grid, hidden, rules) and (extra := _smallest_shown(line, grid, hidden)):
                hidden.add(extra)
                changed = True


def _unknown(grid: list[list[int]], hidden: set[Position]) -> set[Position]:
    """The hidden entries still unknown: not in a line whose total is shown as 0 (so all of it is 0)."""
    bottom, right = len(grid) - 1, len(grid[0]) - 1
    return {
        (i, j)
        for i, j in hidden
        if (grid[i][right] or (i, right) in hidden) and (grid[bottom][j] or (bottom, j) in hidden)
    }


def _exposed(line: Line, grid: list[list[int]], hidden: set[Position], rules: Rules) -> bool:
    """Whether the line leaves one entry alone in hiding, or its hidden cells hold too few people."""
    secret = _unknown(grid, hidden).intersection(line)
    if len(secret) == 1:
        return True
    if not secret or line[-1] in hidden:
        return False
    return sum(grid[i][j] for i, j in secret) < rules.cell_threshold


def _smallest_shown(line: Line, grid: list[list[int]], hidden: set[Position]) -> Position | None:
    """The shown entry to hide next: the smallest non-zero one, zeros last, the earliest on a tie."""
    shown = [(grid[i][j] == 0, grid[i][j], k) for k, (i, j) in enumerate(line) if (i, j) not in hidden]
    return line[min(shown)[2]] if shown else None


def _break_first_bridge(grid: list[list[int]], hidden: set[Position]) -> Position | None:
    """The entry to hide so that the first hidden entry on no cycle of hidden entries is on one."""
    secret = _unknown(grid, hidden)
    for i, j in sorted(secret):
        near = _joined(secret - {(i, j)}, {i}, set())
        if j not in near[1]:
            return _smallest_joining(grid, hidden, near, _joined(secret - {(i, j)}, set(), {j}))
    return None


def _joined(entries: set[Position], rows: set[int], columns: set[int]) -> Side:
    """The row and column lines reached from the given ones by stepping along the given entries."""
    rows, columns = set(rows), set(columns)
    size = -1
    while size != len(rows) + len(columns):
        size = len(rows) + len(columns)
        for i, j in entries:
            if i in rows or j in columns:
                rows.add(i)
                columns.add(j)
    return rows, columns


def _smallest_joining(grid: list[list[int]], hidden: set[Position], near: Side, far: Side) -> Position:
    """The smallest shown entry joining the two sides, zeros last (after step 4 there always is one)."""
    joining = [
        (grid[i][j] == 0, grid[i][j], i, j)
        for i, row in enumerate(grid)
        for j in range(len(row))
        if (i, j) not in hidden and ((i in near[0] and j in far[1]) or (i in far[0] and j in near[1]))
    ]
    return min(joining)[2:]
