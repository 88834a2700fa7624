"""The insights records: every download logged, network decisions, the kept results of closed periods."""

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, Text, UniqueConstraint
from sqlmodel import Column, Field, SQLModel

from app.db import utcnow


class ExportLog(SQLModel, table=True):
    """One download of an approved table; the application only ever adds rows."""

    __tablename__ = "export_log"
    __table_args__ = (
        Index("ix_export_log_org_created", "organisation_id", "created_at"),
        CheckConstraint("file_format IN ('csv', 'xlsx', 'json')", name="file_format_known"),
    )

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id")
    user_id: int = Field(foreign_key="user.id")
    table_key: str = Field(max_length=80)
    period: str = Field(max_length=10)
    file_format: str = Field(max_length=5)
    sha256: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)


class NetworkDecision(SQLModel, table=True):
    """A council's decision to share its tables with the network, or to stop; the latest one counts."""

    __tablename__ = "network_decision"
    __table_args__ = (Index("ix_network_decision_org_decided", "organisation_id", "decided_at"),)

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id")
    opted_in: bool
    decided_by_id: int | None = Field(default=None, foreign_key="user.id")
    decided_at: datetime = Field(default_factory=utcnow)


class TableCacheEntry(SQLModel, table=True):
    """The result of one of a table's queries for a closed period, kept so it is not asked again.

    See app/insights/table_cache.py: keyed by council, period, question set version and the code of
    the queries; removed when something changes the answers of the period.
    """

    __tablename__ = "insights_table_cache"
    __table_args__ = (
        UniqueConstraint(
            "organisation_id",
            "period",
            "question_set_version",
            "code",
            "query_hash",
            name="uq_table_cache_key",
        ),
        Index("ix_table_cache_org_end", "organisation_id", "period_end"),
    )

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id")
    period: str = Field(max_length=10)
    period_end: datetime
    question_set_version: int
    code: str = Field(max_length=16)
    query_hash: str = Field(max_length=64)
    query: str = Field(sa_column=Column(Text, nullable=False))
    result: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
