"""The admin's page of localities: the list, and a form to add one."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.auth.dependencies import Admin
from app.db import SessionDep
from app.forms import FormErrors
from app.people import localities
from app.templating import render

router = APIRouter(prefix="/admin/localities")


@router.get("")
def show_localities(request: Request, db: SessionDep, admin: Admin) -> Response:
    places = localities.localities(db, organisation_id=admin.organisation_id)
    context = {"places": places, "name": "", "errors": FormErrors(), "done": request.query_params.get("done")}
    return render(request, "admin/localities.html", context)


@router.post("")
def add_locality(
    request: Request, db: SessionDep, admin: Admin, name: Annotated[str, Form()] = ""
) -> Response:
    places = localities.localities(db, organisation_id=admin.organisation_id)
    errors = localities.check_locality(name, existing=places)
    if errors:
        context = {"places": places, "name": name, "errors": errors, "done": None}
        return render(request, "admin/localities.html", context, status_code=422)
    localities.add_locality(db, organisation_id=admin.organisation_id, actor=admin, name=name)
    return RedirectResponse("/admin/localities?done=added", status_code=303)
