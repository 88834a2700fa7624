"""The analysts' SQL (kept for speed) reads each kind of stored answer as the read model does."""

from sqlmodel import select

from app.checkins import answers
from app.checkins.models import CheckIn
from app.insights import queries
from app.insights.periods import parse_period
from tests.insights.cohort import add_people

GIVEN = {
    "wellbeing.happy": 7,
    "wellbeing.anxious": 0,
    "housing.feeling": "good",
    "housing.where": "U",
    "education.barriers": ["money", "housing"],
    "life.ran_out": "yes",
}


def test_the_tables_count_the_values_the_read_model_reads(db, world):
    people = add_people(db, world.locality, 1, GIVEN)
    period = parse_period("2025-Q1")
    assert period is not None
    counts = queries.latest_values(
        db, question_keys=list(GIVEN), organisation_id=world.org.id or 0, period=period
    )
    ids = db.exec(select(CheckIn.id).where(CheckIn.young_person_id == people[0].id)).all()
    stored = answers.load(db, check_in_ids=[i for i in ids if i], shared_only=True)
    read = {
        (key, value)
        for check_in in stored.values()
        for item in check_in.topics.values()
        for key, values in item.values.items()
        for value in values
    }
    assert {(c.question_key, c.value) for c in counts} == read
    assert ("wellbeing.anxious", "0") in read and ("education.barriers", "money") in read
