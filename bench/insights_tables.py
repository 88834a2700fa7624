"""Building every approved insights table for a year, against the plain SQL it rests on.

Run: .venv/bin/python -m bench.insights_tables [--young-people 5000] [--months 12] [--rounds 7]
     (SQLite; set BENCH_DATABASE_URL to a throwaway PostgreSQL database, which is emptied, to
     measure there too). Writes its table into docs/performance.md.

A synthetic cohort (the loader behind `checkin demo-data --young-people N --months M --seed S`,
seed fixed, its "now" fixed at the start of 2026) gives a year of check-ins, 2025, the latest
closed year. Side by side, in alternating rounds (the order flips each round):

- app: every approved table for 2025 built through the app's own service (app.insights.service
  .build: its SQL through SQLAlchemy, disclosure control, percentages, means, chart and notes),
  every section of each (all localities, by locality, by age band), as a page or a download
  builds it;
- SQL: the grouped counts each of those tables rests on (distinct young people over their latest
  shared answer in the period, by question, locality, age band and answer; first against latest
  answer; caseloads, check-ins, shares and alerts by locality), written by hand as SQL text and
  run through the same connection pool, rows fetched.

Before timing, the hand-written SQL is checked to give the same counts as the app's queries, so
both sides do the same work. Medians of the rounds and their ratio (target: app no more than 2x
the SQL) are reported, with the size of every table downloaded as CSV, Excel and JSON.
"""

import argparse
import os
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, text
from sqlmodel import Session, select

from app import migrate
from app.checkins.models import CheckIn
from app.db import make_engine
from app.demo.bulk import load_cohort
from app.insights import queries, service
from app.insights.catalogue import ONS_KEYS, TableKind, TableSpec, approved_tables, headlines
from app.insights.disclosure import Rules
from app.insights.downloads import FORMATS, make_download
from app.insights.periods import Length, Period, containing
from app.people.models import Organisation, Role, User
from app.questions.schema import Kind, QuestionSetFile
from app.settings import Settings
from bench.report import write_section

NOW = datetime(2026, 1, 1, tzinfo=UTC)
YEAR = containing(NOW, Length.year).shifted(-1)
SEED = 2026
TARGET_RATIO = 2.0
TIME = CheckIn.__table__.c.submitted_at.type  # type: ignore[attr-defined]

# The age band on the day, as app.insights.queries works it out: whole years from yyyymmdd numbers.
DAY = {
    "sqlite": "CAST(strftime('%Y%m%d', {0}) AS INTEGER)",
    "postgresql": "CAST(to_char({0}, 'YYYYMMDD') AS INTEGER)",
}
BAND = """CASE WHEN {age} < 160000 THEN 'other' WHEN {age} < 180000 THEN '16-17'
  WHEN {age} < 210000 THEN '18-20' WHEN {age} < 260000 THEN '21-25' ELSE 'other' END"""

SHARED_ANSWERS = """
  FROM answer a
  JOIN check_in c ON c.id = a.check_in_id
  JOIN topic_response t ON t.check_in_id = a.check_in_id AND t.topic_key = a.topic_key
  JOIN young_person yp ON yp.id = c.young_person_id
  WHERE a.question_key IN :keys AND t.shared AND c.status = 'submitted'
    AND c.submitted_at < :end AND yp.organisation_id = :org"""

LATEST = """
SELECT question_key, locality_id, {band} AS band, option_key, number, count(*) AS people
FROM (
  SELECT a.question_key, c.young_person_id, yp.locality_id, yp.date_of_birth, c.submitted_at,
         a.option_key, a.number,
         rank() OVER (PARTITION BY c.young_person_id, a.question_key
                      ORDER BY c.submitted_at DESC, c.id DESC) AS newest
  {shared} AND c.submitted_at >= :start
) latest
WHERE newest = 1
GROUP BY question_key, locality_id, band, option_key, number"""

ANSWERED = """
SELECT locality_id, {band} AS band, count(DISTINCT young_person_id) AS people
FROM (
  SELECT c.young_person_id, yp.locality_id, yp.date_of_birth, c.submitted_at,
         rank() OVER (PARTITION BY c.young_person_id ORDER BY c.submitted_at DESC, c.id DESC) AS newest
  {shared} AND c.submitted_at >= :start
) latest
WHERE newest = 1
GROUP BY locality_id, band"""

