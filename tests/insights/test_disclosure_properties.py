"""Properties of disclosure control on random tables, checked against an intruder who does the sums.

Tables have 1 to 6 groups (rows) and 1 to 6 answers (columns), mostly small counts and zeros, some
answers marked sensitive. The intruder (tests/insights/intruder.py) finds the exact least and most
value every c could take given the published figures and the public rules; it is exact (network
flow), so "the range is wider than one value" is proved for each table tried, not estimated.

What is proved, for every table tried: no c can be pinned to one value; none follows from the totals
by adding and subtracting even unrounded; no group can be shown to have answered only sensitive
answers. Not proved: that every c is uncertain by 5 or more (a tiny table can narrow a c to, say,
0 to 2), anything about percentages, or anything about several tables of the same people together.
The one kind of c the intruder can pin is one in a line whose published total is 0: it is 0, as the
total already says.
"""

from collections.abc import Iterator
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from app.insights.disclosure import Rules, publish_mean, round_half_up
from app.insights.publish import PublishedTable, merge_small_groups, publish_table
from app.insights.suppression import with_totals
from tests.insights.intruder import View, ranges

RULES = Rules()
count = st.one_of(st.just(0), st.integers(1, 12), st.integers(0, 60))
threshold = st.integers(1, 20)
any_rules = st.builds(Rules, group_threshold=threshold, cell_threshold=threshold, rounding=st.integers(3, 10))


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[list[int]], frozenset[int]]:
    """True counts, and the answers (never all of them) marked sensitive."""
    height, width = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    counts = draw(st.lists(st.lists(count, min_size=width, max_size=width), min_size=height, max_size=height))
    sensitive = draw(st.frozensets(st.integers(0, width - 1), max_size=width - 1))
    return counts, sensitive


def published(counts: list[list[int]], sensitive: frozenset[int], rules: Rules = RULES) -> PublishedTable:
    """The table as published, with placeholder labels."""
    labels = [f"group {i}" for i in range(len(counts))], [f"answer {j}" for j in range(len(counts[0]))]
    return publish_table(counts, *labels, rules, sensitive_columns=sensitive, percentages=True)


def lines(grid: list[list[str]]) -> Iterator[list[str]]:
    """Every row and column of a grid with totals, each ending with its total."""
    yield from grid
    yield from (list(column) for column in zip(*grid, strict=True))


def settled_by_a_zero_total(view: View, i: int, j: int) -> bool:
    """Whether a line through the entry has a published total of 0, so the entry is 0 for all to see."""
    return view.grid[i][-1] == "0" or view.grid[-1][j] == "0"


@settings(max_examples=200, deadline=None)
@given(tables())
def test_no_published_figure_is_a_count_from_1_to_9(table):
    counts, sensitive = table
    view, truth = View.of(published(counts, sensitive)), with_totals(counts)
    for shown_row, true_row in zip(view.grid, truth, strict=True):
        for shown, true in zip(shown_row, true_row, strict=True):
            assert shown == "c" or (shown == "0") == (true == 0)
            assert shown in ("c", "0") or (int(shown) % 5 == 0 and int(shown) >= 10)
            assert shown in ("c", "0") or abs(int(shown) - true) <= 2
            assert not 0 < true < 10 or shown == "c"


@settings(max_examples=200, deadline=None)
@given(tables())
def test_no_line_with_a_published_total_has_one_c_or_hides_fewer_than_10_people(table):
    counts, sensitive = table
    view = View.of(published(counts, sensitive))
    truth = with_totals(counts)
    for shown, true in zip(lines(view.grid), lines(truth), strict=True):
        if shown[-1] in ("c", "0"):
            continue
        hidden = [value for figure, value in zip(shown[:-1], true[:-1], strict=True) if figure == "c"]
        assert len(hidden) != 1
        assert not hidden or sum(hidden) >= RULES.cell_threshold


