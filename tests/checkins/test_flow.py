"""The check-in journey: answers saved as drafts, skipping, resuming, sharing, confirmation."""

from sqlmodel import select

from app.checkins.models import Answer, CheckIn, TopicResponse
from app.questions.loader import load_question_set
from tests.checkins.journey import TOPICS, Journey, full_answers
from tests.factories import make_user
from tests.questions.test_question_sets import _version_2_text
from tests.web import error_messages, page, signed_in_client


def _journey(client, db, world) -> Journey:
    signed_in_client(client, db, world.young_user)
    return Journey(client)


def test_the_start_page_says_who_sees_what(client, db, world):
    signed_in_client(client, db, world.young_user)
    box = page(client.get("/check-in")).find(id="who-sees-this")
    text = box.get_text(" ", strip=True)
    assert "You choose, topic by topic, what your PA sees" in text
    assert "This app isn't watched all the time" in text
    assert "we will let your PA know so they can check on you" in text


def test_answers_are_stored_with_the_set_version_and_question_keys(client, db, world):
    journey = _journey(client, db, world)
    journey.start("full")
    journey.answer("employment", full_answers()["employment"])
    journey.answer("wellbeing", full_answers()["wellbeing"])
    check_in = db.get(CheckIn, journey.check_in_id)
    assert check_in.question_set_version == 1
    rows = db.exec(select(Answer).where(Answer.check_in_id == check_in.id).order_by(Answer.id)).all()
    assert [(r.question_key, r.option_key, r.number) for r in rows] == [
        ("employment.feeling", "good", 4),
        ("employment.activity", "F5", None),
        ("wellbeing.life_satisfaction", "", 7),
        ("wellbeing.anxious", "", 3),
    ]


