"""Load without loss: 200 young people completing check-ins at once; every one sent is stored once.

Run: .venv/bin/python -m bench.load_no_loss   (SQLite; set BENCH_DATABASE_URL to a throwaway
PostgreSQL database to run there too; --seconds, --users, --workers, --think). Writes its table
into docs/reliability.md, section "Load without loss".

For each database: `checkin db upgrade` and `checkin demo-data`, 200 young people with accounts and
open sessions (bench/accounts.py), the app's uvicorn workers in production mode on 127.0.0.1, and
200 asyncio users each doing whole full check-ins (start, eight topic screens shown and answered
or skipped, check answers, send, confirmation), pausing 3 s before each request (--think; faster
than anyone reads and answers a screen), for --seconds (a journey under way when time is up is
finished, so each young person sends at least one). A failed send is pressed again, up to three
times, as a person would. `--think 0` sends requests flat out: far more than two workers can
serve, an overload test (the app then answers some requests with its "try again" page).
Afterwards the database is counted: the check-ins stored as submitted must be exactly
the ones the young people were told were sent, each with all its answers and topic choices, and
no (check-in, question, option) stored twice.
"""

import argparse
import asyncio
import os
import tempfile
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, Integer, cast, func
from sqlmodel import Session, col, select

from app.checkins.models import Answer, CheckIn, Status, TopicResponse
from app.db import make_engine
from bench.accounts import Person, add_young_people
from bench.journeys import (
    ANSWER_ROWS,
    SHARE,
    TOPICS,
    CheckingIn,
    Figures,
    Recorder,
    describe_errors,
    prepared,
    run_crowd,
)
from bench.processes import Target, prepare, server_errors, serving, targets
from bench.report import RELIABILITY, write_section


@dataclass
class Stored:
    """What the database holds for the simulated young people after the run."""

    submitted: set[int]
    drafts: int
    duplicate_answers: int
    incomplete: int


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=200, help="concurrent simulated young people")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long new check-ins are started")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument(
        "--think",
        type=float,
        default=3.0,
        help="pause before each request, seconds (0: flat out, an overload test)",
    )
    parser.add_argument("--logs", type=Path, help="keep the servers' JSON logs in this folder")
    return parser.parse_args()


def count_stored(engine: Engine, people: list[Person]) -> Stored:
    """Count the young people's check-ins, duplicate answers and incomplete submissions."""
    ids = [person.young_person_ids[0] for person in people]
    with Session(engine) as session:
        rows = session.exec(
            select(CheckIn.id, CheckIn.status).where(col(CheckIn.young_person_id).in_(ids))
        ).all()
        submitted = {check_in_id for check_in_id, status in rows if status == Status.submitted}
        theirs = select(CheckIn.id).where(
            col(CheckIn.young_person_id).in_(ids), CheckIn.status == Status.submitted
        )
        duplicates = session.exec(
            select(Answer.check_in_id, Answer.question_key, Answer.option_key)
            .where(col(Answer.check_in_id).in_(theirs))
            .group_by(Answer.check_in_id, Answer.question_key, Answer.option_key)
            .having(func.count() > 1)
        ).all()
        answers = dict(
            session.exec(
                select(Answer.check_in_id, func.count())
                .where(col(Answer.check_in_id).in_(theirs))
                .group_by(Answer.check_in_id)
            ).all()
        )
        topics = {
            check_in_id: (count, shared)
            for check_in_id, count, shared in session.exec(
                select(TopicResponse.check_in_id, func.count(), func.sum(cast(TopicResponse.shared, Integer)))
                .where(col(TopicResponse.check_in_id).in_(theirs))
                .group_by(TopicResponse.check_in_id)
            ).all()
        }
    expected = (len(TOPICS), sum(1 for choice in SHARE.values() if choice == "share"))
    incomplete = sum(1 for i in submitted if answers.get(i) != ANSWER_ROWS or topics.get(i) != expected)
    return Stored(submitted, len(rows) - len(submitted), len(duplicates), incomplete)


async def _crowd(base: str, people: list[Person], options: argparse.Namespace) -> dict:
    async with AsyncExitStack() as stack:
        users = [CheckingIn(base, person, think=options.think) for person in people]
        await prepared(stack, users)
        recorder = Recorder()
        elapsed = await run_crowd(users, recorder, options.seconds)
    return {
        "figures": recorder.total(elapsed),
        "elapsed": elapsed,
        "sent": [i for user in users for i in user.sent],
        "unconfirmed": [i for user in users for i in user.unconfirmed],
        "error_kinds": recorder.error_kinds(),
    }


