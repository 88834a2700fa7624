"""Writing planned rows fast: binary COPY on PostgreSQL, executemany on SQLite, a batch a transaction.

Rows come with their ids (app.demo.cohort counts on from the largest id each table holds). On
PostgreSQL the per-row foreign-key triggers cost about three quarters of the load time, so
where the role may (a superuser may) they are off for this session, and every new row's
references are checked afterwards with one anti-join per foreign key; the sequences are then
moved past the new ids. On SQLite, `synchronous=OFF` only while loading. Each writer puts its
session settings back when closed.
"""

from datetime import date, datetime
from typing import Any

import psycopg
from sqlalchemy import Engine
from sqlmodel import SQLModel

import app.models  # noqa: F401 - every table on the metadata
from app.demo.cohort import COLUMNS

SKIP_FOREIGN_KEY_TRIGGERS = True
OWN_TRIGGERS = "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgrelid = ANY(%s::regclass[])"
ORPHANS = (
    "SELECT count(*) FROM {child} c WHERE c.id >= %s AND c.{key} IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.id = c.{key})"
)


def quoted(name: str) -> str:
    """A table or column name from COLUMNS, quoted ("user" is a reserved word)."""
    return f'"{name}"'


def references() -> list[tuple[str, str, str]]:
    """(table, column, parent table) for every foreign key among the columns the cohort writes."""
    return [
        (table, fk.parent.name, fk.column.table.name)
        for table in COLUMNS
        for fk in sorted(SQLModel.metadata.tables[table].foreign_keys, key=lambda f: f.parent.name)
        if fk.parent.name in COLUMNS[table]
    ]


# Binary COPY needs each value in its column's own format. A time goes as `timestamp`: the
# planner's times are UTC without a zone, and timestamptz stores exactly those microseconds.
BINARY_TYPES = {int: "int4", str: "text", bool: "bool", date: "date", datetime: "timestamp"}


def python_types(table: str) -> list[type]:
    """The Python type of each COLUMNS value, as the models declare it."""
    columns = SQLModel.metadata.tables[table].c
    return [getattr(columns[name].type, "impl", columns[name].type).python_type for name in COLUMNS[table]]


def binary_types(table: str) -> list[str]:
    """The PostgreSQL type each COLUMNS value is sent as in a binary COPY."""
    return [BINARY_TYPES[kind] for kind in python_types(table)]


def _orphans_sql(table: str, column: str, parent: str) -> str:
    """How many rows from an id on name a parent row that does not exist (one anti-join)."""
    return ORPHANS.format(child=quoted(table), key=quoted(column), parent=quoted(parent))


def _replica_role(connection: Any) -> bool:
    """Switch off foreign-key triggers for this session if the role may; whether it could.

    Never when a table the cohort writes to has a trigger of its own (replica mode would skip it).
    """
    tables = [quoted(t) for t in COLUMNS]
    if not SKIP_FOREIGN_KEY_TRIGGERS or connection.execute(OWN_TRIGGERS, (tables,)).fetchone()[0]:
        return False
    try:
        connection.execute("SET session_replication_role = replica")
    except psycopg.errors.InsufficientPrivilege:
        connection.rollback()
        return False
    connection.commit()
    return True


class PostgresWriter:
    """Binary COPY into each table; sequences moved past the new ids at the end."""

    stamp = staticmethod(lambda moment: moment)

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.cursor = connection.cursor()
        self.unchecked = _replica_role(connection)
        self.cursor.execute("SET synchronous_commit = off")
        connection.commit()

    def write(self, table: str, rows: list[tuple[Any, ...]]) -> None:
        """COPY the rows into the table, in the current transaction."""
        columns = ", ".join(quoted(c) for c in COLUMNS[table])
        with self.cursor.copy(f"COPY {quoted(table)} ({columns}) FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(binary_types(table))
            for row in rows:
                copy.write_row(row)

    def rename(self, table: str, row_id: int, name: str) -> None:
        """Give a council or team its own name (the caller commits)."""
        sql = f"UPDATE {quoted(table)} SET name = %s WHERE id = %s"  # noqa: S608 - a name from COLUMNS
        self.cursor.execute(sql, (name, row_id))

    def finish(self, first_ids: dict[str, int]) -> None:
        """Move every sequence past its table's largest id, gather statistics, check references."""
        for table in map(quoted, COLUMNS):
            largest = f"SELECT max(id) FROM {table}"  # noqa: S608 - names from COLUMNS
            self.cursor.execute(f"SELECT setval(pg_get_serial_sequence(%s, 'id'), ({largest}))", (table,))
        self.cursor.execute("ANALYZE " + ", ".join(quoted(t) for t in COLUMNS))
        self.connection.commit()
        for table, column, parent in references() if self.unchecked else []:
            self.cursor.execute(_orphans_sql(table, column, parent), (first_ids[table],))
            if self.cursor.fetchone()[0]:
                raise RuntimeError(
                    f"Some new {table}.{column} name a missing {parent}; the load did not finish"
                )

    def close(self) -> None:
        """Put this session's settings back (the connection goes back to the pool)."""
        self.connection.rollback()
        for setting in ("session_replication_role", "synchronous_commit"):
            self.cursor.execute(f"RESET {setting}")
        self.connection.commit()


def sqlite_time(moment: datetime | None) -> str | None:
    """A naive UTC time as SQLAlchemy stores it in SQLite, so text comparisons in queries hold."""
    return None if moment is None else moment.isoformat(" ", "microseconds")


def _with_iso_days(rows: list[tuple[Any, ...]], spots: list[int]) -> list[list[Any]]:
    """Rows with dates as ISO text, as SQLAlchemy stores them in SQLite."""
    out = []
    for row in rows:
        values = list(row)
        for i in spots:
            values[i] = None if values[i] is None else values[i].isoformat()
        out.append(values)
    return out


class SqliteWriter:
    """executemany per table, with synchronous=OFF while loading only."""

    stamp = staticmethod(sqlite_time)
    unchecked = False

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        connection.execute("PRAGMA synchronous=OFF")

    def write(self, table: str, rows: list[tuple[Any, ...]]) -> None:
        """Insert the rows into the table, in the current transaction."""
        columns = COLUMNS[table]
        names, marks = ", ".join(quoted(c) for c in columns), ", ".join("?" for _ in columns)
        days = [i for i, kind in enumerate(python_types(table)) if kind is date]
        sql = f"INSERT INTO {quoted(table)} ({names}) VALUES ({marks})"  # noqa: S608 - names from COLUMNS
        self.connection.executemany(sql, _with_iso_days(rows, days) if days else rows)

    def rename(self, table: str, row_id: int, name: str) -> None:
        """Give a council or team its own name (the caller commits)."""
        sql = f"UPDATE {quoted(table)} SET name = ? WHERE id = ?"  # noqa: S608 - a name from COLUMNS
        self.connection.execute(sql, (name, row_id))

    def finish(self, first_ids: dict[str, int]) -> None:
        """Nothing to check: SQLite checked every foreign key as rows went in."""
        self.connection.commit()

    def close(self) -> None:
        """Put the connection's setting back, as app.db sets it."""
        self.connection.rollback()
        self.connection.execute("PRAGMA synchronous=NORMAL")


Writer = PostgresWriter | SqliteWriter


def open_writer(engine: Engine, connection: Any) -> Writer:
    """The writer for this engine's database, on a raw driver connection."""
    return PostgresWriter(connection) if engine.dialect.name == "postgresql" else SqliteWriter(connection)
