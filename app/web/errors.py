"""Friendly error pages with the request id; never a stack trace."""

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.auth.dependencies import SignInRequired
from app.templating import render

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


def install_error_pages(app: FastAPI) -> None:
    """Answer every error with a page a young person can understand."""
    app.add_exception_handler(SignInRequired, _sign_in_required)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
