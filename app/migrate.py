"""Running the Alembic migrations from code (the CLI and the tests)."""

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

from app.settings import ROOT


def alembic_config(engine: Engine | None = None) -> Config:
    """The project's alembic.ini, optionally bound to an existing engine."""
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database's schema up to a revision."""
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Take the database's schema back down to a revision."""
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
