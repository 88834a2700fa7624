"""A young person picks Arabic in the footer of a phone-sized page and checks in in Arabic: the
page turns right-to-left with its own stylesheet, says the translation is a draft, and every
label they go by (sign in, the check-in, the quick exit) is Arabic; then they switch back."""

import re
from collections.abc import Callable

import pytest

from tests.browser.check_in_steps import choose, database_and_javascript
from tests.browser.support import Page, expect, go, press, visit
from tests.factories import PASSPHRASE, World

pytestmark = pytest.mark.browser

DRAFT_NOTICE = "هذه الترجمة مسودة. مترجمو المجلس يراجعونها."
WORK_QUESTION = "ما شعورك تجاه العمل، أو البحث عن عمل، في هذا الوقت؟"


def footer_link(page: Page, name: str):
    return (
        page.get_by_role("navigation", name="Language")
        .or_(page.get_by_role("navigation", name="اللغة"))
        .get_by_role("link", name=name, exact=True)
    )


def expect_arabic_page(page: Page) -> None:
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    expect(page.locator('link[rel="stylesheet"][href*="app.rtl"]')).to_have_count(1)
    expect(page.get_by_text(DRAFT_NOTICE)).to_be_visible()
    expect(page.get_by_role("button", name="طوارئ اخرج من هذه الصفحة")).to_be_visible()


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)
def test_a_young_person_checks_in_in_arabic_and_switches_back(
    world: World, new_page: Callable[..., Page]
) -> None:
    page = new_page()
    visit(page, "/sign-in")
    go(page, footer_link(page, "العربية"))
    expect_arabic_page(page)

    page.get_by_label("اسم المستخدم").fill("young.one")
    page.get_by_label("عبارة المرور").fill(PASSPHRASE)
    press(page, "تسجيل الدخول")
    expect_arabic_page(page)
    go(page, page.get_by_role("main").get_by_role("link", name="سجّل الآن", exact=True))
    press(page, "تسجيل سريع (8 أسئلة)")

    expect(page.get_by_role("heading", name="العمل", level=1)).to_be_visible()
    expect(page.get_by_text("الموضوع 1 من 8", exact=True)).to_be_visible()
    expect_arabic_page(page)
    choose(page, WORK_QUESTION, "جيد")
    press(page, "احفظ وتابع")
    expect(page.get_by_role("heading", name="التعلّم", level=1)).to_be_visible()
    expect(footer_link(page, "English")).to_have_count(0)  # not on the check-in's own screens

    visit(page, "/check-in")
    go(page, footer_link(page, "English"))
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "en")
    expect(html).to_have_attribute("dir", "ltr")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Check in")
    expect(page.get_by_text(DRAFT_NOTICE)).to_have_count(0)


# Which way the back link's chevron points: the corner its two borders draw (GOV.UK draws it with
# a top and a side border) turned by its transform, as an x, y direction on the screen.
CHEVRON_DIRECTION = """(link) => {
  const chevron = getComputedStyle(link, "::before");
  const drawn = (side) => parseFloat(chevron[`border${side}Width`]) > 0;
  const corner = new DOMPoint(drawn("Right") - drawn("Left"), drawn("Bottom") - drawn("Top"));
  const turned = new DOMMatrix(chevron.transform).transformPoint(corner);
  const box = link.getBoundingClientRect();
  const side = parseFloat(chevron.right) < parseFloat(chevron.left) ? "right" : "left";
  return {x: Math.round(turned.x), y: Math.round(turned.y), side, textStart: box.right};
}"""


def arabic_menu(page: Page):
    """The signed-in menu ("القائمة"), opened first where it is folded (on phones)."""
    if page.locator("details.app-menu:not([open])").count():
        page.get_by_text("القائمة", exact=True).click()
    return page.get_by_role("navigation", name="القائمة")


def chevron(page: Page) -> dict[str, int | str]:
    return page.locator(".govuk-back-link").evaluate(CHEVRON_DIRECTION)


@database_and_javascript(javascript_on_sqlite=False)
def test_every_young_person_screen_reads_right_to_left_in_arabic(
    world: World, new_page: Callable[..., Page], javascript: bool
) -> None:
    """Each screen a young person can open, in Arabic: right-to-left, checked by axe and for sideways
    scrolling at 320px (visit/press/go); the menu's "Home" is the home page, not the topic "Home";
    the back link sits on the right and its chevron points right, back the way they came."""
    page = new_page(javascript=javascript)
    visit(page, "/sign-in")
    go(page, footer_link(page, "العربية"))
    page.get_by_label("اسم المستخدم").fill("young.one")
    page.get_by_label("عبارة المرور").fill(PASSPHRASE)
    press(page, "تسجيل الدخول")
    expect_arabic_page(page)
    home = arabic_menu(page).get_by_role("link", name="الصفحة الرئيسية")
    expect(home).to_have_count(1)
    expect(page).to_have_title(re.compile("^الصفحة الرئيسية"))

    go(page, page.get_by_role("main").get_by_role("link", name="سجّل الآن", exact=True))
    press(page, "تسجيل سريع (8 أسئلة)")
    choose(page, WORK_QUESTION, "جيد")
    page.get_by_label("هل تريد أن تقول شيئاً آخر عن هذا؟ (اختياري)").fill("my words stay as written")
    press(page, "احفظ وتابع")
    expect_arabic_page(page)
    back = chevron(page)
    assert (back["x"], back["y"], back["side"]) == (1, 0, "right"), back
    assert back["textStart"] > (page.viewport_size or {"width": 0})["width"] / 2, back  # starts on the right
    for _topic in range(7):
        press(page, "تخطَّ هذا الموضوع")
    choose(page, "مشاركة «العمل» مع مستشارك الشخصي؟", "أشاركه مع مستشاري")
    press(page, "أرسل تسجيلي")
    expect(page.get_by_role("heading", name="تم إرسال التسجيل")).to_be_visible()
    expect_arabic_page(page)

    go(page, arabic_menu(page).get_by_role("link", name="تسجيلاتك"))
    expect_arabic_page(page)
    go(page, page.get_by_role("main").get_by_role("link").filter(has_text=re.compile(r"\d")).first)
    expect(page.get_by_text("my words stay as written")).to_be_visible()
    assert chevron(page)["x"] == 1, chevron(page)
    for path in (
        "/my-data",
        "/my-data/council-record",
        "/me/who-has-looked",
        "/reminders",
        "/help",
        "/privacy",
        "/account/passphrase",
        "/account/close",
    ):
        visit(page, path)
        expect_arabic_page(page)
