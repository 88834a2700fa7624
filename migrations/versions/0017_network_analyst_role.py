"""network analyst role: a user's role may be network_analyst (sees the network tables of opted-in councils)

Revision ID: 0017_network_analyst_role
Revises: 0016_insights_table_cache
Create Date: 2026-12-06 03:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_network_analyst_role"
down_revision: str | None = "0016_insights_table_cache"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = "role IN ('young_person', 'pa', 'manager', 'analyst', 'admin', 'network_admin')"
AFTER = "role IN ('young_person', 'pa', 'manager', 'analyst', 'admin', 'network_admin', 'network_analyst')"


def _sqlite_role_check(old: str, new: str) -> None:
    """SQLite cannot alter a CHECK constraint, and rebuilding "user" trips every foreign key that
    points at it; so its stored CREATE TABLE is edited in place, the procedure SQLite documents for
    changing CHECK constraints (ALTER TABLE, "Making Other Kinds Of Table Schema Changes")."""
    bind = op.get_bind()
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.execute(
        sa.text(
            "UPDATE sqlite_master SET sql = replace(sql, :old, :new) WHERE type = 'table' AND name = 'user'"
        ),
        {"old": old, "new": new},
    )
    stored = bind.execute(sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'user'"))
    if new not in stored.scalar_one():
        raise RuntimeError("The user table's role check is not the one this migration expects.")
    bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def _role_check(old: str, new: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_role_check(old, new)
        return
    op.drop_constraint(op.f("ck_user_role_known"), "user", type_="check")
    op.create_check_constraint("role_known", "user", new)


def upgrade() -> None:
    _role_check(BEFORE, AFTER)


def downgrade() -> None:
    found = op.get_bind().execute(sa.text("SELECT count(*) FROM \"user\" WHERE role = 'network_analyst'"))
    if found.scalar_one():
        raise RuntimeError("Network analyst accounts exist: an older version could not hold them.")
    _role_check(AFTER, BEFORE)
