"""A version 2 that renames a question and an answer: old check-ins still say what was asked then.

The young person's history and the PA's meeting preparation word an old answer alike (in the set it
was asked in); the analyst tables count both versions together by the questions' stable keys.
"""

import copy
from datetime import timedelta

import yaml
from sqlmodel import select

from app.checkins.models import CheckIn
from app.questions.loader import DEFAULT_FILE, load_question_set
from tests.insights.cohort import IN_Q1_2025, add_people
from tests.insights.test_tables import build, row
from tests.meetings.helpers import as_pa, check_in
from tests.web import page, signed_in_client

OLD_QUESTION, NEW_QUESTION = "How do you feel about where you live?", "How is your home?"
OLD_ANSWER, NEW_ANSWER = "Good", "Fine"


def load_version_2(db) -> None:
    """Version 2: housing.feeling and its answer 'good' reworded, every key kept."""
    definition = yaml.safe_load(DEFAULT_FILE.read_text(encoding="utf-8"))
    definition["version"] = 2
    housing = next(t for t in definition["topics"] if t["key"] == "housing")
    feeling = next(q for q in housing["questions"] if q["key"] == "housing.feeling")
    feeling["text"] = {"en": NEW_QUESTION}
    feeling["answers"] = copy.deepcopy(feeling["answers"])
    next(a for a in feeling["answers"] if a["key"] == "good")["text"] = {"en": NEW_ANSWER}
    load_question_set(db, text=yaml.safe_dump(definition, allow_unicode=True))


def _housing(client, db, world, feeling: str) -> int:
    return check_in(client, db, world, {"housing": {"housing.feeling": feeling}}, {"housing": "share"})


def test_history_and_meeting_preparation_word_an_old_answer_as_it_was_asked(client, db, world):
    old = _housing(client, db, world, "good")
    load_version_2(db)
    new = _housing(client, db, world, "ok")
    versions = dict(db.exec(select(CheckIn.id, CheckIn.question_set_version)).all())
    assert (versions[old], versions[new]) == (1, 2)

    signed_in_client(client, db, world.young_user)
    history = page(client.get(f"/check-ins/{old}")).get_text()
    assert OLD_QUESTION in history and OLD_ANSWER in history
    assert NEW_QUESTION not in history and NEW_ANSWER not in history
    client.cookies.clear()

    as_pa(client, db, world)
    housing = page(client.get(f"/young-people/{world.young.id}/meeting")).find(id="topic-housing")
    line = housing.find("th", string=NEW_QUESTION).parent
    assert [td.get_text(strip=True) for td in line.find_all("td")] == ["OK", OLD_ANSWER, "–"]
    assert NEW_ANSWER not in housing.get_text()


def test_analyst_tables_count_both_versions_by_the_stable_keys(db, world):
    add_people(db, world.locality, 10, {"housing.feeling": "good"})
    load_version_2(db)
    later = add_people(
        db, world.locality, 10, {"housing.feeling": "good"}, when=IN_Q1_2025 + timedelta(days=7)
    )
    for person in later:
        for each in db.exec(select(CheckIn).where(CheckIn.young_person_id == person.id)).all():
            each.question_set_version = 2
            db.add(each)
    db.commit()

    table = build(db, world, "housing.feeling")
    assert NEW_QUESTION in table.spec.title
    labels = table.sections[0].column_labels
    good = labels.index(NEW_ANSWER)
    assert row(table, "North").cells[good] == "20"
    assert row(table, "North").total == "20"
