"""Every approved table for every period of a council, as an analyst of that council downloads them."""

from collections.abc import Iterator
from datetime import datetime

from sqlmodel import Session, select

from app.insights import queries, service
from app.insights.catalogue import AGE_BANDS, age_band_label, approved_tables
from app.insights.disclosure import Rules
from app.insights.periods import Length, Period
from app.insights.tables import BuiltTable
from app.people.models import Organisation, Role, User
from tests.insights.milp_intruder import Attack, Findings


def periods_of(years: list[int]) -> list[Period]:
    """Every month, quarter and year of these years, each period after the ones inside it."""
    found = []
    for year in years:
        for quarter in range(4):
            found += [Period(year, 3 * quarter + 1 + i, Length.month) for i in range(3)]
            found.append(Period(year, 3 * quarter + 1, Length.quarter))
        found.append(Period(year, 1, Length.year))
    return found


def council_analyst(session: Session, name: str) -> User:
    """An analyst of the council (not stored: the tables need only the council)."""
    organisation_id = session.exec(select(Organisation.id).where(Organisation.name == name)).one()
    return User(organisation_id=organisation_id, username="intruder", role=Role.analyst, display_name="")


def every_table(
    session: Session, analyst: User, periods: list[Period], rules: Rules, now: datetime
) -> Iterator[BuiltTable]:
    """Every approved table for every period, built as the pages and downloads build them."""
    specs = approved_tables(service.current_questions(session))
    for period in periods:
        for spec in specs:
            yield service.build(session, spec=spec, user=analyst, period=period, rules=rules, now=now)


def attack(session: Session, analyst: User, tables: list[BuiltTable], rules: Rules) -> Findings:
    """The intruder on these tables, knowing the council's localities and the age bands."""
    places = [name for _i, name in queries.localities(session, organisation_id=analyst.organisation_id)]
    intruder = Attack(rules, places, [age_band_label(band) for band in AGE_BANDS])
    for table in tables:
        intruder.add(table)
    return intruder.solve()


def small_group_leaks(session: Session, analyst: User, tables: list[BuiltTable], now: datetime) -> list[str]:
    """Figures shown in a row of a group of 1 to 9 people (checked against the true counts)."""
    truth = Rules(group_threshold=1, cell_threshold=1, rounding=1)
    leaks = []
    for table in tables:
        suspects = [
            (s, row)
            for s, section in enumerate(table.sections)
            for row in section.all_rows
            if row.total == "c" and any(f != "c" for f in (*row.cells, *(row.percentages or ())))
        ]
        if not suspects:
            continue
        true = service.build(
            session, spec=table.spec, user=analyst, period=table.period, rules=truth, now=now
        )
        for s, row in suspects:
            exact = next(r.total for r in true.sections[s].all_rows if r.label == row.label)
            if exact is not None and exact.isdigit() and 0 < int(exact) < 10:
                leaks.append(f"{table.spec.key} {table.period.key} {table.sections[s].caption} {row.label}")
    return leaks
