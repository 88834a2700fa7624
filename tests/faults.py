"""Breaking the database under young people who are checking in, and checking nothing was lost.

TcpProxy stands between the app and PostgreSQL so a test can take the database away and bring it
back (cut: live connections dropped, new ones refused) without touching the server other people
use. terminate_connections kills the app's connections from the server side. Submitter drives one
young person's full check-ins through HTTP, as a browser would, and when the app answers 503 it
presses the page's "Try again" button, which must post back every answer it was sent.
"""

import asyncio
import contextlib
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

import psycopg
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlalchemy.engine import make_url
from sqlmodel import Session, col, select

from app.checkins.models import Answer, CheckIn, Status, TopicResponse
from app.people.models import YoungPerson
from tests.checkins.journey import TOPICS, full_answers
from tests.web import csrf_token


class TcpProxy:
    """A TCP relay on 127.0.0.1 to the database's host and port, run on its own event loop."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.up = True
        self.connections: set[asyncio.StreamWriter] = set()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._accept, "127.0.0.1", 0), self.loop
        ).result()
        self.port = self.server.sockets[0].getsockname()[1]

    def url(self, database_url: str) -> str:
        """The same database, reached through the proxy."""
        return (
            make_url(database_url).set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False)
        )

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if not self.up:
            writer.close()
            return
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self.connections.update({writer, upstream_writer})
        await asyncio.gather(self._pipe(reader, upstream_writer), self._pipe(upstream_reader, writer))

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError, asyncio.CancelledError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        writer.close()
        self.connections.discard(writer)

    async def _drop_all(self) -> None:
        for writer in list(self.connections):
            writer.transport.abort()
        self.connections.clear()

    def cut(self) -> None:
        """The database is gone: every open connection drops, new ones are refused."""
        self.up = False
        asyncio.run_coroutine_threadsafe(self._drop_all(), self.loop).result()

    def restore(self) -> None:
        self.up = True

    def close(self) -> None:
        self.cut()
        self.server.close()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)


def terminate_connections(database_url: str) -> int:
    """Kill every other connection to this database from the server side; how many were killed."""
    url = make_url(database_url)
    conninfo = f"host={url.host} port={url.port or 5432} user={url.username} dbname={url.database}"
    with psycopg.connect(conninfo, autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    return len(rows)


@dataclass
class Tally:
    """Figures for docs/reliability.md, added up over every young person."""

    sent: int = 0  # check-ins the young people pressed "Send" on and saw as sent
    requests: int = 0
    statuses: Counter = field(default_factory=Counter)
    retries: int = 0  # times a young person was told to try again
    problems: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, **counts: int) -> None:
        with self.lock:
            for name, value in counts.items():
                setattr(self, name, getattr(self, name) + value)

    def problem(self, text: str) -> None:
        with self.lock:
            self.problems.append(text)


def kept_fields(html: str) -> tuple[str, list[tuple[str, str]]] | None:
    """The "Try again" form on a 503 page, if it has one: where it posts and the fields it holds."""
    form = BeautifulSoup(html, "html.parser").find("form", attrs={"method": "post"})
    if form is None:
        return None
    fields = [(str(i["name"]), str(i.get("value", ""))) for i in form.find_all("input")]
    return str(form["action"]), fields


def _as_pairs(data: dict[str, str | list[str]]) -> list[tuple[str, str]]:
    return [(k, v) for k, vs in data.items() for v in ([vs] if isinstance(vs, str) else vs)]


class Submitter:
    """One young person checking in again and again, retrying when told to, until stopped."""

    def __init__(
        self, client: TestClient, tally: Tally, stop: threading.Event, *, retry_for: float = 30
    ) -> None:
        self.client, self.tally, self.stop, self.retry_for = client, tally, stop, retry_for
        self.token = csrf_token(client, "/check-in")
        self.sent_ids: list[int] = []
        self.sent_words: dict[int, str] = {}

    def _post(self, path: str, pairs: list[tuple[str, str]]) -> str:
        """Post until it is saved (303): after a 503 the page's own Try again form is sent."""
        deadline = time.monotonic() + self.retry_for
        body = [*pairs, ("csrf_token", self.token)]
        while True:
            response = self.client.post(path, content=_encode(body), headers=_FORM)
            self.tally.add(requests=1)
            with self.tally.lock:
                self.tally.statuses[response.status_code] += 1
            if response.status_code == 303:
                return response.headers["location"]
            if response.status_code != 503 or time.monotonic() > deadline:
                heading = BeautifulSoup(response.text, "html.parser").find("h1")
                raise AssertionError(f"POST {path}: {response.status_code} {heading}")
            self.tally.add(retries=1)
            _check_try_again_page(response.text, path, pairs)
            try_again = kept_fields(response.text)
            if try_again:  # a check-in form: its button sends back exactly what was typed
                path, body = try_again
            time.sleep(0.2)

    def check_in_once(self, number: int) -> None:
        words = f"words {id(self)} {number} <b>kept</b>"
        location = self._post("/check-in", [("mode", "full")])
        check_in_id = int(location.split("/")[2])
        for topic, answers in full_answers().items():
            given = {**answers, "comment": words} if topic == "employment" else answers
            self._post(f"/check-in/{check_in_id}/topics/{topic}", [*_as_pairs(given), ("action", "continue")])
        shares = [(f"share-{t}", "share" if i % 2 else "keep") for i, t in enumerate(TOPICS)]
        done = self._post(f"/check-in/{check_in_id}/check", [*shares, ("action", "send")])
        assert done == f"/check-in/{check_in_id}/done"
        self.sent_ids.append(check_in_id)
        self.sent_words[check_in_id] = words
        self.tally.add(sent=1)

    def run(self) -> None:
        number = 0
        try:
            while not self.stop.is_set():
                self.check_in_once(number)
                number += 1
        except Exception as error:  # noqa: BLE001 - reported by the test with the others
            self.tally.problem(repr(error)[:500])


