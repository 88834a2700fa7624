"""An intruder holding every approved table for every period: integer programming over all of them.

The intruder knows the public rules and what every figure counts (the notes say so), not the rows.
Its unknowns are the true counts at the finest grain the tables are made from, for every period:

- a single-answer question: people whose latest answer in the period was answer j, by locality and
  age band (the table by locality and the table by age band are two sums of the same unknowns; the
  ONS bands add up answers 0-10 into bands, the ONS means are sums of answers over people);
- a tick-any question: people who ticked answer j and people who answered, by locality and age band
  (no tick without an answer, and everyone who answered ticked something);
- change since the first answer: people by topic and kind of change;
- coverage and alerts: people on caseloads, who checked in, who shared each topic, by locality
  (shared <= checked in <= on caseloads), and people with alerts (any alert >= each question's).

Every published figure is a constraint on a sum of unknowns: a rounded count v stands for v - 2 to
v + 2 (at least the cell threshold, or the group threshold for a group's total), "0" is exactly 0,
a mean to one decimal bounds the sum of answers given the number of people. Percentages must be
worked out from the published counts beside them (checked), so they add nothing.

Periods are linked as people are: a person's latest answer in a quarter is their latest answer in
one of its months, so each quarter count is at most the sum of its months' counts and at least its
last month's count; people counted in any month are counted in the quarter (the same for quarters
in a year). Unknowns joined by constraints form components; each is solved on its own with
`scipy.optimize.milp` (HiGHS). A hidden figure passes when two whole-number solutions of all the
constraints put it at least cell_threshold - 1 apart (so its interval holds 10 or more values),
first from solutions pushing many figures at once, then by minimising and maximising it alone. A
rounded count passes when it takes two values. Anything else is a failure, with its exact interval.

What it leaves out: links between tables of different kinds (answers against shares in coverage,
alerts against risk answers), and reasoning about why the rules chose which cells to hide.
"""

import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_array

from app.insights.catalogue import ONS_KEYS, TableKind, ons_bands
from app.insights.disclosure import Rules, Symbol, publish_percentage
from app.insights.periods import Length, Period
from app.insights.sections import Section
from app.insights.tables import BuiltTable
from app.questions.schema import Kind
from tests.insights.intruder import bounds

Expr = dict[int, int]
HIDDEN = Symbol.CONFIDENTIAL.value
LOTS = 10**6
WITNESS_ROUNDS = 8


@dataclass(frozen=True)
class Target:
    """A published figure the intruder tries to narrow: hidden (c) or a rounded count."""

    hidden: bool
    expr: tuple[tuple[int, int], ...]
    where: str


@dataclass
class Findings:
    """What the intruder got out of the tables."""

    tables: int = 0
    periods: int = 0
    hidden: int = 0
    rounded: int = 0
    components: int = 0
    solves: int = 0
    seconds: float = 0.0
    smallest_hidden: int = LOTS
    plainly_zero: int = 0
    narrow: list[tuple[str, int, int]] = field(default_factory=list)
    pinned: list[tuple[str, int]] = field(default_factory=list)
    unproven: list[str] = field(default_factory=list)
    bad_percentages: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.tables} tables, {self.periods} periods, {self.hidden} hidden cells, "
            f"{self.rounded} rounded counts ({self.plainly_zero} hidden cells in a line published as 0), "
            f"{self.components} components, {self.solves} solves, "
            f"{self.seconds:.1f} s; smallest hidden interval found: {self.smallest_hidden} values; "
            f"narrower than 10: {len(self.narrow)}; rounded counts pinned: {len(self.pinned)}; "
            f"unproven: {len(self.unproven)}; percentages not from published counts: "
            f"{len(self.bad_percentages)}"
        )


