"""Sending whole check-ins through the real forms, for the history and my-data tests."""

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.people.models import User, YoungPerson
from tests.checkins.journey import TOPICS, Journey
from tests.factories import make_young_person


def send_check_in(
    client: TestClient,
    answers: dict[str, dict[str, str | list[str]]],
    share: dict[str, str],
    mode: str = "full",
) -> int:
    """Answer the given topics, skip the rest, choose share or keep for each; the check-in's id."""
    journey = Journey(client)
    journey.start(mode)
    for topic in TOPICS:
        saved = journey.answer(topic, answers[topic]) if topic in answers else journey.skip(topic)
        assert saved.status_code == 303, (topic, saved.status_code)
    sent = journey.finish(share)
    assert sent.headers["location"] == f"/check-in/{journey.check_in_id}/done", sent.status_code
    assert journey.check_in_id is not None
    return journey.check_in_id


def another_young_person(db: Session, world) -> tuple[YoungPerson, User]:
    """A second young person with an account, in the same council and on the same PA's caseload."""
    person = make_young_person(db, world.org, world.locality, world.pa, "Dana", username="young.two")
    user = db.get(User, person.user_id)
    assert user is not None
    return person, user
