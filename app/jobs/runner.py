"""Run due jobs exactly once across every app process sharing the database.

A process runs a job only after claiming its row in scheduled_job: in one short transaction it
locks the row (PostgreSQL: SELECT ... FOR UPDATE SKIP LOCKED, so a process never waits for
another; SQLite: the whole database, with BEGIN IMMEDIATE), checks the job is due, and stamps
last_started_at. The job itself then runs in its own session, and a failure is logged and left
for the next run.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, or_
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col, select

from app.db import utcnow
from app.jobs.models import ScheduledJob
from app.jobs.registry import JOBS, Job
from app.settings import Settings

log = logging.getLogger("checkin.jobs")


@dataclass(frozen=True)
class Outcome:
    job: Job
    done: int | None  # None: it failed (logged; it runs again when next due)


def _ensure_rows(engine: Engine, jobs: tuple[Job, ...]) -> None:
    with Session(engine) as session:
        known = set(session.exec(select(ScheduledJob.name)).all())
        missing = [job.name for job in jobs if job.name not in known]
        if not missing:
            return
        session.add_all(ScheduledJob(name=name) for name in missing)
        try:
            session.commit()
        except SQLAlchemyError:  # another process added them first
            session.rollback()


def _claim(engine: Engine, job: Job, now: datetime, *, force: bool) -> bool:
    """Take the job for this run if it is due (or forced) and no other process holds it."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.begin()
        with Session(bind=connection) as session:  # joins the transaction begun above
            statement = select(ScheduledJob).where(ScheduledJob.name == job.name)
            if not force:
                due = now - job.every
                statement = statement.where(
                    or_(col(ScheduledJob.last_started_at).is_(None), col(ScheduledJob.last_started_at) <= due)
                )
            row = session.exec(statement.with_for_update(skip_locked=True)).first()
            if row is None:
                connection.rollback()
                return False
            row.last_started_at, row.runs = now, row.runs + 1
            session.add(row)
            session.flush()
        connection.commit()
    return True


def _finish(engine: Engine, job: Job, *, failed: bool) -> None:
    with Session(engine) as session:
        row = session.get(ScheduledJob, job.name)
        if row is not None:
            row.last_finished_at, row.last_failed = utcnow(), failed
            session.add(row)
            session.commit()


def _run(engine: Engine, job: Job, now: datetime, settings: Settings) -> Outcome:
    try:
        with Session(engine) as session:
            done = job.run(session, now, settings)
    except Exception as error:  # noqa: BLE001 - one failing job must not stop the others
        log.warning("job failed", extra={"job": job.name, "error": type(error).__name__})
        try:
            _finish(engine, job, failed=True)
        except SQLAlchemyError as second:
            log.warning("job failure not recorded", extra={"job": job.name, "error": type(second).__name__})
        return Outcome(job, None)
    _finish(engine, job, failed=False)
    log.info("job ran", extra={"job": job.name})
    return Outcome(job, done)


def run_jobs(
    engine: Engine, settings: Settings, *, force: bool = False, jobs: tuple[Job, ...] = JOBS
) -> list[Outcome]:
    """Run every job that is due (every job with force) and this process claimed; their outcomes."""
    _ensure_rows(engine, jobs)
    outcomes = []
    for job in jobs:
        now = utcnow()
        if _claim(engine, job, now, force=force):
            outcomes.append(_run(engine, job, now, settings))
    return outcomes


def last_runs(session: Session) -> list[tuple[Job, ScheduledJob | None]]:
    """Each job with its row (None when it never ran), in the registry's order."""
    rows = {row.name: row for row in session.exec(select(ScheduledJob)).all()}
    return [(job, rows.get(job.name)) for job in JOBS]
