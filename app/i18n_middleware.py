"""Choose each request's language from the browser's Accept-Language header."""

from starlette.types import ASGIApp, Receive, Scope, Send

from app.i18n import choose_language, set_language
from app.settings import Settings


class LanguageMiddleware:
    """Sets the language for gettext and the page's lang attribute."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.default = settings.default_language

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            accept = dict(scope.get("headers", [])).get(b"accept-language", b"").decode("latin-1")
            set_language(choose_language(accept, self.default))
        await self.app(scope, receive, send)
