"""Disclosure control by example: the cases from the product rules and the issue."""

import pytest

from app.insights.disclosure import (
    Rules,
    publish_count,
    publish_mean,
    publish_mean_from_sum,
    publish_percentage,
    round_count,
    rule_notes,
    symbol_notes,
)
from app.insights.publish import merge_small_groups, publish_table
from app.insights.suppression import suppression_pattern
from app.settings import Settings
from tests.insights.intruder import ranges

RULES = Rules()
ANSWERS = ("Very", "Quite", "Not at all")
PLACES = ("North", "South", "East")


def test_a_row_like_15_4_20_hides_two_cells_not_one():
    table = publish_table([[15, 4, 20], [30, 25, 40], [20, 30, 35]], PLACES, ANSWERS, RULES)
    assert table.cells[0] == ("c", "c", "20")
    assert table.row_totals[0] == "40"


def test_the_pattern_covers_the_totals_so_it_can_be_checked_directly():
    assert suppression_pattern([[15, 4, 20]], RULES) == [
        [True, True, False, False],
        [True, True, False, False],
    ]


def test_a_locality_of_3_young_people_shows_only_c():
    table = publish_table([[1, 2, 0], [20, 15, 30], [25, 10, 40]], PLACES, ANSWERS, RULES)
    assert table.cells[0] == ("c", "c", "c")
    assert table.row_totals[0] == "c"


def test_hiding_one_locality_hides_the_next_smallest_too():
    table = publish_table([[1, 2, 0], [20, 15, 30], [25, 10, 40]], PLACES, ANSWERS, RULES)
    assert table.row_totals == ("c", "c", "75")
    assert table.grand_total == "145"


def test_a_group_where_everyone_answered_unsafe_is_hidden():
    table = publish_table(
        [[0, 12], [30, 15], [25, 20]], PLACES, ("Safe", "Unsafe"), RULES, sensitive_columns={1}
    )
    assert table.cells[0] == ("c", "c")
    assert table.row_totals[0] == "10"


def test_a_group_where_everyone_answered_safe_is_shown():
    table = publish_table(
        [[12, 0], [30, 15], [25, 20]], PLACES, ("Safe", "Unsafe"), RULES, sensitive_columns={1}
    )
    assert table.cells[0] == ("10", "0")


def test_a_true_zero_shows_0():
    table = publish_table([[0, 20], [0, 30]], PLACES[:2], ("Yes", "No"), RULES)
    assert [row[0] for row in table.cells] == ["0", "0"]
    assert table.column_totals[0] == "0"


def test_a_group_of_no_one_shows_0_not_c():
    table = publish_table([[0, 0], [12, 30], [15, 25]], PLACES, ("Yes", "No"), RULES)
    assert (table.cells[0], table.row_totals[0]) == (("0", "0"), "0")


@pytest.mark.parametrize(("true", "shown"), [(10, 10), (12, 10), (13, 15), (15, 15), (17, 15), (18, 20)])
def test_counts_round_to_the_nearest_5_halves_up(true, shown):
    assert round_count(true, RULES) == shown
    assert publish_count(true, RULES) == str(shown)


def test_totals_are_rounded_from_true_counts_not_added_up_from_rounded_ones():
    table = publish_table([[12, 12, 12], [20, 20, 20]], PLACES[:2], ANSWERS, RULES)
    assert table.cells[0] == ("10", "10", "10")
    assert table.row_totals[0] == "35"


def test_a_count_that_rounds_to_zero_but_is_not_zero_shows_k():
    lenient = Rules(group_threshold=1, cell_threshold=1)
    assert [publish_count(v, lenient) for v in (0, 2, 3)] == ["0", "k", "5"]
    assert publish_count(2, lenient, hidden=True) == "c"


def test_percentages_are_whole_numbers_from_the_published_counts():
    assert publish_percentage("15", "40") == "38"
    table = publish_table([[12, 28], [20, 20]], PLACES[:2], ("Yes", "No"), RULES, percentages=True)
    assert table.cells[0] == ("10", "30") and table.row_totals[0] == "40"
    assert table.percentages[0] == ("25", "75")
    assert table.total_percentages == ("38", "63")


def test_a_percentage_is_c_when_its_count_or_total_is_hidden_and_z_when_no_one_is_counted():
    assert publish_percentage("c", "40") == "c"
    assert publish_percentage("10", "c") == "c"
    assert publish_percentage("0", "0") == "z"
    assert publish_percentage("0", "20") == "0"
    table = publish_table([[4, 36], [20, 20]], PLACES[:2], ("Yes", "No"), RULES, percentages=True)
    assert table.percentages[0] == ("c", "c")


