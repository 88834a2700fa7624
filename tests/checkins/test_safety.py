"""Help when unsafe: the help panel at once, and exactly one alert whatever is shared."""

from sqlmodel import select

from app.checkins.models import SafetyAlert
from app.db import utcnow
from app.people.service import current_assignment, deactivate_staff
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
    assert response.headers["location"].endswith("/topics/risk#risk-recent"), (
        "back to the rest of the questions"
    )
    summary = client.get(f"/check-in/{journey.check_in_id}/check").text
    assert "Do you want your PA to contact you?" in summary and "Today" in summary


def test_an_autosaved_risk_answer_shows_help_in_place_and_raises_nothing_yet(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    response = journey.answer("risk", {"risk.unsafe_now": "yes"}, action="autosave")
    assert response.status_code == 200 and "hx-redirect" not in response.headers
    panel = page(response).find(id="help-panel")
    text = panel.get_text(" ", strip=True)
    assert f"When you press 'Save and continue', we will let {world.pa.display_name}, your PA, know" in text
    assert "tel:999" in {a["href"] for a in panel.find_all("a")}
    assert _alerts(db) == []


def test_passing_through_a_risk_answer_raises_nothing(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("risk", {"risk.feeling": "really_unsafe"}, action="autosave")
    journey.answer("risk", {"risk.feeling": "bit_unsafe"}, action="autosave")
    response = journey.answer("risk", {"risk.feeling": "bit_unsafe"})
    assert response.headers["location"].endswith("/check")
    assert _alerts(db) == []


def test_send_raises_a_risk_answer_that_was_only_autosaved(client, db, world):
    journey = _journey(client, db, world)
    journey.start("quick")
    journey.answer("risk", {"risk.feeling": "really_unsafe"}, action="autosave")
    assert _alerts(db) == []
    journey.finish({"risk": "keep"})
    assert [(a.option_key, a.pa_id) for a in _alerts(db)] == [("really_unsafe", world.pa.id)]


def test_an_alert_stays_with_a_note_when_the_answer_is_changed(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("risk", {"risk.unsafe_now": "yes"})
    journey.answer("risk", {"risk.unsafe_now": "no"})
    [alert] = _alerts(db)
    assert alert.option_key == "yes" and alert.answer_changed_at is not None


def test_the_help_panel_says_the_duty_team_was_told_when_the_pa_is_away(client, db, world):
    world.pa.away = True
    db.add(world.pa)
    db.commit()
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("risk", {"risk.unsafe_now": "yes"})
    text = (
        page(client.get(f"/check-in/{journey.check_in_id}/topics/risk/help"))
        .find(id="who-is-told")
        .get_text()
    )
    assert "Your PA isn't available at the moment, so we have let the duty team" in text
    assert world.pa.display_name not in text


def test_without_a_pa_the_help_panel_and_confirmation_say_so_rather_than_that_the_pa_is_away(
    client, db, world
):
    assignment = current_assignment(db, young_person_id=world.young.id)
    assignment.ended_at = utcnow()
    db.add(assignment)
    db.commit()
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("risk", {"risk.unsafe_now": "yes"})
    help_page = page(client.get(f"/check-in/{journey.check_in_id}/topics/risk/help"))
    text = help_page.find(id="who-is-told").get_text()
    assert "You don't have a PA at the moment, so we have let the duty team" in text
    assert "isn't available" not in text
    journey.finish({"risk": "keep"})
    done = page(client.get(f"/check-in/{journey.check_in_id}/done"))
    told = done.find(id="who-was-told").get_text(" ", strip=True)
    assert "we let the duty team at your leaving care service know" in told
    assert "as you don't have a PA at the moment" in told
    assert "isn't available" not in told


def test_the_contact_answer_reaches_the_alert(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("risk", {"risk.unsafe_now": "yes"})
    client.post(
        f"/check-in/{journey.check_in_id}/topics/risk/help",
        data={"risk.contact": "today", "csrf_token": journey.token},
    )
    [alert] = _alerts(db)
    assert (alert.follow_up_question_key, alert.follow_up_option_key) == ("risk.contact", "today")


def test_the_confirmation_says_who_was_told_after_a_private_safety_answer(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("risk", {"risk.unsafe_now": "yes"})
    journey.finish({"risk": "keep"})
    done = page(client.get(f"/check-in/{journey.check_in_id}/done"))
    told = done.find(id="who-was-told").get_text(" ", strip=True)
    assert f"Because of your answer about Feeling safe, we let {world.pa.display_name}, your PA, know" in told
    assert "Only you can see these" not in done.get_text()


def test_carry_on_from_the_help_panel_returns_to_the_rest_of_the_safety_questions(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    response = journey.answer("risk", {"risk.feeling": "really_unsafe"})
    assert response.headers["location"].endswith("/topics/risk/help")
    carry_on = client.post(response.headers["location"], data={"csrf_token": journey.token})
    assert carry_on.headers["location"] == f"/check-in/{journey.check_in_id}/topics/risk#risk-unsafe_now"
    again = journey.answer(
        "risk", {"risk.feeling": "really_unsafe", "risk.unsafe_now": "no", "risk.recent": ["none"]}
    )
    assert again.headers["location"].endswith("/check"), "the help panel is not shown twice for one alert"
    assert len(_alerts(db)) == 1
