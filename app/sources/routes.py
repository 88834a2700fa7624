"""Loading the council's OC3 extract on a screen: upload, mistakes by line, load the good lines."""

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from app.db import SessionDep
from app.people.models import Role
from app.sources.dependencies import AdminOrAnalyst
from app.sources.loading import MISTAKES_SHOWN, recent_loads, take_extract
from app.sources.oc3 import MAX_BYTES
from app.templating import render

router = APIRouter(prefix="/sources/903")


@router.get("")
def show_load_903(request: Request, db: SessionDep, user: AdminOrAnalyst) -> Response:
    loads = recent_loads(db, organisation_id=user.organisation_id)
    context = {
        "loads": loads,
        "outcome": None,
        "done": request.query_params.get("done") == "loaded",
        "sees_tables": user.role == Role.analyst,
    }
    return render(request, "sources/load_903.html", context)


@router.post("")
def load_903(
    request: Request,
    db: SessionDep,
    user: AdminOrAnalyst,
    extract: Annotated[UploadFile | None, File()] = None,
    content: Annotated[str, Form(max_length=MAX_BYTES)] = "",
    good_lines: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    data = extract.file.read(MAX_BYTES + 1) if extract and extract.filename else content.encode()
    outcome = take_extract(
        db, organisation_id=user.organisation_id, actor=user, content=data, good_lines=good_lines == "yes"
    )
    if outcome.load is not None:
        return RedirectResponse("/sources/903?done=loaded", status_code=303)
    context = {
        "loads": recent_loads(db, organisation_id=user.organisation_id),
        "outcome": outcome,
        "content": data.decode("utf-8-sig", errors="replace"),
        "shown": MISTAKES_SHOWN,
        "done": False,
        "sees_tables": user.role == Role.analyst,
    }
    return render(request, "sources/load_903.html", context, status_code=422)
