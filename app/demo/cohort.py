"""Synthetic cohort: a council of N young people and M months of check-ins, planned as plain rows.

Pure planning, no database: this module plans the council (districts of unequal size, teams,
enough PAs), or the districts, teams and PAs a cohort adds to a council that is already there
(as `checkin demo-data` does to the demo council); app.demo.cohort_people plans the young people
and their check-ins; both give tuples in COLUMNS order with ids counted on from the ids passed
in, so child rows can name their parents before anything is written. Staff get the password
hash "!", which never verifies, and no email. Times are UTC without a zone (quicker to format),
counted back from `now`, so only the dates move with it. app.demo.bulk writes the rows.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

MONTH_DAYS = 30
PEOPLE_PER_PA = 25
UNUSABLE_PASSWORD = "!"  # noqa: S105 - not a password: no passphrase hashes to it
LOCALITIES = (
    ("Ashworth", 230), ("Brookfield", 170), ("Caldermoor", 130), ("Dunmere", 110),
    ("Eastholme", 90), ("Fernley", 80), ("Greyford", 60), ("Hollinbrook", 50),
    ("Ivy Vale", 40), ("Kestrel Moor", 25), ("Lowthorpe", 10), ("Marram Sands", 5),
)  # fmt: skip
TEAMS = ("North", "East", "South", "West")
# In a council that is already there, the cohort's own teams say what they are.
ADDED_TEAMS = tuple(f"Synthetic {team} team" for team in TEAMS)
COLUMNS: dict[str, tuple[str, ...]] = {
    "organisation": ("id", "name", "created_at"),
    "locality": ("id", "organisation_id", "name"),
    "team": ("id", "organisation_id", "name"),
    "user": ("id", "organisation_id", "team_id", "username", "password_hash", "role", "display_name",
             "active", "away", "on_duty", "created_at"),
    "young_person": ("id", "organisation_id", "locality_id", "first_name", "last_name", "date_of_birth",
                     "gender", "created_at"),
    "pa_assignment": ("id", "young_person_id", "pa_id", "started_at"),
    "check_in": ("id", "young_person_id", "question_set_version", "mode", "status", "started_at",
                 "updated_at", "submitted_at", "seen_at", "seen_by_id"),
    "topic_response": ("id", "check_in_id", "topic_key", "skipped", "shared", "shared_at", "talk_about",
                       "saved_at"),
    "answer": ("id", "check_in_id", "topic_key", "question_key", "option_key", "number"),
    "safety_alert": ("id", "young_person_id", "check_in_id", "question_key", "option_key", "raised_at",
                     "pa_id", "seen_at", "acknowledged_at", "acknowledged_by_id", "action_taken"),
}  # fmt: skip
Rows = dict[str, list[tuple[Any, ...]]]
Stamp = Callable[[datetime | None], Any]
Places = tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class CohortSpec:
    """What to generate: how many young people, over how many months, from which seed, and where.

    `into` names a council that is already there to add the cohort to; by default the cohort
    is a council of its own. `localities` are the districts with their relative sizes; in a
    council that is already there, one with the name of an existing locality is that locality.
    """

    young_people: int
    months: int
    seed: int
    now: datetime
    into: str = ""
    localities: Places = LOCALITIES

    @property
    def organisation(self) -> str:
        """The council's name: the one loaded into, or new for each seed, never the small demo council."""
        return self.into or f"Synthetic Council {self.seed}"


@dataclass(frozen=True)
class Existing:
    """A council that is already there: its id, and its localities' ids by name."""

    organisation_id: int
    localities: dict[str, int]


@dataclass
class Cohort:
    """The council as planned: its own rows, each young person's district and PA, and the row
    (table, id, name) that carries the "still loading" mark until the load is done."""

    spec: CohortSpec
    organisation_id: int
    homes: list[tuple[int, int]]
    rows: Rows
    marker: tuple[str, int, str]


def empty_rows() -> Rows:
    """No rows yet for any table."""
    return {table: [] for table in COLUMNS}


def naive_utc(moment: datetime) -> datetime:
    """UTC without a zone: what the planner works in, as it is quicker to format."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _add(rows: Rows, ids: dict[str, int], table: str, *values: Any) -> int:
    """Append a row with the next free id of its table; the id."""
    new_id = ids[table]
    ids[table] = new_id + 1
    rows[table].append((new_id, *values))
    return new_id


def _sizes(total: int, weights: list[int]) -> list[int]:
    """Split a total in proportion to weights, largest remainders first; the parts add up."""
    exact = [total * w / sum(weights) for w in weights]
    sizes = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (sizes[i] - exact[i], i))
    for i in by_remainder[: total - sum(sizes)]:
        sizes[i] += 1
    return sizes


def _staff(
    prefix: str,
    rows: Rows,
    ids: dict[str, int],
    org: int,
    teams: list[int],
    sizes: list[int],
    created: Any,
) -> list[list[int]]:
    """Enough PAs in each team for about PEOPLE_PER_PA young people each; their ids per team."""
    pas: list[list[int]] = []
    for team, (team_id, size) in enumerate(zip(teams, sizes, strict=True)):
        pas.append([])
        for n in range(1, max(1, -(-size // PEOPLE_PER_PA)) + 1):
            username = f"{prefix}.{TEAMS[team].lower()}.pa{n}"
            name = f"Synthetic PA {TEAMS[team]} {n}"
            values = (org, team_id, username, UNUSABLE_PASSWORD, "pa", name, True, False, False, created)
            pas[-1].append(_add(rows, ids, "user", *values))
    return pas


def plan_setup(
    spec: CohortSpec, ids: dict[str, int], *, stamp: Stamp, marker: str = "", existing: Existing | None = None
) -> Cohort:
    """The council (or what the cohort adds to an existing one): districts of unequal size, teams
    and PAs, and who lives where with which PA. The council's name (in an existing council, the
    first new team's) ends with `marker` until the load is done."""
    rng = random.Random(f"{spec.seed}:council")  # noqa: S311 - demo data, not secrets
    rows = empty_rows()
    created = stamp(naive_utc(spec.now) - timedelta(days=spec.months * MONTH_DAYS + 120))
    if existing is None:
        org = _add(rows, ids, "organisation", spec.organisation + marker, created)
        team_names, prefix, known = [f"{team} team" for team in TEAMS], f"synthetic{spec.seed}", {}
    else:
        org, known = existing.organisation_id, existing.localities
        team_names, prefix = list(ADDED_TEAMS), f"synthetic{spec.seed}.org{org}"
    places = [known.get(place) or _add(rows, ids, "locality", org, place) for place, _ in spec.localities]
    marks = [marker if existing and i == 0 else "" for i in range(len(team_names))]
    teams = [_add(rows, ids, "team", org, name + mark) for name, mark in zip(team_names, marks, strict=True)]
    sizes = _sizes(spec.young_people, [w for _, w in spec.localities])
    team_of = [i % len(TEAMS) for i in range(len(spec.localities))]
    team_sizes = [sum(s for i, s in enumerate(sizes) if team_of[i] == t) for t in range(len(TEAMS))]
    pas = _staff(prefix, rows, ids, org, teams, team_sizes, created)
    order = [i for i, size in enumerate(sizes) for _ in range(size)]
    rng.shuffle(order)
    seated = [0] * len(TEAMS)
    homes = []
    for place in order:
        team = team_of[place]
        homes.append((places[place], pas[team][seated[team] // PEOPLE_PER_PA]))
        seated[team] += 1
    marked = (
        ("organisation", org, spec.organisation) if existing is None else ("team", teams[0], team_names[0])
    )
    return Cohort(spec, org, homes, rows, marked)
