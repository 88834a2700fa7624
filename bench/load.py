"""HTTP load on multi-worker uvicorn: the check-in page, PA pages and the framework floor.

Run: .venv/bin/python -m bench.load   (SQLite; set BENCH_DATABASE_URL to a throwaway PostgreSQL
database to measure there too; --help lists the options). About 2 minutes per database; writes
its tables into docs/performance.md, section "Server: load".

For each database: `checkin db upgrade` and `checkin demo-data` in subprocesses, simulated people
added with open sessions (bench/accounts.py), then the app's uvicorn workers in production mode on
127.0.0.1. Then, with 50 concurrent users and no pause between requests, in alternating rounds
so that noise from the rest of the machine falls on all three alike:
- the floor: GET /healthz (the same app and middleware, a SELECT 1, no template);
- the check-in page: GET /check-in/{id}/topics/{topic}, each young person on their own draft;
- PA pages: the demo PAs' caseloads and their young people's meeting preparation, in turn;
driven by wrk when it is installed (a C client, so the server gets the CPU), else by the asyncio
client. Each figure for the three pages is the median over the rounds. Then the check-in page
again with the 50 young people pausing before each page (the latency at 50 concurrent users below
saturation: flat out, latency is only users divided by throughput), and last 50 young people doing
whole full check-ins flat out through the asyncio client (start page, start, eight topic screens
each shown then answered, check answers, send, done).
"""

import argparse
import asyncio
import os
import resource
import statistics
import tempfile
from contextlib import AsyncExitStack
from pathlib import Path

from app.db import make_engine
from bench import wrk
from bench.accounts import Person, add_young_people, pa_sessions
from bench.journeys import (
    CheckingIn,
    Figures,
    Floor,
    PaReader,
    Recorder,
    TopicReader,
    User,
    describe_errors,
    prepared,
    run_crowd,
)
from bench.processes import Target, cookie_name, prepare, server_errors, serving, targets
from bench.report import write_section

GROUPS = ("floor", "check-in page", "PA pages")
JOURNEY = ("check-in page", "answer (POST topic)", "send (POST check)")
WARM_UP_SECONDS = 2.0
SETTLE_SECONDS = 3.0  # the server finishes the previous run's requests before the next run starts


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50, help="concurrent simulated users")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of floor, page, PA")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each page run in a round")
    parser.add_argument("--paced-seconds", type=float, default=20.0, help="length of the paced page run")
    parser.add_argument("--think", type=float, default=3.0, help="pause before each request when paced")
    parser.add_argument("--journey-seconds", type=float, default=20.0, help="time to start new check-ins")
    parser.add_argument("--client", choices=("wrk", "python"), default="wrk" if wrk.available() else "python")
    parser.add_argument("--logs", type=Path, help="keep the servers' JSON logs in this folder")
    return parser.parse_args()


class Pages:
    """The three page loads, each measured by wrk or by the asyncio client."""

    def __init__(self, base: str, groups: dict[str, list[User]], client: str, users: int) -> None:
        self.base, self.groups, self.client, self.users = base, groups, client, users

    def _targets(self, label: str) -> list[tuple[str, str]]:
        if label == "floor":
            return [("/healthz", "")]
        found = []
        for user in self.groups[label]:
            cookie = f"{cookie_name()}={user.person.token}" if user.person else ""
            found += [(path, cookie) for path in user.paths()]
        return found

    async def measure(self, label: str, seconds: float) -> Figures:
        if self.client == "wrk":
            return wrk.run(self.base, self._targets(label), connections=self.users, seconds=seconds)
        recorder = Recorder()
        elapsed = await run_crowd(self.groups[label], recorder, seconds)
        return recorder.figures(label, elapsed)


def _median(rounds: list[Figures]) -> Figures:
    return Figures(
        sum(f.requests for f in rounds),
        statistics.median(f.per_second for f in rounds),
        statistics.median(f.p50 for f in rounds),
        statistics.median(f.p95 for f in rounds),
        sum(f.errors for f in rounds),
    )


async def _pages(pages: Pages, options: argparse.Namespace) -> dict[str, object]:
    rounds: dict[str, list[Figures]] = {label: [] for label in GROUPS}
    for label in GROUPS:
        await pages.measure(label, WARM_UP_SECONDS)
    for _round in range(options.rounds):
        for label in GROUPS:
            await asyncio.sleep(SETTLE_SECONDS)
            rounds[label].append(await pages.measure(label, options.seconds))
    pairs = zip(rounds["check-in page"], rounds["floor"], strict=True)
    ratios = [page.per_second / floor.per_second for page, floor in pairs if floor.per_second]
    figures = {label: _median(rounds[label]) for label in GROUPS}
    return {"figures": figures, "ratio": statistics.median(ratios) if ratios else 0.0, "ratios": ratios}


async def _timed(users: list[User], seconds: float, think: float = 0.0) -> tuple[Recorder, float, float]:
    """Run users for a while; their recorder, the seconds it took, and the client's share of a CPU."""
    recorder = Recorder()
    for user in users:
        user.think = think
    before = resource.getrusage(resource.RUSAGE_SELF)
    elapsed = await run_crowd(users, recorder, seconds)
    after = resource.getrusage(resource.RUSAGE_SELF)
    for user in users:
        user.think = 0.0
    return recorder, elapsed, (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) / elapsed


