"""Load-or-404 for a young person's own records."""

from typing import Annotated

from fastapi import Depends, HTTPException
from sqlmodel import select

from app.auth.dependencies import YoungPersonUser
from app.checkins.models import CheckIn, Status
from app.db import RecordId, SessionDep
from app.people.models import YoungPerson


def own_record(user: YoungPersonUser, db: SessionDep) -> YoungPerson:
    """The signed-in young person's record."""
    person = db.exec(select(YoungPerson).where(YoungPerson.user_id == user.id)).first()
    if person is None:
        raise HTTPException(status_code=404)
    return person


Me = Annotated[YoungPerson, Depends(own_record)]


def own_check_in(check_in_id: RecordId, me: Me, db: SessionDep) -> CheckIn:
    """One of the young person's own check-ins; anyone else's is 404."""
    check_in = db.get(CheckIn, check_in_id)
    if check_in is None or check_in.young_person_id != me.id:
        raise HTTPException(status_code=404)
    return check_in


def own_draft(check_in: Annotated[CheckIn, Depends(own_check_in)]) -> CheckIn:
    """One of the young person's own check-ins that is still being filled in."""
    if check_in.status != Status.draft:
        raise HTTPException(status_code=404)
    return check_in


MyCheckIn = Annotated[CheckIn, Depends(own_check_in)]
MyDraft = Annotated[CheckIn, Depends(own_draft)]