class Model:
    """Unknowns, constraints on sums of them, and the figures to narrow."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.index: dict[tuple[object, ...], int] = {}
        self.constraints: list[tuple[Expr, float, float]] = []
        self.targets: list[Target] = []
        self.findings = Findings()

    def var(self, *key: object) -> int:
        return self.index.setdefault(key, len(self.index))

    def sum_of(self, keys: Iterable[tuple[object, ...]], weight: int = 1) -> Expr:
        expr: Expr = defaultdict(int)
        for key in keys:
            expr[self.var(*key)] += weight
        return dict(expr)

    def at_most(self, small: Expr, big: Expr) -> None:
        """small <= big."""
        expr = dict(big)
        for v, c in small.items():
            expr[v] = expr.get(v, 0) - c
        self.constraints.append((expr, 0, np.inf))

    def figure(self, shown: str, expr: Expr, where: str, *, group_total: bool = False) -> None:
        """A published count: a constraint when shown, a target either way."""
        if shown in (Symbol.NOT_APPLICABLE.value, Symbol.NOT_AVAILABLE.value):
            return
        items = tuple(sorted(expr.items()))
        if shown == HIDDEN:
            self.targets.append(Target(True, items, where))
            self.findings.hidden += 1
            return
        low, high = bounds(shown, self.rules, group_total=group_total)
        self.constraints.append((expr, low, high))
        if low < high:
            self.targets.append(Target(False, items, where))
            self.findings.rounded += 1

    def mean(self, shown: str, people: Expr, total: Expr) -> None:
        """A mean to one decimal, t tenths: (2t - 1) n <= 20 S < (2t + 1) n, over whole numbers."""
        if shown == Symbol.NOT_APPLICABLE.value:
            self.constraints.append((people, 0, 0))
            return
        if shown == HIDDEN:
            return
        tenths = round(float(shown) * 10)
        lower = {v: 20 * total.get(v, 0) - (2 * tenths - 1) * people.get(v, 0) for v in people | total}
        upper = {v: 20 * total.get(v, 0) - (2 * tenths + 1) * people.get(v, 0) for v in people | total}
        self.constraints.append((lower, 0, np.inf))
        self.constraints.append((upper, -np.inf, -1))


def _check_percentages(model: Model, table: BuiltTable, where: str) -> None:
    """Every percentage must be the published count over the published total."""
    for section in table.sections:
        for row in section.all_rows:
            if row.percentages is None or row.total is None:
                continue
            for cell, share in zip(row.cells, row.percentages, strict=True):
                if share != publish_percentage(cell, row.total):
                    model.findings.bad_percentages.append(f"{where} {section.caption} {row.label}")


def _grid_figures(
    model: Model,
    table: BuiltTable,
    where: str,
    cell: dict[tuple[int, str, int], Expr],
    total: dict[tuple[int, str], Expr],
) -> None:
    """Publish each section's figures against expressions: cell[(section, row, column)], total[(section, row)]."""
    for s, section in enumerate(table.sections):
        for row in section.all_rows:
            place = f"{where} [{section.caption}] {row.label}"
            for j, shown in enumerate(row.cells):
                model.figure(shown, cell[(s, row.label, j)], f"{place} / {section.column_labels[j]}")
            if row.total is not None:
                model.figure(row.total, total[(s, row.label)], f"{place} / total", group_total=True)


