"""The young person decides what their words are about on the check answers page, without
JavaScript: suggestions are offered unticked, only what they tick is kept."""

from sqlmodel import select

from app.themes.catalogue import keys, latest_version
from app.themes.models import TopicTheme
from tests.checkins.journey import TOPICS, Journey
from tests.web import error_messages, page, signed_in_client

GAS = "skint again, cant pay the gas and my flat is freezing"
ANSWERS = {
    "life": {"life.feeling": "not_great", "comment": GAS},
    "wellbeing": {"wellbeing.life_satisfaction": "6"},
}


def _answered(client, db, world) -> Journey:
    signed_in_client(client, db, world.young_user)
    journey = Journey(client)
    journey.start("full")
    for topic in TOPICS:
        journey.answer(topic, ANSWERS[topic]) if topic in ANSWERS else journey.skip(topic)
    return journey


def _boxes(html, topic: str) -> dict[str, bool]:
    return {box["value"]: box.has_attr("checked") for box in html.select(f"input[name=themes-{topic}]")}


def test_suggested_themes_are_offered_unticked_with_none_of_these_and_the_whole_list(client, db, world):
    journey = _answered(client, db, world)
    html = page(client.get(f"/check-in/{journey.check_in_id}/check"))
    suggested = [box["value"] for box in html.select(".app-themes > fieldset > .govuk-checkboxes input")]
    assert {"money", "housing"} <= set(suggested[:3]) and suggested[-1] == "none"
    assert len(suggested) <= 4
    assert set(_boxes(html, "life")) == {*keys(), "none"}
    assert not any(_boxes(html, "life").values())
    assert html.select_one(".app-themes details summary").get_text(strip=True) == "Choose from all themes"
    assert _boxes(html, "wellbeing") == {}  # no words, nothing to theme


def test_only_the_themes_ticked_are_kept_as_the_young_persons(client, db, world):
    journey = _answered(client, db, world)
    sent = journey.finish({"life": "share", "wellbeing": "keep"}, **{"themes-life": ["money", "housing"]})
    assert sent.status_code == 303
    rows = db.exec(select(TopicTheme).order_by(TopicTheme.theme_key)).all()
    assert [(r.topic_key, r.theme_key, r.added_by, r.catalogue_version) for r in rows] == [
        ("life", "housing", "young_person", latest_version()),
        ("life", "money", "young_person", latest_version()),
    ]


def test_none_of_these_with_a_theme_is_explained_and_every_tick_and_word_stays(client, db, world):
    journey = _answered(client, db, world)
    response = journey.finish(
        {"life": "share", "wellbeing": "keep"},
        **{"themes-life": ["money", "none"], "going_well": "my cat"},
    )
    assert response.status_code == 422
    assert error_messages(response) == [
        "Tick the themes that fit 'Money and everyday life', or 'None of these', not both"
    ]
    html = page(response)
    ticked = {key for key, on in _boxes(html, "life").items() if on}
    assert ticked == {"money", "none"}
    assert html.find("textarea", attrs={"name": "going_well"}).get_text() == "my cat"
    assert db.exec(select(TopicTheme)).all() == []
