"""Theme suggestions for a young person's own words, from the offline model, loaded once per process."""

import threading
from collections.abc import Sequence

from app.themes.catalogue import latest_version
from app.themes.embedding import Embedder
from app.themes.model import MAX_SUGGESTIONS, ThemeModel, Weights, artefact_path, too_short

_model: ThemeModel | None = None
_loading = threading.Lock()


def model() -> ThemeModel:
    """The service's theme model, loaded on first use (a few seconds) and shared by every thread."""
    global _model
    if _model is None:
        with _loading:
            if _model is None:
                weights = Weights.load(artefact_path(latest_version()))
                _model = ThemeModel(Embedder(), weights)
    return _model


def suggest(text: str, limit: int = MAX_SUGGESTIONS, topic: str | None = None) -> list[str]:
    """Up to `limit` theme keys for a comment, best first; [] for empty or very short text.

    `topic` is the key of the question-set topic the comment was written under (e.g. "housing"):
    pass it when known, the suggestions are markedly better with it (docs/performance.md).
    Only suggestions: the young person decides which fit, and nothing about safety depends on them.
    """
    if too_short(text):
        return []
    return model().suggest_many([text], [topic], limit)[0]


def suggest_many(
    texts: list[str], topics: Sequence[str | None] | None = None, limit: int = MAX_SUGGESTIONS
) -> list[list[str]]:
    """suggest() for many comments at once (faster than one by one); topics line up with texts."""
    return model().suggest_many(texts, topics, limit)
