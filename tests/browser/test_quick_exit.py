"""Quick exit: on every page a young person sees, "Exit this page" (or Shift three times) leaves at
once for a neutral site, takes the check-in out of the history and signs out; typing capitals
does not set it off; without JavaScript it is a plain link; staff pages do not have it."""

from collections.abc import Callable

import pytest
from playwright.sync_api import Route

from tests.browser.check_in_steps import start_check_in
from tests.browser.support import LAPTOP, Page, check_page, expect, sign_in, visit
from tests.factories import World

pytestmark = pytest.mark.browser

NEUTRAL = "https://www.bbc.co.uk/weather"
NEUTRAL_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><title>Weather</title></head>'
    "<body><main><h1>Weather</h1></main></body></html>"
)
COMMENT = "Anything else about this you want to say? (optional)"


def neutral_site(page: Page) -> None:
    """Stand in for the neutral site (this machine has no internet)."""

    def fulfil(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)

    page.route(f"{NEUTRAL}**", fulfil)


def exit_button(page: Page):
    return page.get_by_role("button", name="Emergency Exit this page")


def expect_left_and_signed_out(page: Page, history_length: int) -> None:
    expect(page).to_have_url(NEUTRAL)
    check_page(page)
    assert page.evaluate("history.length") == history_length, "the page left is still in the history"
    visit(page, "/check-ins")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")


def test_the_button_leaves_replaces_the_page_in_history_and_signs_out(page: Page, world: World) -> None:
    neutral_site(page)
    start_check_in(page, "quick")
    history_length = page.evaluate("history.length")
    with page.expect_navigation(url=NEUTRAL):
        exit_button(page).click()
    expect_left_and_signed_out(page, history_length)


def test_shift_three_times_leaves_but_typing_capitals_does_not(page: Page, world: World) -> None:
    neutral_site(page)
    start_check_in(page, "quick")
    came_from, history_length = page.url, page.evaluate("history.length")
    page.get_by_label(COMMENT).press_sequentially("Hi Mum And Dad")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(page.get_by_role("status").filter(has_text="press 1 more time")).to_be_attached()
    assert page.url == came_from, "two presses of Shift after typing capitals left the page"
    with page.expect_navigation(url=NEUTRAL):
        page.keyboard.press("Shift")
    expect_left_and_signed_out(page, history_length)


def test_without_javascript_it_is_a_link_and_staff_pages_have_none(
    new_page: Callable[..., Page], world: World
) -> None:
    page = new_page(javascript=False)
    visit(page, "/sign-in")
    expect(exit_button(page)).to_have_attribute("href", NEUTRAL)
    sign_in(page, "young.one")
    expect(exit_button(page)).to_have_attribute("href", NEUTRAL)

    staff = new_page(viewport=LAPTOP)
    sign_in(staff, "pa.one")
    expect(exit_button(staff)).to_have_count(0)
