"""Disclosure rules and how one number is published: rounding, percentages, means and symbols."""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from math import floor
from typing import Protocol

from app.i18n import gettext as _


class Symbol(StrEnum):
    """The symbols of UK government statistics shown in place of a number."""

    CONFIDENTIAL = "c"
    NOT_APPLICABLE = "z"
    NOT_AVAILABLE = "x"
    ROUNDS_TO_ZERO = "k"


class DisclosureSettings(Protocol):
    """The part of the service's settings that sets the disclosure rules."""

    @property
    def disclosure_group_threshold(self) -> int: ...

    @property
    def disclosure_cell_threshold(self) -> int: ...

    @property
    def disclosure_rounding(self) -> int: ...


@dataclass(frozen=True)
class Rules:
    """Thresholds for disclosure control, each a count of distinct young people."""

    group_threshold: int = 10
    cell_threshold: int = 10
    rounding: int = 5
    mean_threshold: int = 10

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number of at least 1, not {value!r}")

    @classmethod
    def from_settings(cls, settings: DisclosureSettings) -> "Rules":
        """The rules configured for this service; a mean needs as many people as a group."""
        return cls(
            group_threshold=settings.disclosure_group_threshold,
            cell_threshold=settings.disclosure_cell_threshold,
            rounding=settings.disclosure_rounding,
            mean_threshold=settings.disclosure_group_threshold,
        )


def symbol_notes() -> dict[str, str]:
    """Each symbol and what it means, in the current language, for the notes of every download."""
    return {
        Symbol.CONFIDENTIAL.value: _("confidential: hidden so that no young person can be identified"),
        Symbol.NOT_APPLICABLE.value: _("not applicable: there is nothing to count or work out"),
        Symbol.NOT_AVAILABLE.value: _("not available: the figure could not be produced"),
        Symbol.ROUNDS_TO_ZERO.value: _("rounds to zero, but is not zero"),
    }


def rule_notes(rules: Rules) -> list[str]:
    """The disclosure rules in plain words, in the current language, for the notes of every download."""
    return [
        _("Every figure counts distinct young people, using each person's latest check-in in the period."),
        _("Groups of fewer than %(n)s young people are shown only as c.", n=rules.group_threshold),
        _("Counts below %(n)s, other than zero, are shown as c.", n=rules.cell_threshold),
        _("Other figures are also shown as c where they would let a hidden figure be worked out."),
        _(
            "Counts are rounded to the nearest %(n)s; totals are worked out before rounding.",
            n=rules.rounding,
        ),
        _(
            "Percentages are worked out from the rounded count and the rounded total shown beside them, "
            "and are c when either is hidden."
        ),
        _(
            "Averages are only shown for %(n)s or more young people, and only where they "
            "could not help to work out a hidden figure.",
            n=rules.mean_threshold,
        ),
    ]


def round_half_up(value: Fraction | int) -> int:
    """The nearest whole number, halves rounded up."""
    return floor(Fraction(value) + Fraction(1, 2))


def round_count(value: int, rules: Rules) -> int:
    """A count rounded to the nearest multiple of the rounding base, halves rounded up."""
    return round_half_up(Fraction(value, rules.rounding)) * rules.rounding


def publish_count(value: int, rules: Rules, *, hidden: bool = False) -> str:
    """How one count is published: c when hidden, 0 for a true zero, k when it rounds to zero."""
    if hidden:
        return Symbol.CONFIDENTIAL.value
    if value == 0:
        return "0"
    rounded = round_count(value, rules)
    return str(rounded) if rounded else Symbol.ROUNDS_TO_ZERO.value


def publish_percentage(count: str, total: str) -> str:
    """A whole-number percentage worked out from a published count and its published total.

    z when the total is 0 (no one to count), c when either figure is a symbol. Only published
    (rounded) figures go in, so the percentage tells nothing they do not: a percentage of true counts
    beside rounded ones would give the true count back.
    """
    if total == "0":
        return Symbol.NOT_APPLICABLE.value
    if not (count.isdigit() and total.isdigit()):
        return Symbol.CONFIDENTIAL.value
    return str(round_half_up(Fraction(100 * int(count), int(total))))


def publish_mean(values: Sequence[int | float], rules: Rules) -> str:
    """The mean of one value per young person, to one decimal place, or c for too few people."""
    return publish_mean_from_sum(sum(Fraction(str(v)) for v in values), len(values), rules)


def publish_mean_from_sum(total: int | float | Fraction, n: int, rules: Rules) -> str:
    """The mean of n young people's values from their sum, to one decimal place, or c for too few."""
    if n == 0:
        return Symbol.NOT_APPLICABLE.value
    if n < rules.mean_threshold:
        return Symbol.CONFIDENTIAL.value
    tenths = round_half_up(Fraction(str(total)) * 10 / n)
    sign = "-" if tenths < 0 else ""
    return f"{sign}{abs(tenths) // 10}.{abs(tenths) % 10}"
