"""insights table cache: the query results of closed periods' tables, kept once asked for

Revision ID: 0016_insights_table_cache
Revises: 0015_open_asks_indexes
Create Date: 2026-12-06 03:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0016_insights_table_cache"
down_revision: str | None = "0015_open_asks_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "insights_table_cache",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("period", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("period_end", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("question_set_version", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("query_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_insights_table_cache_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insights_table_cache")),
        sa.UniqueConstraint(
            "organisation_id",
            "period",
            "question_set_version",
            "code",
            "query_hash",
            name="uq_table_cache_key",
        ),
    )
    op.create_index("ix_table_cache_org_end", "insights_table_cache", ["organisation_id", "period_end"])


def downgrade() -> None:
    op.drop_index("ix_table_cache_org_end", table_name="insights_table_cache")
    op.drop_table("insights_table_cache")
