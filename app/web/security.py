"""An ASGI middleware that gives every response its security headers and a request id."""

import logging
import secrets
import time
from http.cookies import SimpleCookie

from starlette.datastructures import MutableHeaders
from starlette.responses import HTMLResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.settings import Settings

log = logging.getLogger("checkin.request")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; "
    "connect-src 'self'"
)
_ALWAYS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "permissions-policy": "geolocation=(), camera=(), microphone=()",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
_NO_COOKIE_PATHS = ("/static/", "/healthz", "/favicon")


def _cookies(scope: Scope) -> dict[str, str]:
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # noqa: BLE001 - a malformed cookie header is treated as none
                return {}
            return {key: morsel.value for key, morsel in jar.items()}
    return {}


class SecurityMiddleware:
    """Headers on every response, a request id, an anonymous form cookie, one log line."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    def _anonymous_cookie(self, value: str) -> str:
        flags = "; Secure" if self.settings.secure_cookies else ""
        return f"{self.settings.anonymous_cookie_name}={value}; Path=/; HttpOnly; SameSite=Lax{flags}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        state = scope.setdefault("state", {})
        state["request_id"] = request_id = secrets.token_hex(8)
        cookies = _cookies(scope)
        state["cookies"] = cookies
        path: str = scope["path"]
        new_anonymous = None
        names = (self.settings.session_cookie_name, self.settings.anonymous_cookie_name)
        if not path.startswith(_NO_COOKIE_PATHS) and not any(cookies.get(n) for n in names):
            new_anonymous = state["anonymous_cookie"] = secrets.token_urlsafe(32)
        status: int | None = None

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = MutableHeaders(scope=message)
                for name, value in _ALWAYS.items():
                    headers[name] = value
                headers["x-request-id"] = request_id
                if self.settings.is_production:
                    headers["strict-transport-security"] = "max-age=31536000; includeSubDomains"
                if path.startswith("/static/"):
                    headers["cache-control"] = "public, max-age=31536000, immutable"
                else:
                    headers["cache-control"] = "no-store"
                if new_anonymous:
                    headers.append("set-cookie", self._anonymous_cookie(new_anonymous))
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:  # noqa: BLE001 - every failure gets the friendly page
            log.error("unhandled error", extra={"request_id": request_id, "error": type(exc).__name__})
            if status is None:
                await _server_error_page(scope, request_id, send_with_headers)
        finally:
            route = scope.get("route")
            log.info(
                "request",
                extra={
                    "request_id": request_id,
                    "method": scope["method"],
                    "route": getattr(route, "path", path),
                    "status": status or 500,
                    "user_id": state.get("user_id"),
                    "role": state.get("role"),
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )


async def _server_error_page(scope: Scope, request_id: str, send: Send) -> None:
    """A plain page with the request id, rendered without touching the database."""
    templates = scope["app"].state.templates
    body = templates.env.get_template("errors/server_error.html").render(
        request_id=request_id, user=None, csrf_token="", status=500
    )
    response = HTMLResponse(body, status_code=500)
    await response(scope, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}
