"""Changing your own passphrase; every other session of the account ends."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.auth.cookies import set_session_cookie
from app.auth.credential_rules import passphrase_problem
from app.auth.dependencies import AnyUser, SettingsDep
from app.auth.service import change_passphrase, check_current_passphrase
from app.auth.sessions import start_session
from app.db import SessionDep
from app.forms import FormErrors
from app.i18n import gettext as _
from app.templating import render

router = APIRouter(prefix="/account")


@router.get("/passphrase")
def show_change_passphrase(request: Request, _user: AnyUser) -> Response:
    done = request.query_params.get("done") == "changed"
    return render(request, "auth/change_passphrase.html", {"errors": FormErrors(), "done": done})


@router.post("/passphrase")
def update_passphrase(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    user: AnyUser,
    current: Annotated[str, Form(max_length=1000)] = "",
    new: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    errors = FormErrors()
    if not check_current_passphrase(db, user=user, passphrase=current, settings=settings):
        errors.add("current", _("Your current passphrase is not right"))
    errors.add("new", passphrase_problem(new, context_words=(user.username,)))
    if not errors and new == current:
        errors.add("new", _("Choose a passphrase you have not used here before"))
    if errors:
        context = {"errors": errors, "done": False}
        return render(request, "auth/change_passphrase.html", context, status_code=422)
    change_passphrase(db, user=user, new_passphrase=new)
    response = RedirectResponse("/account/passphrase?done=changed", status_code=303)
    set_session_cookie(response, token=start_session(db, user=user), settings=settings)
    return response