BASELINE = """
SELECT question_key,
       CASE WHEN last_check_in = check_in_id THEN 'first' WHEN last_number > number THEN 'up'
            WHEN last_number < number THEN 'down' ELSE 'same' END AS change,
       count(*) AS people
FROM (
  SELECT a.question_key, a.number, c.id AS check_in_id,
         row_number() OVER oldest AS position,
         last_value(a.number) OVER (oldest ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
           AS last_number,
         last_value(c.id) OVER (oldest ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
           AS last_check_in,
         last_value(c.submitted_at) OVER (oldest ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
           AS last_sent
  {shared}
  WINDOW oldest AS (PARTITION BY c.young_person_id, a.question_key ORDER BY c.submitted_at, c.id)
) history
WHERE position = 1 AND last_sent >= :start
GROUP BY question_key, change"""

LOCALITIES = "SELECT id, name FROM locality WHERE organisation_id = :org ORDER BY name, id"

POPULATION = """
SELECT yp.locality_id, count(*) AS people
FROM young_person yp
WHERE yp.organisation_id = :org AND (
  yp.id IN (SELECT young_person_id FROM pa_assignment
            WHERE started_at < :end AND (ended_at IS NULL OR ended_at >= :start))
  OR yp.id IN (SELECT young_person_id FROM check_in
               WHERE status = 'submitted' AND submitted_at >= :start AND submitted_at < :end)
  OR yp.id IN (SELECT young_person_id FROM safety_alert WHERE raised_at >= :start AND raised_at < :end))
GROUP BY yp.locality_id"""

CHECKED_IN = """
SELECT yp.locality_id, count(DISTINCT c.young_person_id) AS people
FROM check_in c JOIN young_person yp ON yp.id = c.young_person_id
WHERE c.status = 'submitted' AND c.submitted_at >= :start AND c.submitted_at < :end
  AND yp.organisation_id = :org
GROUP BY yp.locality_id"""

SHARED_TOPICS = """
SELECT yp.locality_id, t.topic_key, count(DISTINCT c.young_person_id) AS people
FROM topic_response t
JOIN check_in c ON c.id = t.check_in_id
JOIN young_person yp ON yp.id = c.young_person_id
WHERE t.shared AND c.status = 'submitted' AND c.submitted_at >= :start AND c.submitted_at < :end
  AND yp.organisation_id = :org
GROUP BY yp.locality_id, t.topic_key"""

ALERTS = """
SELECT s.question_key, count(DISTINCT s.young_person_id) AS people
FROM safety_alert s JOIN young_person yp ON yp.id = s.young_person_id
WHERE yp.organisation_id = :org AND s.raised_at >= :start AND s.raised_at < :end
GROUP BY s.question_key
UNION ALL
SELECT '', count(DISTINCT s.young_person_id)
FROM safety_alert s JOIN young_person yp ON yp.id = s.young_person_id
WHERE yp.organisation_id = :org AND s.raised_at >= :start AND s.raised_at < :end"""


class PlainSql:
    """The hand-written queries for one database, with the period's and council's parameters."""

    def __init__(self, dialect: str, organisation_id: int, period: Period) -> None:
        self.dialect = dialect
        self.params = {"org": organisation_id, "start": period.start, "end": period.end}
        self.statements: dict[str, Any] = {}

    def band(self) -> str:
        day = DAY[self.dialect]
        return BAND.format(age=f"({day.format('submitted_at')} - {day.format('date_of_birth')})")

    def statement(self, sql: str) -> Any:
        """The SQL text with its parameters typed as the app's columns (times as stored)."""
        if sql not in self.statements:
            filled = sql.replace("{shared}", SHARED_ANSWERS).replace("{band}", self.band())
            binds = [bindparam(name, type_=TIME) for name in ("start", "end") if f":{name}" in filled]
            if ":keys" in filled:
                binds.append(bindparam("keys", expanding=True))
            self.statements[sql] = text(filled).bindparams(*binds)
        return self.statements[sql]

    def rows(self, connection: Connection, sql: str, **more: Any) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in connection.execute(self.statement(sql), self.params | more).all()]

    def table(self, connection: Connection, spec: TableSpec, questions: QuestionSetFile) -> list[Any]:
        """Every query the table rests on, rows fetched."""
        run = self.rows
        if spec.kind in (TableKind.answers, TableKind.activity, TableKind.accommodation):
            assert spec.question is not None
            found = [run(connection, LOCALITIES), run(connection, LATEST, keys=[spec.question.key])]
            if spec.question.kind is Kind.multi:
                found.append(run(connection, ANSWERED, keys=[spec.question.key]))
            return found
        if spec.kind in (TableKind.ons_means, TableKind.ons_bands):
            return [run(connection, LOCALITIES), run(connection, LATEST, keys=list(ONS_KEYS))]
        if spec.kind is TableKind.baseline:
            return [run(connection, BASELINE, keys=[q.key for _t, q in headlines(questions)])]
        if spec.kind is TableKind.coverage:
            return [run(connection, s) for s in (LOCALITIES, POPULATION, CHECKED_IN, SHARED_TOPICS)]
        return [run(connection, POPULATION), run(connection, ALERTS)]


