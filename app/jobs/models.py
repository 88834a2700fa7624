"""One row per scheduled job: its lock, when it last started and finished, and how many runs."""

from datetime import datetime

from sqlmodel import Field, SQLModel


class ScheduledJob(SQLModel, table=True):
    """A job's lock row; a process runs the job only after claiming this row (see runner)."""

    __tablename__ = "scheduled_job"

    name: str = Field(primary_key=True, max_length=40)
    last_started_at: datetime | None = None
    last_finished_at: datetime | None = None
    last_failed: bool = False
    runs: int = 0
