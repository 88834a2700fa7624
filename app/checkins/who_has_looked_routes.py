"""'Who has looked at my check-ins': every staff view, in plain words."""

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.checkins.dependencies import Me
from app.checkins.my_data import staff_activity
from app.db import SessionDep
from app.templating import render

router = APIRouter()


@router.get("/me/who-has-looked")
def show_who_has_looked(request: Request, db: SessionDep, me: Me) -> Response:
    views = list(reversed(staff_activity(db, person=me, views_only=True)))
    return render(request, "checkins/who_has_looked.html", {"views": views})