def same_counts(session: Session, plain: PlainSql, questions: QuestionSetFile, org: int) -> None:
    """The hand-written SQL gives the counts the app's queries give, so both sides do the same work."""
    scope = {"organisation_id": org, "period": YEAR}
    connection = session.connection()
    keys = [q.key for t in questions.topics for q in t.questions if q.kind is not Kind.text]
    app_values = Counter(
        (c.question_key, c.locality_id, c.band, c.value)
        for c in queries.latest_values(session, question_keys=keys, **scope)
        for _ in range(c.people)
    )
    sql_values = Counter(
        (q, locality, band, option or str(number))
        for q, locality, band, option, number, people in plain.rows(connection, LATEST, keys=keys)
        if option or number is not None
        for _ in range(people)
    )
    assert app_values == sql_values and app_values, "latest answers differ"
    heads = [q.key for _t, q in headlines(questions)]
    baseline = {(q, kind): n for q, kind, n in plain.rows(connection, BASELINE, keys=heads)}
    assert baseline == queries.baseline_changes(session, question_keys=heads, **scope), "baseline differs"
    for name, sql, query in (
        ("caseloads", POPULATION, queries.population),
        ("check-ins", CHECKED_IN, queries.checked_in),
    ):
        assert dict(plain.rows(connection, sql)) == query(session, **scope), name
    shared = {(locality, topic): n for locality, topic, n in plain.rows(connection, SHARED_TOPICS)}
    assert shared == queries.shared_topics(session, **scope), "shares differ"
    assert dict(plain.rows(connection, ALERTS)) == queries.alerts_raised(session, **scope), "alerts differ"
    multi = next(q.key for t in questions.topics for q in t.questions if q.kind is Kind.multi)
    answered = {(loc, band): n for loc, band, n in plain.rows(connection, ANSWERED, keys=[multi])}
    assert answered == queries.latest_answered(session, question_key=multi, **scope), "answered differs"


@dataclass
class Result:
    database: str
    tables: int
    people: int
    check_ins: int
    app: list[float]
    sql: list[float]
    sizes: dict[str, int]
    download_seconds: float
    load: tuple[float, float]

    @property
    def ratio(self) -> float:
        return statistics.median(self.app) / statistics.median(self.sql)


