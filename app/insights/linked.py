"""Overlapping periods published together safely (product rule 10): a month inside a quarter inside a year.

A person's latest answer in a quarter is their latest answer in one of its months, and so in its
last month whenever they answered then. So a quarter's count is at least its last month's count and
at most the sum of its months' (a year and its quarters likewise), and an intruder holding both can
difference them. The rule applied here:

- upwards: a figure hidden in a month is hidden in its quarter, a figure hidden in a quarter in its
  year (so a shown whole never bounds a hidden part from above or pins it from below);
- downwards to the last part: a figure hidden in a quarter is hidden in its last month, and one
  hidden in a year in its last quarter (the whole and its last part differ only by people who did
  not answer again, so one must not bound the other's hidden figure);
- within a period, the total row the locality and age band breakdowns share hides what either hides.

Each table hides the forced figures and then protects its lines as usual, round and round until no
period hides anything new. A period's figures depend only on the periods it is linked to (its
parts, and a whole it is the last part of), which all end when it ends or earlier, so a closed
period's table never changes.
"""

from collections.abc import Callable

from app.insights.catalogue import TableKind
from app.insights.context import Forced
from app.insights.periods import Length, Period
from app.insights.suppression import Position
from app.insights.tables import BuiltTable

SHARED_TOTAL_ROW = (TableKind.answers, TableKind.activity, TableKind.accommodation)


def parts(whole: Period) -> list[Period]:
    """The periods a period is made of, in order: a quarter's months, a year's quarters."""
    if whole.length is Length.quarter:
        return [Period(whole.year, whole.first_month + i, Length.month) for i in range(3)]
    if whole.length is Length.year:
        return [Period(whole.year, 1 + 3 * i, Length.quarter) for i in range(4)]
    return []


def _wholes_ending_with(part: Period) -> list[Period]:
    """The periods this one is the last part of: March of the first quarter, the last quarter of its year."""
    if part.length is Length.month and part.first_month % 3 == 0:
        return [Period(part.year, part.first_month - 2, Length.quarter)]
    if part.length is Length.quarter and part.first_month == 10:
        return [Period(part.year, 1, Length.year)]
    return []


def linked_periods(period: Period) -> list[Period]:
    """The period and every period its figures depend on, smallest first."""
    found = {period}
    todo = [period]
    while todo:
        current = todo.pop()
        for other in (*parts(current), *_wholes_ending_with(current)):
            if other not in found:
                found.add(other)
                todo.append(other)
    return sorted(found, key=lambda p: (list(Length).index(p.length), p))


def _hidden(table: BuiltTable) -> dict[int, frozenset[Position]]:
    return {s: section.hidden() for s, section in enumerate(table.sections)}


def _shared_total_row(table: BuiltTable, hidden: dict[int, set[Position]]) -> None:
    """The breakdowns of one table share their total row: a figure hidden in one is hidden in all."""
    if table.spec.kind not in SHARED_TOTAL_ROW:
        return
    bottoms = {s: len(section.rows) for s, section in enumerate(table.sections)}
    columns = {j for s, bottom in bottoms.items() for i, j in hidden[s] if i == bottom}
    for s, bottom in bottoms.items():
        hidden[s] |= {(bottom, j) for j in columns}


def build_linked(build: Callable[[Period, Forced], BuiltTable], period: Period) -> BuiltTable:
    """The table for the period, built with every linked period until the hidden figures settle."""
    periods = linked_periods(period)
    forced: dict[Period, Forced] = {p: {} for p in periods}
    while True:
        built = {p: build(p, forced[p]) for p in periods}
        wanted: dict[Period, dict[int, set[Position]]] = {
            p: {s: set(h) for s, h in _hidden(built[p]).items()} for p in periods
        }
        for whole in periods:
            pieces = [p for p in parts(whole) if p in built]
            for piece in pieces:
                for s, h in _hidden(built[piece]).items():
                    wanted[whole][s] |= h
            if pieces and pieces[-1] == parts(whole)[-1]:
                for s, h in _hidden(built[whole]).items():
                    wanted[pieces[-1]][s] |= h
        for p in periods:
            _shared_total_row(built[p], wanted[p])
        settled: dict[Period, Forced] = {p: {s: frozenset(h) for s, h in wanted[p].items()} for p in periods}
        if all(settled[p] == _hidden(built[p]) for p in periods):
            return built[period]
        forced = settled
