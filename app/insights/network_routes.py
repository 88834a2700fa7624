"""Network tables: the network analyst's list and tables; a council analyst's council beside the network."""

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.auth.dependencies import Analyst, NetworkAnalyst, SettingsDep
from app.db import SessionDep, utcnow
from app.insights import network
from app.insights.catalogue import TableSpec
from app.insights.dependencies import ChosenPeriod, NetworkTableSpec, PeriodChoice, SharedTable
from app.insights.disclosure import symbol_notes
from app.insights.network import NetworkTable
from app.insights.periods import recent_periods
from app.templating import render

router = APIRouter()


@router.get("/network")
def show_network(request: Request, db: SessionDep, analyst: NetworkAnalyst, choice: ChosenPeriod) -> Response:
    context = {"groups": network.network_specs(db), "choice": choice, "recent": recent_periods(utcnow())}
    return render(request, "insights/network_home.html", context, status_code=400 if choice.error else 200)


@router.get("/network/tables/{table_key}")
def show_network_table(
    request: Request,
    db: SessionDep,
    analyst: NetworkAnalyst,
    spec: NetworkTableSpec,
    choice: ChosenPeriod,
    settings: SettingsDep,
) -> Response:
    table = None
    if choice.period is not None:
        table = network.network_table(db, spec=spec, period=choice.period, settings=settings, now=utcnow())
    return _page(request, spec, choice, table, own=False)


@router.get("/insights/tables/{table_key}/network")
def show_beside_network(
    request: Request,
    db: SessionDep,
    analyst: Analyst,
    spec: SharedTable,
    choice: ChosenPeriod,
    settings: SettingsDep,
) -> Response:
    table = None
    if choice.period is not None:
        table = network.beside_network(
            db, spec=spec, organisation_id=analyst.organisation_id, period=choice.period, settings=settings
        )
    return _page(request, spec, choice, table, own=True)


def _page(
    request: Request, spec: TableSpec, choice: PeriodChoice, table: NetworkTable | None, *, own: bool
) -> Response:
    base = f"/insights/tables/{spec.key}/network" if own else f"/network/tables/{spec.key}"
    context = {
        "spec": spec,
        "choice": choice,
        "table": table,
        "own": own,
        "base": base,
        "symbols": symbol_notes(),
    }
    return render(request, "insights/network_table.html", context, status_code=400 if choice.error else 200)
