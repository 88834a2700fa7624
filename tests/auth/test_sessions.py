"""Server-side sessions: cookie flags, a new id at sign-in, ending on the server, lifetimes."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlmodel import select

from app.auth.models import UserSession
from app.auth.tokens import sha256
from app.main import create_app
from tests.conftest import make_settings
from tests.web import csrf_token, post_form, sign_in


def _session_cookie(client: TestClient) -> str | None:
    return client.cookies.get(client.app.state.settings.session_cookie_name)


def test_production_cookie_is_host_only_secure_httponly_lax(engine, world):
    settings = make_settings(engine, secure_cookies=True)
    app = create_app(settings, engine=engine)
    with TestClient(app, base_url="https://testserver", follow_redirects=False) as client:
        response = sign_in(client, "pa.one")
    cookie = response.headers["set-cookie"]
    name, value = cookie.split(";")[0].split("=", 1)
    flags = {part.strip().lower() for part in cookie.split(";")[1:]}
    assert name == "__Host-checkin"
    assert {"secure", "httponly", "samesite=lax", "path=/"} <= flags
    assert not any(flag.startswith("domain") for flag in flags)
    assert len(value) == 43


def test_the_session_row_holds_a_hash_of_the_cookie_never_the_cookie(client, db, world):
    sign_in(client, "pa.one")
    token = _session_cookie(client)
    rows = db.exec(select(UserSession)).all()
    assert [row.token_hash for row in rows] == [sha256(token)]
    assert all(token not in row.token_hash for row in rows)


def test_signing_in_issues_a_new_id_and_a_planted_one_is_useless(client, world):
    planted = "attacker-chosen-session-id-0123456789abcdefghij"
    client.cookies.set("checkin", planted)
    response = sign_in(client, "pa.one")
    issued = response.headers["set-cookie"].split(";")[0].split("=", 1)[1]
    assert issued not in ("", planted)
    thief = TestClient(client.app, follow_redirects=False)
    thief.cookies.set("checkin", planted)
    assert thief.get("/caseload").status_code == 303


def test_signing_in_again_replaces_the_old_session(client, db, world):
    sign_in(client, "pa.one")
    first = _session_cookie(client)
    sign_in(client, "pa.one")
    assert _session_cookie(client) != first
    assert db.exec(select(UserSession)).all()[0].token_hash == sha256(_session_cookie(client))


def test_signing_out_ends_the_session_on_the_server(client, world):
    sign_in(client, "pa.one")
    stolen = _session_cookie(client)
    response = post_form(client, "/sign-out", {}, token_from="/caseload")
    assert response.headers["location"] == "/signed-out"
    replay = TestClient(client.app, follow_redirects=False)
    replay.cookies.set("checkin", stolen)
    assert replay.get("/caseload").headers["location"] == "/sign-in"


def test_an_idle_session_expires(client, db, world, settings):
    sign_in(client, "pa.one")
    row = db.exec(select(UserSession)).one()
    row.last_seen_at -= timedelta(minutes=settings.session_idle_minutes + 1)
    db.add(row)
    db.commit()
    assert client.get("/caseload").headers["location"] == "/sign-in"
    assert db.exec(select(UserSession)).all() == []


def test_a_busy_session_still_ends_after_the_absolute_lifetime(client, db, world, settings):
    sign_in(client, "pa.one")
    row = db.exec(select(UserSession)).one()
    row.created_at -= timedelta(hours=settings.session_absolute_hours, minutes=1)
    db.add(row)
    db.commit()
    assert client.get("/caseload").headers["location"] == "/sign-in"


def test_activity_keeps_a_session_alive(client, db, world, settings):
    sign_in(client, "pa.one")
    row = db.exec(select(UserSession)).one()
    row.last_seen_at -= timedelta(minutes=settings.session_idle_minutes - 1)
    db.add(row)
    db.commit()
    assert client.get("/caseload").status_code == 200
    db.expire_all()
    assert client.get("/caseload").status_code == 200


def test_a_pa_can_sign_a_young_person_out_everywhere(client, web_app, world):
    phone = TestClient(web_app, follow_redirects=False)
    sign_in(phone, "young.one")
    assert phone.get("/me").status_code == 200
    sign_in(client, "pa.one")
    path = f"/young-people/{world.young.id}"
    response = client.post(f"{path}/sign-out-everywhere", data={"csrf_token": csrf_token(client, path)})
    assert response.status_code == 303
    assert "signed out on every device" in client.get(response.headers["location"]).text
    assert phone.get("/me").headers["location"] == "/sign-in"
