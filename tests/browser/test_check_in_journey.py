"""A young person checks in on their phone, with JavaScript on and off: a full check-in with a
skipped topic, a break half way (nothing lost), their choice of what to share, and the history."""

from collections.abc import Callable

import pytest

from tests.browser.check_in_steps import (
    choose,
    database_and_javascript,
    expect_chosen,
    expect_topic,
    listed,
    mark_document,
    same_document,
    save_and_continue,
    share_choice,
    start_check_in,
)
from tests.browser.support import Page, expect, follow, press, visit
from tests.factories import World

pytestmark = pytest.mark.browser

# With JavaScript on SQLite and without it on PostgreSQL (test_check_in_safety.py pairs them
# the other way round).
VARIANTS = database_and_javascript(javascript_on_sqlite=True)

WORK_WORDS = "Started at the bakery on Monday"
SHARED = ["Work", "How you feel", "Money and everyday life"]
KEPT = ["Learning", "Home", "Health", "Feeling safe"]
SKIPPED = "People in your life"
LIFE_SATISFACTION = "Overall, how satisfied are you with your life nowadays?"
HOME_FEELING = "How do you feel about where you live?"


def answer_work_and_learning(page: Page) -> None:
    expect_topic(page, "Work", 1)
    choose(page, "How do you feel about work, or finding work, at the moment?", "Good")
    choose(
        page,
        "What are you mainly doing at the moment?",
        "Working or in training (not an apprenticeship), full time",
    )
    page.get_by_label("Anything else about this you want to say? (optional)").fill(WORK_WORDS)
    save_and_continue(page)

    expect_topic(page, "Learning", 2)
    choose(page, "How do you feel about learning, courses, college or uni at the moment?", "OK")
    choose(page, "Is anything making it hard to study or train right now?", "Money")
    save_and_continue(page)
    expect_topic(page, "Home", 3)


def come_back_later(page: Page) -> None:
    """Open the check-in again as if after closing the browser: it carries on where it stopped."""
    visit(page, "/check-in")
    expect(page.get_by_role("heading", name="Carry on where you left off")).to_be_visible()
    press(page, "Carry on")
    expect_topic(page, "Home", 3)

    follow(page, "Back")
    expect_topic(page, "Learning", 2)
    expect_chosen(page, "How do you feel about learning, courses, college or uni at the moment?", "OK")
    expect_chosen(page, "Is anything making it hard to study or train right now?", "Money")
    save_and_continue(page)
    expect_topic(page, "Home", 3)


def autosave_survives_a_reload(page: Page) -> None:
    """With JavaScript, an answer is saved as soon as it is chosen, before 'Save and continue'."""
    with page.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/topics/housing")):
        choose(page, HOME_FEELING, "Really good")
    visit(page, page.url)
    expect_topic(page, "Home", 3)
    expect_chosen(page, HOME_FEELING, "Really good")


def answer_the_rest(page: Page) -> None:
    choose(page, HOME_FEELING, "Really good")
    choose(page, "Where are you living right now?", "My own place, a flat share or uni halls")
    save_and_continue(page)

    expect_topic(page, SKIPPED, 4)
    press(page, "Skip this topic")

    expect_topic(page, "How you feel", 5)
    choose(page, LIFE_SATISFACTION, "7")
    choose(page, "Overall, how anxious did you feel yesterday?", "3")
    save_and_continue(page)

    expect_topic(page, "Health", 6)
    choose(page, "How is your health in general?", "Good")
    save_and_continue(page)

    expect_topic(page, "Money and everyday life", 7)
    choose(page, "How are you managing everyday things like money, bills, food and appointments?", "OK")
    choose(page, "Would you like help with money, benefits, bills or ID documents?", "Yes")
    save_and_continue(page)

    expect_topic(page, "Feeling safe", 8)
    choose(page, "How safe do you feel at the moment?", "Quite safe")
    choose(page, "Right now, is anything making you feel unsafe or worried about your safety?", "No")
    save_and_continue(page)


def choose_what_to_share(page: Page) -> None:
    expect(page.get_by_role("heading", name="Check your answers and choose what to share")).to_be_visible()
    work = page.get_by_role("region", name="Work")
    expect(work).to_contain_text(WORK_WORDS)
    expect(page.get_by_role("region", name=SKIPPED)).to_contain_text("You skipped this topic.")
    for topic in SHARED:
        share_choice(page, topic, "Share with my PA")
    for topic in KEPT:
        share_choice(page, topic, "Keep to myself")
    choose(page, "What would you like to talk about at your next meeting?", "Money and everyday life")
    page.get_by_label("What's going well for you at the moment? (optional)").fill("My new job")
    press(page, "Send my check-in")


def expect_confirmation(page: Page) -> None:
    expect(page.get_by_role("heading", name="Check-in sent")).to_be_visible()
    expect(page.get_by_text("Pa One, your PA, can now see:")).to_be_visible()
    expect(listed(page, "shared-topics")).to_have_text(SHARED)
    expect(listed(page, "kept-topics")).to_have_text(KEPT)


def expect_history(page: Page) -> None:
    follow(page, "See your check-ins")
    expect(page.get_by_role("heading", name="Your check-ins", level=1)).to_be_visible()
    check_ins = page.locator("#check-ins")
    expect(check_ins.get_by_role("link", name="Check-in on ")).to_have_count(1)
    expect(check_ins).to_contain_text("Shared with your PA: " + ", ".join(SHARED))
    expect(check_ins).to_contain_text("Kept to yourself: " + ", ".join(KEPT))
    expect(check_ins).to_contain_text("Not seen by your PA yet")
    pictures = page.get_by_role("main").get_by_role("img")
    expect(pictures).to_have_count(7)  # every answered topic, not the skipped one
    expect(page.get_by_role("img", name="How you feel")).to_be_visible()
    feelings = page.get_by_role("region", name="How you feel")
    feelings.get_by_text("Your answers about How you feel, in words").click()
    expect(feelings.get_by_role("cell", name="7 out of 10")).to_be_visible()


@VARIANTS
def test_full_check_in_shares_what_they_choose_and_resumes_after_a_break(
    world: World, new_page: Callable[..., Page], javascript: bool
) -> None:
    phone = new_page(javascript=javascript)
    start_check_in(phone, "full")
    if javascript:
        mark_document(phone)
    answer_work_and_learning(phone)
    if javascript:
        assert same_document(phone), "with JavaScript, the next screen comes without a page load"
    come_back_later(phone)
    if javascript:
        autosave_survives_a_reload(phone)
    answer_the_rest(phone)
    choose_what_to_share(phone)
    expect_confirmation(phone)
    expect_history(phone)
