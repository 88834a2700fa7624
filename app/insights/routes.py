"""The analyst's pages: the approved tables, one table with its chart and notes, and downloads."""

from datetime import datetime

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from sqlmodel import Session

from app.auth.dependencies import Analyst, SettingsDep
from app.db import SessionDep, utcnow
from app.insights import service
from app.insights.catalogue import TableSpec
from app.insights.charts import bar_chart
from app.insights.dependencies import ApprovedTable, ChosenPeriod, PeriodChoice
from app.insights.disclosure import Rules, symbol_notes
from app.insights.network import NETWORK_KINDS
from app.insights.periods import recent_periods
from app.insights.tables import BuiltTable
from app.people.models import User
from app.settings import Settings
from app.templating import render

router = APIRouter(prefix="/insights")


@router.get("")
def show_insights(request: Request, db: SessionDep, analyst: Analyst, choice: ChosenPeriod) -> Response:
    return _home(request, db, choice)


def _home(request: Request, db: SessionDep, choice: PeriodChoice) -> Response:
    context = {"groups": service.table_groups(db), "choice": choice, "recent": recent_periods(utcnow())}
    return render(request, "insights/home.html", context, status_code=400 if choice.error else 200)


def _download(
    db: Session, analyst: User, spec: TableSpec, choice: PeriodChoice, settings: Settings, file_format: str
) -> Response:
    if choice.period is None:
        raise HTTPException(status_code=404)
    rules = Rules.from_settings(settings)
    table = service.build(db, spec=spec, user=analyst, period=choice.period, rules=rules, now=utcnow())
    made = service.download(db, user=analyst, table=table, file_format=file_format)
    disposition = f'attachment; filename="{made.filename}"'
    return Response(made.content, media_type=made.media_type, headers={"content-disposition": disposition})


@router.get("/tables/{table_key}.csv")
def download_csv(
    db: SessionDep, analyst: Analyst, spec: ApprovedTable, choice: ChosenPeriod, settings: SettingsDep
) -> Response:
    return _download(db, analyst, spec, choice, settings, "csv")


@router.get("/tables/{table_key}.xlsx")
def download_xlsx(
    db: SessionDep, analyst: Analyst, spec: ApprovedTable, choice: ChosenPeriod, settings: SettingsDep
) -> Response:
    return _download(db, analyst, spec, choice, settings, "xlsx")


@router.get("/tables/{table_key}.json")
def download_json(
    db: SessionDep, analyst: Analyst, spec: ApprovedTable, choice: ChosenPeriod, settings: SettingsDep
) -> Response:
    return _download(db, analyst, spec, choice, settings, "json")


@router.get("/tables/{table_key}")
def show_table(
    request: Request,
    db: SessionDep,
    analyst: Analyst,
    spec: ApprovedTable,
    choice: ChosenPeriod,
    settings: SettingsDep,
) -> Response:
    if choice.period is None:
        return _home(request, db, choice)
    rules, now = Rules.from_settings(settings), utcnow()
    table = service.build(db, spec=spec, user=analyst, period=choice.period, rules=rules, now=now)
    return render(request, "insights/table.html", _table_context(table, now))


def _table_context(table: BuiltTable, now: datetime) -> dict[str, object]:
    later = table.period.shifted(1)
    return {
        "table": table,
        "chart": bar_chart(table.chart, chart_id="insight-chart"),
        "symbols": symbol_notes(),
        "earlier": table.period.shifted(-1),
        "later": later if later.has_started(now) else None,
        "network_shared": table.spec.kind in NETWORK_KINDS,
    }
