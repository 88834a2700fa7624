"""The young person asks to close their account; their PA or an admin confirms at /closures/{id}."""

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from app.auth.dependencies import PaOrAdmin, YoungPersonUser
from app.closures import service
from app.db import RecordId, SessionDep
from app.templating import render

router = APIRouter()


@router.get("/account/close")
def show_ask_to_close(request: Request, db: SessionDep, user: YoungPersonUser) -> Response:
    person = service.young_person_of(db, user=user)
    pending = service.pending_request(db, young_person_id=person.id) if person.id else None
    return render(request, "closures/ask.html", {"pending": pending})


@router.post("/account/close")
def ask_to_close(db: SessionDep, user: YoungPersonUser) -> Response:
    service.request_closure(db, user=user, person=service.young_person_of(db, user=user))
    return RedirectResponse("/account/close", status_code=303)


@router.get("/closures")
def list_closures(request: Request, db: SessionDep, user: PaOrAdmin) -> Response:
    pending = service.pending_for(db, staff=user)
    done = request.query_params.get("done") == "closed"
    return render(request, "closures/list.html", {"pending": pending, "done": done})


@router.get("/closures/{request_id}")
def show_closure(request: Request, request_id: RecordId, db: SessionDep, user: PaOrAdmin) -> Response:
    pending = service.pending_closure_for(db, staff=user, request_id=request_id)
    if pending is None:
        raise HTTPException(status_code=404)
    return render(request, "closures/confirm.html", {"closure": pending})


@router.post("/closures/{request_id}")
def confirm_closure(request_id: RecordId, db: SessionDep, user: PaOrAdmin) -> Response:
    pending = service.pending_closure_for(db, staff=user, request_id=request_id)
    if pending is None:
        raise HTTPException(status_code=404)
    service.confirm_closure(db, staff=user, pending=pending)
    return RedirectResponse("/closures?done=closed", status_code=303)
