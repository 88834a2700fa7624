"""The council's statutory records: each load of an OC3 extract, its matched rows, and corrections."""

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, Text
from sqlmodel import Column, Field, SQLModel

from app.db import utcnow


class StatutoryLoad(SQLModel, table=True):
    """One OC3 file loaded: who, when, the file's SHA-256 and how its rows went."""

    __tablename__ = "statutory_load"
    __table_args__ = (CheckConstraint("via IN ('screen', 'command')", name="via_known"),)

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    loaded_by_id: int | None = Field(default=None, foreign_key="user.id")
    via: str = Field(max_length=10)
    loaded_at: datetime = Field(default_factory=utcnow)
    file_sha256: str = Field(max_length=64)
    rows_in_file: int
    rows_loaded: int
    rows_unmatched: int
    rows_with_mistakes: int


class StatutoryRecord(SQLModel, table=True):
    """One young person's OC3 line from a load: in touch, activity (ACTIV), accommodation (ACCOM)."""

    __tablename__ = "statutory_record"
    __table_args__ = (Index("ix_statutory_record_person_load", "young_person_id", "load_id"),)

    id: int | None = Field(default=None, primary_key=True)
    load_id: int = Field(foreign_key="statutory_load.id", index=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    young_person_id: int = Field(foreign_key="young_person.id")
    in_touch: str = Field(max_length=4)
    activity: str = Field(max_length=2)
    accommodation: str = Field(max_length=2)


class StatutoryCorrection(SQLModel, table=True):
    """A young person saying, in their own words, that what the council recorded is not right."""

    __tablename__ = "statutory_correction"

    id: int | None = Field(default=None, primary_key=True)
    record_id: int = Field(foreign_key="statutory_record.id", index=True)
    young_person_id: int = Field(foreign_key="young_person.id", index=True)
    words: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
