"""Approved tables built from crafted cohorts: who counts, once, and what is hidden."""

from datetime import UTC, date, datetime, timedelta

from sqlmodel import Session

from app.checkins.models import SafetyAlert
from app.db import utcnow
from app.insights import service
from app.insights.disclosure import Rules
from app.insights.periods import parse_period
from app.insights.sections import Row
from app.insights.tables import BuiltTable
from app.people.models import Locality
from tests.factories import World
from tests.insights.cohort import IN_Q1_2025, add_check_in, add_people


def build(db: Session, world: World, key: str, period: str = "2025-Q1") -> BuiltTable:
    spec = service.approved_table(db, key=key)
    assert spec is not None, key
    found = parse_period(period)
    assert found is not None
    return service.build(db, spec=spec, user=world.analyst, period=found, rules=Rules(), now=utcnow())


def row(table: BuiltTable, label: str, section: int = 0) -> Row:
    return next(r for r in table.sections[section].all_rows if r.label == label)


def test_a_row_like_15_4_20_hides_two_cells_not_one(db, world):
    for answer, count in (("yes", 15), ("no", 4), ("not_sure", 20)):
        add_people(db, world.locality, count, {"relationships.trusted_adult": answer})
    table = build(db, world, "relationships.trusted_adult")
    assert row(table, "North").cells == ("c", "c", "20")
    assert row(table, "North").total == "40"
    assert row(table, "Aged 18-20", section=1).cells == ("c", "c", "20")


def test_a_group_where_everyone_answered_unsafe_is_hidden(db, world):
    add_people(db, world.locality, 12, {"risk.unsafe_now": "yes", "risk.feeling": "really_unsafe"})
    for key in ("risk.unsafe_now", "risk.feeling"):
        north = row(build(db, world, key), "North")
        assert set(north.cells) == {"c"}, key
        assert north.total == "10"


def test_a_person_with_twelve_check_ins_in_a_month_counts_once_with_their_latest_answer(db, world):
    add_people(db, world.locality, 10, {"life.ran_out": "yes"})
    (person,) = add_people(
        db, world.locality, 1, {"life.ran_out": "no"}, when=datetime(2025, 2, 1, tzinfo=UTC)
    )
    for day in range(1, 12):
        answer = "yes" if day == 11 else "no"
        add_check_in(
            db,
            person,
            {"life.ran_out": answer},
            when=datetime(2025, 2, 1, tzinfo=UTC) + timedelta(days=2 * day),
        )
    north = row(build(db, world, "life.ran_out", "2025-02"), "North")
    assert north.cells == ("10", "0")
    assert north.total == "10"


def test_a_figure_hidden_in_a_month_is_hidden_in_its_quarter_and_its_year(db, world):
    """March alone has 1 person: every figure of that row is c in March, so in the quarter and the
    year too, though 11 people there would pass; otherwise the quarter would bound March's c."""
    add_people(db, world.locality, 10, {"life.ran_out": "yes"})
    add_people(db, world.locality, 1, {"life.ran_out": "yes"}, when=datetime(2025, 3, 20, tzinfo=UTC))
    assert row(build(db, world, "life.ran_out", "2025-03"), "North").cells == ("c", "c")
    assert row(build(db, world, "life.ran_out", "2025-02"), "North").cells == ("10", "0")
    for period in ("2025-Q1", "2025"):
        north = row(build(db, world, "life.ran_out", period), "North")
        assert (north.cells, north.total) == (("c", "c"), "c"), period


def test_a_figure_hidden_in_a_quarter_is_hidden_in_its_last_month(db, world):
    """January has 1 person who says yes, so the quarter hides North's yes; March's 10 yes would
    otherwise bound it (the quarter's latest answers include all of March's)."""
    add_people(db, world.locality, 1, {"life.ran_out": "yes"}, when=datetime(2025, 1, 20, tzinfo=UTC))
    add_people(db, world.locality, 12, {"life.ran_out": "no"}, when=datetime(2025, 3, 20, tzinfo=UTC))
    add_people(db, world.locality, 12, {"life.ran_out": "yes"}, when=datetime(2025, 3, 20, tzinfo=UTC))
    quarter = row(build(db, world, "life.ran_out", "2025-Q1"), "North")
    assert quarter.cells[0] == "c"
    assert row(build(db, world, "life.ran_out", "2025-03"), "North").cells[0] == "c"


def test_answers_kept_to_themselves_are_not_counted(db, world):
    add_people(db, world.locality, 12, {"health.gp": "yes"})
    add_people(db, world.locality, 30, {"health.gp": "no"}, shared=False)
    north = row(build(db, world, "health.gp"), "North")
    assert north.cells == ("10", "0", "0")
    assert north.total == "10"


