"""A council admin's question sets: upload, see every mistake, preview as a young person, publish."""

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from app.auth.dependencies import Admin
from app.db import SessionDep
from app.questions import publishing
from app.questions.loader import QuestionFileError
from app.questions.set_form import MAX_FILE_BYTES, Mistakes, mistakes_of, uploaded_text
from app.templating import render

router = APIRouter(prefix="/admin/question-sets")
Text = Annotated[str, Form()]


def _upload_page(request: Request, db: SessionDep, admin: Admin, text: str, mistakes: Mistakes) -> Response:
    sets = publishing.council_sets(db, organisation_id=admin.organisation_id)
    context = {"sets": sets, "text": text, "errors": mistakes, "done": request.query_params.get("done")}
    return render(request, "admin/question_sets.html", context, status_code=422 if mistakes else 200)


@router.get("")
def show_question_sets(request: Request, db: SessionDep, admin: Admin) -> Response:
    return _upload_page(request, db, admin, "", Mistakes())


@router.get("/in-use.yaml")
def download_question_set(db: SessionDep, admin: Admin) -> Response:
    version, text = publishing.set_in_use(db, organisation_id=admin.organisation_id)
    disposition = f'attachment; filename="question-set-v{version}.yaml"'
    return Response(text, media_type="application/yaml", headers={"Content-Disposition": disposition})


@router.post("/preview")
def preview_question_set(
    request: Request,
    db: SessionDep,
    admin: Admin,
    file: Annotated[UploadFile | None, File()] = None,
    text: Text = "",
) -> Response:
    upload = file.file.read(MAX_FILE_BYTES + 1) if file is not None and file.filename else None
    text, mistakes = uploaded_text(upload, text)
    if mistakes:
        return _upload_page(request, db, admin, text, mistakes)
    try:
        preview = publishing.preview_council_set(db, text=text)
    except QuestionFileError as error:
        return _upload_page(request, db, admin, text, mistakes_of(error))
    return render(request, "admin/question_sets_preview.html", {"preview": preview, "text": text})


@router.post("/publish")
def publish_question_set(request: Request, db: SessionDep, admin: Admin, text: Text = "") -> Response:
    text, mistakes = uploaded_text(None, text)
    if mistakes:
        return _upload_page(request, db, admin, text, mistakes)
    try:
        publishing.publish_council_set(db, text=text, organisation_id=admin.organisation_id, actor=admin)
    except QuestionFileError as error:
        return _upload_page(request, db, admin, text, mistakes_of(error))
    return RedirectResponse("/admin/question-sets?done=published", status_code=303)
