"""A young person turns on fortnightly text reminders on their phone, sees the number on "Everything
we hold about you", gets a reminder and a "your PA replied" notice through a local Notify server
(nothing personal in either), then turns reminders off and the number is gone."""

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from app.reminders.sending import run_reminders
from app.settings import Settings
from tests.browser.support import LAPTOP, Page, expect, follow, go, menu, press, sign_in, sign_out
from tests.browser.test_pa_meeting import send
from tests.conftest import make_settings
from tests.factories import World
from tests.notifications.notify import API_KEY, SMS_TEMPLATE_ID, NotifyState, notify_server

pytestmark = pytest.mark.browser

NUMBER = "07700 900 982"
REPLY = "Lovely to hear about the course. See you on Tuesday."


@pytest.fixture
def notify() -> Iterator[tuple[NotifyState, str]]:
    with notify_server() as running:
        yield running


@pytest.fixture
def settings(engine: Engine, notify: tuple[NotifyState, str]) -> Settings:
    return make_settings(
        engine,
        notify_api_key=API_KEY,
        notify_base_url=notify[1],
        notify_sms_template_id=SMS_TEMPLATE_ID,
        notify_receives_texts=True,
    )


def turn_on_fortnightly_texts(page: Page) -> None:
    go(page, menu(page).get_by_role("link", name="Reminders"))
    expect(page.get_by_role("heading", name="Reminders", level=1)).to_be_visible()
    page.get_by_label("Text message").check()
    page.get_by_label("Mobile number (for texts)").fill("0770 090")
    page.get_by_label("Every 2 weeks").check()
    page.get_by_label("Tell me when my PA replies").check()
    press(page, "Save reminders")
    expect(page.get_by_role("link", name="Enter a UK mobile number, like 07700 900 982")).to_be_visible()
    expect(page.get_by_label("Every 2 weeks")).to_be_checked()
    page.get_by_label("Mobile number (for texts)").fill(NUMBER)
    press(page, "Save reminders")
    expect(page.get_by_text("Your reminders are saved")).to_be_visible()
    expect(page.get_by_text("Text message: 07700900982")).to_be_visible()


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)
def test_fortnightly_texts_on_then_off_and_a_notice_when_the_pa_replies(
    world: World,
    db: Session,
    client: TestClient,
    settings: Settings,
    notify: tuple[NotifyState, str],
    new_page: Callable[..., Page],
) -> None:
    state = notify[0]
    send(
        client,
        db,
        world.young_user,
        {"wellbeing": {"wellbeing.life_satisfaction": "8"}},
        {"wellbeing": "share"},
    )
    young = new_page()
    sign_in(young, "young.one")
    turn_on_fortnightly_texts(young)
    go(young, menu(young).get_by_role("link", name="Home"))
    follow(young, "Everything we hold about you")
    expect(young.locator("#reminders + .govuk-summary-list")).to_contain_text("07700900982")

    fortnight_on = datetime.now(UTC).replace(hour=12, minute=0) + timedelta(days=15)
    assert run_reminders(db, fortnight_on, settings) == 1
    assert state.texts[0]["phone_number"] == "07700900982"

    pa = new_page(viewport=LAPTOP)
    sign_in(pa, "pa.one")
    go(pa, menu(pa).get_by_role("link", name="Caseload"))
    follow(pa, "Alex Tester")
    pa.get_by_label("Your reply (they will see this)").fill(REPLY)
    press(pa, "Save reply")
    expect(pa.get_by_text("Reply saved", exact=True)).to_be_visible()
    sign_out(pa)
    assert run_reminders(db, fortnight_on, settings) == 1
    reminder, notice = state.bodies()
    assert reminder.startswith("This is the Check-in reminder you asked for.")
    assert notice.startswith("You have a new message in Check-in.")
    for body in (reminder, notice):
        assert "Alex" not in body and "Tester" not in body and "course" not in body

    go(young, menu(young).get_by_role("link", name="Reminders"))
    press(young, "Turn off reminders")
    expect(
        young.get_by_text("Reminders are off. We have deleted your number or email address.")
    ).to_be_visible()
    go(young, menu(young).get_by_role("link", name="Home"))
    follow(young, "Everything we hold about you")
    expect(young.get_by_text("Reminders are off, so we hold no phone number")).to_be_visible()
    expect(young.get_by_text("07700900982")).to_have_count(0)
