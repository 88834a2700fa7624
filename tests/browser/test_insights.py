"""The analyst, on a phone, with the demo data loaded as `checkin demo-data` loads it: picks tables
and periods, reads the charts, downloads CSV and Excel through the page's links and opens them;
an admin then finds both downloads in the log. Nothing in the files names anyone."""

import csv
import io
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine
from sqlmodel import Session, select

from app.auth.passwords import hash_passphrase
from app.checkins.models import CheckIn, SafetyAlert, TopicResponse
from app.db import utcnow
from app.demo.council import DEMO_COUNCIL, DEMO_PASSPHRASE, load_demo
from app.insights.periods import Length, containing, default_period
from app.people.models import Organisation, User, YoungPerson
from app.settings import Settings
from tests.browser.support import Page, expect, follow, go, press, sign_in, visit

pytestmark = pytest.mark.browser

CSV_HEADER = ["Section", "Row", "Column", "Figure", "Percentage of row total"]
COVERAGE = "Check-in coverage"
MEANS = "ONS wellbeing: averages"
SATISFIED = "Answers: Overall, how satisfied are you with your life nowadays?"


@lru_cache
def demo_hash() -> str:
    return hash_passphrase(DEMO_PASSPHRASE)


@pytest.fixture
def demo(engine: Engine, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The demo council and its synthetic cohort, as `checkin demo-data` loads them (the demo
    passphrase hashed once); every name, username, date of birth and free text it holds that a
    download must never show."""
    monkeypatch.setattr("app.demo.council.hash_passphrase", lambda _passphrase: demo_hash())
    added, cohort = load_demo(engine, settings=settings)
    assert added and cohort.loaded
    with Session(engine) as db:
        council = db.exec(select(Organisation.id).where(Organisation.name == DEMO_COUNCIL)).one()
        people = db.exec(select(YoungPerson).where(YoungPerson.organisation_id == council)).all()
        staff = db.exec(select(User).where(User.organisation_id == council)).all()
        check_ins = db.exec(select(CheckIn)).all()
        words = [c.going_well for c in check_ins] + [c.talk_about_words for c in check_ins]
        words += (
            db.exec(select(TopicResponse.comment)).all() + db.exec(select(SafetyAlert.action_taken)).all()
        )
    personal = [f"{p.first_name} {p.last_name}" for p in people]
    personal += [p.date_of_birth.isoformat() for p in people]
    personal += [u.username for u in staff] + [u.display_name for u in staff]
    return sorted({*personal, *(w for w in words if w)})


def figures_of(page: Page, row: str) -> list[str]:
    """The figures in the first table's row with this heading."""
    line = page.locator("table").first.get_by_role("row", name=re.compile(f"^{re.escape(row)}\\b"))
    return [text.strip() for text in line.get_by_role("cell").all_inner_texts()]


def see_table_and_chart(page: Page, title: str, chart: str) -> None:
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    expect(page.get_by_role("img", name=re.compile(f"^{re.escape(chart)}"))).to_be_visible()
    totals = figures_of(page, "All localities")
    assert any(figure[0].isdigit() and float(figure) > 0 for figure in totals), totals


def download(page: Page, name: str, folder: Path) -> Path:
    """Click one of the page's download links; the file as the browser saved it."""
    with page.expect_download() as started:
        page.get_by_role("link", name=name, exact=True).click()
    saved = folder / started.value.suggested_filename
    started.value.save_as(saved)
    return saved


def assert_nothing_personal(text: str, personal: list[str]) -> None:
    found = [word for word in personal if word in text]
    assert not found, found[:5]


def read_csv(path: Path, personal: list[str]) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")
    assert_nothing_personal(text, personal)
    return list(csv.reader(io.StringIO(text)))


def read_xlsx(path: Path, personal: list[str]) -> dict[str, list[list[object]]]:
    book = load_workbook(path)
    sheets = {
        sheet.title: [[c for c in line if c is not None] for line in sheet.iter_rows(values_only=True)]
        for sheet in book.worksheets
    }
    assert_nothing_personal(repr(sheets), personal)
    return sheets


def test_demo_analyst_reads_tables_and_charts_and_downloads_csv_and_excel(
    demo: list[str], new_page: Callable[..., Page], tmp_path: Path
) -> None:
    now = utcnow()
    quarter, last_year = default_period(now), containing(now, Length.year).shifted(-1)
    page = new_page()
    sign_in(page, "demo.analyst", DEMO_PASSPHRASE)
    expect(page.get_by_role("heading", name="Insights", level=1)).to_be_visible()
    expect(page.locator("#chosen-period")).to_have_text(f"Showing tables for {quarter.label()}.")

    follow(page, COVERAGE)
    see_table_and_chart(page, COVERAGE, "All localities: young people who checked in")
    expect(page.get_by_text(quarter.label(), exact=True)).to_be_visible()
    assert "c" in figures_of(page, "Little Fenton")
    rows = read_csv(download(page, "Download as CSV", tmp_path), demo)
    assert rows[0] == CSV_HEADER
    checked_in = next(r for r in rows[1:] if r[1:3] == ["All localities", "Checked in"])
    assert int(checked_in[3]) == int(figures_of(page, "All localities")[0])
    assert ["Notes"] in rows

    go(page, page.get_by_role("link", name=re.compile("^Previous period: ")))
    see_table_and_chart(page, COVERAGE, "All localities: young people who checked in")
    expect(page.get_by_text(quarter.shifted(-1).label(), exact=True)).to_be_visible()
    page.get_by_label("Period").fill(str(last_year.year))
    press(page, "Show this period")
    see_table_and_chart(page, COVERAGE, "All localities: young people who checked in")

    follow(page, "All tables")
    expect(page.locator("#chosen-period")).to_have_text(f"Showing tables for {last_year.year}.")
    follow(page, MEANS)
    expect(page.get_by_role("heading", name=MEANS, level=1)).to_be_visible()
    expect(
        page.get_by_role("img", name=re.compile("^All localities: average score out of 10"))
    ).to_be_visible()
    council_average = figures_of(page, "All localities")
    sheets = read_xlsx(download(page, "Download as Excel (.xlsx)", tmp_path), demo)
    assert list(sheets) == ["Table", "Notes"]
    assert sheets["Table"][0] == [MEANS]
    in_sheet = [line[1] for line in sheets["Table"] if line[:1] == ["All localities"]]
    assert [str(figure) for figure in in_sheet[: len(council_average)]] == council_average
    notes = " ".join(str(cell) for line in sheets["Notes"] for cell in line)
    for words in ("c: confidential", "nearest 5", str(last_year.year)):
        assert words in notes

    follow(page, "All tables")
    follow(page, SATISFIED)
    see_table_and_chart(page, SATISFIED, "All localities: young people by answer")
    page.get_by_role("main").locator("details summary").first.click()
    expect(page.get_by_role("table", name=re.compile("percentage of each row's total")).first).to_be_visible()
    follow(page, "All tables")
    this_year = page.locator("#recent-periods").get_by_role(
        "link", name=f"{now.year} (provisional)", exact=True
    )
    go(page, this_year)
    follow(page, "Accommodation (DfE ACCOM), self-reported")
    expect(page.locator("#provisional")).to_be_visible()
    see_table_and_chart(page, "Accommodation (DfE ACCOM), self-reported", "All localities")

    admin = new_page()
    sign_in(admin, "demo.admin", DEMO_PASSPHRASE)
    visit(admin, "/admin/exports")
    logged = admin.locator("#export-log tbody tr")
    expect(logged).to_have_count(2)
    expect(logged.nth(0)).to_contain_text("xlsx")
    expect(logged.nth(1)).to_contain_text("csv")
