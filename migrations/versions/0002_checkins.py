"""check-ins, answers, sharing, safety alerts, question sets

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 23:11:58.338840
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "question_set",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("definition", sa.JSON(), nullable=False),
        sa.Column("source_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("loaded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_question_set")),
        sa.UniqueConstraint("version", name=op.f("uq_question_set_version")),
    )
    op.create_table(
        "check_in",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("question_set_version", sa.Integer(), nullable=False),
        sa.Column("mode", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("started_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("submitted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("talk_about_words", sa.Text(), nullable=True),
        sa.Column("going_well", sa.Text(), nullable=True),
        sa.Column("seen_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("seen_by_id", sa.Integer(), nullable=True),
        sa.Column("reply", sa.Text(), nullable=True),
        sa.Column("replied_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.CheckConstraint("mode IN ('quick', 'full')", name=op.f("ck_check_in_mode_known")),
        sa.CheckConstraint("status IN ('draft', 'submitted')", name=op.f("ck_check_in_status_known")),
        sa.ForeignKeyConstraint(["seen_by_id"], ["user.id"], name=op.f("fk_check_in_seen_by_id_user")),
        sa.ForeignKeyConstraint(
            ["young_person_id"], ["young_person.id"], name=op.f("fk_check_in_young_person_id_young_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_in")),
    )
    with op.batch_alter_table("check_in", schema=None) as batch_op:
        batch_op.create_index("ix_check_in_young_person_status", ["young_person_id", "status"], unique=False)

    op.create_table(
        "answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("check_in_id", sa.Integer(), nullable=False),
        sa.Column("topic_key", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("question_key", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("option_key", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "number IS NULL OR (number >= 0 AND number <= 10)", name=op.f("ck_answer_number_range")
        ),
        sa.ForeignKeyConstraint(
            ["check_in_id"], ["check_in.id"], name=op.f("fk_answer_check_in_id_check_in")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answer")),
        sa.UniqueConstraint("check_in_id", "question_key", "option_key", name="uq_answer_one_each"),
    )
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_answer_check_in_id"), ["check_in_id"], unique=False)

    op.create_table(
        "correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("check_in_id", sa.Integer(), nullable=False),
        sa.Column("topic_key", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["check_in_id"], ["check_in.id"], name=op.f("fk_correction_check_in_id_check_in")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_correction")),
    )
    with op.batch_alter_table("correction", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_correction_check_in_id"), ["check_in_id"], unique=False)

    op.create_table(
        "safety_alert",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("check_in_id", sa.Integer(), nullable=True),
        sa.Column("question_key", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("option_key", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("raised_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("pa_id", sa.Integer(), nullable=True),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("seen_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("acknowledged_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("acknowledged_by_id", sa.Integer(), nullable=True),
        sa.Column("action_taken", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["acknowledged_by_id"], ["user.id"], name=op.f("fk_safety_alert_acknowledged_by_id_user")
        ),
        sa.ForeignKeyConstraint(
            ["check_in_id"], ["check_in.id"], name=op.f("fk_safety_alert_check_in_id_check_in")
        ),
        sa.ForeignKeyConstraint(["pa_id"], ["user.id"], name=op.f("fk_safety_alert_pa_id_user")),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], name=op.f("fk_safety_alert_team_id_team")),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_person.id"],
            name=op.f("fk_safety_alert_young_person_id_young_person"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safety_alert")),
        sa.UniqueConstraint("check_in_id", "question_key", name="uq_safety_alert_once"),
    )
    with op.batch_alter_table("safety_alert", schema=None) as batch_op:
        batch_op.create_index("ix_safety_alert_pa_open", ["pa_id", "acknowledged_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_safety_alert_young_person_id"), ["young_person_id"], unique=False
        )

    op.create_table(
        "topic_response",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("check_in_id", sa.Integer(), nullable=False),
        sa.Column("topic_key", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("skipped", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("shared", sa.Boolean(), nullable=True),
        sa.Column("shared_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("talk_about", sa.Boolean(), nullable=False),
        sa.Column("saved_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["check_in_id"], ["check_in.id"], name=op.f("fk_topic_response_check_in_id_check_in")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topic_response")),
        sa.UniqueConstraint("check_in_id", "topic_key", name="uq_topic_response_once"),
    )
    with op.batch_alter_table("topic_response", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_topic_response_check_in_id"), ["check_in_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("topic_response", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_topic_response_check_in_id"))

    op.drop_table("topic_response")
    with op.batch_alter_table("safety_alert", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_safety_alert_young_person_id"))
        batch_op.drop_index("ix_safety_alert_pa_open")

    op.drop_table("safety_alert")
    with op.batch_alter_table("correction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_correction_check_in_id"))

    op.drop_table("correction")
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_answer_check_in_id"))

    op.drop_table("answer")
    with op.batch_alter_table("check_in", schema=None) as batch_op:
        batch_op.drop_index("ix_check_in_young_person_status")

    op.drop_table("check_in")
    op.drop_table("question_set")
