"""The admin's pages: staff accounts, and which PA supports each young person."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.auth.dependencies import Admin
from app.auth.service import normalise_username
from app.db import SessionDep
from app.forms import FormErrors, clean_text
from app.people import service
from app.people.dependencies import AdminStaffMember
from app.people.email_address import normalise_email
from app.people.models import Role
from app.people.staff_form import EmailForm, StaffForm, check_email, check_staff
from app.templating import render

router = APIRouter(prefix="/admin")
YOUNG_PEOPLE_SHOWN = 50


@router.get("")
def show_admin_home(request: Request, db: SessionDep, admin: Admin, q: str = "") -> Response:
    search = q.strip()[:100]
    people, matching = service.young_people(
        db, organisation_id=admin.organisation_id, search=search, limit=YOUNG_PEOPLE_SHOWN
    )
    context = {
        "staff": service.staff(db, organisation_id=admin.organisation_id),
        "young_people": people,
        "matching": matching,
        "search": search,
        "teams": {t.id: t.name for t in service.teams(db, organisation_id=admin.organisation_id)},
    }
    return render(request, "admin/home.html", context)


@router.get("/staff/new")
def show_add_staff(request: Request, db: SessionDep, admin: Admin) -> Response:
    teams = service.teams(db, organisation_id=admin.organisation_id)
    context = {"form": StaffForm(), "errors": FormErrors(), "teams": teams}
    return render(request, "admin/add_staff.html", context)


@router.post("/staff/new")
def add_staff(request: Request, db: SessionDep, admin: Admin, form: Annotated[StaffForm, Form()]) -> Response:
    teams = service.teams(db, organisation_id=admin.organisation_id)
    username = normalise_username(form.username)
    errors = check_staff(form, teams=teams, taken=service.username_taken(db, username=username))
    if errors:
        context = {"form": form, "errors": errors, "teams": teams}
        return render(request, "admin/add_staff.html", context, status_code=422)
    team_id = int(form.team_id) if form.role in {Role.pa, Role.manager} else None
    member = service.create_staff(
        db,
        actor=admin,
        display_name=clean_text(form.display_name, limit=120),
        username=username,
        role=Role(form.role),
        team_id=team_id,
        passphrase=form.passphrase,
        email=normalise_email(form.email),
    )
    return RedirectResponse(f"/admin/staff/{member.id}?done=created", status_code=303)


@router.get("/staff/{staff_id}")
def show_staff_member(request: Request, db: SessionDep, admin: Admin, member: AdminStaffMember) -> Response:
    teams = {t.id: t.name for t in service.teams(db, organisation_id=admin.organisation_id)}
    context = {
        "member": member,
        "team": teams.get(member.team_id),
        "done": request.query_params.get("done"),
    }
    return render(request, "admin/staff_member.html", context)


@router.get("/staff/{staff_id}/email")
def show_change_email(request: Request, admin: Admin, member: AdminStaffMember) -> Response:
    context = {"member": member, "form": EmailForm(email=member.email or ""), "errors": FormErrors()}
    return render(request, "admin/staff_email.html", context)


@router.post("/staff/{staff_id}/email")
def change_email(
    request: Request,
    db: SessionDep,
    admin: Admin,
    member: AdminStaffMember,
    form: Annotated[EmailForm, Form()],
) -> Response:
    errors = check_email(form)
    if errors:
        context = {"member": member, "form": form, "errors": errors}
        return render(request, "admin/staff_email.html", context, status_code=422)
    service.change_email(db, actor=admin, member=member, email=normalise_email(form.email))
    return RedirectResponse(f"/admin/staff/{member.id}?done=email", status_code=303)


@router.post("/staff/{staff_id}/deactivate")
def deactivate_staff_member(db: SessionDep, admin: Admin, member: AdminStaffMember) -> Response:
    if member.id != admin.id and member.active:
        service.deactivate_staff(db, actor=admin, member=member)
    return RedirectResponse(f"/admin/staff/{member.id}?done=deactivated", status_code=303)
