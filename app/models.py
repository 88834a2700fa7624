"""Every table, imported once so alembic and the tests see one registry."""

from app.audit.models import AuditEvent
from app.auth.models import ThrottleHit, UserSession
from app.people.models import (
    InviteCode,
    Locality,
    Organisation,
    PaAssignment,
    Team,
    User,
    YoungPerson,
)

__all__ = [
    "AuditEvent",
    "InviteCode",
    "Locality",
    "Organisation",
    "PaAssignment",
    "Team",
    "ThrottleHit",
    "User",
    "UserSession",
    "YoungPerson",
]
