"""The loop each app process runs: every few seconds, run the jobs that are due (see runner)."""

import logging

import anyio
from sqlalchemy import Engine

from app.jobs.runner import run_jobs
from app.settings import Settings

log = logging.getLogger("checkin.jobs")


def _run_due(engine: Engine, settings: Settings) -> None:
    try:
        run_jobs(engine, settings)
    except Exception as error:  # noqa: BLE001 - the database may be restarting: try again next tick
        log.warning("jobs not run", extra={"error": type(error).__name__})


async def run_on_schedule(engine: Engine, settings: Settings) -> None:
    """Run due jobs now and then every JOBS_EVERY_SECONDS, until cancelled."""
    while True:
        await anyio.to_thread.run_sync(_run_due, engine, settings)
        await anyio.sleep(settings.jobs_every_seconds)
