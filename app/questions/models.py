"""Question set versions as stored: the validated definition, kept whole for every version."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from app.db import utcnow


class QuestionSet(SQLModel, table=True):
    """One published version of the questions; check-ins keep the version they were asked in.

    Version numbers are unique across councils, so a check-in's version names one set.
    """

    __tablename__ = "question_set"

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(unique=True)
    # None: the shared set, used by every council without its own; else the council's own set.
    organisation_id: int | None = Field(default=None, foreign_key="organisation.id", index=True)
    published_by_id: int | None = Field(default=None, foreign_key="user.id")
    definition: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    source_sha256: str = Field(max_length=64)
    loaded_at: datetime = Field(default_factory=utcnow)
