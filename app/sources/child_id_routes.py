"""The PA or admin records a young person's council child ID (the statutory return's CHILD)."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.auth.dependencies import PaOrAdmin
from app.db import SessionDep
from app.forms import FormErrors
from app.people.dependencies import StaffYoungPerson
from app.sources.child_ids import record_child_id
from app.templating import render

router = APIRouter()


@router.get("/young-people/{young_person_id}/child-id")
def show_child_id(request: Request, user: PaOrAdmin, person: StaffYoungPerson) -> Response:
    context = {"person": person, "child_id": person.council_child_id or "", "errors": FormErrors()}
    return render(request, "sources/child_id.html", context)


@router.post("/young-people/{young_person_id}/child-id")
def change_child_id(
    request: Request,
    db: SessionDep,
    user: PaOrAdmin,
    person: StaffYoungPerson,
    child_id: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    errors = record_child_id(db, actor=user, person=person, typed=child_id)
    if errors:
        context = {"person": person, "child_id": child_id, "errors": errors}
        return render(request, "sources/child_id.html", context, status_code=422)
    return RedirectResponse(f"/young-people/{person.id}?done=child-id", status_code=303)
