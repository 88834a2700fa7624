"""The labelled set: short comments written for the purpose, each with its themes and a fixed split."""

import csv
import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

LABELLED = Path(__file__).parent / "data" / "labelled.csv"
Split = Literal["train", "heldout"]


@dataclass(frozen=True)
class Comment:
    text: str
    topic: str
    themes: tuple[str, ...]
    split: Split


@cache
def _all() -> tuple[Comment, ...]:
    with LABELLED.open(newline="", encoding="utf-8") as handle:
        return tuple(
            Comment(row["text"], row["topic"], tuple(row["themes"].split()), row["split"])  # type: ignore[arg-type]
            for row in csv.DictReader(handle)
        )


def comments(split: Split | None = None) -> list[Comment]:
    """The labelled comments, in file order: all of them, or only one split."""
    return [c for c in _all() if split is None or c.split == split]


def training_fingerprint() -> str:
    """SHA-256 of the training comments, topics and themes: what a trained model was built from."""
    digest = hashlib.sha256()
    for comment in comments("train"):
        digest.update(f"{comment.text}\t{comment.topic}\t{' '.join(comment.themes)}\n".encode())
    return digest.hexdigest()
