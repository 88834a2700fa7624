"""The SSDA903 care-leaver (OC3) codes and what each means in plain words.

From DfE's SSDA903 guidance, as the open validators (data-to-insight/csc-validator-be-903) read it.
"""

from app.i18n import gettext as _

IN_TOUCH_CODES = ("YES", "NO", "DIED", "REFU", "NREQ", "RHOM")
ACTIVITY_CODES = ("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0")
ACCOMMODATION_LETTERS = "BCDEGHKRSTUVWXYZ"
ONLY_UNSUITABLE = "SX"
NOT_KNOWN = "0"
NO_ACTIVITY_OR_ACCOMMODATION = ("DIED", "RHOM")


def in_touch_words(code: str) -> str:
    """IN_TOUCH in words."""
    words = {
        "YES": _("In touch"),
        "NO": _("Not in touch"),
        "DIED": _("Died"),
        "REFU": _("Refuses contact"),
        "NREQ": _("No longer needs services"),
        "RHOM": _("Returned home for 6 months or more"),
    }
    return words.get(code, code)


def activity_words(code: str) -> str:
    """ACTIV in words."""
    kinds = {
        "1": _("Higher education"),
        "2": _("Other education"),
        "4": _("Apprenticeship"),
        "5": _("Training or employment (not an apprenticeship)"),
    }
    if code == NOT_KNOWN:
        return _("Not known")
    if len(code) == 2 and code[0] in "FP" and code[1] in kinds:
        hours = _("full time") if code[0] == "F" else _("part time")
        return f"{kinds[code[1]]}, {hours}"
    neet = {
        "G4": _("Not in education, employment or training: illness or disability"),
        "G5": _("Not in education, employment or training: other reasons"),
        "G6": _("Not in education, employment or training: pregnancy or parenting"),
    }
    return neet.get(code, code)


def accommodation_letter_words(letter: str) -> str:
    """An ACCOM letter in words (without its suitability)."""
    words = {
        "B": _("With parents or relatives"),
        "C": _("Community home or other residential care"),
        "D": _("Semi-independent or supported accommodation"),
        "E": _("Supported lodgings"),
        "G": _("Gone abroad"),
        "H": _("Deported"),
        "K": _("Ordinary lodgings"),
        "R": _("Residence not known"),
        "S": _("No fixed abode or homeless"),
        "T": _("Foyer"),
        "U": _("Independent living"),
        "V": _("Emergency accommodation"),
        "W": _("Bed and breakfast"),
        "X": _("In custody"),
        "Y": _("Other accommodation"),
        "Z": _("With former foster carers (Staying Put)"),
    }
    return words.get(letter, letter)


def suitability_words(digit: str) -> str:
    """The ACCOM suitability digit in words."""
    return {"1": _("suitable"), "2": _("not suitable")}.get(digit, digit)


def accommodation_words(code: str) -> str:
    """ACCOM (letter and suitability) in words."""
    if code == NOT_KNOWN:
        return _("Not known")
    return f"{accommodation_letter_words(code[0])} ({suitability_words(code[1:])})"


def is_accommodation_code(code: str) -> bool:
    """A well-formed ACCOM code: 0, or a known letter with 1 or 2 (S1 and X1 break a rule, not the form)."""
    if code == NOT_KNOWN:
        return True
    return len(code) == 2 and code[0] in ACCOMMODATION_LETTERS and code[1] in "12"
