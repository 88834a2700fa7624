"""Check your answers, choose what to share, and the confirmation of what was shared."""

from fastapi import APIRouter, BackgroundTasks, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from app.checkins import sharing
from app.checkins.alerts import told_by_topic
from app.checkins.dependencies import Me, MyCheckIn, MyDraft
from app.checkins.models import CheckIn, Status
from app.checkins.share_form import ShareChoices, read_share_form
from app.checkins.summary import TopicSummary, summarise
from app.db import SessionDep
from app.forms import FORM_LISTS_OPENAPI, FormLists
from app.notifications.background import send_owed_emails
from app.people.service import current_pa
from app.templating import render
from app.themes.offers import offers

router = APIRouter(prefix="/check-in")


def _check_page(
    db: SessionDep, check_in: CheckIn, summaries: list[TopicSummary], choices: ShareChoices | None = None
) -> dict[str, object]:
    """The check answers page: answers, sharing choices, and themes offered for the topics with words
    (ticked as the young person left them when nothing was posted)."""
    comments = {s.key: s.comment or "" for s in summaries if not s.skipped}
    found = offers(db, check_in_id=check_in.id or 0, comments=comments)
    if choices is None:
        choices = ShareChoices(themes={key: offer.chosen for key, offer in found.items()})
    return {"check_in": check_in, "summaries": summaries, "offers": found, "choices": choices}


@router.get("/{check_in_id}/check")
def show_check_answers(request: Request, db: SessionDep, check_in: MyDraft) -> Response:
    context = _check_page(db, check_in, summarise(db, check_in=check_in))
    return render(request, "checkins/check.html", context)


@router.post("/{check_in_id}/check", openapi_extra=FORM_LISTS_OPENAPI)
def submit_check_in(
    request: Request, db: SessionDep, check_in: MyCheckIn, fields: FormLists, background: BackgroundTasks
) -> Response:
    if check_in.status == Status.submitted:
        return RedirectResponse(f"/check-in/{check_in.id}/done", status_code=303)
    summaries = summarise(db, check_in=check_in)
    choices, errors = read_share_form(summaries, fields)
    if choices.set_all:
        return render(request, "checkins/check.html", _check_page(db, check_in, summaries, choices))
    if errors:
        context = {**_check_page(db, check_in, summaries, choices), "errors": errors}
        return render(request, "checkins/check.html", context, status_code=422)
    sharing.submit_check_in(
        db,
        check_in=check_in,
        shared=choices.shared,
        talk_about=choices.talk_about,
        talk_about_words=choices.talk_about_words,
        going_well=choices.going_well,
        themes=choices.themes,
    )
    send_owed_emails(background, request.app)
    return RedirectResponse(f"/check-in/{check_in.id}/done", status_code=303)


@router.get("/{check_in_id}/done")
def show_done(request: Request, db: SessionDep, me: Me, check_in: MyCheckIn) -> Response:
    if check_in.status != Status.submitted:
        raise HTTPException(status_code=404)
    summaries = summarise(db, check_in=check_in)
    context = {
        "check_in": check_in,
        "summaries": summaries,
        "shared": [s for s in summaries if s.shared],
        "kept": [s for s in summaries if not s.shared and not s.skipped],
        "told": told_by_topic(db, check_in=check_in),
        "pa": current_pa(db, young_person_id=me.id),
    }
    return render(request, "checkins/done.html", context)