def _published_as(counts: list[int]) -> tuple:
    table = publish_table([counts], PLACES[:1], ANSWERS, RULES, percentages=True)
    return table.cells, table.row_totals, table.percentages


def test_the_10_50_15_of_75_table_no_longer_gives_its_true_counts_away():
    """Percentages of true counts (16%, 64%, 21% of 77) beside counts rounded to 10, 50, 15 of 75 fit
    only 12, 49 and 16. Worked out from the published figures instead, they add nothing: every true
    table that rounds to the same counts publishes the same percentages, so every count keeps all
    the values its rounding allows."""
    cells, totals, shares = _published_as([12, 49, 16])
    assert cells == (("10", "50", "15"),) and totals == ("75",)
    assert shares == (("13", "67", "20"),)
    assert all(
        share == str(round(100 * int(cell) / int(totals[0])))
        for cell, share in zip(cells[0], shares[0], strict=True)
    )
    alike = [
        (a, b, c)
        for a in range(8, 15)
        for b in range(45, 55)
        for c in range(12, 20)
        if _published_as([a, b, c]) == (cells, totals, shares)
    ]
    assert {a for a, _b, _c in alike} == {10, 11, 12}
    assert {b for _a, b, _c in alike} == set(range(48, 53))
    assert {c for _a, _b, c in alike} == set(range(13, 18))


def test_a_mean_is_c_for_fewer_than_10_people_and_has_one_decimal_place():
    assert publish_mean([7] * 9, RULES) == "c"
    assert publish_mean([6, 7] * 5, RULES) == "6.5"
    assert publish_mean([6.4] * 10, RULES) == "6.4"
    assert publish_mean_from_sum(64.5, 10, RULES) == "6.5"
    assert publish_mean_from_sum(0, 0, RULES) == "z"


def test_a_hidden_count_the_totals_would_give_away_is_hidden_behind_one_more_cell():
    """Were the 15 shown, the 1 would be (grand total - 39) - (North's total - 15) = 22 - 21, because
    "Very" holds only North's 12: the rules line by line allow that, the check for bridges does not."""
    counts = [[12, 15, 9], [0, 12, 1], [0, 12, 0]]
    table = publish_table(counts, PLACES, ANSWERS, Rules(rounding=1))
    assert table.cells[0] == ("c", "c", "c")
    least, most = ranges(table, Rules(rounding=1), negative=True)[(1, 2)]
    assert most > least


def test_small_localities_merge_into_other():
    groups = {"North": [1, 2], "South": [20, 30], "East": [3, 4], "West": [40, 12]}
    assert merge_small_groups(groups, RULES) == {"South": [20, 30], "West": [40, 12], "Other": [4, 6]}


def test_other_takes_the_next_smallest_locality_until_it_is_big_enough():
    groups = {"North": [1, 2], "South": [20, 30], "East": [0, 0], "West": [40, 12]}
    assert merge_small_groups(groups, RULES) == {"East": [0, 0], "West": [40, 12], "Other": [21, 32]}


def test_no_small_locality_means_nothing_merges():
    groups = {"North": [10, 2], "South": [20, 30]}
    assert merge_small_groups(groups, RULES) == groups


def test_the_rules_come_from_the_settings():
    settings = Settings(disclosure_group_threshold=20, disclosure_cell_threshold=15, disclosure_rounding=10)
    assert Rules.from_settings(settings) == Rules(20, 15, 10, 20)
    assert Rules.from_settings(Settings()) == RULES


def test_every_symbol_and_rule_is_explained():
    assert set(symbol_notes()) == {"c", "z", "x", "k"}
    assert all(symbol_notes().values())
    assert any("10" in note for note in rule_notes(RULES))


@pytest.mark.parametrize(
    "counts",
    [[], [[]], [[1, 2], [3]], [[-1, 2]], [[1.5, 2]], [[True, 2]]],
)
def test_anything_but_a_table_of_counts_is_refused(counts):
    with pytest.raises(ValueError):
        suppression_pattern(counts, RULES)


def test_labels_and_sensitive_answers_must_match_the_table():
    with pytest.raises(ValueError):
        publish_table([[1, 2]], PLACES, ("Yes", "No"), RULES)
    with pytest.raises(ValueError):
        publish_table([[1, 2]], PLACES[:1], ("Yes", "No"), RULES, sensitive_columns={2})


def test_rules_need_whole_numbers_of_at_least_1():
    with pytest.raises(ValueError):
        Rules(rounding=0)
