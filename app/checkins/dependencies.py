"""Load-or-404 for a young person's own records."""

from typing import Annotated

from fastapi import Depends, HTTPException
from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from app.auth.dependencies import YoungPersonUser
from app.checkins.models import CheckIn, Status
from app.db import RecordId, SessionDep
from app.people.models import User, YoungPerson


def own_record(user: YoungPersonUser, db: SessionDep) -> YoungPerson:
    """The signed-in young person's record."""
    person = db.exec(select(YoungPerson).where(YoungPerson.user_id == user.id)).first()
    if person is None:
        raise HTTPException(status_code=404)
    return person


Me = Annotated[YoungPerson, Depends(own_record)]

# Built once: the check-in, if it belongs to the young person with this account.
_OWN_CHECK_IN = (
    select(CheckIn)
    .join(YoungPerson, col(YoungPerson.id) == col(CheckIn.young_person_id))
    .where(col(CheckIn.id) == bindparam("check_in_id"), col(YoungPerson.user_id) == bindparam("user_id"))
)


def find_own_check_in(db: Session, *, user: User, check_in_id: int, draft: bool = False) -> CheckIn:
    """The check-in if it is the young person's own (and still a draft, if asked); 404 otherwise."""
    check_in = db.exec(_OWN_CHECK_IN, params={"check_in_id": check_in_id, "user_id": user.id}).first()
    if check_in is None or (draft and check_in.status != Status.draft):
        raise HTTPException(status_code=404)
    return check_in


def own_check_in(check_in_id: RecordId, user: YoungPersonUser, db: SessionDep) -> CheckIn:
    """One of the young person's own check-ins; anyone else's is 404 (one query, no Me needed)."""
    return find_own_check_in(db, user=user, check_in_id=check_in_id)


async def own_draft(check_in: Annotated[CheckIn, Depends(own_check_in)]) -> CheckIn:
    """One of the young person's own check-ins that is still being filled in (no I/O: no thread)."""
    if check_in.status != Status.draft:
        raise HTTPException(status_code=404)
    return check_in


MyCheckIn = Annotated[CheckIn, Depends(own_check_in)]
MyDraft = Annotated[CheckIn, Depends(own_draft)]
