"""ONS wellbeing averages by locality: small localities merged into "Other", means only where safe.

A mean is a sum of answers, so beside the counts of each answer (the question's own table, and the
ONS bands table) it could narrow a count hidden there. So a group's mean is published only when it
has 10 or more people and none of its figures in those two tables is hidden (for all localities
together: none at all): then the mean can only be checked against counts that are shown anyway.
"""

from collections import defaultdict
from collections.abc import Collection, Sequence

from app.i18n import gettext as _
from app.insights.catalogue import AGE_BANDS, ONS_KEYS, ons_bands
from app.insights.disclosure import Rules, Symbol, publish_mean_from_sum
from app.insights.publish import merge_small_groups
from app.insights.queries import ValueCount
from app.insights.sections import Row, Section
from app.insights.suppression import suppression_pattern

SCALE = tuple(str(n) for n in range(11))
TOTAL = -1


def _sums(counts: list[ValueCount], key: str) -> tuple[dict[int, int], dict[int, int]]:
    """People and the sum of their scores, by locality, for one measure."""
    people: dict[int, int] = defaultdict(int)
    total: dict[int, int] = defaultdict(int)
    for count in counts:
        if count.question_key == key:
            people[count.locality_id] += count.people
            total[count.locality_id] += int(count.value) * count.people
    return people, total


def _members(merged: dict[str, list[int]], places: list[tuple[int, str]]) -> dict[str, list[int]]:
    """The localities behind each row of the merged table; "Other" holds those no longer listed."""
    other = _("Other")
    return {
        label: [i for i, name in places if (name == label if label != other else name not in merged)]
        for label in merged
    }


def _grid(counts: list[ValueCount], key: str, groups: Sequence[object], attribute: str) -> list[list[int]]:
    """People by group (rows) and score (columns) for one measure."""
    found: dict[tuple[object, str], int] = defaultdict(int)
    for count in counts:
        if count.question_key == key:
            found[(getattr(count, attribute), count.value)] += count.people
    return [[found[(group, value)] for value in SCALE] for group in groups]


def _hiding(pattern: list[list[bool]]) -> set[int]:
    """The rows with a hidden figure, the total row as TOTAL."""
    last = len(pattern) - 1
    return {TOTAL if i == last else i for i, row in enumerate(pattern) if any(row)}


def answers_hidden(
    counts: list[ValueCount], key: str, places: list[tuple[int, str]], rules: Rules
) -> list[list[bool]]:
    """Which figures the measure's own table hides by locality (grid with totals), its total row as
    the age band breakdown hides it too (the two share it)."""
    ids = [i for i, _name in places]
    by_locality = suppression_pattern(_grid(counts, key, ids, "locality_id"), rules)
    by_band = suppression_pattern(_grid(counts, key, AGE_BANDS, "band"), rules)
    by_locality[-1] = [a or b for a, b in zip(by_locality[-1], by_band[-1], strict=True)]
    return by_locality


def band_forced(answers: list[list[bool]], key: str) -> set[tuple[int, int]]:
    """The ONS bands to hide because an answer inside them is hidden (a band is a sum of answers:
    shown beside its hidden parts, it would bound them), with the totals hidden alike."""
    bands = ons_bands(key)
    forced = {
        (i, k)
        for i, row in enumerate(answers)
        for k, (_label, scores) in enumerate(bands)
        if any(row[n] for n in scores)
    }
    return forced | {(i, len(bands)) for i, row in enumerate(answers) if row[-1]}


def hidden_groups(
    counts: list[ValueCount], key: str, places: list[tuple[int, str]], rules: Rules
) -> set[int]:
    """Localities (by id, TOTAL for all of them) with a hidden figure in the measure's counts tables.

    The question's own table by locality and by age band (the two share their total row), and the
    ONS bands table by locality. The average of all localities is a sum over every row, so it counts
    as hidden when any row hides a figure.
    """
    ids = [i for i, _name in places]
    answers = answers_hidden(counts, key, places, rules)
    banded = [
        [sum(row[n] for n in scores) for _label, scores in ons_bands(key)]
        for row in _grid(counts, key, ids, "locality_id")
    ]
    bands = suppression_pattern(banded, rules, forced=band_forced(answers, key))
    rows = _hiding(answers) | _hiding(bands)
    if rows:
        rows.add(TOTAL)
    return {TOTAL if i == TOTAL else ids[i] for i in rows}


def mean_section(
    counts: list[ValueCount], places: list[tuple[int, str]], caption: str, key: str, rules: Rules
) -> Section:
    """One measure's averages: a row per locality (small ones merged), then all localities."""
    people, total = _sums(counts, key)
    merged = merge_small_groups({name: [people[i]] for i, name in places}, rules)
    hidden = hidden_groups(counts, key, places, rules)

    def mean(localities: Collection[int], hiding: bool) -> str:
        if hiding:
            return Symbol.CONFIDENTIAL.value
        return publish_mean_from_sum(
            sum(total[i] for i in localities), sum(people[i] for i in localities), rules
        )

    rows = tuple(
        Row(label, (mean(ids, bool(hidden.intersection(ids))),))
        for label, ids in _members(merged, places).items()
    )
    total_row = Row(_("All localities"), (mean([i for i, _name in places], TOTAL in hidden),))
    return Section(caption, _("Locality"), (_("Average (mean)"),), rows, total_row, None)


def mean_sections(
    counts: list[ValueCount], places: list[tuple[int, str]], captions: dict[str, str], rules: Rules
) -> list[Section]:
    """A section of averages for each of the four ONS measures."""
    return [mean_section(counts, places, captions[key], key, rules) for key in ONS_KEYS]
