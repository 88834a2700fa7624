"""Network tables from crafted cohorts: each council's whole-council row as its own table publishes it,
the network figure worked out from published figures only, councils by name, and who sees what."""

from sqlmodel import Session, select

from app.db import utcnow
from app.insights import network, network_decisions, service
from app.insights.disclosure import Rules, publish_percentage
from app.insights.network import NetworkTable
from app.insights.periods import parse_period
from app.people.models import Locality, Organisation
from app.settings import Settings
from tests.factories import World
from tests.insights.cohort import add_people

KEY = "relationships.trusted_adult"
Q1 = parse_period("2025-Q1")


def two_council_cohort(db: Session, world: World) -> Locality:
    """Test Council: 15 yes, 4 no, 20 not sure (two cells hidden). Other Council: 30 yes, 25 no, 12 not sure."""
    for answer, count in (("yes", 15), ("no", 4), ("not_sure", 20)):
        add_people(db, world.locality, count, {KEY: answer})
    east = db.exec(select(Locality).where(Locality.organisation_id == world.other_org.id)).one()
    for answer, count in (("yes", 30), ("no", 25), ("not_sure", 12)):
        add_people(db, east, count, {KEY: answer})
    for council in (world.org, world.other_org):
        network_decisions.decide(db, organisation_id=council.id, actor=None, opted_in=True)
    return east


def _network(db: Session, key: str = KEY) -> NetworkTable:
    spec = network.network_spec(db, key=key)
    assert spec is not None and Q1 is not None
    return network.network_table(db, spec=spec, period=Q1, settings=Settings(), now=utcnow())


def test_each_council_row_is_its_own_published_row_and_the_network_adds_up_published_figures(db, world):
    two_council_cohort(db, world)
    table = _network(db)
    (section,) = table.sections
    assert [row.label for row in section.councils] == ["Other Council", "Test Council"]
    for row, council in zip(section.councils, (world.other_org, world.org), strict=True):
        spec = service.approved_table(db, key=KEY)
        assert spec is not None and Q1 is not None
        own = service.build_for(
            db, spec=spec, organisation_id=council.id, period=Q1, rules=Rules(), now=utcnow()
        )
        whole = own.sections[0].total_row
        assert whole is not None
        assert (row.cells, row.total, row.percentages) == (whole.cells, whole.total, whole.percentages)
    assert section.councils[1].cells == ("c", "c", "20")
    assert section.network.label == "Network: 2 councils"
    assert section.network.cells == ("c", "c", "30")
    assert section.network.total == str(
        int(section.councils[0].total or 0) + int(section.councils[1].total or 0)
    )
    assert section.network.percentages == ("c", "c", publish_percentage("30", section.network.total))
    shares = sorted(int((row.percentages or ())[2]) for row in section.councils)
    assert shares == [15, 50]  # 10 of 65 (12 of 67 rounded) and 20 of 40
    assert section.spread == ("c", "c", "15 to 50")
    assert (table.councils, table.left_out) == (2, 0)


def test_a_council_that_opts_out_or_has_too_few_people_is_neither_shown_nor_counted(db, world):
    east = two_council_cohort(db, world)
    network_decisions.decide(db, organisation_id=world.org.id, actor=None, opted_in=False)
    (section,) = _network(db).sections
    assert [row.label for row in section.councils] == ["Other Council"]
    assert section.network.cells == section.councils[0].cells
    small = Organisation(name="Alder Council")
    db.add(small)
    db.commit()
    place = Locality(organisation_id=small.id, name="Alder")
    db.add(place)
    db.commit()
    add_people(db, place, 6, {KEY: "yes"})
    network_decisions.decide(db, organisation_id=small.id, actor=None, opted_in=True)
    table = _network(db)
    assert [row.label for row in table.sections[0].councils] == ["Other Council"]
    assert (table.councils, table.left_out) == (1, 1)
    assert east.organisation_id == world.other_org.id


def test_a_council_analyst_sees_their_council_beside_the_network_and_no_other_council(db, world):
    two_council_cohort(db, world)
    spec = network.network_spec(db, key="coverage")
    assert spec is not None and Q1 is not None
    mine = network.beside_network(db, spec=spec, organisation_id=world.org.id, period=Q1, settings=Settings())
    assert mine is not None
    (section,) = mine.sections
    assert [row.label for row in section.councils] == ["Test Council"]
    assert section.network.label == "Network: 2 councils" and section.spread is None
    assert set(section.network.cells) == {"c"} and section.network.total == "c", "network minus own = other"
    third = Organisation(name="Birch Council")
    db.add(third)
    db.commit()
    birch = Locality(organisation_id=third.id, name="Birch")
    db.add(birch)
    db.commit()
    add_people(db, birch, 12, {KEY: "yes"})
    network_decisions.decide(db, organisation_id=third.id, actor=None, opted_in=True)
    with_three = network.beside_network(
        db, spec=spec, organisation_id=world.org.id, period=Q1, settings=Settings()
    )
    assert with_three is not None
    assert with_three.sections[0].network.label == "Network: 3 councils"
    assert with_three.sections[0].network.total != "c"
    network_decisions.decide(db, organisation_id=world.org.id, actor=None, opted_in=False)
    assert (
        network.beside_network(db, spec=spec, organisation_id=world.org.id, period=Q1, settings=Settings())
        is None
    )


def test_averages_and_change_since_first_check_in_are_not_network_tables(db, world):
    assert network.network_spec(db, key="ons-wellbeing-means") is None
    assert network.network_spec(db, key="change-since-baseline") is None
    assert network.network_spec(db, key="safety-alerts") is not None