class Attack:
    """Every table, as the intruder reads it, then every component solved."""

    def __init__(self, rules: Rules, places: Sequence[str], bands: Sequence[str]) -> None:
        self.model = Model(rules)
        self.places, self.bands = list(places), list(bands)
        self.periods: set[Period] = set()
        self.families: dict[tuple[object, ...], str] = {}

    def add(self, table: BuiltTable) -> None:
        """Take every figure of one table for one period as constraints."""
        spec, p = table.spec, table.period
        self.periods.add(p)
        self.model.findings.tables += 1
        where = f"{spec.key} {p.key}"
        _check_percentages(self.model, table, where)
        kind = spec.kind
        if kind in (TableKind.answers, TableKind.activity, TableKind.accommodation):
            assert spec.question is not None
            if spec.question.kind is Kind.multi:
                self._ticks(table, spec.question.key, where)
            else:
                self._single(table, spec.question.key, where)
        elif kind is TableKind.ons_bands:
            self._bands(table, where)
        elif kind is TableKind.ons_means:
            self._means(table)
        elif kind is TableKind.baseline:
            self._baseline(table, where)
        elif kind is TableKind.coverage:
            self._coverage(table, where)
        elif kind is TableKind.themes:
            self._themes(table, where)
        else:
            self._alerts(table, where)

    def add_cross_tabs(self, key: str, sections: Sequence[Section]) -> None:
        """Cross-tabulations of one population (app/sources/agreement.py): each cell its own unknown,
        row and column totals their sums, and every table's grand total the same people."""
        everyone: list[Expr] = []
        for s, section in enumerate(sections):
            self.model.findings.tables += 1
            width = len(section.column_labels)
            cell = {
                (i, j): self.model.sum_of([("x", key, s, i, j)])
                for i in range(len(section.rows))
                for j in range(width)
            }
            for i, row in enumerate(section.all_rows):
                lines = [i] if i < len(section.rows) else list(range(len(section.rows)))
                place = f"{key} [{section.caption}] {row.label}"
                for j, shown in enumerate(row.cells):
                    self.model.figure(
                        shown, _summed(cell[(r, j)] for r in lines), f"{place} / {section.column_labels[j]}"
                    )
                total = _summed(cell[(r, j)] for r in lines for j in range(width))
                if row.total is not None:
                    self.model.figure(row.total, total, f"{place} / total", group_total=True)
            everyone.append(_summed(cell.values()))
        for other in everyone[1:]:
            self.model.constraints.append(({**other, **{v: -c for v, c in everyone[0].items()}}, 0, 0))

    def _breakdown(self, s: int, label: str) -> tuple[list[str], list[str]]:
        """The localities and age bands a row of section s covers (section 0 by locality, 1 by band)."""
        if label in self.places and s == 0:
            return [label], self.bands
        if label in self.bands and s == 1:
            return self.places, [label]
        return self.places, self.bands

    def _single(self, table: BuiltTable, key: str, where: str) -> None:
        width = len(table.sections[0].column_labels)
        self.families[("ans", key)] = "latest"
        cell, total = {}, {}
        for s, section in enumerate(table.sections):
            for row in section.all_rows:
                places, bands = self._breakdown(s, row.label)
                grain = [(place, b) for place in places for b in bands]
                for j in range(width):
                    cell[(s, row.label, j)] = self.model.sum_of(
                        ("ans", key, table.period, place, b, j) for place, b in grain
                    )
                total[(s, row.label)] = self.model.sum_of(
                    ("ans", key, table.period, place, b, j) for place, b in grain for j in range(width)
                )
        _grid_figures(self.model, table, where, cell, total)

    def _ticks(self, table: BuiltTable, key: str, where: str) -> None:
        width = len(table.sections[0].column_labels)
        self.families[("tick", key)] = "latest"
        self.families[("asked", key)] = "latest"
        p, m = table.period, self.model
        for place in self.places:
            for b in self.bands:
                asked = m.sum_of([("asked", key, p, place, b)])
                ticks = [m.sum_of([("tick", key, p, place, b, j)]) for j in range(width)]
                for tick in ticks:
                    m.at_most(tick, asked)
                m.at_most(asked, {v: c for tick in ticks for v, c in tick.items()})
        cell, total = {}, {}
        for s, section in enumerate(table.sections):
            for row in section.all_rows:
                places, bands = self._breakdown(s, row.label)
                grain = [(place, b) for place in places for b in bands]
                for j in range(width):
                    cell[(s, row.label, j)] = m.sum_of(("tick", key, p, place, b, j) for place, b in grain)
                total[(s, row.label)] = m.sum_of(("asked", key, p, place, b) for place, b in grain)
        _grid_figures(m, table, where, cell, total)

    def _bands(self, table: BuiltTable, where: str) -> None:
        cell, total = {}, {}
        p = table.period
        for s, (section, key) in enumerate(zip(table.sections, ONS_KEYS, strict=True)):
            self.families[("ans", key)] = "latest"
            for row in section.all_rows:
                places = [row.label] if row.label in self.places else self.places
                for j, (_label, scores) in enumerate(ons_bands(key)):
                    cell[(s, row.label, j)] = self.model.sum_of(
                        ("ans", key, p, place, b, n) for place in places for b in self.bands for n in scores
                    )
                total[(s, row.label)] = self.model.sum_of(
                    ("ans", key, p, place, b, n) for place in places for b in self.bands for n in range(11)
                )
        _grid_figures(self.model, table, where, cell, total)

    def _means(self, table: BuiltTable) -> None:
        p = table.period
        for section, key in zip(table.sections, ONS_KEYS, strict=True):
            listed = {row.label for row in section.rows}
            for row in section.all_rows:
                if row.label in self.places:
                    places = [row.label]
                elif row is section.total_row:
                    places = self.places
                else:
                    places = [place for place in self.places if place not in listed]
                keys = [
                    ("ans", key, p, place, b, n) for place in places for b in self.bands for n in range(11)
                ]
                people = self.model.sum_of(keys)
                scores: Expr = defaultdict(int)
                for k in keys:
                    scores[self.model.var(*k)] += int(k[-1])
                self.model.mean(row.cells[0], people, dict(scores))

    def _baseline(self, table: BuiltTable, where: str) -> None:
        (section,) = table.sections
        self.families[("base",)] = "latest"
        cell, total = {}, {}
        for row in section.rows:
            keys = [("base", table.period, row.label, j) for j in range(len(section.column_labels))]
            for j, key in enumerate(keys):
                cell[(0, row.label, j)] = self.model.sum_of([key])
            total[(0, row.label)] = self.model.sum_of(keys)
        _grid_figures(self.model, table, where, cell, total)

    def _coverage(self, table: BuiltTable, where: str) -> None:
        (section,) = table.sections
        width, p, m = len(section.column_labels), table.period, self.model
        for family in ("pop", "cov"):
            self.families[(family,)] = "union"
        for place in self.places:
            pop = m.sum_of([("pop", p, place)])
            checked = m.sum_of([("cov", p, place, 0)])
            m.at_most(checked, pop)
            for j in range(1, width):
                m.at_most(m.sum_of([("cov", p, place, j)]), checked)
        cell, total = {}, {}
        for row in section.all_rows:
            places = [row.label] if row.label in self.places else self.places
            for j in range(width):
                cell[(0, row.label, j)] = m.sum_of(("cov", p, place, j) for place in places)
            total[(0, row.label)] = m.sum_of(("pop", p, place) for place in places)
        _grid_figures(m, table, where, cell, total)

    def _themes(self, table: BuiltTable, where: str) -> None:
        """A section per topic (the coverage table's "Shared" column s + 1, the same people): young
        people with each theme among those who shared the topic, by locality."""
        p, m = table.period, self.model
        for family in ("cov", "theme"):
            self.families[(family,)] = "union"
        cell, total = {}, {}
        for s, section in enumerate(table.sections):
            width = len(section.column_labels)
            for place in self.places:
                shared = m.sum_of([("cov", p, place, s + 1)])
                for j in range(width):
                    m.at_most(m.sum_of([("theme", p, place, s, j)]), shared)
            for row in section.all_rows:
                places = [row.label] if row.label in self.places else self.places
                for j in range(width):
                    cell[(s, row.label, j)] = m.sum_of(("theme", p, place, s, j) for place in places)
                total[(s, row.label)] = m.sum_of(("cov", p, place, s + 1) for place in places)
        _grid_figures(m, table, where, cell, total)

    def _alerts(self, table: BuiltTable, where: str) -> None:
        (section,) = table.sections
        width, p, m = len(section.column_labels), table.period, self.model
        self.families[("alert",)] = "union"
        self.families[("pop",)] = "union"
        anyone = m.sum_of([("alert", p, 0)])
        each = [m.sum_of([("alert", p, j)]) for j in range(1, width)]
        for one in each:
            m.at_most(one, anyone)
        m.at_most(anyone, {v: c for one in each for v, c in one.items()})
        m.at_most(anyone, m.sum_of(("pop", p, place) for place in self.places))
        cell = {(0, row.label, j): m.sum_of([("alert", p, j)]) for row in section.rows for j in range(width)}
        total = {(0, row.label): m.sum_of(("pop", p, place) for place in self.places) for row in section.rows}
        _grid_figures(m, table, where, cell, total)

    def link_periods(self) -> None:
        """A quarter is made of its months and a year of its quarters, person by person."""
        by_family: dict[tuple[object, ...], dict[Period, set[tuple[object, ...]]]] = defaultdict(
            lambda: defaultdict(set)
        )
        for key in list(self.model.index):
            family = _family_of(key)
            if family in self.families:
                by_family[family][_period_of(key)].add(_rest(key))
        for family, periods in by_family.items():
            for whole in list(periods):
                parts = _parts(whole)
                if parts and all(part in periods for part in parts):
                    cells = set().union(*(periods[p] for p in (whole, *parts)))
                    self._link(self.families[family], family, whole, parts, cells)

    def _link(
        self,
        how: str,
        family: tuple[object, ...],
        whole: Period,
        parts: list[Period],
        cells: set[tuple[object, ...]],
    ) -> None:
        """Counts of the whole against its parts: at most their sum; at least the last part's count
        (a latest answer), or each part's (anyone counted in the period)."""
        m = self.model
        for rest in cells:
            mine = m.sum_of([_with_period(family, whole, rest)])
            each = [m.sum_of([_with_period(family, part, rest)]) for part in parts]
            m.at_most(mine, {v: c for e in each for v, c in e.items()})
            for part in each if how == "union" else each[-1:]:
                m.at_most(part, mine)
        if family[0] in ("ans", "asked", "base"):
            for group in {rest[0] for rest in cells}:
                grain = [rest for rest in cells if rest[0] == group]
                mine = m.sum_of(_with_period(family, whole, rest) for rest in grain)
                for part in parts:
                    m.at_most(m.sum_of(_with_period(family, part, rest) for rest in grain), mine)

    def _drop_plain_zeros(self) -> None:
        """A hidden figure that is 0 for anyone is not a secret to keep: one inside a total published
        as 0, or (periods linked) one whose every possible source in the parts is such a figure."""
        zero: set[int] = set()
        growing = True
        while growing:
            before = len(zero)
            for expr, low, high in self.model.constraints:
                if low == high == 0 and min(expr.values(), default=0) >= 0:
                    zero.update(expr)
                elif low == 0 and high == np.inf and all(v in zero for v, c in expr.items() if c > 0):
                    zero.update(v for v, c in expr.items() if c < 0)
            growing = len(zero) > before
        kept = [t for t in self.model.targets if not (t.hidden and all(v in zero for v, _c in t.expr))]
        self.model.findings.plainly_zero = len(self.model.targets) - len(kept)
        self.model.findings.hidden -= self.model.findings.plainly_zero
        self.model.targets = kept

    def solve(self) -> Findings:
        """Bound every target, component by component."""
        started = time.monotonic()
        self.link_periods()
        found = self.model.findings
        found.periods = len(self.periods)
        self._drop_plain_zeros()
        for variables, constraints, targets in _components(self.model):
            found.components += 1
            _solve_component(self.model, variables, constraints, targets)
        found.seconds = time.monotonic() - started
        return found


