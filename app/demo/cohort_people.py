"""Synthetic cohort: each young person and their check-ins, answers and alerts, as plain rows.

Each young person draws from their own random.Random seeded with the seed and their number,
so the same seed, N and M give the same rows whatever the batch size. A person has hidden
traits (a level of how life is going that improves, declines or holds steady; some topics
better than others; habits of quick or full check-ins, of sharing, of skipping), and starts
at 16 or later, misses months, or stops. Answers come from the question set (through
app.demo.cohort_answers); now and then, more often when life is hard, one answer is a risk
answer, and each raises one safety alert for the PA, as app.checkins.alerts would. No free
text except the few generic actions a PA noted on alerts older than a week.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from app.demo.cohort import MONTH_DAYS, Cohort, Rows, Stamp, empty_rows, naive_utc
from app.demo.cohort_answers import Pair, TopicPlan, headline_keys, risk_answers, stable_pickers, topic_plans
from app.questions.schema import QuestionSetFile

VERSION = 1
SIXTEEN_DAYS = 5845
QUESTION_SKIP = 0.04
ALERT_STILL_OPEN = timedelta(days=7)
SEEN_AFTER = timedelta(days=14)
AGES = {16: 4, 17: 6, 18: 14, 19: 16, 20: 15, 21: 14, 22: 10, 23: 8, 24: 7, 25: 6}
GENDERS = {"Male": 54, "Female": 43, "Non-binary": 3}
PRIVATE_TOPICS = ("relationships", "risk", "health", "wellbeing", "life")
FIRST_NAMES = (
    "Aiden", "Amara", "Bailey", "Blessing", "Caleb", "Chloe", "Connor", "Daisy", "Dylan", "Eden",
    "Ethan", "Freya", "Grace", "Harley", "Hussein", "Imani", "Jack", "Jayden", "Kacper", "Kayla",
    "Leon", "Lily", "Logan", "Maya", "Mason", "Nia", "Noah", "Olivia", "Oscar", "Priya",
    "Reece", "Riley", "Rosie", "Ryan", "Sana", "Skye", "Tyler", "Zainab", "Zak", "Zoe",
)  # fmt: skip
LAST_NAMES = (
    "Adams", "Ahmed", "Bailey", "Brown", "Campbell", "Clarke", "Davies", "Edwards", "Evans", "Green",
    "Hall", "Harris", "Hill", "Hussain", "Jackson", "James", "Jones", "Khan", "King", "Lewis",
    "Mensah", "Mills", "Moore", "Murphy", "Nowak", "Patel", "Price", "Roberts", "Robinson", "Scott",
    "Shah", "Smith", "Taylor", "Thomas", "Turner", "Walker", "Ward", "White", "Williams", "Wilson",
)  # fmt: skip
ALERT_ACTIONS = (
    "Phoned the same day; safe now, support agreed.",
    "Visited; made a safety plan together.",
    "Spoke with them; referred on for extra support.",
)
Scenario = tuple[str, str, str, int | None]


@dataclass
class Person:
    """One young person's hidden traits, which shape all their check-ins."""

    id: int
    pa_id: int
    rng: random.Random
    base: float
    slope: float
    shifts: dict[str, float]
    quick_rate: float
    share_rate: float
    skip_rate: float
    private: str
    stable: dict[str, list[Pair]] = field(default_factory=dict)


def _clamp(value: float) -> float:
    return 0.0 if value < 0.0 else 1.0 if value > 1.0 else value


def _pick_weighted(rng: random.Random, weights: dict[Any, int]) -> Any:
    return rng.choices(list(weights), list(weights.values()))[0]


@dataclass(frozen=True, slots=True)
class Visit:
    """One check-in being planned: its id, whether quick, how life is going, when it was sent."""

    id: int
    quick: bool
    level: float
    submitted: Any


