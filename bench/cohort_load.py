"""Loading a synthetic national cohort: rows, seconds and rows per second, SQLite and PostgreSQL.

Run: .venv/bin/python -m bench.cohort_load [--sizes 1000,10000,100000] [--months 36]
     (writes its table into docs/performance.md)

Each size is loaded into a fresh throwaway database, migrated as `checkin db upgrade` does, by
the loader behind `checkin demo-data --young-people N --months M --seed S`: a SQLite file in a
temporary folder, and a PostgreSQL database created next to BENCH_POSTGRES_URL's (default: the
local server as postgres) and dropped afterwards. Besides the wall time it records the CPU time
of the loading process and of the PostgreSQL backends serving the throwaway database (read from
/proc, so only for a local server), because other work on a shared machine stretches wall times.
Target: 100,000 young people with 36 months of check-ins in under 15 minutes on each.
"""

import argparse
import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from sqlalchemy import make_url

from app import migrate
from app.db import make_engine
from app.demo.bulk import LoadSummary, load_cohort
from app.settings import Settings
from bench.report import write_section

TARGET_PEOPLE, TARGET_MONTHS, TARGET_SECONDS = 100_000, 36, 15 * 60
NOW = datetime(2026, 1, 1, tzinfo=UTC)
SEED = 2026
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Result:
    backend: str
    people: int
    months: int
    summary: LoadSummary
    size: int
    client_cpu: float
    server_cpu: float


class ServerCpu:
    """CPU seconds used by the PostgreSQL backends of one database, sampled from /proc."""

    def __init__(self, base: str, database: str) -> None:
        self.base, self.database, self.seen = base, database, {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        with psycopg.connect(self.base, autocommit=True) as db:
            while not self.stop.wait(0.5):
                pids = db.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", (self.database,))
                for (pid,) in pids.fetchall():
                    try:
                        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                    except OSError:
                        continue
                    self.seen[pid] = (int(fields[11]) + int(fields[12])) / TICKS

    def __enter__(self) -> "ServerCpu":
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        self.thread.join()

    @property
    def seconds(self) -> float:
        return sum(self.seen.values())


@contextmanager
def sqlite_database() -> Iterator[tuple[str, Path | None, ServerCpu | None]]:
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as folder:
        yield f"sqlite:///{Path(folder) / 'cohort.db'}", Path(folder), None


@contextmanager
def postgres_database() -> Iterator[tuple[str, Path | None, ServerCpu | None]]:
    base = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    name = f"checkin_cohort_bench_{os.getpid()}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        with ServerCpu(base, name) as cpu:
            yield make_url(base).set(database=name).render_as_string(hide_password=False), None, cpu
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _size(url: str, folder: Path | None) -> int:
    """Bytes the database takes on disk."""
    if folder is not None:
        return sum(f.stat().st_size for f in folder.iterdir())
    with psycopg.connect(url) as db:
        return int(db.execute("SELECT pg_database_size(current_database())").fetchone()[0])


def measure(backend: str, people: int, months: int) -> Result:
    """Load one cohort into a fresh database of this backend."""
    with sqlite_database() if backend == "sqlite" else postgres_database() as (url, folder, server):
        engine = make_engine(url)
        migrate.upgrade(engine)
        settings = Settings(database_url=url)
        cpu = time.process_time()
        summary = load_cohort(
            engine, settings=settings, young_people=people, months=months, seed=SEED, now=NOW
        )
        cpu = time.process_time() - cpu
        engine.dispose()  # SQLite moves the last of its write-ahead log into the file on closing
        size = _size(url, folder)
    return Result(backend, people, months, summary, size, cpu, server.seconds if server else 0.0)


def _duration(seconds: float) -> str:
    return f"{seconds / 60:.1f} min" if seconds >= 60 else f"{seconds:.0f} s"


def _row(r: Result) -> str:
    rows, total = r.summary.rows, sum(r.summary.rows.values())
    server = f" + {r.server_cpu:,.1f}" if r.backend == "postgresql" else ""
    size = f"{r.size / 2**30:.1f} GB" if r.size >= 2**30 else f"{r.size / 2**20:.0f} MB"
    return (
        f"| {r.backend} | {r.people:,} × {r.months} | {rows['check_in']:,} | {rows['topic_response']:,} | "
        f"{rows['answer']:,} | {rows['safety_alert']:,} | {total:,} | {_duration(r.summary.seconds)} | "
        f"{total / r.summary.seconds:,.0f} | {r.client_cpu:,.1f}{server} | {size} |"
    )


def _verdict(results: list[Result]) -> str:
    lines = [
        f"{r.backend}: {r.summary.seconds / 60:.1f} minutes, "
        f"**{'met' if r.summary.seconds < TARGET_SECONDS else 'not met'}**."
        for r in results
        if (r.people, r.months) == (TARGET_PEOPLE, TARGET_MONTHS)
    ]
    return " ".join(lines) or "Not measured at 100,000 in this run."


HEADER = (
    "| database | young people × months | check-ins | topic choices | answers | alerts | all rows | time "
    "| rows/s | CPU s (loader + server) | on disk |\n|---|---|---|---|---|---|---|---|---|---|---|"
)
NOTES = (
    "The same load as `.venv/bin/checkin demo-data --young-people N --months M --seed 2026`. "
    "PostgreSQL: one connection, binary COPY, foreign-key triggers off while loading (the role may: "
    "a superuser) and every new reference checked afterwards with one anti-join per key. SQLite: "
    "executemany with `synchronous=OFF` while loading. Times include planning (pure Python, in a "
    "thread one batch of 1,000 young people ahead), ANALYZE and the reference check; not the migration."
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--months", type=int, default=36)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    load_before, results = os.getloadavg()[0], []
    for people in (int(n) for n in args.sizes.split(",")):
        for backend in args.backends.split(","):
            results.append(measure(backend, people, args.months))
            print(f"{backend} {people} x {args.months}: {results[-1].summary.line()}", flush=True)
    load = f"Load average (1 min) at the start and the end: {load_before:.1f}, {os.getloadavg()[0]:.1f}."
    target = f"Target: 100,000 young people × 36 months in under 15 minutes. {_verdict(results)}"
    body = "\n".join([HEADER, *(_row(r) for r in results)])
    command = " ".join(["python -m bench.cohort_load", *sys.argv[1:]])
    write_section("Synthetic national cohort", command, f"{body}\n\n{target} {load}\n\n{NOTES}")


if __name__ == "__main__":
    main()
