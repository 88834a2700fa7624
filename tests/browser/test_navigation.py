"""The header on a phone: the menu folds behind "Menu" (without JavaScript too) so each screen's
heading is near the top; "Sign out" is a navigation item with a GOV.UK focus style and a big
enough target; after a full-page error, focus is on the error summary and the title says so."""

from collections.abc import Callable

import pytest

from tests.browser.support import LAPTOP, Page, check_page, expect, sign_in, visit
from tests.factories import World

pytestmark = pytest.mark.browser

HEADING_NEAR_THE_TOP = 200  # CSS px down a 375 x 667 screen (366 before the menu folded)


def focused_matches(page: Page, selector: str) -> bool:
    return bool(page.evaluate("(selector) => document.activeElement.matches(selector)", selector))


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_on_a_phone_the_menu_folds_and_opens_from_the_keyboard(
    new_page: Callable[..., Page], world: World, javascript: bool
) -> None:
    page = new_page(javascript=javascript)
    sign_in(page, "young.one")
    heading = page.get_by_role("heading", level=1)
    box = heading.bounding_box()
    assert box is not None and box["y"] < HEADING_NEAR_THE_TOP, box
    nav = page.get_by_role("navigation", name="Menu")
    expect(nav.get_by_role("link", name="Your check-ins")).to_be_hidden()

    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # service name
    page.keyboard.press("Tab")  # Get help now
    page.keyboard.press("Tab")
    assert focused_matches(page, "summary"), "the fourth Tab stop is the Menu toggle"
    page.keyboard.press("Enter")
    expect(nav.get_by_role("link", name="Your check-ins")).to_be_visible()

    sign_out = nav.get_by_role("button", name="Sign out")
    target = sign_out.bounding_box()
    assert target is not None and target["width"] >= 24 and target["height"] >= 24, target
    sign_out.focus()
    style = sign_out.evaluate(
        "(el) => getComputedStyle(el).backgroundColor + ' ' + getComputedStyle(el).boxShadow"
    )
    assert style.startswith("rgb(255, 221, 0)"), f"no GOV.UK focus style on Sign out: {style}"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    check_page(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("You have signed out")


def test_on_a_laptop_the_links_show_without_a_menu_button(
    new_page: Callable[..., Page], world: World
) -> None:
    page = new_page(javascript=False, viewport=LAPTOP)
    sign_in(page, "pa.one")
    nav = page.get_by_role("navigation", name="Menu")
    expect(nav.get_by_text("Menu", exact=True)).to_be_hidden()
    expect(nav.get_by_role("link", name="Caseload")).to_be_visible()
    page.get_by_role("link", name="Get help now").first.focus()
    page.keyboard.press("Tab")
    expect(nav.get_by_role("link", name="Caseload")).to_be_focused()
    expect(nav.get_by_role("button", name="Sign out")).to_be_visible()


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_after_a_wrong_passphrase_focus_is_on_the_error_summary(
    new_page: Callable[..., Page], world: World, javascript: bool
) -> None:
    page = new_page(javascript=javascript)
    visit(page, "/sign-in")
    expect(page).not_to_have_title("Error: Sign in – Check-in")
    sign_in(page, "young.one", "not the right passphrase")
    expect(page).to_have_title("Error: Sign in – Check-in")
    assert focused_matches(page, ".govuk-error-summary")
