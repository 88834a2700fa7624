"""Who is asking: the signed-in user, role guards, and the CSRF check on every state change."""

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from app.auth.sessions import load_session
from app.auth.tokens import csrf_token, csrf_token_matches
from app.db import SessionDep
from app.forms import FIELD_BYTES, as_lists
from app.people.models import Role, User
from app.settings import Settings
from app.web.requests import SAFE_METHODS, SignInRequired


def get_settings_dep(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


def session_cookie(request: Request) -> str | None:
    """The raw session cookie, if the browser sent one."""
    return request.state.cookies.get(request.app.state.settings.session_cookie_name)


def optional_user(request: Request, db: SessionDep) -> User | None:
    """The signed-in user, or None; looked up once per request."""
    if not hasattr(request.state, "user"):
        token = session_cookie(request)
        settings = request.app.state.settings
        user = load_session(db, token=token, settings=settings) if token else None
        request.state.user = user
        request.state.user_id = user.id if user else None
        request.state.role = user.role if user else None
    return request.state.user


OptionalUser = Annotated[User | None, Depends(optional_user)]


def allow(*roles: Role) -> Callable[..., User]:
    """A dependency that lets only these roles through: sign-in redirect or 403 otherwise."""

    async def guard(user: OptionalUser) -> User:  # no I/O: run on the event loop, not in a thread
        if user is None:
            raise SignInRequired
        if user.role not in roles:
            raise HTTPException(status_code=403)
        return user

    guard.roles = frozenset(roles)  # type: ignore[attr-defined]
    guard.__name__ = "allow_" + "_".join(sorted(roles))
    return guard


AnyUser = Annotated[User, Depends(allow(*Role))]
YoungPersonUser = Annotated[User, Depends(allow(Role.young_person))]
PaOrAdmin = Annotated[User, Depends(allow(Role.pa, Role.admin))]
Admin = Annotated[User, Depends(allow(Role.admin))]
Manager = Annotated[User, Depends(allow(Role.manager))]
Analyst = Annotated[User, Depends(allow(Role.analyst))]
NetworkAdmin = Annotated[User, Depends(allow(Role.network_admin))]
NetworkAnalyst = Annotated[User, Depends(allow(Role.network_analyst))]


def form_csrf_token(request: Request) -> str:
    """A CSRF token for forms on this page, tied to the browser's session or form cookie."""
    cookies = request.state.cookies
    settings = request.app.state.settings
    basis = (
        cookies.get(settings.session_cookie_name)
        or cookies.get(settings.anonymous_cookie_name)
        or getattr(request.state, "anonymous_cookie", "")
    )
    return csrf_token(settings.secret_key, basis)


def csrf_context(request: Request) -> dict[str, str]:
    """Every page's forms carry the CSRF token."""
    return {"csrf_token": form_csrf_token(request)}


async def csrf_protect(request: Request) -> None:
    """Refuse (403) any state-changing request without a valid token in the form or header."""
    if request.method in SAFE_METHODS:
        return
    token = request.headers.get("x-csrf-token")
    if request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form(max_part_size=FIELD_BYTES)
        # Kept for this request only: a "try again" page can post a check-in's answers back.
        request.state.form_fields = as_lists(form)
        if token is None:
            token = str(form.get("csrf_token", ""))
    settings = request.app.state.settings
    cookies = request.state.cookies
    candidates = [
        cookies.get(settings.session_cookie_name, ""),
        cookies.get(settings.anonymous_cookie_name, ""),
    ]
    if not token or not csrf_token_matches(settings.secret_key, token, candidates):
        raise HTTPException(status_code=403, detail="csrf")
