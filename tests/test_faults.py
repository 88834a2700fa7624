"""Faults while young people check in: the database goes away, or many write at once.

PostgreSQL: several young people send full check-ins through HTTP while the test kills the app's
connections from the server side (pg_terminate_backend) and takes the database away and back
through a TCP proxy that only the app uses (the machine's server is never restarted: others use
it; bench/pg_restart.py does that, on purpose). Every submission either succeeds or gets a 503
page saying "try again" that holds the answers; pressing Try again saves them; no check-in is
half-saved or lost; and the app recovers by itself.

SQLite: WAL mode and a busy timeout, and eight young people writing at once without an error.
"""

import threading
import time

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session, SQLModel

from app.db import make_engine
from app.main import create_app
from app.people.models import User
from tests.conftest import make_settings
from tests.factories import build_world, make_young_person
from tests.faults import (
    Submitter,
    Tally,
    TcpProxy,
    half_saved,
    stored_check_ins,
    terminate_connections,
    young_people_ids,
)
from tests.web import signed_in_client

WRITERS = 8


def _young_people(db: Session, world, count: int, prefix: str) -> list[User]:
    people = [
        make_young_person(db, world.org, world.locality, world.pa, f"P{i}", f"{prefix}.{i}")
        for i in range(count)
    ]
    return [db.get(User, p.user_id) for p in people]


def _run_together(submitters: list[Submitter], stop: threading.Event, faults) -> None:
    threads = [threading.Thread(target=s.run) for s in submitters]
    for thread in threads:
        thread.start()
    try:
        faults()
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=120)


def _assert_nothing_lost(db: Session, users: list[User], submitters: list[Submitter], tally: Tally) -> None:
    assert not tally.problems, tally.problems[:3]
    sent = {i: words for s in submitters for i, words in s.sent_words.items()}
    stored = stored_check_ins(db, young_people_ids(db, [u.id or 0 for u in users]))
    assert sorted(c.id for c in stored if c.status == "submitted") == sorted(sent), "stored once each"
    assert not [c.id for c in stored if c.status != "submitted"], "a check-in was left half-done"
    assert {c.id: half_saved(db, c, sent[c.id or 0]) for c in stored} == dict.fromkeys(sent)


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_broken_database_connection_loses_no_check_in(engine, db, world):
    url = engine.url.render_as_string(hide_password=False)
    proxy = TcpProxy(engine.url.host or "127.0.0.1", engine.url.port or 5432)
    app_engine = make_engine(proxy.url(url))
    app = create_app(make_settings(app_engine), engine=app_engine)
    users = _young_people(db, world, 4, "faulty")
    tally, stop = Tally(), threading.Event()
    clients = [TestClient(app, follow_redirects=False) for _ in users]
    submitters = [
        Submitter(signed_in_client(c, db, u), tally, stop) for c, u in zip(clients, users, strict=True)
    ]

    def faults() -> None:
        time.sleep(1.0)
        terminate_connections(url)  # the server drops the app's connections mid-query
        time.sleep(0.5)
        proxy.cut()  # the database is down ...
        time.sleep(1.5)
        proxy.restore()  # ... and back
        time.sleep(0.5)
        terminate_connections(url)
        time.sleep(0.5)

    try:
        _run_together(submitters, stop, faults)
        tally_after = Tally()
        recovered = Submitter(clients[0], tally_after, threading.Event())
        recovered.check_in_once(99)  # straight after, with nothing restarted
        assert tally_after.retries == 0 and tally_after.statuses.keys() == {303}
        submitters.append(recovered)
    finally:
        for client in clients:
            client.close()
        proxy.close()
        app_engine.dispose()
    print(
        f"\nfaults, postgresql: {tally.sent} check-ins sent, {tally.requests} posts, {tally.retries} told to try again"
    )
    assert tally.retries > 0, "the faults never reached a request: the test proved nothing"
    _assert_nothing_lost(db, users, submitters, tally)


@pytest.fixture
def sqlite_file(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'writers.db'}")
    SQLModel.metadata.create_all(engine)
    yield engine
    engine.dispose()


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(sqlite_file):
    with sqlite_file.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_eight_young_people_writing_at_once_on_sqlite_all_succeed(sqlite_file):
    with Session(sqlite_file, expire_on_commit=False) as db:
        world = build_world(db)
        users = _young_people(db, world, WRITERS, "writer")
        app = create_app(make_settings(sqlite_file), engine=sqlite_file)
        tally, stop = Tally(), threading.Event()
        clients = [TestClient(app, follow_redirects=False) for _ in users]
        submitters = [
            Submitter(signed_in_client(c, db, u), tally, stop, retry_for=0)
            for c, u in zip(clients, users, strict=True)
        ]
        _run_together(submitters, stop, lambda: time.sleep(2))
        for client in clients:
            client.close()
        print(f"\nwriters, sqlite: {tally.sent} check-ins sent by {WRITERS} at once, {tally.requests} posts")
        assert tally.statuses.keys() == {303}, tally.statuses
        assert tally.sent >= WRITERS
        _assert_nothing_lost(db, users, submitters, tally)
