"""Speed at national size: a year's tables against one scan of that year's shared answers, and the
analyst's table page for a closed period once its tables are kept.

Run: BENCH_DATABASE_URL=postgresql://... .venv/bin/python -m bench.national_tables
     [--councils 20] [--young-people 100000] [--rounds 3] [--page-runs 20]
     (PostgreSQL only: the database is emptied. Writes its table into docs/performance.md.)

Synthetic councils (the bulk loader, one seed each, the young people spread evenly, 12 months of
check-ins, "now" fixed at the start of 2026) give 2025, the latest closed year. For one council,
side by side in alternating rounds:

- scan: one pass over that council's shared answers of 2025 (every answer of a shared topic in a
  check-in sent in the year, joined to its check-in, topic choice and young person, rows counted);
- tables: every approved table for 2025 built through `app.insights.service.build` with nothing
  kept (the kept results are emptied first), as the first analyst to open each one would.

Then the analyst's table page for 2025 (a closed period), requested through the app in-process,
after one request that keeps its results: the median and 95th percentile server time of page-runs
requests per table, from the app's own request log.
"""

import argparse
import logging
import os
import statistics
import time
from datetime import UTC, datetime

from fastapi.testclient import TestClient
from sqlalchemy import Engine, bindparam, delete, text
from sqlmodel import Session, col, select

from app import migrate
from app.auth.sessions import start_session
from app.checkins.models import CheckIn
from app.db import make_engine
from app.demo.bulk import load_cohort
from app.insights import service
from app.insights.catalogue import approved_tables
from app.insights.disclosure import Rules
from app.insights.models import TableCacheEntry
from app.insights.periods import Length, containing
from app.main import create_app
from app.people.models import Organisation, Role, User
from app.settings import Settings
from bench.pa_pages import ServerTimes
from bench.report import write_section

NOW = datetime(2026, 1, 1, tzinfo=UTC)
YEAR = containing(NOW, Length.year).shifted(-1)
FIRST_SEED = 2026
PAGES = ("life.ran_out", "ons-wellbeing-bands", "coverage")
TIME = CheckIn.__table__.c.submitted_at.type  # type: ignore[attr-defined]

SCAN = """
SELECT count(*), count(DISTINCT c.young_person_id)
FROM answer a
JOIN check_in c ON c.id = a.check_in_id
JOIN topic_response t ON t.check_in_id = a.check_in_id AND t.topic_key = a.topic_key
JOIN young_person yp ON yp.id = c.young_person_id
WHERE t.shared AND c.status = 'submitted' AND c.submitted_at >= :start AND c.submitted_at < :end
  AND yp.organisation_id = :org"""


def _load(engine: Engine, councils: int, young_people: int) -> None:
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    migrate.upgrade(engine)
    settings = Settings(database_url=engine.url.render_as_string(hide_password=False))
    for n in range(councils):
        summary = load_cohort(
            engine,
            settings=settings,
            young_people=young_people // councils,
            months=12,
            seed=FIRST_SEED + n,
            now=NOW,
        )
        print(summary.line(), flush=True)


def _analyst(session: Session) -> User:
    org = session.exec(select(Organisation.id).order_by(col(Organisation.id))).first()
    assert org is not None
    analyst = User(
        organisation_id=org, username="bench.analyst", password_hash="!", role=Role.analyst, display_name="B"
    )
    session.add(analyst)
    session.commit()
    session.refresh(analyst)
    return analyst


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _scan_and_tables(engine: Engine, analyst: User, rounds: int) -> tuple[list[float], list[float], int]:
    scan = text(SCAN).bindparams(bindparam("start", type_=TIME), bindparam("end", type_=TIME))
    params = {"org": analyst.organisation_id, "start": YEAR.start, "end": YEAR.end}
    scans: list[float] = []
    tables: list[float] = []
    with Session(engine) as session:
        specs = approved_tables(service.current_questions(session))

        def scan_once() -> None:
            print("scan rows, people:", session.connection().execute(scan, params).one(), flush=True)

        def tables_once() -> None:
            session.exec(delete(TableCacheEntry))
            session.commit()
            for spec in specs:
                service.build(session, spec=spec, user=analyst, period=YEAR, rules=Rules(), now=NOW)

        for n in range(rounds):
            sides = [(scans, scan_once), (tables, tables_once)]
            for times, side in sides if n % 2 == 0 else reversed(sides):
                times.append(_timed(side))
                session.rollback()
            print(f"round {n + 1}: scan {scans[-1]:.2f} s, tables {tables[-1]:.2f} s", flush=True)
    return scans, tables, len(specs)


