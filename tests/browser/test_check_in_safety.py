"""A quick check-in on a phone, with JavaScript on and off: the first screen answered by keyboard
alone, then 'Really unsafe' about feeling safe, which shows the help panel at once (in place, with
JavaScript) and, once saved, raises one safety alert for the PA even though nothing is shared; the
confirmation says who was told."""

from collections.abc import Callable

import pytest
from sqlmodel import Session, select

from app.checkins.models import Answer, TopicResponse
from app.settings import Settings
from tests.browser.check_in_steps import (
    alerts,
    choose,
    database_and_javascript,
    expect_topic,
    listed,
    question,
    save_and_continue,
    share_choice,
    start_check_in,
)
from tests.browser.support import Locator, Page, check_page, expect, press, visit
from tests.factories import World

pytestmark = pytest.mark.browser

# Without JavaScript on SQLite and with it on PostgreSQL, where the autosave that raises the
# alert races the buttons (test_check_in_journey.py pairs them the other way round).
VARIANTS = database_and_javascript(javascript_on_sqlite=False)

TOPICS = [
    "Work",
    "Learning",
    "Home",
    "People in your life",
    "How you feel",
    "Health",
    "Money and everyday life",
    "Feeling safe",
]
WORK_QUESTION = "How do you feel about work, or finding work, at the moment?"
KEYBOARD_WORDS = "Typed without a mouse"
MONEY = "How are you managing everyday things like money, bills, food and appointments?"
HEADLINES = [
    ("Learning", "How do you feel about learning, courses, college or uni at the moment?", "OK"),
    ("Home", "How do you feel about where you live?", "Good"),
    (
        "People in your life",
        "How are things with the people in your life (friends, family, partner)?",
        "Really good",
    ),
    ("How you feel", "Overall, how satisfied are you with your life nowadays?", "6"),
    ("Health", "How is your health in general?", "Fair"),
    ("Money and everyday life", MONEY, "Not great"),
]


def focused(target: Locator) -> bool:
    return bool(target.evaluate("(element) => element === document.activeElement"))


