"""Safety alerts for staff: the list, one alert, acknowledging it with the action taken."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.checkins.models import SafetyAlert
from app.db import SessionDep
from app.forms import FormErrors, clean_text
from app.i18n import gettext as _
from app.meetings import alert_desk
from app.meetings.alert_words import alert_in_words
from app.meetings.dependencies import AlertStaff, StaffAlert
from app.people.models import Role, YoungPerson
from app.templating import render

router = APIRouter(prefix="/alerts")


@router.get("")
def show_alerts(request: Request, db: SessionDep, user: AlertStaff) -> Response:
    own = alert_desk.own_open_alerts(db, pa=user) if user.role == Role.pa else []
    on_duty = user.role == Role.manager or user.on_duty
    queue = alert_desk.duty_queue(db, team_id=user.team_id) if on_duty else []
    escalated = alert_desk.escalated(db, manager=user) if user.role == Role.manager else []
    words = {row.alert.id: alert_in_words(db, row.alert) for row in [*own, *queue, *escalated]}
    context = {"own": own, "queue": queue, "escalated": escalated, "on_duty": on_duty, "words": words}
    return render(request, "meetings/alerts.html", context)


def _alert_page(request: Request, db: SessionDep, alert: SafetyAlert, **extra: object) -> Response:
    person = db.get(YoungPerson, alert.young_person_id)
    context = {
        "alert": alert,
        "person": person,
        "words": alert_in_words(db, alert),
        "errors": FormErrors(),
        **extra,
    }
    return render(request, "meetings/alert.html", context, status_code=422 if context["errors"] else 200)


@router.get("/{alert_id}")
def show_alert(request: Request, db: SessionDep, user: AlertStaff, alert: StaffAlert) -> Response:
    return _alert_page(request, db, alert)


@router.post("/{alert_id}/acknowledge")
def acknowledge_alert(
    request: Request,
    db: SessionDep,
    user: AlertStaff,
    alert: StaffAlert,
    action_taken: Annotated[str, Form(max_length=5000)] = "",
) -> Response:
    words = clean_text(action_taken, limit=alert_desk.ACTION_LIMIT)
    if not words:
        errors = FormErrors()
        errors.add(
            "action_taken", _("Say what you have done or will do, for example 'Phoned her, she is safe'")
        )
        return _alert_page(request, db, alert, errors=errors)
    alert_desk.acknowledge(db, actor=user, alert=alert, action_taken=words)
    return RedirectResponse("/alerts?done=acknowledged", status_code=303)
