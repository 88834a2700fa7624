"""Synthetic cohort: how a made-up young person answers each question of a question set.

Every answer comes from the question set itself: option keys, scores and risk marks. A
picker turns a level (0 bad, 1 good) and a source of random numbers into the (option key,
number) pairs the answer table stores. Pickers never give a risk answer: those come only
from a check-in's risk scenario, so alerts stay occasional and each one is planned.
Leanings name options of question set 1; one that the set does not offer raises ValueError.
"""

import bisect
import itertools
from collections.abc import Callable
from dataclasses import dataclass

from app.questions.catalogue import answers_of, is_risk
from app.questions.schema import Kind, Question, QuestionSetFile

Pair = tuple[str, int | None]
Rnd = Callable[[], float]
Pick = Callable[[float, Rnd], list[Pair]]
LOW_LEVEL = 0.45

# Options without a score, weighted for someone doing badly and for someone doing well.
LEANINGS: dict[str, tuple[dict[str, float], dict[str, float]]] = {
    "employment.activity": (
        {
            "F1": 1,
            "P1": 1,
            "F2": 8,
            "P2": 3,
            "F4": 1,
            "P4": 1,
            "F5": 6,
            "P5": 6,
            "G4": 14,
            "G6": 10,
            "G5": 40,
        },
        {
            "F1": 8,
            "P1": 1,
            "F2": 18,
            "P2": 4,
            "F4": 5,
            "P4": 1,
            "F5": 22,
            "P5": 10,
            "G4": 4,
            "G6": 6,
            "G5": 12,
        },
    ),
    "housing.where": (
        {"B": 8, "C": 3, "D": 25, "E": 4, "K": 8, "S": 10, "T": 4, "U": 20, "V": 5, "W": 3, "Z": 3, "Y": 6},
        {"B": 8, "C": 1, "D": 12, "E": 5, "K": 6, "S": 1, "T": 2, "U": 45, "V": 1, "W": 1, "Z": 12, "Y": 4},
    ),
    "relationships.trusted_adult": (
        {"yes": 50, "no": 25, "not_sure": 25},
        {"yes": 80, "no": 8, "not_sure": 12},
    ),
    "health.dentist": ({"yes": 40, "no": 40, "not_sure": 20}, {"yes": 65, "no": 25, "not_sure": 10}),
    "health.gp": ({"yes": 70, "no": 18, "not_sure": 12}, {"yes": 88, "no": 6, "not_sure": 6}),
    "risk.contact": ({"today": 45, "few_days": 35, "no": 20}, {"today": 30, "few_days": 40, "no": 30}),
}
HELP_LEANING = ({"yes": 40, "not_now": 35, "already": 25}, {"yes": 10, "not_now": 80, "already": 10})
# Questions answered once per young person and kept (what they do, where they live, GP, dentist).
STABLE = (
    "employment.activity",
    "housing.where",
    "relationships.trusted_adult",
    "health.dentist",
    "health.gp",
)


@dataclass(frozen=True)
class Asked:
    """One question as the cohort answers it."""

    key: str
    headline: bool
    ask_if: tuple[str, str] | None
    risky: bool
    pick: Pick


@dataclass(frozen=True)
class TopicPlan:
    key: str
    quick: tuple[Asked, ...]
    full: tuple[Asked, ...]


def _noise(rnd: Rnd) -> float:
    """Roughly bell-shaped noise in -1..1, cheaper than random.gauss."""
    return rnd() + rnd() - 1.0


def _scale(question: Question) -> Pick:
    flip = question.higher_is_worse

    def pick(level: float, rnd: Rnd) -> list[Pair]:
        target = 1.0 - level if flip else level
        return [("", min(10, max(0, round(1 + 8 * target + 2.2 * _noise(rnd)))))]

    return pick


def _scored(question: Question) -> Pick:
    safe = (a for a in answers_of(question) if a.score is not None and not is_risk(question, a.key))
    options: list[Pair] = [(a.key, a.score) for a in sorted(safe, key=lambda a: a.score or 0)]
    top = len(options) - 1

    def pick(level: float, rnd: Rnd) -> list[Pair]:
        return [options[min(top, max(0, round(level * top + 1.1 * _noise(rnd))))]]

    return pick


