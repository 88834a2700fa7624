"""Checking in: the start page, one topic per screen, help after a risk answer."""

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from app.auth.dependencies import YoungPersonUser
from app.checkins import screens, service
from app.checkins.answer_form import TopicAnswers, read_topic_form
from app.checkins.dependencies import Me, MyDraft, find_own_check_in
from app.db import RecordId, SessionDep
from app.forms import FORM_LISTS_OPENAPI, FormErrors, FormLists
from app.notifications.background import send_owed_emails
from app.questions.schema import Topic
from app.templating import render

router = APIRouter(prefix="/check-in")


def _go(path: str) -> Response:
    return RedirectResponse(path, status_code=303)


@router.get("")
def show_start(request: Request, db: SessionDep, user: YoungPersonUser) -> Response:
    found = service.me_and_draft(db, user_id=user.id)  # what Me and current_draft read, at once
    if found is None:
        raise HTTPException(status_code=404)
    return render(request, "checkins/start.html", {"draft": found[1]})


@router.post("")
def start_or_resume(db: SessionDep, me: Me, mode: Annotated[str, Form(max_length=10)] = "") -> Response:
    draft = service.current_draft(db, person=me)
    if mode == "resume" and draft:
        return _go(screens.resume_path(db, check_in=draft))
    if mode not in ("quick", "full"):
        return _go("/check-in")
    check_in = service.start_check_in(db, person=me, mode=mode)
    return _go(screens.resume_path(db, check_in=check_in))


def _topic_or_404(db: SessionDep, check_in: MyDraft, topic_key: str) -> Topic:
    item = service.find_topic(db, check_in=check_in, topic_key=topic_key)
    if item is None:
        raise HTTPException(status_code=404)
    return item


@router.get("/{check_in_id}/topics/{topic_key}")
def show_topic(
    request: Request, db: SessionDep, user: YoungPersonUser, check_in_id: RecordId, topic_key: str
) -> Response:
    # The page loaded most: the draft is found here rather than by MyDraft, one thread hop less.
    check_in = find_own_check_in(db, user=user, check_in_id=check_in_id, draft=True)
    item = _topic_or_404(db, check_in, topic_key)
    answers = service.saved_topic(db, check_in=check_in, topic_key=topic_key)
    context = screens.topic_context(db, check_in=check_in, item=item, answers=answers)
    return render(request, "checkins/topic.html", context)


@router.post("/{check_in_id}/topics/{topic_key}", openapi_extra=FORM_LISTS_OPENAPI)
def answer_topic(
    request: Request,
    db: SessionDep,
    check_in: MyDraft,
    topic_key: str,
    fields: FormLists,
    background: BackgroundTasks,
) -> Response:
    item = _topic_or_404(db, check_in, topic_key)
    action = (fields.get("action") or [""])[0]
    skipped = action == "skip"
    answers, errors = read_topic_form(screens.screen_questions(check_in, item), fields)
    send_owed_emails(background, request.app)
    if action == "autosave":
        return _autosave(request, db, check_in, item, answers, errors)
    if errors and not skipped:
        context = screens.topic_context(db, check_in=check_in, item=item, answers=answers)
        context["errors"] = errors
        return render(request, "checkins/topic.html", context, status_code=422)
    saved = service.save_topic(
        db, check_in=check_in, item=item, answers=answers, skipped=skipped, settled=True
    )
    if saved.raised:
        return _go(f"/check-in/{check_in.id}/topics/{topic_key}/help")
    return _go(screens.after_topic_path(db, check_in=check_in, topic_key=topic_key))


def _autosave(
    request: Request,
    db: SessionDep,
    check_in: MyDraft,
    item: Topic,
    answers: TopicAnswers,
    errors: FormErrors,
) -> Response:
    """htmx saves as the young person goes and says so; a risk answer shows the help panel in place
    (no alert yet: that waits for an answer they settle on)."""
    if errors or not (answers.values or answers.comment):
        return Response(status_code=204)
    saved = service.save_topic(
        db, check_in=check_in, item=item, answers=answers, skipped=False, settled=False
    )
    context = screens.help_context(db, check_in=check_in, item=item) if saved.risk_answered else {}
    return render(request, "checkins/_autosaved.html", {**context, "risk": saved.risk_answered})


@router.get("/{check_in_id}/topics/{topic_key}/help")
def show_help_now(request: Request, db: SessionDep, check_in: MyDraft, topic_key: str) -> Response:
    item = _topic_or_404(db, check_in, topic_key)
    context = screens.help_context(db, check_in=check_in, item=item)
    return render(request, "checkins/help_now.html", context)


@router.post("/{check_in_id}/topics/{topic_key}/help", openapi_extra=FORM_LISTS_OPENAPI)
def answer_follow_up(
    request: Request, db: SessionDep, check_in: MyDraft, topic_key: str, fields: FormLists
) -> Response:
    item = _topic_or_404(db, check_in, topic_key)
    follow_ups = screens.follow_up_questions(db, check_in=check_in, item=item)
    answers, errors = read_topic_form(follow_ups, fields)
    if errors:
        context = screens.help_context(db, check_in=check_in, item=item)
        context["errors"] = errors
        return render(request, "checkins/help_now.html", context, status_code=422)
    service.save_follow_ups(db, check_in=check_in, item=item, answers=answers)
    return _go(screens.carry_on_path(db, check_in=check_in, item=item))
