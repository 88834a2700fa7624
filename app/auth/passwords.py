"""Hashing and checking passphrases with argon2id; the only module that imports passlib."""

import unicodedata

from passlib.context import CryptContext

_context = CryptContext(schemes=["argon2"], deprecated="auto", argon2__type="ID")
_DUMMY_HASH = _context.hash("a passphrase nobody has, used to even out timing")


def _normal(passphrase: str) -> str:
    return unicodedata.normalize("NFC", passphrase)


def hash_passphrase(passphrase: str) -> str:
    """An argon2id hash of the passphrase, salted and with the current cost."""
    return _context.hash(_normal(passphrase))


def verify_passphrase(passphrase: str, stored_hash: str | None) -> tuple[bool, str | None]:
    """Whether the passphrase matches, and a new hash when the stored one uses old parameters.

    With no stored hash (unknown user), or one that cannot be checked (bulk-loaded accounts hold
    "!"), a dummy hash is checked so the answer and the time taken are the ordinary ones.
    """
    if stored_hash and _context.identify(stored_hash):
        try:
            return _context.verify_and_update(_normal(passphrase), stored_hash)
        except ValueError:
            pass
    _context.verify(_normal(passphrase), _DUMMY_HASH)
    return False, None
