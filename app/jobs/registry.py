"""The jobs the service runs by itself. To add one, add one Job to JOBS.

A job is a function `run(session, now, settings) -> int` (how many things it did) that is safe to
run again: the scheduler runs each job at most once per `every` across all app processes, and
`checkin jobs run` runs them all at once.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from app.checkins.settled_alerts import raise_rested_risk_alerts
from app.i18n import gettext as _
from app.lifecycle.retention import run_retention
from app.meetings.alert_desk import escalate_due
from app.notifications.mailer import deliver_pending
from app.reminders.sending import run_reminders
from app.settings import Settings

JobFunction = Callable[[Session, datetime, Settings], int]


@dataclass(frozen=True)
class Job:
    name: str  # stable key, stored in scheduled_job.name (at most 40 characters)
    title: Callable[[], str]  # what the job does, in the reader's language
    every: timedelta
    run: JobFunction


def escalate_unacknowledged_alerts(session: Session, now: datetime, settings: Settings) -> int:
    return escalate_due(session, after_minutes=settings.alert_escalation_minutes, now=now)


def send_owed_email(session: Session, _now: datetime, settings: Settings) -> int:
    return deliver_pending(session, settings=settings)


def delete_unshared_check_ins(session: Session, now: datetime, settings: Settings) -> int:
    return run_retention(session, keep_days=settings.retention_unshared_days, now=now).check_ins_deleted


JOBS: tuple[Job, ...] = (
    Job(
        "escalation",
        lambda: _("Escalating safety alerts nobody picked up"),
        timedelta(minutes=1),
        escalate_unacknowledged_alerts,
    ),
    Job("email", lambda: _("Sending owed email"), timedelta(minutes=1), send_owed_email),
    Job(
        "retention",
        lambda: _("Deleting check-ins never shared"),
        timedelta(hours=1),
        delete_unshared_check_ins,
    ),
    Job(
        "rested_risk_alerts",
        lambda: _("Raising safety alerts for risk answers left unsaved"),
        timedelta(minutes=1),
        raise_rested_risk_alerts,
    ),
    Job(
        "reminders",
        lambda: _("Sending the reminders young people asked for"),
        timedelta(minutes=1),
        run_reminders,
    ),
)
