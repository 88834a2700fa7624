"""Help is one tap away without signing in, from the top of every page."""

import pytest

from tests.browser.support import Page, expect, go, visit

pytestmark = pytest.mark.browser

SIGNED_OUT_PAGES = ["/", "/sign-in", "/start", "/signed-out", "/help", "/no-such-page"]


def expect_help_numbers(page: Page) -> None:
    expect(page.get_by_role("heading", name="Get help now", level=1)).to_be_visible()
    expect(page.get_by_text("If you are in danger now, call 999.")).to_be_visible()
    expect(page.get_by_role("link", name="Call 999")).to_have_attribute("href", "tel:999")
    expect(page.get_by_role("link", name="Call 116 123")).to_have_attribute("href", "tel:116123")
    expect(page.get_by_role("link", name="Text SHOUT to 85258")).to_have_attribute("href", "sms:85258")


def test_help_is_reachable_from_every_signed_out_page(page: Page) -> None:
    for path in SIGNED_OUT_PAGES:
        visit(page, path)
        in_footer = page.get_by_role("contentinfo").get_by_role("link", name="Get help now")
        expect(in_footer).to_have_attribute("href", "/help")
        go(page, page.get_by_role("banner").get_by_role("link", name="Get help now"))
        expect_help_numbers(page)
