"""The council's child ID on a young person: how the statutory return's rows are matched to them."""

import re

from sqlmodel import Session, col, select

from app.audit.service import record_event
from app.forms import FormErrors, clean_text
from app.i18n import gettext as _
from app.people.models import User, YoungPerson

CHILD_ID_LIMIT = 10
CHILD_ID = re.compile(r"[A-Za-z0-9]{1,10}")


def clean_child_id(typed: str) -> str:
    """The child ID as it is stored and matched: trimmed, without spaces, upper case."""
    return clean_text(typed, limit=200).replace(" ", "").upper()


def record_child_id(session: Session, *, actor: User, person: YoungPerson, typed: str) -> FormErrors:
    """Set (or change) the young person's council child ID, audited; the errors to show if not."""
    child_id = clean_child_id(typed)
    errors = FormErrors()
    if not child_id:
        errors.add("child_id", _("Enter their council child ID"))
    elif not CHILD_ID.fullmatch(child_id):
        errors.add(
            "child_id",
            _("The child ID must be %(limit)d letters or numbers or fewer", limit=CHILD_ID_LIMIT),
        )
    elif _taken(session, person=person, child_id=child_id):
        errors.add("child_id", _("Another young person in your council already has this child ID"))
    if errors:
        return errors
    person.council_child_id = child_id
    session.add(person)
    record_event(
        session,
        actor=actor,
        organisation_id=person.organisation_id,
        action="young_person.child_id_recorded",
        young_person_id=person.id,
        record_type="young_person",
        record_id=person.id,
    )
    session.commit()
    return errors


def _taken(session: Session, *, person: YoungPerson, child_id: str) -> bool:
    statement = select(YoungPerson.id).where(
        YoungPerson.organisation_id == person.organisation_id,
        YoungPerson.council_child_id == child_id,
        col(YoungPerson.id) != person.id,
    )
    return session.exec(statement).first() is not None
