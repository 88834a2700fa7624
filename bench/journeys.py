"""Simulated users for load tests: asyncio tasks, one HTTP client (one connection) each.

Every user loops for a bounded time, one request after the other with no pause unless a think
time is given (then a pause of 0.5 to 1.5 times it before each request; keep 1.5 times it under
uvicorn's 5 s keep-alive, or connections are closed between requests), and records each
request's wall time and whether it got the expected status.
"""

import asyncio
import random
import re
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass, field

import httpx2

from bench.accounts import Person
from bench.processes import cookie_name

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
ANSWERS: dict[str, dict[str, str] | None] = {
    "employment": {"employment.feeling": "good", "employment.activity": "F5", "comment": "Started a new job"},
    "education": None,
    "housing": {"housing.feeling": "ok", "housing.where": "U", "housing.safe": "most"},
    "relationships": {"relationships.feeling": "good", "relationships.lonely": "some"},
    "wellbeing": {"wellbeing.life_satisfaction": "7", "wellbeing.anxious": "3", "wellbeing.coping": "6"},
    "health": {"health.general": "good", "health.gp": "yes"},
    "life": {"life.feeling": "ok", "life.ran_out": "no"},
    "risk": {"risk.feeling": "quite_safe", "risk.unsafe_now": "no"},
}
TOPICS = tuple(ANSWERS)
ANSWER_ROWS = sum(len([k for k in a if k != "comment"]) for a in ANSWERS.values() if a)
SHARE = {f"share-{t}": "share" if i % 2 else "keep" for i, t in enumerate(TOPICS) if ANSWERS[t]}


@dataclass
class Figures:
    """One kind of request over one run: how many, how fast, how many went wrong."""

    requests: int
    per_second: float
    p50: float
    p95: float
    errors: int


@dataclass
class Recorder:
    """Wall times (ms) and errors per kind of request."""

    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, label: str, ms: float, error: str | None) -> None:
        self.times[label].append(ms)
        if error:
            self.errors[label][error] += 1

    def figures(self, label: str, seconds: float) -> Figures:
        times = self.times.get(label) or [0.0]
        cuts = statistics.quantiles(times, n=100) if len(times) > 1 else times * 99
        errors = sum(self.errors[label].values())
        return Figures(
            len(self.times[label]), (len(self.times[label]) - errors) / seconds, cuts[49], cuts[94], errors
        )

    def total(self, seconds: float) -> Figures:
        """Every request recorded, of whatever kind, as one."""
        whole = Recorder()
        whole.merge(self, into="all")
        return whole.figures("all", seconds)

    def merge(self, other: "Recorder", into: str | None = None) -> None:
        for label, times in other.times.items():
            self.times[into or label].extend(times)
            self.errors[into or label].update(other.errors[label])

    def error_kinds(self) -> Counter:
        total: Counter = Counter()
        for label, kinds in self.errors.items():
            total.update({f"{label}: {kind}": n for kind, n in kinds.items()})
        return total


class User:
    """A simulated browser with a session cookie; subclasses say what it does over and over."""

    def __init__(self, base: str, person: Person | None, *, think: float = 0.0) -> None:
        cookies = {cookie_name(): person.token} if person else {}
        self.person = person
        self.think = think
        self.client = httpx2.AsyncClient(
            base_url=base,
            cookies=cookies,
            headers={"accept-encoding": "gzip"},
            timeout=60,
            limits=httpx2.Limits(max_connections=1, max_keepalive_connections=1),
        )
        self.token = ""

    async def prepare(self, recorder: Recorder) -> None:
        """Anything done once before the clock starts."""

    async def step(self, recorder: Recorder) -> None:
        raise NotImplementedError

    def paths(self) -> list[str]:
        """The pages this user reads, for a client that is given a list (wrk)."""
        return []

    async def call(
        self, recorder: Recorder, label: str, path: str, *, data: dict | None = None, expect: int = 200
    ) -> httpx2.Response | None:
        """One request, timed; None when it failed or got an unexpected status."""
        if self.think:  # spread out, so that users who started together do not stay in step
            await asyncio.sleep(self.think * random.uniform(0.5, 1.5))
        started = time.perf_counter()
        try:
            if data is None:
                response = await self.client.get(path)
            else:
                response = await self.client.post(path, data=data)
        except httpx2.HTTPError as error:
            recorder.add(label, (time.perf_counter() - started) * 1000, type(error).__name__)
            return None
        ok = response.status_code == expect
        recorder.add(label, (time.perf_counter() - started) * 1000, None if ok else str(response.status_code))
        return response if ok else None

    async def csrf(self, recorder: Recorder, path: str = "/check-in") -> None:
        response = await self.call(recorder, "setup", path)
        self.token = CSRF.search(response.text)[1] if response else ""


