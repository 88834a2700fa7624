"""A PA, on a laptop or a phone, picks up a safety alert, prepares for a meeting and replies; the
young person then sees on their phone that the PA read their check-in, and the reply."""

import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.people.models import User
from tests.browser.support import (
    LAPTOP,
    PHONE,
    Locator,
    Page,
    expect,
    follow,
    go,
    menu,
    press,
    sign_in,
    sign_out,
)
from tests.checkins.journey import Journey
from tests.factories import World, make_young_person
from tests.web import signed_in_client

pytestmark = pytest.mark.browser

ACTION = "Phoned Alex, who is safe at a friend's tonight. Visiting tomorrow."
REPLY = "Thanks for telling me how things are, Alex. Let's plan the next few weeks together."
SATISFIED = "Overall, how satisfied are you with your life nowadays?"


def send(client: TestClient, db: Session, user: User, answers: dict, shares: dict, **extra: object) -> None:
    """A check-in sent through the real forms by this young person (quicker than a browser)."""
    client.cookies.clear()
    signed_in_client(client, db, user)
    journey = Journey(client)
    journey.start()
    for topic, given in answers.items():
        journey.answer(topic, given)
    sent = journey.finish(shares, **extra)
    assert sent.status_code == 303, sent.text
    client.cookies.clear()


def alex_checks_in_three_times(client: TestClient, db: Session, world: World) -> None:
    """Life satisfaction 9, then 8, then 4 with a risk answer kept to themselves."""
    for score in ("9", "8"):
        answers = {"wellbeing": {"wellbeing.life_satisfaction": score}}
        send(client, db, world.young_user, answers, {"wellbeing": "share"})
    send(
        client,
        db,
        world.young_user,
        {
            "wellbeing": {"wellbeing.life_satisfaction": "4", "comment": "A hard few weeks"},
            "risk": {"risk.unsafe_now": "yes", "risk.feeling": "bit_unsafe"},
        },
        {"wellbeing": "share", "risk": "keep"},
        talk_about=["wellbeing"],
        going_well="Passed my driving theory test",
    )


def abby_checks_in_later(client: TestClient, db: Session, world: World) -> None:
    """Someone else on the caseload with a newer shared check-in, but no alert."""
    abby = make_young_person(db, world.org, world.locality, world.pa, "Abby", username="young.two")
    user = db.get(User, abby.user_id)
    assert user is not None
    send(client, db, user, {"health": {"health.general": "good"}}, {"health": "share"})


def caseload_entry(page: Page, position: int) -> Locator:
    return page.locator("#caseload > li").nth(position)


def acknowledge_the_alert(page: Page) -> None:
    expect(page.get_by_role("heading", name="Your caseload")).to_be_visible()
    first = caseload_entry(page, 0)
    expect(first.get_by_role("heading")).to_have_text("Alex Tester")
    expect(first).to_contain_text("Safety alert")
    expect(caseload_entry(page, 1).get_by_role("heading")).to_have_text("Abby Tester")

    follow(page, "See safety alerts")
    go(page, page.locator("#own-alerts").get_by_role("link", name="Alex Tester"))
    expect(page.get_by_role("heading", name="Alex Tester", level=1)).to_be_visible()
    expect(page.locator("#risk-answer")).to_have_text("Yes")
    expect(page.get_by_text("A hard few weeks")).to_have_count(0)
    page.get_by_label("What have you done, or what will you do?").fill(ACTION)
    press(page, "Acknowledge alert")
    expect(page.get_by_text("Alert acknowledged. The young person can see it was picked up.")).to_be_visible()
    expect(page.get_by_text("No open alerts for you.")).to_be_visible()


