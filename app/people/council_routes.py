"""The network admin's pages: the councils, and a form to create one with its first admin."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.auth.dependencies import NetworkAdmin
from app.auth.service import normalise_username
from app.db import SessionDep
from app.forms import FormErrors, clean_text
from app.people import councils, service
from app.people.council_form import NAME_LIMIT, CouncilForm, check_council
from app.people.email_address import normalise_email
from app.templating import render

router = APIRouter(prefix="/councils")


@router.get("")
def show_councils(request: Request, db: SessionDep, _user: NetworkAdmin) -> Response:
    context = {"councils": councils.councils(db), "done": request.query_params.get("done")}
    return render(request, "admin/councils.html", context)


@router.get("/new")
def show_add_council(request: Request, _user: NetworkAdmin) -> Response:
    return render(request, "admin/add_council.html", {"form": CouncilForm(), "errors": FormErrors()})


@router.post("/new")
def add_council(
    request: Request, db: SessionDep, user: NetworkAdmin, form: Annotated[CouncilForm, Form()]
) -> Response:
    name = clean_text(form.name, limit=NAME_LIMIT)
    username = normalise_username(form.username)
    errors = check_council(
        form,
        name_taken=councils.council_named(db, name=name) is not None,
        username_taken=service.username_taken(db, username=username),
    )
    if errors:
        context = {"form": form, "errors": errors}
        return render(request, "admin/add_council.html", context, status_code=422)
    councils.create_council(
        db,
        actor=user,
        name=name,
        admin_name=clean_text(form.admin_name, limit=NAME_LIMIT),
        username=username,
        email=normalise_email(form.email),
        passphrase=form.passphrase,
    )
    return RedirectResponse("/councils?done=created", status_code=303)
