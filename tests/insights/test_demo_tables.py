"""The demo council gives demo.analyst real tables: a synthetic cohort across its localities, loaded
once, with PAs of its own, never on the demo PAs' caseloads."""

import re
from datetime import UTC, datetime
from functools import lru_cache

import pytest
from sqlalchemy import func
from sqlmodel import Session, col, select

from app.auth.passwords import hash_passphrase, verify_passphrase
from app.checkins.models import CheckIn
from app.db import utcnow
from app.demo.bulk import LOADING, load_cohort
from app.demo.cohort import ADDED_TEAMS
from app.demo.council import DEMO_COHORT, DEMO_COUNCIL, DEMO_LOCALITIES, DEMO_PASSPHRASE, load_demo
from app.insights import service
from app.insights.disclosure import Rules
from app.insights.periods import Length, containing, default_period
from app.insights.tables import BuiltTable
from app.people.models import Organisation, Team, User, YoungPerson
from app.people.service import current_pa

NOW = datetime(2026, 3, 15, tzinfo=UTC)


@lru_cache
def demo_hash() -> str:
    return hash_passphrase(DEMO_PASSPHRASE)


@pytest.fixture
def fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo accounts keep the demo passphrase, hashed once for the whole test session."""
    monkeypatch.setattr("app.demo.council.hash_passphrase", lambda _passphrase: demo_hash())


def build(db: Session, analyst: User, key: str, period) -> BuiltTable:
    spec = service.approved_table(db, key=key)
    assert spec is not None, key
    return service.build(db, spec=spec, user=analyst, period=period, rules=Rules(), now=utcnow())


def figures(table: BuiltTable, label: str, section: int = 0) -> tuple[str, ...]:
    return next(r.cells for r in table.sections[section].all_rows if r.label == label)


def test_the_demo_analyst_sees_real_figures_and_the_cohort_stays_off_the_demo_caseloads(
    db, engine, settings, fast_hashing
):
    added, cohort = load_demo(engine, settings=settings)
    assert added and cohort.loaded and cohort.rows["young_person"] == DEMO_COHORT
    analyst = db.exec(select(User).where(User.username == "demo.analyst")).one()
    assert verify_passphrase(DEMO_PASSPHRASE, analyst.password_hash)[0]
    now = utcnow()
    last_year = containing(now, Length.year).shifted(-1)
    for period in (default_period(now), last_year):
        coverage = build(db, analyst, "coverage", period)
        places = [r.label for r in coverage.sections[0].rows]
        assert places == sorted(name for name, _size in DEMO_LOCALITIES)
        checked_in = int(figures(coverage, "All localities")[0])
        assert 0.6 * DEMO_COHORT < checked_in <= DEMO_COHORT, period
        assert "c" in figures(coverage, "Little Fenton")
        assert all(cell.isdigit() for cell in figures(coverage, "North Dale"))
        feeling = build(db, analyst, "wellbeing.life_satisfaction", period)
        everyone = figures(feeling, "All localities")
        # Scores 0-2 are rare: hidden in a month, they are hidden in its quarter and year too.
        assert sum(cell.isdigit() and int(cell) >= 10 for cell in everyone) >= 6, everyone
        assert "c" in figures(feeling, "Riverside")
        means = build(db, analyst, "ons-wellbeing-means", period)
        averages = [row.cells[0] for section in means.sections for row in section.all_rows]
        assert all(re.fullmatch(r"c|\d+\.\d", figure) for figure in averages), averages

    council = db.exec(select(Organisation).where(Organisation.name == DEMO_COUNCIL)).one()
    people = db.exec(select(YoungPerson).where(YoungPerson.organisation_id == council.id)).all()
    assert len(people) == DEMO_COHORT + 13
    demo_team = db.exec(select(Team).where(Team.name == "Leaving Care Team")).one()
    caseloads: dict[str, int] = {}
    for person in people:
        pa = current_pa(db, young_person_id=person.id)
        assert pa is not None
        caseloads[pa.username] = caseloads.get(pa.username, 0) + 1
        if not pa.username.startswith("demo."):
            assert pa.team_id != demo_team.id and pa.password_hash == "!"
    assert (caseloads["demo.pa"], caseloads["demo.pa2"]) == (10, 3)
    assert not db.exec(select(CheckIn).where(col(CheckIn.submitted_at) > datetime.now(UTC))).first()

    before = db.exec(select(func.count()).select_from(CheckIn)).one()
    again, cohort_again = load_demo(engine, settings=settings)
    assert not again and not cohort_again.loaded
    assert "already there" in cohort_again.line()
    assert db.exec(select(func.count()).select_from(CheckIn)).one() == before


def test_a_cohort_goes_only_into_a_council_that_is_there_and_an_interrupted_one_is_refused(db, settings):
    options = {"young_people": 20, "months": 3, "seed": 5, "now": NOW, "into": "Nowhere Council"}
    with pytest.raises(RuntimeError, match="no council called Nowhere Council"):
        load_cohort(db.get_bind(), settings=settings, **options)
    council = Organisation(name="Nowhere Council")
    db.add(council)
    db.commit()
    first = load_cohort(db.get_bind(), settings=settings, **options)
    assert first.loaded and first.line().startswith("Loaded a synthetic cohort into Nowhere Council: 20")
    teams = db.exec(select(Team.name).where(Team.organisation_id == council.id).order_by(Team.name)).all()
    assert teams == sorted(ADDED_TEAMS)
    assert not load_cohort(db.get_bind(), settings=settings, **options).loaded

    other = Organisation(name="Halfway Council")
    db.add(other)
    db.commit()
    db.add(Team(organisation_id=other.id, name=ADDED_TEAMS[0] + LOADING))
    db.commit()
    with pytest.raises(RuntimeError, match="did not finish"):
        load_cohort(db.get_bind(), settings=settings, **(options | {"into": "Halfway Council"}))
