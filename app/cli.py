"""The `checkin` command: serve, migrate, create users, load demo data."""

import getpass
import sys
from pathlib import Path

import click
import uvicorn
from sqlmodel import Session, select

from app import migrate
from app.auth.credential_rules import passphrase_problem, username_problem
from app.auth.passwords import hash_passphrase
from app.auth.service import normalise_username
from app.db import make_engine
from app.demo.bulk import load_cohort
from app.demo.council import load_demo
from app.demo.history import DEMO_SEED
from app.demo.network import load_demo_network
from app.forms import clean_text
from app.jobs.runner import run_jobs
from app.lifecycle.backup import BackupError, backup, restore
from app.people import councils
from app.people.council_form import NAME_LIMIT, CouncilForm, check_council
from app.people.email_address import email_problem, normalise_email
from app.people.localities import add_locality, check_locality, localities
from app.people.models import STAFF_ROLES, Organisation, Role, Team, User
from app.people.service import username_taken
from app.questions.loader import QuestionFileError, ensure_default_set, load_question_set
from app.questions.publishing import publish_council_set
from app.settings import get_settings
from app.sources.commands import sources
from app.themes.commands import themes


@click.group()
def main() -> None:
    """Check-in: care leavers tell their PA how life is going."""


main.add_command(themes)
main.add_command(sources)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=int)
@click.option(
    "--worker-healthcheck-timeout",
    default=60,
    show_default=True,
    type=click.IntRange(min=1),
    help="Seconds a worker may take to start or answer uvicorn's health check before it is restarted.",
)
def serve(host: str, port: int, workers: int, worker_healthcheck_timeout: int) -> None:
    """Serve the app with uvicorn."""
    # uvicorn's default (5 s) is shorter than importing the app takes on a busy machine: it then
    # kills and restarts its workers over and over (docs/deployment.md).
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,
        proxy_headers=True,
        timeout_worker_healthcheck=worker_healthcheck_timeout,
    )


@main.group()
def db() -> None:
    """Database schema commands."""


@db.command("upgrade")
@click.argument("revision", default="head")
def db_upgrade(revision: str) -> None:
    """Apply migrations up to REVISION (default: head)."""
    engine = make_engine(get_settings().database_url)
    migrate.upgrade(engine, revision)
    if revision == "head":
        with Session(engine) as session:
            ensure_default_set(session)
    click.echo(f"Database upgraded to {revision}.")


@db.command("downgrade")
@click.argument("revision", default="base")
def db_downgrade(revision: str) -> None:
    """Undo migrations down to REVISION (default: base, which empties the database)."""
    migrate.downgrade(make_engine(get_settings().database_url), revision)
    click.echo(f"Database downgraded to {revision}.")


@main.group()
def questions() -> None:
    """Question set commands."""


@questions.command("load")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--organisation", default=None, help="Council name: publish the set as this council's own.")
def questions_load(file: str, organisation: str | None) -> None:
    """Check a question set file and load it as a new version (older check-ins keep theirs).

    Without --organisation it is the shared set (the file's version number); with it, the council's
    own set, published as the next version number, its core questions as the shared set has them.
    """
    text = Path(file).read_text(encoding="utf-8")
    with Session(make_engine(get_settings().database_url)) as session:
        try:
            if organisation is None:
                row = load_question_set(session, text=text)
            else:
                council = session.exec(select(Organisation).where(Organisation.name == organisation)).first()
                if council is None or council.id is None:
                    raise click.ClickException(f"No council is called '{organisation}'.")
                row = publish_council_set(session, text=text, organisation_id=council.id, actor=None)
        except QuestionFileError as error:
            raise click.ClickException(str(error)) from error
    click.echo(f"Loaded question set version {row.version}. New check-ins will use it.")


