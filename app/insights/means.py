"""ONS wellbeing averages by locality: small localities merged into "Other", means only for n >= 10."""

from collections import defaultdict

from app.i18n import gettext as _
from app.insights.catalogue import ONS_KEYS
from app.insights.disclosure import Rules, publish_mean_from_sum
from app.insights.publish import merge_small_groups
from app.insights.queries import ValueCount
from app.insights.sections import Row, Section


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


def mean_section(
    counts: list[ValueCount], places: list[tuple[int, str]], caption: str, key: str, rules: Rules
) -> Section:
    """One measure's averages: a row per locality (small ones merged), then all localities."""
    people, total = _sums(counts, key)
    merged = merge_small_groups({name: [people[i]] for i, name in places}, rules)

    def mean(localities: list[int]) -> str:
        return publish_mean_from_sum(
            sum(total[i] for i in localities), sum(people[i] for i in localities), rules
        )

    rows = tuple(Row(label, (mean(ids),)) for label, ids in _members(merged, places).items())
    total_row = Row(_("All localities"), (mean([i for i, _name in places]),))
    return Section(caption, _("Locality"), (_("Average (mean)"),), rows, total_row, None)


def mean_sections(
    counts: list[ValueCount], places: list[tuple[int, str]], captions: dict[str, str], rules: Rules
) -> list[Section]:
    """A section of averages for each of the four ONS measures."""
    return [mean_section(counts, places, captions[key], key, rules) for key in ONS_KEYS]