def _weighted(question: Question, low: dict[str, float], high: dict[str, float]) -> Pick:
    """A choice leaning one way for people doing badly and another for people doing well."""
    offered = {a.key for a in answers_of(question)}
    if not set(low) | set(high) <= offered:
        raise ValueError(f"{question.key}: leanings name answers the question set does not offer")
    keys = sorted(set(low) | set(high))
    bands = [list(itertools.accumulate(band.get(k, 0.0) for k in keys)) for band in (low, high)]

    def pick(level: float, rnd: Rnd) -> list[Pair]:
        cumulative = bands[level >= LOW_LEVEL]
        index = bisect.bisect(cumulative, rnd() * cumulative[-1])
        return [(keys[min(index, len(keys) - 1)], None)]

    return pick


def _ticks(question: Question) -> Pick:
    """Tick the exclusive 'none' answer, more often when doing well, or one or two others."""
    none = next(a.key for a in question.answers if a.exclusive)
    others = [a.key for a in question.answers if not a.exclusive]

    def pick(level: float, rnd: Rnd) -> list[Pair]:
        if rnd() < 0.35 + 0.6 * level:
            return [(none, None)]
        picked = {others[int(rnd() * len(others))], others[int(rnd() * len(others) * rnd())]}
        return [(key, None) for key in others if key in picked]

    return pick


def _yes_no(question: Question) -> Pick:
    """Never the risk answer; otherwise 'yes' more often when doing badly."""

    def pick(level: float, rnd: Rnd) -> list[Pair]:
        if question.risk_answer:
            return [("no" if question.risk_answer == "yes" else "yes", None)]
        return [("yes" if rnd() < 0.5 * (1.0 - level) else "no", None)]

    return pick


def picker(question: Question) -> Pick:
    """How the cohort answers this question."""
    if question.kind is Kind.scale:
        return _scale(question)
    if question.kind is Kind.yesno:
        return _yes_no(question)
    if question.kind is Kind.multi:
        return _ticks(question)
    if any(a.score is not None for a in answers_of(question)):
        return _scored(question)
    if question.key in LEANINGS:
        return _weighted(question, *LEANINGS[question.key])
    if {a.key for a in question.answers} == set(HELP_LEANING[0]):
        return _weighted(question, *HELP_LEANING)
    even = {a.key: 1.0 for a in question.answers}
    return _weighted(question, even, even)


def _asked(question: Question) -> Asked:
    ask_if = (question.ask_if.question, question.ask_if.answer) if question.ask_if else None
    risky = any(a.risk for a in answers_of(question))
    return Asked(question.key, question.headline, ask_if, risky, picker(question))


def topic_plans(questions: QuestionSetFile) -> list[TopicPlan]:
    """Each topic's questions, for a quick check-in (the headline) and a full one; no free text."""
    plans = []
    for item in questions.topics:
        asked = tuple(_asked(q) for q in item.questions if q.kind is not Kind.text)
        plans.append(TopicPlan(item.key, tuple(a for a in asked if a.headline), asked))
    return plans


def risk_answers(questions: QuestionSetFile) -> dict[tuple[str, str], int | None]:
    """Every (question, answer) the set marks as raising a safety alert, with the answer's score."""
    return {
        (q.key, a.key): a.score
        for t in questions.topics
        for q in t.questions
        for a in answers_of(q)
        if a.risk
    }


def headline_keys(questions: QuestionSetFile) -> set[str]:
    """The questions a quick check-in asks."""
    return {q.key for t in questions.topics for q in t.questions if q.headline}


def stable_pickers(questions: QuestionSetFile) -> dict[str, Pick]:
    """Pickers for the answers a young person gives once and keeps (STABLE)."""
    return {q.key: picker(q) for t in questions.topics for q in t.questions if q.key in STABLE}
