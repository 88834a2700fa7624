"""Backups: SQLite's online backup API, PostgreSQL's own pg_dump and pg_restore."""

import os
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url


class BackupError(Exception):
    """The backup or restore could not be done; the message says why."""


def _libpq(database_url: str) -> tuple[str, dict[str, str]]:
    """A libpq URL without the password, which goes in the environment (not the process list)."""
    url = make_url(database_url).set(drivername="postgresql")
    env = {**os.environ, "PGPASSWORD": url.password} if url.password else dict(os.environ)
    return url.set(password=None).render_as_string(hide_password=False), env


def _sqlite_path(database_url: str) -> Path:
    path = make_url(database_url).database
    if not path or path == ":memory:":
        raise BackupError("Only a SQLite database in a file can be backed up.")
    return Path(path)


def backup(database_url: str, target: Path) -> None:
    """Write a consistent copy of the database to target, while the service keeps running."""
    if make_url(database_url).get_backend_name() == "sqlite":
        with sqlite3.connect(_sqlite_path(database_url)) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
        return
    url, env = _libpq(database_url)
    _run(["pg_dump", "--format=custom", "--no-owner", f"--file={target}", url], env)


def restore(database_url: str, source: Path) -> None:
    """Replace the database's contents with a backup made by backup()."""
    if not source.is_file():
        raise BackupError(f"There is no backup file at {source}.")
    if make_url(database_url).get_backend_name() == "sqlite":
        with sqlite3.connect(source) as backup_copy, sqlite3.connect(_sqlite_path(database_url)) as live:
            backup_copy.backup(live)
        return
    url, env = _libpq(database_url)
    command = [
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        f"--dbname={url}",
    ]
    _run([*command, str(source)], env)


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        # The command is fixed here; only our own configuration's URL and a file path are passed.
        result = subprocess.run(  # noqa: S603
            command, capture_output=True, text=True, timeout=3600, check=False, env=env
        )
    except FileNotFoundError as error:
        raise BackupError(
            f"{command[0]} is not installed (it comes with PostgreSQL's client tools)."
        ) from error
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:500]}")
