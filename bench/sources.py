"""How long a 5,000-line OC3 extract takes to check and load (target: under 10 s).

Run: .venv/bin/python -m bench.sources   (SQLite; set BENCH_DATABASE_URL to a throwaway PostgreSQL
database to measure there too: its schema is dropped). Writes its table into docs/performance.md.

A council of 5,000 young people, each with a council child ID; the file has a line for each, with a
realistic spread of codes and 2% of lines with mistakes (a bad code, a died-with-activity line, an
unknown child ID). Timed: reading and checking every line, matching to the young people, and storing
the good lines with the load's record, through the same service the screen and the command use, then
the analyst's agreement tables built on top.
"""

import os
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert, text
from sqlmodel import Session

from app import migrate
from app.db import make_engine
from app.insights.disclosure import Rules
from app.people.models import Locality, Organisation, YoungPerson
from app.questions.loader import ensure_default_set
from app.sources.agreement import agreement_tables
from app.sources.loading import take_extract
from bench.report import write_section

ROWS, RUNS = 5000, 3
ACTIVITIES = ("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6")
ACCOMMODATION = ("B1", "C1", "D1", "D2", "E1", "K1", "U1", "U2", "V2", "W2", "Z1", "S2")


def _council(session: Session) -> int:
    org = Organisation(name="Bench Council")
    session.add(org)
    session.flush()
    locality = Locality(organisation_id=org.id, name="Bench")
    session.add(locality)
    session.flush()
    session.execute(
        insert(YoungPerson),
        [
            {
                "organisation_id": org.id,
                "locality_id": locality.id,
                "first_name": "Bench",
                "last_name": f"Person{i}",
                "date_of_birth": date(2004, 1, 1) + timedelta(days=i % 1500),
                "council_child_id": f"B{i:07d}",
            }
            for i in range(ROWS)
        ],
    )
    session.commit()
    return org.id or 0


def extract(rng: random.Random) -> bytes:
    """ROWS lines, one per young person, 2% with a mistake."""
    lines = ["CHILD,DOB,IN_TOUCH,ACTIV,ACCOM"]
    for i in range(ROWS):
        born = (date(2004, 1, 1) + timedelta(days=i % 1500)).strftime("%d/%m/%Y")
        line = f"B{i:07d},{born},YES,{rng.choice(ACTIVITIES)},{rng.choice(ACCOMMODATION)}"
        if i % 50 == 7:
            line = [f"B{i:07d},{born},YES,Q9,U1", f"B{i:07d},{born},DIED,F1,0", f"X{i:07d},{born},YES,F5,U1"][
                i % 3
            ]
        lines.append(line)
    return "\r\n".join(lines).encode()


def run(database_url: str) -> list[str]:
    """Load the same file RUNS times into a fresh council; returns the table's rows."""
    engine = make_engine(database_url)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:  # a throwaway database: start from nothing
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    migrate.upgrade(engine)
    content = extract(random.Random(903))
    loads, tables = [], []
    with Session(engine) as session:
        ensure_default_set(session)
        organisation_id = _council(session)
        for _ in range(RUNS):
            started = time.perf_counter()
            outcome = take_extract(
                session, organisation_id=organisation_id, actor=None, content=content, good_lines=True
            )
            loads.append(time.perf_counter() - started)
            assert outcome.load is not None
            started = time.perf_counter()
            agreement_tables(session, organisation_id=organisation_id, rules=Rules())
            tables.append(time.perf_counter() - started)
        load = outcome.load
        row = (
            f"| {engine.dialect.name} | {load.rows_in_file:,} | {load.rows_loaded:,} | {load.rows_unmatched} "
            f"| {load.rows_with_mistakes} | **{statistics.median(loads):.2f}** | {max(loads):.2f} "
            f"| {statistics.median(tables):.2f} |"
        )
    engine.dispose()
    return [row]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        rows = run(f"sqlite:///{Path(folder) / 'sources.db'}")
    if os.environ.get("BENCH_DATABASE_URL"):
        rows += run(os.environ["BENCH_DATABASE_URL"])
    table = "\n".join(
        [
            "| database | lines | loaded | not matched | with mistakes | check and load s (median) "
            "| slowest s | agreement tables s |",
            "|---|---|---|---|---|---|---|---|",
            *rows,
        ]
    )
    body = (
        f"A {ROWS:,}-line OC3 file against a council of {ROWS:,} young people, checked and loaded "
        f"{RUNS} times (each load adds its records; the tables read each person's latest). "
        "Target: under 10 s.\n\n" + table
    )
    print(body)
    write_section("Loading the statutory return (OC3)", "python -m bench.sources", body)


if __name__ == "__main__":
    main()
