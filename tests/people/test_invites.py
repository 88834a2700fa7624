"""Invite codes: issued by a PA, typed by the young person with their date of birth, used once."""

import re
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlmodel import select

from app.main import create_app
from app.people.models import InviteCode, User, YoungPerson
from tests.conftest import make_settings
from tests.web import csrf_token, error_messages, page, post_form, sign_in, signed_in_client

NEW_PASSPHRASE = "river maple quietly"


def _issue_code(client, db, world, person=None) -> str:
    person = person or world.pa2_person
    pa = world.pa2 if person is world.pa2_person else world.pa
    signed_in_client(client, db, pa)
    path = f"/young-people/{person.id}"
    response = client.post(f"{path}/invite", data={"csrf_token": csrf_token(client, path)})
    client.cookies.clear()
    return page(response).find(id="invite-code").get_text(strip=True)


def _enter_code(client, code: str, day="14", month="5", year="2006"):
    return post_form(client, "/start", {"code": code, "day": day, "month": month, "year": year})


def _choose_details(client, response, username="river.maple", passphrase=NEW_PASSPHRASE):
    token = page(response).find("input", attrs={"name": "token"})["value"]
    return post_form(
        client,
        "/start/account",
        {"token": token, "username": username, "passphrase": passphrase},
        token_from="/start",
    )


def test_codes_are_ten_crockford_characters_and_only_a_hash_is_stored(client, db, world):
    code = _issue_code(client, db, world)
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}", code)
    stored = db.exec(select(InviteCode)).all()
    assert len(stored) == 1
    assert code.replace("-", "") not in stored[0].code_hash
    assert stored[0].expires_at - stored[0].created_at == timedelta(days=7)


def test_a_young_person_redeems_a_code_and_is_signed_in(client, db, world):
    code = _issue_code(client, db, world)
    response = _choose_details(client, _enter_code(client, code))
    assert response.status_code == 303
    home = client.get("/", follow_redirects=True)
    assert home.url.path == "/me"
    assert "Your Personal Adviser is Pa Two." in home.text
    db.expire_all()
    person = db.get(YoungPerson, world.pa2_person.id)
    assert db.get(User, person.user_id).username == "river.maple"


def test_a_code_works_only_once(client, web_app, db, world):
    code = _issue_code(client, db, world)
    _choose_details(client, _enter_code(client, code))
    second = TestClient(web_app, follow_redirects=False)
    response = _enter_code(second, code)
    assert response.status_code == 422
    assert "We could not find that code" in error_messages(response)[0]


def test_typing_mistakes_in_case_spaces_and_lookalike_letters_are_forgiven(client, db, world):
    code = _issue_code(client, db, world).replace("0", "o").replace("1", "l").lower()
    response = _enter_code(client, " " + code.replace("-", " ") + " ")
    assert page(response).find("input", attrs={"name": "token"}) is not None


def test_the_wrong_date_of_birth_is_refused_and_what_was_typed_is_kept(client, db, world):
    code = _issue_code(client, db, world)
    response = _enter_code(client, code, day="15")
    assert response.status_code == 422
    assert "We could not find that code with that date of birth" in error_messages(response)[0]
    assert page(response).find("input", attrs={"name": "code"})["value"] == code
    assert page(response).find("input", attrs={"name": "day"})["value"] == "15"


def test_an_impossible_date_gets_its_own_message(client, db, world):
    response = _enter_code(client, "ABCDE-12345", day="31", month="2")
    assert "Date of birth must be a real date" in " ".join(error_messages(response))


def test_an_expired_code_is_refused(client, db, world):
    code = _issue_code(client, db, world)
    invite = db.exec(select(InviteCode)).one()
    invite.expires_at = invite.created_at - timedelta(seconds=1)
    db.add(invite)
    db.commit()
    assert _enter_code(client, code).status_code == 422


def test_a_new_code_stops_the_old_one_working(client, db, world):
    old = _issue_code(client, db, world)
    new = _issue_code(client, db, world)
    assert _enter_code(client, old).status_code == 422
    assert _enter_code(client, new).status_code == 200


def test_guessing_codes_from_one_address_is_throttled(engine, db, world):
    settings = make_settings(engine, invite_tries_per_address=3)
    with TestClient(create_app(settings, engine=engine), follow_redirects=False) as client:
        code = _issue_code(client, db, world)
        for guess in ("AAAAA-AAAAA", "BBBBB-BBBBB", "CCCCC-CCCCC"):
            _enter_code(client, guess)
        response = _enter_code(client, code)
    assert "You've tried too many times" in error_messages(response)[0]


def test_a_taken_username_is_explained_and_the_step_can_be_retried(client, db, world):
    code = _issue_code(client, db, world)
    step = _enter_code(client, code)
    response = _choose_details(client, step, username="pa.one")
    assert response.status_code == 422
    assert error_messages(response) == ["That username is taken. Try another one."]
    assert _choose_details(client, response, username="blake.b").status_code == 303


def test_a_weak_passphrase_is_explained_and_the_username_kept(client, db, world):
    code = _issue_code(client, db, world)
    response = _choose_details(client, _enter_code(client, code), passphrase="password1")
    assert "too easy to guess" in error_messages(response)[0]
    assert page(response).find("input", attrs={"name": "username"})["value"] == "river.maple"


def test_a_tampered_step_token_starts_again(client, db, world):
    code = _issue_code(client, db, world)
    token = page(_enter_code(client, code)).find("input", attrs={"name": "token"})["value"]
    invite_id, rest = token.split(".", 1)
    forged = f"{world.young.id + 100}.{rest}"
    data = {"token": forged, "username": "river.maple", "passphrase": NEW_PASSPHRASE}
    response = post_form(client, "/start/account", data, token_from="/start")
    assert response.status_code == 422
    assert "already been used or has run out" in error_messages(response)[0]


def test_a_new_code_lets_a_signed_up_young_person_choose_a_new_passphrase(client, db, world):
    code = _issue_code(client, db, world, person=world.young)
    response = _choose_details(client, _enter_code(client, code), username="young.one")
    assert response.status_code == 303
    client.cookies.clear()
    assert sign_in(client, "young.one", NEW_PASSPHRASE).status_code == 303
