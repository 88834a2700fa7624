"""The schema is made only by migrations: upgrade head matches the models; downgrade empties it."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlmodel import SQLModel

from app import migrate
from app.db import make_engine
from tests.conftest import postgres_url


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_engine(request, tmp_path):
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'migrations.db'}")
    else:
        engine = make_engine(postgres_url() or "")
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    yield engine
    if request.param == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        SQLModel.metadata.create_all(engine)
    engine.dispose()


def _differences(engine: Engine) -> list:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, SQLModel.metadata)


def test_upgrade_head_on_an_empty_database_matches_the_models_exactly(empty_engine):
    migrate.upgrade(empty_engine)
    assert _differences(empty_engine) == []


def test_downgrade_base_removes_every_table(empty_engine):
    migrate.upgrade(empty_engine)
    migrate.downgrade(empty_engine)
    assert set(inspect(empty_engine).get_table_names()) <= {"alembic_version"}


def test_upgrade_after_downgrade_works_again(empty_engine):
    migrate.upgrade(empty_engine)
    migrate.downgrade(empty_engine)
    migrate.upgrade(empty_engine)
    assert _differences(empty_engine) == []


def test_the_database_itself_refuses_to_change_the_audit_trail(empty_engine):
    migrate.upgrade(empty_engine)
    with empty_engine.begin() as connection:
        connection.execute(
            text("INSERT INTO organisation (name, created_at) VALUES ('A', CURRENT_TIMESTAMP)")
        )
        connection.execute(
            text(
                "INSERT INTO audit_event (organisation_id, action, created_at) VALUES (1, 'x', CURRENT_TIMESTAMP)"
            )
        )
    for statement in ("UPDATE audit_event SET action = 'y'", "DELETE FROM audit_event"):
        with pytest.raises(Exception, match="append-only"), empty_engine.begin() as connection:
            connection.execute(text(statement))


USER_ROW = (
    'INSERT INTO "user" (organisation_id, username, password_hash, role, display_name, active, away,'
    " on_duty, created_at) VALUES (1, :username, 'x', :role, 'A', true, false, false, CURRENT_TIMESTAMP)"
)


def test_the_network_admin_role_arrives_with_every_row_pointing_at_users_kept(empty_engine):
    migrate.upgrade(empty_engine, "0011_network_decision")
    with empty_engine.begin() as connection:
        connection.execute(
            text("INSERT INTO organisation (name, created_at) VALUES ('A', CURRENT_TIMESTAMP)")
        )
        connection.execute(text(USER_ROW), {"username": "ada", "role": "admin"})
        connection.execute(
            text(
                "INSERT INTO user_session (token_hash, user_id, created_at, last_seen_at)"
                " VALUES ('h', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
    migrate.upgrade(empty_engine)
    with empty_engine.begin() as connection:
        connection.execute(text(USER_ROW), {"username": "nat", "role": "network_admin"})
        assert connection.execute(text("SELECT count(*) FROM user_session")).scalar_one() == 1
    with pytest.raises(Exception, match="role_known"), empty_engine.begin() as connection:
        connection.execute(text(USER_ROW), {"username": "bob", "role": "owner"})
    if empty_engine.dialect.name == "sqlite":
        with empty_engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
            assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
    with pytest.raises(RuntimeError, match="Network admin accounts exist"):
        migrate.downgrade(empty_engine, "0011_network_decision")
