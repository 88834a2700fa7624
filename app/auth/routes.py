"""Sign in and sign out."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.auth.cookies import clear_session_cookie, set_session_cookie
from app.auth.dependencies import OptionalUser, SettingsDep, session_cookie
from app.auth.service import sign_in
from app.auth.sessions import end_session, start_session
from app.db import SessionDep
from app.forms import FormErrors
from app.i18n import gettext as _
from app.templating import render

router = APIRouter()


def client_address(request: Request) -> str:
    """The address the request came from, for throttling."""
    return request.client.host if request.client else "unknown"


@router.get("/sign-in")
def show_sign_in(request: Request, user: OptionalUser) -> Response:
    if user:
        return RedirectResponse("/", status_code=303)
    return render(request, "auth/sign_in.html", {"errors": FormErrors(), "username": ""})


@router.post("/sign-in")
def sign_in_with_passphrase(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    username: Annotated[str, Form(max_length=200)] = "",
    passphrase: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    result = sign_in(
        db,
        username=username,
        passphrase=passphrase,
        client=client_address(request),
        settings=settings,
    )
    if result.user is None:
        errors = FormErrors()
        if result.locked:
            message = _(
                "You've tried too many times. Wait %(minutes)s minutes and try again, "
                "or ask your PA to help.",
                minutes=settings.lock_minutes,
            )
        else:
            message = _("The username or passphrase is not right. Check them and try again.")
        errors.add("username", message)
        context = {"errors": errors, "username": username[:200]}
        return render(request, "auth/sign_in.html", context, status_code=422)
    token = start_session(db, user=result.user, replacing=session_cookie(request))
    response = RedirectResponse("/", status_code=303)
    set_session_cookie(response, token=token, settings=settings)
    return response


@router.post("/sign-out")
def sign_out(request: Request, db: SessionDep, settings: SettingsDep) -> Response:
    token = session_cookie(request)
    if token:
        end_session(db, token=token)
        db.commit()
    response = RedirectResponse("/signed-out", status_code=303)
    clear_session_cookie(response, settings=settings)
    return response


@router.get("/signed-out")
def show_signed_out(request: Request) -> Response:
    return render(request, "auth/signed_out.html")
