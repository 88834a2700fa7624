"""The theme model never decides safeguarding: alerts are raised with the classifier out of action."""

import pytest
from sqlmodel import select

from app.checkins.models import SafetyAlert
from app.themes.embedding import Embedder
from app.themes.model import ThemeModel
from tests.checkins.journey import Journey
from tests.web import signed_in_client


@pytest.fixture
def no_classifier(monkeypatch):
    """Any attempt to load or consult the theme model fails loudly."""

    def refuse(*_args, **_kwargs):
        raise AssertionError("the theme classifier was consulted")

    monkeypatch.setattr(ThemeModel, "probabilities", refuse)
    monkeypatch.setattr(Embedder, "__init__", refuse)


def test_a_risk_answer_with_worrying_words_raises_its_alert_without_the_classifier(
    client, db, world, no_classifier
):
    signed_in_client(client, db, world.young_user)
    journey = Journey(client)
    journey.start()
    words = "been drinking loads and my ex keeps turning up, police wont help"
    response = journey.answer("risk", {"risk.unsafe_now": "yes", "comment": words})
    assert response.headers["location"].endswith("/topics/risk/help")
    db.expire_all()
    alerts = db.exec(select(SafetyAlert)).all()
    assert [(a.question_key, a.option_key, a.pa_id) for a in alerts] == [
        ("risk.unsafe_now", "yes", world.pa.id)
    ]
