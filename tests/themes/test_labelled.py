"""The labelled set the model is trained and judged on, and how it is scored."""

from collections import Counter

from app.questions.schema import TOPIC_KEYS
from app.themes.catalogue import keys
from app.themes.evaluation import score
from app.themes.labelled import comments


def test_at_least_600_comments_covering_every_theme_and_topic_in_both_parts():
    everything = comments()
    assert len(everything) >= 600
    assert len({c.text for c in everything}) == len(everything)
    for split in ("train", "heldout"):
        part = comments(split)
        assert {t for c in part for t in c.themes} == set(keys()), split
        assert {c.topic for c in part} == set(TOPIC_KEYS), split
    assert 0.2 <= len(comments("heldout")) / len(everything) <= 0.3
    mixed = sum(len(c.themes) > 1 for c in everything)
    assert mixed >= len(everything) // 4
    assert all(c.themes and len(set(c.themes)) == len(c.themes) for c in everything)


def test_each_topic_has_several_comments_per_split():
    counts = Counter((c.topic, c.split) for c in comments())
    assert min(counts.values()) >= 10


def test_scores_count_hits_misses_and_the_first_suggestion():
    result = score(
        suggested=[["money", "housing"], ["family"], []],
        truth=[("housing",), ("family", "loneliness"), ("money",)],
        keys=("money", "housing", "family", "loneliness"),
    )
    # 2 right (housing, family), 1 wrong (money), 2 missed (loneliness, money): F1 = 4 / (4 + 1 + 2)
    assert abs(result.micro_f1 - 4 / 7) < 1e-9
    assert abs(result.first_right - 1 / 3) < 1e-9
    assert result.precision == {"money": 0.0, "housing": 1.0, "family": 1.0, "loneliness": None}
    assert result.recall == {"money": 0.0, "housing": 1.0, "family": 1.0, "loneliness": 0.0}
