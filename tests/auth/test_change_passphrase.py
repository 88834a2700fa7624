"""Changing your own passphrase: checked, and every other session ends."""

from fastapi.testclient import TestClient

from tests.factories import PASSPHRASE
from tests.web import error_messages, post_form, sign_in

NEW = "harbour violet engine"


def _change(client, current=PASSPHRASE, new=NEW):
    return post_form(client, "/account/passphrase", {"current": current, "new": new})


def test_changing_the_passphrase_signs_out_other_devices_but_not_this_one(client, web_app, world):
    laptop = TestClient(web_app, follow_redirects=False)
    sign_in(laptop, "pa.one")
    sign_in(client, "pa.one")
    response = _change(client)
    assert response.status_code == 303
    assert "Your passphrase has changed" in client.get(response.headers["location"]).text
    assert laptop.get("/caseload").headers["location"] == "/sign-in"
    client.cookies.clear()
    assert sign_in(client, "pa.one", PASSPHRASE).status_code == 422
    assert sign_in(client, "pa.one", NEW).status_code == 303


def test_the_current_passphrase_must_be_right_and_the_new_one_good(client, world):
    sign_in(client, "young.one")
    response = _change(client, current="wrong words here", new="password1")
    assert response.status_code == 422
    assert error_messages(response) == [
        "Your current passphrase is not right",
        "That passphrase is too easy to guess. Try three random words, like 'kettle orbit lantern'.",
    ]
