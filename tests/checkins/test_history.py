"""Your check-ins: history, charts, sharing later, corrections, deleting what was never shared."""

from datetime import UTC, datetime

import pytest
from sqlmodel import select

from app.audit.models import AuditEvent
from app.checkins.charts import line_chart, y_position
from app.checkins.history import Point, TopicSeries
from app.checkins.models import Answer, CheckIn, Correction, SafetyAlert, TopicResponse
from tests.checkins.journey import Journey
from tests.checkins.sending import another_young_person, send_check_in
from tests.web import csrf_token, error_messages, page, signed_in_client

WORK_GOOD = {"employment": {"employment.feeling": "good", "comment": "New job!"}}
FEELING = {"wellbeing": {"wellbeing.life_satisfaction": "7"}}


def _signed_in(client, db, world):
    signed_in_client(client, db, world.young_user)
    return client


def _post(client, path: str, **data: str):
    return client.post(path, data={**data, "csrf_token": csrf_token(client, "/check-ins")})


def _response(db, check_in_id: int, topic: str) -> TopicResponse:
    db.expire_all()
    return db.exec(
        select(TopicResponse).where(
            TopicResponse.check_in_id == check_in_id, TopicResponse.topic_key == topic
        )
    ).one()


def test_history_lists_sent_check_ins_newest_first_with_what_was_shared(client, db, world):
    _signed_in(client, db, world)
    first = send_check_in(client, {**WORK_GOOD, **FEELING}, {"employment": "share", "wellbeing": "keep"})
    second = send_check_in(client, FEELING, {"wellbeing": "keep"})
    Journey(client).start()  # an unfinished draft is not history
    html = page(client.get("/check-ins"))
    items = html.select("#check-ins .govuk-summary-list__row")
    links = [item.find("a")["href"] for item in items]
    assert links == [f"/check-ins/{second}", f"/check-ins/{first}"]
    assert "You kept this check-in to yourself." in items[0].get_text()
    older = items[1].get_text(" ", strip=True)
    assert "Shared with your PA: Work" in older
    assert "Kept to yourself: How you feel" in older
    assert "Not seen by your PA yet" in older


def test_a_young_person_with_no_check_ins_is_invited_to_check_in(client, db, world):
    html = page(_signed_in(client, db, world).get("/check-ins"))
    assert html.find(id="no-check-ins") is not None
    assert html.find("svg") is None


def test_another_young_person_gets_not_found_on_every_history_route(client, db, world):
    _signed_in(client, db, world)
    mine = send_check_in(client, FEELING, {"wellbeing": "keep"})
    shared = send_check_in(client, WORK_GOOD, {"employment": "share"})
    _, other_user = another_young_person(db, world)
    client.cookies.clear()
    signed_in_client(client, db, other_user)
    assert client.get(f"/check-ins/{mine}").status_code == 404
    assert client.get(f"/check-ins/{mine}/delete").status_code == 404
    assert _post(client, f"/check-ins/{mine}/delete").status_code == 404
    assert _post(client, f"/check-ins/{mine}/topics/wellbeing/share").status_code == 404
    assert (
        _post(client, f"/check-ins/{shared}/topics/employment/corrections", text="Not me").status_code == 404
    )
    assert _response(db, mine, "wellbeing").shared is False
    assert db.get(CheckIn, mine) is not None
    assert db.exec(select(Correction)).all() == []


def test_an_unfinished_check_in_is_not_found_in_history(client, db, world):
    journey = Journey(_signed_in(client, db, world))
    journey.start()
    journey.answer("wellbeing", FEELING["wellbeing"])
    assert client.get(f"/check-ins/{journey.check_in_id}").status_code == 404
    assert client.get(f"/check-ins/{journey.check_in_id}/delete").status_code == 404


def test_sharing_a_kept_topic_later_shares_it_with_the_pa(client, db, world):
    check_in_id = send_check_in(_signed_in(client, db, world), FEELING, {"wellbeing": "keep"})
    detail = page(client.get(f"/check-ins/{check_in_id}"))
    assert detail.select_one("#topic-wellbeing .app-kept-tag") is not None
    response = _post(client, f"/check-ins/{check_in_id}/topics/wellbeing/share")
    assert response.status_code == 303
    assert response.headers["location"] == f"/check-ins/{check_in_id}#topic-wellbeing"
    saved = _response(db, check_in_id, "wellbeing")
    assert saved.shared is True and saved.shared_at is not None
    detail = page(client.get(f"/check-ins/{check_in_id}"))
    assert detail.select_one("#topic-wellbeing .app-shared-tag") is not None