def test_only_the_analysts_own_council_is_counted(db, world):
    other = Locality(organisation_id=world.other_org.id, name="Elsewhere")
    db.add(other)
    db.commit()
    add_people(db, other, 25, {"health.dentist": "no"})
    table = build(db, world, "health.dentist")
    assert [r.label for r in table.sections[0].all_rows] == ["North", "All localities"]
    assert row(table, "All localities").total == "0"


def test_a_scale_has_eleven_columns_and_age_bands_use_age_on_the_day(db, world):
    add_people(db, world.locality, 12, {"wellbeing.coping": 6}, born=date(2004, 2, 11))
    add_people(db, world.locality, 12, {"wellbeing.coping": 6}, born=date(2004, 2, 9))
    table = build(db, world, "wellbeing.coping")
    assert len(table.sections[0].column_labels) == 11
    assert row(table, "Aged 18-20", section=1).cells[6] == "10"
    assert row(table, "Aged 21-25", section=1).cells[6] == "10"


def test_tick_any_answers_count_people_who_ticked_each_and_say_rows_do_not_add_up(db, world):
    add_people(db, world.locality, 14, {"education.barriers": ["money", "travel"]})
    add_people(db, world.locality, 12, {"education.barriers": ["money"]})
    table = build(db, world, "education.barriers")
    north = row(table, "North")
    assert north.cells[:2] == ("25", "15")
    assert north.total == "25"
    assert any("do not add up" in item for group in table.notes for item in group.items)


def test_ons_averages_need_ten_people_and_are_c_where_they_would_narrow_a_hidden_count(db, world):
    """Anxiety: 10 people at 1 and 2 at 7, the 2 hidden; a mean of 2.0 would give them back
    (12 x 2.0 - 10 x 1 = 14 = 2 x 7). Life satisfaction hides nothing, so its mean is shown."""
    add_people(db, world.locality, 10, {"wellbeing.life_satisfaction": 8, "wellbeing.anxious": 1})
    add_people(db, world.locality, 2, {"wellbeing.life_satisfaction": 8, "wellbeing.anxious": 7})
    means = build(db, world, "ons-wellbeing-means")
    assert row(means, "North").cells == ("8.0",)
    assert row(means, "All localities").cells == ("8.0",)
    assert row(means, "North", section=3).cells == ("c",)
    assert row(build(db, world, "wellbeing.anxious"), "North").cells[7] == "c"
    bands = build(db, world, "ons-wellbeing-bands")
    assert row(bands, "North").cells == ("0", "0", "10", "0")
    assert row(bands, "North", section=3).cells == ("c", "0", "0", "c")
    assert bands.sections[3].column_labels[0] == "Very low (0-1)"


def test_change_since_baseline_compares_the_latest_answer_with_the_first_ever(db, world):
    people = add_people(
        db, world.locality, 12, {"wellbeing.life_satisfaction": 4}, when=datetime(2024, 6, 1, tzinfo=UTC)
    )
    for person in people:
        add_check_in(db, person, {"wellbeing.life_satisfaction": 8})
    add_people(db, world.locality, 11, {"wellbeing.life_satisfaction": 5})
    feel = row(build(db, world, "change-since-baseline"), "How you feel")
    assert feel.cells == ("10", "0", "0", "10")
    assert feel.total == "25"


def test_coverage_counts_check_ins_whatever_was_shared_and_shares_per_topic(db, world):
    add_people(db, world.locality, 12, {"health.gp": "yes"})
    add_people(db, world.locality, 12, {"health.gp": "no"}, shared=False)
    coverage = build(db, world, "coverage")
    north = row(coverage, "North")
    assert not coverage.provisional
    assert build(db, world, "coverage", period=str(utcnow().year)).provisional
    assert north.total == "25"
    assert north.cells[0] == "25"
    assert north.cells[6] == "10"


def test_safety_alerts_count_people_whatever_they_shared_at_council_level_only(db, world):
    people = add_people(db, world.locality, 12, {"risk.unsafe_now": "yes"}, shared=False)
    add_people(db, world.locality, 20, {"risk.unsafe_now": "no"})
    for person in people:
        db.add(
            SafetyAlert(
                young_person_id=person.id,
                question_key="risk.unsafe_now",
                option_key="yes",
                raised_at=IN_Q1_2025,
            )
        )
    db.commit()
    table = build(db, world, "safety-alerts")
    assert [r.label for r in table.sections[0].all_rows] == ["All localities"]
    assert table.sections[0].rows[0].cells[0] == "10"
    assert table.sections[0].rows[0].total == "30"
