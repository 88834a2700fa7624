"""A young person's first visit: enter the invite code and date of birth, choose sign-in details."""

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.auth.cookies import set_session_cookie
from app.auth.credential_rules import passphrase_problem, username_problem
from app.auth.dependencies import SettingsDep, session_cookie
from app.auth.routes import client_address
from app.auth.service import normalise_username
from app.auth.sessions import start_session
from app.auth.throttle import add_hit, count_hits
from app.db import SessionDep, utcnow
from app.forms import FormErrors, parse_date
from app.i18n import gettext as _
from app.people.invite_tokens import read_invite_step, sign_invite_step
from app.people.invites import InviteAlreadyUsed, find_invite, redeem_invite
from app.people.models import InviteCode, YoungPerson
from app.people.service import username_taken
from app.templating import render

router = APIRouter()
INVITE_ADDRESS = "invite-address"


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
    client = client_address(request)
    window = timedelta(minutes=settings.lock_minutes)
    tries = count_hits(db, secret=settings.secret_key, bucket=INVITE_ADDRESS, key=client, window=window)
    if not errors and tries >= settings.invite_tries_per_address:
        errors.add("code", _("You've tried too many times. Wait 15 minutes, or ask your PA to help."))
    if not errors and date_of_birth:
        invite = find_invite(db, code=code, date_of_birth=date_of_birth, settings=settings)
        if invite and invite.id:
            token = sign_invite_step(settings.secret_key, invite.id)
            context = {"errors": FormErrors(), "token": token, "username": ""}
            return render(request, "people/choose_details.html", context)
        add_hit(db, secret=settings.secret_key, bucket=INVITE_ADDRESS, key=client)
        db.commit()
        errors.add(
            "code",
            _(
                "We could not find that code with that date of birth. Check both, "
                "or ask your PA for a new code. Codes last 7 days and work once."
            ),
        )
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


def _start_again(request: Request) -> Response:
    errors = FormErrors()
    errors.add("code", _("That code has already been used or has run out. Ask your PA for a new one."))
    return render(request, "people/start.html", {"errors": errors, "form": {}}, status_code=422)