class CohortPlanner:
    """Plans the young people of a cohort, slice by slice, as rows."""

    def __init__(self, cohort: Cohort, questions: QuestionSetFile, ids: dict[str, int], stamp: Stamp) -> None:
        self.cohort, self.spec, self.ids, self.stamp = cohort, cohort.spec, ids, stamp
        self.now = naive_utc(cohort.spec.now)
        self.plans: list[TopicPlan] = topic_plans(questions)
        self.stable = stable_pickers(questions)
        headlines = headline_keys(questions)
        risks = [(q.split(".")[0], q, o, s) for (q, o), s in sorted(risk_answers(questions).items())]
        self.full_risks: list[Scenario] = risks
        self.quick_risks: list[Scenario] = [r for r in risks if r[1] in headlines]
        self.risky = set(risk_answers(questions))
        self.span = max(1, self.spec.months - 1)
        self.rows = empty_rows()

    def people(self, start: int, stop: int) -> Rows:
        """The rows of young people number start to stop - 1 and all their check-ins."""
        self.rows = empty_rows()
        for index in range(start, stop):
            self._young_person(index)
        return self.rows

    def _add(self, table: str, *values: Any) -> int:
        """Append a row with the next free id of its table; the id."""
        new_id = self.ids[table]
        self.ids[table] = new_id + 1
        self.rows[table].append((new_id, *values))
        return new_id

    def _young_person(self, index: int) -> None:
        spec, rng = self.spec, random.Random(f"{self.spec.seed}:{index}")  # noqa: S311 - demo data
        age_days = int((_pick_weighted(rng, AGES) + rng.random()) * 365.25)
        gender = _pick_weighted(rng, GENDERS) if rng.random() < 0.6 else None
        months = self._months(age_days, rng)
        first = months[0] if months else spec.months
        created = self.now - timedelta(days=(spec.months - first) * MONTH_DAYS + rng.randint(5, 60))
        locality, pa = self.cohort.homes[index]
        name = (rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES))
        born = (self.now - timedelta(days=age_days)).date()
        org = self.cohort.organisation_id
        yp = self._add("young_person", org, locality, *name, born, gender, self.stamp(created))
        self._add("pa_assignment", yp, pa, self.stamp(created))
        person = self._person(yp, pa, rng)
        for month in months:
            self._check_in(person, month)

    def _months(self, age_days: int, rng: random.Random) -> list[int]:
        """Roughly monthly from 16 on: some start late, some stop, most miss a month now and then."""
        months, rnd = self.spec.months, rng.random
        eligible = max(0, months - (age_days - SIXTEEN_DAYS) // MONTH_DAYS)
        first = max(eligible, 0 if rnd() < 0.7 else int(rnd() * months))
        last = months - 1 if rnd() < 0.8 else first + int(rnd() * (months - first))
        attend = 0.55 + 0.43 * rnd()
        if first >= months:
            return []
        return [m for m in range(first, last + 1) if m == first or rnd() < attend]

    def _person(self, yp: int, pa: int, rng: random.Random) -> Person:
        """Improving, declining or steady; some topics better than others; habits of sharing."""
        rnd = rng.random
        kind, base = rnd(), 0.2 + 0.65 * rnd()
        rise = 0.15 + 0.3 * rnd()
        slope = rise if kind < 0.35 else -rise if kind < 0.6 else 0.1 * (rnd() - 0.5)
        shifts = {plan.key: 0.3 * (rnd() - 0.5) for plan in self.plans}
        private = rng.choice(PRIVATE_TOPICS) if rnd() < 0.25 else ""
        rates = (0.55 + 0.4 * rnd(), 0.7 + 0.3 * rnd(), 0.08 * rnd())
        person = Person(yp, pa, rng, base, slope, shifts, *rates, private)
        person.stable = {key: pick(base, rnd) for key, pick in self.stable.items()}
        return person

    def _scenario(self, level: float, quick: bool, rnd: Callable[[], float]) -> Scenario | None:
        """Now and then, more often when things are bad, one risk answer that raises an alert."""
        if rnd() >= 0.003 + 0.15 * max(0.0, 0.4 - level):
            return None
        options = self.quick_risks if quick else self.full_risks
        return options[int(rnd() * len(options))] if options else None

    def _check_in(self, person: Person, month: int) -> None:
        """One check-in, sent some day in its month, every topic saved a minute or so apart."""
        rng, rnd, stamp = person.rng, person.rng.random, self.stamp
        quick = rnd() < person.quick_rate
        level = _clamp(person.base + person.slope * month / self.span + 0.16 * (rnd() - 0.5))
        scenario = self._scenario(level, quick, rnd)
        day = self.now - timedelta(days=(self.spec.months - month) * MONTH_DAYS - rng.randint(0, 26))
        started = day.replace(hour=rng.randint(8, 22), minute=rng.randint(0, 59), second=0, microsecond=0)
        submitted = started + timedelta(minutes=rng.randint(2, 5) if quick else rng.randint(6, 16))
        seen = submitted + timedelta(hours=rng.randint(3, 72)) if submitted < self.now - SEEN_AFTER else None
        sent = stamp(submitted)
        times = (stamp(started), sent, sent, stamp(seen), person.pa_id if seen else None)
        check_in = self._add(
            "check_in", person.id, VERSION, "quick" if quick else "full", "submitted", *times
        )
        visit = Visit(check_in, quick, level, sent)
        step = (submitted - started) / (len(self.plans) + 1)
        for index, plan in enumerate(self.plans, start=1):
            forced = scenario if scenario and scenario[0] == plan.key else None
            self._topic(person, visit, plan, forced, started + step * index)

    def _topic(
        self, person: Person, visit: Visit, plan: TopicPlan, forced: Scenario | None, saved: datetime
    ) -> None:
        """A topic screen: skipped, or answered and then shared or kept."""
        rnd = person.rng.random
        if forced is None and rnd() < person.skip_rate:
            self._add("topic_response", visit.id, plan.key, True, False, None, False, self.stamp(saved))
            return
        level = _clamp(visit.level + person.shifts[plan.key] + 0.1 * (rnd() - 0.5))
        self._answers(person, visit, plan, level, forced, saved)
        shared = plan.key != person.private and rnd() < person.share_rate
        talk = shared and level < 0.35 and rnd() < 0.3
        values = (shared, visit.submitted if shared else None, talk, self.stamp(saved))
        self._add("topic_response", visit.id, plan.key, False, *values)

    def _answers(
        self,
        person: Person,
        visit: Visit,
        plan: TopicPlan,
        level: float,
        forced: Scenario | None,
        saved: datetime,
    ) -> None:
        """The answers on one screen; a risk answer raises one alert per question."""
        rnd, given, rows, next_id = person.rng.random, {}, self.rows["answer"], self.ids["answer"]
        for asked in plan.quick if visit.quick else plan.full:
            if asked.ask_if and given.get(asked.ask_if[0]) != asked.ask_if[1]:
                continue
            if forced and asked.key == forced[1]:
                pairs: list[Pair] = [(forced[2], forced[3])]
            elif not asked.headline and rnd() < QUESTION_SKIP:
                continue
            else:
                pairs = person.stable.get(asked.key) or asked.pick(level, rnd)
            given[asked.key] = pairs[0][0]
            for option, number in pairs:
                rows.append((next_id, visit.id, plan.key, asked.key, option, number))
                next_id += 1
                if asked.risky and (asked.key, option) in self.risky:
                    self._alert(person, visit.id, asked.key, option, saved)
        self.ids["answer"] = next_id

    def _alert(self, person: Person, check_in: int, question: str, option: str, raised: datetime) -> None:
        """An alert for the PA; ones older than a week were seen and acted on within hours."""
        handled = raised < self.now - ALERT_STILL_OPEN
        seen = raised + timedelta(minutes=40) if handled else None
        done = raised + timedelta(hours=2) if handled else None
        action = person.rng.choice(ALERT_ACTIONS) if handled else None
        values = (self.stamp(raised), person.pa_id, self.stamp(seen), self.stamp(done))
        by = person.pa_id if done else None
        self._add("safety_alert", person.id, check_in, question, option, *values, by, action)
