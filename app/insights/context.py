"""What every table builder works from, and small helpers to turn grouped counts into grids."""

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlmodel import Session

from app.insights import queries
from app.insights.catalogue import TableSpec
from app.insights.charts import ChartSeries
from app.insights.disclosure import Rules
from app.insights.periods import Period
from app.insights.sections import Section
from app.insights.suppression import Position
from app.questions.catalogue import say
from app.questions.schema import QuestionSetFile

Tally = dict[tuple[object, str], int]
Parts = tuple[list[Section], ChartSeries]
Forced = Mapping[int, frozenset[Position]]
T = TypeVar("T")


@dataclass(frozen=True)
class Context:
    """Everything a table is built from: who asks, for which period, under which rules."""

    session: Session
    questions: QuestionSetFile
    spec: TableSpec
    organisation_id: int
    period: Period
    rules: Rules
    forced: Forced = field(default_factory=dict)
    answers: dict[tuple[object, ...], Any] = field(default_factory=dict)

    def forced_in(self, section: int) -> frozenset[Position]:
        """Positions of a section to hide because an overlapping period hides them (see linked.py)."""
        return self.forced.get(section, frozenset())

    def fetch(self, query: Callable[..., T], **arguments: Any) -> T:
        """A query's result for the context's organisation and period, asked once however often needed."""
        key = (query.__name__, *sorted((name, repr(value)) for name, value in arguments.items()))
        if key not in self.answers:
            self.answers[key] = query(self.session, **arguments, **self.scope())
        return self.answers[key]

    def localities(self) -> list[tuple[int, str]]:
        """The organisation's localities as (id, name), by name."""
        return self.fetch(_localities)

    def scope(self) -> dict[str, object]:
        """The keyword arguments every query takes."""
        return {"organisation_id": self.organisation_id, "period": self.period}

    def question_text(self, key: str) -> str:
        """A question's wording in the current language."""
        return say(next(q.text for t in self.questions.topics for q in t.questions if q.key == key))


def _localities(session: Session, *, organisation_id: int, period: Period) -> list[tuple[int, str]]:
    return queries.localities(session, organisation_id=organisation_id)


def tally(counts: Iterable[queries.ValueCount], group: Callable[[queries.ValueCount], object]) -> Tally:
    """People by (group, answer), adding up the rows that fall in the same group."""
    found: Tally = defaultdict(int)
    for count in counts:
        found[(group(count), count.value)] += count.people
    return found


def grid(found: Tally, groups: Iterable[object], values: Iterable[str]) -> list[list[int]]:
    """The tally as rows of groups and columns of answers, zeros where no one is counted."""
    columns = list(values)
    return [[found.get((group, value), 0) for value in columns] for group in groups]


def series(
    title: str, labels: Iterable[str], figures: Iterable[str], scale_max: float | None = None
) -> ChartSeries:
    """A chart series pairing labels with published figures."""
    return ChartSeries(title, tuple(zip(labels, figures, strict=True)), scale_max)
