"""Queue an email in the same transaction as the change; send it after commit, retry from jobs."""

import logging
import smtplib
from email.message import EmailMessage

from sqlmodel import Session, col, select

from app.db import utcnow
from app.i18n import gettext as _
from app.notifications.models import Notification
from app.people.models import User
from app.settings import Settings

log = logging.getLogger("checkin.mail")
MAX_ATTEMPTS = 5


def queue_email(session: Session, *, user_ids: list[int], kind: str) -> None:
    """Owe each of these staff an email of this kind (caller commits)."""
    session.add_all(Notification(user_id=user_id, kind=kind) for user_id in sorted(set(user_ids)))


def _message(kind: str, to: str, settings: Settings) -> EmailMessage:
    lines = {
        "escalation": _("An alert in your team has not been picked up. Please sign in to Check-in."),
        "closure": _(
            "A young person you support has asked to close their account. Please sign in to Check-in "
            "and open Closure requests."
        ),
    }
    body = lines.get(kind, _("A young person you support needs you to sign in to Check-in."))
    message = EmailMessage()
    message["Subject"] = _("Check-in: please sign in")
    message["From"] = settings.mail_from
    message["To"] = to
    message.set_content(f"{body}\n\n{settings.public_url.rstrip('/')}/sign-in\n")
    return message


def send_email(message: EmailMessage, settings: Settings) -> None:
    """Send one message through the council's SMTP server now."""
    assert settings.smtp_host
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=10) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_username and settings.smtp_password:
            smtp.login(settings.smtp_username, settings.smtp_password)
        smtp.send_message(message)


def deliver_pending(session: Session, *, settings: Settings) -> int:
    """Send every owed email (when SMTP is configured); returns how many went."""
    if not settings.smtp_host:
        return 0
    pending = session.exec(
        select(Notification, User)
        .join(User, col(User.id) == Notification.user_id)
        .where(col(Notification.sent_at).is_(None), Notification.attempts < MAX_ATTEMPTS)
        .order_by(Notification.id)
    ).all()
    sent = 0
    for notification, user in pending:
        notification.attempts += 1
        if user.email and user.active:
            try:
                send_email(_message(notification.kind, user.email, settings), settings)
            except (OSError, smtplib.SMTPException) as error:
                log.warning("email not sent", extra={"error": type(error).__name__})
                session.add(notification)
                continue
            sent += 1
        notification.sent_at = utcnow()
        session.add(notification)
    session.commit()
    return sent
