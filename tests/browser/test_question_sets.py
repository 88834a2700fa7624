"""A council admin uploads a question set with three mistakes, sees each explained with its line,
fixes them, previews the topic screens on a phone and publishes; the young person's next check-in
asks the new set, and an older check-in still reads as it was asked (history and the PA's page)."""

import re

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.checkins.models import CheckIn
from tests.browser.check_in_steps import question, start_check_in
from tests.browser.support import Page, expect, follow, press, sign_in, sign_out, visit
from tests.browser.test_pa_meeting import send
from tests.factories import World
from tests.questions.test_council_sets import council_text

pytestmark = pytest.mark.browser

OLD_WHERE, NEW_WHERE = "Where are you living right now?", "Where do you live?"
OWN_PLACE = "My own place, a flat share or uni halls"
REPAIRS = "Does your home need repairs?"


def _questions(data: dict) -> dict[str, dict]:
    return {q["key"]: q for t in data["topics"] for q in t["questions"]}


def our_set(*, mistakes: bool) -> str:
    """Our council's set: its own repairs question, housing.where reworded; with three mistakes."""

    def change(data: dict) -> None:
        data["title"] = {"en": "Riverside check-in"}
        questions = _questions(data)
        questions["housing.where"]["text"] = {"en": NEW_WHERE}
        if mistakes:
            questions["housing.repairs"]["kind"] = "yes-no"
            questions["housing.where"]["colour"] = "blue"
            questions["wellbeing.happy"]["text"] = {"en": "Were you happy yesterday?"}

    return council_text(changes=change)


def test_admin_fixes_three_mistakes_previews_and_publishes_then_check_ins_use_it(
    world: World, page: Page, client: TestClient, db: Session, tmp_path
) -> None:
    answers = {"housing": {"housing.feeling": "good", "housing.where": "U"}}
    send(client, db, world.young_user, answers, {"housing": "share"})
    [old] = db.exec(select(CheckIn.id)).all()

    sign_in(page, "admin.one")
    visit(page, "/admin")
    follow(page, "Question sets")
    expect(page.locator("#in-use")).to_contain_text("the shared set (version 1)")
    upload = tmp_path / "riverside.yaml"
    upload.write_text(our_set(mistakes=True))
    page.get_by_label("Question set file").set_input_files(upload)
    press(page, "Check and preview")
    summary = page.locator(".govuk-error-summary__list a")
    expect(summary).to_have_count(3)
    expect(
        summary.filter(has_text=re.compile(r"^Line \d+, .*'housing.repairs' > kind: must be one of"))
    ).to_be_visible()
    expect(
        summary.filter(has_text=re.compile(r"^Line \d+, .*'housing.where' > colour: a question set has no"))
    ).to_be_visible()
    expect(summary.filter(has_text="wellbeing.happy is a core question")).to_be_visible()
    text_box = page.get_by_label("Or paste the file's text")
    expect(text_box).to_have_value(upload.read_text())

    text_box.fill(our_set(mistakes=False))
    press(page, "Check and preview")
    expect(page.get_by_role("heading", name="Riverside check-in", level=1)).to_be_visible()
    home = page.get_by_role("region", name="Home")
    expect(home.get_by_text("Topic 3 of 8", exact=True)).to_be_visible()
    expect(
        home.get_by_role("group", name=REPAIRS, exact=True).get_by_label("Yes", exact=True)
    ).to_be_disabled()
    expect(home.get_by_role("group", name=NEW_WHERE, exact=True)).to_be_visible()
    press(page, "Publish as version 2")
    expect(page.locator("#done")).to_contain_text("Question set published.")
    expect(page.locator("#versions")).to_contain_text("Riverside check-in")
    sign_out(page)

    start_check_in(page, "full")
    new = db.exec(select(CheckIn).order_by(col(CheckIn.id).desc())).first()
    assert new is not None and new.question_set_version == 2
    visit(page, f"/check-in/{new.id}/topics/housing")
    expect(question(page, REPAIRS)).to_be_visible()
    expect(question(page, NEW_WHERE).get_by_label(OWN_PLACE, exact=True)).to_be_visible()
    visit(page, f"/check-ins/{old}")
    expect(page.get_by_text(OLD_WHERE)).to_be_visible()
    expect(page.get_by_text(OWN_PLACE)).to_be_visible()
    expect(page.get_by_text(NEW_WHERE)).to_have_count(0)
    sign_out(page)

    sign_in(page, "pa.one")
    visit(page, f"/young-people/{world.young.id}/meeting")
    expect(page.locator("#topic-housing")).to_contain_text(OWN_PLACE)
