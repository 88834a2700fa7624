"""The one Jinja environment, and render(): a page with what every page needs.

It knows no domain: each domain hands make_templates its own globals (a function of the
environment) and the request-wide values its pages need (context processors).
"""

import hashlib
from collections.abc import Callable, Iterable, MutableMapping
from functools import lru_cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader
from markupsafe import Markup

from app import i18n
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


def template_gettext(message: str, /, **variables: object) -> Markup:
    """`_()` in templates: the translation is trusted markup and the variables are escaped.

    The same as Jinja's newstyle gettext with autoescape on (always on here), without its two
    context lookups per call; a page calls it 20 to 40 times, mostly without variables, and those
    texts are kept per language (the catalogues are loaded once and never change).
    """
    if not variables:
        return _text_without_variables(i18n.current_language(), message)
    return Markup(i18n.gettext(message)) % variables  # noqa: S704 - our own translations, as Jinja does


@lru_cache(maxsize=4096)
def _text_without_variables(language: str, message: str) -> Markup:
    assert language == i18n.current_language()  # the key is the language gettext uses
    return Markup(i18n.gettext(message)) % {}  # noqa: S704 - as above; "%%" becomes "%", as in Jinja


class _Environment(Environment):
    """Jinja's Environment, each template's globals a dict rather than a ChainMap over the env's.

    Jinja copies a template's globals into every render's context and compares their keys on
    every import, and through a ChainMap each key is looked up in Python: about 25 us per import
    and per include here. make_templates sets every global before any template is loaded, so a
    snapshot sees them all.
    """

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **(d or {})}


TemplateGlobals = Callable[[Environment], dict[str, Any]]
ContextProcessor = Callable[[Request], dict[str, Any]]


def make_templates(
    settings: Settings,
    *,
    template_globals: Iterable[TemplateGlobals] = (),
    context_processors: Iterable[ContextProcessor] = (),
) -> "Templates":
    """Templates from templates/ and the govuk-frontend-jinja macros, with gettext installed."""
    env = _Environment(
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
    env.install_gettext_callables(  # type: ignore[attr-defined]
        i18n.gettext, i18n.ngettext, newstyle=True, pgettext=i18n.pgettext
    )
    env.globals.update(
        _=template_gettext,
        static_url=static_url,
        settings=settings,
        current_language=i18n.current_language,
        html_lang=i18n.html_lang,
        text_direction=i18n.text_direction,
        is_draft=i18n.is_draft,
        languages=[(code, i18n.language_name(code)) for code in i18n.LANGUAGES],
        choices=choices,
    )
    env.filters["moment"] = i18n.moment
    for domain_globals in template_globals:
        env.globals.update(domain_globals(env))
    return Templates(env=env, page_values=[_request_values, *context_processors])


class Templates(Jinja2Templates):
    """Jinja2Templates with the values every page gets; a page's own context overrides them."""

    def __init__(self, *, env: Environment, page_values: list[ContextProcessor]) -> None:
        super().__init__(env=env)
        self.page_values = page_values


def _request_values(request: Request) -> dict[str, Any]:
    return {"user": getattr(request.state, "user", None), "request_id": request.state.request_id}


def render(
    request: Request, template: str, context: dict[str, Any] | None = None, *, status_code: int = 200
) -> HTMLResponse:
    """The page for this request (every page varies with HX-Request: htmx may ask for it)."""
    templates: Templates = request.app.state.templates
    page: dict[str, Any] = {}
    for values in templates.page_values:
        page.update(values(request))
    page.update(context or {})
    response = templates.TemplateResponse(request, template, page, status_code=status_code)
    response.headers["vary"] = "HX-Request"
    return response
