"""A young person picks Arabic in the footer of a phone-sized page and checks in in Arabic: the
page turns right-to-left with its own stylesheet, says the translation is a draft, and every
label they go by (sign in, the check-in, the quick exit) is Arabic; then they switch back."""

from collections.abc import Callable

import pytest

from tests.browser.check_in_steps import choose
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
