"""Scoring suggestions against labelled themes: per-theme precision and recall, micro-F1, first right."""

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Scores:
    micro_f1: float
    first_right: float  # share of comments whose first suggestion is one of their themes
    precision: dict[str, float | None]  # None: never suggested
    recall: dict[str, float | None]  # None: no comment has the theme
    support: dict[str, int]


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def score(suggested: Sequence[Sequence[str]], truth: Sequence[Sequence[str]], keys: Sequence[str]) -> Scores:
    """How suggestions (best first) compare with each comment's labelled themes."""
    hits = dict.fromkeys(keys, 0)
    made = dict.fromkeys(keys, 0)
    support = dict.fromkeys(keys, 0)
    for guess, real in zip(suggested, truth, strict=True):
        for key in guess:
            made[key] += 1
            hits[key] += key in real
        for key in real:
            support[key] += 1
    tp, fp, fn = (
        sum(hits.values()),
        sum(made.values()) - sum(hits.values()),
        sum(support.values()) - sum(hits.values()),
    )
    first = sum(bool(guess) and guess[0] in real for guess, real in zip(suggested, truth, strict=True))
    return Scores(
        micro_f1=2 * tp / (2 * tp + fp + fn) if tp else 0.0,
        first_right=first / len(truth) if truth else 0.0,
        precision={k: _ratio(hits[k], made[k]) for k in keys},
        recall={k: _ratio(hits[k], support[k]) for k in keys},
        support=support,
    )