def prepare_and_reply(page: Page) -> None:
    go(page, menu(page).get_by_role("link", name="Caseload"))
    expect(caseload_entry(page, 0).get_by_role("heading")).to_have_text("Abby Tester")
    expect(caseload_entry(page, 1)).not_to_contain_text("Safety alert")
    follow(page, "Alex Tester")

    expect(page.get_by_role("heading", name="Alex Tester", level=1)).to_be_visible()
    expect(page.locator("#talk-about")).to_contain_text("How you feel")
    expect(page.locator("#going-well")).to_have_text("Passed my driving theory test")
    feelings = page.get_by_role("region", name="How you feel", exact=True)
    for column in ("Now", "Last time", "At the start"):
        expect(feelings.get_by_role("columnheader", name=re.compile(f"^{column}\\b"))).to_be_visible()
    row = feelings.get_by_role("row", name=re.compile(f"^{re.escape(SATISFIED)}"))
    expect(row.get_by_role("cell")).to_have_text(["4 out of 10", "8 out of 10", "9 out of 10"])
    expect(feelings.get_by_text("life satisfaction 8 → 4", exact=True)).to_be_visible()
    expect(feelings).to_contain_text("“A hard few weeks”")
    expect(page.get_by_role("region", name="Feeling safe")).to_have_count(0)

    press(page, "Mark as seen")
    expect(page.get_by_text(re.compile(r"^Marked as seen on "))).to_be_visible()
    page.get_by_label("Your reply (they will see this)").fill(REPLY)
    press(page, "Save reply")
    expect(page.get_by_text("Reply saved", exact=True)).to_be_visible()
    expect(page.get_by_label("Your reply (they will see this)")).to_have_value(REPLY)
    sign_out(page)


def young_person_sees_the_reply(page: Page) -> None:
    sign_in(page, "young.one")
    go(page, menu(page).get_by_role("link", name="Your check-ins"))
    latest = page.locator("#check-ins .govuk-summary-list__row").first
    expect(latest).to_contain_text("Seen by Pa on")
    expect(latest).to_contain_text("They replied")
    expect(page.locator("#safety-alerts")).to_contain_text("They saw it on")
    go(page, latest.get_by_role("link"))
    expect(page.locator("#pa-status")).to_contain_text("Seen by Pa on")
    expect(page.get_by_role("heading", name="Reply from Pa")).to_be_visible()
    expect(page.locator("#reply")).to_contain_text(REPLY)


# The laptop on SQLite and the phone on PostgreSQL: each size once, in half the time of all four.
@pytest.mark.parametrize(
    ("engine", "viewport"),
    [
        pytest.param("sqlite", LAPTOP, id="sqlite-laptop"),
        pytest.param("postgresql", PHONE, id="postgresql-phone"),
    ],
    indirect=["engine"],
)
def test_pa_acknowledges_alert_prepares_and_replies_then_young_person_sees_it(
    world: World,
    db: Session,
    client: TestClient,
    new_page: Callable[..., Page],
    viewport: dict[str, int],
) -> None:
    alex_checks_in_three_times(client, db, world)
    abby_checks_in_later(client, db, world)

    pa = new_page(viewport=viewport)
    sign_in(pa, "pa.one")
    acknowledge_the_alert(pa)
    prepare_and_reply(pa)

    young_person_sees_the_reply(new_page())


LONG_REPLY = ("Thanks for telling me how things are going. " * 140)[:5992] + "The end."


@pytest.mark.parametrize(
    ("engine", "javascript"),
    [pytest.param("sqlite", True, id="sqlite-js"), pytest.param("postgresql", False, id="postgresql-no-js")],
    indirect=["engine"],
)
def test_a_reply_over_the_limit_comes_back_with_a_message_and_nothing_lost(
    world: World, db: Session, client: TestClient, new_page: Callable[..., Page], javascript: bool
) -> None:
    alex_checks_in_three_times(client, db, world)
    pa = new_page(javascript=javascript)
    sign_in(pa, "pa.one")
    follow(pa, "Alex Tester")
    reply = pa.get_by_label("Your reply (they will see this)")
    reply.fill(LONG_REPLY)
    press(pa, "Save reply")
    summary = pa.get_by_role("alert")
    expect(summary).to_contain_text("Your reply must be 2,000 characters or fewer. It has 6,000.")
    expect(reply).to_have_value(LONG_REPLY)
    go(pa, summary.get_by_role("link", name="Your reply must be 2,000 characters or fewer. It has 6,000."))
    expect(reply).to_be_focused()
    reply.fill(REPLY)
    press(pa, "Save reply")
    expect(pa.get_by_text("Reply saved", exact=True)).to_be_visible()
    expect(reply).to_have_value(REPLY)


def test_the_meeting_tables_scroll_from_the_keyboard(
    world: World, db: Session, client: TestClient, page: Page
) -> None:
    alex_checks_in_three_times(client, db, world)
    sign_in(page, "pa.one")
    follow(page, "Alex Tester")
    feelings = page.get_by_role("region", name="How you feel: answers now, last time and at the start")
    for _ in range(40):
        page.keyboard.press("Tab")
        if feelings.evaluate("box => box === document.activeElement"):
            break
    expect(feelings).to_be_focused()
