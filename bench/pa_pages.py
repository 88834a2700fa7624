"""Server time of the PA's caseload and meeting preparation with five years of weekly check-ins.

Run: .venv/bin/python -m bench.pa_pages   (SQLite; set BENCH_DATABASE_URL to a throwaway
PostgreSQL database to measure there too). Writes its table into docs/performance.md.

A PA with 25 young people, each with 260 weekly full check-ins (five years), most topics shared.
Each page is requested through the app in-process (no network) 40 times after 5 warm-up
requests; the median and 95th percentile of the server time per request (from the app's own
request log) are reported, and the median wall time seen by the client.
"""

import logging
import os
import random
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import insert, text
from sqlmodel import Session

from app import migrate
from app.auth.sessions import start_session
from app.checkins.models import Answer, CheckIn, TopicResponse
from app.db import make_engine, utcnow
from app.main import create_app
from app.people.models import Locality, Organisation, PaAssignment, Role, Team, User, YoungPerson
from app.questions.catalogue import answers_of, question_set
from app.questions.loader import ensure_default_set
from app.questions.schema import Kind
from app.settings import Settings
from bench.report import write_section

PEOPLE, WEEKS, RUNS, WARM_UP = 25, 260, 40, 5


def _people(session: Session) -> tuple[User, list[int]]:
    org = Organisation(name="Bench Council")
    session.add(org)
    session.flush()
    locality, team = (
        Locality(organisation_id=org.id, name="Bench"),
        Team(organisation_id=org.id, name="Bench team"),
    )
    session.add_all([locality, team])
    session.flush()
    pa = User(
        organisation_id=org.id,
        team_id=team.id,
        username="bench.pa",
        password_hash="!",
        role=Role.pa,
        display_name="Bench PA",
    )
    session.add(pa)
    session.flush()
    ids = []
    for n in range(PEOPLE):
        person = YoungPerson(
            organisation_id=org.id,
            locality_id=locality.id,
            first_name=f"Person{n}",
            last_name="Bench",
            date_of_birth=utcnow().date().replace(year=2005),
        )
        session.add(person)
        session.flush()
        session.add(PaAssignment(young_person_id=person.id, pa_id=pa.id))
        ids.append(person.id)
    session.commit()
    return pa, ids


def _value(question, rng: random.Random) -> tuple[str, int | None]:
    if question.kind is Kind.scale:
        return "", rng.randint(0, 10)
    answer = rng.choice([a for a in answers_of(question) if not a.risk and not a.exclusive])
    return answer.key, answer.score


def _history(session: Session, person_ids: list[int]) -> int:
    questions = question_set(session, version=1)
    rng, now = random.Random(5), utcnow()
    check_ins, responses, answers = [], [], []
    for person_id in person_ids:
        for week in range(WEEKS):
            check_in_id = len(check_ins) + 1
            when = now - timedelta(weeks=WEEKS - week)
            check_ins.append(
                {
                    "id": check_in_id,
                    "young_person_id": person_id,
                    "question_set_version": 1,
                    "mode": "full",
                    "status": "submitted",
                    "started_at": when,
                    "updated_at": when,
                    "submitted_at": when,
                }
            )
            for item in questions.topics:
                shared = rng.random() < 0.85
                responses.append(
                    {
                        "check_in_id": check_in_id,
                        "topic_key": item.key,
                        "skipped": False,
                        "shared": shared,
                        "shared_at": when if shared else None,
                        "talk_about": False,
                        "saved_at": when,
                    }
                )
                for question in item.questions:
                    if question.kind in (Kind.multi, Kind.text) or question.ask_if:
                        continue
                    option, number = _value(question, rng)
                    answers.append(
                        {
                            "check_in_id": check_in_id,
                            "topic_key": item.key,
                            "question_key": question.key,
                            "option_key": option,
                            "number": number,
                        }
                    )
    for model, rows in ((CheckIn, check_ins), (TopicResponse, responses), (Answer, answers)):
        for start in range(0, len(rows), 20_000):
            session.execute(insert(model), rows[start : start + 20_000])
    session.commit()
    return len(answers)


class ServerTimes(logging.Handler):
    """The server time of each request, as the app's own request log records it."""

    def __init__(self) -> None:
        super().__init__()
        self.times: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        if hasattr(record, "ms"):
            self.times.append(record.ms)


def _measure(client: TestClient, path: str) -> tuple[float, float, float]:
    for _ in range(WARM_UP):
        assert client.get(path).status_code == 200
    server, wall = ServerTimes(), []
    request_log = logging.getLogger("checkin.request")
    request_log.addHandler(server)
    try:
        for _ in range(RUNS):
            started = time.perf_counter()
            assert client.get(path).status_code == 200
            wall.append((time.perf_counter() - started) * 1000)
    finally:
        request_log.removeHandler(server)
    return (
        statistics.median(server.times),
        statistics.quantiles(server.times, n=20)[18],
        statistics.median(wall),
    )


def run(database_url: str) -> list[str]:
    """Load the history into this database and measure both pages; returns table rows."""
    engine = make_engine(database_url)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:  # a throwaway database: start from nothing
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    migrate.upgrade(engine)
    with Session(engine) as session:
        ensure_default_set(session)
        pa, ids = _people(session)
        answer_count = _history(session, ids)
        token = start_session(session, user=pa)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:  # what autovacuum does within a minute of a bulk load
            connection.execute(text("ANALYZE"))
    app = create_app(Settings(database_url=database_url), engine=engine)
    rows = []
    with TestClient(app) as client:
        client.cookies.set("checkin", token)
        for name, path in (
            ("caseload", "/caseload"),
            ("meeting preparation", f"/young-people/{ids[0]}/meeting"),
        ):
            median, p95, wall = _measure(client, path)
            rows.append(
                f"| {engine.dialect.name} | {name} | **{median:.1f}** | {p95:.1f} | {wall:.1f} "
                f"| {answer_count:,} |"
            )
    engine.dispose()
    return rows


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        rows = run(f"sqlite:///{Path(folder) / 'pa.db'}")
    if os.environ.get("BENCH_DATABASE_URL"):
        rows += run(os.environ["BENCH_DATABASE_URL"])
    table = "\n".join(
        [
            "| database | page | server median ms | server p95 ms | client median ms | answers stored |",
            "|---|---|---|---|---|---|",
            *rows,
        ]
    )
    text = (
        f"{PEOPLE} young people on one caseload, {WEEKS} weekly full check-ins each (five years)."
        f"\n\n{table}\n\n"
        "Server time is what the app's request log records (from the request arriving to the response"
        " sent); client time adds the in-process test client. "
        f"Load average (1 min) when measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.\n\n"
        "Target: median server time under 50 ms for each page.\n"
    )
    print(text)
    write_section("PA: caseload and meeting preparation", "python -m bench.pa_pages", text)


if __name__ == "__main__":
    main()
