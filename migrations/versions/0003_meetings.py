"""meetings: away and duty, emails, next meeting, replies, escalation, outbox

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 23:18:16.418003
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("sent_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], name=op.f("fk_notification_user_id_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification")),
    )
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.create_index("ix_notification_unsent", ["sent_at", "id"], unique=False)

    with op.batch_alter_table("check_in", schema=None) as batch_op:
        batch_op.add_column(sa.Column("actions_agreed", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("replied_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_check_in_replied_by_id_user"), "user", ["replied_by_id"], ["id"]
        )

    with op.batch_alter_table("pa_assignment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("next_meeting_on", sa.Date(), nullable=True))

    with op.batch_alter_table("safety_alert", schema=None) as batch_op:
        batch_op.add_column(sa.Column("escalated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("escalated_to_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_safety_alert_escalated_to_id_user"), "user", ["escalated_to_id"], ["id"]
        )

    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True))
        batch_op.add_column(sa.Column("away", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("on_duty", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_column("on_duty")
        batch_op.drop_column("away")
        batch_op.drop_column("email")

    with op.batch_alter_table("safety_alert", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_safety_alert_escalated_to_id_user"), type_="foreignkey")
        batch_op.drop_column("escalated_to_id")
        batch_op.drop_column("escalated_at")

    with op.batch_alter_table("pa_assignment", schema=None) as batch_op:
        batch_op.drop_column("next_meeting_on")

    with op.batch_alter_table("check_in", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_check_in_replied_by_id_user"), type_="foreignkey")
        batch_op.drop_column("replied_by_id")
        batch_op.drop_column("actions_agreed")

    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_index("ix_notification_unsent")

    op.drop_table("notification")