async def _measure(base: str, people: dict[str, list[Person]], options: argparse.Namespace) -> dict:
    async with AsyncExitStack() as stack:
        groups: dict[str, list[User]] = {
            "floor": [Floor(base, None) for _ in range(options.users)],
            "check-in page": [TopicReader(base, person) for person in people["readers"]],
            "PA pages": [PaReader(base, person) for person in people["pas"]],
        }
        for users in groups.values():
            await prepared(stack, users)
        result = await _pages(Pages(base, groups, options.client, options.users), options)
        paced, elapsed, _cpu = await _timed(groups["check-in page"], options.paced_seconds, options.think)
        result["paced"] = paced.figures("check-in page", elapsed)
        walkers = [CheckingIn(base, person) for person in people["walkers"]]
        await prepared(stack, walkers)
        journey, elapsed, cpu = await _timed(walkers, options.journey_seconds)
    result["journey"] = {label: journey.figures(label, elapsed) for label in JOURNEY}
    result["journey"]["every request"] = journey.total(elapsed)
    result["client_cpu"] = cpu
    result["sent"] = sum(len(user.sent) for user in walkers)
    result["error_kinds"] = journey.error_kinds() + paced.error_kinds()
    return result


def run(target: Target, options: argparse.Namespace, folder: Path) -> dict[str, object]:
    """Prepare the database, serve it, and measure; returns the figures."""
    print(f"{target.name}: migrating and loading the demo data ...", flush=True)
    prepare(target)
    engine = make_engine(target.url)
    people = {
        "readers": add_young_people(engine, count=options.users, prefix="load.reader"),
        "walkers": add_young_people(engine, count=options.users, prefix="load.walker"),
        "pas": pa_sessions(engine, count=options.users),
    }
    engine.dispose()
    log_path = (options.logs or folder) / f"{target.name}.log"
    with serving(target, workers=options.workers, log_path=log_path) as base:
        print(f"{target.name}: measuring on {base} with {options.workers} workers ...", flush=True)
        load_average = os.getloadavg()[0]
        result = asyncio.run(_measure(base, people, options))
    result["server_errors"] = server_errors(log_path)
    result["load_average"] = load_average
    return result


def _row(database: str, what: str, f: Figures) -> str:
    figures = f"{f.per_second:,.0f} | {f.p50:.0f} | {f.p95:.0f} | {f.requests:,} | {f.errors}"
    return f"| {database} | {what} | {figures} |"


def _rows(name: str, result: dict, think: float) -> list[str]:
    rows = [_row(name, label, result["figures"][label]) for label in GROUPS]
    rows.append(_row(name, f"check-in page, {think:g} s pauses", result["paced"]))
    rows += [_row(name, f"journey: {label}", f) for label, f in result["journey"].items()]
    return rows


def _verdicts(name: str, result: dict) -> str:
    ratio, rounds = result["ratio"], ", ".join(f"{r:.0%}" for r in result["ratios"])
    paced, flat_out = result["paced"].p95, result["figures"]["check-in page"].p95
    return (
        f"| {name} | **{ratio:.0%}** ({rounds}) | {'met' if ratio >= 0.4 else 'NOT met'} "
        f"| **{paced:,.0f} ms** | {'met' if paced < 100 else 'NOT met'} | {flat_out:,.0f} ms "
        f"| {result['sent']:,} | {result['server_errors']['5xx responses']} | {result['client_cpu']:.0%} |"
    )


def _head(*columns: str) -> str:
    return "| " + " | ".join(columns) + " |\n" + "|---" * len(columns) + "|"


def report(results: dict[str, dict], options: argparse.Namespace) -> str:
    """The section's text: what was run, the figures, and the verdicts on the targets."""
    head = _head("database", "page or step", "req/s", "p50 ms", "p95 ms", "requests made", "errors")
    rows = [row for name, r in results.items() for row in _rows(name, r, options.think)]
    verdict_head = _head(
        "database",
        "check-in page / floor (each round)",
        "target ≥ 40%",
        f"check-in page p95, {options.think:g} s pauses",
        "target < 100 ms",
        "check-in page p95, flat out",
        "check-ins sent",
        "5xx in server log",
        "journey client CPU",
    )
    verdicts = [_verdicts(name, r) for name, r in results.items()]
    loads = ", ".join(f"{name} {r['load_average']:.1f}" for name, r in results.items())
    client = "wrk (C, one thread)" if options.client == "wrk" else "the asyncio client (httpx2)"
    return (
        f"{options.users} concurrent users against {options.workers} uvicorn workers (production "
        f"settings) on 127.0.0.1, load client on the same machine. Load average when each database's "
        f"run began: {loads}, on {os.cpu_count()} cores (a load average above the core "
        f"count means other work was competing for the CPU): figures are noisy, so the floor is "
        f"measured in the same run, in alternating rounds, and only ratios measured together are "
        f"compared.\n\n"
        f"- Floor, check-in page, PA pages: {options.rounds} rounds of {options.seconds:g} s each through "
        f"{client}, no pause between requests; req/s, p50 and p95 are medians over the rounds.\n"
        f"- Check-in page, paced: the same {options.users} young people through the asyncio client, "
        f"each pausing {options.think:g} s before every page (faster than anyone reads and answers a "
        f"screen) for {options.paced_seconds:g} s: the latency at {options.users} concurrent users "
        f"below saturation. Flat out, latency is just users / throughput (Little's law).\n"
        f"- Journey: {options.users} young people doing whole full check-ins flat out through the "
        f"asyncio client, new ones started for {options.journey_seconds:g} s and each one finished "
        f"(its own CPU use is shown: it competes with the server for the two cores)."
        f"\n\n{head}\n"
        + "\n".join(rows)
        + f"\n\n{verdict_head}\n"
        + "\n".join(verdicts)
        + "\n"
        + describe_errors(results)
    )


def main() -> None:
    options = _options()
    with tempfile.TemporaryDirectory() as folder:
        results = {target.name: run(target, options, Path(folder)) for target in targets(Path(folder))}
    text = report(results, options)
    print(text)
    write_section("Server: load", "python -m bench.load", text)


if __name__ == "__main__":
    main()
