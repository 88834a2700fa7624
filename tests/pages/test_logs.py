"""Logs are JSON lines with a request id, and never hold answers, words, passphrases, codes or sessions."""

import json
import logging

import pytest

from app.web.logs import JsonFormatter
from tests.checkins.journey import Journey
from tests.web import page, post_form, sign_in, signed_in_client

SECRET_WORDS = "my landlord shouts at me"
NEW_PASSPHRASE = "violet harbour engine"


@pytest.fixture
def log_lines():
    lines: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(JsonFormatter().format(record))

    logger = logging.getLogger("checkin")
    handler = Keep()
    logger.addHandler(handler)
    yield lines
    logger.removeHandler(handler)


def _full_journey(client, db, world) -> list[str]:
    """A PA makes a code, the young person redeems it, checks in with words and a risk answer."""
    signed_in_client(client, db, world.pa2)
    path = f"/young-people/{world.pa2_person.id}"
    code = page(post_form(client, f"{path}/invite", {}, token_from=path)).find(id="invite-code").get_text()
    client.cookies.clear()
    step = post_form(client, "/start", {"code": code, "day": "14", "month": "5", "year": "2006"})
    token = page(step).find("input", attrs={"name": "token"})["value"]
    data = {"token": token, "username": "blake.b", "passphrase": NEW_PASSPHRASE}
    post_form(client, "/start/account", data, token_from="/start")
    journey = Journey(client)
    journey.start()
    journey.answer("housing", {"housing.safe": "never", "comment": SECRET_WORDS})
    journey.finish({"housing": "keep"}, going_well="secret good news")
    session_id = client.cookies.get("checkin")
    client.cookies.clear()
    sign_in(client, "blake.b", "wrong passphrase here")
    return [code, code.replace("-", ""), session_id or "", token]


def test_a_full_journey_leaves_nothing_sensitive_in_the_logs(client, db, world, log_lines):
    secrets = _full_journey(client, db, world)
    text = "\n".join(log_lines)
    assert len(log_lines) > 10
    looked_for = [
        *secrets,
        SECRET_WORDS,
        "secret good news",
        NEW_PASSPHRASE,
        "wrong passphrase here",
        "never",
    ]
    for secret in looked_for:
        assert secret and secret not in text, secret
    entries = [json.loads(line) for line in log_lines]
    requests = [e for e in entries if e["message"] == "request"]
    assert all(e["request_id"] and e["status"] and e["route"] for e in requests)
    assert any(e.get("role") == "young_person" and e.get("user_id") for e in requests)
    assert all("/check-in/" not in e["route"] or "{" in e["route"] for e in requests)
    print(
        f"\nlogs: {len(log_lines)} lines from {len(requests)} requests; {len(looked_for)} secrets looked for"
    )
