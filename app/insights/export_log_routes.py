"""The admin's list of every download of an approved table in their council."""

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.auth.dependencies import Admin
from app.db import SessionDep
from app.insights import service
from app.templating import render

router = APIRouter(prefix="/admin")


@router.get("/exports")
def show_export_log(request: Request, db: SessionDep, admin: Admin) -> Response:
    exports = service.export_log(db, organisation_id=admin.organisation_id)
    return render(request, "insights/export_log.html", {"exports": exports})