def _summed(exprs: Iterable[Expr]) -> Expr:
    found: Expr = defaultdict(int)
    for expr in exprs:
        for v, c in expr.items():
            found[v] += c
    return dict(found)


def _family_of(key: tuple[object, ...]) -> tuple[object, ...]:
    return (key[0], key[1]) if key[0] in ("ans", "tick", "asked") else (key[0],)


def _period_of(key: tuple[object, ...]) -> Period:
    found = key[len(_family_of(key))]
    assert isinstance(found, Period)
    return found


def _rest(key: tuple[object, ...]) -> tuple[object, ...]:
    return key[len(_family_of(key)) + 1 :]


def _with_period(family: tuple[object, ...], period: Period, rest: tuple[object, ...]) -> tuple[object, ...]:
    return (*family, period, *rest)


def _parts(whole: Period) -> list[Period]:
    """The periods a period is made of: a quarter's months, a year's quarters."""
    if whole.length is Length.quarter:
        return [Period(whole.year, whole.first_month + i, Length.month) for i in range(3)]
    if whole.length is Length.year:
        return [Period(whole.year, 1 + 3 * i, Length.quarter) for i in range(4)]
    return []


def _components(model: Model) -> list[tuple[list[int], list[int], list[int]]]:
    """Unknowns joined by constraints or targets, with their constraints and targets."""
    parent = list(range(len(model.index)))

    def root(v: int) -> int:
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    def join(variables: Iterable[int]) -> None:
        first = None
        for v in variables:
            r = root(v)
            if first is None:
                first = r
            elif r != first:
                parent[r] = first

    for expr, _low, _high in model.constraints:
        join(expr)
    for target in model.targets:
        join(v for v, _c in target.expr)
    groups: dict[int, tuple[list[int], list[int], list[int]]] = defaultdict(lambda: ([], [], []))
    for v in range(len(model.index)):
        groups[root(v)][0].append(v)
    for i, (expr, _low, _high) in enumerate(model.constraints):
        if expr:
            groups[root(next(iter(expr)))][1].append(i)
    for i, target in enumerate(model.targets):
        if target.expr:
            groups[root(target.expr[0][0])][2].append(i)
    return [g for g in groups.values() if g[2]]


