"""The one Jinja environment, and render(): a whole page, or its fragment for htmx."""

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader

from app import i18n
from app.auth.dependencies import form_csrf_token
from app.checkins.charts import describe, line_chart
from app.pages.navigation import navigation_links
from app.people.roles import role_choices, role_name
from app.questions.catalogue import answers_of, say
from app.settings import ROOT, Settings

STATIC_DIR = ROOT / "static"
TEMPLATES_DIR = ROOT / "templates"


@lru_cache(maxsize=64)
def _static_version(path: str) -> str:
    return hashlib.sha256((STATIC_DIR / path).read_bytes()).hexdigest()[:10]


def static_url(path: str) -> str:
    """The URL of a static file, versioned by its content so it can be cached for a year."""
    return f"/static/{path}?v={_static_version(path)}"


def choices(records: Iterable[Any], text_attribute: str) -> list[dict[str, str]]:
    """Radio or select items from records: their id as the value, one attribute as the text."""
    return [{"value": str(r.id), "text": str(getattr(r, text_attribute))} for r in records]


def make_templates(settings: Settings) -> Jinja2Templates:
    """Templates from templates/ and the govuk-frontend-jinja macros, with gettext installed."""
    env = Environment(
        loader=ChoiceLoader(
            [
                FileSystemLoader(TEMPLATES_DIR),
                PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
            ]
        ),
        autoescape=True,
        auto_reload=not settings.is_production,
        extensions=["jinja2.ext.i18n", "jinja2.ext.do"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(
        static_url=static_url,
        settings=settings,
        current_language=i18n.current_language,
        navigation_links=navigation_links,
        choices=choices,
        role_name=role_name,
        role_choices=role_choices,
        say=say,
        line_chart=line_chart,
        describe_chart=describe,
        answers_of=answers_of,
    )
    return Jinja2Templates(env=env)


def is_fragment_request(request: Request) -> bool:
    """An htmx swap of part of a page (boosted and history requests want whole pages)."""
    headers = request.headers
    return (
        headers.get("hx-request") == "true"
        and headers.get("hx-boosted") != "true"
        and headers.get("hx-history-restore-request") != "true"
    )


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
    fragment: str | None = None,
) -> HTMLResponse:
    """The page, or only its fragment template when htmx asks for part of the page."""
    name = fragment if fragment and is_fragment_request(request) else template
    templates: Jinja2Templates = request.app.state.templates
    full_context = {
        "user": getattr(request.state, "user", None),
        "csrf_token": form_csrf_token(request),
        "request_id": request.state.request_id,
        **(context or {}),
    }
    response = templates.TemplateResponse(request, name, full_context, status_code=status_code)
    response.headers["vary"] = "HX-Request"
    return response
