"""A young person's first visit: enter the invite code and date of birth, choose sign-in details."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.auth import sign_up
from app.auth.cookies import set_session_cookie
from app.auth.credential_rules import passphrase_problem, username_problem
from app.auth.dependencies import SettingsDep, session_cookie
from app.auth.invite_tokens import read_invite_step
from app.auth.routes import client_address
from app.auth.service import normalise_username
from app.auth.sessions import start_session
from app.auth.sign_up import InviteAlreadyUsed, redeem_invite
from app.db import SessionDep, utcnow
from app.forms import FormErrors, parse_date
from app.i18n import gettext as _
from app.people.models import InviteCode, YoungPerson
from app.people.service import username_taken
from app.settings import Settings
from app.templating import render

router = APIRouter()


@router.get("/start")
def show_start(request: Request) -> Response:
    return render(request, "people/start.html", {"errors": FormErrors(), "form": {}})


@router.post("/start")
def check_invite(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    code: Annotated[str, Form(max_length=100)] = "",
    day: Annotated[str, Form(max_length=10)] = "",
    month: Annotated[str, Form(max_length=10)] = "",
    year: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    form = {"code": code, "day": day, "month": month, "year": year}
    errors = FormErrors()
    errors.add("code", None if code.strip() else _("Enter the code your PA gave you"))
    date_of_birth, date_error = parse_date(day, month, year)
    errors.add("dob-day", date_error)
    if not errors and date_of_birth:
        found = sign_up.check_invite(
            db, code=code, date_of_birth=date_of_birth, client=client_address(request), settings=settings
        )
        if found.token:
            context = {"errors": FormErrors(), "token": found.token, "username": ""}
            return render(request, "people/choose_details.html", context)
        errors.add("code", _invite_problem(found, settings))
    return render(request, "people/start.html", {"errors": errors, "form": form}, status_code=422)


@router.post("/start/account")
def create_account(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    token: Annotated[str, Form(max_length=200)] = "",
    username: Annotated[str, Form(max_length=200)] = "",
    passphrase: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    invite_id = read_invite_step(settings.secret_key, token)
    invite = db.get(InviteCode, invite_id) if invite_id else None
    if invite is None or invite.used_at or invite.revoked_at or invite.expires_at <= utcnow():
        return _start_again(request)
    wanted = normalise_username(username)
    errors = FormErrors()
    errors.add("username", username_problem(wanted))
    person = db.get(YoungPerson, invite.young_person_id)
    owner_id = person.user_id if person else None
    if not errors and username_taken(db, username=wanted, owner_id=owner_id):
        errors.add("username", _("That username is taken. Try another one."))
    errors.add("passphrase", passphrase_problem(passphrase, context_words=(wanted,)))
    if errors:
        context = {"errors": errors, "token": token, "username": username}
        return render(request, "people/choose_details.html", context, status_code=422)
    try:
        user = redeem_invite(db, invite=invite, username=wanted, passphrase=passphrase)
    except InviteAlreadyUsed:
        return _start_again(request)
    session_token = start_session(db, user=user, replacing=session_cookie(request))
    response = RedirectResponse("/", status_code=303)
    set_session_cookie(response, token=session_token, settings=settings)
    return response


def _invite_problem(found: sign_up.InviteCheck, settings: Settings) -> str:
    if found.too_many_tries:
        return _(
            "You've tried too many times. Wait %(minutes)s minutes, or ask your PA to help.",
            minutes=settings.lock_minutes,
        )
    return _(
        "We could not find that code with that date of birth. Check both, "
        "or ask your PA for a new code. Codes last %(days)s days and work once.",
        days=settings.invite_days,
    )


def _start_again(request: Request) -> Response:
    errors = FormErrors()
    errors.add("code", _("That code has already been used or has run out. Ask your PA for a new one."))
    return render(request, "people/start.html", {"errors": errors, "form": {}}, status_code=422)