def _pages(engine: Engine, analyst: User, runs: int) -> list[tuple[str, float, float]]:
    url = engine.url.render_as_string(hide_password=False)
    with Session(engine) as session:
        token = start_session(session, user=analyst)
    app = create_app(Settings(database_url=url, jobs_every_seconds=0), engine=engine)
    found = []
    with TestClient(app) as client:
        client.cookies.set("checkin", token)
        for key in PAGES:
            path = f"/insights/tables/{key}?period={YEAR.key}"
            assert client.get(path).status_code == 200  # builds and keeps
            times = ServerTimes()
            log = logging.getLogger("checkin.request")
            log.addHandler(times)
            try:
                for _ in range(runs):
                    assert client.get(path).status_code == 200
            finally:
                log.removeHandler(times)
            found.append((key, statistics.median(times.times), statistics.quantiles(times.times, n=20)[18]))
            print(f"page {key}: median {found[-1][1]:.1f} ms, p95 {found[-1][2]:.1f} ms", flush=True)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--councils", type=int, default=20)
    parser.add_argument("--young-people", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--page-runs", type=int, default=20)
    parser.add_argument("--keep-data", action="store_true", help="Measure the database as loaded before.")
    options = parser.parse_args()
    engine = make_engine(os.environ["BENCH_DATABASE_URL"])
    load = os.getloadavg()[0]
    if not options.keep_data:
        _load(engine, options.councils, options.young_people)
    with Session(engine) as session:
        session.exec(delete(User).where(col(User.username) == "bench.analyst"))
        session.commit()
        analyst = _analyst(session)
        check_ins = session.exec(select(text("count(*)")).select_from(CheckIn)).one()
    pages = _pages(engine, analyst, options.page_runs)
    scans, tables, count = _scan_and_tables(engine, analyst, options.rounds)
    engine.dispose()
    scan, built = statistics.median(scans), statistics.median(tables)
    ratio = built / scan
    per = options.young_people // options.councils
    page_rows = "\n".join(
        f"| `{key}` | **{median:.1f}** | {p95:.1f} | {'met' if median < 200 else 'NOT met'} |"
        for key, median, p95 in pages
    )
    body = (
        f"{options.councils} synthetic councils of {per:,} young people ({options.young_people:,} in all,"
        f" {check_ins:,} check-ins over 12 months) on {engine.dialect.name}; the tables of one council for"
        f" {YEAR.key}, the latest closed year. Medians of {options.rounds} alternating rounds; load average"
        f" (1 min) at the start {load:.1f} and the end {os.getloadavg()[0]:.1f}"
        f" on {os.cpu_count()} cores.\n\n"
        "| measure | median s | each round s |\n|---|---|---|\n"
        f"| one scan of the council's shared answers of {YEAR.key} | {scan:.2f} | "
        f"{', '.join(f'{s:.2f}' for s in scans)} |\n"
        f"| every approved table ({count}) for {YEAR.key}, nothing kept | {built:.2f} | "
        f"{', '.join(f'{s:.2f}' for s in tables)} |\n\n"
        f"Tables / scan: **{ratio:.1f}x** (target at most 2x: {'met' if ratio <= 2 else 'NOT met'}).\n\n"
        f"The analyst's table page for {YEAR.key} once kept"
        f" ({options.page_runs} requests after the first):\n\n"
        "| table | server median ms | server p95 ms | target under 200 ms |\n|---|---|---|---|\n"
        f"{page_rows}\n"
    )
    print(body)
    write_section(
        "Insights at national size: tables against a scan, kept closed periods", _command(options), body
    )


def _command(options: argparse.Namespace) -> str:
    command = "python -m bench.national_tables"
    for name, default in (("councils", 20), ("young_people", 100_000), ("rounds", 3), ("page_runs", 20)):
        if getattr(options, name) != default:
            command += f" --{name.replace('_', '-')} {getattr(options, name)}"
    return command


if __name__ == "__main__":
    main()
