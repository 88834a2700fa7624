"""Passphrase hashing (argon2id) and the rules for choosing one."""

import pytest

from app.auth.credential_rules import passphrase_problem, username_problem
from app.auth.passwords import hash_passphrase, verify_passphrase


def test_passphrases_are_hashed_with_argon2id_at_owasp_cost():
    stored = hash_passphrase("kettle orbit lantern")
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert "kettle" not in stored
    assert hash_passphrase("kettle orbit lantern") != stored


def test_verification_accepts_only_the_same_passphrase():
    stored = hash_passphrase("kettle orbit lantern 🌙")
    assert verify_passphrase("kettle orbit lantern 🌙", stored)[0]
    assert not verify_passphrase("kettle orbit lantern", stored)[0]
    assert not verify_passphrase("anything", None)[0]


@pytest.mark.parametrize(
    "passphrase",
    ["kettle orbit lantern", "a" * 8 + " 🌙🌙", "x" * 64, "tea, toast & jam!", "ça va très bien"],
)
def test_long_spaced_emoji_and_accented_passphrases_are_allowed(passphrase):
    assert passphrase_problem(passphrase) is None


@pytest.mark.parametrize(
    ("passphrase", "message"),
    [
        ("short", "at least 8 characters"),
        ("Password123", "too easy to guess"),
        ("qwerty uiop", "too easy to guess"),
        ("iloveyou!!", "too easy to guess"),
        ("Check-in 2026", "too easy to guess"),
        ("x" * 257, "256 characters or fewer"),
    ],
)
def test_short_common_and_service_passphrases_are_refused(passphrase, message):
    assert message in (passphrase_problem(passphrase) or "")


def test_the_username_cannot_be_the_passphrase():
    assert passphrase_problem("river.maple99", context_words=("river.maple",)) is not None


@pytest.mark.parametrize("username", ["ab", "has space", "émile", "-start", "x" * 41])
def test_usernames_must_be_simple(username):
    assert username_problem(username) is not None


def test_a_plain_username_is_fine():
    assert username_problem("river.maple_99") is None
