"""Every table, imported once so alembic and the tests see one registry."""

from app.audit.models import AuditEvent
from app.auth.models import ThrottleHit, UserSession
from app.checkins.models import Answer, CheckIn, Correction, SafetyAlert, TopicResponse
from app.closures.models import ClosureRequest
from app.insights.models import ExportLog, NetworkDecision, TableCacheEntry
from app.jobs.models import ScheduledJob
from app.lifecycle.models import RetentionRun
from app.notifications.models import Notification
from app.people.models import (
    InviteCode,
    Locality,
    Organisation,
    PaAssignment,
    Team,
    User,
    YoungPerson,
)
from app.questions.models import QuestionSet
from app.reminders.models import Reminder, ReminderMessage
from app.sources.models import StatutoryCorrection, StatutoryLoad, StatutoryRecord
from app.themes.models import TopicTheme

__all__ = [
    "Answer",
    "AuditEvent",
    "CheckIn",
    "ClosureRequest",
    "Correction",
    "ExportLog",
    "QuestionSet",
    "Reminder",
    "ReminderMessage",
    "RetentionRun",
    "SafetyAlert",
    "TableCacheEntry",
    "ScheduledJob",
    "StatutoryCorrection",
    "StatutoryLoad",
    "StatutoryRecord",
    "TopicResponse",
    "InviteCode",
    "Locality",
    "NetworkDecision",
    "Notification",
    "Organisation",
    "PaAssignment",
    "Team",
    "ThrottleHit",
    "TopicTheme",
    "User",
    "UserSession",
    "YoungPerson",
]
