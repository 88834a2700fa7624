"""Setting and clearing the session cookie with the flags security.md asks for."""

import secrets

from starlette.responses import Response

from app.settings import Settings


def set_session_cookie(response: Response, *, token: str, settings: Settings) -> None:
    """A host-only, HttpOnly, SameSite=Lax cookie holding only the random session id.

    The form cookie that CSRF tokens were tied to before signing in is replaced too, so a token
    anyone saw or planted before sign-in is worthless afterwards.
    """
    for name, value in (
        (settings.session_cookie_name, token),
        (settings.anonymous_cookie_name, secrets.token_urlsafe(32)),
    ):
        response.set_cookie(
            name, value, httponly=True, secure=settings.secure_cookies, samesite="lax", path="/"
        )


def clear_session_cookie(response: Response, *, settings: Settings) -> None:
    """Tell the browser to forget the session cookie."""
    response.delete_cookie(
        settings.session_cookie_name,
        path="/",
        secure=settings.secure_cookies,
        httponly=True,
        samesite="lax",
    )
