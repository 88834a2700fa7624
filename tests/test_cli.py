"""The `checkin` command: migrate, create users, load demo data (never in production)."""

import pytest
from click.testing import CliRunner
from sqlmodel import Session, select

from app.cli import main
from app.db import make_engine
from app.demo.council import DEMO_PASSPHRASE
from app.people.models import Role, User, YoungPerson
from app.settings import get_settings


@pytest.fixture
def cli_database(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    yield make_engine(url)
    get_settings.cache_clear()


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_db_upgrade_then_demo_data_gives_every_demo_account(cli_database):
    assert run("db", "upgrade").exit_code == 0
    result = run("demo-data")
    assert result.exit_code == 0, result.output
    with Session(cli_database) as session:
        users = {u.username: u for u in session.exec(select(User)).all()}
        caseload_size = len(session.exec(select(YoungPerson)).all())
    expected = {
        "demo.admin",
        "demo.manager",
        "demo.analyst",
        "demo.pa",
        "demo.pa2",
        "demo.young",
        "demo.netadmin",
    }
    assert expected <= set(users)
    assert users["demo.young"].role == Role.young_person
    assert caseload_size >= 11


def test_demo_data_loads_once(cli_database):
    run("db", "upgrade")
    run("demo-data")
    assert "already there" in run("demo-data").output


def test_demo_data_is_refused_in_production(cli_database, monkeypatch):
    monkeypatch.setenv("ENVIRONMENT", "production")
    monkeypatch.setenv("SECRET_KEY", "p" * 48)
    monkeypatch.setenv("SECURE_COOKIES", "true")
    result = run("demo-data")
    assert result.exit_code != 0
    assert "never loaded in production" in result.output


def test_create_user_makes_a_staff_account_with_a_checked_passphrase(cli_database):
    run("db", "upgrade")
    council = ("create-council", "--name", "North Council", "--admin-username", "ada.admin")
    council += ("--admin-name", "Ada Admin", "--admin-email", "ada@north.example")
    assert run(*council, stdin="kettle orbit lantern\n").exit_code == 0
    args = ("create-user", "--username", "Kim.Lee", "--name", "Kim Lee", "--role", "admin")
    args += ("--organisation", "North Council")
    assert "too easy to guess" in run(*args, stdin="password1\n").output
    result = run(*args, stdin="quiet harbour lamp\n")
    assert result.exit_code == 0, result.output
    with Session(cli_database) as session:
        user = session.exec(select(User).where(User.username == "kim.lee")).one()
    assert user.role == Role.admin
    assert user.password_hash.startswith("$argon2id$")


def test_demo_passphrase_matches_the_readme():
    assert DEMO_PASSPHRASE == "try the demo safely"
