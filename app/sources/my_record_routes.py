"""A young person sees what the council recorded about them, and says when it is not right."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.auth.dependencies import YoungPersonUser
from app.checkins.dependencies import Me
from app.db import SessionDep
from app.forms import FIELD_BYTES, FormErrors
from app.sources.records import CORRECTION_LIMIT, council_records, say_not_right
from app.templating import render

router = APIRouter(prefix="/my-data/council-record")


def _page(
    request: Request, db: SessionDep, me: Me, words: str, errors: FormErrors, status: int = 200
) -> Response:
    context = {
        "records": council_records(db, young_person_id=me.id or 0),
        "words": words,
        "errors": errors,
        "limit": CORRECTION_LIMIT,
        "done": request.query_params.get("done") == "saved",
    }
    return render(request, "sources/my_record.html", context, status_code=status)


@router.get("")
def show_my_council_record(request: Request, db: SessionDep, me: Me, user: YoungPersonUser) -> Response:
    return _page(request, db, me, "", FormErrors())


@router.post("")
def correct_my_council_record(
    request: Request,
    db: SessionDep,
    me: Me,
    user: YoungPersonUser,
    words: Annotated[str, Form(max_length=FIELD_BYTES)] = "",
) -> Response:
    errors = say_not_right(db, actor=user, person=me, typed=words)
    if errors:
        return _page(request, db, me, words, errors, status=422)
    return RedirectResponse("/my-data/council-record?done=saved", status_code=303)
