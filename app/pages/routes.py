"""The front door, /help, the privacy notices, /healthz, and the young person's home."""

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import select

from app.auth.dependencies import OptionalUser, SettingsDep, YoungPersonUser
from app.db import SessionDep
from app.i18n import LANGUAGE_COOKIE, LANGUAGES
from app.people import service
from app.people.models import Role, YoungPerson
from app.templating import STATIC_DIR, render

router = APIRouter()
LANGUAGE_COOKIE_SECONDS = 365 * 24 * 60 * 60


def is_local_path(address: str) -> bool:
    """An address on this site ("/me", "/check-in/3?x=1"), never another site ("//evil", "/\\evil")."""
    return address.startswith("/") and not address.startswith(("//", "/\\")) and address.isprintable()


HOMES = {
    Role.young_person: "/me",
    Role.pa: "/caseload",
    Role.manager: "/team",
    Role.analyst: "/insights",
    Role.admin: "/admin",
    Role.network_admin: "/councils",
    Role.network_analyst: "/network",
}


@router.get("/")
def show_front_door(request: Request, user: OptionalUser) -> Response:
    if user:
        return RedirectResponse(HOMES[Role(user.role)], status_code=303)
    return render(request, "pages/front_door.html")


@router.get("/help")
def show_help(request: Request) -> Response:
    return render(request, "pages/help.html")


@router.get("/privacy")
def show_privacy_notice(request: Request) -> Response:
    return render(request, "pages/privacy.html")


@router.get("/privacy/staff")
def show_staff_privacy_notice(request: Request) -> Response:
    return render(request, "pages/privacy_staff.html")


@router.get("/healthz")
def check_health(db: SessionDep) -> Response:
    try:
        db.connection().execute(text("SELECT 1"))
    except SQLAlchemyError:
        return JSONResponse({"status": "unavailable", "database": "down"}, status_code=503)
    return JSONResponse({"status": "ok", "database": "up"})


@router.get("/me")
def show_young_person_home(request: Request, db: SessionDep, user: YoungPersonUser) -> Response:
    person = db.exec(select(YoungPerson).where(YoungPerson.user_id == user.id)).first()
    pa = service.current_pa(db, young_person_id=person.id) if person and person.id else None
    assignment = service.current_assignment(db, young_person_id=person.id) if person and person.id else None
    next_meeting_on = assignment.next_meeting_on if assignment else None
    return render(request, "pages/young_person_home.html", {"pa": pa, "next_meeting_on": next_meeting_on})


@router.get("/language")
def pick_language(request: Request, settings: SettingsDep, to: str = "", back: str = "/") -> Response:
    """Remember the language picked on this device for a year, and go back to the same page."""
    response = RedirectResponse(back if is_local_path(back) else "/", status_code=303)
    if to in LANGUAGES:
        response.set_cookie(
            LANGUAGE_COOKIE,
            to,
            max_age=LANGUAGE_COOKIE_SECONDS,
            httponly=True,
            secure=settings.secure_cookies,
            samesite="lax",
            path="/",
        )
    return response


@router.get("/favicon.ico", include_in_schema=False)
def show_favicon() -> Response:
    return FileResponse(STATIC_DIR / "favicon.ico", headers={"cache-control": "public, max-age=86400"})
