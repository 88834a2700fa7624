"""Several app processes on one database, each running the scheduler every second: each job runs
once per interval in all, not once per process, and they carry on after the database drops them.

PostgreSQL: three uvicorn processes, as behind a load balancer; halfway, every connection of the
apps is killed from the server side (pg_terminate_backend: the shared server is never restarted).
SQLite: `checkin serve --workers 2`, two processes on one file. An alert left unacknowledged past
ALERT_ESCALATION_MINUTES is escalated by the built-in scheduler, once, with one email owed.
"""

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, text, update
from sqlmodel import Session, SQLModel, select

from app import migrate
from app.checkins.models import SafetyAlert
from app.db import make_engine, utcnow
from app.jobs.models import ScheduledJob
from app.jobs.registry import JOBS
from app.notifications.models import Notification
from app.people.models import Locality, Organisation, Role, Team
from tests.conftest import TEST_SECRET, postgres_url
from tests.factories import make_user, make_young_person
from tests.faults import terminate_connections
from tests.test_two_processes import STARTUP_SECONDS, _free_port, _stop, _wait_for

TICKS_WATCHED = 4  # seconds after the first round in which every process ticks again


@dataclass
class Apps:
    engine: Engine
    url: str
    processes: list[subprocess.Popen]
    logs: list[Path]

    def runs(self) -> dict[str, int]:
        with Session(self.engine) as session:
            return {row.name: row.runs for row in session.exec(select(ScheduledJob)).all()}

    def app_processes(self) -> int:
        """Processes whose lifespan (and so scheduler) started: uvicorn says so once per worker."""
        return sum(log.read_text().count("Application startup complete.") for log in self.logs)

    def ran_lines(self) -> int:
        return sum(log.read_text().count('"message": "job ran"') for log in self.logs)

    def wait_for_runs(self, runs: int, deadline: float) -> None:
        while time.monotonic() < deadline:
            assert all(p.poll() is None for p in self.processes), self.logs[0].read_text()[-2000:]
            if set(self.runs().values()) == {runs} and len(self.runs()) == len(JOBS):
                return
            time.sleep(0.2)
        pytest.fail(f"jobs did not each run {runs} time(s): {self.runs()}")


def _seed(engine: Engine) -> int:
    migrate.upgrade(engine)
    with Session(engine, expire_on_commit=False) as db:
        org = Organisation(name="Scheduler Council")
        db.add(org)
        db.commit()
        locality, team = (
            Locality(organisation_id=org.id, name="North"),
            Team(organisation_id=org.id, name="T"),
        )
        db.add_all([locality, team])
        db.commit()
        pa = make_user(db, org, Role.pa, "pa.scheduler", team)
        make_user(db, org, Role.manager, "manager.scheduler", team)
        person = make_young_person(db, org, locality, pa, "Alex")
        alert = SafetyAlert(
            young_person_id=person.id,
            question_key="risk.unsafe_now",
            option_key="yes",
            pa_id=pa.id,
            raised_at=utcnow() - timedelta(minutes=3),
        )
        db.add(alert)
        db.commit()
        return alert.id or 0


def _environment(url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": TEST_SECRET,
        "ENVIRONMENT": "development",
        "SECURE_COOKIES": "false",
        "JOBS_EVERY_SECONDS": "1",
        "ALERT_ESCALATION_MINUTES": "1",
    }


def _start(command: list[str], url: str, log: Path) -> subprocess.Popen:
    with log.open("wb") as output:
        process = subprocess.Popen(command, env=_environment(url), stdout=output, stderr=subprocess.STDOUT)
    return process


@pytest.fixture(params=["postgresql", "sqlite"])
def apps(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Apps, int]]:
    if request.param == "postgresql":
        url = postgres_url() or ""
        engine = make_engine(url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    else:
        url = f"sqlite:///{tmp_path / 'scheduler.db'}"
        engine = make_engine(url)
    alert_id = _seed(engine)
    started: list[tuple[subprocess.Popen, str, Path]] = []
    if request.param == "postgresql":
        for name in ("a", "b", "c"):
            port, log = _free_port(), tmp_path / f"{name}.log"
            command = [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory", "--no-access-log"]
            command += ["--host", "127.0.0.1", "--port", str(port), "--workers", "1"]
            started.append((_start(command, url, log), f"http://127.0.0.1:{port}", log))
    else:
        port, log = _free_port(), tmp_path / "serve.log"
        command = [sys.executable, "-c", "from app.cli import main; main()", "serve", "--workers", "2"]
        command += ["--port", str(port)]
        started.append((_start(command, url, log), f"http://127.0.0.1:{port}", log))
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        for process, base, log in started:
            _wait_for(process, base, log, deadline)
        yield Apps(engine, url, [p for p, _b, _l in started], [log for _p, _b, log in started]), alert_id
    finally:
        for process, _base, _log in started:
            _stop(process)
        if request.param == "postgresql":
            with engine.begin() as connection:
                connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            SQLModel.metadata.create_all(engine)
        engine.dispose()


def test_each_job_runs_once_across_the_processes_and_again_after_the_database_drops_them(apps):
    running, alert_id = apps
    running.wait_for_runs(1, time.monotonic() + 60)
    expected = 3 if running.engine.dialect.name == "postgresql" else 2
    deadline = time.monotonic() + STARTUP_SECONDS
    while running.app_processes() < expected and time.monotonic() < deadline:
        time.sleep(0.2)
    assert running.app_processes() == expected
    time.sleep(TICKS_WATCHED)
    assert running.runs() == {job.name: 1 for job in JOBS}, "no job ran twice while it was not due"
    assert running.ran_lines() == len(JOBS)
    with Session(running.engine) as db:
        alert = db.get(SafetyAlert, alert_id)
        assert alert is not None and alert.escalated_to_id is not None, "escalated by the scheduler"
        assert len(db.exec(select(Notification).where(Notification.kind == "escalation")).all()) == 1

    killed = terminate_connections(running.url) if running.engine.dialect.name == "postgresql" else 0
    with Session(running.engine) as db:  # every job due again
        db.exec(update(ScheduledJob).values(last_started_at=utcnow() - timedelta(hours=2)))  # type: ignore[call-overload]
        db.commit()
    running.wait_for_runs(2, time.monotonic() + 30)
    time.sleep(TICKS_WATCHED)
    assert running.runs() == {job.name: 2 for job in JOBS}
    assert running.ran_lines() == 2 * len(JOBS)
    assert all(p.poll() is None for p in running.processes)
    print(
        f"\njobs across processes, {running.engine.dialect.name}: {running.app_processes()} app processes"
        f" ticking every 1 s, {len(JOBS)} jobs, each ran once per round in 2 rounds;"
        f" {killed} connection(s) killed between the rounds"
    )
