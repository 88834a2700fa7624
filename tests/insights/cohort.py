"""Crafted cohorts made straight from rows: young people, submitted check-ins and their answers."""

from datetime import UTC, date, datetime
from functools import lru_cache

from sqlmodel import Session

from app.checkins.models import Answer, CheckIn, Status, TopicResponse
from app.people.models import Locality, YoungPerson
from app.questions.loader import DEFAULT_FILE, parse_question_file

Given = str | int | list[str]
IN_Q1_2025 = datetime(2025, 2, 10, 12, 0, tzinfo=UTC)


@lru_cache
def _scores() -> dict[tuple[str, str], int | None]:
    questions = parse_question_file(DEFAULT_FILE.read_text())
    return {(q.key, a.key): a.score for t in questions.topics for q in t.questions for a in q.answers}


def _answer_rows(check_in_id: int, question_key: str, given: Given) -> list[Answer]:
    topic_key = question_key.split(".")[0]
    if isinstance(given, int):
        return [Answer(check_in_id=check_in_id, topic_key=topic_key, question_key=question_key, number=given)]
    ticks = given if isinstance(given, list) else [given]
    return [
        Answer(
            check_in_id=check_in_id,
            topic_key=topic_key,
            question_key=question_key,
            option_key=tick,
            number=_scores().get((question_key, tick)),
        )
        for tick in ticks
    ]


def add_check_in(
    db: Session,
    person: YoungPerson,
    answers: dict[str, Given],
    *,
    when: datetime = IN_Q1_2025,
    shared: bool = True,
    commit: bool = True,
) -> CheckIn:
    """A submitted check-in with these answers (question key: option, 0-10 number or ticks), topics shared or not."""
    check_in = CheckIn(
        young_person_id=person.id,
        question_set_version=1,
        mode="full",
        status=Status.submitted,
        started_at=when,
        updated_at=when,
        submitted_at=when,
        going_well="Free text no one may see",
    )
    db.add(check_in)
    db.flush()
    assert check_in.id is not None
    for topic_key in sorted({key.split(".")[0] for key in answers}):
        db.add(
            TopicResponse(
                check_in_id=check_in.id,
                topic_key=topic_key,
                shared=shared,
                shared_at=when if shared else None,
                comment="My own words",
            )
        )
    for key, given in answers.items():
        db.add_all(_answer_rows(check_in.id, key, given))
    if commit:
        db.commit()
    return check_in


def add_people(
    db: Session,
    locality: Locality,
    count: int,
    answers: dict[str, Given],
    *,
    born: date = date(2006, 6, 1),
    **options,
) -> list[YoungPerson]:
    """This many young people in the locality, each with one check-in giving the same answers."""
    people = [
        YoungPerson(
            organisation_id=locality.organisation_id,
            locality_id=locality.id,
            first_name=f"Zebedee{i}",
            last_name="Quill",
            date_of_birth=born,
        )
        for i in range(count)
    ]
    db.add_all(people)
    db.flush()
    for person in people:
        add_check_in(db, person, answers, commit=False, **options)
    db.commit()
    return people
