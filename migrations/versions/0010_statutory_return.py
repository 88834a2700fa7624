"""statutory return (SSDA903 OC3): council child IDs, loads, matched records, corrections

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 02:43:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "statutory_load",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("loaded_by_id", sa.Integer(), nullable=True),
        sa.Column("via", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("loaded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("file_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("rows_in_file", sa.Integer(), nullable=False),
        sa.Column("rows_loaded", sa.Integer(), nullable=False),
        sa.Column("rows_unmatched", sa.Integer(), nullable=False),
        sa.Column("rows_with_mistakes", sa.Integer(), nullable=False),
        sa.CheckConstraint("via IN ('screen', 'command')", name=op.f("ck_statutory_load_via_known")),
        sa.ForeignKeyConstraint(
            ["loaded_by_id"], ["user.id"], name=op.f("fk_statutory_load_loaded_by_id_user")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_statutory_load_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statutory_load")),
    )
    with op.batch_alter_table("statutory_load", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_statutory_load_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "statutory_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("load_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("in_touch", sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
        sa.Column("activity", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.Column("accommodation", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["load_id"], ["statutory_load.id"], name=op.f("fk_statutory_record_load_id_statutory_load")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_statutory_record_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_person.id"],
            name=op.f("fk_statutory_record_young_person_id_young_person"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statutory_record")),
    )
    with op.batch_alter_table("statutory_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_statutory_record_load_id"), ["load_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_statutory_record_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index("ix_statutory_record_person_load", ["young_person_id", "load_id"], unique=False)

    op.create_table(
        "statutory_correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["statutory_record.id"],
            name=op.f("fk_statutory_correction_record_id_statutory_record"),
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_person.id"],
            name=op.f("fk_statutory_correction_young_person_id_young_person"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statutory_correction")),
    )
    with op.batch_alter_table("statutory_correction", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_statutory_correction_record_id"), ["record_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_statutory_correction_young_person_id"), ["young_person_id"], unique=False
        )

    with op.batch_alter_table("young_person", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("council_child_id", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True)
        )
        batch_op.create_index(
            "ix_young_person_org_child_id", ["organisation_id", "council_child_id"], unique=True
        )


def downgrade() -> None:
    with op.batch_alter_table("young_person", schema=None) as batch_op:
        batch_op.drop_index("ix_young_person_org_child_id")
        batch_op.drop_column("council_child_id")

    with op.batch_alter_table("statutory_correction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statutory_correction_young_person_id"))
        batch_op.drop_index(batch_op.f("ix_statutory_correction_record_id"))

    op.drop_table("statutory_correction")
    with op.batch_alter_table("statutory_record", schema=None) as batch_op:
        batch_op.drop_index("ix_statutory_record_person_load")
        batch_op.drop_index(batch_op.f("ix_statutory_record_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_statutory_record_load_id"))

    op.drop_table("statutory_record")
    with op.batch_alter_table("statutory_load", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statutory_load_organisation_id"))

    op.drop_table("statutory_load")
