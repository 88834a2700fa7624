"""A council's own question sets: checking an upload, publishing it as a new version, listing them."""

from dataclasses import dataclass
from datetime import datetime

import yaml
from sqlmodel import Session, col, select

from app.audit.service import record_event
from app.people.models import User
from app.questions.catalogue import latest_version, question_set
from app.questions.loader import add_version, check_council_set, next_version
from app.questions.models import QuestionSet
from app.questions.schema import QuestionSetFile


@dataclass(frozen=True)
class PublishedVersion:
    """One version a council has published, as its admin sees it in the list."""

    version: int
    title: dict[str, str]
    published_at: datetime
    published_by: str | None


def publish_council_set(
    session: Session, *, text: str, organisation_id: int, actor: User | None
) -> QuestionSet:
    """Check a council's set and publish it as the next version (audited); the file's number is
    not used, as numbers are shared by every council. Its young people's next check-ins use it."""
    parsed: QuestionSetFile = check_council_set(session, text=text)
    numbered = parsed.model_copy(update={"version": next_version(session)})
    row = add_version(
        session,
        numbered,
        text=text,
        organisation_id=organisation_id,
        published_by_id=actor.id if actor else None,
    )
    session.flush()
    record_event(
        session,
        actor=actor,
        organisation_id=organisation_id,
        action="question_set.published",
        record_type="question_set",
        record_id=row.id,
    )
    session.commit()
    session.refresh(row)
    return row


def council_versions(session: Session, *, organisation_id: int) -> list[PublishedVersion]:
    """The council's own published versions, newest first, with who published each."""
    rows = session.exec(
        select(QuestionSet.version, QuestionSet.definition, QuestionSet.loaded_at, User.display_name)
        .outerjoin(User, col(User.id) == col(QuestionSet.published_by_id))
        .where(QuestionSet.organisation_id == organisation_id)
        .order_by(col(QuestionSet.version).desc())
    ).all()
    return [PublishedVersion(version, definition["title"], at, who) for version, definition, at, who in rows]


@dataclass(frozen=True)
class CouncilSets:
    """What a council admin sees: the council's versions and which one new check-ins use."""

    versions: list[PublishedVersion]
    in_use: int
    own: bool


def council_sets(session: Session, *, organisation_id: int) -> CouncilSets:
    """The council's published versions, and the version its new check-ins use (its own or shared)."""
    versions = council_versions(session, organisation_id=organisation_id)
    in_use = latest_version(session, organisation_id=organisation_id)
    return CouncilSets(versions, in_use, own=bool(versions))


@dataclass(frozen=True)
class Preview:
    """An uploaded set that passed every check, and the number publishing it would give it."""

    questions: QuestionSetFile
    version: int


def preview_council_set(session: Session, *, text: str) -> Preview:
    """Check an uploaded set for a preview (QuestionFileError lists every mistake); stores nothing."""
    return Preview(check_council_set(session, text=text), next_version(session))


def set_in_use(session: Session, *, organisation_id: int) -> tuple[int, str]:
    """The version the council's new check-ins use, as a file to start a new version from."""
    version = latest_version(session, organisation_id=organisation_id)
    definition = question_set(session, version=version).model_dump(mode="json", exclude={"answer_lists"})
    return version, yaml.safe_dump(definition, sort_keys=False, allow_unicode=True, width=1000)
