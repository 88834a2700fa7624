"""Demo data: planning a year of check-ins for each persona, without touching the database.

The plan is a pure function of the question set, the seed and `now`: each persona draws from its
own random.Random, seeded with the seed and its name, so adding a persona changes no one else.
Answers come from the question set itself (scores, risk marks, exclusive ticks); persona data that
names an answer the set does not offer raises ValueError. Risk answers appear only where a
persona's story puts them.
"""

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from app.demo.personas import LEANINGS, LOW_LEVEL, PERSONAS, Persona
from app.demo.voices import GOING_WELL, STORIES, TALK_ABOUT_WORDS, VOICES
from app.questions.catalogue import answers_of, asked_questions, is_risk
from app.questions.schema import Kind, Question, QuestionSetFile, Topic

VERSION = 1
MONTH = timedelta(days=30)
QUESTION_SKIP_RATE = 0.04
MAX_TALK_ABOUT = 2


@dataclass
class PlannedTopic:
    key: str
    values: dict[str, list[str]] = field(default_factory=dict)
    comment: str = ""
    skipped: bool = False
    shared: bool = False
    talk_about: bool = False


@dataclass
class PlannedCheckIn:
    first_name: str
    last_name: str
    mode: str
    started_at: datetime
    submitted_at: datetime
    topics: list[PlannedTopic]
    talk_about_words: str = ""
    going_well: str = ""


@dataclass(frozen=True)
class Moment:
    """One persona in one month: what the check-in is shaped by."""

    persona: Persona
    month: int
    level: float
    quick: bool
    said: set[str]

    def story(self, key: str) -> str:
        return STORIES.get(self.persona.first_name, {}).get(self.month, {}).get(key, "")

    def fresh(self, lines: tuple[str, ...], rng: random.Random) -> str:
        """A line this person has not written before, or nothing."""
        unsaid = [line for line in lines if line not in self.said]
        if not unsaid:
            return ""
        line = rng.choice(unsaid)
        self.said.add(line)
        return line


def _clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return max(low, min(high, value))


def level_at(persona: Persona, month: int) -> float:
    """How life is going overall in a month, on the persona's arc (straight lines in between)."""
    points = persona.arc
    if month <= points[0][0]:
        return points[0][1]
    for (m0, v0), (m1, v1) in zip(points, points[1:], strict=False):
        if m0 <= month <= m1:
            return v0 + (v1 - v0) * (month - m0) / (m1 - m0)
    return points[-1][1]


def _on_timeline(timeline: tuple[tuple[int, str], ...], month: int) -> str:
    return [key for start, key in timeline if start <= month][-1]


def _offered(question: Question, values: list[str]) -> list[str]:
    offered = {a.key for a in answers_of(question)}
    if question.kind is not Kind.scale and not set(values) <= offered:
        raise ValueError(f"{question.key}: {values} are not answers of question set {VERSION}")
    return values


def _scale(question: Question, level: float, rng: random.Random) -> str:
    target = 1 - level if question.higher_is_worse else level
    return str(round(_clamp(1 + 8 * target + rng.gauss(0, 0.7), 0, 10)))


def _scored(question: Question, level: float, rng: random.Random) -> str:
    options = sorted(
        (a for a in answers_of(question) if a.score is not None and not is_risk(question, a.key)),
        key=lambda a: a.score or 0,
    )
    index = round(_clamp(level * (len(options) - 1) + rng.gauss(0, 0.45), 0, len(options) - 1))
    return options[index].key


def _ticks(question: Question, pool: tuple[str, ...], rng: random.Random) -> list[str]:
    picked = set(rng.sample(pool, min(len(pool), 1 if rng.random() < 0.7 else 2)))
    exclusive = [a.key for a in question.answers if a.exclusive and a.key in picked]
    return exclusive[:1] or [a.key for a in question.answers if a.key in picked]


def _pick(question: Question, moment: Moment, level: float, rng: random.Random) -> list[str]:
    if question.key in moment.persona.timelines:
        return [_on_timeline(moment.persona.timelines[question.key], moment.month)]
    if question.kind is Kind.scale:
        return [_scale(question, level, rng)]
    if any(a.score is not None for a in answers_of(question)):
        return [_scored(question, level, rng)]
    low, high = LEANINGS[question.key]
    pool = low if level < LOW_LEVEL else high
    return _ticks(question, pool, rng) if question.kind is Kind.multi else [rng.choice(pool)]


