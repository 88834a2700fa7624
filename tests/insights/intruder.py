"""An intruder's view of a published table: the exact range of whole numbers each hidden figure could be.

The intruder knows every published figure and the public rules: a published count v stands for any
true count that rounds to v (for base 5, v - 2 to v + 2), is at least the cell threshold (and, for a
group's total, the group threshold) when v is not 0, and a "0" is exactly 0. A "c" is any count from 0.
Every group total is the sum of its row, every answer total the sum of its column, and the grand total
the sum of both.

Those constraints are a circulation in a network: source -> group (the group's total) -> answer (the
cell) -> sink (the answer's total) -> source (the grand total), each arc bounded by what was published.
Its constraint matrix is totally unimodular, so for every arc the smallest and largest flow over whole
numbers are the linear-programming optimum, found exactly by max flow: start from one feasible flow and
push as much as possible around cycles through the arc. No approximation, so a range of width 0 here
means the intruder really can work the figure out.

With negative=True the intruder also forgets that counts cannot be negative; then, for a table
published unrounded, a hidden entry has a range of width 0 exactly when it is on no cycle of hidden
entries (a bridge: see app/insights/suppression.py).

What it leaves out: reasoning about why the algorithm chose which cells to hide, percentages, means,
and any other table of the same young people.
"""

from dataclasses import dataclass

from app.insights.disclosure import Rules, Symbol
from app.insights.publish import PublishedTable

Position = tuple[int, int]
Arc = tuple[int, int]
UNBOUNDED = 10**6


@dataclass(frozen=True)
class View:
    """The published table as a grid with totals (last row and column), as the intruder reads it."""

    grid: list[list[str]]

    @classmethod
    def of(cls, table: PublishedTable) -> "View":
        """The grid of a published table, totals in the last row and column."""
        rows = [[*cells, total] for cells, total in zip(table.cells, table.row_totals, strict=True)]
        return cls([*rows, [*table.column_totals, table.grand_total]])

    def hidden(self) -> list[Position]:
        """Every position shown as c."""
        return [(i, j) for i, row in enumerate(self.grid) for j, v in enumerate(row) if v == "c"]


def bounds(shown: str, rules: Rules, *, group_total: bool, negative: bool = False) -> tuple[int, int]:
    """The true counts a published figure could stand for (a c below zero too, if negative)."""
    if shown == Symbol.CONFIDENTIAL:
        return -UNBOUNDED if negative else 0, UNBOUNDED
    if shown == "0":
        return 0, 0
    below, above = rules.rounding // 2, (rules.rounding - 1) // 2
    if shown == Symbol.ROUNDS_TO_ZERO:
        return 1, above
    least = max(rules.cell_threshold, rules.group_threshold) if group_total else rules.cell_threshold
    return max(int(shown) - below, least), int(shown) + above


def arc_of(position: Position, height: int, width: int) -> Arc:
    """The network arc carrying an entry of a grid with totals of this height and width."""
    i, j = position
    source, sink = 0, height + width - 1
    if i < height - 1 and j < width - 1:
        return 1 + i, height + j
    if i < height - 1:
        return source, 1 + i
    return (height + j, sink) if j < width - 1 else (sink, source)


def max_flow(capacity: list[list[int]], start: int, end: int, limit: int) -> int:
    """Push up to limit units from start to end along shortest paths, updating capacity in place."""
    pushed = 0
    while pushed < limit and (path := _shortest_path(capacity, start, end)):
        amount = min([limit - pushed] + [capacity[u][v] for u, v in path])
        for u, v in path:
            capacity[u][v] -= amount
            capacity[v][u] += amount
        pushed += amount
    return pushed


def _shortest_path(capacity: list[list[int]], start: int, end: int) -> list[Arc]:
    """The arcs of a shortest path with spare capacity, or [] when there is none."""
    parent = {start: start}
    queue = [start]
    for u in queue:
        for v, spare in enumerate(capacity[u]):
            if spare > 0 and v not in parent:
                parent[v] = u
                queue.append(v)
    if end not in parent:
        return []
    path, v = [], end
    while v != start:
        path.append((parent[v], v))
        v = parent[v]
    return path


def ranges(table: PublishedTable, rules: Rules, *, negative: bool = False) -> dict[Position, tuple[int, int]]:
    """The least and most every hidden entry could be, given what was published (and, if negative, < 0)."""
    view = View.of(table)
    height, width = len(view.grid), len(view.grid[0])
    limits = {
        arc_of((i, j), height, width): bounds(v, rules, group_total=j == width - 1, negative=negative)
        for i, row in enumerate(view.grid)
        for j, v in enumerate(row)
    }
    residual = _feasible_residual(limits, height + width)
    return {
        p: _arc_range(residual, arc_of(p, height, width), limits[arc_of(p, height, width)])
        for p in view.hidden()
    }


def _feasible_residual(limits: dict[Arc, tuple[int, int]], size: int) -> list[list[int]]:
    """The residual network of one flow within every arc's limits (there is one: the true counts)."""
    capacity = [[0] * (size + 2) for _ in range(size + 2)]
    excess = [0] * size
    for (u, v), (low, high) in limits.items():
        capacity[u][v] = high - low
        excess[v] += low
        excess[u] -= low
    for node, amount in enumerate(excess):
        capacity[size][node], capacity[node][size + 1] = max(amount, 0), max(-amount, 0)
    needed = sum(max(amount, 0) for amount in excess)
    assert max_flow(capacity, size, size + 1, needed) == needed, "the published table contradicts itself"
    return [row[:size] for row in capacity[:size]]


def _arc_range(residual: list[list[int]], arc: Arc, limit: tuple[int, int]) -> tuple[int, int]:
    """The least and most an arc can carry: push flow round every cycle through it, each way."""
    u, v = arc
    flow = limit[0] + residual[v][u]
    return flow - _cycle(residual, (v, u)), flow + _cycle(residual, arc)


def _cycle(residual: list[list[int]], arc: Arc) -> int:
    """How much more the arc could carry (or less, when reversed) by rerouting round a cycle."""
    u, v = arc
    capacity = [row[:] for row in residual]
    spare = capacity[u][v]
    capacity[u][v] = capacity[v][u] = 0
    return max_flow(capacity, v, u, spare)