_FORM = {"content-type": "application/x-www-form-urlencoded"}


def _encode(pairs: list[tuple[str, str]]) -> bytes:
    return urlencode(pairs).encode()


def _check_try_again_page(html: str, path: str, sent: list[tuple[str, str]]) -> None:
    """A friendly page that holds what was sent (for check-in forms), never a stack trace."""
    assert "Traceback" not in html and "sqlalchemy" not in html.lower(), path
    page = BeautifulSoup(html, "html.parser")
    heading = page.find("h1")
    assert heading is not None and "could not save" in heading.get_text(), path
    if re.search(r"/topics/|/check$", path):
        try_again = kept_fields(html)
        assert try_again is not None, f"{path}: no Try again form"
        kept = [(name, value) for name, value in try_again[1] if name != "csrf_token"]
        assert sorted(kept) == sorted(sent), f"{path}: answers not kept on the Try again page"


def stored_check_ins(db: Session, person_ids: list[int]) -> list[CheckIn]:
    db.expire_all()
    return list(db.exec(select(CheckIn).where(col(CheckIn.young_person_id).in_(person_ids))).all())


def half_saved(db: Session, check_in: CheckIn, words: str | None) -> str | None:
    """What is missing from a sent check-in, or None when it is whole."""
    responses = db.exec(select(TopicResponse).where(TopicResponse.check_in_id == check_in.id)).all()
    answers = db.exec(select(Answer).where(Answer.check_in_id == check_in.id)).all()
    expected_answers = sum(
        len([k for k, _v in _as_pairs(a) if k != "comment"]) for a in full_answers().values()
    )
    if check_in.status != Status.submitted or check_in.submitted_at is None:
        return "not sent"
    if sorted(r.topic_key for r in responses) != sorted(TOPICS):
        return f"topics {sorted(r.topic_key for r in responses)}"
    if len(answers) != expected_answers:
        return f"{len(answers)} answers, not {expected_answers}"
    if any(r.shared is None for r in responses):
        return "a sharing choice is missing"
    employment = next(r for r in responses if r.topic_key == "employment")
    if words is not None and employment.comment != words:
        return "the words were not kept"
    return None


def young_people_ids(db: Session, user_ids: list[int]) -> list[int]:
    people = db.exec(select(YoungPerson).where(col(YoungPerson.user_id).in_(user_ids))).all()
    return [p.id or 0 for p in people]