def tab_to(page: Page, target: Locator, most: int = 40) -> None:
    """Press Tab until the target has focus, as someone without a mouse would."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if focused(target):
            return
    raise AssertionError(f"{target} never got focus after {most} presses of Tab")


def answer_work_by_keyboard(page: Page) -> None:
    """Tab to the answers, arrow down to 'Good', Tab to the words box, type, Tab, Enter."""
    answers = page.get_by_role("group", name=WORK_QUESTION, exact=True)
    tab_to(page, answers.get_by_label("Really bad", exact=True))
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    expect(answers.get_by_label("Good", exact=True)).to_be_checked()
    expect(answers.get_by_label("Good", exact=True)).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Anything else about this you want to say? (optional)")).to_be_focused()
    page.keyboard.type(KEYBOARD_WORDS)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Save and continue")).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    check_page(page)


def expect_work_saved(db: Session) -> None:
    db.expire_all()
    answers = db.exec(select(Answer).where(Answer.topic_key == "employment")).all()
    assert [(a.question_key, a.option_key) for a in answers] == [("employment.feeling", "good")]
    response = db.exec(select(TopicResponse).where(TopicResponse.topic_key == "employment")).one()
    assert response.comment == KEYBOARD_WORDS


def answer_unsafe(page: Page, db: Session, world: World, *, javascript: bool) -> None:
    """With JavaScript the help panel appears in place as soon as the answer is chosen, announced
    politely, without leaving the page or moving focus; the alert waits for "Save and continue"."""
    choose(page, "How safe do you feel at the moment?", "Really unsafe")
    if javascript:
        live = page.locator("#autosave-live")
        expect(live).to_have_attribute("aria-live", "polite")
        expect(live.locator("#help-panel")).to_contain_text(
            f"When you press 'Save and continue', we will let {world.pa.display_name}, your PA, know"
        )
        expect(live).to_contain_text("Saved")
        expect(
            question(page, "How safe do you feel at the moment?").get_by_label("Really unsafe")
        ).to_be_focused()
        assert page.url.endswith("/topics/risk")
        check_page(page)
        assert alerts(db) == []
    save_and_continue(page)


def expect_help_panel(page: Page, settings: Settings, world: World) -> None:
    panel = page.locator("#help-panel")
    expect(panel.get_by_role("heading", name="Thank you for telling us")).to_be_visible()
    expect(panel).to_contain_text(
        f"We have let {world.pa.display_name}, your PA, know so they can check on you."
    )
    links = {
        "In danger now? Call 999": "tel:999",
        "Call 116 123": "tel:116123",
        "Text SHOUT to 85258": "sms:85258",
        "Call 0800 1111": "tel:08001111",
        "Call 111": "tel:111",
        f"Call {settings.out_of_hours_phone}": "tel:" + settings.out_of_hours_phone.replace(" ", ""),
    }
    for name, href in links.items():
        expect(panel.get_by_role("link", name=name, exact=True)).to_have_attribute("href", href)
    for service in ("Samaritans", "Shout", "Childline", "NHS 111", "Your council, out of hours"):
        expect(panel.get_by_role("heading", name=service, exact=True)).to_be_visible()
    expect(panel).to_contain_text("If you are under 19.")
    expect(panel).to_contain_text("For your mental health, choose option 2.")


def expect_one_alert_for_the_pa(db: Session, world: World) -> None:
    assert [(a.question_key, a.option_key, a.pa_id) for a in alerts(db)] == [
        ("risk.feeling", "really_unsafe", world.pa.id)
    ]


@VARIANTS
def test_quick_check_in_by_keyboard_with_a_risk_answer_and_nothing_shared(
    world: World,
    db: Session,
    settings: Settings,
    new_page: Callable[..., Page],
    javascript: bool,
) -> None:
    page = new_page(javascript=javascript)
    start_check_in(page, "quick")
    expect_topic(page, "Work", 1)
    answer_work_by_keyboard(page)
    expect_topic(page, "Learning", 2)
    expect_work_saved(db)

    for position, (title, text, answer) in enumerate(HEADLINES, start=2):
        expect_topic(page, title, position)
        choose(page, text, answer)
        save_and_continue(page)

    expect_topic(page, "Feeling safe", 8)
    expect(page.locator("#not-watched")).to_contain_text("we will let your PA know")
    answer_unsafe(page, db, world, javascript=javascript)
    expect_help_panel(page, settings, world)
    expect_one_alert_for_the_pa(db, world)

    press(page, "Carry on with my check-in")
    expect(page.get_by_role("heading", name="Check your answers and choose what to share")).to_be_visible()
    for topic in TOPICS:
        share_choice(page, topic, "Keep to myself")
    press(page, "Send my check-in")

    expect(page.get_by_role("heading", name="Check-in sent")).to_be_visible()
    expect(page.get_by_text("You did not share any topics. Your PA cannot see your answers.")).to_be_visible()
    expect(listed(page, "shared-topics")).to_have_count(0)
    expect(listed(page, "kept-topics")).to_have_text(TOPICS)
    expect(page.locator("#who-was-told")).to_contain_text(
        f"Because of your answer about Feeling safe, we let {world.pa.display_name}, your PA, know"
    )
    expect(page.get_by_text("Only you can see these")).to_have_count(0)
    expect_one_alert_for_the_pa(db, world)


def saved(page: Page, *, help_shown: bool) -> None:
    """Wait for autosave to say "Saved", with or without the help panel in place."""
    expect(page.locator("#autosave-live")).to_contain_text("Saved")
    expect(page.locator("#autosave-live #help-panel")).to_have_count(1 if help_shown else 0)


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_arrowing_through_a_risk_question_raises_no_alert_until_saved(
    world: World, db: Session, new_page: Callable[..., Page]
) -> None:
    page = new_page(javascript=True)
    start_check_in(page, "full")
    visit(page, page.url.replace("/topics/employment", "/topics/risk"))
    feeling = question(page, "How safe do you feel at the moment?")
    tab_to(page, feeling.get_by_label("Really unsafe", exact=True))
    page.keyboard.press("Space")
    saved(page, help_shown=True)
    for _ in range(2):
        page.keyboard.press("ArrowDown")
        page.wait_for_timeout(600)  # past the autosave's pause, so each option is saved
    expect(feeling.get_by_label("OK", exact=True)).to_be_checked()
    expect(feeling.get_by_label("OK", exact=True)).to_be_focused()
    saved(page, help_shown=False)
    check_page(page)
    assert alerts(db) == []

    for _ in range(2):
        page.keyboard.press("ArrowUp")
        page.wait_for_timeout(600)
    saved(page, help_shown=True)
    expect(feeling.get_by_label("Really unsafe", exact=True)).to_be_focused()
    expect(
        question(page, "Right now, is anything making you feel unsafe or worried about your safety?")
    ).to_be_visible()
    assert alerts(db) == [] and page.url.endswith("/topics/risk")

    save_and_continue(page)
    expect(page.locator("#help-panel")).to_contain_text(f"We have let {world.pa.display_name}, your PA, know")
    expect_one_alert_for_the_pa(db, world)
