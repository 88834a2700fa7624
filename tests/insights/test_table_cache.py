"""Closed periods' tables kept once built: the same bytes, and dropped when their answers change."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import event, func
from sqlmodel import Session, select

from app.checkins.models import CheckIn
from app.checkins.removal import remove_check_in
from app.checkins.sharing import stop_sharing
from app.insights import service
from app.insights.catalogue import TableKind, approved_tables
from app.insights.downloads import FORMATS, make_download
from app.insights.models import TableCacheEntry
from app.insights.periods import Length, containing
from app.insights.tables import BuiltTable
from app.people.models import YoungPerson
from tests.factories import World
from tests.insights.cohort import add_check_in, add_people
from tests.insights.test_tables import build, row
from tests.questions.test_version_change import NEW_ANSWER, load_version_2

ANSWERS = {
    "life.ran_out": "yes",
    "housing.feeling": "good",
    "wellbeing.life_satisfaction": 7,
    "wellbeing.happy": 6,
    "wellbeing.worthwhile": 8,
    "wellbeing.anxious": 3,
}


@contextmanager
def counting_queries(db: Session) -> Iterator[list[str]]:
    """The SQL statements run meanwhile that read check-ins or alerts (the tables' counting queries)."""
    seen: list[str] = []

    def note(_connection, _cursor, statement, *_args) -> None:
        if "check_in" in statement or "safety_alert" in statement:
            seen.append(statement)

    engine = db.get_bind()
    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


def kept_rows(db: Session) -> int:
    return db.exec(select(func.count()).select_from(TableCacheEntry)).one()


def downloads(table: BuiltTable) -> dict[str, bytes]:
    return {file_format: make_download(table, file_format).content for file_format in FORMATS}


def test_a_kept_closed_period_gives_the_same_downloads_without_counting_again(db, world: World):
    add_people(db, world.locality, 14, ANSWERS)
    add_people(db, world.locality, 11, ANSWERS, when=datetime(2025, 3, 20, tzinfo=UTC))
    kinds = {spec.kind: spec for spec in approved_tables(service.current_questions(db))}
    assert len(kinds) >= 8
    for spec in kinds.values():
        with counting_queries(db) as first_queries:
            first = downloads(build(db, world, spec.key))
        assert first_queries or spec.kind is TableKind.ons_bands, spec.key  # the means asked first
        with counting_queries(db) as kept_queries:
            kept = downloads(build(db, world, spec.key))
        assert kept_queries == [], spec.key
        assert kept == first, spec.key
    assert kept_rows(db) > 0


def test_an_open_period_is_never_kept(db, world: World):
    add_people(db, world.locality, 12, ANSWERS, when=datetime.now(UTC))
    this_year = str(datetime.now(UTC).year)
    build(db, world, "life.ran_out", this_year)
    with counting_queries(db) as queries:
        build(db, world, "life.ran_out", this_year)
    assert queries
    kept = {entry.period for entry in db.exec(select(TableCacheEntry)).all()}
    now = datetime.now(UTC)
    open_periods = {containing(now, length).key for length in Length}
    assert this_year in open_periods and not kept & open_periods


def test_removing_a_check_in_or_stopping_sharing_in_a_closed_period_changes_its_kept_table(db, world: World):
    people = add_people(db, world.locality, 12, {"life.ran_out": "yes"})
    later = add_check_in(db, people[0], {"life.ran_out": "yes"}, when=datetime(2025, 6, 2, tzinfo=UTC))
    assert row(build(db, world, "life.ran_out"), "North").cells == ("10", "0")
    assert row(build(db, world, "life.ran_out", "2025-Q2"), "North").cells == ("c", "c")

    remove_check_in(db, check_in=later)  # in June: the first quarter's kept results stay
    with counting_queries(db) as queries:
        assert row(build(db, world, "life.ran_out"), "North").cells == ("10", "0")
    assert queries == []

    remove_check_in(db, check_in=only_check_in(db, people[0]))
    remove_check_in(db, check_in=only_check_in(db, people[1]))
    stop_sharing(
        db, actor=world.young_user, person=people[2], check_in=only_check_in(db, people[2]), topic_key="life"
    )
    assert row(build(db, world, "life.ran_out"), "North").cells == ("c", "c")  # 9 people: hidden


def only_check_in(db: Session, person: YoungPerson) -> CheckIn:
    return db.exec(select(CheckIn).where(CheckIn.young_person_id == person.id)).one()


def test_a_new_question_set_version_counts_again_with_its_wording(db, world: World):
    add_people(db, world.locality, 12, {"housing.feeling": "good"})
    build(db, world, "housing.feeling")
    load_version_2(db)
    with counting_queries(db) as queries:
        table = build(db, world, "housing.feeling")
    assert queries
    assert NEW_ANSWER in table.sections[0].column_labels
    assert row(table, "North").cells[table.sections[0].column_labels.index(NEW_ANSWER)] == "10"


def test_a_pa_adding_a_theme_in_a_closed_period_drops_its_kept_tables(db, world: World):
    from app.themes.pa_themes import add_theme

    people = add_people(db, world.locality, 12, {"life.ran_out": "yes"})
    build(db, world, "life.ran_out")
    check_in = only_check_in(db, people[0])
    assert check_in.submitted_at is not None
    affected = select(func.count()).where(TableCacheEntry.period_end > check_in.submitted_at)
    assert db.exec(affected).one() > 0
    added, problem = add_theme(
        db, pa=world.pa, person=people[0], check_in=check_in, topic_key="life", theme_key="money"
    )
    assert (added, problem) == (True, None)
    assert db.exec(affected).one() == 0, "the themes table of that period would be out of date"
    assert kept_rows(db) > 0, "periods that ended before the check-in stay kept"
