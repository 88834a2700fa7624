"""Reading a question set file, explaining every mistake with its line, and storing it."""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails
from sqlalchemy import func
from sqlmodel import Session, col, select

from app.i18n import gettext as _
from app.questions.core import Location, core_mistakes, raw_questions
from app.questions.models import QuestionSet
from app.questions.schema import QuestionSetFile

DEFAULT_FILE = Path(__file__).parent / "data" / "question-set-v1.yaml"


@dataclass(frozen=True)
class Mistake:
    """One thing to fix: the line it is on (when known), the field, and what is wrong, in words."""

    line: int | None
    where: str
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.where}: {self.message}"
        return _(
            "Line %(line)s, %(where)s: %(problem)s", line=self.line, where=self.where, problem=self.message
        )


class QuestionFileError(Exception):
    """The file cannot be used; the message lists every problem found."""

    def __init__(self, message: str, mistakes: list[Mistake] | None = None) -> None:
        super().__init__(message)
        self.mistakes = mistakes or []


def _where(location: Location, raw: dict) -> str:
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
    return " > ".join(parts) or _("the file")


def _line(location: Location, root: yaml.Node | None) -> int | None:
    """The line (from 1) where the field at this location is written, as near as the text allows."""
    if root is None or not location:
        return None
    node, line = root, root.start_mark.line + 1
    for step in location:
        if isinstance(node, yaml.MappingNode):
            pair = next((p for p in node.value if str(p[0].value) == str(step)), None)
            if pair is None:
                break
            line, node = pair[0].start_mark.line + 1, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _plain(error: ErrorDetails) -> list[str]:
    """Pydantic's message for one error in plain words (the set's own checks may give several)."""
    kind, context = error["type"], error.get("ctx") or {}
    words = {
        "missing": _("this is missing: add it"),
        "extra_forbidden": _("a question set has no such field: check the spelling, or remove it"),
        "string_pattern_mismatch": _(
            "not a usable key: use small letters, digits and underscores, like housing.safe "
            "(or a code like F1)"
        ),
        "string_too_short": _("must not be empty"),
        "string_too_long": _("too long: at most %(max)s characters", max=context.get("max_length", "")),
        "string_type": _("must be words in quotes, not a list or a number"),
        "int_parsing": _("must be a whole number"),
        "int_type": _("must be a whole number"),
        "greater_than_equal": _("must be %(min)s or more", min=context.get("ge", "")),
        "bool_parsing": _("must be true or false"),
        "bool_type": _("must be true or false"),
        "dict_type": _('must be a set of named fields, like {en: "..."}'),
        "model_type": _('must be a set of named fields, like {en: "..."}'),
        "list_type": _("must be a list, each item on a line starting with a dash"),
        "enum": _("must be one of: %(expected)s", expected=context.get("expected", "")),
    }
    if kind in words:
        return [words[kind]]
    return str(error["msg"]).removeprefix("Value error, ").splitlines()


def _about(message: str, questions: dict[str, tuple[Location, dict]]) -> Location:
    """Where the question a whole-set message names (`key: ...`) is; the whole file otherwise."""
    key = message.split(":", 1)[0]
    return questions[key][0] if key in questions else ()


def _mistakes(raw: dict, root: yaml.Node | None, shared: QuestionSetFile | None) -> list[Mistake]:
    found: list[tuple[Location, str]] = []
    try:
        QuestionSetFile.model_validate(raw)
    except ValidationError as error:
        found += [(tuple(e["loc"]), message) for e in error.errors() for message in _plain(e)]
    found += core_mistakes(raw, shared)
    questions = raw_questions(raw)
    found = [(location or _about(message, questions), message) for location, message in found]
    mistakes = [Mistake(_line(location, root), _where(location, raw), message) for location, message in found]
    return sorted(mistakes, key=lambda m: m.line or 0)


def parse_question_file(text: str, *, shared: QuestionSetFile | None = None) -> QuestionSetFile:
    """The validated question set in a YAML text, or QuestionFileError listing every mistake.

    With `shared` (the installation's shared set), core questions must also be as it has them.
    """
    try:
        raw = yaml.safe_load(text)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = (
            _(" at line %(line)s, column %(column)s", line=mark.line + 1, column=mark.column + 1)
            if mark
            else ""
        )
        raise QuestionFileError(_("The file is not valid YAML%(line)s.", line=line)) from error
    except RecursionError as error:  # PyYAML reads nested lists and maps recursively
        raise QuestionFileError(_("The file is nested too deeply to be a question set.")) from error
    if not isinstance(raw, dict):
        raise QuestionFileError(_("The file must hold a question set: version, title and topics."))
    mistakes = _mistakes(raw, root, shared)
    if mistakes:
        listed = "\n".join(f"- {m}" for m in mistakes)
        raise QuestionFileError(_("The question set has mistakes:") + "\n" + listed, mistakes)
    return QuestionSetFile.model_validate(raw)


def shared_set(session: Session) -> QuestionSetFile | None:
    """The newest set shared by every council (loaded without a council); None before any."""
    row = session.exec(
        select(QuestionSet.definition)
        .where(col(QuestionSet.organisation_id).is_(None))
        .order_by(col(QuestionSet.version).desc())
    ).first()
    return QuestionSetFile.model_validate(row) if row is not None else None


def check_council_set(session: Session, *, text: str) -> QuestionSetFile:
    """A council's set, checked: valid, and its core questions as the shared set has them."""
    return parse_question_file(text, shared=shared_set(session))


def add_version(
    session: Session,
    parsed: QuestionSetFile,
    *,
    text: str,
    organisation_id: int | None,
    published_by_id: int | None,
) -> QuestionSet:
    row = QuestionSet(
        version=parsed.version,
        organisation_id=organisation_id,
        published_by_id=published_by_id,
        definition=parsed.model_dump(mode="json", exclude={"answer_lists"}),
        source_sha256=hashlib.sha256(text.encode()).hexdigest(),
    )
    session.add(row)
    return row


def load_question_set(session: Session, *, text: str, organisation_id: int | None = None) -> QuestionSet:
    """Store a new version (the file's number); a version number already loaded is refused.

    Without a council it is the shared set every council without its own uses, and it defines the
    core; with one, it is that council's, and its core questions must match the shared set.
    """
    parsed = check_council_set(session, text=text) if organisation_id else parse_question_file(text)
    existing = session.exec(select(QuestionSet).where(QuestionSet.version == parsed.version)).first()
    if existing is not None:
        raise QuestionFileError(
            _(
                "Version %(version)s is already loaded. Give the new set a higher version number.",
                version=parsed.version,
            )
        )
    row = add_version(session, parsed, text=text, organisation_id=organisation_id, published_by_id=None)
    session.commit()
    session.refresh(row)
    return row


def next_version(session: Session) -> int:
    """The number the next published version gets (numbers are unique across councils)."""
    return int(session.exec(select(func.max(QuestionSet.version))).one() or 0) + 1


def ensure_default_set(session: Session) -> None:
    """Load version 1 from the repository if no question set is stored yet."""
    if session.exec(select(QuestionSet.id)).first() is None:
        load_question_set(session, text=DEFAULT_FILE.read_text(encoding="utf-8"))