@pytest.mark.parametrize("topic", ["housing", "nonsense"])
def test_a_skipped_or_unknown_topic_cannot_be_shared(client, db, world, topic):
    check_in_id = send_check_in(_signed_in(client, db, world), FEELING, {"wellbeing": "keep"})
    assert _post(client, f"/check-ins/{check_in_id}/topics/{topic}/share").status_code == 404


def test_a_correction_is_shown_beside_the_original_which_stays(client, db, world):
    check_in_id = send_check_in(_signed_in(client, db, world), WORK_GOOD, {"employment": "share"})
    response = _post(
        client, f"/check-ins/{check_in_id}/topics/employment/corrections", text="It's <b>part time</b> now"
    )
    assert response.headers["location"] == f"/check-ins/{check_in_id}#topic-employment"
    section = page(client.get(f"/check-ins/{check_in_id}")).find(id="topic-employment")
    text = section.get_text(" ", strip=True)
    assert "Good" in text and "New job!" in text
    assert (
        section.select_one(".app-correction").get_text(" ", strip=True).endswith("It's <b>part time</b> now")
    )
    assert section.find("b") is None
    answers = db.exec(select(Answer).where(Answer.check_in_id == check_in_id)).all()
    assert [(a.question_key, a.option_key) for a in answers] == [("employment.feeling", "good")]


@pytest.mark.parametrize(
    ("typed", "message"),
    [("   ", "Enter what you want to add"), ("x" * 2001, "Your correction must be 2000 characters or fewer")],
)
def test_an_empty_or_too_long_correction_is_refused_and_the_words_kept(client, db, world, typed, message):
    check_in_id = send_check_in(_signed_in(client, db, world), WORK_GOOD, {"employment": "share"})
    response = _post(client, f"/check-ins/{check_in_id}/topics/employment/corrections", text=typed)
    assert response.status_code == 422
    assert error_messages(response) == [message]
    box = page(response).find("textarea", id="correction-employment")
    assert box.get_text() == typed
    assert box.find_parent("details").has_attr("open")
    assert db.exec(select(Correction)).all() == []


def test_a_kept_topic_cannot_be_corrected(client, db, world):
    check_in_id = send_check_in(_signed_in(client, db, world), FEELING, {"wellbeing": "keep"})
    for words in ("Actually fine", ""):
        path = f"/check-ins/{check_in_id}/topics/wellbeing/corrections"
        assert _post(client, path, text=words).status_code == 404


def test_a_check_in_with_anything_shared_cannot_be_deleted(client, db, world):
    _signed_in(client, db, world)
    check_in_id = send_check_in(
        client, {**WORK_GOOD, **FEELING}, {"employment": "share", "wellbeing": "keep"}
    )
    assert (
        page(client.get(f"/check-ins/{check_in_id}")).find("a", href=f"/check-ins/{check_in_id}/delete")
        is None
    )
    assert client.get(f"/check-ins/{check_in_id}/delete").status_code == 404
    assert _post(client, f"/check-ins/{check_in_id}/delete").status_code == 404
    assert db.get(CheckIn, check_in_id) is not None


def test_sharing_later_means_the_check_in_can_no_longer_be_deleted(client, db, world):
    check_in_id = send_check_in(_signed_in(client, db, world), FEELING, {"wellbeing": "keep"})
    assert client.get(f"/check-ins/{check_in_id}/delete").status_code == 200
    _post(client, f"/check-ins/{check_in_id}/topics/wellbeing/share")
    assert client.get(f"/check-ins/{check_in_id}/delete").status_code == 404


