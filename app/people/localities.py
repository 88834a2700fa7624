"""A council's localities: the districts young people live in and the tables count by."""

from sqlalchemy import func
from sqlmodel import Session, select

from app.audit.service import record_event
from app.forms import FormErrors, clean_text
from app.i18n import gettext as _
from app.people.models import Locality, User, YoungPerson

NAME_LIMIT = 120


def localities(session: Session, *, organisation_id: int) -> list[Locality]:
    """The council's localities by name."""
    query = select(Locality).where(Locality.organisation_id == organisation_id).order_by(Locality.name)
    return list(session.exec(query).all())


def check_locality(name: str, *, existing: list[Locality]) -> FormErrors:
    """The error to show beside the name; empty when it can be used (existing: the others)."""
    errors = FormErrors()
    cleaned = clean_text(name, limit=NAME_LIMIT + 1)
    if not cleaned:
        errors.add("name", _("Enter the locality's name"))
    elif len(cleaned) > NAME_LIMIT:
        errors.add("name", _("The name must be %(limit)d characters or fewer", limit=NAME_LIMIT))
    elif cleaned.casefold() in {place.name.casefold() for place in existing}:
        errors.add("name", _("Your council already has a locality called %(name)s", name=cleaned))
    return errors


def _audit(session: Session, *, actor: User | None, place: Locality, action: str) -> None:
    record_event(
        session,
        actor=actor,
        organisation_id=place.organisation_id,
        action=action,
        record_type="locality",
        record_id=place.id,
    )


def add_locality(session: Session, *, organisation_id: int, actor: User | None, name: str) -> Locality:
    """Add a locality to the council, audited (no actor: from the command line)."""
    place = Locality(organisation_id=organisation_id, name=clean_text(name, limit=NAME_LIMIT))
    session.add(place)
    session.flush()
    _audit(session, actor=actor, place=place, action="locality.added")
    session.commit()
    return place


def rename_locality(session: Session, *, actor: User, place: Locality, name: str) -> None:
    """Give a locality a new name, audited; the tables count its young people under the new one."""
    cleaned = clean_text(name, limit=NAME_LIMIT)
    if cleaned == place.name:
        return
    place.name = cleaned
    session.add(place)
    _audit(session, actor=actor, place=place, action="locality.renamed")
    session.commit()


def people_living_in(session: Session, *, place: Locality) -> int:
    """How many young people's records (current or closed) name this locality."""
    query = select(func.count()).select_from(YoungPerson).where(YoungPerson.locality_id == place.id)
    return session.exec(query).one()


def remove_locality(session: Session, *, actor: User, place: Locality) -> None:
    """Remove a locality no young person's record names (the caller checks), audited."""
    _audit(session, actor=actor, place=place, action="locality.removed")
    session.delete(place)
    session.commit()
