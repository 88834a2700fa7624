"""`checkin sources load-903 FILE --organisation NAME`: the command-line way to load an OC3 extract."""

from pathlib import Path

import click
from sqlmodel import Session, select

from app.db import make_engine
from app.people.models import Organisation
from app.settings import get_settings
from app.sources.loading import take_extract


@click.group()
def sources() -> None:
    """Other sources beside the check-ins: the statutory return."""


@sources.command("load-903")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--organisation", required=True, help="Council name; it must exist.")
@click.option("--good-lines", is_flag=True, help="Load the lines without mistakes even if others have some.")
def load_903(file: Path, organisation: str, good_lines: bool) -> None:
    """Check an OC3 extract (CHILD,DOB,IN_TOUCH,ACTIV,ACCOM) line by line and load it."""
    with Session(make_engine(get_settings().database_url)) as session:
        council = session.exec(select(Organisation).where(Organisation.name == organisation)).first()
        if council is None or council.id is None:
            raise click.ClickException("There is no council with that name.")
        outcome = take_extract(
            session, organisation_id=council.id, actor=None, content=file.read_bytes(), good_lines=good_lines
        )
        checked = outcome.checked
        if checked.unreadable:
            raise click.ClickException(checked.unreadable)
        for mistake in checked.mistakes:
            click.echo(f"Line {mistake.line}, {mistake.column}: {mistake.message}", err=True)
        if outcome.load is None:
            raise click.ClickException(
                f"{checked.lines_with_mistakes} of {checked.rows} lines have mistakes; nothing was loaded "
                "(--good-lines loads the others)."
            )
        load = outcome.load
        click.echo(
            f"Loaded {load.rows_loaded} of {load.rows_in_file} lines "
            f"({load.rows_unmatched} not matched, {load.rows_with_mistakes} with mistakes)."
        )