@settings(max_examples=300, deadline=None)
@given(tables())
def test_no_hidden_figure_can_be_worked_out_even_to_within_one(table):
    """Every c could be at least two different counts, given every published figure and the rules."""
    counts, sensitive = table
    table_ = published(counts, sensitive)
    view, truth = View.of(table_), with_totals(counts)
    for (i, j), (least, most) in ranges(table_, RULES).items():
        assert least <= truth[i][j] <= most
        assert most > least or settled_by_a_zero_total(view, i, j)


@settings(max_examples=100, deadline=None)
@given(tables(), any_rules)
def test_no_hidden_figure_can_be_pinned_under_other_configured_rules(table, rules):
    """The same holds for any thresholds up to 20 and rounding to the nearest 3 to 10."""
    counts, sensitive = table
    table_ = published(counts, sensitive, rules)
    view, truth = View.of(table_), with_totals(counts)
    for (i, j), (least, most) in ranges(table_, rules).items():
        assert least <= truth[i][j] <= most
        assert most > least or settled_by_a_zero_total(view, i, j)


@settings(max_examples=150, deadline=None)
@given(tables())
def test_no_hidden_figure_follows_from_the_totals_even_without_rounding(table):
    """Even knowing every published figure unrounded, no c follows from the totals by adding and subtracting."""
    counts, sensitive = table
    unrounded = Rules(rounding=1)
    table_ = published(counts, sensitive, unrounded)
    view = View.of(table_)
    for (i, j), (least, most) in ranges(table_, unrounded, negative=True).items():
        assert most > least or settled_by_a_zero_total(view, i, j)


@settings(max_examples=200, deadline=None)
@given(tables())
def test_no_one_can_tell_that_a_whole_group_gave_sensitive_answers(table):
    """Where a group (or the council) all gave sensitive answers, someone could have given another."""
    counts, sensitive = table
    table_ = published(counts, sensitive)
    possible = ranges(table_, RULES)
    for i, row in enumerate(with_totals(counts)):
        if row[-1] and all(j in sensitive for j, value in enumerate(row[:-1]) if value):
            others = [j for j in range(len(row) - 1) if j not in sensitive]
            assert any(possible[(i, j)][1] >= 1 for j in others)


@settings(max_examples=150, deadline=None)
@given(tables())
def test_percentages_are_worked_out_from_the_published_figures_alone(table):
    counts, sensitive = table
    table_ = published(counts, sensitive)
    rows = [*zip(table_.cells, table_.row_totals, strict=True), (table_.column_totals, table_.grand_total)]
    shares = [*table_.percentages, table_.total_percentages]
    for (cells, total), row_shares in zip(rows, shares, strict=True):
        for cell, share in zip(cells, row_shares, strict=True):
            if total == "0":
                assert share == "z"
            elif "c" in (cell, total):
                assert share == "c"
            else:
                assert share == str(round_half_up(Fraction(100 * int(cell), int(total))))


@settings(max_examples=100, deadline=None)
@given(tables())
def test_the_same_table_always_publishes_the_same(table):
    counts, sensitive = table
    assert published(counts, sensitive) == published([list(row) for row in counts], frozenset(sensitive))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(count, min_size=3, max_size=3), min_size=1, max_size=8))
def test_merging_leaves_no_small_group_but_other_and_keeps_every_person(rows):
    groups = {f"group {i}": row for i, row in enumerate(rows)}
    merged = merge_small_groups(groups, RULES)
    assert [sum(column) for column in zip(*merged.values(), strict=True)] == [
        sum(column) for column in zip(*rows, strict=True)
    ]
    for label, row in merged.items():
        assert label == "Other" or row == groups[label]
        everyone_else_merged = all(sum(merged[other]) == 0 for other in merged if other != "Other")
        assert not 0 < sum(row) < RULES.group_threshold or everyone_else_merged


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 10), max_size=30))
def test_a_mean_is_shown_only_for_10_or_more_people_to_one_decimal_place(values):
    shown = publish_mean(values, RULES)
    if len(values) < 10:
        assert shown in ("c", "z")
    else:
        assert shown == f"{round_half_up(Fraction(10 * sum(values), len(values))) / 10:.1f}"