def _solve_component(model: Model, variables: list[int], constraints: list[int], targets: list[int]) -> None:
    """Witness solutions first, then each target still too narrow on its own, exactly."""
    local = {v: i for i, v in enumerate(variables)}
    rows, cols, data, low, high = [], [], [], [], []
    for r, i in enumerate(constraints):
        expr, lo, hi = model.constraints[i]
        for v, c in expr.items():
            if c:
                rows.append(r)
                cols.append(local[v])
                data.append(c)
        low.append(lo)
        high.append(hi)
    size = len(variables)
    matrix = csr_array((data, (rows, cols)), shape=(len(constraints), size))
    limits = LinearConstraint(matrix, np.array(low, dtype=float), np.array(high, dtype=float))
    vectors = {}
    for t in targets:
        vector = np.zeros(size)
        for v, c in model.targets[t].expr:
            vector[local[v]] += c
        vectors[t] = vector
    found = model.findings
    seen: dict[int, list[float]] = {t: [np.inf, -np.inf] for t in targets}

    def run(objective: np.ndarray) -> tuple[bool, float]:
        found.solves += 1
        result = milp(
            objective,
            constraints=limits if len(constraints) else (),
            integrality=np.ones(size),
            bounds=Bounds(0, LOTS),
        )
        if result.status != 0 or result.x is None:
            return False, 0.0
        x = np.round(result.x)
        for t in pending:
            value = float(vectors[t] @ x)
            seen[t][0], seen[t][1] = min(seen[t][0], value), max(seen[t][1], value)
        return True, float(result.fun)

    def enough(t: int) -> bool:
        need = model.rules.cell_threshold - 1 if model.targets[t].hidden else 1
        return seen[t][1] - seen[t][0] >= need

    pending = list(targets)
    rng = np.random.default_rng(12)
    for _round in range(WITNESS_ROUNDS):
        pending = [t for t in pending if not enough(t)]
        if not pending:
            break
        weights = rng.uniform(0.5, 1.5, len(pending)) * rng.choice([-1.0, 1.0], len(pending))
        push = sum(w * vectors[t] for w, t in zip(weights, pending, strict=True))
        run(-push)
        run(push)
    pending = [t for t in pending if not enough(t)]
    for t in list(pending):
        if enough(t):
            continue
        ok_low, least = run(vectors[t])
        ok_high, most = run(-vectors[t])
        if enough(t):
            continue
        target = model.targets[t]
        if not (ok_low and ok_high):
            found.unproven.append(target.where)
            continue
        least, most = round(least), round(-most)
        if target.hidden:
            found.narrow.append((target.where, least, most))
        else:
            found.pinned.append((target.where, least))
    for t in targets:
        if model.targets[t].hidden and seen[t][1] >= seen[t][0]:
            found.smallest_hidden = min(found.smallest_hidden, int(seen[t][1] - seen[t][0]) + 1)
