"""The analyst's page: which sources measure each topic, and the return against what young people say."""

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.auth.dependencies import Analyst, SettingsDep
from app.db import SessionDep
from app.insights.disclosure import Rules
from app.sources.agreement import sources_page
from app.templating import render

router = APIRouter()


@router.get("/sources/tables")
def show_source_tables(request: Request, db: SessionDep, settings: SettingsDep, analyst: Analyst) -> Response:
    found = sources_page(db, organisation_id=analyst.organisation_id, rules=Rules.from_settings(settings))
    return render(request, "sources/tables.html", {"page": found})
