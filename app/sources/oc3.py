"""Reading an OC3 extract (CSV) and checking each line against the SSDA903 rules, in plain words.

Pure functions: the file's lines in, the clean lines and the mistakes (by line and field) out.
Matching lines to the council's young people is app/sources/loading.py's job.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from app.i18n import gettext as _
from app.sources.codes import (
    ACTIVITY_CODES,
    IN_TOUCH_CODES,
    NO_ACTIVITY_OR_ACCOMMODATION,
    NOT_KNOWN,
    ONLY_UNSUITABLE,
    accommodation_letter_words,
    in_touch_words,
    is_accommodation_code,
)

COLUMNS = ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM")
CHILD_ID = re.compile(r"[A-Za-z0-9]{1,10}")
MAX_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Mistake:
    """One thing wrong on one line of the file (line 1 is the header)."""

    line: int
    column: str
    message: str


@dataclass(frozen=True)
class Oc3Line:
    """A line whose every field is well formed and consistent."""

    line: int
    child_id: str
    date_of_birth: date
    in_touch: str
    activity: str
    accommodation: str


@dataclass
class Reading:
    """What the file holds: clean lines, mistakes by line, or why it could not be read at all."""

    lines: list[Oc3Line] = field(default_factory=list)
    mistakes: list[Mistake] = field(default_factory=list)
    rows: int = 0
    unreadable: str | None = None


def read_extract(content: bytes) -> Reading:
    """Every line of the CSV checked; an unreadable file says why in `unreadable`."""
    reading = Reading()
    if len(content) > MAX_BYTES:
        reading.unreadable = _("The file is bigger than 4 MB. Split it into smaller files.")
        return reading
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        reading.unreadable = _("The file must be a CSV file saved as UTF-8 text.")
        return reading
    rows = csv.reader(io.StringIO(text, newline=""))
    header = [name.strip().upper() for name in next(rows, [])]
    if not set(COLUMNS) <= set(header):
        reading.unreadable = _(
            "The file's first line must name the columns CHILD, DOB, IN_TOUCH, ACTIV and ACCOM."
        )
        return reading
    places = {name: header.index(name) for name in COLUMNS}
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        reading.rows += 1
        values = {name: (row[i].strip().upper() if i < len(row) else "") for name, i in places.items()}
        found = check_line(number, values)
        if isinstance(found, Oc3Line):
            reading.lines.append(found)
        else:
            reading.mistakes.extend(found)
    if reading.rows == 0:
        reading.unreadable = _("The file has no lines under its column names.")
    return reading


def check_line(number: int, values: dict[str, str]) -> Oc3Line | list[Mistake]:
    """The line, clean, or every mistake on it."""
    mistakes = [Mistake(number, column, message) for column, message in _field_mistakes(values)]
    if not mistakes:
        mistakes = [Mistake(number, column, message) for column, message in _rule_mistakes(values)]
    if mistakes:
        return mistakes
    born = datetime.strptime(values["DOB"], "%d/%m/%Y").date()
    return Oc3Line(number, values["CHILD"], born, values["IN_TOUCH"], values["ACTIV"], values["ACCOM"])


def _field_mistakes(values: dict[str, str]) -> list[tuple[str, str]]:
    """Fields that are empty or not a code the return uses."""
    found: list[tuple[str, str]] = []
    child, dob = values["CHILD"], values["DOB"]
    in_touch, activity, accommodation = values["IN_TOUCH"], values["ACTIV"], values["ACCOM"]
    if not CHILD_ID.fullmatch(child):
        found.append(("CHILD", _("The child ID must be 1 to 10 letters or numbers.")))
    if _date(dob) is None:
        found.append(("DOB", _("'%(value)s' is not a date written as dd/mm/YYYY.", value=dob)))
    if in_touch not in IN_TOUCH_CODES:
        codes = ", ".join(IN_TOUCH_CODES)
        found.append(
            (
                "IN_TOUCH",
                _("'%(value)s' is not an IN_TOUCH code: use %(codes)s.", value=in_touch, codes=codes),
            )
        )
    if activity not in ACTIVITY_CODES:
        codes = ", ".join(ACTIVITY_CODES)
        found.append(
            ("ACTIV", _("'%(value)s' is not an ACTIV code: use %(codes)s.", value=activity, codes=codes))
        )
    if not is_accommodation_code(accommodation):
        message = _(
            "'%(value)s' is not an ACCOM code: use a letter with 1 (suitable) or 2 (not suitable), or 0.",
            value=accommodation,
        )
        found.append(("ACCOM", message))
    return found


def _rule_mistakes(values: dict[str, str]) -> list[tuple[str, str]]:
    """Well-formed fields that contradict each other."""
    in_touch, activity, accommodation = values["IN_TOUCH"], values["ACTIV"], values["ACCOM"]
    found: list[tuple[str, str]] = []
    status = in_touch_words(in_touch).lower()
    for column, value in (("ACTIV", activity), ("ACCOM", accommodation)):
        if in_touch in NO_ACTIVITY_OR_ACCOMMODATION and value != NOT_KNOWN:
            message = _(
                "IN_TOUCH is %(code)s (%(status)s), so %(column)s must be 0, not %(value)s.",
                code=in_touch,
                status=status,
                column=column,
                value=value,
            )
            found.append((column, message))
        if in_touch == "YES" and value == NOT_KNOWN:
            message = _(
                "IN_TOUCH is YES (in touch), so %(column)s must say what it is, not 0.", column=column
            )
            found.append((column, message))
    if accommodation[:1] in ONLY_UNSUITABLE and accommodation[1:] == "1":
        message = _(
            "%(letter)s (%(words)s) is always recorded as not suitable: use %(letter)s2.",
            letter=accommodation[0],
            words=accommodation_letter_words(accommodation[0]).lower(),
        )
        found.append(("ACCOM", message))
    return found


def _date(value: str) -> date | None:
    try:
        born = datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError:
        return None
    return born if len(value) == 10 else None
