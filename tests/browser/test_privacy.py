"""The privacy notice is one tap away for everyone: from the footer of every role's home and
from the start of a check-in, with the council's details and the retention period it runs with."""

import pytest

from app.settings import Settings
from tests.browser.support import Page, expect, follow, go, menu, press, sign_in, sign_out, visit
from tests.conftest import make_settings
from tests.factories import World

pytestmark = pytest.mark.browser

HOMES = {
    "young.one": "/me",
    "pa.one": "/caseload",
    "manager.one": "/team",
    "analyst.one": "/insights",
    "admin.one": "/admin",
}


@pytest.fixture
def settings(engine) -> Settings:
    return make_settings(engine, retention_unshared_days=200, council_name="Northshire County Council")


def open_privacy_from_footer(page: Page) -> None:
    go(page, page.get_by_role("contentinfo").get_by_role("link", name="Privacy", exact=True))
    expect(page).to_have_url(page.url.split("/privacy")[0] + "/privacy")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Privacy notice: how Check-in uses your information"
    )


def test_every_role_reaches_the_privacy_notice_from_the_footer_of_their_home(
    page: Page, world: World
) -> None:
    for username, home in HOMES.items():
        sign_in(page, username)
        expect(page).to_have_url(page.url.split(home)[0] + home)
        open_privacy_from_footer(page)
        sign_out(page)


def test_the_notice_names_the_council_and_the_retention_period_it_runs_with(page: Page, world: World) -> None:
    visit(page, "/")
    open_privacy_from_footer(page)
    expect(page.get_by_text("Northshire County Council runs Check-in")).to_be_visible()
    expect(page.locator("#retention-unshared")).to_have_text(
        "A check-in you never share is deleted after 200 days."
    )
    expect(page.get_by_role("link", name="complain to the ICO online")).to_have_attribute(
        "href", "https://ico.org.uk/make-a-complaint/"
    )
    follow(page, "Privacy notice for staff")
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy notice for staff")


def test_the_start_of_a_check_in_links_to_the_privacy_notice(page: Page, world: World) -> None:
    sign_in(page, "young.one")
    go(page, page.get_by_role("main").get_by_role("link", name="Check in"))
    follow(page, "How we use your information (privacy notice)")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Privacy notice: how Check-in uses your information"
    )


def test_a_young_person_asks_to_close_their_account_and_their_pa_confirms(page: Page, world: World) -> None:
    sign_in(page, "young.one")
    open_privacy_from_footer(page)
    follow(page, "Ask for your account to be closed and your check-ins deleted")
    expect(page.get_by_role("heading", name="What is kept, and why")).to_be_visible()
    press(page, "Ask to close my account")
    expect(page.get_by_role("status")).to_contain_text("You have asked to close your account")
    sign_out(page)

    sign_in(page, "pa.one")
    go(page, menu(page).get_by_role("link", name="Closure requests"))
    follow(page, "Alex Tester")
    press(page, "Close the account and delete the check-ins")
    expect(page.get_by_role("alert")).to_contain_text("The account is closed and the check-ins are deleted.")
    sign_out(page)

    sign_in(page, "young.one")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