def test_saving_the_same_screen_twice_stores_it_once(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    for _ in range(2):
        assert journey.answer("education", full_answers()["education"]).status_code == 303
    rows = db.exec(select(Answer).where(Answer.check_in_id == journey.check_in_id)).all()
    assert sorted(r.option_key for r in rows) == ["money", "ok", "travel"]
    assert len(db.exec(select(TopicResponse)).all()) == 1


def test_coming_back_shows_what_was_saved_and_carries_on_where_left(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("employment", full_answers()["employment"])
    journey.skip("education")
    start = page(client.get("/check-in"))
    assert start.find("button", string="Carry on") is not None
    resumed = client.post("/check-in", data={"mode": "resume", "csrf_token": journey.token})
    assert resumed.headers["location"] == f"/check-in/{journey.check_in_id}/topics/housing"
    html = page(client.get(f"/check-in/{journey.check_in_id}/topics/employment"))
    assert html.find("input", attrs={"name": "employment.feeling", "value": "good"}).has_attr("checked")
    assert html.find("textarea", attrs={"name": "comment"}).get_text() == "New job!"


def test_every_screen_shows_progress_and_offers_skip(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    for position, topic in enumerate(TOPICS, start=1):
        html = page(client.get(f"/check-in/{journey.check_in_id}/topics/{topic}"))
        assert html.find(id="progress").get_text() == f"Topic {position} of 8"
        assert html.find("button", string="Skip this topic") is not None


def test_scales_are_eleven_radio_buttons(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    html = page(client.get(f"/check-in/{journey.check_in_id}/topics/wellbeing"))
    radios = html.find_all("input", attrs={"name": "wellbeing.life_satisfaction"})
    assert [r["type"] for r in radios] == ["radio"] * 11
    assert [r["value"] for r in radios] == [str(n) for n in range(11)]
    assert not html.find("input", attrs={"type": "range"})


def test_a_quick_check_in_asks_only_the_eight_headlines(client, db, world):
    journey = _journey(client, db, world)
    journey.start("quick")
    asked = []
    for topic in TOPICS:
        html = page(client.get(f"/check-in/{journey.check_in_id}/topics/{topic}"))
        asked.append(sorted({i["name"] for i in html.select("input[type=radio]")}))
    assert asked == [
        ["employment.feeling"],
        ["education.feeling"],
        ["housing.feeling"],
        ["relationships.feeling"],
        ["wellbeing.life_satisfaction"],
        ["health.general"],
        ["life.feeling"],
        ["risk.feeling"],
    ]


def test_an_answer_that_was_not_offered_is_refused_and_the_rest_kept(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    response = journey.answer(
        "wellbeing", {"wellbeing.life_satisfaction": "11", "wellbeing.anxious": "2", "comment": "hi"}
    )
    assert response.status_code == 422
    assert error_messages(response) == ["Choose a number from 0 to 10, or leave it"]
    html = page(response)
    assert html.find("input", attrs={"name": "wellbeing.anxious", "value": "2"}).has_attr("checked")
    assert html.find("textarea", attrs={"name": "comment"}).get_text() == "hi"
    assert db.exec(select(Answer)).all() == []


def test_nothing_and_something_else_cannot_both_be_ticked(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    response = journey.answer("risk", {"risk.recent": ["none", "police"]})
    assert "'None of these' cannot be ticked with other answers" in error_messages(response)


def test_the_check_page_needs_a_choice_for_each_answered_topic(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("employment", full_answers()["employment"])
    journey.skip("education")
    journey.answer("housing", full_answers()["housing"])
    response = journey.finish({"employment": "share"}, going_well="My new flat")
    assert response.status_code == 422
    assert error_messages(response) == ["Choose whether to share 'Home' with your PA"]
    html = page(response)
    assert html.find("input", attrs={"name": "share-employment", "value": "share"}).has_attr("checked")
    assert html.find("textarea", attrs={"name": "going_well"}).get_text() == "My new flat"
    assert not html.find_all("input", attrs={"name": "share-education"})


def test_nothing_is_pre_ticked_on_the_check_page(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("employment", full_answers()["employment"])
    html = page(client.get(f"/check-in/{journey.check_in_id}/check"))
    assert not [i for i in html.select("input[type=radio]") if i.has_attr("checked")]


def test_the_confirmation_lists_exactly_what_was_shared_and_with_whom(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    for topic in TOPICS[:3]:
        journey.answer(topic, full_answers()[topic])
    response = journey.finish({"employment": "share", "education": "keep", "housing": "share"})
    done = page(client.get(response.headers["location"]))
    assert [li.get_text() for li in done.select("#shared-topics li")] == ["Work", "Home"]
    assert [li.get_text() for li in done.select("#kept-topics li")] == ["Learning"]
    assert "Pa One, your PA, can now see" in done.get_text()
    shared = db.exec(select(TopicResponse).where(TopicResponse.shared)).all()
    assert sorted(r.topic_key for r in shared) == ["employment", "housing"]


def _chosen(html, topic: str) -> str:
    checked = html.select(f'input[name="share-{topic}"][checked]')
    return checked[0]["value"] if checked else ""


def test_set_all_only_sets_the_choices_on_the_page_and_sends_nothing(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("employment", full_answers()["employment"])
    journey.answer("housing", full_answers()["housing"])
    journey.skip("education")
    words = {"talk_about_words": "my flat"}
    shown = journey.finish({"employment": "keep"}, action="share_all", **words)
    assert shown.status_code == 200
    html = page(shown)
    assert [_chosen(html, t) for t in ("employment", "housing")] == ["share", "share"]
    assert "Nothing has been sent yet" in html.find(id="set-all-done").get_text()
    assert html.find("textarea", id="talk_about_words").get_text() == "my flat"
    assert db.get(CheckIn, journey.check_in_id).status == "draft"
    assert all(r.shared is None for r in db.exec(select(TopicResponse)).all())
    kept = page(journey.finish({}, action="keep_all"))
    assert [_chosen(kept, t) for t in ("employment", "housing")] == ["keep", "keep"]


def test_send_shares_only_what_the_page_showed_as_shared(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("employment", full_answers()["employment"])
    journey.answer("housing", full_answers()["housing"])
    journey.finish({"employment": "keep", "housing": "share"}, action="send")
    db.expire_all()
    rows = {r.topic_key: r.shared for r in db.exec(select(TopicResponse)).all()}
    assert rows == {"employment": False, "housing": True}


def test_a_comment_over_the_limit_comes_back_with_a_message_and_every_character(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    for words in ("é" * 3000, "x" * 2_000_000):
        response = journey.answer("employment", {"employment.feeling": "ok", "comment": words})
        assert response.status_code == 422
        html = page(response)
        assert html.find("textarea", id="comment").get_text() == words
        assert error_messages(response) == [f"This must be 2,000 characters or fewer. It has {len(words):,}."]
    assert db.exec(select(TopicResponse)).all() == []


def test_words_for_the_meeting_over_the_limit_come_back_with_a_message(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("employment", full_answers()["employment"])
    response = journey.finish({"employment": "share"}, going_well="w" * 2001)
    assert response.status_code == 422
    assert page(response).find("textarea", id="going_well").get_text() == "w" * 2001
    assert db.get(CheckIn, journey.check_in_id).status == "draft"


def test_sending_twice_changes_nothing(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("employment", full_answers()["employment"])
    journey.finish({"employment": "keep"})
    again = journey.finish({"employment": "share"})
    assert again.headers["location"].endswith("/done")
    assert db.exec(select(TopicResponse)).one().shared is False


def test_a_sent_check_in_cannot_be_edited(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("employment", full_answers()["employment"])
    journey.finish({"employment": "keep"})
    assert client.get(f"/check-in/{journey.check_in_id}/topics/employment").status_code == 404
    assert journey.answer("employment", {"employment.feeling": "really_bad"}).status_code == 404


def test_someone_elses_check_in_is_not_found(client, web_app, db, world):
    journey = _journey(client, db, world)
    journey.start()
    client.cookies.clear()
    other = world.pa2_person
    account = make_user(db, world.org, "young_person", "blake.b")
    other.user_id = account.id
    db.add(other)
    db.commit()
    signed_in_client(client, db, account)
    for path in ("topics/employment", "topics/employment/help", "check"):
        assert client.get(f"/check-in/{journey.check_in_id}/{path}").status_code == 404


def test_an_unknown_topic_is_not_found(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    assert client.get(f"/check-in/{journey.check_in_id}/topics/astrology").status_code == 404


def test_a_draft_keeps_its_version_when_a_new_set_is_published(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    load_question_set(db, text=_version_2_text())
    html = page(client.get(f"/check-in/{journey.check_in_id}/topics/wellbeing"))
    assert not html.find("textarea", attrs={"name": "wellbeing.one_thing"})
    journey.answer("wellbeing", full_answers()["wellbeing"])
    journey.finish({"wellbeing": "share"})
    newer = Journey(client)
    newer.start()
    assert db.get(CheckIn, newer.check_in_id).question_set_version == 2
    assert db.get(CheckIn, journey.check_in_id).question_set_version == 1


def test_words_with_markup_are_kept_as_words(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    journey.answer("employment", {"comment": "<b>boss</b> & <script>x()</script>"})
    response = client.get(f"/check-in/{journey.check_in_id}/check")
    assert "<script>x()</script>" not in response.text
    assert "&lt;b&gt;boss&lt;/b&gt; &amp; &lt;script&gt;" in response.text


def test_htmx_saves_answers_as_they_are_chosen(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    response = journey.answer("employment", {"employment.feeling": "ok"}, action="autosave")
    assert response.status_code == 200
    assert page(response).find(class_="app-autosave-status").get_text(strip=True) == "Saved"
    assert page(response).find(id="help-panel") is None
    assert db.exec(select(Answer)).one().option_key == "ok"


def test_the_topic_screen_has_a_polite_live_region_for_autosave(client, db, world):
    journey = _journey(client, db, world)
    journey.start()
    region = page(client.get(f"/check-in/{journey.check_in_id}/topics/employment")).find(id="autosave-live")
    assert region["aria-live"] == "polite"
