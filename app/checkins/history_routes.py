"""Your check-ins: the list and charts, one check-in, share later or stop sharing, corrections,
delete what was never shared."""

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from app.auth.dependencies import YoungPersonUser
from app.checkins import charts, history, removal, sharing
from app.checkins.dependencies import Me, MyCheckIn
from app.checkins.models import COMMENT_LIMIT, CheckIn, Status
from app.db import SessionDep
from app.forms import FormErrors, clean_text
from app.i18n import gettext as _
from app.templating import render

router = APIRouter(prefix="/check-ins")


def own_sent(check_in: MyCheckIn) -> CheckIn:
    """One of the young person's own sent check-ins; drafts are not history."""
    if check_in.status != Status.submitted:
        raise HTTPException(status_code=404)
    return check_in


MySent = Annotated[CheckIn, Depends(own_sent)]


def own_unshared(db: SessionDep, check_in: MySent) -> CheckIn:
    """A sent check-in that nothing was ever shared from, so it can be deleted."""
    if sharing.anything_shared(db, check_in=check_in):
        raise HTTPException(status_code=404)
    return check_in


MyUnshared = Annotated[CheckIn, Depends(own_unshared)]


def own_with_kept(db: SessionDep, check_in: MySent) -> CheckIn:
    """A sent check-in with topics the PA cannot see, whose answers can be deleted."""
    if not removal.kept_topic_keys(db, check_in=check_in):
        raise HTTPException(status_code=404)
    return check_in


MyWithKept = Annotated[CheckIn, Depends(own_with_kept)]


def read_correction(topic_key: str, text: str) -> tuple[str, FormErrors]:
    """The correction's words, or a message to show beside the box."""
    cleaned = clean_text(text, limit=COMMENT_LIMIT + 1)
    errors = FormErrors()
    if not cleaned:
        errors.add(f"correction-{topic_key}", _("Enter what you want to add"))
    elif len(cleaned) > COMMENT_LIMIT:
        errors.add(f"correction-{topic_key}", _("Your correction must be 2000 characters or fewer"))
    return cleaned, errors


def _detail(request: Request, db: Session, check_in: CheckIn, **extra: object) -> Response:
    context = {"view": history.check_in_view(db, check_in=check_in), "errors": None, "typed": {}, **extra}
    status_code = 422 if context["errors"] else 200
    return render(request, "checkins/check_in.html", context, status_code=status_code)


@router.get("")
def show_history(request: Request, db: SessionDep, me: Me, deleted: str = "") -> Response:
    context = {
        "check_ins": history.past_check_ins(db, person=me),
        "charts": charts.topic_charts(history.headline_series(db, person=me)),
        "alerts": history.person_alerts(db, person=me),
        "deleted": deleted == "1",
    }
    return render(request, "checkins/history.html", context)


@router.get("/{check_in_id}")
def show_check_in(
    request: Request, db: SessionDep, check_in: MySent, stopped: str = "", kept_deleted: str = ""
) -> Response:
    return _detail(request, db, check_in, stopped=stopped, kept_deleted=kept_deleted == "1")


@router.post("/{check_in_id}/topics/{topic_key}/share")
def share_topic(db: SessionDep, check_in: MySent, topic_key: str) -> Response:
    if not sharing.share_later(db, check_in=check_in, topic_key=topic_key):
        raise HTTPException(status_code=404)
    return RedirectResponse(f"/check-ins/{check_in.id}#topic-{topic_key}", status_code=303)


@router.post("/{check_in_id}/topics/{topic_key}/unshare")
def stop_sharing_topic(
    db: SessionDep, user: YoungPersonUser, me: Me, check_in: MySent, topic_key: str
) -> Response:
    if not sharing.stop_sharing(db, actor=user, person=me, check_in=check_in, topic_key=topic_key):
        raise HTTPException(status_code=404)
    return RedirectResponse(
        f"/check-ins/{check_in.id}?stopped={topic_key}#topic-{topic_key}", status_code=303
    )


@router.post("/{check_in_id}/topics/{topic_key}/corrections")
def correct_topic(
    request: Request, db: SessionDep, check_in: MySent, topic_key: str, text: Annotated[str, Form()] = ""
) -> Response:
    cleaned, errors = read_correction(topic_key, text)
    if not errors and sharing.add_correction(db, check_in=check_in, topic_key=topic_key, text=cleaned):
        return RedirectResponse(f"/check-ins/{check_in.id}#topic-{topic_key}", status_code=303)
    if not errors or not history.is_shared(db, check_in=check_in, topic_key=topic_key):
        raise HTTPException(status_code=404)
    return _detail(request, db, check_in, errors=errors, typed={topic_key: text})


@router.get("/{check_in_id}/delete")
def show_delete(request: Request, db: SessionDep, check_in: MyUnshared) -> Response:
    context = {"view": history.check_in_view(db, check_in=check_in)}
    return render(request, "checkins/delete.html", context)


@router.post("/{check_in_id}/delete")
def delete_check_in(db: SessionDep, check_in: MyUnshared) -> Response:
    removal.remove_check_in(db, check_in=check_in)
    return RedirectResponse("/check-ins?deleted=1", status_code=303)


@router.get("/{check_in_id}/delete-kept")
def show_delete_kept(request: Request, db: SessionDep, check_in: MyWithKept) -> Response:
    context = {"view": history.check_in_view(db, check_in=check_in)}
    return render(request, "checkins/delete_kept.html", context)


@router.post("/{check_in_id}/delete-kept")
def delete_kept_topics(db: SessionDep, check_in: MyWithKept) -> Response:
    removal.remove_kept_topics(db, check_in=check_in)
    return RedirectResponse(f"/check-ins/{check_in.id}?kept_deleted=1", status_code=303)
