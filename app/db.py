"""Database engine, the per-request session, and the constraint naming convention."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import anyio
from fastapi import Depends, Request
from fastapi import Path as PathParam
from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, SQLModel, create_engine

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC (SQLModel stores and returns UTC)."""
    return datetime.now(UTC)


# Connections per process: POOL_SIZE kept open, up to MAX_OVERFLOW more under load.
POOL_SIZE = 5
MAX_OVERFLOW = 10
# How long a write waits for SQLite's one write lock before giving up with "database is locked".
SQLITE_BUSY_SECONDS = 15


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(database_url: str) -> Engine:
    """An engine for DATABASE_URL: SQLite in WAL mode, or PostgreSQL through psycopg 3."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        pool: dict[str, int] = {}
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
            pool = {"pool_size": POOL_SIZE, "max_overflow": MAX_OVERFLOW}
        connect_args = {"check_same_thread": False, "timeout": SQLITE_BUSY_SECONDS}
        engine = create_engine(url, connect_args=connect_args, **pool)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return create_engine(url, pool_pre_ping=True, pool_size=POOL_SIZE, max_overflow=MAX_OVERFLOW)


def _close(session: Session) -> None:
    """Give the session's connection back; one the database dropped meanwhile is thrown away."""
    try:
        session.close()
    except DBAPIError:
        session.invalidate()


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One database session per request, closed afterwards (off the event loop: it may do I/O).

    Creating a session does no I/O, so it happens on the event loop; the connection is taken from
    the pool at the first query, in the worker thread that runs it.
    """
    session = Session(request.app.state.engine)
    try:
        yield session
    finally:
        with anyio.CancelScope(shield=True):
            # Its own limiter: giving a connection back never waits for a busy thread pool.
            await anyio.to_thread.run_sync(_close, session, limiter=anyio.CapacityLimiter(1))


REQUESTS_WITH_A_SESSION = POOL_SIZE + MAX_OVERFLOW
"""Requests that may hold a database session at once, per process; more wait their turn.

Without this bound a burst of requests to one worker (each run in a pool of 40 threads) could
leave every thread waiting for a connection held by a request that was itself waiting for a
thread, until the pool's 30 s timeout. A request that waits here holds no connection and no thread.
"""

SessionDep = Annotated[Session, Depends(get_session, max_concurrency=REQUESTS_WITH_A_SESSION)]

MAX_ID = 2**31 - 1
RecordId = Annotated[int, PathParam(ge=1, le=MAX_ID)]
"""A record's id in a URL: out of range (PostgreSQL's integer) is a 400, never a database error."""
