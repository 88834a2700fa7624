"""Driving Check-in in a real browser as a person would, and checking every page on the way.

Every page a test loads must pass check_page(): no axe-core violations, and no sideways
scrolling at 320px wide. visit(), follow(), press() and go() load a page and check it; the
page fixture fails the test if any page it loaded was never checked.
"""

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from hashlib import sha256
from pathlib import Path
from typing import Any, NoReturn
from weakref import WeakKeyDictionary

import pytest

from tests.factories import PASSPHRASE


def browser_unavailable(reason: str) -> NoReturn:
    """Skip, or fail when REQUIRE_BROWSER=1 (as in CI), because the browser cannot run."""
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


try:
    from playwright.sync_api import Locator, Page
    from playwright.sync_api import expect as expect  # re-exported for the tests
except ImportError:
    browser_unavailable("the playwright package is not installed (pip install -e '.[test]')")


PHONE = {"width": 375, "height": 667}
LAPTOP = {"width": 1280, "height": 800}
NARROWEST = {"width": 320, "height": 667}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
VENDOR = Path(__file__).parent / "vendor"
TOKENS = re.compile(r"[0-9a-f]{32,}")

RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}"""

# With JavaScript off, Chromium runs no timer (or queueMicrotask) callbacks, and axe.run waits
# on setTimeout. Promise callbacks still run, so for the scan setTimeout queues one of those.
TIMERS_AS_PROMISES = """() => {
  window.setTimeout = (callback, delay, ...args) => {
    Promise.resolve().then(() => callback(...args));
    return 0;
  };
  window.clearTimeout = () => {};
}"""

MEASURE_WIDTH = """() => {
  const root = document.documentElement;
  const name = (el) => [el.tagName.toLowerCase(), ...el.classList].join(".") + (el.id ? "#" + el.id : "");
  const wide = [...document.body.querySelectorAll("*")]
    .filter((el) => {
      const box = el.getBoundingClientRect();
      return box.right > root.clientWidth && box.width > 0 && box.height > 0;
    })
    .slice(0, 5)
    .map(name);
  return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide};
}"""


@dataclass
class PageLog:
    """The addresses a tab loaded and the addresses checked, to catch a forgotten check."""

    javascript: bool
    loaded: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    def unchecked(self) -> list[str]:
        return list((Counter(self.loaded) - Counter(self.checked)).elements())


_LOGS: WeakKeyDictionary[Page, PageLog] = WeakKeyDictionary()
_PASSED: set[str] = set()  # fingerprints of pages that passed, this test session


def without_fragment(url: str) -> str:
    return url.split("#", 1)[0]


def watch(page: Page, *, javascript: bool) -> PageLog:
    """Start logging every page this tab loads; check_page() ticks each one off."""
    log = PageLog(javascript=javascript)
    page.on("load", lambda loaded: log.loaded.append(without_fragment(loaded.url)))
    _LOGS[page] = log
    return log


@cache
def axe_source() -> str:
    (script,) = VENDOR.glob("axe-*.min.js")
    return script.read_text(encoding="utf-8")


def describe_violations(url: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"{len(violations)} axe-core violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    at {target}" for target in violation["targets"])
    return "\n".join(lines)


def assert_accessible(page: Page, *, javascript: bool) -> None:
    """axe-core finds nothing against WCAG 2.2 AA or best practice.

    axe is injected with evaluate(): the app's CSP would block add_script_tag().
    """
    page.evaluate(axe_source())
    if not javascript:
        page.evaluate(TIMERS_AS_PROMISES)
    violations = page.evaluate(RUN_AXE, AXE_TAGS)
    assert not violations, describe_violations(page.url, violations)


def assert_no_sideways_scroll(page: Page) -> None:
    """At 320 CSS pixels wide (WCAG 1.4.10 reflow) the page only scrolls up and down."""
    viewport = page.viewport_size or PHONE
    page.set_viewport_size(NARROWEST)
    try:
        width = page.evaluate(MEASURE_WIDTH)
    finally:
        page.set_viewport_size(viewport)
    assert width["scrollWidth"] <= width["clientWidth"], (
        f"{page.url} scrolls sideways at 320px: {width['scrollWidth']}px of content in "
        f"{width['clientWidth']}px; too wide: {', '.join(width['wide'])}"
    )


def page_fingerprint(page: Page) -> str:
    """Equal for pages with the same markup (so the same stylesheet) at the same width, tokens
    left out. A page scanned on a phone is scanned again on a laptop. JavaScript on or off is
    left out: the markup is read from the live document, so anything a script changed shows
    in it, and the same markup at the same width gives the same results."""
    html = TOKENS.sub("", page.content())
    width = (page.viewport_size or PHONE)["width"]
    return sha256(f"{width}:{html}".encode()).hexdigest()


def check_page(page: Page) -> None:
    """The checks every page must pass, once it has loaded.

    A page identical to one that already passed (say, the sign-in form again) would give the
    same results, so it is not scanned twice.
    """
    log = _LOGS.get(page)
    assert log is not None, "open pages with the page or new_page fixture, so they are checked"
    page.wait_for_load_state("load")
    fingerprint = page_fingerprint(page)
    if fingerprint not in _PASSED:
        assert_accessible(page, javascript=log.javascript)
        assert_no_sideways_scroll(page)
        _PASSED.add(fingerprint)
    log.checked.append(without_fragment(page.url))


def visit(page: Page, path: str) -> None:
    """Type an address into the browser."""
    page.goto(path)
    check_page(page)


def go(page: Page, target: Locator) -> None:
    """Click a link or button that loads a new page."""
    with page.expect_navigation():
        target.click()
    check_page(page)


def follow(page: Page, link: str) -> None:
    go(page, page.get_by_role("link", name=link, exact=True))


def press(page: Page, button: str) -> None:
    go(page, page.get_by_role("button", name=button, exact=True))


def sign_in(page: Page, username: str, passphrase: str = PASSPHRASE) -> None:
    """Sign in through the form, going to /sign-in first unless already there."""
    if not page.url.endswith("/sign-in"):
        visit(page, "/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Passphrase").fill(passphrase)
    press(page, "Sign in")


def menu(page: Page) -> Locator:
    """The signed-in menu, opened first where it is folded behind "Menu" (on phones)."""
    toggle = page.get_by_text("Menu", exact=True)
    if toggle.is_visible() and page.locator("details.app-menu:not([open])").count():
        toggle.click()
    return page.get_by_role("navigation", name="Menu")


def sign_out(page: Page) -> None:
    go(page, menu(page).get_by_role("button", name="Sign out", exact=True))
