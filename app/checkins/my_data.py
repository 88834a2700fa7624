"""Everything the service holds about a young person, in words, for a page and a JSON download.

Only their own records: no password hash, session, invite code, or anyone else's details beyond
the name and role of staff who saw or changed their record.
"""

import json
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime

from sqlmodel import Session, col, select

from app.audit.models import AuditEvent
from app.checkins import answers
from app.checkins.answers import StoredCheckIn
from app.checkins.history import AlertNote, person_alerts, staff_names
from app.checkins.models import CheckIn
from app.checkins.summary import topic_summaries
from app.db import utcnow
from app.i18n import gettext as _
from app.people.models import STAFF_ROLES, Locality, Organisation, Role, User, YoungPerson
from app.people.service import current_pa
from app.reminders.choices import channel_name, frequency_name
from app.reminders.service import reminder_for
from app.sources.records import CouncilRecord, council_records
from app.themes.catalogue import theme
from app.themes.confirmed import themes_by_topic
from app.themes.models import AddedBy, TopicTheme


@dataclass(frozen=True)
class Account:
    first_name: str
    last_name: str
    date_of_birth: date
    gender: str | None
    area: str
    council: str
    username: str
    record_added_at: datetime
    account_created_at: datetime
    pa: str | None


@dataclass(frozen=True)
class AnswerRecord:
    question: str
    answer: str


@dataclass(frozen=True)
class CorrectionRecord:
    text: str
    added_at: datetime


@dataclass(frozen=True)
class ThemeRecord:
    key: str
    name: str
    added_by: str
    added_at: datetime


@dataclass(frozen=True)
class TopicRecord:
    key: str
    title: str
    skipped: bool
    shared_with_pa: bool
    shared_at: datetime | None
    want_to_talk_about: bool
    answers: list[AnswerRecord]
    your_words: str | None
    corrections: list[CorrectionRecord]
    themes: list[ThemeRecord]


@dataclass(frozen=True)
class CheckInRecord:
    id: int
    finished: bool
    started_at: datetime
    sent_at: datetime | None
    question_set_version: int
    topics: list[TopicRecord]
    want_to_talk_about: str | None
    going_well: str | None
    seen_by: str | None
    seen_at: datetime | None
    reply: str | None
    replied_at: datetime | None


@dataclass(frozen=True)
class StaffEvent:
    when: datetime
    who: str
    what: str


@dataclass(frozen=True)
class ReminderRecord:
    how: str
    number_or_email: str
    how_often: str
    when_pa_replies: bool


@dataclass(frozen=True)
class MyData:
    downloaded_at: datetime
    account: Account
    check_ins: list[CheckInRecord]
    safety_alerts: list[AlertNote]
    staff_activity: list[StaffEvent]
    council_records: list[CouncilRecord]
    reminders: ReminderRecord | None


def _account(session: Session, person: YoungPerson, user: User) -> Account:
    locality = session.get(Locality, person.locality_id)
    council = session.get(Organisation, person.organisation_id)
    pa = current_pa(session, young_person_id=person.id or 0)
    return Account(
        first_name=person.first_name,
        last_name=person.last_name,
        date_of_birth=person.date_of_birth,
        gender=person.gender,
        area=locality.name if locality else "",
        council=council.name if council else "",
        username=user.username,
        record_added_at=person.created_at,
        account_created_at=user.created_at,
        pa=pa.display_name if pa else None,
    )


def _theme(row: TopicTheme) -> ThemeRecord:
    who = _("you") if row.added_by == AddedBy.young_person else _("your PA")
    found = theme(row.theme_key, row.catalogue_version)
    return ThemeRecord(row.theme_key, found.name_text() if found else row.theme_key, who, row.added_at)


def _topics(stored: StoredCheckIn, themes: dict[tuple[int, str], list[TopicTheme]]) -> list[TopicRecord]:
    check_in_id = stored.check_in.id or 0
    return [
        TopicRecord(
            key=s.key,
            title=s.title,
            skipped=s.skipped,
            shared_with_pa=bool(s.shared),
            shared_at=stored.topics[s.key].shared_at,
            want_to_talk_about=s.talk_about,
            answers=[AnswerRecord(line.question, line.answer) for line in s.lines],
            your_words=s.comment,
            corrections=[CorrectionRecord(c.text, c.created_at) for c in s.corrections],
            themes=[_theme(row) for row in themes.get((check_in_id, s.key), [])],
        )
        for s in topic_summaries(stored)
    ]


