"""Loading a large synthetic cohort fast: `checkin demo-data --young-people N --months M --seed S`.

The planner (app.demo.cohort, app.demo.cohort_people) numbers every row itself, counting on
from the largest id each table holds, so child rows name their parents without a round trip;
a background thread plans the next batch of young people while this one is written (by
app.demo.bulk_writers: binary COPY on PostgreSQL, executemany on SQLite); each batch is one
transaction. The council is called "... (loading)" until the last batch is in and checked, so
an interrupted load is never taken for a finished one. Loading the same seed again does
nothing. Run it on a quiet database: rows others add while it loads could take the same ids.

With `into`, the cohort goes into a council that is already there (the demo council, so its
analyst has realistic tables): its young people join the council's localities of the same
name and new ones, with new teams and PAs of their own, never the council's own staff. The
first new team carries the "(loading)" mark instead, and one cohort per council is the rule:
once that team is there, loading into the council again does nothing.
"""

import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Engine, text
from sqlmodel import Session, col, select

from app.demo.bulk_writers import Writer, open_writer, quoted
from app.demo.cohort import ADDED_TEAMS, COLUMNS, LOCALITIES, CohortSpec, Existing, Places, Rows, plan_setup
from app.demo.cohort_people import CohortPlanner
from app.people.models import Locality, Organisation, Team
from app.questions.catalogue import question_set
from app.questions.loader import ensure_default_set
from app.questions.schema import QuestionSetFile
from app.settings import Settings

BATCH_PEOPLE = 1000
LOADING = " (loading)"
SHOWN = ("young_person", "check_in", "topic_response", "answer", "safety_alert")


@dataclass
class LoadSummary:
    """What a load did: the council, whether it was new, rows per table, seconds taken."""

    organisation: str
    loaded: bool
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    into: bool = False

    def line(self) -> str:
        """One line for the terminal."""
        what = f"A synthetic cohort in {self.organisation}" if self.into else self.organisation
        if not self.loaded:
            return f"{what} is already there; nothing loaded."
        total = sum(self.rows.values())
        counts = ", ".join(f"{self.rows.get(t, 0):,} {t}" for t in SHOWN)
        rate = total / self.seconds if self.seconds else 0.0
        where = f"a synthetic cohort into {self.organisation}" if self.into else self.organisation
        return f"Loaded {where}: {counts}; {total:,} rows in {self.seconds:.0f} s ({rate:,.0f}/s)."


class Progress:
    """A one-line bar with the time left, redrawn per batch on stderr when it is a terminal."""

    def __init__(self, total: int, *, enabled: bool | None = None) -> None:
        self.total, self.started = total, time.monotonic()
        self.enabled = sys.stderr.isatty() if enabled is None else enabled

    def show(self, done: int, rows: int) -> None:
        """Redraw: young people done, rows written, and the time left at the pace so far."""
        if not self.enabled or not self.total:
            return
        elapsed = time.monotonic() - self.started
        left = int(elapsed / done * (self.total - done)) if done else 0
        bar = "#" * (30 * done // self.total)
        sys.stderr.write(
            f"\r[{bar:<30}] {done:,}/{self.total:,} young people, {rows:,} rows, "
            f"{left // 60}m{left % 60:02d}s left "
        )
        sys.stderr.flush()

    def close(self) -> None:
        """End the bar's line."""
        if self.enabled:
            sys.stderr.write("\n")


def planned_ahead(plan: Callable[[int, int], Rows], total: int, batch: int) -> Iterator[tuple[int, Rows]]:
    """(people so far, rows) batch by batch, the next one planned in a thread while this is written."""
    bounds = [(start, min(total, start + batch)) for start in range(0, total, batch)]
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="cohort-plan") as pool:
        coming = pool.submit(plan, *bounds[0]) if bounds else None
        for index, (_, stop) in enumerate(bounds):
            assert coming is not None
            rows = coming.result()
            if index + 1 < len(bounds):
                coming = pool.submit(plan, *bounds[index + 1])
            yield stop, rows


def _next_ids(session: Session) -> dict[str, int]:
    """One past the largest id of each table the cohort writes to."""
    connection, ids = session.connection(), {}
    for table in COLUMNS:
        largest = connection.execute(text(f"SELECT max(id) FROM {quoted(table)}")).scalar()  # noqa: S608
        ids[table] = int(largest or 0) + 1
    return ids


