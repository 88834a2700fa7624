"""Choose each request's language: the one the person picked (a cookie), else their browser's."""

from http.cookies import SimpleCookie

from starlette.types import ASGIApp, Receive, Scope, Send

from app.i18n import LANGUAGE_COOKIE, LANGUAGES, choose_language, set_language
from app.settings import Settings


def picked_language(cookie_header: str) -> str | None:
    """The language in the language cookie, if it is one we have."""
    cookies = SimpleCookie()
    try:
        cookies.load(cookie_header)
    except ValueError:
        return None
    morsel = cookies.get(LANGUAGE_COOKIE)
    return morsel.value if morsel and morsel.value in LANGUAGES else None


class LanguageMiddleware:
    """Sets the language for gettext and the page's lang and dir attributes."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.default = settings.default_language

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = dict(scope.get("headers", []))
            picked = picked_language(headers.get(b"cookie", b"").decode("latin-1"))
            accept = headers.get(b"accept-language", b"").decode("latin-1")
            set_language(picked or choose_language(accept, self.default))
        await self.app(scope, receive, send)
