"""The in-suite intruder on the agreement tables: no hidden figure narrows below 10 values."""

import random
from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from app.insights.disclosure import Rules
from app.people.models import YoungPerson
from app.sources.agreement import agreement_tables
from app.sources.loading import take_extract
from tests.insights.cohort import add_check_in
from tests.insights.milp_intruder import Attack
from tests.sources.extracts import extract

ACTIV = ("F1", "F2", "F5", "P5", "F4", "G4", "G5", "G6")
ACCOM = ("B1", "D1", "D2", "U1", "U2", "K1", "S2", "V2", "Z1")
IN_TOUCH = ("YES",) * 8 + ("NO", "REFU", "NREQ")
LETTERS = "BDEKSUVZ"
FEELINGS = ("really_bad", "not_great", "ok", "good", "really_good")


def _cohort(db: Session, world, people: int) -> bytes:
    rng = random.Random(903)  # noqa: S311 - test data
    recent = datetime.now(UTC) - timedelta(days=40)
    lines = []
    for i in range(people):
        person = YoungPerson(
            organisation_id=world.org.id,
            locality_id=world.locality.id,
            first_name=f"Q{i}",
            last_name="Intruder",
            date_of_birth=world.young.date_of_birth,
            council_child_id=f"Q{i:05d}",
        )
        db.add(person)
        db.flush()
        if rng.random() < 0.8:
            said = {
                "employment.activity": rng.choice(ACTIV[:-1] + ("G5",)),
                "housing.where": rng.choice(LETTERS),
                "housing.feeling": rng.choice(FEELINGS),
            }
            add_check_in(db, person, said, when=recent, shared=rng.random() < 0.9, commit=False)
        in_touch = rng.choice(IN_TOUCH)
        codes = f"{rng.choice(ACTIV)},{rng.choice(ACCOM)}" if in_touch == "YES" else "0,0"
        lines.append(f"Q{i:05d},{person.date_of_birth:%d/%m/%Y},{in_touch},{codes}")
    db.commit()
    return extract(*lines)


def test_no_hidden_figure_of_the_agreement_tables_narrows_below_10_values(db: Session, world):
    content = _cohort(db, world, 400)
    assert take_extract(db, organisation_id=world.org.id, actor=None, content=content, good_lines=False).load
    rules = Rules()
    sections = agreement_tables(db, organisation_id=world.org.id, rules=rules)
    intruder = Attack(rules, [], [])
    intruder.add_cross_tabs("agreement", sections)
    found = intruder.solve()
    assert found.tables == 4 and found.hidden > 10, found.summary()
    assert found.narrow == [] and found.pinned == [] and found.unproven == [], found.summary()
