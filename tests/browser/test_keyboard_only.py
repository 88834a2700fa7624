"""A full check-in and a PA's reply with the keyboard alone (no mouse, no clicks), with JavaScript
on and off: where focus lands after each new screen and each error is asserted, and no page
reports a Content-Security-Policy violation in the console."""

import re
from collections.abc import Callable

import pytest

from tests.browser.check_in_steps import database_and_javascript
from tests.browser.support import Locator, Page, check_page, expect
from tests.factories import PASSPHRASE, World

pytestmark = pytest.mark.browser

MOST_TABS = 60
TOPICS = [
    "Work",
    "Learning",
    "Home",
    "People in your life",
    "How you feel",
    "Health",
    "Money and everyday life",
]
REPLY = "Thanks for telling me about work. Let's talk on Friday."


def focused(page: Page) -> str:
    """The focused element as tag, classes and text, for the assertions' messages."""
    return str(
        page.evaluate(
            "() => { const e = document.activeElement; "
            "return [e.tagName, e.className, (e.textContent || '').trim().slice(0, 60)].join(' | '); }"
        )
    )


def is_focused(target: Locator) -> bool:
    return bool(target.evaluate("(el) => el === document.activeElement"))


def tab_to(page: Page, target: Locator) -> int:
    """Press Tab until the target has focus; how many presses it took."""
    for presses in range(1, MOST_TABS + 1):
        page.keyboard.press("Tab")
        if is_focused(target):
            return presses
    raise AssertionError(f"{MOST_TABS} Tabs never reached {target}; focus is on {focused(page)}")


def activate(page: Page, target: Locator, key: str = "Enter") -> None:
    """Tab to a link or button and press it; the next page must load and pass the page checks."""
    tab_to(page, target)
    with page.expect_navigation():
        page.keyboard.press(key)
    check_page(page)


def submit_and_wait(page: Page, target: Locator, javascript: bool) -> None:
    """Tab to a button of an htmx-boosted form and press it: a swap with JavaScript, else a page."""
    if javascript:
        tab_to(page, target)
        with page.expect_response(lambda r: r.request.method == "POST"):
            page.keyboard.press("Enter")
        page.wait_for_function("() => document.activeElement && document.activeElement.tagName !== 'BUTTON'")
    else:
        activate(page, target)


def expect_focus_on_heading(page: Page, text: str) -> None:
    heading = page.get_by_role("heading", name=text, level=1)
    expect(heading).to_be_visible()
    assert is_focused(heading), f"focus should be on the heading '{text}', is on {focused(page)}"


def expect_focus_on_error_summary(page: Page) -> None:
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    assert is_focused(summary), f"focus should be on the error summary, is on {focused(page)}"
    assert page.title().startswith("Error: "), page.title()


def expect_focus_at_the_top(page: Page) -> None:
    """A page without a reason to move focus starts at the top: the first Tab is the skip link."""
    page.keyboard.press("Tab")
    assert is_focused(page.get_by_role("link", name="Skip to main content")), focused(page)


def sign_in_by_keyboard(page: Page, username: str, passphrase: str = PASSPHRASE) -> None:
    page.goto("/sign-in")
    check_page(page)
    tab_to(page, page.get_by_label("Username"))
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(passphrase)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    check_page(page)


def sign_out_by_keyboard(page: Page) -> None:
    menu = page.get_by_text("Menu", exact=True)
    tab_to(page, menu)
    page.keyboard.press("Enter")
    activate(page, page.get_by_role("navigation", name="Menu").get_by_role("button", name="Sign out"))
    expect(page.get_by_role("heading", level=1)).to_have_text("You have signed out")


def tick_money_and_nothing_and_be_told(page: Page, javascript: bool) -> None:
    """An answer the form refuses: focus goes to the error summary, then untick to carry on."""
    barriers = page.get_by_role("group", name="Is anything making it hard to study or train right now?")
    for answer in ("Money", "Nothing"):
        tab_to(page, barriers.get_by_label(answer, exact=True))
        page.keyboard.press("Space")
    submit_and_wait(page, page.get_by_role("button", name="Save and continue"), javascript)
    expect_focus_on_error_summary(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "'Nothing' cannot be ticked with other answers"
    )
    nothing = page.get_by_role("group", name=re.compile("^Is anything making it hard")).get_by_label(
        "Nothing", exact=True
    )
    tab_to(page, nothing)
    page.keyboard.press("Space")
    expect(nothing).not_to_be_checked()


@database_and_javascript(javascript_on_sqlite=False)
def test_a_full_check_in_and_a_reply_with_the_keyboard_alone(
    new_page: Callable[..., Page], world: World, javascript: bool
) -> None:
    page = new_page(javascript=javascript)
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))

    sign_in_by_keyboard(page, "young.one", "not the right passphrase")
    expect_focus_on_error_summary(page)
    tab_to(page, page.get_by_label("Passphrase"))
    page.keyboard.type(PASSPHRASE)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    check_page(page)
    expect_focus_at_the_top(page)

    activate(page, page.get_by_role("main").get_by_role("link", name="Check in", exact=True))
    expect_focus_at_the_top(page)
    activate(page, page.get_by_role("button", name="Full check-in (about 30 questions)"))

    for position, title in enumerate(TOPICS, start=1):
        expect_focus_on_heading(page, title)
        expect(page.get_by_text(f"Topic {position} of 8", exact=True)).to_be_visible()
        page.keyboard.press("Tab")
        first_answer = page.locator("main input[type=radio]").first
        assert is_focused(first_answer), f"one Tab from the heading is the first answer: {focused(page)}"
        page.keyboard.press("Space")
        expect(first_answer).to_be_checked()
        if title == "Learning":
            tick_money_and_nothing_and_be_told(page, javascript)
        submit_and_wait(page, page.get_by_role("button", name="Save and continue"), javascript)

    expect_focus_on_heading(page, "Feeling safe")
    submit_and_wait(page, page.get_by_role("button", name="Skip this topic"), javascript)

    expect_focus_on_heading(page, "Check your answers and choose what to share")
    activate(page, page.get_by_role("button", name="Send my check-in"))
    expect_focus_on_error_summary(page)
    for title in TOPICS:
        share = page.get_by_role("group", name=f"Share '{title}' with your PA?").get_by_label(
            "Share with my PA"
        )
        tab_to(page, share)
        page.keyboard.press("Space")
        expect(share).to_be_checked()
    activate(page, page.get_by_role("button", name="Send my check-in"))
    expect(page.get_by_role("heading", name="Check-in sent")).to_be_visible()
    expect_focus_at_the_top(page)
    sign_out_by_keyboard(page)

    sign_in_by_keyboard(page, "pa.one")
    expect_focus_at_the_top(page)
    activate(page, page.get_by_role("main").get_by_role("link", name="Alex Tester", exact=True))
    expect(page.get_by_role("heading", name="Alex Tester", level=1)).to_be_visible()
    tab_to(page, page.get_by_label("Your reply (they will see this)"))
    page.keyboard.type(REPLY)
    activate(page, page.get_by_role("button", name="Save reply"))
    expect(page.get_by_text("Reply saved")).to_be_visible()
    sign_out_by_keyboard(page)

    sign_in_by_keyboard(page, "young.one")
    activate(page, page.get_by_role("link", name=re.compile("^See your check-ins")))
    activate(page, page.get_by_role("link", name=re.compile("^Check-in on ")).first)
    expect(page.locator("#reply")).to_contain_text(REPLY)
    assert not [m for m in console if "Content Security Policy" in m], console