@main.command("create-user")
@click.option("--username", required=True)
@click.option("--name", "display_name", required=True, help="Full name, as colleagues see it.")
@click.option(
    "--role", type=click.Choice([r.value for r in (*STAFF_ROLES, Role.network_analyst)]), required=True
)
@click.option("--organisation", required=True, help="Council name; it must exist (see create-council).")
@click.option("--team", default=None, help="Team name; created if new.")
@click.option("--email", default="", help="Where 'please sign in' emails go (never names or answers).")
def create_user(
    username: str, display_name: str, role: str, organisation: str, team: str | None, email: str
) -> None:
    """Create a staff account; the passphrase is asked for, never taken as an argument."""
    username, email = normalise_username(username), normalise_email(email)
    if problem := username_problem(username) or email_problem(email):
        raise click.ClickException(problem)
    passphrase = getpass.getpass("Passphrase: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    if problem := passphrase_problem(passphrase, context_words=(username, organisation)):
        raise click.ClickException(problem)
    with Session(make_engine(get_settings().database_url)) as session:
        if session.exec(select(User).where(User.username == username)).first():
            raise click.ClickException("That username is taken.")
        council = session.exec(select(Organisation).where(Organisation.name == organisation)).first()
        if council is None or council.id is None:
            raise click.ClickException(_no_council(session, organisation))
        team_row = _get_or_create(session, Team, name=team, organisation_id=council.id) if team else None
        session.add(
            User(
                organisation_id=council.id,
                team_id=team_row.id if team_row else None,
                username=username,
                password_hash=hash_passphrase(passphrase),
                role=Role(role),
                display_name=display_name,
                email=email or None,
            )
        )
        session.commit()
    click.echo(f"Created {role} account '{username}'.")


@main.command("create-council")
@click.option("--name", required=True, help="The council's name.")
@click.option("--admin-username", required=True, help="The username of the council's first admin.")
@click.option("--admin-name", required=True, help="The first admin's full name.")
@click.option("--admin-email", required=True, help="Where 'please sign in' emails to the admin go.")
def create_council(name: str, admin_username: str, admin_name: str, admin_email: str) -> None:
    """Create a council and its first admin (a network admin's Councils page is the other way);
    the admin's first passphrase is asked for, never taken as an argument."""
    passphrase = getpass.getpass("Passphrase: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    form = CouncilForm(
        name=name, admin_name=admin_name, username=admin_username, email=admin_email, passphrase=passphrase
    )
    name, username = clean_text(name, limit=NAME_LIMIT), normalise_username(admin_username)
    with Session(make_engine(get_settings().database_url)) as session:
        errors = check_council(
            form,
            name_taken=councils.council_named(session, name=name) is not None,
            username_taken=username_taken(session, username=username),
        )
        if errors:
            raise click.ClickException(" ".join(errors.messages.values()))
        councils.create_council(
            session,
            actor=None,
            name=name,
            admin_name=clean_text(admin_name, limit=NAME_LIMIT),
            username=username,
            email=normalise_email(admin_email),
            passphrase=passphrase,
        )
    click.echo(f"Created council '{name}' with admin '{username}'.")


def _no_council(session: Session, name: str) -> str:
    """Refusing an unknown council by name, with the one meant when only case or spaces differ."""
    close = councils.council_named(session, name=name.strip())
    hint = f" Did you mean '{close.name}'?" if close else " Create it first with 'checkin create-council'."
    return f"There is no council called '{name}'.{hint}"


@main.command("create-locality")
@click.option("--organisation", required=True, help="Council name; it must exist.")
@click.option("--name", required=True, help="The locality's name.")
def create_locality(organisation: str, name: str) -> None:
    """Add a locality to a council (the admin's Localities page is the other way)."""
    with Session(make_engine(get_settings().database_url)) as session:
        council = session.exec(select(Organisation).where(Organisation.name == organisation)).first()
        if council is None or council.id is None:
            raise click.ClickException("There is no council with that name.")
        errors = check_locality(name, existing=localities(session, organisation_id=council.id))
        if problem := errors.get("name"):
            raise click.ClickException(problem)
        add_locality(session, organisation_id=council.id, actor=None, name=name)
    click.echo(f"Added locality to '{organisation}'.")


def _get_or_create(session: Session, model: type, **fields: object) -> object:
    row = session.exec(select(model).filter_by(**fields)).first()
    if row is None:
        row = model(**fields)
        session.add(row)
        session.flush()
    return row


@main.group()
def jobs() -> None:
    """Scheduled work (checkin serve runs it by itself)."""


@jobs.command("run")
def jobs_run() -> None:
    """Run every job now (escalation, owed email, retention); safe to run as often as you like.

    `checkin serve` runs them by itself; this is for cron or by hand. It runs each job even if a
    process ran it a moment ago (the jobs are safe to repeat).
    """
    settings = get_settings()
    outcomes = run_jobs(make_engine(settings.database_url), settings, force=True)
    for outcome in outcomes:
        result = "failed (see the log)" if outcome.done is None else str(outcome.done)
        click.echo(f"{outcome.job.name}: {result}")
    if any(outcome.done is None for outcome in outcomes):
        raise click.ClickException("A job failed; it runs again next time.")


@main.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, writable=True))
def backup_command(file: str) -> None:
    """Write a consistent backup of the database to FILE (the service can keep running)."""
    try:
        backup(get_settings().database_url, Path(file))
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backed up to {file}.")


@main.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--yes", is_flag=True, help="Do not ask before replacing the database's contents.")
def restore_command(file: str, yes: bool) -> None:
    """Replace everything in the database with the backup in FILE."""
    if not yes:
        click.confirm("This replaces everything in the database. Carry on?", abort=True)
    try:
        restore(get_settings().database_url, Path(file))
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Restored from {file}.")


@main.command("demo-data")
@click.option("--seed", default=DEMO_SEED, show_default=True, help="The same seed gives the same history.")
@click.option(
    "--young-people",
    type=click.IntRange(min=1),
    default=None,
    help="Instead, bulk-load a synthetic council ('Synthetic Council SEED') of this many young people.",
)
@click.option(
    "--months", type=click.IntRange(1, 120), default=36, show_default=True, help="With --young-people."
)
def demo_data(seed: int, young_people: int | None, months: int) -> None:
    """Load the demo council, its accounts, a year of check-ins and a synthetic cohort of
    young people for the analyst's tables (never in production; quick when already there)."""
    settings = get_settings()
    if settings.is_production:
        raise click.ClickException("Demo data is never loaded in production.")
    engine = make_engine(settings.database_url)
    try:
        if young_people is not None:
            summary = load_cohort(
                engine, settings=settings, young_people=young_people, months=months, seed=seed
            )
            click.echo(summary.line())
            return
        loaded, cohort = load_demo(engine, settings=settings, seed=seed)
        second = load_demo_network(engine, settings=settings, seed=seed)
    except RuntimeError as error:
        raise click.ClickException(str(error)) from error
    click.echo("Demo data loaded." if loaded else "Demo data is already there.")
    for summary in (cohort, second):
        if summary.loaded:
            click.echo(summary.line())
