"""Steps of a young person's check-in in the browser, by what they see on the screen.

With JavaScript on, "Save and continue" swaps the next screen in with htmx (press() still waits
for the new address and checks the page); with it off, the same steps are plain form posts.
"""

import pytest
from sqlmodel import Session, select

from app.checkins.models import SafetyAlert
from tests.browser.support import Locator, Page, expect, go, press, sign_in


def database_and_javascript(*, javascript_on_sqlite: bool):
    """Each variant once and each database both ways across a pair of test files: JavaScript on one
    database and off on the other, in half the time of all four."""
    return pytest.mark.parametrize(
        ("engine", "javascript"),
        [
            pytest.param("sqlite", javascript_on_sqlite, id=f"sqlite-{_js(javascript_on_sqlite)}"),
            pytest.param(
                "postgresql", not javascript_on_sqlite, id=f"postgresql-{_js(not javascript_on_sqlite)}"
            ),
        ],
        indirect=["engine"],
    )


def _js(on: bool) -> str:
    return "javascript" if on else "no-javascript"


START = {"quick": "Quick check-in (8 questions)", "full": "Full check-in (about 30 questions)"}


def question(page: Page, text: str) -> Locator:
    """The group of answers under a question (a fieldset whose legend is the question)."""
    return page.get_by_role("group", name=text, exact=True)


def choose(page: Page, text: str, answer: str) -> None:
    """Tap an answer (a radio button, or a box to tick), found by its label under a question;
    check() fails unless it ends up chosen."""
    question(page, text).get_by_label(answer, exact=True).check()


def expect_chosen(page: Page, text: str, answer: str) -> None:
    expect(question(page, text).get_by_label(answer, exact=True)).to_be_checked()


def expect_topic(page: Page, title: str, position: int) -> None:
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    expect(page.get_by_text(f"Topic {position} of 8", exact=True)).to_be_visible()


def save_and_continue(page: Page) -> None:
    press(page, "Save and continue")


def start_check_in(page: Page, kind: str, username: str = "young.one") -> None:
    """Sign in, open the check-in from the home page, read who sees what, start it."""
    sign_in(page, username)
    go(page, page.get_by_role("main").get_by_role("link", name="Check in", exact=True))
    expect(page.locator("#who-sees-this")).to_contain_text("we will let your PA know")
    press(page, START[kind])


def share_choice(page: Page, topic: str, choice: str) -> None:
    """On check your answers: 'Share with my PA' or 'Keep to myself' for one topic."""
    choose(page, f"Share '{topic}' with your PA?", choice)


def mark_document(page: Page) -> None:
    """Leave a mark in the page's window; a full page load would wipe it."""
    page.evaluate("() => { window.checkInMark = true; }")


def same_document(page: Page) -> bool:
    return bool(page.evaluate("() => window.checkInMark === true"))


def listed(page: Page, list_id: str) -> Locator:
    return page.locator(f"#{list_id} li")


def alerts(db: Session) -> list[SafetyAlert]:
    db.expire_all()
    return list(db.exec(select(SafetyAlert)).all())
