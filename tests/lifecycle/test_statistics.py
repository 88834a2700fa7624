"""Planner statistics: gathered on SQLite by the jobs (PostgreSQL keeps its own); reads unchanged."""

from sqlalchemy import text

from app.lifecycle.statistics import refresh_statistics
from app.meetings.shared import shared_headline_numbers
from tests.meetings.helpers import check_in


def test_statistics_are_gathered_on_sqlite_and_answers_read_the_same(client, db, engine, world):
    for score in ("3", "6"):
        check_in(
            client, db, world, {"wellbeing": {"wellbeing.life_satisfaction": score}}, {"wellbeing": "share"}
        )
    refreshed = refresh_statistics(engine)
    assert refreshed is (engine.dialect.name == "sqlite")
    rows = shared_headline_numbers(
        db, young_person_id=world.young.id, headline_keys=["wellbeing.life_satisfaction"]
    )
    assert [number for _key, _when, number in rows] == [3, 6]
    if not refreshed:
        return
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'answer'")).scalar()