def test_deleting_an_unshared_check_in_removes_the_answers_but_safety_alerts_stay(client, db, world):
    _signed_in(client, db, world)
    risky = {"risk": {"risk.feeling": "really_unsafe"}, **FEELING}
    check_in_id = send_check_in(client, risky, {"risk": "keep", "wellbeing": "keep"})
    confirm = page(client.get(f"/check-ins/{check_in_id}/delete"))
    assert "That stays on record" in confirm.find(id="alerts-stay").get_text()
    response = _post(client, f"/check-ins/{check_in_id}/delete")
    assert response.headers["location"] == "/check-ins?deleted=1"
    db.expire_all()
    assert db.get(CheckIn, check_in_id) is None
    assert db.exec(select(Answer).where(Answer.check_in_id == check_in_id)).all() == []
    assert db.exec(select(TopicResponse).where(TopicResponse.check_in_id == check_in_id)).all() == []
    alert = db.exec(select(SafetyAlert)).one()
    assert (alert.check_in_id, alert.question_key, alert.option_key) == (
        None,
        "risk.feeling",
        "really_unsafe",
    )
    assert "Your check-in has been deleted." in client.get("/check-ins?deleted=1").text


def test_what_the_pa_saw_and_replied_is_shown(client, db, world):
    check_in_id = send_check_in(_signed_in(client, db, world), WORK_GOOD, {"employment": "share"})
    check_in = db.get(CheckIn, check_in_id)
    check_in.seen_at = check_in.replied_at = datetime(2026, 5, 3, 10, 0, tzinfo=UTC)
    check_in.seen_by_id = world.pa.id
    check_in.reply = "Great news <i>about</i> the job"
    db.add(check_in)
    db.commit()
    history = (
        page(client.get("/check-ins"))
        .select_one("#check-ins .govuk-summary-list__row")
        .get_text(" ", strip=True)
    )
    assert "Seen by Pa on 3 May 2026" in history
    detail = page(client.get(f"/check-ins/{check_in_id}"))
    assert "Seen by Pa on 3 May 2026" in detail.find(id="pa-status").get_text()
    assert detail.find(id="reply").p.get_text() == "Great news <i>about</i> the job"


def test_each_topic_chart_is_an_svg_image_with_a_title_and_its_values_listed(client, db, world):
    _signed_in(client, db, world)
    send_check_in(client, {**WORK_GOOD, **FEELING}, {"employment": "keep", "wellbeing": "keep"})
    send_check_in(client, {"wellbeing": {"wellbeing.life_satisfaction": "4"}}, {"wellbeing": "share"})
    html = page(client.get("/check-ins"))
    svg = html.select_one("#chart-wellbeing-section svg")
    assert svg["role"] == "img"
    assert svg.find("title").get_text() == "How you feel"
    assert "Latest answer: 4 out of 10" in svg.find("desc").get_text()
    assert svg["aria-labelledby"] == "chart-wellbeing-title chart-wellbeing-desc"
    assert len(svg.find("polyline")["points"].split()) == 2
    values = [td.get_text() for td in html.select("#chart-wellbeing-values tbody td:nth-of-type(2)")]
    assert values == ["7 out of 10", "4 out of 10"]
    work = [td.get_text() for td in html.select("#chart-employment-values tbody td:nth-of-type(2)")]
    assert work == ["Good"]
    assert html.select_one("#chart-housing-section") is None
    caption = html.select_one("#chart-wellbeing-values caption").get_text(strip=True)
    assert caption == "Your answers about How you feel, by check-in"
    for element in html.select("svg, svg *"):
        assert "style" not in element.attrs


def _series(**changes) -> TopicSeries:
    when = datetime(2026, 5, 3, tzinfo=UTC)
    values = {
        "key": "wellbeing",
        "title": "How you feel",
        "question": "Overall?",
        "low": 1,
        "high": 5,
        "low_label": "Really bad",
        "high_label": "Really good",
        "points": [Point(when, 1, "Really bad"), Point(when, 5, "Really good")],
        **changes,
    }
    return TopicSeries(**values)


def test_chart_text_is_escaped_and_better_answers_sit_higher():
    svg = str(line_chart(_series(title="<script>x</script>", low_label='"bad"'), chart_id="c"))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "&#34;bad&#34;" in svg
    assert y_position(5, 1, 5) < y_position(1, 1, 5)
    assert 'viewBox="0 0 320 180"' in svg


def test_a_young_person_sees_when_their_pa_saw_a_safety_alert(client, db, world):
    _signed_in(client, db, world)
    send_check_in(client, {"risk": {"risk.feeling": "really_unsafe"}}, {"risk": "keep"})
    listed = page(client.get("/check-ins")).find(id="safety-alerts").get_text(" ", strip=True)
    assert "we let your PA know. They have not seen it yet." in listed
    alert = db.exec(select(SafetyAlert)).one()
    alert.acknowledged_at = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    db.add(alert)
    db.commit()
    listed = page(client.get("/check-ins")).find(id="safety-alerts").get_text(" ", strip=True)
    assert listed.endswith("They saw it on 4 May 2026.")


