"""Check-ins made through the real forms, then read as the PA would."""

from tests.checkins.journey import Journey
from tests.web import signed_in_client


def check_in(client, db, world, answers: dict[str, dict], shares: dict[str, str], **extra) -> int:
    """The young person (world.young) sends a check-in; returns its id; the client is left signed out."""
    return send_as(client, db, world.young_user, answers, shares, **extra)


def send_as(client, db, user, answers: dict[str, dict], shares: dict[str, str], **extra) -> int:
    """This young person's account sends a check-in; returns its id; the client is left signed out."""
    client.cookies.clear()
    signed_in_client(client, db, user)
    journey = Journey(client)
    journey.start()
    for topic, given in answers.items():
        journey.answer(topic, given)
    journey.finish(shares, **extra)
    client.cookies.clear()
    return journey.check_in_id or 0


def as_pa(client, db, world, pa=None):
    client.cookies.clear()
    return signed_in_client(client, db, pa or world.pa)
