"""A PA adds a young person and hands over a code; the young person redeems it and signs in."""

from collections.abc import Callable
from datetime import date

import pytest

from tests.browser.support import Page, expect, follow, go, menu, press, sign_in, sign_out, visit
from tests.factories import World

pytestmark = pytest.mark.browser

BORN = date(date.today().year - 19, 3, 27)
NEW_USERNAME = "jordan27"
NEW_PASSPHRASE = "river maple quietly"


def fill_date_of_birth(page: Page, legend: str, born: date) -> None:
    boxes = page.get_by_role("group", name=legend)
    boxes.get_by_label("Day").fill(str(born.day))
    boxes.get_by_label("Month").fill(str(born.month))
    boxes.get_by_label("Year").fill(str(born.year))


def pa_adds_young_person_and_reads_code(page: Page) -> str:
    visit(page, "/")
    follow(page, "Sign in")
    sign_in(page, "pa.one")
    go(page, menu(page).get_by_role("link", name="Add a young person"))
    page.get_by_label("First name").fill("Jordan")
    page.get_by_label("Last name").fill("Rivers")
    fill_date_of_birth(page, "Date of birth", BORN)
    page.get_by_label("North").check()
    page.get_by_label("Gender (optional)").fill("Non-binary")
    press(page, "Add and get a code")
    expect(page.get_by_role("heading", name="Code for Jordan Rivers")).to_be_visible()
    code = page.locator("#invite-code").inner_text()
    sign_out(page)
    expect(page.get_by_role("heading", name="You have signed out")).to_be_visible()
    return code


def young_person_redeems_code(page: Page, code: str) -> None:
    visit(page, "/")
    follow(page, "Enter your code")
    page.get_by_label("Your code").fill(code)
    fill_date_of_birth(page, "Your date of birth", BORN)
    press(page, "Continue")
    page.get_by_label("Choose a username").fill(NEW_USERNAME)
    page.get_by_label("Choose a passphrase").fill(NEW_PASSPHRASE)
    press(page, "Create my account")


def expect_young_person_home(page: Page) -> None:
    expect(page.get_by_role("heading", name="Hello Jordan")).to_be_visible()
    expect(page.get_by_text("Your Personal Adviser is Pa One.")).to_be_visible()


def test_young_person_redeems_invite_and_signs_in(
    world: World, page: Page, new_page: Callable[..., Page]
) -> None:
    code = pa_adds_young_person_and_reads_code(page)

    phone = new_page()
    young_person_redeems_code(phone, code)
    expect_young_person_home(phone)

    sign_out(phone)
    follow(phone, "Sign in again")
    sign_in(phone, NEW_USERNAME, NEW_PASSPHRASE)
    expect_young_person_home(phone)
