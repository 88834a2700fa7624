"""Planner statistics: SQLite has none until it is asked to gather them.

Without them SQLite guesses, and for the PA pages it can guess badly (walking every answer to a
headline question across all young people instead of one young person's check-ins). PostgreSQL
keeps its own statistics up to date (autovacuum), so this only acts on SQLite.
"""

from sqlalchemy import Engine, text

ROWS_PER_INDEX = 1000  # SQLite's analysis_limit: approximate statistics in bounded time


def refresh_statistics(engine: Engine) -> bool:
    """Gather fresh planner statistics on SQLite; returns whether anything was done."""
    if engine.dialect.name != "sqlite":
        return False
    with engine.begin() as connection:
        connection.execute(text(f"PRAGMA analysis_limit={ROWS_PER_INDEX}"))
        connection.execute(text("ANALYZE"))
    return True
