"""Help when unsafe: the help panel at once, and exactly one alert whatever is shared."""

from sqlmodel import select

from app.checkins.models import SafetyAlert
from app.people.service import deactivate_staff
from tests.checkins.journey import Journey
from tests.web import page, signed_in_client


def _journey(client, db, world) -> Journey:
    signed_in_client(client, db, world.young_user)
    return Journey(client)


def _alerts(db) -> list[SafetyAlert]:
    db.expire_all()
    return list(db.exec(select(SafetyAlert)).all())


def test_the_risk_screen_says_honestly_what_happens_before_answering(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    html = page(client.get(f"/check-in/{journey.check_in_id}/topics/risk"))
    assert "we will let your PA know" in html.find(id="not-watched").get_text()


def test_a_risk_answer_shows_the_help_panel_with_every_number(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    response = journey.answer("risk", {"risk.unsafe_now": "yes"})
    assert response.headers["location"].endswith("/topics/risk/help")
    panel = page(client.get(response.headers["location"])).find(id="help-panel")
    links = {a["href"] for a in panel.find_all("a")}
    assert {"tel:999", "tel:116123", "sms:85258", "tel:08001111", "tel:111", "tel:03001234567"} <= links
    assert "Text SHOUT to 85258" in panel.get_text()


def test_one_alert_for_the_pa_even_when_nothing_is_shared(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("risk", {"risk.unsafe_now": "yes", "risk.feeling": "bit_unsafe", "comment": "secret"})
    journey.answer("risk", {"risk.unsafe_now": "yes", "risk.feeling": "bit_unsafe", "comment": "secret"})
    journey.finish({"risk": "keep"})
    alerts = _alerts(db)
    assert [(a.question_key, a.option_key, a.pa_id, a.team_id) for a in alerts] == [
        ("risk.unsafe_now", "yes", world.pa.id, None)
    ]


def test_the_alert_holds_only_the_risk_answer_and_its_time(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("risk", {"risk.unsafe_now": "yes", "comment": "please do not tell"})
    alert = _alerts(db)[0]
    stored = {k: v for k, v in alert.model_dump().items() if v is not None}
    assert set(stored) == {
        "id",
        "young_person_id",
        "check_in_id",
        "question_key",
        "option_key",
        "raised_at",
        "pa_id",
    }


def test_a_quick_check_in_headline_can_raise_an_alert(client, db, world):
    journey = _journey(client, db, world)
    journey.start("quick")
    response = journey.answer("risk", {"risk.feeling": "really_unsafe"})
    assert response.headers["location"].endswith("/help")
    assert [a.option_key for a in _alerts(db)] == ["really_unsafe"]


def test_a_risk_answer_elsewhere_in_the_set_raises_its_own_alert(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("housing", {"housing.safe": "never"})
    journey.answer("risk", {"risk.unsafe_now": "yes"})
    assert sorted(a.question_key for a in _alerts(db)) == ["housing.safe", "risk.unsafe_now"]


def test_without_a_pa_the_alert_goes_to_the_team_duty_queue(client, db, world):
    deactivate_staff(db, actor=world.admin, member=world.pa)
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("risk", {"risk.unsafe_now": "yes"})
    alert = _alerts(db)[0]
    assert (alert.pa_id, alert.team_id) == (None, world.team.id)


def test_calm_answers_raise_no_alert(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    response = journey.answer("risk", {"risk.unsafe_now": "no", "risk.feeling": "bit_unsafe"})
    assert response.headers["location"].endswith("/check")
    assert _alerts(db) == []


def test_the_follow_up_asks_if_the_pa_should_get_in_touch(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("risk", {"risk.unsafe_now": "yes"})
    help_page = page(client.get(f"/check-in/{journey.check_in_id}/topics/risk/help"))
    assert help_page.find("legend").get_text(strip=True) == "Do you want your PA to contact you?"
    response = client.post(
        f"/check-in/{journey.check_in_id}/topics/risk/help",
        data={"risk.contact": "today", "csrf_token": journey.token},
    )
    assert response.headers["location"].endswith("/check")
    summary = client.get(f"/check-in/{journey.check_in_id}/check").text
    assert "Do you want your PA to contact you?" in summary and "Today" in summary
