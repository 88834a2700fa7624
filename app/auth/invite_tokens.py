"""A short-lived signed note that the code and date of birth were right, carried between steps."""

import hmac
import time

from app.auth.tokens import keyed_hash

LIFETIME_SECONDS = 30 * 60


def sign_invite_step(secret: str, invite_id: int) -> str:
    """A token naming the checked invite, valid for half an hour."""
    expires = int(time.time()) + LIFETIME_SECONDS
    body = f"{invite_id}.{expires}"
    return f"{body}.{keyed_hash(secret, 'invite-step', body)}"


def read_invite_step(secret: str, token: str) -> int | None:
    """The invite id from a valid, unexpired token, or None."""
    parts = token.split(".")
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
        return None
    body = f"{parts[0]}.{parts[1]}"
    if not hmac.compare_digest(parts[2], keyed_hash(secret, "invite-step", body)):
        return None
    if int(parts[1]) < time.time():
        return None
    return int(parts[0])
