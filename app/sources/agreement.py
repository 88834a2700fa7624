"""Aggregate side by side: the statutory return against what young people said, as agreement tables.

Each table counts distinct young people by their latest statutory record (rows) and their own latest
shared answer (columns), published through the insights disclosure rules (suppression, rounding).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.checkins.answer_queries import latest_shared_choice_of_each, people_who_checked_in
from app.i18n import gettext as _
from app.insights.catalogue import ACCOMMODATION_KEY, ACTIVITY_KEY
from app.insights.disclosure import Rules, rule_notes, symbol_notes
from app.insights.publish import publish_table
from app.insights.sections import Section, from_published
from app.insights.service import current_questions
from app.sources.models import StatutoryLoad, StatutoryRecord
from app.sources.sources_map import TopicSources, sources_map

FEELING_KEY = "housing.feeling"
Groups = list[tuple[str, tuple[str, ...]]]


def activity_groups() -> Groups:
    return [
        (_("In education"), ("F1", "P1", "F2", "P2")),
        (_("In work, training or an apprenticeship"), ("F4", "P4", "F5", "P5")),
        (_("Not in education, employment or training"), ("G4", "G5", "G6")),
    ]


def accommodation_groups() -> Groups:
    return [
        (_("With family"), ("B",)),
        (_("Supported or residential"), ("C", "D", "E", "T", "Z")),
        (_("Independent or lodgings"), ("K", "U")),
        (_("Emergency, bed and breakfast or no fixed abode"), ("S", "V", "W")),
        (_("Elsewhere, or not known"), ("G", "H", "R", "X", "Y", "0")),
    ]


@dataclass(frozen=True)
class Latest:
    """A young person's latest statutory record and when it was loaded."""

    young_person_id: int
    in_touch: str
    activity: str
    accommodation: str


def _latest_records(session: Session, *, organisation_id: int) -> tuple[list[Latest], datetime]:
    """Each young person's latest record (the newest row: loads go in in order) and the last load's time."""
    newest = (
        select(func.max(StatutoryRecord.id))
        .where(StatutoryRecord.organisation_id == organisation_id)
        .group_by(col(StatutoryRecord.young_person_id))
    )
    rows = session.exec(select(StatutoryRecord).where(col(StatutoryRecord.id).in_(newest))).all()
    loaded = session.exec(
        select(func.max(StatutoryLoad.loaded_at)).where(StatutoryLoad.organisation_id == organisation_id)
    ).one()
    return [Latest(r.young_person_id, r.in_touch, r.activity, r.accommodation) for r in rows], loaded


def _group_of(code: str, groups: Groups, fallback: int) -> int:
    return next((i for i, (_label, codes) in enumerate(groups) if code in codes), fallback)


def _grid(pairs: list[tuple[int, int]], rows: int, columns: int) -> list[list[int]]:
    counts = [[0] * columns for _ in range(rows)]
    for row, column in pairs:
        counts[row][column] += 1
    return counts


def agreement_tables(session: Session, *, organisation_id: int, rules: Rules) -> list[Section]:
    """The four agreement tables, every figure published; empty before any return is loaded."""
    records, loaded = _latest_records(session, organisation_id=organisation_id)
    if not records:
        return []
    said = latest_shared_choice_of_each(
        session, organisation_id=organisation_id, question_keys=[ACTIVITY_KEY, ACCOMMODATION_KEY, FEELING_KEY]
    )
    since = loaded - timedelta(days=365)
    checked_in = people_who_checked_in(session, organisation_id=organisation_id, since=since)
    return [
        _activity(records, said, rules),
        _accommodation(records, said, rules),
        _suitability(records, said, rules),
        _in_touch(records, checked_in, rules),
    ]


def _section(
    counts, rows: list[str], columns: list[str], rules: Rules, caption: str, row_header: str
) -> Section:
    table = publish_table(counts, rows, columns, rules, percentages=True)
    return from_published(
        table,
        caption=caption,
        row_header=row_header,
        total_label=_("All"),
        total_header=_("All young people"),
    )


def _activity(records: list[Latest], said: dict[tuple[int, str], str], rules: Rules) -> Section:
    groups = activity_groups()
    none = len(groups)
    pairs = [
        (
            _group_of(r.activity, groups, none),
            _group_of(said.get((r.young_person_id, ACTIVITY_KEY), ""), groups, none),
        )
        for r in records
    ]
    labels = [label for label, _codes in groups]
    return _section(
        _grid(pairs, none + 1, none + 1),
        [*labels, _("Not known")],
        [*labels, _("No answer shared")],
        rules,
        _("Activity: the statutory return (ACTIV, rows) against what young people said (columns)"),
        _("Statutory return"),
    )


def _accommodation(records: list[Latest], said: dict[tuple[int, str], str], rules: Rules) -> Section:
    groups = accommodation_groups()
    last = len(groups)
    pairs = [
        (
            _group_of(r.accommodation[:1], groups, last - 1),
            _group_of(said.get((r.young_person_id, ACCOMMODATION_KEY), "-"), groups, last),
        )
        for r in records
    ]
    labels = [label for label, _codes in groups]
    return _section(
        _grid(pairs, last, last + 1),
        labels,
        [*labels, _("No answer shared")],
        rules,
        _("Accommodation: the statutory return (ACCOM, rows) against where young people say they live"),
        _("Statutory return"),
    )


def _suitability(records: list[Latest], said: dict[tuple[int, str], str], rules: Rules) -> Section:
    feelings = [
        (_("Good or really good"), ("good", "really_good")),
        (_("OK"), ("ok",)),
        (_("Not great or really bad"), ("not_great", "really_bad")),
    ]
    suitability = {"1": 0, "2": 1}
    pairs = [
        (
            suitability.get(r.accommodation[1:], 2),
            _group_of(said.get((r.young_person_id, FEELING_KEY), ""), feelings, len(feelings)),
        )
        for r in records
    ]
    return _section(
        _grid(pairs, 3, len(feelings) + 1),
        [_("Suitable"), _("Not suitable"), _("Not known")],
        [*(label for label, _codes in feelings), _("No answer shared")],
        rules,
        _("Suitability in the return (rows) against how young people feel about where they live"),
        _("Statutory return"),
    )


def _in_touch(records: list[Latest], checked_in: set[int], rules: Rules) -> Section:
    groups = [
        (_("In touch"), ("YES",)),
        (_("Not in touch or refuses contact"), ("NO", "REFU")),
        (_("Other (no longer needs services, returned home, died)"), ("NREQ", "RHOM", "DIED")),
    ]
    pairs = [(_group_of(r.in_touch, groups, 2), 0 if r.young_person_id in checked_in else 1) for r in records]
    return _section(
        _grid(pairs, len(groups), 2),
        [label for label, _codes in groups],
        [_("Checked in during the year before the return"), _("Did not check in")],
        rules,
        _("In touch in the return (rows) against checking in (columns)"),
        _("Statutory return"),
    )


@dataclass(frozen=True)
class SourcesPage:
    """The analyst's page: the sources map and the agreement tables."""

    topics: list[TopicSources]
    sections: list[Section]
    rule_notes: list[str]
    symbols: dict[str, str]


def sources_page(session: Session, *, organisation_id: int, rules: Rules) -> SourcesPage:
    """The sources map for the current question set and the council's agreement tables."""
    return SourcesPage(
        sources_map(current_questions(session)),
        agreement_tables(session, organisation_id=organisation_id, rules=rules),
        rule_notes(rules),
        symbol_notes(),
    )
