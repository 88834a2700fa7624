"""Small OC3 extracts for the tests: the world's young people given child IDs, and lines about them."""

from sqlmodel import Session

from tests.factories import World

HEADER = "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM"


def give_child_ids(db: Session, world: World) -> None:
    """Alex is C001 and Blake C002 in the test council; Casey, in the other council, is C003."""
    for person, child_id in ((world.young, "C001"), (world.pa2_person, "C002"), (world.other_person, "C003")):
        person.council_child_id = child_id
        db.add(person)
    db.commit()


def born(world: World, which: str = "young") -> str:
    return getattr(world, which).date_of_birth.strftime("%d/%m/%Y")


def extract(*lines: str) -> bytes:
    return "\r\n".join((HEADER, *lines)).encode()
