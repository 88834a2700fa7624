"""topic themes: the themes a young person (or their PA) confirmed for a topic of a check-in

Revision ID: 0018_topic_theme
Revises: 0017_network_analyst_role
Create Date: 2026-12-06 02:44:09
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0018_topic_theme"
down_revision: str | None = "0017_network_analyst_role"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "topic_theme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("check_in_id", sa.Integer(), nullable=False),
        sa.Column("topic_key", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("theme_key", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("added_by", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.Column("catalogue_version", sa.Integer(), nullable=False),
        sa.Column("added_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.CheckConstraint("added_by IN ('young_person', 'pa')", name=op.f("ck_topic_theme_added_by_known")),
        sa.ForeignKeyConstraint(["added_by_id"], ["user.id"], name=op.f("fk_topic_theme_added_by_id_user")),
        sa.ForeignKeyConstraint(
            ["check_in_id"], ["check_in.id"], name=op.f("fk_topic_theme_check_in_id_check_in")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topic_theme")),
        sa.UniqueConstraint("check_in_id", "topic_key", "theme_key", name="uq_topic_theme_once"),
    )
    with op.batch_alter_table("topic_theme", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_topic_theme_check_in_id"), ["check_in_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_topic_theme_theme_key"), ["theme_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("topic_theme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_topic_theme_theme_key"))
        batch_op.drop_index(batch_op.f("ix_topic_theme_check_in_id"))

    op.drop_table("topic_theme")
