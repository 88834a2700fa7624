"""account closure: a young person's request to close their account, and who confirmed it

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 00:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "closure_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("requested_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("confirmed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("confirmed_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["confirmed_by_id"], ["user.id"], name=op.f("fk_closure_request_confirmed_by_id_user")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_closure_request_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_person.id"],
            name=op.f("fk_closure_request_young_person_id_young_person"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closure_request")),
    )
    op.create_index(op.f("ix_closure_request_organisation_id"), "closure_request", ["organisation_id"])
    op.create_index(op.f("ix_closure_request_young_person_id"), "closure_request", ["young_person_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_closure_request_young_person_id"), table_name="closure_request")
    op.drop_index(op.f("ix_closure_request_organisation_id"), table_name="closure_request")
    op.drop_table("closure_request")
