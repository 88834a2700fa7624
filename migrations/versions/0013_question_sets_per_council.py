"""question sets per council: a set belongs to a council (or is shared by all) and names who published it

Revision ID: 0013_question_sets_per_council
Revises: 0012_network_admin_role
Create Date: 2026-12-06 02:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_question_sets_per_council"
down_revision: str | None = "0012_network_admin_role"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("question_set", schema=None) as batch_op:
        batch_op.add_column(sa.Column("organisation_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("published_by_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_question_set_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_question_set_organisation_id_organisation"),
            "organisation",
            ["organisation_id"],
            ["id"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_question_set_published_by_id_user"), "user", ["published_by_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("question_set", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_question_set_published_by_id_user"), type_="foreignkey")
        batch_op.drop_constraint(
            batch_op.f("fk_question_set_organisation_id_organisation"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_question_set_organisation_id"))
        batch_op.drop_column("published_by_id")
        batch_op.drop_column("organisation_id")
