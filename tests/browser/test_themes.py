"""Own words into themes, end to end on a phone: the young person ticks the themes suggested for
their words and shares the topic; their PA sees the themes, finds them by theme in the caseload
and prepares the meeting by theme; the analysts' table counts them once the group is large enough."""

import re
from collections.abc import Callable

import pytest
from sqlmodel import Session

from app.db import utcnow
from app.insights.periods import Length, containing
from tests.browser.check_in_steps import choose, database_and_javascript, share_choice, start_check_in
from tests.browser.support import Page, expect, follow, press, sign_in, visit
from tests.factories import World
from tests.themes.seeding import people_with_themes

pytestmark = pytest.mark.browser

GAS = "skint again, cant pay the gas and my flat is freezing"
MONEY_TOPIC = "Money and everyday life"
THEMES = f"Which of these fit what you wrote about '{MONEY_TOPIC}'? (optional)"


def young_person_ticks_themes_and_shares(page: Page) -> None:
    start_check_in(page, "quick")
    visit(page, page.url.rsplit("/topics/", 1)[0] + "/topics/life")
    choose(
        page, "How are you managing everyday things like money, bills, food and appointments?", "Not great"
    )
    page.get_by_label("Anything else about this you want to say? (optional)").fill(GAS)
    press(page, "Save and continue")
    visit(page, page.url.split("/topics/", 1)[0] + "/check")
    offered = page.get_by_role("group", name=THEMES)
    suggested = offered.locator(":scope > .govuk-checkboxes .govuk-checkboxes__input")
    expect(suggested.first).not_to_be_checked()
    for name in ("Money", "Where I live"):
        box = offered.get_by_role("checkbox", name=re.compile(f"^{name}"))
        expect(box).to_be_visible()  # suggested, not behind "Choose from all themes"
        expect(box).not_to_be_checked()
        box.check()
    share_choice(page, MONEY_TOPIC, "Share with my PA")
    press(page, "Send my check-in")
    expect(page.get_by_role("heading", level=1)).to_contain_text("sent")


def pa_sees_the_themes_and_prepares_by_theme(page: Page) -> None:
    sign_in(page, "pa.one")
    page.get_by_text("Filter by theme").click()
    follow(page, "Money")
    follow(page, "Alex Tester")  # the meeting page, filtered by the same theme
    expect(page.get_by_role("heading", name="What Alex shared about 'Money'", level=2)).to_be_visible()
    expect(page.locator(".app-theme-words li")).to_contain_text([GAS])
    expect(page.locator("section.app-prep-topic")).to_have_count(1)
    themes = page.locator("#themes-life .app-theme-list li")
    expect(themes).to_have_text(["Money", "Where I live"])
    follow(page, "Show all topics")
    expect(page.get_by_text("Filter by theme")).to_be_visible()


def analyst_sees_them_counted(page: Page, period: str) -> None:
    sign_in(page, "analyst.one")
    visit(page, f"/insights/tables/themes?period={period}")
    expect(page.get_by_role("heading", name="What young people wrote about", level=1)).to_be_visible()
    table = page.locator(
        "table", has=page.locator("caption", has_text=re.compile(f"^\\s*{MONEY_TOPIC}\\s*$"))
    )
    row = table.first.get_by_role("row", name=re.compile("^All localities"))
    # Nine others confirmed both: with Alex, ten each (22 shared the topic: the coverage table says so).
    expect(row.get_by_role("cell").nth(0)).to_have_text("10")
    expect(row.get_by_role("cell").nth(1)).to_have_text("10")
    expect(page.get_by_text(GAS)).to_have_count(0)


@database_and_javascript(javascript_on_sqlite=True)
def test_a_young_person_confirms_themes_the_pa_sees_them_and_the_analyst_counts_them(
    world: World, db: Session, new_page: Callable[..., Page], javascript: bool
) -> None:
    now = utcnow()
    people_with_themes(db, world.locality, 9, ["money", "housing"], when=now)
    people_with_themes(db, world.locality, 12, ["going_well"], when=now)

    young_person_ticks_themes_and_shares(new_page(javascript=javascript))
    pa_sees_the_themes_and_prepares_by_theme(new_page(javascript=javascript))
    analyst_sees_them_counted(new_page(javascript=javascript), containing(now, Length.quarter).key)
