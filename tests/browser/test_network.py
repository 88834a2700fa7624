"""The network analyst opens a network table; a council analyst sees their council beside the network."""

import pytest
from sqlmodel import Session

from tests.browser.support import Page, expect, follow, press, sign_in, sign_out
from tests.factories import World
from tests.insights.test_network_tables import two_council_cohort

pytestmark = pytest.mark.browser

COVERAGE = "Check-in coverage"


def row_headings(page: Page) -> list[str]:
    """The row headings of the first table on the page."""
    return [text.strip() for text in page.locator("table").first.locator("tbody th").all_inner_texts()]


def choose_period(page: Page, period: str) -> None:
    page.get_by_label("Period").fill(period)
    press(page, "Show this period")


def test_network_analyst_sees_councils_beside_the_network_and_a_council_analyst_only_their_own(
    world: World, db: Session, page: Page
) -> None:
    two_council_cohort(db, world)
    sign_in(page, "network.one")
    expect(page.get_by_role("heading", name="Network tables", level=1)).to_be_visible()
    choose_period(page, "2025-Q1")
    follow(page, COVERAGE)
    expect(page.get_by_role("heading", name=COVERAGE, level=1)).to_be_visible()
    expect(page.get_by_text("Each council beside the network of councils")).to_be_visible()
    assert row_headings(page) == ["Other Council", "Test Council", "Network: 2 councils"]
    expect(page.get_by_role("rowheader", name="Range across councils")).to_be_attached()

    sign_out(page)
    sign_in(page, "analyst.one")
    choose_period(page, "2025-Q1")
    follow(page, COVERAGE)
    follow(page, "Your council beside the network of councils")
    expect(page.get_by_text("Your council beside the network of councils")).to_be_visible()
    assert row_headings(page) == ["Test Council", "Network: 2 councils"]
    expect(page.get_by_text("Other Council")).to_have_count(0)
    expect(page.get_by_text("Range across councils")).to_have_count(0)
