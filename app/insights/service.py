"""What the insights pages ask for: the list of approved tables, one table built, downloads logged."""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from app.insights.catalogue import TableKind, TableSpec, approved_tables, find_table
from app.insights.context import Context, Forced
from app.insights.disclosure import Rules
from app.insights.downloads import Download, make_download
from app.insights.linked import build_linked, linked_periods
from app.insights.models import ExportLog
from app.insights.periods import Period
from app.insights.table_cache import KeptResults
from app.insights.tables import BuiltTable, build_table
from app.people.models import User
from app.questions.catalogue import latest_version, question_set
from app.questions.schema import QuestionSetFile

EXPORT_LOG_LIMIT = 500


@dataclass(frozen=True)
class LoggedExport:
    """One line of the export log as an admin sees it."""

    entry: ExportLog
    who: str
    username: str
    title: str


def current_questions(session: Session) -> QuestionSetFile:
    """The latest question set: its questions and wording label every table."""
    return question_set(session, version=latest_version(session))


def table_groups(session: Session) -> list[tuple[str, list[TableSpec]]]:
    """The approved tables under their headings, in list order."""
    groups: dict[str, list[TableSpec]] = {}
    for spec in approved_tables(current_questions(session)):
        groups.setdefault(spec.group, []).append(spec)
    return list(groups.items())


def approved_table(session: Session, *, key: str) -> TableSpec | None:
    """The approved table with this key, if there is one."""
    return find_table(current_questions(session), key)


def build(
    session: Session, *, spec: TableSpec, user: User, period: Period, rules: Rules, now: datetime
) -> BuiltTable:
    """The table for the user's organisation and the period; provisional while the period is open."""
    return build_for(
        session, spec=spec, organisation_id=user.organisation_id, period=period, rules=rules, now=now
    )


def build_for(
    session: Session, *, spec: TableSpec, organisation_id: int, period: Period, rules: Rules, now: datetime
) -> BuiltTable:
    """The table for an organisation and the period; provisional while the period is open.

    Counts are linked across overlapping periods (see linked.py); averages are not counts. The
    query results of closed periods are kept once asked for (see table_cache.py).
    """
    version = latest_version(session)
    questions = question_set(session, version=version)
    periods = [period] if spec.kind is TableKind.ons_means else linked_periods(period)
    kept = KeptResults(session, organisation_id=organisation_id, version=version, periods=periods, now=now)

    def make(at: Period, forced: Forced) -> BuiltTable:
        context = Context(session, questions, spec, organisation_id, at, rules, forced, kept.for_period(at))
        return build_table(context, provisional=not at.is_closed(now))

    table = make(period, {}) if spec.kind is TableKind.ons_means else build_linked(make, period)
    kept.keep()
    return table


def download(session: Session, *, user: User, table: BuiltTable, file_format: str) -> Download:
    """The table as a file, with a row in the export log (who, table, period, the file's SHA-256)."""
    made = make_download(table, file_format)
    session.add(
        ExportLog(
            organisation_id=user.organisation_id,
            user_id=user.id,
            table_key=table.spec.key,
            period=table.period.key,
            file_format=file_format,
            sha256=hashlib.sha256(made.content).hexdigest(),
        )
    )
    session.commit()
    return made


def export_log(session: Session, *, organisation_id: int) -> list[LoggedExport]:
    """The organisation's latest downloads, newest first."""
    rows = session.exec(
        select(ExportLog, User)
        .join(User, col(User.id) == ExportLog.user_id)
        .where(ExportLog.organisation_id == organisation_id)
        .order_by(col(ExportLog.created_at).desc(), col(ExportLog.id).desc())
        .limit(EXPORT_LOG_LIMIT)
    ).all()
    titles = {spec.key: spec.title for spec in approved_tables(current_questions(session))}
    return [
        LoggedExport(entry, user.display_name, user.username, titles.get(entry.table_key, entry.table_key))
        for entry, user in rows
    ]
