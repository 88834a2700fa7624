"""A PA's caseload and a young person's record: add, hand over a code, sign out everywhere."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.auth.dependencies import PaOrAdmin, SettingsDep
from app.db import SessionDep
from app.people import service
from app.people.dependencies import StaffYoungPerson
from app.people.invites import issue_invite, sign_out_everywhere
from app.people.models import Locality, Role, User
from app.people.young_person_form import YoungPersonForm, check_young_person
from app.templating import render

router = APIRouter()


def _form_context(db: SessionDep, user: User) -> dict[str, object]:
    return {
        "localities": service.localities(db, organisation_id=user.organisation_id),
        "pas": service.active_pas(db, organisation_id=user.organisation_id)
        if user.role == Role.admin
        else [],
    }


@router.get("/young-people/new")
def show_add_young_person(request: Request, db: SessionDep, user: PaOrAdmin) -> Response:
    context = {"form": YoungPersonForm(), "errors": None, **_form_context(db, user)}
    return render(request, "people/add_young_person.html", context)


@router.post("/young-people/new")
def add_young_person(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    user: PaOrAdmin,
    form: Annotated[YoungPersonForm, Form()],
) -> Response:
    context = _form_context(db, user)
    localities: list[Locality] = context["localities"]  # type: ignore[assignment]
    pas: list[User] = context["pas"]  # type: ignore[assignment]
    default_pa = user if user.role == Role.pa else None
    clean, errors = check_young_person(form, localities=localities, pas=pas, default_pa=default_pa)
    if clean is None:
        context.update(form=form, errors=errors)
        return render(request, "people/add_young_person.html", context, status_code=422)
    person = service.create_young_person(
        db,
        actor=user,
        first_name=clean.first_name,
        last_name=clean.last_name,
        date_of_birth=clean.date_of_birth,
        locality_id=clean.locality_id,
        gender=clean.gender,
        pa=clean.pa,
    )
    code = issue_invite(db, actor=user, young_person=person, settings=settings)
    return render(request, "people/invite_code.html", {"person": person, "code": code, "new": True})


@router.get("/young-people/{young_person_id}")
def show_young_person(
    request: Request, db: SessionDep, user: PaOrAdmin, person: StaffYoungPerson
) -> Response:
    expiries = service.live_invite_expiries(db, young_person_ids=[person.id])
    context = {
        "person": person,
        "pa": service.current_pa(db, young_person_id=person.id),
        "locality": db.get(Locality, person.locality_id),
        "invite_expires_at": expiries.get(person.id),
        "signed_out": request.query_params.get("done") == "signed-out",
        "child_id_saved": request.query_params.get("done") == "child-id",
    }
    return render(request, "people/young_person.html", context)


@router.post("/young-people/{young_person_id}/invite")
def reissue_invite(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    user: PaOrAdmin,
    person: StaffYoungPerson,
) -> Response:
    code = issue_invite(db, actor=user, young_person=person, settings=settings)
    return render(request, "people/invite_code.html", {"person": person, "code": code, "new": False})


@router.post("/young-people/{young_person_id}/sign-out-everywhere")
def end_young_person_sessions(db: SessionDep, user: PaOrAdmin, person: StaffYoungPerson) -> Response:
    sign_out_everywhere(db, actor=user, young_person=person)
    return RedirectResponse(f"/young-people/{person.id}?done=signed-out", status_code=303)
