"""Random secrets and keyed hashes: session ids, CSRF tokens, lookup hashes."""

import hashlib
import hmac
import secrets


def random_token() -> str:
    """A random 256-bit value, URL-safe."""
    return secrets.token_urlsafe(32)


def sha256(value: str) -> str:
    """The SHA-256 of a value, hex."""
    return hashlib.sha256(value.encode()).hexdigest()


def keyed_hash(secret: str, purpose: str, value: str) -> str:
    """An HMAC-SHA256 of value for one purpose, so stored keys reveal nothing and do not mix."""
    return hmac.new(secret.encode(), f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def csrf_token(secret: str, cookie_value: str) -> str:
    """A fresh CSRF token for a browser's cookie; masked with a nonce so no two pages repeat it."""
    nonce = secrets.token_hex(8)
    return nonce + keyed_hash(secret, "csrf", nonce + cookie_value)


def csrf_token_matches(secret: str, token: str, cookie_values: list[str]) -> bool:
    """Whether the token was made by csrf_token for one of this browser's cookies."""
    nonce, mac = token[:16], token[16:]
    return any(
        hmac.compare_digest(mac, keyed_hash(secret, "csrf", nonce + value))
        for value in cookie_values
        if value
    )
