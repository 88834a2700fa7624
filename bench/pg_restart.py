"""Restart the real PostgreSQL server while young people are sending check-ins.

WARNING: this restarts the machine's PostgreSQL cluster (`pg_ctlcluster --skip-systemctl-redirect
15 main restart`), which breaks every other connection to it, other people's tests included. It
refuses to run without --yes-restart-postgres. `make test` covers the same ground without the
restart (tests/test_faults.py kills the app's connections and cuts a proxy in front of the server).

Command: `.venv/bin/python -m bench.pg_restart --yes-restart-postgres`
Uses TEST_DATABASE_URL, which must name a throwaway database: its schema is dropped and rebuilt.
The result is written to its section of docs/reliability.md.
"""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session, SQLModel

import app.models  # noqa: F401 - every table on the metadata
from app.db import make_engine
from app.main import create_app
from app.people.models import User
from app.settings import Settings
from bench.report import RELIABILITY, write_section
from tests.factories import build_world, make_young_person
from tests.faults import Submitter, Tally, half_saved, stored_check_ins, young_people_ids
from tests.web import signed_in_client

YOUNG_PEOPLE = 6
SECRET = "bench-secret-" + "x" * 40


def _cluster() -> tuple[str, str]:
    version = sorted(p.name for p in Path("/etc/postgresql").iterdir())[-1]
    return version, "main"


def restart_postgres() -> float:
    """Restart the cluster; seconds until it accepts connections again."""
    version, name = _cluster()
    started = time.monotonic()
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "restart"], check=True)
    while subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"], check=False).returncode != 0:
        time.sleep(0.2)
    return time.monotonic() - started


def main() -> int:
    if "--yes-restart-postgres" not in sys.argv:
        print(__doc__)
        return 2
    url = os.environ["TEST_DATABASE_URL"]
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    SQLModel.metadata.create_all(engine)
    settings = Settings(database_url=url, secret_key=SECRET, secure_cookies=False)  # type: ignore[call-arg]
    web = create_app(settings, engine=engine)
    with Session(engine, expire_on_commit=False) as db:
        world = build_world(db)
        people = [
            make_young_person(db, world.org, world.locality, world.pa, f"R{i}", f"restart.{i}")
            for i in range(YOUNG_PEOPLE)
        ]
        users = [db.get(User, p.user_id) for p in people]
        tally, stop = Tally(), threading.Event()
        clients = [TestClient(web, follow_redirects=False) for _ in users]
        pairs = zip(clients, users, strict=True)
        submitters = [Submitter(signed_in_client(c, db, u), tally, stop, retry_for=120) for c, u in pairs]
        threads = [threading.Thread(target=s.run) for s in submitters]
        for thread in threads:
            thread.start()
        time.sleep(3)
        downtime = restart_postgres()
        time.sleep(5)
        stop.set()
        for thread in threads:
            thread.join(timeout=300)
        sent = {i: w for s in submitters for i, w in s.sent_words.items()}
        stored = stored_check_ins(db, young_people_ids(db, [u.id or 0 for u in users]))
        submitted = [c for c in stored if c.status == "submitted"]
        broken = [c.id for c in submitted if half_saved(db, c, sent.get(c.id or 0))]
    lost = sorted(set(sent) - {c.id for c in submitted})
    ok = not (tally.problems or lost or broken or len(submitted) != len(sent))
    body = (
        f"{YOUNG_PEOPLE} young people sending full check-ins through HTTP (in-process app, pool_pre_ping) "
        f"while the PostgreSQL cluster restarted ({downtime:.1f} s until it accepted connections again).\n\n"
        "| posts | told to try again | other errors | check-ins sent | stored as submitted | lost "
        "| half-saved |\n"
        "|---|---|---|---|---|---|---|\n"
        f"| {tally.requests} | {tally.retries} | {len(tally.problems)} | {len(sent)} | {len(submitted)} "
        f"| {len(lost)} | {len(broken)} |\n\n"
        f"Result: {'**met**' if ok else '**NOT met**'}. Statuses: {dict(sorted(tally.statuses.items()))}."
        + (f" Problems: {tally.problems[:3]}" if tally.problems else "")
    )
    write_section(
        "Faults: a real PostgreSQL restart",
        "python -m bench.pg_restart --yes-restart-postgres",
        body,
        RELIABILITY,
    )
    print(body)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
