"""Two app processes on one PostgreSQL database, as behind a load balancer with no sticky sessions.

Nothing a person needs lives in a process: the session, the draft and its answers are in the
database, and CSRF tokens are keyed only by SECRET_KEY and the browser's cookie. So a browser
can be sent to either process on every request (see docs/deployment.md).
"""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session, SQLModel

from app import migrate
from app.db import make_engine
from app.people.models import Locality, Organisation, Role, Team
from app.questions.loader import ensure_default_set
from tests.conftest import TEST_SECRET, postgres_url
from tests.factories import PASSPHRASE, make_user, make_young_person
from tests.web import page

STARTUP_SECONDS = 60  # generous: on a busy CI machine importing the app can take 10 s or more


def _empty_schema(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))


@pytest.fixture(scope="module")
def database_url() -> Iterator[str]:
    """The test PostgreSQL database, migrated as a release would, with one young person in it.

    Afterwards the schema is left as the other tests' fixtures make it (create_all).
    """
    url = postgres_url() or ""
    engine = make_engine(url)
    _empty_schema(engine)
    migrate.upgrade(engine)
    with Session(engine, expire_on_commit=False) as db:
        ensure_default_set(db)
        org = Organisation(name="Two Process Council")
        db.add(org)
        db.commit()
        locality, team = (
            Locality(organisation_id=org.id, name="North"),
            Team(organisation_id=org.id, name="Team"),
        )
        db.add_all([locality, team])
        db.commit()
        pa = make_user(db, org, Role.pa, "pa.two.process", team)
        make_young_person(db, org, locality, pa, "Alex", username="young.two.process")
    yield url
    _empty_schema(engine)
    SQLModel.metadata.create_all(engine)
    engine.dispose()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(process: subprocess.Popen, base: str, log: Path, deadline: float) -> None:
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the app process stopped:\n{log.read_text()[-2000:]}"
        try:
            if httpx2.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx2.HTTPError:
            pass
        time.sleep(0.1)
    pytest.fail(f"{base} did not answer /healthz in {STARTUP_SECONDS} s:\n{log.read_text()[-2000:]}")


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


@pytest.fixture(scope="module")
def two_processes(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """Two uvicorn processes (one worker each) on different ports, same database and SECRET_KEY."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": TEST_SECRET,
        "ENVIRONMENT": "development",
        "SECURE_COOKIES": "false",
    }
    folder = tmp_path_factory.mktemp("two-processes")
    started = []
    for name in ("a", "b"):
        port, log = _free_port(), folder / f"{name}.log"
        command = [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory"]
        command += ["--host", "127.0.0.1", "--port", str(port), "--workers", "1", "--no-access-log"]
        with log.open("wb") as output:
            process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
        started.append((process, f"http://127.0.0.1:{port}", log))
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        for process, base, log in started:
            _wait_for(process, base, log, deadline)
        yield started[0][1], started[1][1]
    finally:
        for process, _base, _log in started:
            _stop(process)


def _token(response: httpx2.Response) -> str:
    field = page(response).find("input", attrs={"name": "csrf_token"})
    assert field is not None
    return str(field["value"])


def _browser(base: str, cookies: httpx2.Cookies | None = None) -> httpx2.Client:
    return httpx2.Client(base_url=base, cookies=cookies, follow_redirects=False, timeout=10)


def _sign_in(browser: httpx2.Client) -> None:
    token = _token(browser.get("/sign-in"))
    form = {"username": "young.two.process", "passphrase": PASSPHRASE, "csrf_token": token}
    assert browser.post("/sign-in", data=form).status_code == 303


def test_a_session_and_a_draft_started_on_one_process_carry_on_on_the_other(two_processes):
    process_a, process_b = two_processes
    with _browser(process_a) as on_a:
        _sign_in(on_a)
        token_from_a = _token(on_a.get("/check-in"))
        started = on_a.post("/check-in", data={"mode": "full", "csrf_token": token_from_a})
        topic = started.headers["location"]
        answers = {"employment.feeling": "good", "employment.activity": "F5", "action": "continue"}
        saved = on_a.post(topic, data={**answers, "csrf_token": token_from_a})
        assert saved.status_code == 303
        cookies = on_a.cookies

    with _browser(process_b, cookies) as on_b:
        assert on_b.get("/").headers["location"] == "/me"
        carry_on = page(on_b.get("/check-in")).find("button", attrs={"name": "mode", "value": "resume"})
        assert carry_on is not None and carry_on.get_text(strip=True) == "Carry on"
        chosen = page(on_b.get(topic)).find("input", attrs={"name": "employment.feeling", "checked": True})
        assert chosen is not None and chosen["value"] == "good"
        resumed = on_b.post("/check-in", data={"mode": "resume", "csrf_token": token_from_a})
        assert resumed.status_code == 303, "a CSRF token from a page on A works for a form posted to B"
        assert resumed.headers["location"] == topic.replace("employment", "education")


def test_signing_out_on_one_process_ends_the_session_on_the_other(two_processes):
    process_a, process_b = two_processes
    with _browser(process_a) as on_a:
        _sign_in(on_a)
        assert on_a.get("/check-in").status_code == 200
        with _browser(process_b, on_a.cookies) as on_b:
            token = _token(on_b.get("/check-in"))
            assert on_b.post("/sign-out", data={"csrf_token": token}).status_code == 303
        assert on_a.get("/check-in").headers["location"].startswith("/sign-in")
