"""'Who has looked at my check-ins': every staff view, in plain words, grouped by person and day."""

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.checkins.dependencies import Me
from app.checkins.who_has_looked import looks_by_person_and_day
from app.db import SessionDep
from app.templating import render

router = APIRouter()


@router.get("/me/who-has-looked")
def show_who_has_looked(request: Request, db: SessionDep, me: Me) -> Response:
    return render(request, "checkins/who_has_looked.html", {"views": looks_by_person_and_day(db, person=me)})
