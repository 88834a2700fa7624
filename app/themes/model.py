"""The theme model: a linear classifier over sentence embeddings, one logistic score per theme.

The weights were fitted by app/themes/train.py on the training part of the labelled set and are
stored as plain numbers (data/model-<catalogue version>.npz, no pickle); applying them needs only
numpy, so the service does not load scikit-learn.
"""

import re
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
    """What training produced: theme keys, one row of weights per theme, and the cut-off."""

    keys: tuple[str, ...]
    coef: np.ndarray
    intercept: np.ndarray
    threshold: float
    trained_on: str
    catalogue_version: int

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            keys=np.array(self.keys),
            coef=self.coef.astype(np.float32),
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
                coef=stored["coef"],
                intercept=stored["intercept"],
                threshold=float(stored["threshold"]),
                trained_on=str(stored["trained_on"]),
                catalogue_version=int(stored["catalogue_version"]),
            )


def too_short(text: str) -> bool:
    return len(_LETTER.findall(text)) < MIN_LETTERS


class ThemeModel:
    """Suggests themes for comments: the best first, then any others as likely as the cut-off."""

    def __init__(self, embedder: Embedder, weights: Weights) -> None:
        self.embedder = embedder
        self.weights = weights

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """One row per text, one column per theme (in weights.keys order), each between 0 and 1."""
        scores = self.embedder.embed(texts) @ self.weights.coef.T + self.weights.intercept
        return np.asarray(1.0 / (1.0 + np.exp(-scores)))

    def suggest_many(self, texts: list[str], limit: int = MAX_SUGGESTIONS) -> list[list[str]]:
        """For each text, up to `limit` theme keys, best first ([] for empty or very short text)."""
        answers: list[list[str]] = [[] for _ in texts]
        wanted = [i for i, text in enumerate(texts) if not too_short(text)]
        if not wanted or limit < 1:
            return answers
        rows = self.probabilities([texts[i].strip() for i in wanted])
        for i, row in zip(wanted, rows, strict=True):
            order = np.argsort(-row, kind="stable")[:limit]
            likely = [j for rank, j in enumerate(order) if rank == 0 or row[j] >= self.weights.threshold]
            answers[i] = [self.weights.keys[j] for j in likely]
        return answers
