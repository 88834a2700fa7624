"""`checkin themes ...`: the theme model from the command line, exactly as the service uses it."""

import json
import sys

import click

from app.questions.schema import TOPIC_KEYS
from app.themes.suggest import suggest


@click.group()
def themes() -> None:
    """Theme suggestions for young people's own words."""


@themes.command("suggest")
@click.option(
    "--topic",
    type=click.Choice(TOPIC_KEYS),
    default=None,
    help="The topic every comment was written under, as the service passes it (better suggestions).",
)
def suggest_command(topic: str | None) -> None:
    """Read comments one per line on standard input; write one JSON object per line,
    {"themes": [theme keys, best first]}, at most three (none for an empty or very short line)."""
    for line in sys.stdin:
        click.echo(json.dumps({"themes": suggest(line.rstrip("\r\n"), topic=topic)}))
