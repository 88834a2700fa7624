"""Load-or-404 for the insights pages: the approved table asked for, and the period chosen."""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Query

from app.auth.dependencies import Analyst, NetworkAnalyst
from app.db import SessionDep, utcnow
from app.i18n import gettext as _
from app.insights import network, service
from app.insights.catalogue import TableSpec
from app.insights.periods import Period, default_period, parse_period


@dataclass(frozen=True)
class PeriodChoice:
    """The period as typed, the period it names (None when it names none) and what to fix."""

    text: str
    period: Period | None
    error: str | None = None


def chosen_period(period: Annotated[str, Query(max_length=20)] = "") -> PeriodChoice:
    """The period in the address; the last full quarter when none is given."""
    now = utcnow()
    if not period.strip():
        found = default_period(now)
        return PeriodChoice(found.key, found)
    parsed = parse_period(period)
    if parsed is None:
        return PeriodChoice(
            period, None, _("Enter a period like 2026-11 (a month), 2026-Q3 (a quarter) or 2026 (a year)")
        )
    if not parsed.has_started(now):
        return PeriodChoice(period, None, _("That period has not started yet: choose one that has"))
    return PeriodChoice(parsed.key, parsed)


def table_for_analyst(table_key: str, db: SessionDep, analyst: Analyst) -> TableSpec:
    """An approved table; 404 for any other key."""
    spec = service.approved_table(db, key=table_key)
    if spec is None:
        raise HTTPException(status_code=404)
    return spec


def network_table_for_analyst(table_key: str, db: SessionDep, analyst: Analyst) -> TableSpec:
    """An approved table the network shares, for a council analyst; 404 for any other key."""
    return _network_spec(db, table_key)


def network_table_for_network_analyst(table_key: str, db: SessionDep, analyst: NetworkAnalyst) -> TableSpec:
    """An approved table the network shares, for a network analyst; 404 for any other key."""
    return _network_spec(db, table_key)


def _network_spec(db: SessionDep, table_key: str) -> TableSpec:
    spec = network.network_spec(db, key=table_key)
    if spec is None:
        raise HTTPException(status_code=404)
    return spec


ChosenPeriod = Annotated[PeriodChoice, Depends(chosen_period)]
ApprovedTable = Annotated[TableSpec, Depends(table_for_analyst)]
SharedTable = Annotated[TableSpec, Depends(network_table_for_analyst)]
NetworkTableSpec = Annotated[TableSpec, Depends(network_table_for_network_analyst)]
