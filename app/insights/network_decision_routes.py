"""The council admin's page: share the council's tables with the network of councils, or stop."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.auth.dependencies import Admin
from app.db import SessionDep
from app.forms import FormErrors
from app.i18n import gettext as _
from app.insights import network_decisions
from app.templating import render

router = APIRouter(prefix="/admin/network")
CHOICES = {"yes": True, "no": False}


@router.get("")
def show_network_decision(request: Request, db: SessionDep, admin: Admin) -> Response:
    standing = network_decisions.standing(db, organisation_id=admin.organisation_id)
    context = {"standing": standing, "errors": FormErrors(), "done": request.query_params.get("done")}
    return render(request, "admin/network.html", context)


@router.post("")
def decide_network(
    request: Request, db: SessionDep, admin: Admin, share: Annotated[str, Form(max_length=3)] = ""
) -> Response:
    if share not in CHOICES:
        errors = FormErrors()
        errors.add("share", _("Choose whether to share your council's tables with the network"))
        standing = network_decisions.standing(db, organisation_id=admin.organisation_id)
        context = {"standing": standing, "errors": errors, "done": None}
        return render(request, "admin/network.html", context, status_code=422)
    network_decisions.decide(db, organisation_id=admin.organisation_id, actor=admin, opted_in=CHOICES[share])
    return RedirectResponse("/admin/network?done=saved", status_code=303)