def _answers(item: Topic, moment: Moment, level: float, rng: random.Random) -> dict[str, list[str]]:
    """A topic screen's answers; risk answers only where the persona's story puts them."""
    overrides = moment.persona.overrides.get(moment.month, {})
    values: dict[str, list[str]] = {}
    for question in asked_questions(item, quick=moment.quick):
        if question.key in overrides:
            values[question.key] = _offered(question, list(overrides[question.key]))
        elif question.ask_if or (not question.headline and rng.random() < QUESTION_SKIP_RATE):
            continue
        else:
            picked = [v for v in _pick(question, moment, level, rng) if not is_risk(question, v)]
            values[question.key] = _offered(question, picked)
    return {key: chosen for key, chosen in values.items() if chosen}


def _band(level: float) -> str:
    return "low" if level < 0.4 else "mid" if level < 0.65 else "high"


def _plan_topic(item: Topic, moment: Moment, rng: random.Random) -> PlannedTopic:
    persona, story = moment.persona, moment.story(item.key)
    if item.key in persona.skippable and not story and rng.random() < persona.skip_rate:
        return PlannedTopic(item.key, skipped=True)
    level = _clamp(moment.level + persona.shifts.get(item.key, 0.0) + rng.gauss(0, 0.06))
    values = _answers(item, moment, level, rng)
    if not story and rng.random() < persona.comment_rate:
        story = moment.fresh(VOICES[item.key][_band(level)], rng)
    shared = item.key not in persona.private and rng.random() < persona.share_rate
    talk_about = shared and level < 0.4 and rng.random() < 0.5
    return PlannedTopic(item.key, values, story, shared=shared, talk_about=talk_about)


def _started_at(moment: Moment, now: datetime, rng: random.Random) -> datetime:
    if moment.persona.recent_alert and moment.month == moment.persona.last_month:
        days = rng.randint(1, 4)
    else:
        days = (11 - moment.month) * MONTH.days + rng.randint(2, 12)
    day = now - timedelta(days=days)
    return day.replace(hour=rng.randint(8, 22), minute=rng.randint(0, 59), second=0, microsecond=0)


def _closing_words(moment: Moment, topics: list[PlannedTopic], rng: random.Random) -> tuple[str, str]:
    for extra in [t for t in topics if t.talk_about][MAX_TALK_ABOUT:]:
        extra.talk_about = False
    talk = moment.story("talk_about")
    if not talk and any(t.talk_about for t in topics) and rng.random() < 0.5:
        talk = moment.fresh(TALK_ABOUT_WORDS, rng)
    going_well = moment.story("going_well")
    if not going_well and moment.level > 0.4 and rng.random() < 0.3:
        going_well = moment.fresh(GOING_WELL, rng)
    return talk, going_well


def _plan_check_in(
    questions: QuestionSetFile,
    persona: Persona,
    month: int,
    now: datetime,
    rng: random.Random,
    said: set[str],
) -> PlannedCheckIn:
    quick = month not in persona.overrides and rng.random() < persona.quick_rate
    moment = Moment(persona, month, level_at(persona, month), quick, said)
    started = _started_at(moment, now, rng)
    submitted = started + timedelta(minutes=rng.randint(2, 5) if quick else rng.randint(6, 16))
    topics = [_plan_topic(item, moment, rng) for item in questions.topics]
    talk, going_well = _closing_words(moment, topics, rng)
    mode = "quick" if quick else "full"
    return PlannedCheckIn(
        persona.first_name, persona.last_name, mode, started, submitted, topics, talk, going_well
    )


def _months(persona: Persona, rng: random.Random) -> list[int]:
    """The months with a check-in: never missing the first, the last, or one the story needs."""
    optional = [m for m in range(1, persona.last_month) if m not in persona.overrides]
    missed = set(rng.sample(optional, persona.missed_months))
    return [m for m in range(persona.last_month + 1) if m not in missed]


def plan_history(questions: QuestionSetFile, *, seed: int, now: datetime) -> list[PlannedCheckIn]:
    """Every demo check-in, oldest first per person; the same seed and `now` give the same plan."""
    plans = []
    for persona in PERSONAS:
        rng = random.Random(f"{seed}:{persona.first_name}")  # noqa: S311 - demo data, not secrets
        said: set[str] = set()
        plans += [_plan_check_in(questions, persona, m, now, rng, said) for m in _months(persona, rng)]
    return plans
