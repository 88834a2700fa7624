"""A council's leaving-care teams: their names and who manages them."""

from sqlmodel import Session, col, select

from app.audit.service import record_event
from app.forms import FormErrors, clean_text
from app.i18n import gettext as _
from app.people.models import Role, Team, User

NAME_LIMIT = 120


def check_team(name: str, *, existing: list[Team]) -> FormErrors:
    """The error to show beside the name; empty when it can be used (existing: the others)."""
    errors = FormErrors()
    cleaned = clean_text(name, limit=NAME_LIMIT + 1)
    if not cleaned:
        errors.add("name", _("Enter the team's name"))
    elif len(cleaned) > NAME_LIMIT:
        errors.add("name", _("The name must be %(limit)d characters or fewer", limit=NAME_LIMIT))
    elif cleaned.casefold() in {team.name.casefold() for team in existing}:
        errors.add("name", _("Your council already has a team called %(name)s", name=cleaned))
    return errors


def _audit(session: Session, *, actor: User, team: Team, action: str, record_id: int | None = None) -> None:
    record_event(
        session,
        actor=actor,
        organisation_id=team.organisation_id,
        action=action,
        record_type="team" if record_id is None else "user",
        record_id=team.id if record_id is None else record_id,
    )


def add_team(session: Session, *, actor: User, name: str) -> Team:
    """Add a team to the admin's council, audited."""
    team = Team(organisation_id=actor.organisation_id, name=clean_text(name, limit=NAME_LIMIT))
    session.add(team)
    session.flush()
    _audit(session, actor=actor, team=team, action="team.added")
    session.commit()
    return team


def rename_team(session: Session, *, actor: User, team: Team, name: str) -> None:
    """Give a team a new name, audited."""
    cleaned = clean_text(name, limit=NAME_LIMIT)
    if cleaned == team.name:
        return
    team.name = cleaned
    session.add(team)
    _audit(session, actor=actor, team=team, action="team.renamed")
    session.commit()


def members(session: Session, *, team: Team) -> list[User]:
    """The team's active staff, managers first, then by name."""
    query = (
        select(User)
        .where(User.team_id == team.id, User.active)
        .order_by(col(User.role) != Role.manager, col(User.display_name), col(User.id))
    )
    return list(session.exec(query).all())


def managers(session: Session, *, organisation_id: int) -> list[User]:
    """The council's active team managers by name, whichever team they manage now."""
    query = (
        select(User)
        .where(User.organisation_id == organisation_id, User.role == Role.manager, User.active)
        .order_by(col(User.display_name), col(User.id))
    )
    return list(session.exec(query).all())


def choose_manager(session: Session, *, actor: User, team: Team, manager: User) -> None:
    """Make this manager the team's (they leave any team they managed before), audited on the user."""
    if manager.team_id == team.id:
        return
    manager.team_id = team.id
    session.add(manager)
    _audit(session, actor=actor, team=team, action="team.manager_chosen", record_id=manager.id)
    session.commit()
