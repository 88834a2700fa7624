"""With JavaScript, the topic screen offers themes once the words change (an htmx fragment), and
what is ticked there is saved with the topic; the check answers page then shows it ticked."""

from sqlmodel import select

from app.themes.models import TopicTheme
from tests.checkins.journey import Journey
from tests.web import page, signed_in_client

GAS = "skint again, cant pay the gas and my flat is freezing"
LIFE = {"life.feeling": "not_great", "comment": GAS}


def _started(client, db, world) -> Journey:
    signed_in_client(client, db, world.young_user)
    journey = Journey(client)
    journey.start("full")
    return journey


def _themes(db) -> set[str]:
    db.expire_all()
    return {row.theme_key for row in db.exec(select(TopicTheme)).all()}


def test_the_topic_screen_asks_for_suggestions_and_gets_unticked_boxes(client, db, world):
    journey = _started(client, db, world)
    path = f"/check-in/{journey.check_in_id}/topics/life/themes"
    topic = page(client.get(f"/check-in/{journey.check_in_id}/topics/life"))
    assert topic.select_one("#topic-themes")["hx-post"] == path
    data = {"comment": GAS, "csrf_token": journey.token}
    fragment = page(client.post(path, data=data, headers={"HX-Request": "true"}))
    boxes = fragment.select("#topic-themes input[name=themes-life]")
    suggested = [b["value"] for b in fragment.select(".app-themes > fieldset > .govuk-checkboxes input")]
    assert {"money", "housing"} <= set(suggested) and not any(b.has_attr("checked") for b in boxes)
    assert fragment.select_one("input[name=themes_offered]")["value"] == "life"
    plain = client.post(path, data=data)
    assert (plain.status_code, plain.headers["location"]) == (
        303,
        f"/check-in/{journey.check_in_id}/topics/life",
    )


def test_ticks_on_the_topic_screen_are_saved_and_shown_ticked_on_check_answers(client, db, world):
    journey = _started(client, db, world)
    journey.answer("life", {**LIFE, "themes_offered": "life", "themes-life": ["money"]})
    assert _themes(db) == {"money"}
    check = page(client.get(f"/check-in/{journey.check_in_id}/check"))
    ticked = {b["value"] for b in check.select("input[name=themes-life][checked]")}
    assert ticked == {"money"}


def test_taking_the_words_away_takes_their_themes_away(client, db, world):
    journey = _started(client, db, world)
    journey.answer("life", {**LIFE, "themes_offered": "life", "themes-life": ["money"]})
    journey.answer("life", {"life.feeling": "not_great"})
    assert _themes(db) == set()
