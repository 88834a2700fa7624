"""Reading a question set file, explaining every mistake in plain words, and storing it."""

import hashlib
from pathlib import Path

import yaml
from pydantic import ValidationError
from sqlmodel import Session, select

from app.questions.models import QuestionSet
from app.questions.schema import QuestionSetFile

DEFAULT_FILE = Path(__file__).parent / "data" / "question-set-v1.yaml"


class QuestionFileError(Exception):
    """The file cannot be used; the message lists every problem found."""


def _where(location: tuple[int | str, ...], raw: dict) -> str:
    parts: list[str] = []
    node: object = raw
    for step in location:
        if isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
            label = node.get("key") if isinstance(node, dict) else None
            parts.append(f"'{label}'" if label else f"item {step + 1}")
        elif isinstance(node, dict):
            node = node.get(step)
            parts.append(str(step))
        else:
            parts.append(str(step))
    return " > ".join(parts) or "the file"


def parse_question_file(text: str) -> QuestionSetFile:
    """The validated question set in a YAML text, or QuestionFileError saying what to fix."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise QuestionFileError(f"The file is not valid YAML{line}.") from error
    except RecursionError as error:  # PyYAML reads nested lists and maps recursively
        raise QuestionFileError("The file is nested too deeply to be a question set.") from error
    if not isinstance(raw, dict):
        raise QuestionFileError("The file must hold a question set: version, title and topics.")
    try:
        return QuestionSetFile.model_validate(raw)
    except ValidationError as error:
        lines = [
            f"- {_where(e['loc'], raw)}: {e['msg'].removeprefix('Value error, ')}" for e in error.errors()
        ]
        raise QuestionFileError("The question set has mistakes:\n" + "\n".join(lines)) from error


def load_question_set(session: Session, *, text: str) -> QuestionSet:
    """Store a new version; a version number already loaded is refused, never overwritten."""
    parsed = parse_question_file(text)
    existing = session.exec(select(QuestionSet).where(QuestionSet.version == parsed.version)).first()
    if existing is not None:
        raise QuestionFileError(
            f"Version {parsed.version} is already loaded. Give the new set a higher version number."
        )
    row = QuestionSet(
        version=parsed.version,
        definition=parsed.model_dump(mode="json", exclude={"answer_lists"}),
        source_sha256=hashlib.sha256(text.encode()).hexdigest(),
    )
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def ensure_default_set(session: Session) -> None:
    """Load version 1 from the repository if no question set is stored yet."""
    if session.exec(select(QuestionSet.id)).first() is None:
        load_question_set(session, text=DEFAULT_FILE.read_text(encoding="utf-8"))
