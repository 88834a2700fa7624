"""A council set up entirely on screens, at phone size: the network admin creates it and its admin;
the admin adds a locality, a team, a PA and an analyst; the PA invites a young person, who checks
in and shares; the PA sees it; the council's analyst opens a table without an error."""

from collections.abc import Callable

import pytest

from tests.browser.check_in_steps import START, choose, expect_topic, listed, save_and_continue, share_choice
from tests.browser.support import Page, expect, follow, go, menu, press, sign_in, sign_out, visit
from tests.browser.test_invites import (
    BORN,
    fill_date_of_birth,
    young_person_redeems_code,
)
from tests.factories import World

pytestmark = pytest.mark.browser

ADMIN_PASSPHRASE = "copper lantern meadow"
PA_PASSPHRASE = "orbit kettle harbour"
ANALYST_PASSPHRASE = "quiet pebble window"
TEAM = "Riverside Leaving Care"
PLACE = "Riverside North"


def network_admin_creates_the_council(page: Page) -> None:
    sign_in(page, "network.admin")
    expect(page.get_by_role("heading", name="Councils", level=1)).to_be_visible()
    go(page, menu(page).get_by_role("link", name="Add a council"))
    page.get_by_label("Council's name").fill("Riverside Borough")
    page.get_by_label("Full name").fill("Rita Admin")
    page.get_by_label("Username").fill("rita.admin")
    page.get_by_label("Email address").fill("rita@riverside.example")
    page.get_by_label("First passphrase").fill(ADMIN_PASSPHRASE)
    press(page, "Create council")
    expect(page.locator("#done")).to_contain_text("Council created.")
    row = page.get_by_role("row", name="Riverside Borough")
    expect(row).to_contain_text("Rita Admin")
    sign_out(page)


def add_staff(
    page: Page, name: str, username: str, role: str, passphrase: str, team: str | None = None
) -> None:
    go(page, menu(page).get_by_role("link", name="Add staff"))
    page.get_by_label("Full name").fill(name)
    page.get_by_label("Username").fill(username)
    page.get_by_label(role, exact=True).check()
    if team:
        page.get_by_label(team, exact=True).check()
    page.get_by_label("First passphrase").fill(passphrase)
    press(page, "Add account")
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()


def council_admin_sets_it_up(page: Page) -> None:
    sign_in(page, "rita.admin", ADMIN_PASSPHRASE)
    expect(page.get_by_role("heading", name="Accounts", level=1)).to_be_visible()
    go(page, menu(page).get_by_role("link", name="Localities"))
    expect(page.locator("#no-localities")).to_be_visible()
    page.get_by_label("Name of a new locality").fill(PLACE)
    press(page, "Add locality")
    expect(listed(page, "localities")).to_have_text([PLACE])
    follow(page, PLACE)
    expect(page.get_by_text("No young person's record names it.")).to_be_visible()
    go(page, menu(page).get_by_role("link", name="Teams"))
    page.get_by_label("Name of a new team").fill(TEAM)
    press(page, "Add team")
    expect(page.get_by_role("heading", name=TEAM, level=1)).to_be_visible()
    add_staff(page, "Pat Adviser", "pat.adviser", "Personal Adviser (PA)", PA_PASSPHRASE, TEAM)
    add_staff(page, "Ana Lyst", "ana.lyst", "Analyst", ANALYST_PASSPHRASE)
    sign_out(page)


def pa_invites_a_young_person(page: Page) -> str:
    sign_in(page, "pat.adviser", PA_PASSPHRASE)
    go(page, menu(page).get_by_role("link", name="Add a young person"))
    page.get_by_label("First name").fill("Jordan")
    page.get_by_label("Last name").fill("Rivers")
    fill_date_of_birth(page, "Date of birth", BORN)
    page.get_by_label(PLACE).check()
    press(page, "Add and get a code")
    code = page.locator("#invite-code").inner_text()
    sign_out(page)
    return code


def young_person_checks_in_and_shares(page: Page, code: str) -> None:
    young_person_redeems_code(page, code)
    expect(page.get_by_text("Your Personal Adviser is Pat Adviser.")).to_be_visible()
    go(page, page.get_by_role("main").get_by_role("link", name="Check in", exact=True))
    press(page, START["quick"])
    expect_topic(page, "Work", 1)
    choose(page, "How do you feel about work, or finding work, at the moment?", "Good")
    save_and_continue(page)
    expect_topic(page, "Learning", 2)
    visit(page, page.url.rsplit("/topics/", 1)[0] + "/check")
    share_choice(page, "Work", "Share with my PA")
    press(page, "Send my check-in")
    expect(page.get_by_text("Pat Adviser, your PA, can now see:")).to_be_visible()
    expect(listed(page, "shared-topics")).to_have_text(["Work"])
    sign_out(page)


def pa_sees_it(page: Page) -> None:
    sign_in(page, "pat.adviser", PA_PASSPHRASE)
    follow(page, "Jordan Rivers")
    expect(page.get_by_role("heading", name="Jordan Rivers", level=1)).to_be_visible()
    expect(page.get_by_role("region", name="Work", exact=True)).to_contain_text("Good")
    sign_out(page)


def analyst_opens_a_table(page: Page) -> None:
    sign_in(page, "ana.lyst", ANALYST_PASSPHRASE)
    expect(page.get_by_role("heading", name="Insights", level=1)).to_be_visible()
    follow(page, "Check-in coverage")
    expect(page.get_by_role("heading", name="Check-in coverage", level=1)).to_be_visible()
    expect(page.get_by_role("table").first).to_be_visible()


def test_a_council_set_up_on_screens_works_from_invite_to_tables(
    world: World, new_page: Callable[..., Page]
) -> None:
    page = new_page()
    network_admin_creates_the_council(page)
    council_admin_sets_it_up(page)
    code = pa_invites_a_young_person(page)
    young_person_checks_in_and_shares(page, code)
    pa_sees_it(page)
    analyst_opens_a_table(page)
