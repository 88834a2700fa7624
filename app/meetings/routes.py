"""The PA's caseload and meeting preparation, and closing the loop with the young person."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from app.auth.dependencies import SettingsDep
from app.db import SessionDep
from app.forms import FormErrors, parse_meeting_date
from app.meetings import loop
from app.meetings.alert_desk import own_open_alerts
from app.meetings.caseload import caseload_rows
from app.meetings.dependencies import PaCheckIn, PaOnly, PaYoungPerson
from app.meetings.prep import meeting_prep
from app.meetings.reply_form import POSTED_LIMIT, REPLY_LIMIT, read_reply
from app.people.service import current_assignment
from app.sources.side_by_side import side_by_side
from app.templating import render
from app.themes.catalogue import theme as find_theme
from app.themes.catalogue import themes
from app.themes.pa_themes import add_theme
from app.themes.prep_filter import prep_filter
from app.themes.shared import shown_themes

router = APIRouter()


@router.get("/caseload")
def show_caseload(
    request: Request, db: SessionDep, settings: SettingsDep, pa: PaOnly, q: str = "", theme: str = ""
) -> Response:
    search, chosen = q.strip()[:100], find_theme(theme[:40])
    rows = caseload_rows(
        db, pa=pa, quiet_weeks=settings.quiet_weeks, search=search, theme_key=chosen.key if chosen else ""
    )
    context = {
        "rows": rows,
        "search": search,
        "alerts": own_open_alerts(db, pa=pa),
        "theme": chosen,
        "catalogue": themes(),
    }
    return render(request, "meetings/caseload.html", context)


@router.post("/caseload/away")
def set_away(db: SessionDep, pa: PaOnly, away: Annotated[str, Form(max_length=5)] = "") -> Response:
    pa.away = away == "yes"
    db.add(pa)
    db.commit()
    return RedirectResponse("/caseload", status_code=303)


def _prep_page(
    request: Request, db: SessionDep, pa: PaOnly, person: PaYoungPerson, **extra: object
) -> Response:
    prep = meeting_prep(db, young_person_id=person.id or 0, organisation_id=person.organisation_id)
    record_id = prep.latest.check_in.id if prep.latest else None
    loop.record_view(db, actor=pa, person=person, action="meeting.viewed", record_id=record_id)
    assignment = current_assignment(db, young_person_id=person.id or 0)
    context = {
        "person": person,
        "prep": prep,
        "next_meeting_on": assignment.next_meeting_on if assignment else None,
        "errors": FormErrors(),
        "form": {},
        "done": request.query_params.get("done"),
        "reply_limit": f"{REPLY_LIMIT:,}",
        "statutory": side_by_side(db, young_person_id=person.id or 0),
        "themes": shown_themes(db, check_in_ids=[t.check_in_id for t in prep.topics]),
        "catalogue": themes(),
        **prep_filter(db, young_person_id=person.id or 0, chosen=request.query_params.get("theme", "")[:40]),
        **extra,
    }
    status = 422 if context["errors"] else 200
    return render(request, "meetings/prep.html", context, status_code=status)


@router.get("/young-people/{young_person_id}/meeting")
def show_meeting_prep(request: Request, db: SessionDep, pa: PaOnly, person: PaYoungPerson) -> Response:
    return _prep_page(request, db, pa, person)


@router.post("/young-people/{young_person_id}/check-ins/{check_in_id}/seen")
def mark_seen(db: SessionDep, pa: PaOnly, person: PaYoungPerson, check_in: PaCheckIn) -> Response:
    loop.mark_seen(db, actor=pa, person=person, check_in=check_in)
    return RedirectResponse(f"/young-people/{person.id}/meeting#close-the-loop", status_code=303)


@router.post("/young-people/{young_person_id}/check-ins/{check_in_id}/reply")
def reply_to_check_in(
    db: SessionDep,
    pa: PaOnly,
    person: PaYoungPerson,
    check_in: PaCheckIn,
    request: Request,
    words: Annotated[str, Form(max_length=POSTED_LIMIT)] = "",
    actions: Annotated[str, Form(max_length=POSTED_LIMIT)] = "",
) -> Response:
    form, errors = read_reply(words, actions)
    if errors:
        return _prep_page(request, db, pa, person, errors=errors, form={"reply": form})
    loop.reply(db, actor=pa, person=person, check_in=check_in, words=form.words, actions=form.actions)
    return RedirectResponse(f"/young-people/{person.id}/meeting?done=replied#close-the-loop", status_code=303)


@router.post("/young-people/{young_person_id}/next-meeting")
def set_next_meeting(
    request: Request,
    db: SessionDep,
    pa: PaOnly,
    person: PaYoungPerson,
    day: Annotated[str, Form(max_length=10)] = "",
    month: Annotated[str, Form(max_length=10)] = "",
    year: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    on, problem = parse_meeting_date(day, month, year, today=date.today())
    if on is None:
        errors = FormErrors()
        errors.add("meeting-day", problem)
        form = {"day": day, "month": month, "year": year}
        return _prep_page(request, db, pa, person, errors=errors, form=form)
    loop.set_next_meeting(db, actor=pa, person=person, on=on)
    return RedirectResponse(f"/young-people/{person.id}/meeting?done=date#next-meeting", status_code=303)


@router.post("/young-people/{young_person_id}/check-ins/{check_in_id}/topics/{topic_key}/themes")
def add_theme_to_topic(
    request: Request,
    db: SessionDep,
    pa: PaOnly,
    person: PaYoungPerson,
    check_in: PaCheckIn,
    topic_key: str,
    theme: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    added, problem = add_theme(
        db, pa=pa, person=person, check_in=check_in, topic_key=topic_key, theme_key=theme
    )
    if problem:
        errors = FormErrors()
        errors.add(f"theme-{topic_key}", problem)
        return _prep_page(request, db, pa, person, errors=errors)
    if not added:
        raise HTTPException(status_code=404)
    return RedirectResponse(f"/young-people/{person.id}/meeting#themes-{topic_key}", status_code=303)