def run(target: Target, options: argparse.Namespace, folder: Path) -> dict:
    """Prepare the database, serve it, load it, and count what was stored."""
    print(f"{target.name}: migrating and loading the demo data ...", flush=True)
    prepare(target)
    engine = make_engine(target.url)
    people = add_young_people(engine, count=options.users, prefix="noloss")
    log_path = (options.logs or folder) / f"{target.name}.log"
    load_average = os.getloadavg()[0]
    with serving(target, workers=options.workers, log_path=log_path) as base:
        print(
            f"{target.name}: {options.users} young people checking in for {options.seconds:g} s ...",
            flush=True,
        )
        result = asyncio.run(_crowd(base, people, options))
    result["stored"] = count_stored(engine, people)
    result["server_errors"] = server_errors(log_path)
    result["load_average"] = load_average
    engine.dispose()
    return result


def _row(name: str, r: dict) -> str:
    f: Figures = r["figures"]
    stored: Stored = r["stored"]
    sent = set(r["sent"])
    cells = [
        name,
        f"{f.requests:,}",
        f"{r['elapsed']:.0f}",
        f.errors,
        r["server_errors"]["5xx responses"],
        f"**{len(r['sent']):,}**",
        f"**{len(stored.submitted):,}**",
        len(sent - stored.submitted),
        len(stored.submitted - sent - set(r["unconfirmed"])),
        len(r["unconfirmed"]),
        stored.duplicate_answers,
        stored.incomplete,
        f"{f.p50:,.0f}",
        f"{f.p95:,.0f}",
    ]
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def _no_errors(r: dict) -> bool:
    return r["figures"].errors == 0 and not r["server_errors"]


def _stored_once(r: dict) -> bool:
    stored: Stored = r["stored"]
    return (
        set(r["sent"]) == stored.submitted
        and len(r["sent"]) == len(set(r["sent"]))
        and stored.duplicate_answers == 0
        and stored.incomplete == 0
    )


def report(results: dict[str, dict], options: argparse.Namespace) -> str:
    """The section's text: what was run, the counts, and whether nothing was lost."""
    columns = (
        "database | requests | seconds | errors | 5xx in server log | check-ins sent (confirmed) "
        "| stored as submitted | sent but not stored | stored but never sent | sends unconfirmed "
        "| duplicate answers | incomplete | p50 ms | p95 ms"
    )
    head = f"| {columns} |\n" + "|---" * (columns.count("|") + 1) + "|"
    rows = "\n".join(_row(name, r) for name, r in results.items())
    verdicts = "\n".join(
        f"- {name}: zero errors **{'met' if _no_errors(r) else 'NOT met'}**; every check-in sent stored "
        f"exactly once **{'met' if _stored_once(r) else 'NOT met'}**."
        for name, r in results.items()
    )
    loads = ", ".join(f"{name} {r['load_average']:.1f}" for name, r in results.items())
    pause = (
        f"a {options.think:g} s pause before each request" if options.think else "no pause between requests"
    )
    return (
        f"{options.users} simulated young people, each doing whole full check-ins ({len(TOPICS)} "
        f"topic screens, one skipped; {ANSWER_ROWS} answers and a comment) with {pause}, for "
        f"{options.seconds:g} s, against {options.workers} uvicorn workers (production settings) on "
        f"127.0.0.1. A send is confirmed when the app answers it with the confirmation page. "
        f"Afterwards the database is counted: every submitted check-in of these young people, "
        f"compared with the confirmed sends; answers stored twice for one (check-in, question, "
        f"option); check-ins missing any answer or "
        f"sharing choice.\n\n{head}\n{rows}\n\n"
        f"Targets: zero errors, and every check-in sent stored exactly once.\n\n{verdicts}\n"
        + describe_errors(results)
        + f"\nMachine load average when each run began: {loads}, on {os.cpu_count()} cores (a load "
        "average above the core count means other work was competing for the CPU).\n"
    )


def main() -> None:
    options = _options()
    with tempfile.TemporaryDirectory() as folder:
        results = {target.name: run(target, options, Path(folder)) for target in targets(Path(folder))}
    text = report(results, options)
    print(text)
    write_section("Load without loss", "python -m bench.load_no_loss", text, path=RELIABILITY)


if __name__ == "__main__":
    main()
