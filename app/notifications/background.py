"""Sending owed emails after the response, so a young person never waits for a mail server."""

import logging

from fastapi import BackgroundTasks, FastAPI
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from app.notifications.mailer import deliver_pending

log = logging.getLogger("checkin.mail")


def _deliver(app: FastAPI) -> None:
    """Send what is owed; if the database goes away meanwhile, the email job sends it later."""
    try:
        with Session(app.state.engine) as session:
            deliver_pending(session, settings=app.state.settings)
    except SQLAlchemyError as error:
        log.warning("owed email left for the jobs", extra={"error": type(error).__name__})


def send_owed_emails(background: BackgroundTasks, app: FastAPI) -> None:
    """After this response, send whatever emails are owed (nothing when SMTP is not set up)."""
    if app.state.settings.smtp_host:
        background.add_task(_deliver, app)
