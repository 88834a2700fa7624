"""check-ins by young person, newest first: the caseload reads each one's latest two

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 02:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_check_in_young_person_sent", "check_in", ["young_person_id", "submitted_at"])


def downgrade() -> None:
    op.drop_index("ix_check_in_young_person_sent", table_name="check_in")