@contextmanager
def database(url: str | None) -> Iterator[Engine]:
    """A fresh SQLite file, or the PostgreSQL database at url emptied; migrated to head."""
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(url or f"sqlite:///{Path(folder) / 'insights.db'}")
        if engine.dialect.name == "postgresql":
            with engine.begin() as connection:
                connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        migrate.upgrade(engine)
        try:
            yield engine
        finally:
            engine.dispose()


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def run(url: str | None, *, young_people: int, months: int, rounds: int) -> Result:
    """Load the cohort into a fresh database, check the SQL, then time both sides in turn."""
    load_before = os.getloadavg()[0]
    with database(url) as engine:
        settings = Settings(database_url=engine.url.render_as_string(hide_password=False))
        summary = load_cohort(
            engine, settings=settings, young_people=young_people, months=months, seed=SEED, now=NOW
        )
        print(summary.line())
        with Session(engine) as session:
            org = session.exec(select(Organisation.id).where(Organisation.name == summary.organisation)).one()
            assert org is not None
            analyst = User(
                organisation_id=org,
                username="bench.analyst",
                password_hash="!",
                role=Role.analyst,
                display_name="Bench analyst",
            )
            questions = service.current_questions(session)
            specs = approved_tables(questions)
            plain = PlainSql(engine.dialect.name, org, YEAR)
            same_counts(session, plain, questions, org)

            def app_side() -> list[Any]:
                rules, now = Rules(), datetime.now(UTC)
                return [
                    service.build(session, spec=s, user=analyst, period=YEAR, rules=rules, now=now)
                    for s in specs
                ]

            def sql_side() -> list[Any]:
                connection = session.connection()
                return [plain.table(connection, s, questions) for s in specs]

            app_side(), sql_side()  # warm up: caches, statements, pages
            app_times, sql_times = [], []
            for n in range(rounds):
                sides = [(app_times, app_side), (sql_times, sql_side)]
                for times, side in sides if n % 2 == 0 else reversed(sides):
                    times.append(timed(side))
                    session.rollback()
            tables = app_side()
            sizes = dict.fromkeys(FORMATS, 0)
            started = time.perf_counter()
            for table in tables:
                for file_format in FORMATS:
                    sizes[file_format] += len(make_download(table, file_format).content)
            download_seconds = time.perf_counter() - started
        return Result(
            engine.dialect.name,
            len(specs),
            young_people,
            summary.rows.get("check_in", 0),
            app_times,
            sql_times,
            sizes,
            download_seconds,
            (load_before, os.getloadavg()[0]),
        )


def report(results: list[Result], *, months: int, rounds: int) -> str:
    lines = [
        "| database | tables | app median s | plain SQL median s | ratio | app ms per table "
        "| CSV | Excel | JSON | downloads s | load average |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        kb = {f: f"{size / 1024:,.0f} KB" for f, size in r.sizes.items()}
        app, sql = statistics.median(r.app), statistics.median(r.sql)
        lines.append(
            f"| {r.database} | {r.tables} | {app:.2f} | {sql:.2f} | **{r.ratio:.2f}x** "
            f"| {app * 1000 / r.tables:.0f} | {kb['csv']} | {kb['xlsx']} | {kb['json']} "
            f"| {r.download_seconds:.2f} | {r.load[0]:.1f} → {r.load[1]:.1f} |"
        )
    first = results[0]
    verdict = "met" if all(r.ratio <= TARGET_RATIO for r in results) else "NOT met"
    return (
        f"Every approved table ({first.tables}) for {YEAR.key}, the latest closed year, of a synthetic "
        f"council of {first.people:,} young people with {months} months of check-ins "
        f"({first.check_ins:,} check-ins), "
        f"seed {SEED}. App: each table built through `app.insights.service.build` (SQL, disclosure "
        f"control, chart, notes). Plain SQL: the grouped counts those tables rest on, written by hand "
        f"and checked to give the same counts. Medians of {rounds} alternating rounds; downloads are "
        f"the total size of every table as CSV, Excel and JSON, and the time to make them all once; "
        f"the load average (1 min, {os.cpu_count()} cores) at the start and end of each database's run.\n\n"
        + "\n".join(lines)
        + f"\n\nTarget: the app no more than {TARGET_RATIO:.0f}x the plain SQL ({verdict}).\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--young-people", type=int, default=5000)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--print-only", action="store_true", help="Do not write docs/performance.md.")
    parser.add_argument("--postgresql-only", action="store_true", help="Skip SQLite (for national sizes).")
    options = parser.parse_args()
    measure = {"young_people": options.young_people, "months": options.months, "rounds": options.rounds}
    results = [] if options.postgresql_only else [run(None, **measure)]
    if os.environ.get("BENCH_DATABASE_URL"):
        results.append(run(os.environ["BENCH_DATABASE_URL"], **measure))
    body = report(results, months=options.months, rounds=options.rounds)
    print(body)
    if options.print_only:
        return
    command = "python -m bench.insights_tables"
    if options.young_people != 5000:
        command += f" --young-people {options.young_people}"
    if options.rounds != 7:
        command += f" --rounds {options.rounds}"
    if options.postgresql_only:
        command += " --postgresql-only"
    title = f"Insights: every approved table for a year, {options.young_people:,} young people"
    write_section(title, command, body)


if __name__ == "__main__":
    main()
