"""The intruder of product rule 10 in the suite: every approved table for the last quarter of a synthetic
council's two years and each of its months, every figure a constraint, every hidden cell bounded by
`milp`. (Every month, quarter and year of the two years takes minutes: that run is the bench.)

The cohort (several localities, two of them small) is loaded into each database and every table is
built there; the tables must come out the same on both, so the solving (pure arithmetic on the
published figures) is done once and its findings reused for the second database. The full-size
runs (the demo council, 5,000 young people) are `bench/intruder.py`, figures in docs/reliability.md.
"""

import hashlib
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from app.checkins.models import TopicResponse
from app.demo.bulk import load_cohort
from app.insights.disclosure import Rules
from app.insights.tables import BuiltTable
from app.themes.catalogue import themes
from app.themes.models import TopicTheme
from tests.insights.every_table import attack, council_analyst, every_table, periods_of, small_group_leaks
from tests.insights.milp_intruder import Findings

NOW = datetime(2026, 1, 1, tzinfo=UTC)
PERIODS = periods_of([2025])[12:16]
PEOPLE, MONTHS, SEED = 250, 24, 7
PLACES = (("Ashworth", 50), ("Brookfield", 30), ("Caldermoor", 12), ("Dunmere", 5), ("Eastholme", 3))
RULES = Rules()
SOLVED: dict[str, Findings] = {}


def fingerprint(tables: list[BuiltTable]) -> str:
    """The published figures of every table, as one hash."""
    digest = hashlib.sha256()
    for table in tables:
        digest.update(repr((table.spec.key, table.period.key, table.sections)).encode())
    return digest.hexdigest()


def confirm_themes(db: Session) -> int:
    """Themes on shared topics, spread like real ones: most topics none, some one or two (so the
    themes table has counts to hide and to link to the coverage table's 'Shared' columns)."""
    keys = [t.key for t in themes()]
    rows = db.exec(
        select(TopicResponse.check_in_id, TopicResponse.topic_key).where(col(TopicResponse.shared).is_(True))
    ).all()
    added = [
        TopicTheme(
            check_in_id=check_in_id,
            topic_key=topic_key,
            theme_key=keys[(check_in_id * 7 + j * 5 + len(topic_key)) % len(keys)],
            added_by="young_person",
            catalogue_version=1,
        )
        for check_in_id, topic_key in rows
        for j in range((check_in_id + len(topic_key)) % 4 // 2 + (check_in_id % 3 == 0))
    ]
    db.add_all(added)
    db.commit()
    return len(added)


def test_no_hidden_figure_narrows_below_10_values_with_every_table_of_every_period(
    db: Session, engine, settings, capsys
):
    load_cohort(
        engine, settings=settings, young_people=PEOPLE, months=MONTHS, seed=SEED, now=NOW, localities=PLACES
    )
    assert confirm_themes(db) > 100
    analyst = council_analyst(db, f"Synthetic Council {SEED}")
    tables = list(every_table(db, analyst, PERIODS, RULES, NOW))
    key = fingerprint(tables)
    if SOLVED:
        assert key in SOLVED, "the same cohort gave different tables on the two databases"
    found = SOLVED.get(key) or SOLVED.setdefault(key, attack(db, analyst, tables, RULES))
    with capsys.disabled():
        print(f"\nintruder ({engine.dialect.name}): {found.summary()}")
    assert [p.key for p in PERIODS] == ["2025-10", "2025-11", "2025-12", "2025-Q4"]
    assert found.tables == len(tables) and found.periods == len(PERIODS) and found.hidden > 1000
    assert found.bad_percentages == []
    assert found.narrow == []
    assert found.pinned == []
    assert found.unproven == []
    assert small_group_leaks(db, analyst, tables, NOW) == []