def _organisation_state(session: Session, name: str) -> str:
    """'absent', 'loaded', or 'interrupted' (an earlier load of the same seed did not finish)."""
    names = (name, name + LOADING)
    found = set(session.exec(select(Organisation.name).where(col(Organisation.name).in_(names))).all())
    return "loaded" if name in found else "interrupted" if found else "absent"


def _existing(session: Session, name: str) -> tuple[str, Existing]:
    """The state of the cohort in a council that is already there (as above), and the council."""
    organisation_id = session.exec(select(Organisation.id).where(Organisation.name == name)).first()
    if organisation_id is None:
        raise RuntimeError(f"There is no council called {name} to load a cohort into")
    marker = ADDED_TEAMS[0]
    teams = session.exec(
        select(Team.name).where(
            Team.organisation_id == organisation_id, col(Team.name).in_((marker, marker + LOADING))
        )
    ).all()
    state = "loaded" if marker in teams else "interrupted" if teams else "absent"
    places = session.exec(
        select(Locality.name, Locality.id).where(Locality.organisation_id == organisation_id)
    ).all()
    return state, Existing(organisation_id, {place: int(i or 0) for place, i in places})


def load_cohort(
    engine: Engine,
    *,
    settings: Settings,
    young_people: int,
    months: int,
    seed: int,
    now: datetime | None = None,
    batch: int = BATCH_PEOPLE,
    progress: Progress | None = None,
    into: str = "",
    localities: Places = LOCALITIES,
) -> LoadSummary:
    """Load the synthetic council of this seed once (then nothing), or with `into`, a cohort into
    that council once; never in production."""
    if settings.is_production:
        raise RuntimeError("Demo data is never loaded in production")
    now = now or datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    spec = CohortSpec(young_people, months, seed, now, into=into, localities=localities)
    started, ready = time.monotonic(), _ready(engine, spec)
    if ready is None:
        return LoadSummary(spec.organisation, loaded=False, into=bool(into))
    raw = engine.raw_connection()
    writer = open_writer(engine, raw.driver_connection)
    try:
        counts = _load(writer, spec, *ready, batch, progress or Progress(young_people))
    finally:
        writer.close()
        raw.close()
    return LoadSummary(spec.organisation, True, counts, time.monotonic() - started, into=bool(into))


def _ready(
    engine: Engine, spec: CohortSpec
) -> tuple[QuestionSetFile, dict[str, int], Existing | None] | None:
    """Question set 1, the first free ids and the council loaded into (if any), or None when
    the cohort is already there."""
    with Session(engine) as session:
        ensure_default_set(session)
        existing = None
        if spec.into:
            state, existing = _existing(session, spec.into)
        else:
            state = _organisation_state(session, spec.organisation)
        if state == "interrupted":
            what = f"a cohort into {spec.into}" if spec.into else spec.organisation
            raise RuntimeError(f"An earlier load of {what} did not finish; use a fresh database")
        if state == "loaded":
            return None
        return question_set(session, version=1), _next_ids(session), existing


def _write(writer: Writer, rows: Rows, counts: dict[str, int]) -> None:
    """One transaction: every table in order, parents first."""
    for table in COLUMNS:
        if rows[table]:
            writer.write(table, rows[table])
            counts[table] = counts.get(table, 0) + len(rows[table])
    writer.connection.commit()


def _load(
    writer: Writer,
    spec: CohortSpec,
    questions: QuestionSetFile,
    ids: dict[str, int],
    existing: Existing | None,
    batch: int,
    progress: Progress,
) -> dict[str, int]:
    """Council first, then the young people batch by batch; the mark of loading off at the end."""
    counts: dict[str, int] = {}
    first_ids = dict(ids)
    cohort = plan_setup(spec, ids, stamp=writer.stamp, marker=LOADING, existing=existing)
    _write(writer, cohort.rows, counts)
    planner = CohortPlanner(cohort, questions, ids, writer.stamp)
    try:
        for done, rows in planned_ahead(planner.people, spec.young_people, batch):
            _write(writer, rows, counts)
            progress.show(done, sum(counts.values()))
    finally:
        progress.close()
    writer.finish(first_ids)
    writer.rename(*cohort.marker)
    writer.connection.commit()
    return counts
