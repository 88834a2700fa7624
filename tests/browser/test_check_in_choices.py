"""Choosing what to share on a phone, JavaScript on and off: a comment over the limit comes back with
a message and every character in the box; "Set all to share" after a "Keep" only sets the choices on
the page, and Send shares nothing the page did not show as shared; a young person stops sharing a
topic and the PA's next view lacks it, and deletes what they kept of a partly shared check-in."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.checkins.models import TopicResponse
from tests.browser.check_in_steps import (
    choose,
    database_and_javascript,
    expect_topic,
    listed,
    question,
    save_and_continue,
    share_choice,
    start_check_in,
)
from tests.browser.support import Page, expect, follow, go, press, sign_in, visit
from tests.checkins.sending import send_check_in
from tests.factories import World
from tests.web import signed_in_client

pytestmark = pytest.mark.browser

WORK = "How do you feel about work, or finding work, at the moment?"
LEARNING = "How do you feel about learning, courses, college or uni at the moment?"
WORDS_BOX = "Anything else about this you want to say? (optional)"


def _shared(db: Session) -> dict[str, bool | None]:
    db.expire_all()
    return {r.topic_key: r.shared for r in db.exec(select(TopicResponse)).all()}


@database_and_javascript(javascript_on_sqlite=True)
def test_long_words_come_back_and_set_all_shares_nothing_not_shown(
    world: World, db: Session, new_page: Callable[..., Page], javascript: bool
) -> None:
    page = new_page(javascript=javascript)
    start_check_in(page, "quick")
    expect_topic(page, "Work", 1)
    choose(page, WORK, "Good")
    long_words = "I have a lot to say. " * 143  # 3,003 characters
    page.get_by_label(WORDS_BOX).fill(long_words)
    save_and_continue(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "This must be 2,000 characters or fewer. It has 3,002."
    )
    expect(page.get_by_label(WORDS_BOX)).to_have_value(long_words.strip())
    page.get_by_label(WORDS_BOX).fill("Shorter now")
    save_and_continue(page)
    expect_topic(page, "Learning", 2)
    choose(page, LEARNING, "OK")
    save_and_continue(page)

    visit(page, page.url.rsplit("/topics/", 1)[0] + "/check")
    share_choice(page, "Work", "Keep to myself")
    press(page, "Set all to share")
    expect(page.locator("#set-all-done")).to_have_text(
        "Every topic below is now set to 'Share with my PA'. Nothing has been sent yet."
    )
    for topic in ("Work", "Learning"):
        expect(
            question(page, f"Share '{topic}' with your PA?").get_by_label("Share with my PA")
        ).to_be_checked()
    assert set(_shared(db).values()) == {None}, "nothing sent yet"
    share_choice(page, "Work", "Keep to myself")
    press(page, "Send my check-in")
    expect(listed(page, "shared-topics")).to_have_text(["Learning"])
    expect(listed(page, "kept-topics")).to_have_text(["Work"])
    assert _shared(db) == {"employment": False, "education": True}


SHARED_WORDS = "My new flat has damp in the bedroom"


@database_and_javascript(javascript_on_sqlite=False)
def test_stop_sharing_and_the_pas_next_view_lacks_it(
    world: World, db: Session, client: TestClient, new_page: Callable[..., Page], javascript: bool
) -> None:
    signed_in_client(client, db, world.young_user)
    send_check_in(
        client,
        {
            "employment": {"employment.feeling": "good"},
            "housing": {"housing.feeling": "ok", "comment": SHARED_WORDS},
            "health": {"health.general": "good"},
        },
        {"employment": "keep", "housing": "share", "health": "share"},
    )
    client.cookies.clear()
    pa = new_page(javascript=javascript)
    sign_in(pa, "pa.one")
    follow(pa, "Alex Tester")
    expect(pa.get_by_text(SHARED_WORDS)).to_be_visible()

    young = new_page(javascript=javascript)
    sign_in(young, "young.one")
    visit(young, "/check-ins")
    go(young, young.locator("#check-ins a").first)
    expect(young.locator("#topic-housing")).to_contain_text("They may already have read it.")
    press(young, "Stop sharing Home")
    expect(young.locator(".govuk-notification-banner")).to_contain_text(
        "You stopped sharing Home. Your PA can't see it from now on."
    )
    expect(young.locator(".govuk-notification-banner")).to_contain_text("They may already have read it")
    expect(young.locator("#topic-housing .app-kept-tag")).to_be_visible()

    follow(young, "Delete what you kept to yourself")
    expect(young.locator("#to-delete li")).to_have_text(["Work", "Home"])
    press(young, "Yes, delete them")
    expect(young.get_by_text("The topics you kept to yourself have been deleted.")).to_be_visible()

    visit(pa, pa.url)
    expect(pa.get_by_text(SHARED_WORDS)).to_have_count(0)
