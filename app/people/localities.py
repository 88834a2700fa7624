"""A council's localities: the districts young people live in and the tables count by."""

from sqlmodel import Session, select

from app.audit.service import record_event
from app.forms import FormErrors, clean_text
from app.i18n import gettext as _
from app.people.models import Locality, User

NAME_LIMIT = 120


def localities(session: Session, *, organisation_id: int) -> list[Locality]:
    """The council's localities by name."""
    query = select(Locality).where(Locality.organisation_id == organisation_id).order_by(Locality.name)
    return list(session.exec(query).all())


def check_locality(name: str, *, existing: list[Locality]) -> FormErrors:
    """The error to show beside the name; empty when it can be added."""
    errors = FormErrors()
    cleaned = clean_text(name, limit=NAME_LIMIT + 1)
    if not cleaned:
        errors.add("name", _("Enter the locality's name"))
    elif len(cleaned) > NAME_LIMIT:
        errors.add("name", _("The name must be %(limit)d characters or fewer", limit=NAME_LIMIT))
    elif cleaned.casefold() in {place.name.casefold() for place in existing}:
        errors.add("name", _("Your council already has a locality called %(name)s", name=cleaned))
    return errors


def add_locality(session: Session, *, organisation_id: int, actor: User | None, name: str) -> Locality:
    """Add a locality to the council, audited (no actor: from the command line)."""
    place = Locality(organisation_id=organisation_id, name=clean_text(name, limit=NAME_LIMIT))
    session.add(place)
    session.flush()
    record_event(
        session,
        actor=actor,
        organisation_id=organisation_id,
        action="locality.added",
        record_type="locality",
        record_id=place.id,
    )
    session.commit()
    return place
