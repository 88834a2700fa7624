"""Pure pieces of the approved tables: fixed periods, tick-any splits, shared totals, bar charts."""

from datetime import UTC, datetime

from bs4 import BeautifulSoup

from app.insights.charts import ChartSeries, bar_chart
from app.insights.disclosure import Rules
from app.insights.periods import Length, Period, default_period, parse_period
from app.insights.publish import publish_table
from app.insights.sections import Row, Section, publish_flags, share_total_row


def test_periods_are_months_quarters_or_years_written_as_in_addresses():
    assert parse_period("2026-11") == Period(2026, 11, Length.month)
    assert parse_period(" 2026-q3 ") == Period(2026, 7, Length.quarter)
    assert parse_period("2026") == Period(2026, 1, Length.year)
    for text in ("2026-13", "2026-Q5", "26", "2026-1", "1999", "2026-11-01", ""):
        assert parse_period(text) is None, text
    quarter = Period(2026, 10, Length.quarter)
    assert (quarter.key, quarter.start, quarter.end) == (
        "2026-Q4",
        datetime(2026, 10, 1, tzinfo=UTC),
        datetime(2027, 1, 1, tzinfo=UTC),
    )
    assert quarter.label() == "October to December 2026"
    assert Period(2026, 1, Length.month).shifted(-1).key == "2025-12"
    assert default_period(datetime(2026, 11, 22, tzinfo=UTC)).key == "2026-Q3"
    assert not quarter.is_closed(datetime(2026, 12, 31, 23, 59, tzinfo=UTC))


def test_each_tick_is_published_as_its_own_yes_no_split_of_the_people_who_answered():
    ticked, totals = [[15, 12], [30, 12], [25, 20]], [30, 40, 45]
    table = publish_flags(ticked, totals, (["N", "S", "E"], ["Money", "Travel"]), Rules(), sensitive=False)
    assert table.cells == (("15", "10"), ("30", "10"), ("25", "20"))
    assert (table.row_totals, table.column_totals, table.grand_total) == (
        ("30", "40", "45"),
        ("70", "45"),
        "115",
    )
    ticked, totals = [[15, 4], [30, 12], [25, 20], [3, 0]], [20, 40, 45, 9]
    table = publish_flags(
        ticked, totals, (["N", "S", "E", "W"], ["Money", "Travel"]), Rules(), sensitive=False
    )
    splits = [
        publish_table(
            [[row[j], n - row[j]] for row, n in zip(ticked, totals, strict=True)], "NSEW", "xy", Rules()
        )
        for j in range(2)
    ]
    for i in range(4):
        assert table.cells[i] == tuple(split.cells[i][0] for split in splits)
        hidden = any(split.row_totals[i] == "c" for split in splits)
        assert (table.row_totals[i] == "c") == hidden
        assert hidden or table.row_totals[i] == splits[0].row_totals[i]


def test_a_total_row_figure_hidden_in_one_breakdown_is_hidden_in_the_other():
    def section(cells: tuple[str, ...], total: str) -> Section:
        return Section("", "", ("Yes", "No"), (), Row("All", cells, total, cells), "All")

    shared = share_total_row([section(("c", "40"), "55"), section(("15", "40"), "c")])
    assert [(s.total_row.cells, s.total_row.total) for s in shared] == [(("c", "40"), "c")] * 2


def test_a_bar_chart_names_itself_and_draws_hidden_figures_as_gaps_marked_c():
    svg = BeautifulSoup(
        bar_chart(ChartSeries("People", (("Yes", "15"), ("No", "c"))), chart_id="x"), "html.parser"
    ).svg
    assert svg["role"] == "img" and svg["aria-labelledby"] == "x-title x-desc"
    assert svg.title.get_text() == "People"
    assert [t.get_text() for t in svg.select("g > text")] == ["Yes", "15", "No", "c"]


def test_a_chart_of_figures_that_are_all_hidden_says_so_in_words():
    svg = BeautifulSoup(
        bar_chart(ChartSeries("People", (("Yes", "c"), ("No", "c"))), chart_id="x"), "html.parser"
    ).svg
    assert "Every figure is hidden (c)" in svg.desc.get_text()
    assert svg.find_all("text")[-1].get_text() == "Every figure is hidden (c), so there are no bars."
    assert not svg.select("rect[fill='#1d5c63']")