def _check_ins(session: Session, person: YoungPerson) -> list[CheckInRecord]:
    check_ins = session.exec(
        select(CheckIn)
        .where(CheckIn.young_person_id == person.id)
        .order_by(col(CheckIn.started_at).desc(), col(CheckIn.id).desc())
    ).all()
    names = staff_names(session, (c.seen_by_id for c in check_ins))
    ids = [c.id or 0 for c in check_ins]
    stored = answers.load(session, check_in_ids=ids, shared_only=False)
    themes = themes_by_topic(session, check_in_ids=ids)
    return [
        CheckInRecord(
            id=c.id or 0,
            finished=c.submitted_at is not None,
            started_at=c.started_at,
            sent_at=c.submitted_at,
            question_set_version=c.question_set_version,
            topics=_topics(stored[c.id or 0], themes),
            want_to_talk_about=c.talk_about_words,
            going_well=c.going_well,
            seen_by=names.get(c.seen_by_id or 0),
            seen_at=c.seen_at,
            reply=c.reply,
            replied_at=c.replied_at,
        )
        for c in check_ins
    ]


def _who(actor: User, pa: User | None) -> str:
    if pa is not None and actor.id == pa.id:
        return _("%(name)s (your PA)", name=actor.display_name)
    roles = {
        Role.pa: _("%(name)s (a PA)", name=actor.display_name),
        Role.manager: _("%(name)s (a team manager)", name=actor.display_name),
        Role.admin: _("%(name)s (an admin)", name=actor.display_name),
    }
    return roles.get(Role(actor.role), _("%(name)s (staff)", name=actor.display_name))


def _what(event: AuditEvent) -> str:
    if event.action.endswith(".viewed"):
        return (
            _("Looked at your check-in") if event.record_type == "check_in" else _("Looked at your details")
        )
    known = {
        "young_person.created": _("Added you to Check-in"),
        "pa.assigned": _("Chose who your PA is"),
        "invite.issued": _("Gave you a code to set up your account"),
        "sessions.ended": _("Signed you out on every phone and computer"),
        "check_in.marked_seen": _("Marked your check-in as seen"),
        "check_in.replied": _("Replied to your check-in"),
        "meeting.date_set": _("Set the date of your next meeting"),
        "alert.acknowledged": _("Picked up the alert about your safety"),
        "young_person.child_id_recorded": _("Recorded the ID the council's records use for you"),
        "theme.added": _("Added a theme to what you shared"),
    }
    return known.get(event.action, _("Changed your record"))


def staff_activity(session: Session, *, person: YoungPerson, views_only: bool = False) -> list[StaffEvent]:
    """What staff did with the young person's record (or only what they looked at), oldest first."""
    statement = (
        select(AuditEvent, User)
        .join(User, col(User.id) == AuditEvent.actor_id)
        .where(AuditEvent.young_person_id == person.id, col(User.role).in_(list(STAFF_ROLES)))
        .order_by(col(AuditEvent.created_at), col(AuditEvent.id))
    )
    if views_only:
        statement = statement.where(col(AuditEvent.action).endswith(".viewed"))
    rows = session.exec(statement).all()
    pa = current_pa(session, young_person_id=person.id or 0)
    return [StaffEvent(event.created_at, _who(actor, pa), _what(event)) for event, actor in rows]


def _reminders(session: Session, person: YoungPerson) -> ReminderRecord | None:
    reminder = reminder_for(session, young_person_id=person.id or 0)
    if reminder is None:
        return None
    contact = reminder.phone_number or reminder.email or ""
    how_often = frequency_name(reminder.frequency)
    return ReminderRecord(channel_name(reminder.channel), contact, how_often, reminder.when_pa_replies)


def collect(session: Session, *, person: YoungPerson, user: User) -> MyData:
    """Everything held about the young person: account, check-ins, alerts, staff activity."""
    return MyData(
        downloaded_at=utcnow(),
        account=_account(session, person, user),
        check_ins=_check_ins(session, person),
        safety_alerts=person_alerts(session, person=person),
        staff_activity=staff_activity(session, person=person),
        council_records=council_records(session, young_person_id=person.id or 0),
        reminders=_reminders(session, person),
    )


def sharing_history(data: MyData) -> list[tuple[datetime, CheckInRecord, TopicRecord]]:
    """Every topic shared with the PA, in the order it was shared."""
    rows = []
    for check_in in data.check_ins:
        for item in check_in.topics:
            if item.shared_at is not None:
                rows.append((item.shared_at, check_in, item))
    return sorted(rows, key=lambda row: (_utc(row[0]), row[1].id, row[2].key))


def _utc(moment: datetime) -> datetime:
    """Stored times are UTC; SQLite hands them back without a zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _plain(value: object) -> str:
    if isinstance(value, datetime):
        return _utc(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def to_json(data: MyData) -> str:
    """The download: the same records as the page, with times in UTC (ISO 8601)."""
    document = {
        "about": _("Everything Check-in holds about you. Times are in UTC."),
        **asdict(data),
        "sharing_history": [
            {"shared_at": when, "check_in_id": c.id, "topic": t.title} for when, c, t in sharing_history(data)
        ],
    }
    return json.dumps(document, default=_plain, ensure_ascii=False, indent=2)
