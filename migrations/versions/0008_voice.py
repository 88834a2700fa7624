"""safety alerts carry the young person's follow-up answer and a note when the answer changed

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 00:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("safety_alert") as batch:
        batch.add_column(
            sa.Column("follow_up_question_key", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True)
        )
        batch.add_column(
            sa.Column("follow_up_option_key", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True)
        )
        batch.add_column(sa.Column("answer_changed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("safety_alert") as batch:
        batch.drop_column("answer_changed_at")
        batch.drop_column("follow_up_option_key")
        batch.drop_column("follow_up_question_key")
