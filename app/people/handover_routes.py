"""Handover: an admin, or the manager of the young person's team, moves them to another PA at once."""

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from app.auth.dependencies import allow
from app.db import RecordId, SessionDep
from app.forms import FormErrors
from app.i18n import gettext as _
from app.meetings.handover import hand_over
from app.notifications.background import send_owed_emails
from app.people import service
from app.people.models import Role, User, YoungPerson
from app.templating import render

router = APIRouter()
AdminOrManager = Annotated[User, Depends(allow(Role.admin, Role.manager))]


def young_person_to_hand_over(young_person_id: RecordId, user: AdminOrManager, db: SessionDep) -> YoungPerson:
    """A young person in the admin's council or the manager's team; 404 otherwise."""
    person = db.get(YoungPerson, young_person_id)
    if person is None or person.organisation_id != user.organisation_id:
        raise HTTPException(status_code=404)
    if user.role == Role.manager and (
        user.team_id is None or service.team_of(db, young_person_id=person.id or 0) != user.team_id
    ):
        raise HTTPException(status_code=404)
    return person


HandoverPerson = Annotated[YoungPerson, Depends(young_person_to_hand_over)]


def _context(db: SessionDep, user: User, person: YoungPerson) -> dict[str, object]:
    return {
        "person": person,
        "current_pa": service.current_pa(db, young_person_id=person.id or 0),
        "pas": service.active_pas(
            db,
            organisation_id=user.organisation_id,
            team_id=user.team_id if user.role == Role.manager else None,
        ),
        "errors": FormErrors(),
        "back": "/team" if user.role == Role.manager else "/admin#young-people",
    }


@router.get("/young-people/{young_person_id}/pa")
def show_choose_pa(
    request: Request, db: SessionDep, user: AdminOrManager, person: HandoverPerson
) -> Response:
    return render(request, "admin/assign_pa.html", _context(db, user, person))


@router.post("/young-people/{young_person_id}/pa")
def choose_pa(
    request: Request,
    background: BackgroundTasks,
    db: SessionDep,
    user: AdminOrManager,
    person: HandoverPerson,
    pa_id: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    context = _context(db, user, person)
    pa = next((p for p in context["pas"] if str(p.id) == pa_id), None)  # type: ignore[attr-defined]
    if pa is None:
        context["errors"].add("pa_id", _("Choose a PA"))  # type: ignore[attr-defined]
        return render(request, "admin/assign_pa.html", context, status_code=422)
    hand_over(db, actor=user, young_person=person, pa=pa)
    send_owed_emails(background, request.app)
    return RedirectResponse(f"{context['back']}", status_code=303)
