"""Meeting preparation on paper: a young person with a year of weekly check-ins, every topic
shared, printed from the PA's browser on A4, fits on two pages and keeps what matters."""

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.checkins.models import CheckIn
from app.db import utcnow
from tests.browser.support import LAPTOP, Page, expect, follow, sign_in
from tests.checkins.journey import TOPICS, full_answers
from tests.factories import World
from tests.meetings.helpers import check_in

pytestmark = pytest.mark.browser

WEEKS = 52
PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def a_year_of_weekly_check_ins(client: TestClient, db: Session, world: World) -> None:
    """Full check-ins, every topic shared, some with comments and things to talk about; the PA met
    and agreed actions four weeks ago and one ask came after that; last week's raised a safety alert."""
    scores = [str(3 + (week * 7) % 6) for week in range(WEEKS)]
    for week, score in enumerate(scores):
        answers = full_answers()
        answers["wellbeing"] = {**answers["wellbeing"], "wellbeing.life_satisfaction": score}
        if week % 5 == 0:
            answers["housing"] = {**answers["housing"], "comment": "The damp in the bathroom is back again."}
        if week == WEEKS - 1:
            answers["risk"] = {**answers["risk"], "risk.unsafe_now": "yes"}
        extra = (
            {"talk_about": ["life"], "talk_about_words": "Money for the bus to college"}
            if week % 6 == 0
            else {}
        )
        check_in(client, db, world, answers, dict.fromkeys(TOPICS, "share"), going_well="Kept going", **extra)
    sent = db.exec(select(CheckIn).order_by(col(CheckIn.id))).all()
    now = utcnow()
    for week, row in enumerate(sent):
        row.submitted_at = now - timedelta(weeks=WEEKS - 1 - week, hours=1)
        if week == WEEKS - 5:
            row.seen_at, row.actions_agreed = row.submitted_at, "Bus pass form sent to college."
        db.add(row)
    db.commit()


def test_meeting_preparation_for_a_year_of_weekly_check_ins_prints_on_two_a4_pages(
    world: World, db: Session, client: TestClient, new_page: Callable[..., Page]
) -> None:
    a_year_of_weekly_check_ins(client, db, world)
    pa = new_page(viewport=LAPTOP)
    sign_in(pa, "pa.one")
    follow(pa, "Alex Tester")
    pa.emulate_media(media="print")
    expect(pa.get_by_role("heading", name="Wants to talk about")).to_be_visible()
    expect(pa.locator("#talk-about li")).to_have_count(1)
    expect(pa.get_by_role("region", name="Open safety alerts")).to_contain_text("not acknowledged yet")
    for caption in pa.locator(".app-trend figcaption").all():
        expect(caption).to_have_text(re.compile(r"^Their answers to "))
    expect(pa.get_by_role("button", name="Save reply")).to_be_hidden()
    pdf = pa.pdf(format="A4", print_background=False)
    pages = len(PDF_PAGE.findall(pdf))
    assert 1 <= pages <= 2, f"meeting preparation printed on {pages} A4 pages"
