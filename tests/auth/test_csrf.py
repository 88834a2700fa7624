"""Every state change needs the page's CSRF token, in the form or in the htmx header."""

from fastapi.testclient import TestClient

from tests.factories import PASSPHRASE
from tests.web import csrf_token, post_form, sign_in


def test_a_form_post_without_a_token_is_refused(client, world):
    client.get("/sign-in")
    response = client.post("/sign-in", data={"username": "pa.one", "passphrase": PASSPHRASE})
    assert response.status_code == 403
    assert "This page has expired" in response.text


def test_a_made_up_token_is_refused(client, world):
    client.get("/sign-in")
    data = {"username": "pa.one", "passphrase": PASSPHRASE, "csrf_token": "0" * 80}
    assert client.post("/sign-in", data=data).status_code == 403


def test_a_token_from_another_browser_is_refused(client, web_app, world):
    attacker = TestClient(web_app)
    stolen = csrf_token(attacker, "/sign-in")
    client.get("/sign-in")
    data = {"username": "pa.one", "passphrase": PASSPHRASE, "csrf_token": stolen}
    assert client.post("/sign-in", data=data).status_code == 403


def test_signed_in_changes_need_the_token_too(client, world):
    sign_in(client, "pa.one")
    response = client.post(f"/young-people/{world.young.id}/invite", data={})
    assert response.status_code == 403


def test_the_htmx_header_carries_the_token(client, world):
    sign_in(client, "pa.one")
    token = csrf_token(client, "/caseload")
    response = client.post(f"/young-people/{world.young.id}/invite", headers={"X-CSRF-Token": token})
    assert response.status_code == 200
    assert "invite-code" in response.text


def test_each_page_gets_a_different_token_for_the_same_browser(client, world):
    assert csrf_token(client, "/sign-in") != csrf_token(client, "/sign-in")


def test_signing_in_replaces_the_form_cookie_so_older_tokens_stop_working(client, world, settings):
    before_token = csrf_token(client, "/sign-in")
    before_cookie = client.cookies.get(settings.anonymous_cookie_name)
    response = post_form(client, "/sign-in", {"username": "pa.one", "passphrase": PASSPHRASE})
    assert response.status_code == 303
    after_cookie = client.cookies.get(settings.anonymous_cookie_name)
    assert before_cookie and after_cookie and after_cookie != before_cookie
    stale = client.post(f"/young-people/{world.young.id}/invite", headers={"X-CSRF-Token": before_token})
    assert stale.status_code == 403
    fresh = csrf_token(client, "/caseload")
    assert (
        client.post(f"/young-people/{world.young.id}/invite", headers={"X-CSRF-Token": fresh}).status_code
        == 200
    )
