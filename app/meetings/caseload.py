"""A PA's caseload, most urgent first: alerts, unseen check-ins, asked to talk, everyone else."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.checkins import answers
from app.checkins.answer_queries import latest_shared_ids, people_with_open_asks
from app.checkins.answers import StoredCheckIn
from app.checkins.models import SafetyAlert
from app.db import utcnow
from app.meetings.markers import Marker, markers
from app.people.models import User
from app.people.service import CaseloadEntry, caseload
from app.themes.shared import people_with_theme


@dataclass(frozen=True)
class CaseloadRow:
    entry: CaseloadEntry
    open_alerts: int
    unseen: bool
    talk_about: bool
    markers: list[Marker]
    last_shared_at: datetime | None
    quiet: bool

    @property
    def priority(self) -> int:
        return 0 if self.open_alerts else 1 if self.unseen else 2 if self.talk_about else 3


def open_alert_counts(session: Session, *, pa: User) -> dict[int, int]:
    """Unacknowledged alerts addressed to this PA, per young person."""
    rows = session.exec(
        select(SafetyAlert.young_person_id, func.count())
        .where(SafetyAlert.pa_id == pa.id, col(SafetyAlert.acknowledged_at).is_(None))
        .group_by(SafetyAlert.young_person_id)
    ).all()
    return dict(rows)


def _row(
    entry: CaseloadEntry, alerts: int, recent: list[StoredCheckIn], asks: bool, quiet_after: datetime
) -> CaseloadRow:
    latest = recent[0] if recent else None
    found: list[Marker] = []
    if latest:
        found = markers(latest, recent[1].topics if len(recent) > 1 else {})
    sent = latest.check_in.submitted_at if latest else None
    return CaseloadRow(
        entry=entry,
        open_alerts=alerts,
        unseen=bool(latest and latest.check_in.seen_at is None),
        talk_about=asks,
        markers=found,
        last_shared_at=sent,
        quiet=(sent or entry.young_person.created_at) < quiet_after,
    )


def caseload_rows(
    session: Session, *, pa: User, quiet_weeks: int, search: str = "", theme_key: str = ""
) -> list[CaseloadRow]:
    """The PA's current young people with their markers, in the order that needs attention; only
    those with a shared topic of this theme, if one is given."""
    entries = [
        e for e in caseload(session, pa=pa) if search.casefold() in e.young_person.full_name.casefold()
    ]
    if theme_key:
        ids = [e.young_person.id or 0 for e in entries]
        with_theme = people_with_theme(session, young_person_ids=ids, theme_key=theme_key)
        entries = [e for e in entries if e.young_person.id in with_theme]
    people = [e.young_person.id for e in entries if e.young_person.id]
    recent_ids = latest_shared_ids(session, young_person_ids=people, latest=2)
    ids = [i for pair in recent_ids.values() for i in pair]
    loaded = answers.load(session, check_in_ids=ids, shared_only=True)
    alerts = open_alert_counts(session, pa=pa)
    asking = people_with_open_asks(session, young_person_ids=people)
    quiet_after = utcnow() - timedelta(weeks=quiet_weeks)
    rows = [
        _row(
            entry,
            alerts.get(entry.young_person.id or 0, 0),
            [loaded[i] for i in recent_ids.get(entry.young_person.id or 0, [])],
            entry.young_person.id in asking,
            quiet_after,
        )
        for entry in entries
    ]
    never = datetime.min.replace(tzinfo=quiet_after.tzinfo)
    rows.sort(
        key=lambda r: (r.priority, -(r.last_shared_at or never).timestamp(), r.entry.young_person.full_name)
    )
    return rows
