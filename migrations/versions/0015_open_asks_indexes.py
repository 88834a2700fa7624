"""partial indexes for open asks: check-ins met about, topics asked to talk about

The caseload asks, for every sent check-in of the caseload, whether the young person asked to talk
about something and no later check-in has actions agreed. Both are rare: these partial indexes hold
only those rows, so each check is one seek into a small index (SQLite walked every later check-in).

Revision ID: 0015_open_asks_indexes
Revises: 0014_reminders
Create Date: 2026-12-06 02:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_open_asks_indexes"
down_revision: str | None = "0014_reminders"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    met = sa.text("actions_agreed IS NOT NULL")
    op.create_index(
        "ix_check_in_met_about",
        "check_in",
        ["young_person_id", "submitted_at"],
        sqlite_where=met,
        postgresql_where=met,
    )
    op.create_index(
        "ix_topic_response_talk_about",
        "topic_response",
        ["check_in_id"],
        sqlite_where=sa.text("talk_about IS 1"),
        postgresql_where=sa.text("talk_about IS true"),
    )


def downgrade() -> None:
    op.drop_index("ix_topic_response_talk_about", table_name="topic_response")
    op.drop_index("ix_check_in_met_about", table_name="check_in")
