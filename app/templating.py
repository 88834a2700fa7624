"""The one Jinja environment, and render(): a whole page, or its fragment for htmx."""

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable, MutableMapping
from functools import lru_cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader, Template
from markupsafe import Markup

from app import i18n
from app.auth.dependencies import form_csrf_token
from app.checkins.charts import describe, line_chart
from app.pages.navigation import navigation_links
from app.people.roles import role_choices, role_name
from app.questions.catalogue import answers_of, say
from app.questions.schema import Kind, Question
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


SCALE_OPTIONS = tuple((str(n), str(n)) for n in range(11))
"""A 0 to 10 scale's radios: (value, text) for each."""


def answer_options(question: Question) -> list[tuple[str, str]]:
    """A question's radios or checkboxes: (value, text in the current language) for each answer."""
    return [(answer.key, say(answer.text)) for answer in answers_of(question)]


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


class QuestionFields:
    """question_field() for templates: the macro in components/questions.html, its output kept.

    A question set never changes once stored, so a question's field is the same HTML every time
    for the same language, error message and chosen answers; it is rendered once and then reused
    (a topic screen has up to 66 radios). An entry holds the question and the template it was
    rendered from, and is used only for that very question and template, so neither a reused id
    nor an edited template (auto-reload in development) can bring back another field. Fields
    holding free text (textareas) are never kept; at most `size` fields are.
    """

    def __init__(self, env: Environment, size: int = 2048) -> None:
        self.env, self.size = env, size
        self._kept: OrderedDict[tuple, tuple[Question, Template, Markup]] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, question: Question, answers: Any, errors: Any) -> Markup:
        template = self.env.get_template("components/questions.html")
        render = template.module.question_field  # type: ignore[attr-defined]
        if question.kind is Kind.text:
            return render(question, answers, errors)  # a macro's output is Markup (autoescape is on)
        chosen = tuple(answers.values.get(question.key, ()))
        key = (id(question), i18n.current_language(), errors.get(question.key) if errors else None, chosen)
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None and kept[0] is question and kept[1] is template:
                self._kept.move_to_end(key)
                return kept[2]
        html = render(question, answers, errors)
        with self._lock:
            self._kept[key] = (question, template, html)
            if len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return html


class _Environment(Environment):
    """Jinja's Environment, each template's globals a dict rather than a ChainMap over the env's.

    Jinja copies a template's globals into every render's context and compares their keys on
    every import, and through a ChainMap each key is looked up in Python: about 25 us per import
    and per include here. make_templates sets every global before any template is loaded, so a
    snapshot sees them all.
    """

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **(d or {})}


def make_templates(settings: Settings) -> Jinja2Templates:
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
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(
        _=template_gettext,
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
        answer_options=answer_options,
        scale_options=SCALE_OPTIONS,
        question_field=QuestionFields(env),
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
