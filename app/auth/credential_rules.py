"""Rules for usernames and passphrases: long enough, not common, not about this service."""

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from app.i18n import gettext as _

MIN_LENGTH = 8
MAX_LENGTH = 256
_DENY_FILE = Path(__file__).parent / "data" / "common-passphrases.txt"
_SERVICE_WORDS = ("checkin", "check in", "check-in", "council", "leaving care", "personal adviser")


def _squash(text: str) -> str:
    return re.sub(r"[\s\-_.]+", "", unicodedata.normalize("NFKC", text).casefold())


@lru_cache
def _common() -> frozenset[str]:
    lines = _DENY_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(_squash(line) for line in lines if line and not line.startswith("#"))


def passphrase_problem(passphrase: str, *, context_words: tuple[str, ...] = ()) -> str | None:
    """A message saying what is wrong with the passphrase, or None when it can be used."""
    length = len(unicodedata.normalize("NFC", passphrase))
    if length < MIN_LENGTH:
        return _("Your passphrase must be at least 8 characters. Try three random words.")
    if length > MAX_LENGTH:
        return _("Your passphrase must be 256 characters or fewer.")
    squashed = _squash(passphrase)
    stem = re.sub(r"[\d\W]+$", "", squashed)
    banned = _common() | {_squash(w) for w in _SERVICE_WORDS + context_words if w}
    if squashed in banned or stem in banned:
        return _("That passphrase is too easy to guess. Try three random words, like 'kettle orbit lantern'.")
    return None


USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{2,39}$")


def username_problem(username: str) -> str | None:
    """A message saying what is wrong with a (normalised) username, or None."""
    if not username:
        return _("Enter a username")
    if not USERNAME_PATTERN.fullmatch(username):
        return _(
            "Use 3 to 40 letters or numbers for your username. You can also use dots, dashes and underscores."
        )
    return None
