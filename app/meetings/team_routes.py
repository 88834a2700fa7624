"""The manager's home: team coverage, the duty queue and escalations."""

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.auth.dependencies import Manager
from app.db import SessionDep
from app.jobs.runner import last_runs
from app.meetings import alert_desk
from app.meetings.team import coverage, team_caseloads
from app.people import service
from app.people.models import Team
from app.templating import render

router = APIRouter()


@router.get("/team")
def show_team(request: Request, db: SessionDep, manager: Manager) -> Response:
    team = db.get(Team, manager.team_id) if manager.team_id else None
    members = [
        m for m in service.staff(db, organisation_id=manager.organisation_id) if team and m.team_id == team.id
    ]
    context = {
        "team": team,
        "members": members,
        "coverage": coverage(db, team_id=team.id) if team and team.id else None,
        "queue": alert_desk.duty_queue(db, team_id=manager.team_id),
        "escalated": alert_desk.escalated(db, manager=manager),
        "job_runs": last_runs(db),
        "caseloads": team_caseloads(db, team_id=team.id) if team and team.id else [],
    }
    return render(request, "meetings/team.html", context)
