"""Tables of closed periods kept once built: the results of their queries, stored per council.

A closed period's counts change only when something changes its stored answers: a check-in
deleted (by the young person, an account closure or retention), a topic shared later or no longer
shared. Each of those calls `forget`, the one way to drop kept results; a new question set version
or a change to the queries' code makes a new key, so old results are never read again.

What is kept is each query's grouped counts (the `Context.fetch` results), not the finished table:
the table is built from them as before (disclosure control, linked periods, the analyst's language),
so pages and downloads are the same bytes as without the cache. The council's localities are
read afresh every time.
"""

import hashlib
import json
from dataclasses import astuple
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from app.insights import queries
from app.insights.models import TableCacheEntry
from app.insights.periods import Period
from app.people.models import YoungPerson

# A period is kept once it has been closed this long, so a check-in sent just before the end and
# still being saved is counted first.
SETTLED = timedelta(hours=1)
KEPT_QUERIES = {
    q.__name__
    for q in (
        queries.latest_values,
        queries.latest_answered,
        queries.baseline_changes,
        queries.population,
        queries.checked_in,
        queries.shared_topics,
        queries.alerts_raised,
        queries.shared_themes,
    )
}
_SOURCES = ("insights/queries.py", "checkins/answer_queries.py", "checkins/answers.py")

Key = tuple[object, ...]


class Answers(dict[Key, Any]):
    """A period's query results for `Context.fetch`: kept ones decoded only when a table asks."""

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[Key, str] = {}

    def __contains__(self, key: object) -> bool:
        return super().__contains__(key) or key in self.kept

    def __getitem__(self, key: Key) -> Any:
        if not super().__contains__(key) and key in self.kept:
            self[key] = _decode(self.kept[key])
        return super().__getitem__(key)


@cache
def code_version() -> str:
    """A digest of the code the kept results come from: changing the queries makes new keys."""
    app = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for name in _SOURCES:
        digest.update((app / name).read_bytes())
    return digest.hexdigest()[:16]


def _encode(result: Any) -> str:
    if isinstance(result, list):
        return json.dumps({"counts": [astuple(count) for count in result]})
    pairs = [[list(key) if isinstance(key, tuple) else key, n] for key, n in result.items()]
    return json.dumps({"pairs": pairs})


def _decode(text: str) -> Any:
    data = json.loads(text)
    if "counts" in data:
        return [queries.ValueCount(*row) for row in data["counts"]]
    return {tuple(key) if isinstance(key, list) else key: n for key, n in data["pairs"]}


def _key_text(key: Key) -> str:
    return json.dumps(key)


def _key(text: str) -> Key:
    name, *arguments = json.loads(text)
    return (name, *(tuple(argument) for argument in arguments))


class KeptResults:
    """The query results of a council's periods for one build: kept ones read, new ones kept."""

    def __init__(
        self, session: Session, *, organisation_id: int, version: int, periods: list[Period], now: datetime
    ) -> None:
        self.session, self.organisation_id, self.version = session, organisation_id, version
        self.closed = {p for p in periods if p.end + SETTLED <= now}
        self.answers: dict[Period, Answers] = {p: Answers() for p in periods}
        self.stored: dict[Period, set[Key]] = {p: set() for p in self.closed}
        if self.closed:
            self._read()

    def _scope(self) -> list[Any]:
        return [
            col(TableCacheEntry.organisation_id) == self.organisation_id,
            col(TableCacheEntry.question_set_version) == self.version,
            col(TableCacheEntry.code) == code_version(),
        ]

    def _read(self) -> None:
        by_key = {p.key: p for p in self.closed}
        rows = self.session.exec(
            select(TableCacheEntry.period, TableCacheEntry.query, TableCacheEntry.result).where(
                *self._scope(), col(TableCacheEntry.period).in_(list(by_key))
            )
        ).all()
        for period_key, query, result in rows:
            period, key = by_key[period_key], _key(query)
            self.answers[period].kept[key] = result
            self.stored[period].add(key)

    def for_period(self, period: Period) -> Answers:
        """The results a table's context asks for first; its queries add what is missing."""
        return self.answers.setdefault(period, Answers())

    def keep(self) -> None:
        """Store the closed periods' results this build had to ask for."""
        rows = [
            {
                "organisation_id": self.organisation_id,
                "period": period.key,
                "period_end": period.end,
                "question_set_version": self.version,
                "code": code_version(),
                "query_hash": hashlib.sha256(_key_text(key).encode()).hexdigest(),
                "query": _key_text(key),
                "result": _encode(result),
            }
            for period in sorted(self.closed)
            for key, result in self.answers[period].items()
            if key not in self.stored[period] and key[0] in KEPT_QUERIES
        ]
        if not rows:
            return
        dialect = postgresql if self.session.get_bind().dialect.name == "postgresql" else sqlite
        self.session.execute(dialect.insert(TableCacheEntry).values(rows).on_conflict_do_nothing())
        self.session.commit()


def forget(session: Session, *, young_person_id: int, since: datetime | None) -> None:
    """Drop the kept results a change to this young person's answers could alter: every period of
    their council ending after `since` (the sending time of the check-in changed), or all when None.

    Commits with the caller's change (the caller commits).
    """
    organisation_id = session.exec(
        select(YoungPerson.organisation_id).where(YoungPerson.id == young_person_id)
    ).one()
    statement = delete(TableCacheEntry).where(col(TableCacheEntry.organisation_id) == organisation_id)
    if since is not None:
        statement = statement.where(col(TableCacheEntry.period_end) > since)
    session.exec(statement)
