"""The integer-programming intruder of product rule 10, full size: every approved table, every period.

Run: .venv/bin/python -m bench.intruder [--council demo | --young-people 5000] [--years 2024,2025]
     [--share-only] [--print-only]

`--council demo` loads the demo council (its 1,000-person cohort, two years up to today) into a
throwaway SQLite database; otherwise a synthetic council of --young-people young people across its
twelve localities (some small), two years of check-ins ending at the start of 2026. Every approved
table is built for every month, quarter and year of --years (as the analyst downloads them, through
app.insights.service.build) and handed to the intruder of tests/insights/milp_intruder.py, which
bounds every hidden cell with scipy's milp over all the tables and periods at once. Printed and
written into docs/reliability.md: tables, periods, cells hidden, the smallest interval found, the
failures, the share of figures published for the whole council, and the time taken.
`--share-only` builds the tables and counts the published share without solving.
"""

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import Session

from app import migrate
from app.db import make_engine, utcnow
from app.demo.bulk import load_cohort
from app.demo.council import DEMO_COUNCIL, load_demo
from app.insights.disclosure import Rules
from app.insights.tables import BuiltTable
from app.settings import Settings
from bench.report import write_section
from tests.insights.every_table import attack, council_analyst, every_table, periods_of, small_group_leaks

RELIABILITY = Path(__file__).resolve().parents[1] / "docs" / "reliability.md"
COHORT_NOW = datetime(2026, 1, 1, tzinfo=UTC)
SEED = 2026


def council_share(tables: list[BuiltTable]) -> tuple[int, int]:
    """Figures published (not c) and all figures, in the whole-council rows of every table."""
    shown = total = 0
    for table in tables:
        for section in table.sections:
            row = section.total_row or (section.rows[0] if len(section.rows) == 1 else None)
            if row is None:
                continue
            figures = [*row.cells, *([row.total] if row.total is not None else [])]
            total += len(figures)
            shown += sum(figure != "c" for figure in figures)
    return shown, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--council", choices=["demo", "synthetic"], default="synthetic")
    parser.add_argument("--young-people", type=int, default=5000)
    parser.add_argument("--years", default="")
    parser.add_argument("--share-only", action="store_true")
    parser.add_argument("--print-only", action="store_true", help="Do not write docs/reliability.md.")
    args = parser.parse_args()
    demo = args.council == "demo"
    now = utcnow() if demo else COHORT_NOW
    last = now.year if demo else now.year - 1
    years = [int(y) for y in args.years.split(",")] if args.years else [last - 1, last]
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/intruder.db"
        engine = make_engine(url)
        migrate.upgrade(engine)
        settings = Settings(database_url=url)
        if demo:
            load_demo(engine, settings=settings)
            name = DEMO_COUNCIL
        else:
            name = load_cohort(
                engine, settings=settings, young_people=args.young_people, months=24, seed=SEED, now=now
            ).organisation
        loaded = time.monotonic()
        with Session(engine) as session:
            analyst = council_analyst(session, name)
            periods = [p for p in periods_of(years) if p.has_started(now)]
            tables = list(every_table(session, analyst, periods, Rules(), now))
            built = time.monotonic()
            shown, total = council_share(tables)
            line = (
                f"{name}: {len(tables)} tables over {len(periods)} periods ({', '.join(map(str, years))}); "
                f"whole-council figures published: {shown:,} of {total:,} ({100 * shown / total:.0f}%); "
                f"load {loaded - started:.0f} s, building every table {built - loaded:.0f} s"
            )
            print(line, flush=True)
            if args.share_only:
                return
            found = attack(session, analyst, tables, Rules())
            leaks = small_group_leaks(session, analyst, tables, now)
    print(found.summary())
    for where, least, most in found.narrow[:20]:
        print(f"  narrow: {where}: {least}..{most}")
    for where, value in found.pinned[:20]:
        print(f"  pinned: {where}: {value}")
    for where in leaks[:20]:
        print(f"  figure in a row of fewer than 10: {where}")
    if args.print_only:
        return
    small = f"figures shown in rows of fewer than 10 people: {len(leaks)}"
    body = f"{line}.\n\nIntruder: {found.summary()}; {small}."
    command = " ".join(["python -m bench.intruder", *sys.argv[1:]])
    write_section(f"Intruder: {name}", command, body, RELIABILITY)


if __name__ == "__main__":
    main()