class Floor(User):
    """The framework floor: the app's bare health check, through the same middleware."""

    async def step(self, recorder: Recorder) -> None:
        await self.call(recorder, "floor", "/healthz")


class TopicReader(User):
    """A young person reloading the screens of their own draft check-in."""

    async def prepare(self, recorder: Recorder) -> None:
        await self.csrf(recorder)
        response = await self.call(
            recorder, "setup", "/check-in", data={"mode": "full", "csrf_token": self.token}, expect=303
        )
        self.base = response.headers["location"].rsplit("/", 1)[0] if response else "/check-in/0/topics"
        self.turn = 0

    async def step(self, recorder: Recorder) -> None:
        self.turn += 1
        await self.call(recorder, "check-in page", f"{self.base}/{TOPICS[self.turn % len(TOPICS)]}")

    def paths(self) -> list[str]:
        return [f"{self.base}/{topic}" for topic in TOPICS]


class PaReader(User):
    """A PA opening their caseload, then a young person's meeting preparation, in turn."""

    turn = 0

    async def step(self, recorder: Recorder) -> None:
        self.turn += 1
        paths = self.paths()
        await self.call(recorder, "PA pages", paths[self.turn % len(paths)])

    def paths(self) -> list[str]:
        ids = self.person.young_person_ids if self.person else ()
        return [page for i in ids for page in ("/caseload", f"/young-people/{i}/meeting")]


class CheckingIn(User):
    """A young person doing whole full check-ins: start, eight topic screens, check, send."""

    def __init__(self, base: str, person: Person | None, *, think: float = 0.0) -> None:
        super().__init__(base, person, think=think)
        self.sent: list[int] = []
        self.unconfirmed: list[int] = []

    async def prepare(self, recorder: Recorder) -> None:
        await self.csrf(recorder)

    async def step(self, recorder: Recorder) -> None:
        if not await self.call(recorder, "start page", "/check-in"):
            return
        started = await self.call(
            recorder, "start (POST)", "/check-in", data={"mode": "full", "csrf_token": self.token}, expect=303
        )
        path = started.headers["location"] if started else ""
        for topic in TOPICS if started else ():
            if not await self.call(recorder, "check-in page", path):
                return
            answers = ANSWERS[topic]
            data = {**(answers or {}), "action": "continue" if answers else "skip", "csrf_token": self.token}
            saved = await self.call(recorder, "answer (POST topic)", path, data=data, expect=303)
            if not saved:
                return
            path = saved.headers["location"]
        if path and await self.call(recorder, "check answers", path):
            await self._send(recorder, path)

    async def _send(self, recorder: Recorder, path: str) -> None:
        """Send, pressing again (as a person would) if the first press fails."""
        check_in_id = int(path.split("/")[2])
        for _press in range(3):
            sent = await self.call(
                recorder, "send (POST check)", path, data={**SHARE, "csrf_token": self.token}, expect=303
            )
            if sent:
                self.sent.append(check_in_id)
                await self.call(recorder, "done page", sent.headers["location"])
                return
        self.unconfirmed.append(check_in_id)


def describe_errors(results: dict[str, dict]) -> str:
    """A list of errors by kind per database: what the clients saw, and what the server logged."""
    lines = []
    for name, result in results.items():
        found = result["error_kinds"] + result["server_errors"]
        if found:
            lines.append(f"- {name}: " + ", ".join(f"{kind} × {n}" for kind, n in found.most_common()))
    if not lines:
        return ""
    return (
        "\nErrors by kind (what the clients saw, then what the server logged):\n\n" + "\n".join(lines) + "\n"
    )


async def run_crowd(users: Sequence[User], recorder: Recorder, seconds: float) -> float:
    """Every user repeats its step until the time is up; returns the seconds it took.

    A step under way when time is up is finished (for a check-in: up to the confirmation).
    """
    deadline = time.monotonic() + seconds
    started = time.perf_counter()

    async def repeat(user: User) -> None:
        while time.monotonic() < deadline:
            await user.step(recorder)

    await asyncio.gather(*(repeat(user) for user in users))
    return time.perf_counter() - started


async def prepared(stack: AsyncExitStack, users: Sequence[User], at_once: int = 10) -> None:
    """Open every user's client and prepare it, a few at a time; a failure is tried twice more."""
    gate, failures = asyncio.Semaphore(at_once), Counter()

    async def prepare(user: User) -> None:
        await stack.enter_async_context(user.client)
        for _attempt in range(3):
            attempt = Recorder()
            async with gate:
                await user.prepare(attempt)
            if not attempt.error_kinds():
                return
        failures.update(attempt.error_kinds())

    await asyncio.gather(*(prepare(user) for user in users))
    if failures:
        raise RuntimeError(f"preparing the simulated users failed: {dict(failures)}")
