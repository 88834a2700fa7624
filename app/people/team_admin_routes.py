"""The admin's pages of teams: the list and a form to add one; renaming one and choosing its manager."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.auth.dependencies import Admin
from app.db import SessionDep
from app.forms import FormErrors
from app.i18n import gettext as _
from app.people import service, teams
from app.people.dependencies import AdminTeam
from app.people.models import Team, User
from app.templating import render

router = APIRouter(prefix="/admin/teams")


@router.get("")
def show_teams(request: Request, db: SessionDep, admin: Admin) -> Response:
    context = {
        "teams": service.teams(db, organisation_id=admin.organisation_id),
        "name": "",
        "errors": FormErrors(),
        "done": request.query_params.get("done"),
    }
    return render(request, "admin/teams.html", context)


@router.post("")
def add_team(request: Request, db: SessionDep, admin: Admin, name: Annotated[str, Form()] = "") -> Response:
    existing = service.teams(db, organisation_id=admin.organisation_id)
    errors = teams.check_team(name, existing=existing)
    if errors:
        context = {"teams": existing, "name": name, "errors": errors, "done": None}
        return render(request, "admin/teams.html", context, status_code=422)
    team = teams.add_team(db, actor=admin, name=name)
    return RedirectResponse(f"/admin/teams/{team.id}?done=added", status_code=303)


def _manager_items(managers: list[User], team: Team, team_names: dict[int | None, str]) -> list[dict]:
    """Radio items: each manager, with the team they manage now."""
    items = []
    for manager in managers:
        now = team_names.get(manager.team_id)
        hint = _("Manages %(team)s now", team=now) if now else _("Manages no team now")
        items.append(
            {
                "value": str(manager.id),
                "text": manager.display_name,
                "hint": {"text": hint},
                "checked": manager.team_id == team.id,
            }
        )
    return items


def _page(
    request: Request, db: SessionDep, admin: Admin, team: Team, *, name: str, errors: FormErrors
) -> Response:
    context = {
        "team": team,
        "name": name,
        "errors": errors,
        "members": teams.members(db, team=team),
        "managers": _manager_items(
            teams.managers(db, organisation_id=admin.organisation_id),
            team,
            {t.id: t.name for t in service.teams(db, organisation_id=admin.organisation_id)},
        ),
        "done": request.query_params.get("done"),
    }
    return render(request, "admin/team.html", context, status_code=422 if errors else 200)


@router.get("/{team_id}")
def show_team(request: Request, db: SessionDep, admin: Admin, team: AdminTeam) -> Response:
    return _page(request, db, admin, team, name=team.name, errors=FormErrors())


@router.post("/{team_id}")
def rename_team(
    request: Request, db: SessionDep, admin: Admin, team: AdminTeam, name: Annotated[str, Form()] = ""
) -> Response:
    others = [t for t in service.teams(db, organisation_id=admin.organisation_id) if t.id != team.id]
    errors = teams.check_team(name, existing=others)
    if errors:
        return _page(request, db, admin, team, name=name, errors=errors)
    teams.rename_team(db, actor=admin, team=team, name=name)
    return RedirectResponse(f"/admin/teams/{team.id}?done=renamed", status_code=303)


@router.post("/{team_id}/manager")
def choose_manager(
    request: Request,
    db: SessionDep,
    admin: Admin,
    team: AdminTeam,
    manager_id: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    manager = next(
        (m for m in teams.managers(db, organisation_id=admin.organisation_id) if str(m.id) == manager_id),
        None,
    )
    if manager is None:
        errors = FormErrors()
        errors.add("manager_id", _("Choose a team manager"))
        return _page(request, db, admin, team, name=team.name, errors=errors)
    teams.choose_manager(db, actor=admin, team=team, manager=manager)
    return RedirectResponse(f"/admin/teams/{team.id}?done=manager", status_code=303)
