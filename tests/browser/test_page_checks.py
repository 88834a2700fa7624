"""The checks run on every page really do catch problems (once, on SQLite: no data involved)."""

import pytest

from tests.browser.support import (
    Page,
    PageLog,
    assert_accessible,
    assert_no_sideways_scroll,
    visit,
)

pytestmark = pytest.mark.browser

SPOIL_THE_PAGE = """() => {
  const main = document.querySelector("main");
  main.append(document.createElement("input"));
  const wide = document.createElement("div");
  wide.style.width = "600px";
  wide.textContent = "Too wide for a phone";
  main.append(wide);
}"""


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_page_checks_catch_an_unlabelled_box_and_sideways_scrolling(page: Page) -> None:
    visit(page, "/")
    page.evaluate(SPOIL_THE_PAGE)

    with pytest.raises(AssertionError, match="label"):
        assert_accessible(page, javascript=True)
    with pytest.raises(AssertionError, match="scrolls sideways at 320px"):
        assert_no_sideways_scroll(page)


def test_a_page_loaded_but_never_checked_is_noticed() -> None:
    log = PageLog(javascript=True, loaded=["/", "/help", "/help"], checked=["/help", "/"])

    assert log.unchecked() == ["/help"]
