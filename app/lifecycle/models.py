"""A record of each retention run: when, and how many check-ins went; never what they held."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.db import utcnow


class RetentionRun(SQLModel, table=True):
    """One run of the retention job."""

    __tablename__ = "retention_run"

    id: int | None = Field(default=None, primary_key=True)
    ran_at: datetime = Field(default_factory=utcnow)
    check_ins_deleted: int = 0
