"""The demo council's synthetic statutory return: everyone matched by child ID, some disagreements, loaded once."""

from sqlmodel import Session, select

from app.demo.statutory import load_demo_return
from app.sources.models import StatutoryLoad, StatutoryRecord


def test_the_demo_return_matches_everyone_disagrees_with_the_chosen_person_and_loads_once(db: Session, world):
    chosen = (world.young.first_name, world.young.last_name)
    assert load_demo_return(db, council_name="Test Council", seed=1, disagree_with=chosen)
    load = db.exec(select(StatutoryLoad)).one()
    assert (load.rows_loaded, load.rows_unmatched, load.rows_with_mistakes) == (2, 3, 0)
    mine = db.exec(select(StatutoryRecord).where(StatutoryRecord.young_person_id == world.young.id)).one()
    assert (mine.in_touch, mine.activity, mine.accommodation) == ("YES", "F2", "D1")
    db.refresh(world.other_person)
    assert world.other_person.council_child_id is None  # another council's young person is not touched
    assert not load_demo_return(db, council_name="Test Council", seed=1, disagree_with=chosen)
