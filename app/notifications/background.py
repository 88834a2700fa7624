"""Sending owed emails after the response, so a young person never waits for a mail server."""

from fastapi import BackgroundTasks, FastAPI
from sqlmodel import Session

from app.notifications.mailer import deliver_pending


def _deliver(app: FastAPI) -> None:
    with Session(app.state.engine) as session:
        deliver_pending(session, settings=app.state.settings)


def send_owed_emails(background: BackgroundTasks, app: FastAPI) -> None:
    """After this response, send whatever emails are owed (nothing when SMTP is not set up)."""
    if app.state.settings.smtp_host:
        background.add_task(_deliver, app)
