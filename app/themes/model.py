"""The theme model: a linear classifier over sentence embeddings, one logistic score per theme.

Each theme's score is a weighted sum of the comment's embedding plus a bias for the topic the
comment was written under (when known; the young person writes "Anything else about this?" on a
topic's screen). The weights were fitted by app/themes/train.py on the training part of the
labelled set and are stored as plain numbers (data/model-<catalogue version>.npz, no pickle);
applying them needs only numpy, so the service does not load scikit-learn.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.themes.embedding import Embedder

DATA = Path(__file__).parent / "data"
MAX_SUGGESTIONS = 3
# Fewer letters than this is not enough to suggest anything from ("ok", "-", "..." or nothing).
MIN_LETTERS = 3
_LETTER = re.compile(r"[^\W\d_]")


def artefact_path(catalogue_version: int) -> Path:
    return DATA / f"model-{catalogue_version}.npz"


@dataclass(frozen=True)
class Weights:
    """What training produced: per theme, weights over the embedding, a bias per topic, a cut-off."""

    keys: tuple[str, ...]
    topics: tuple[str, ...]
    coef: np.ndarray  # themes x embedding dimensions
    topic_bias: np.ndarray  # themes x topics
    intercept: np.ndarray  # themes
    threshold: float
    trained_on: str
    catalogue_version: int

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            keys=np.array(self.keys),
            topics=np.array(self.topics),
            coef=self.coef.astype(np.float32),
            topic_bias=self.topic_bias.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
            threshold=np.float32(self.threshold),
            trained_on=np.array(self.trained_on),
            catalogue_version=np.int32(self.catalogue_version),
        )

    @classmethod
    def load(cls, path: Path) -> "Weights":
        with np.load(path, allow_pickle=False) as stored:
            return cls(
                keys=tuple(str(k) for k in stored["keys"]),
                topics=tuple(str(t) for t in stored["topics"]),
                coef=stored["coef"],
                topic_bias=stored["topic_bias"],
                intercept=stored["intercept"],
                threshold=float(stored["threshold"]),
                trained_on=str(stored["trained_on"]),
                catalogue_version=int(stored["catalogue_version"]),
            )


def too_short(text: str) -> bool:
    return len(_LETTER.findall(text)) < MIN_LETTERS


def pick(row: np.ndarray, keys: Sequence[str], threshold: float, limit: int) -> list[str]:
    """The most likely theme, then the next ones (up to `limit` in all) at least as likely as threshold."""
    order = np.argsort(-row, kind="stable")[:limit]
    return [keys[j] for rank, j in enumerate(order) if rank == 0 or row[j] >= threshold]


class ThemeModel:
    """Suggests themes for comments: the best first, then any others as likely as the cut-off."""

    def __init__(self, embedder: Embedder, weights: Weights) -> None:
        self.embedder = embedder
        self.weights = weights

    def probabilities(self, texts: list[str], topics: Sequence[str | None]) -> np.ndarray:
        """One row per text, one column per theme (in weights.keys order), each between 0 and 1.

        A topic the model was not trained with (or None) adds no topic bias.
        """
        scores = self.embedder.embed(texts) @ self.weights.coef.T + self.weights.intercept
        for i, topic in enumerate(topics):
            if topic in self.weights.topics:
                scores[i] += self.weights.topic_bias[:, self.weights.topics.index(topic)]
        return np.asarray(1.0 / (1.0 + np.exp(-scores)))

    def suggest_many(
        self, texts: list[str], topics: Sequence[str | None] | None = None, limit: int = MAX_SUGGESTIONS
    ) -> list[list[str]]:
        """For each text (written under the topic at the same place, if given), up to `limit`
        theme keys, best first; [] for empty or very short text."""
        under = list(topics) if topics is not None else [None] * len(texts)
        answers: list[list[str]] = [[] for _ in texts]
        wanted = [i for i, text in enumerate(texts) if not too_short(text)]
        if not wanted or limit < 1:
            return answers
        rows = self.probabilities([texts[i].strip() for i in wanted], [under[i] for i in wanted])
        for i, row in zip(wanted, rows, strict=True):
            answers[i] = pick(row, self.weights.keys, self.weights.threshold, limit)
        return answers
