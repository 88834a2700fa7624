"""Rule 10 across councils: network tables of each kind for a two-council cohort (the last quarter of
2025, built with its months as every table is) hold only figures the councils' own published tables
give (network_intruder.py), so differencing a council from the network reveals nothing; the network
hides what a council hides. One table of each kind keeps it quick: they share one builder each."""

from datetime import UTC, datetime

from sqlmodel import Session, select

from app.demo.bulk import load_cohort
from app.insights import network, network_decisions, service
from app.insights.disclosure import Rules
from app.insights.periods import parse_period
from app.people.models import Organisation
from tests.insights.network_intruder import not_from_published

NOW = datetime(2026, 1, 1, tzinfo=UTC)
KEYS = (
    "coverage",
    "safety-alerts",
    "ons-wellbeing-bands",
    "activity",
    "relationships.trusted_adult",
    "education.barriers",
)
COUNCILS = (
    (7, 300, (("Ashworth", 60), ("Brookfield", 30), ("Caldermoor", 10))),
    (8, 200, (("Northgate", 50), ("Southgate", 40))),
)


def test_every_network_figure_comes_from_published_council_figures(db: Session, engine, settings, capsys):
    councils = {}
    for seed, people, places in COUNCILS:
        load_cohort(
            engine, settings=settings, young_people=people, months=6, seed=seed, now=NOW, localities=places
        )
        name = f"Synthetic Council {seed}"
        councils[name] = db.exec(select(Organisation.id).where(Organisation.name == name)).one()
        network_decisions.decide(db, organisation_id=councils[name], actor=None, opted_in=True)
    rules = Rules.from_settings(settings)
    problems, tables, hidden, shown = [], 0, 0, 0
    period = parse_period("2025-Q4")
    assert period is not None
    for key in KEYS:
        spec = network.network_spec(db, key=key)
        assert spec is not None, key
        table = network.network_table(db, spec=spec, period=period, settings=settings, now=NOW)
        own = {
            name: service.build_for(db, spec=spec, organisation_id=i, period=period, rules=rules, now=NOW)
            for name, i in councils.items()
        }
        problems += not_from_published(table, own)
        tables += 1
        for section in table.sections:
            hidden += section.network.cells.count("c")
            shown += sum(cell.isdigit() for cell in section.network.cells)
    with capsys.disabled():
        print(f"\nnetwork intruder ({engine.dialect.name}): {tables} tables, {shown} shown, {hidden} hidden")
    assert problems == []
    assert tables == len(KEYS) and hidden > 0 and shown > 0