def _pa_meeting_page(client, db, world) -> str:
    client.cookies.clear()
    signed_in_client(client, db, world.pa)
    html = client.get(f"/young-people/{world.young.id}/meeting").text
    client.cookies.clear()
    signed_in_client(client, db, world.young_user)
    return html


def test_stopping_sharing_hides_the_topic_from_the_pa_and_says_they_may_have_read_it(client, db, world):
    _signed_in(client, db, world)
    check_in_id = send_check_in(
        client, {**WORK_GOOD, **FEELING}, {"employment": "share", "wellbeing": "share"}
    )
    assert "New job!" in _pa_meeting_page(client, db, world)
    response = _post(client, f"/check-ins/{check_in_id}/topics/employment/unshare")
    assert response.headers["location"] == f"/check-ins/{check_in_id}?stopped=employment#topic-employment"
    banner = page(client.get(response.headers["location"])).find(class_="govuk-notification-banner")
    assert "You stopped sharing Work. Your PA can't see it from now on." in banner.get_text()
    assert "They may already have read it" in banner.get_text()
    assert "<p" not in banner.get_text(), "the banner's paragraphs are markup, not text"
    assert _response(db, check_in_id, "employment").shared is False
    assert "New job!" not in _pa_meeting_page(client, db, world)
    assert _post(client, f"/check-ins/{check_in_id}/topics/employment/unshare").status_code == 404
    unshared = db.exec(select(AuditEvent).where(AuditEvent.action == "check_in.topic_unshared")).all()
    assert [(e.actor_id, e.young_person_id, e.record_type, e.record_id) for e in unshared] == [
        (world.young_user.id, world.young.id, "check_in", check_in_id)
    ], "one audit row for the one topic that stopped being shared, none for the refused repeat"


def test_the_kept_topics_of_a_partly_shared_check_in_can_be_deleted(client, db, world):
    _signed_in(client, db, world)
    risky = {"risk": {"risk.feeling": "really_unsafe"}}
    check_in_id = send_check_in(
        client,
        {**WORK_GOOD, **FEELING, **risky},
        {"employment": "share", "wellbeing": "keep", "risk": "keep"},
    )
    detail = page(client.get(f"/check-ins/{check_in_id}"))
    assert detail.find("a", href=f"/check-ins/{check_in_id}/delete-kept") is not None
    confirm = page(client.get(f"/check-ins/{check_in_id}/delete-kept"))
    assert [li.get_text() for li in confirm.select("#to-delete li")] == ["How you feel", "Feeling safe"]
    response = _post(client, f"/check-ins/{check_in_id}/delete-kept")
    assert response.headers["location"] == f"/check-ins/{check_in_id}?kept_deleted=1"
    db.expire_all()
    topics = db.exec(select(Answer.topic_key).where(Answer.check_in_id == check_in_id)).all()
    assert set(topics) == {"employment"}
    answered = db.exec(select(TopicResponse).where(TopicResponse.skipped == False)).all()  # noqa: E712
    assert [r.topic_key for r in answered] == ["employment"]
    assert db.exec(select(SafetyAlert)).one().check_in_id == check_in_id
    assert client.get(f"/check-ins/{check_in_id}/delete-kept").status_code == 404
    assert "New job!" in client.get(f"/check-ins/{check_in_id}?kept_deleted=1").text


def test_another_young_person_cannot_stop_sharing_or_delete_kept_topics(client, db, world):
    _signed_in(client, db, world)
    check_in_id = send_check_in(
        client, {**WORK_GOOD, **FEELING}, {"employment": "share", "wellbeing": "keep"}
    )
    _, other_user = another_young_person(db, world)
    client.cookies.clear()
    signed_in_client(client, db, other_user)
    assert _post(client, f"/check-ins/{check_in_id}/topics/employment/unshare").status_code == 404
    assert client.get(f"/check-ins/{check_in_id}/delete-kept").status_code == 404
    assert _post(client, f"/check-ins/{check_in_id}/delete-kept").status_code == 404
    assert _response(db, check_in_id, "employment").shared is True
    assert _response(db, check_in_id, "wellbeing").shared is False
