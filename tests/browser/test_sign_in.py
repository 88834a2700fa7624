"""Signing in: a clear message when it goes wrong, and no JavaScript needed."""

from collections.abc import Callable

import pytest

from tests.browser.support import Page, expect, press, sign_in, visit
from tests.factories import World

pytestmark = pytest.mark.browser

WRONG_MESSAGE = "The username or passphrase is not right. Check them and try again."


def test_wrong_passphrase_shows_a_clear_message(world: World, page: Page) -> None:
    visit(page, "/sign-in")
    page.get_by_label("Username").fill("pa.one")
    page.get_by_label("Passphrase").fill("not the passphrase")
    press(page, "Sign in")

    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    to_the_field = summary.get_by_role("link", name=WRONG_MESSAGE)
    to_the_field.focus()
    expect(to_the_field).to_be_focused()
    to_the_field.press("Enter")
    expect(page.get_by_label("Username")).to_be_focused()
    expect(page.get_by_label("Username")).to_have_value("pa.one")
    expect(page.get_by_label("Passphrase")).to_have_value("")


def test_pa_signs_in_and_sees_caseload_with_javascript_off(
    world: World, new_page: Callable[..., Page]
) -> None:
    page = new_page(javascript=False)
    sign_in(page, "pa.one")
    expect(page.get_by_role("heading", name="Your caseload")).to_be_visible()
    expect(page.get_by_role("link", name="Alex Tester", exact=True)).to_be_visible()
