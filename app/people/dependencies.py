"""Load-or-404: the records a member of staff may open, checked in one place."""

from typing import Annotated

from fastapi import Depends, HTTPException

from app.auth.dependencies import Admin, PaOrAdmin
from app.db import RecordId, SessionDep
from app.people.models import STAFF_ROLES, Locality, Role, Team, User, YoungPerson
from app.people.service import is_current_pa


def young_person_for_staff(young_person_id: RecordId, user: PaOrAdmin, db: SessionDep) -> YoungPerson:
    """A young person the PA supports now, or any in the admin's council; 404 for anything else."""
    person = db.get(YoungPerson, young_person_id)
    if person is None or person.organisation_id != user.organisation_id:
        raise HTTPException(status_code=404)
    if user.role == Role.pa and not is_current_pa(db, pa_id=user.id, young_person_id=person.id):
        raise HTTPException(status_code=404)
    return person


def staff_member_for_admin(staff_id: RecordId, admin: Admin, db: SessionDep) -> User:
    """A staff account in the admin's council; 404 for anything else."""
    member = db.get(User, staff_id)
    if member is None or member.organisation_id != admin.organisation_id or member.role not in STAFF_ROLES:
        raise HTTPException(status_code=404)
    return member


def locality_for_admin(locality_id: RecordId, admin: Admin, db: SessionDep) -> Locality:
    """A locality of the admin's council; 404 for anything else."""
    place = db.get(Locality, locality_id)
    if place is None or place.organisation_id != admin.organisation_id:
        raise HTTPException(status_code=404)
    return place


def team_for_admin(team_id: RecordId, admin: Admin, db: SessionDep) -> Team:
    """A team of the admin's council; 404 for anything else."""
    team = db.get(Team, team_id)
    if team is None or team.organisation_id != admin.organisation_id:
        raise HTTPException(status_code=404)
    return team


StaffYoungPerson = Annotated[YoungPerson, Depends(young_person_for_staff)]
AdminStaffMember = Annotated[User, Depends(staff_member_for_admin)]
AdminLocality = Annotated[Locality, Depends(locality_for_admin)]
AdminTeam = Annotated[Team, Depends(team_for_admin)]
