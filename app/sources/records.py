"""What the council recorded about a young person in its statutory return, and their corrections."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, delete, select

from app.audit.service import record_event
from app.forms import FormErrors, clean_text, too_long
from app.i18n import gettext as _
from app.people.models import User, YoungPerson
from app.sources.codes import accommodation_words, activity_words, in_touch_words
from app.sources.models import StatutoryCorrection, StatutoryLoad, StatutoryRecord

CORRECTION_LIMIT = 1000


@dataclass(frozen=True)
class CorrectionNote:
    said_at: datetime
    words: str


@dataclass(frozen=True)
class CouncilRecord:
    """One statutory record in words, with what the young person said about it."""

    id: int
    recorded_at: datetime
    in_touch: str
    activity: str
    accommodation: str
    activity_code: str
    accommodation_code: str
    corrections: list[CorrectionNote]


def council_records(session: Session, *, young_person_id: int) -> list[CouncilRecord]:
    """The young person's statutory records, newest load first, each with their corrections."""
    rows = session.exec(
        select(StatutoryRecord, StatutoryLoad.loaded_at)
        .join(StatutoryLoad, col(StatutoryLoad.id) == StatutoryRecord.load_id)
        .where(StatutoryRecord.young_person_id == young_person_id)
        .order_by(col(StatutoryLoad.loaded_at).desc(), col(StatutoryRecord.id).desc())
    ).all()
    notes = session.exec(
        select(StatutoryCorrection)
        .where(StatutoryCorrection.young_person_id == young_person_id)
        .order_by(col(StatutoryCorrection.created_at), col(StatutoryCorrection.id))
    ).all()
    return [
        CouncilRecord(
            record.id or 0,
            loaded_at,
            in_touch_words(record.in_touch),
            activity_words(record.activity),
            accommodation_words(record.accommodation),
            record.activity,
            record.accommodation,
            [CorrectionNote(n.created_at, n.words) for n in notes if n.record_id == record.id],
        )
        for record, loaded_at in rows
    ]


def latest_record(session: Session, *, young_person_id: int) -> CouncilRecord | None:
    """The newest statutory record about the young person, if the council has loaded one."""
    return next(iter(council_records(session, young_person_id=young_person_id)), None)


def say_not_right(session: Session, *, actor: User, person: YoungPerson, typed: str) -> FormErrors:
    """Keep the young person's words about their latest record (their PA sees them beside it), audited."""
    errors = FormErrors()
    words = clean_text(typed, limit=CORRECTION_LIMIT * 2)
    record = latest_record(session, young_person_id=person.id or 0)
    if record is None:
        errors.add("no-council-record", _("The council has not recorded anything about you yet"))
    elif not words:
        errors.add("words", _("Say what is not right"))
    else:
        errors.add("words", too_long(words, CORRECTION_LIMIT))
    if errors or record is None:
        return errors
    note = StatutoryCorrection(record_id=record.id, young_person_id=person.id or 0, words=words)
    session.add(note)
    session.flush()
    record_event(
        session,
        actor=actor,
        organisation_id=person.organisation_id,
        action="statutory_record.corrected",
        young_person_id=person.id,
        record_type="statutory_correction",
        record_id=note.id,
    )
    session.commit()
    return errors


def forget_person(session: Session, *, young_person_id: int) -> None:
    """On closing an account: delete the service's copy of the council's records about this young
    person and their words about them (the council keeps its own return); the caller commits."""
    session.exec(
        delete(StatutoryCorrection).where(col(StatutoryCorrection.young_person_id) == young_person_id)
    )
    session.exec(delete(StatutoryRecord).where(col(StatutoryRecord.young_person_id) == young_person_id))
