"""Load-or-404 for the PA side: only the PA's own current young people, shared check-ins, alerts."""

from typing import Annotated

from fastapi import Depends, HTTPException

from app.auth.dependencies import allow
from app.checkins.answer_queries import is_shared_with_pa
from app.checkins.models import CheckIn, SafetyAlert
from app.db import RecordId, SessionDep
from app.meetings.alert_desk import can_handle
from app.people.models import Role, User, YoungPerson
from app.people.service import is_current_pa

PaOnly = Annotated[User, Depends(allow(Role.pa))]
AlertStaff = Annotated[User, Depends(allow(Role.pa, Role.manager))]


def young_person_for_pa(young_person_id: RecordId, pa: PaOnly, db: SessionDep) -> YoungPerson:
    """A young person this PA supports now; 404 for everyone else, handed-over ones included."""
    person = db.get(YoungPerson, young_person_id)
    if person is None or not is_current_pa(db, pa_id=pa.id or 0, young_person_id=person.id or 0):
        raise HTTPException(status_code=404)
    return person


PaYoungPerson = Annotated[YoungPerson, Depends(young_person_for_pa)]


def shared_check_in(check_in_id: RecordId, person: PaYoungPerson, db: SessionDep) -> CheckIn:
    """A sent check-in of that young person with something shared in it; 404 otherwise."""
    if not is_shared_with_pa(db, check_in_id=check_in_id, young_person_id=person.id or 0):
        raise HTTPException(status_code=404)
    check_in = db.get(CheckIn, check_in_id)
    if check_in is None:
        raise HTTPException(status_code=404)
    return check_in


PaCheckIn = Annotated[CheckIn, Depends(shared_check_in)]


def alert_for_staff(alert_id: RecordId, user: AlertStaff, db: SessionDep) -> SafetyAlert:
    """An alert this member of staff may pick up; 404 otherwise."""
    alert = db.get(SafetyAlert, alert_id)
    if alert is None or not can_handle(db, user=user, alert=alert):
        raise HTTPException(status_code=404)
    return alert


StaffAlert = Annotated[SafetyAlert, Depends(alert_for_staff)]
