"""The admin's pages of localities: the list and a form to add one; renaming or removing one."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.auth.dependencies import Admin
from app.db import SessionDep
from app.forms import FormErrors
from app.i18n import ngettext
from app.people import localities
from app.people.dependencies import AdminLocality
from app.people.models import Locality
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


def _page(request: Request, db: SessionDep, place: Locality, name: str, errors: FormErrors) -> Response:
    context = {
        "place": place,
        "name": name,
        "errors": errors,
        "people": localities.people_living_in(db, place=place),
    }
    return render(request, "admin/locality.html", context, status_code=422 if errors else 200)


@router.get("/{locality_id}")
def show_locality(request: Request, db: SessionDep, _admin: Admin, place: AdminLocality) -> Response:
    return _page(request, db, place, place.name, FormErrors())


@router.post("/{locality_id}")
def rename_locality(
    request: Request, db: SessionDep, admin: Admin, place: AdminLocality, name: Annotated[str, Form()] = ""
) -> Response:
    others = [p for p in localities.localities(db, organisation_id=admin.organisation_id) if p.id != place.id]
    errors = localities.check_locality(name, existing=others)
    if errors:
        return _page(request, db, place, name, errors)
    localities.rename_locality(db, actor=admin, place=place, name=name)
    return RedirectResponse("/admin/localities?done=renamed", status_code=303)


@router.post("/{locality_id}/remove")
def remove_locality(request: Request, db: SessionDep, admin: Admin, place: AdminLocality) -> Response:
    people = localities.people_living_in(db, place=place)
    if people:
        errors = FormErrors()
        message = ngettext(
            "You cannot remove %(name)s: %(num)d young person's record names it. Rename it instead.",
            "You cannot remove %(name)s: %(num)d young people's records name it. Rename it instead.",
            people,
            name=place.name,
        )
        errors.add("remove", message)
        return _page(request, db, place, place.name, errors)
    localities.remove_locality(db, actor=admin, place=place)
    return RedirectResponse("/admin/localities?done=removed", status_code=303)
