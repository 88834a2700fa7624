"""A synthetic SSDA903 care-leaver extract for the demo council, with some disagreements.

Every demo young person gets a council child ID; the extract mostly agrees with what each said
in their latest shared check-in, but about one in four records differs (staff record once a year,
young people answer whenever they choose), a few are not in touch, and three lines name child IDs
the council does not hold (counted as not matched). Alex Morgan's record disagrees with what they
said, so demo.young has something to put right.
"""

import random

from sqlalchemy import update
from sqlmodel import Session, col, select

from app.checkins.answer_queries import latest_shared_choice_of_each
from app.people.models import Organisation, YoungPerson
from app.sources.loading import take_extract
from app.sources.models import StatutoryLoad

ACTIVITIES = ("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6")
LETTERS = "BCDEKSTUVWZY"
OTHER_CONTACT = (("NO", 0.05), ("REFU", 0.03), ("NREQ", 0.03), ("RHOM", 0.01))


def _in_touch(rng: random.Random) -> str:
    pick = rng.random()
    for code, share in OTHER_CONTACT:
        if pick < share:
            return code
        pick -= share
    return "YES"


def _line(rng: random.Random, person: YoungPerson, activity: str | None, letter: str | None) -> str:
    born = person.date_of_birth.strftime("%d/%m/%Y")
    in_touch = _in_touch(rng)
    if in_touch == "RHOM":
        return f"{person.council_child_id},{born},RHOM,0,0"
    if activity is None or rng.random() < 0.25:
        activity = rng.choice(ACTIVITIES)
    if letter is None or rng.random() < 0.25:
        letter = rng.choice(LETTERS)
    suitable = "2" if letter == "S" or rng.random() < 0.12 else "1"
    return f"{person.council_child_id},{born},{in_touch},{activity},{letter}{suitable}"


def load_demo_return(
    session: Session, *, council_name: str, seed: int, disagree_with: tuple[str, str]
) -> bool:
    """Give the council's young people child IDs and load the extract, once; False if already loaded."""
    council = session.exec(select(Organisation).where(Organisation.name == council_name)).one()
    organisation_id = council.id or 0
    if session.exec(select(StatutoryLoad.id).where(StatutoryLoad.organisation_id == organisation_id)).first():
        return False
    people = list(
        session.exec(
            select(YoungPerson)
            .where(YoungPerson.organisation_id == organisation_id)
            .order_by(col(YoungPerson.id))
        ).all()
    )
    ids = [{"id": p.id, "council_child_id": f"DC{p.id:06d}"} for p in people]
    session.execute(update(YoungPerson), ids)
    session.commit()
    said = latest_shared_choice_of_each(
        session, organisation_id=organisation_id, question_keys=["employment.activity", "housing.where"]
    )
    rng = random.Random(f"{seed}:903")  # noqa: S311 - demo data, not secrets
    lines = ["CHILD,DOB,IN_TOUCH,ACTIV,ACCOM"]
    for person in people:
        if (person.first_name, person.last_name) == disagree_with:
            born = person.date_of_birth.strftime("%d/%m/%Y")
            lines.append(f"{person.council_child_id},{born},YES,F2,D1")
            continue
        key = person.id or 0
        lines.append(
            _line(rng, person, said.get((key, "employment.activity")), said.get((key, "housing.where")))
        )
    lines += [f"DC9{n:05d},01/01/2005,YES,F5,U1" for n in range(3)]
    content = "\r\n".join(lines).encode()
    outcome = take_extract(
        session, organisation_id=organisation_id, actor=None, content=content, good_lines=True
    )
    return outcome.load is not None
