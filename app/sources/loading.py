"""Loading an OC3 extract: every line checked against the rules and the council's young people.

Lines are matched to young people only by the council child ID the PA recorded (exactly, never by
name or date of birth); a line with an ID nobody has is counted as unmatched and not stored.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import insert
from sqlmodel import Session, col, select

from app.audit.service import record_event
from app.forms import FormErrors
from app.i18n import gettext as _
from app.i18n import ngettext
from app.people.models import User, YoungPerson
from app.sources.models import StatutoryLoad, StatutoryRecord
from app.sources.oc3 import Mistake, Oc3Line, read_extract

MISTAKES_SHOWN = 200


@dataclass
class CheckedExtract:
    """The file checked: lines ready to store, mistakes by line, and the counts a load records."""

    sha256: str
    rows: int = 0
    good: list[tuple[int, Oc3Line]] = field(default_factory=list)  # (young person id, line)
    mistakes: list[Mistake] = field(default_factory=list)
    unmatched: int = 0
    with_mistakes: int = 0
    unreadable: str | None = None

    @property
    def lines_with_mistakes(self) -> int:
        return self.unmatched + self.with_mistakes

    def errors(self) -> FormErrors:
        """The error summary: why the file could not be read, or how many lines have mistakes."""
        errors = FormErrors()
        errors.add("extract", self.unreadable)
        if self.mistakes:
            message = ngettext(
                "%(num)d line has a mistake: each is explained below.",
                "%(num)d lines have mistakes: each is explained below.",
                self.lines_with_mistakes,
            )
            errors.add("mistakes", message)
        return errors


def check_extract(session: Session, *, organisation_id: int, content: bytes) -> CheckedExtract:
    """Every line checked against the SSDA903 rules and the young people the council holds."""
    reading = read_extract(content)
    checked = CheckedExtract(hashlib.sha256(content).hexdigest(), reading.rows, unreadable=reading.unreadable)
    checked.with_mistakes = len({m.line for m in reading.mistakes})
    people = _people_by_child_id(session, organisation_id=organisation_id)
    first_line: dict[str, int] = {}
    found = list(reading.mistakes)
    for line in reading.lines:
        mistake = _match_mistake(line, people, first_line)
        first_line.setdefault(line.child_id, line.line)
        if mistake is None:
            checked.good.append((people[line.child_id][0], line))
            continue
        found.append(mistake)
        if line.child_id in people:
            checked.with_mistakes += 1
        else:
            checked.unmatched += 1
    checked.mistakes = sorted(found, key=lambda m: m.line)
    return checked


def _match_mistake(
    line: Oc3Line, people: dict[str, tuple[int, date]], first_line: dict[str, int]
) -> Mistake | None:
    """Why the line cannot be matched to one young person, if it cannot."""
    if line.child_id in first_line:
        message = _(
            "Child ID %(child)s is also on line %(line)d: each child once.",
            child=line.child_id,
            line=first_line[line.child_id],
        )
        return Mistake(line.line, "CHILD", message)
    if line.child_id not in people:
        message = _(
            "No young person in your council has child ID %(child)s, so the line is not matched.",
            child=line.child_id,
        )
        return Mistake(line.line, "CHILD", message)
    if people[line.child_id][1] != line.date_of_birth:
        message = _("This is not the date of birth we hold for child ID %(child)s.", child=line.child_id)
        return Mistake(line.line, "DOB", message)
    return None


def _people_by_child_id(session: Session, *, organisation_id: int) -> dict[str, tuple[int, date]]:
    rows = session.exec(
        select(col(YoungPerson.council_child_id), col(YoungPerson.id), col(YoungPerson.date_of_birth)).where(
            YoungPerson.organisation_id == organisation_id, col(YoungPerson.council_child_id).is_not(None)
        )
    ).all()
    return {child_id: (person_id, born) for child_id, person_id, born in rows if child_id and person_id}


def load_extract(
    session: Session, *, organisation_id: int, actor: User | None, checked: CheckedExtract
) -> StatutoryLoad:
    """Store the good lines of a checked file and record the load (who, when, hash, rows), audited.

    The caller decides whether a file with mistakes may load its good lines; no actor means the
    command line.
    """
    load = StatutoryLoad(
        organisation_id=organisation_id,
        loaded_by_id=actor.id if actor else None,
        via="screen" if actor else "command",
        file_sha256=checked.sha256,
        rows_in_file=checked.rows,
        rows_loaded=len(checked.good),
        rows_unmatched=checked.unmatched,
        rows_with_mistakes=checked.with_mistakes,
    )
    session.add(load)
    session.flush()
    if checked.good:
        session.execute(
            insert(StatutoryRecord),
            [
                {
                    "load_id": load.id,
                    "organisation_id": organisation_id,
                    "young_person_id": person_id,
                    "in_touch": line.in_touch,
                    "activity": line.activity,
                    "accommodation": line.accommodation,
                }
                for person_id, line in checked.good
            ],
        )
    record_event(
        session,
        actor=actor,
        organisation_id=organisation_id,
        action="statutory_return.loaded",
        record_type="statutory_load",
        record_id=load.id,
    )
    session.commit()
    return load


@dataclass(frozen=True)
class Outcome:
    """A file checked, and the load made from it if one was."""

    checked: CheckedExtract
    load: StatutoryLoad | None


def take_extract(
    session: Session, *, organisation_id: int, actor: User | None, content: bytes, good_lines: bool
) -> Outcome:
    """Check the file; load it when it has no mistakes, or its good lines when the user chose that."""
    checked = check_extract(session, organisation_id=organisation_id, content=content)
    if checked.unreadable or not checked.good or (checked.mistakes and not good_lines):
        return Outcome(checked, None)
    return Outcome(
        checked, load_extract(session, organisation_id=organisation_id, actor=actor, checked=checked)
    )


@dataclass(frozen=True)
class PastLoad:
    """One load as the loads list shows it."""

    load: StatutoryLoad
    who: str


def recent_loads(session: Session, *, organisation_id: int, limit: int = 20) -> list[PastLoad]:
    """The council's latest loads, newest first, with who made each."""
    rows = session.exec(
        select(StatutoryLoad, User.display_name)
        .outerjoin(User, col(User.id) == StatutoryLoad.loaded_by_id)
        .where(StatutoryLoad.organisation_id == organisation_id)
        .order_by(col(StatutoryLoad.loaded_at).desc(), col(StatutoryLoad.id).desc())
        .limit(limit)
    ).all()
    return [PastLoad(load, who or _("The checkin command")) for load, who in rows]
