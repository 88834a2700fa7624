"""An admin opens an account for a new PA, who then signs in with the first passphrase."""

import pytest

from tests.browser.support import Page, expect, follow, go, menu, press, sign_in, sign_out, visit
from tests.factories import World

pytestmark = pytest.mark.browser

FIRST_PASSPHRASE = "lantern copper meadow"


def admin_adds_pa(page: Page) -> None:
    sign_in(page, "admin.one")
    go(page, menu(page).get_by_role("link", name="Add staff"))
    page.get_by_label("Full name").fill("Sam Jones")
    page.get_by_label("Username").fill("sam.jones")
    page.get_by_label("Personal Adviser (PA)").check()
    page.get_by_label("Leaving Care").check()
    page.get_by_label("First passphrase").fill(FIRST_PASSPHRASE)
    press(page, "Add account")


def test_admin_adds_a_pa_who_can_then_sign_in(world: World, page: Page) -> None:
    admin_adds_pa(page)
    expect(page.get_by_role("heading", name="Sam Jones", level=1)).to_be_visible()
    expect(page.get_by_text("Account added.")).to_be_visible()

    visit(page, "/admin")
    page.get_by_role("link", name="Network tables").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("region", name="Staff accounts")).to_be_focused()

    sign_out(page)
    sign_in(page, "sam.jones", FIRST_PASSPHRASE)
    expect(page.get_by_role("heading", name="Your caseload")).to_be_visible()


def test_admin_sets_a_staff_members_email_and_a_mistake_keeps_what_was_typed(
    world: World, page: Page
) -> None:
    sign_in(page, "admin.one")
    visit(page, f"/admin/staff/{world.pa.id}")
    expect(page.locator("#email-row")).to_contain_text("None: they get no emails")
    follow(page, "Change email address")
    expect(page.get_by_role("heading", name="Email address for Pa One", level=1)).to_be_visible()
    page.get_by_label("Email address").fill("pa.one@council")
    press(page, "Save email address")
    expect(page.get_by_role("link", name="Enter an email address in the correct format")).to_be_visible()
    expect(page.get_by_label("Email address")).to_have_value("pa.one@council")
    page.get_by_label("Email address").fill("pa.one@council.example")
    press(page, "Save email address")
    expect(page.get_by_text("Email address saved.")).to_be_visible()
    expect(page.locator("#email-row")).to_contain_text("pa.one@council.example")
