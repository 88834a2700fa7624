"""The app as it runs in production: `checkin serve --workers N` processes on a throwaway database.

The database is prepared with the same commands an operator runs (`checkin db upgrade`,
`checkin demo-data`), in subprocesses with DATABASE_URL set. Servers listen on 127.0.0.1 only.
"""

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx2
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.db import make_engine
from bench.server import free_port

CHECKIN = str(Path(sys.executable).parent / "checkin")
# What `checkin serve` runs, plus a longer worker health check: on a busy machine importing the
# app can take longer than uvicorn's default 5 s, and uvicorn then kills and restarts the worker.
SERVE = [
    *(sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory", "--host", "127.0.0.1"),
    *("--no-access-log", "--proxy-headers", "--timeout-worker-healthcheck", "60"),
]


@dataclass(frozen=True)
class Target:
    """One database to measure: its name in the tables, its URL and the secret its servers share."""

    name: str
    url: str
    secret: str


def targets(folder: Path) -> list[Target]:
    """SQLite in the folder, and PostgreSQL when BENCH_DATABASE_URL names a throwaway database."""
    found = [Target("SQLite", f"sqlite:///{folder / 'bench.db'}", secrets.token_urlsafe(48))]
    if url := os.environ.get("BENCH_DATABASE_URL"):
        found.append(Target("PostgreSQL", url, secrets.token_urlsafe(48)))
    return found


def _environment(target: Target, *, production: bool) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": target.url, "SECRET_KEY": target.secret}
    env.update(
        {"ENVIRONMENT": "production", "SECURE_COOKIES": "true"}
        if production
        else {"ENVIRONMENT": "development", "SECURE_COOKIES": "false"}
    )
    return env


def prepare(target: Target) -> None:
    """Empty the database, then migrate it and load the demo council with the `checkin` command."""
    if make_url(target.url).get_backend_name() == "postgresql":
        engine = make_engine(target.url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        engine.dispose()
    env = _environment(target, production=False)
    for command in (["db", "upgrade"], ["demo-data"]):
        subprocess.run([CHECKIN, *command], env=env, check=True, capture_output=True, timeout=600)


def cookie_name() -> str:
    """The session cookie's name when SECURE_COOKIES is true, as in production."""
    return "__Host-checkin"


@contextmanager
def serving(target: Target, *, workers: int, log_path: Path) -> Iterator[str]:
    """The app's uvicorn workers in production mode, JSON logs into log_path; yields the base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [*SERVE, "--port", str(port), "--workers", str(workers)],
            env=_environment(target, production=True),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait_until_up(process, base, log_path)
            yield base
        except BaseException:
            print(
                f"The server's last log lines:\n{log_path.read_text(errors='replace')[-3000:]}",
                file=sys.stderr,
            )
            raise
        finally:
            stop(process)


def _wait_until_up(process: subprocess.Popen, base: str, log_path: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped:\n{log_path.read_text()[-2000:]}")
        try:
            if httpx2.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx2.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer /healthz within {seconds:.0f} s")


def stop(process: subprocess.Popen, timeout: float = 20) -> None:
    """Ask uvicorn to shut down (SIGTERM); kill its own process group if it does not in time."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


def server_errors(log_path: Path) -> Counter:
    """What the app logged as going wrong: 5xx responses, and each error it logged, by type."""
    found: Counter = Counter()
    for line in log_path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.startswith("{"):
            continue
        entry = json.loads(line)
        if entry.get("message") == "request" and entry.get("status", 0) >= 500:
            found["5xx responses"] += 1
        elif entry.get("error"):
            found[f"{entry.get('message')}: {entry.get('error', '')}".rstrip(": ")] += 1
    return found
