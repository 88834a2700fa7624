"""The theme catalogue: versioned data files of stable theme keys with names and descriptions."""

import re
from functools import cache
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, StringConstraints, model_validator

from app.i18n import current_language, translate

DATA = Path(__file__).parent / "data"
_FILE = re.compile(r"^catalogue-(\d+)\.yaml$")

Texts = dict[str, Annotated[str, StringConstraints(min_length=1, max_length=200)]]


class Theme(BaseModel):
    """One theme: a key stored and counted forever, and its wording per language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]*$")]
    name: Texts
    description: Texts

    def name_text(self, language: str | None = None) -> str:
        """The name the young person ticks, in the current language (English if missing)."""
        return _say(self.name, language)

    def description_text(self, language: str | None = None) -> str:
        """What the theme covers, in the current language (English if missing)."""
        return _say(self.description, language)


class Catalogue(BaseModel):
    """One version of the catalogue, in the order themes are listed to the young person."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    themes: tuple[Theme, ...]

    @model_validator(mode="after")
    def _keys_unique_and_english(self) -> "Catalogue":
        keys = [t.key for t in self.themes]
        if len(set(keys)) != len(keys):
            raise ValueError("theme keys must be unique")
        if any("en" not in t.name or "en" not in t.description for t in self.themes):
            raise ValueError("every theme needs an English name and description")
        return self


def _say(texts: dict[str, str], language: str | None) -> str:
    language = language or current_language()
    return texts.get(language) or translate(texts["en"], language)


@cache
def versions() -> tuple[int, ...]:
    """Every catalogue version in the repository, oldest first."""
    found = (_FILE.match(p.name) for p in DATA.iterdir())
    return tuple(sorted(int(m.group(1)) for m in found if m))


def latest_version() -> int:
    """The newest catalogue version: new confirmations use it."""
    return versions()[-1]


@cache
def catalogue(version: int | None = None) -> Catalogue:
    """A catalogue version (the newest by default), read and checked once per process."""
    number = latest_version() if version is None else version
    loaded = Catalogue.model_validate(yaml.safe_load((DATA / f"catalogue-{number}.yaml").read_text("utf-8")))
    if loaded.version != number:
        raise ValueError(f"catalogue-{number}.yaml says it is version {loaded.version}")
    return loaded


def themes(version: int | None = None) -> list[Theme]:
    """The themes of a catalogue version (the newest by default), in display order."""
    return list(catalogue(version).themes)


def theme(key: str, version: int | None = None) -> Theme | None:
    """The theme with this key in a catalogue version (the newest by default), if it has it."""
    return next((t for t in catalogue(version).themes if t.key == key), None)


def keys(version: int | None = None) -> tuple[str, ...]:
    """The stable keys of a catalogue version (the newest by default), in display order."""
    return tuple(t.key for t in catalogue(version).themes)
