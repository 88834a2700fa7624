"""Signing in: right and wrong passphrases, one answer for every failure, soft lock, rehash."""

import time
from datetime import timedelta

from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlmodel import select

from app.auth.models import ThrottleHit
from app.main import create_app
from app.people.models import User
from tests.conftest import make_settings
from tests.factories import PASSPHRASE
from tests.web import error_messages, page, sign_in

WRONG = "not the right words"


def _failure_page(response) -> str:
    html = page(response)
    for volatile in html.select('input[name="csrf_token"], body'):
        volatile.attrs.pop("value", None)
        volatile.attrs.pop("hx-headers", None)
    for reference in html.find_all(string=lambda s: "Reference" in s):
        reference.replace_with("")
    return str(html)


def test_right_passphrase_signs_in_and_goes_home(client, world):
    response = sign_in(client, "pa.one")
    assert response.status_code == 303
    assert client.get("/", follow_redirects=True).url.path == "/caseload"


def test_usernames_ignore_case_and_surrounding_spaces(client, world):
    assert sign_in(client, "  PA.One ").status_code == 303


def test_wrong_passphrase_gets_a_clear_message_and_keeps_the_username(client, world):
    response = sign_in(client, "pa.one", WRONG)
    assert response.status_code == 422
    assert error_messages(response) == ["The username or passphrase is not right. Check them and try again."]
    html = page(response)
    assert html.find("input", attrs={"name": "username"})["value"] == "pa.one"
    assert html.find("input", attrs={"name": "passphrase"}).get("value") in (None, "")


def test_unknown_user_and_wrong_passphrase_get_the_same_answer(client, world):
    unknown = sign_in(client, "nobody.here", WRONG)
    wrong = sign_in(client, "nobody.here", WRONG)
    known_wrong = sign_in(client, "pa.one", WRONG)
    assert unknown.status_code == known_wrong.status_code == 422
    assert _failure_page(unknown) == _failure_page(wrong)
    assert _failure_page(unknown).replace("nobody.here", "pa.one") == _failure_page(known_wrong)


def test_repeated_failures_pause_the_account_even_for_the_right_passphrase(client, world, settings):
    for _ in range(settings.login_failures_before_lock):
        sign_in(client, "pa.one", WRONG)
    response = sign_in(client, "pa.one", PASSPHRASE)
    assert response.status_code == 422
    assert "Wait 15 minutes and try again, or ask your PA to help" in error_messages(response)[0]


def test_the_pause_lifts_after_the_lock_time(client, db, world, settings):
    for _ in range(settings.login_failures_before_lock):
        sign_in(client, "pa.one", WRONG)
    for hit in db.exec(select(ThrottleHit)).all():
        hit.created_at -= timedelta(minutes=settings.lock_minutes + 1)
        db.add(hit)
    db.commit()
    assert sign_in(client, "pa.one").status_code == 303


def test_unknown_usernames_are_paused_the_same_way(client, world, settings):
    for _ in range(settings.login_failures_before_lock):
        sign_in(client, "nobody.here", WRONG)
    assert "Wait 15 minutes" in error_messages(sign_in(client, "nobody.here", WRONG))[0]


def test_many_failures_from_one_address_pause_every_account_from_it(engine, world):
    settings = make_settings(engine, login_failures_per_address=3)
    with TestClient(create_app(settings, engine=engine), follow_redirects=False) as client:
        for name in ("a.one", "b.two", "c.three"):
            sign_in(client, name, WRONG)
        assert "Wait 15 minutes" in error_messages(sign_in(client, "pa.one"))[0]


def test_a_pause_stops_passphrase_checks_so_at_most_a_few_per_hour(client, db, world, settings):
    for _ in range(settings.login_failures_before_lock + 20):
        sign_in(client, "pa.one", WRONG)
    counted = db.exec(select(ThrottleHit).where(ThrottleHit.bucket == "login-account")).all()
    assert len(counted) == settings.login_failures_before_lock
    assert settings.login_failures_before_lock * (60 // settings.lock_minutes) <= 100


def test_deactivated_staff_cannot_sign_in(client, db, world):
    world.pa.active = False
    db.add(world.pa)
    db.commit()
    assert sign_in(client, "pa.one").status_code == 422


def test_old_hash_parameters_are_upgraded_at_sign_in(client, db, world):
    world.pa.password_hash = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1).hash(PASSPHRASE)
    db.add(world.pa)
    db.commit()
    assert sign_in(client, "pa.one").status_code == 303
    db.expire_all()
    assert db.get(User, world.pa.id).password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def _unverifiable(db, world, stored_hash: str) -> None:
    world.pa.password_hash = stored_hash
    db.add(world.pa)
    db.commit()


def test_an_account_whose_hash_cannot_be_checked_gets_the_ordinary_answer(client, db, world):
    unknown = sign_in(client, "nobody.here", WRONG)
    for stored in ("!", "$argon2id$v=19$broken", ""):
        _unverifiable(db, world, stored)
        response = sign_in(client, "pa.one", PASSPHRASE)
        assert response.status_code == 422
        assert _failure_page(response) == _failure_page(unknown).replace("nobody.here", "pa.one")


def _seconds_to_fail(client, username: str) -> float:
    times = []
    for _ in range(3):
        started = time.perf_counter()
        sign_in(client, username, WRONG)
        times.append(time.perf_counter() - started)
    return sorted(times)[1]


def test_an_account_whose_hash_cannot_be_checked_takes_the_ordinary_time(client, db, world):
    _unverifiable(db, world, "!")
    unknown = _seconds_to_fail(client, "nobody.here")
    unverifiable = _seconds_to_fail(client, "pa.one")
    assert unverifiable > unknown * 0.6
