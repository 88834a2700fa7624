"""On a phone: the team manager hands Alex, who has an open safety alert, to another PA; the old
PA no longer sees the alert and the new PA does, with what Alex wants to talk about. And when
Alex's PA is away, Alex's alert is in the team's duty queue for the manager, and the scheduler
the app runs by itself escalates it to them once ALERT_ESCALATION_MINUTES have passed."""

import time
from collections.abc import Callable
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from app.checkins.models import SafetyAlert
from app.jobs.models import ScheduledJob
from app.settings import Settings
from tests.browser.check_in_steps import database_and_javascript
from tests.browser.support import Page, expect, follow, go, menu, press, sign_in, sign_out, visit
from tests.browser.test_pa_meeting import send
from tests.conftest import make_settings
from tests.factories import World

pytestmark = pytest.mark.browser


@pytest.fixture
def settings(engine: Engine) -> Settings:
    """The served app runs its jobs every second and escalates after one minute."""
    return make_settings(engine, jobs_every_seconds=1, alert_escalation_minutes=1)


def alex_raises_an_alert(client: TestClient, db: Session, world: World) -> None:
    send(
        client,
        db,
        world.young_user,
        {"risk": {"risk.unsafe_now": "yes"}, "life": {"life.feeling": "not_great", "life.help": "yes"}},
        {"risk": "share", "life": "share"},
        talk_about=["life"],
    )


@database_and_javascript(javascript_on_sqlite=True)
def test_a_handover_moves_the_open_alert_to_the_new_pa(
    world: World, db: Session, client: TestClient, new_page: Callable[..., Page], javascript: bool
) -> None:
    alex_raises_an_alert(client, db, world)

    manager = new_page(javascript=javascript)
    sign_in(manager, "manager.one")
    expect(manager.get_by_role("heading", name="Leaving Care", level=1)).to_be_visible()
    follow(manager, "Change PA for Alex Tester")
    manager.get_by_label("Pa Two").check()
    press(manager, "Save")
    expect(manager.get_by_role("row", name="Alex Tester Pa Two")).to_be_visible()
    sign_out(manager)

    old_pa = new_page(javascript=javascript)
    sign_in(old_pa, "pa.one")
    expect(old_pa.get_by_role("heading", name="Your caseload")).to_be_visible()
    expect(old_pa.get_by_text("Alex Tester")).to_have_count(0)
    expect(old_pa.get_by_role("link", name="See safety alerts")).to_have_count(0)
    visit(old_pa, "/alerts")  # as from a bookmark
    expect(old_pa.get_by_text("No open alerts for you.")).to_be_visible()
    sign_out(old_pa)

    new_pa = new_page(javascript=javascript)
    sign_in(new_pa, "pa.two")
    follow(new_pa, "See safety alerts")
    go(new_pa, new_pa.locator("#own-alerts").get_by_role("link", name="Alex Tester"))
    expect(new_pa.get_by_role("heading", name="Alex Tester", level=1)).to_be_visible()
    expect(new_pa.locator("#risk-answer")).to_have_text("Yes")
    go(new_pa, menu(new_pa).get_by_role("link", name="Caseload"))
    follow(new_pa, "Alex Tester")
    expect(new_pa.locator("#talk-about")).to_contain_text("Money and everyday life")


@database_and_javascript(javascript_on_sqlite=False)
def test_when_the_pa_is_away_the_alert_waits_in_the_duty_queue(
    world: World, db: Session, client: TestClient, new_page: Callable[..., Page], javascript: bool
) -> None:
    world.pa.away = True
    db.add(world.pa)
    db.commit()
    alex_raises_an_alert(client, db, world)

    manager = new_page(javascript=javascript)
    sign_in(manager, "manager.one")
    expect(manager.get_by_text("1 alert has no PA to pick it up.")).to_be_visible()
    expect(manager.get_by_text("Nothing has been escalated to you.")).to_be_visible()
    follow(manager, "See the duty queue")
    go(manager, manager.locator("#duty-queue").get_by_role("link", name="Alex Tester"))
    expect(manager.get_by_role("heading", name="Alex Tester", level=1)).to_be_visible()

    alert = db.exec(select(SafetyAlert)).one()
    alert.raised_at -= timedelta(minutes=2)  # two minutes pass and nobody picks it up
    escalation = db.get(ScheduledJob, "escalation")
    assert escalation is not None and escalation.last_started_at is not None, "ran when the app started"
    escalation.last_started_at -= timedelta(minutes=2)
    db.add_all([alert, escalation])
    db.commit()
    deadline = time.monotonic() + 20
    while alert.escalated_at is None and time.monotonic() < deadline:
        time.sleep(0.2)
        db.refresh(alert)
    visit(manager, "/team")
    expect(manager.get_by_text("1 alert was not picked up in time.")).to_be_visible()
    expect(manager.locator("#jobs")).to_contain_text("Escalating safety alerts nobody picked up")
