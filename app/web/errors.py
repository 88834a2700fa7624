"""Friendly error pages with the request id; never a stack trace."""

import logging

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.exc import DataError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.forms import reads_form_lists
from app.templating import render
from app.web.requests import SAFE_METHODS, SignInRequired

log = logging.getLogger("checkin.request")

# The database went away, is restarting, is locked or has no free connection: worth trying again.
DATABASE_TROUBLE = (OperationalError, InterfaceError, PoolTimeoutError)

_PAGES = {
    403: "errors/forbidden.html",
    404: "errors/not_found.html",
}


def _sign_in_required(request: Request, _exc: Exception) -> Response:
    if request.headers.get("hx-request") == "true":
        return Response(status_code=204, headers={"HX-Redirect": "/sign-in"})
    return RedirectResponse("/sign-in", status_code=303)


def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if request.url.path == "/healthz" or exc.status_code == 405:
        return Response(status_code=exc.status_code, headers=exc.headers)
    template = _PAGES.get(exc.status_code, "errors/bad_request.html")
    if exc.detail == "csrf":
        template = "errors/form_expired.html"
    return render(request, template, {"status": exc.status_code}, status_code=exc.status_code)


def _invalid_request(request: Request, _exc: Exception) -> Response:
    return render(request, "errors/bad_request.html", {"status": 400}, status_code=400)


def _data_refused(request: Request, exc: Exception) -> Response:
    """Data the database will not take (PostgreSQL refuses NUL in text): a bad request, nothing kept.

    Free text is cleaned before it is stored (app.forms.clean_text); this catches the rest, such as
    a NUL in a username being looked up. The request's transaction has been rolled back.
    """
    extra = {"request_id": request.state.request_id, "error": type(exc).__name__}
    log.warning("data refused", extra=extra)
    return render(request, "errors/bad_request.html", {"status": 400, "user": None}, status_code=400)


def _database_unavailable(request: Request, exc: Exception) -> Response:
    """503 and a "try again" page that holds the answers just sent; rendered without the database.

    The request's database session has already been closed, which rolled back its transaction,
    so nothing was half-saved; every save is one transaction and safe to send twice.
    """
    extra = {"request_id": request.state.request_id, "error": type(exc).__name__}
    log.warning("database unavailable", extra=extra)
    saving = request.method not in SAFE_METHODS
    # Only check-in answers go back into the page; other forms may hold passphrases or codes.
    answers = saving and reads_form_lists(request.scope.get("route"))
    fields = getattr(request.state, "form_fields", {}) if answers else {}
    context = {
        "user": None,  # the signed-in user's row may be unreadable now
        "status": 503,
        "saving": saving,
        "action": request.url.path,
        "kept": {name: values for name, values in fields.items() if name != "csrf_token"},
    }
    response = render(request, "errors/try_again.html", context, status_code=503)
    response.headers["retry-after"] = "5"
    return response


def install_error_pages(app: FastAPI) -> None:
    """Answer every error with a page a young person can understand."""
    app.add_exception_handler(SignInRequired, _sign_in_required)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(DataError, _data_refused)
    for trouble in DATABASE_TROUBLE:
        app.add_exception_handler(trouble, _database_unavailable)
