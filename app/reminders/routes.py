"""The young person's reminder settings at /reminders."""

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.auth.dependencies import SettingsDep, YoungPersonUser
from app.checkins.dependencies import Me
from app.db import SessionDep
from app.forms import FormErrors
from app.reminders import service
from app.reminders.choices import FREQUENCIES, channel_name, frequency_name, read_choice
from app.templating import render

router = APIRouter()
FIELD = 300


def _page(request: Request, db: SessionDep, me: Me, form: dict[str, Any], errors: FormErrors) -> Response:
    offered = service.offered_channels(request.app.state.settings)
    reminder = service.reminder_for(db, young_person_id=me.id or 0)
    context = {
        "reminder": reminder,
        "offered": offered,
        "form": form,
        "errors": errors,
        "done": request.query_params.get("done"),
        "channel_name": channel_name,
        "frequency_name": frequency_name,
        "channel_items": [{"value": c, "text": channel_name(c)} for c in offered],
        "frequency_items": [{"value": f, "text": frequency_name(f)} for f in FREQUENCIES],
    }
    return render(request, "reminders/settings.html", context, status_code=422 if errors else 200)


@router.get("/reminders")
def show_reminders(request: Request, db: SessionDep, me: Me, user: YoungPersonUser) -> Response:
    reminder = service.reminder_for(db, young_person_id=me.id or 0)
    form = {
        "channel": reminder.channel if reminder else "",
        "phone_number": reminder.phone_number if reminder else "",
        "email": reminder.email if reminder else "",
        "frequency": reminder.frequency if reminder else "",
        "when_pa_replies": reminder.when_pa_replies if reminder else False,
    }
    return _page(request, db, me, form, FormErrors())


@router.post("/reminders")
def save_reminders(
    request: Request,
    db: SessionDep,
    me: Me,
    user: YoungPersonUser,
    settings: SettingsDep,
    channel: Annotated[str, Form(max_length=FIELD)] = "",
    phone_number: Annotated[str, Form(max_length=FIELD)] = "",
    email: Annotated[str, Form(max_length=FIELD)] = "",
    frequency: Annotated[str, Form(max_length=FIELD)] = "",
    when_pa_replies: Annotated[str, Form(max_length=FIELD)] = "",
) -> Response:
    form: dict[str, Any] = {
        "channel": channel,
        "phone_number": phone_number,
        "email": email,
        "frequency": frequency,
        "when_pa_replies": when_pa_replies == "yes",
    }
    choice, errors = read_choice(
        channel=channel,
        phone_number=phone_number,
        email=email,
        frequency=frequency,
        when_pa_replies=when_pa_replies == "yes",
        offered=service.offered_channels(settings),
    )
    if choice is None:
        return _page(request, db, me, form, errors)
    service.save_reminder(db, person=me, choice=choice)
    return RedirectResponse("/reminders?done=on", status_code=303)


@router.post("/reminders/off")
def turn_off_reminders(db: SessionDep, me: Me, user: YoungPersonUser) -> Response:
    service.stop_reminders(db, young_person_id=me.id or 0)
    return RedirectResponse("/reminders?done=off", status_code=303)
