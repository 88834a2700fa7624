"""Sentence embeddings from wordllama's English model, loaded from its own wheel with no download."""

import threading
from pathlib import Path

import numpy as np
import wordllama
from wordllama import WordLlama

# WordLlama.load() with no arguments looks for `tokenizer/` (the wheel has `tokenizers/`) and then
# tries to download; pointing it at the package folder with downloads off finds both files offline.
_PACKAGE = Path(wordllama.__file__).parent
DIMENSIONS = 256


class Embedder:
    """Turns texts into unit-length vectors; safe to share between threads."""

    def __init__(self) -> None:
        self._model = WordLlama.load(cache_dir=_PACKAGE, disable_download=True, dim=DIMENSIONS)
        self._lock = threading.Lock()

    def embed(self, texts: list[str]) -> np.ndarray:
        """One row per text, each of length one (the mean of its token vectors, normalised)."""
        with self._lock:
            vectors = self._model.embed(texts, norm=True)
        return np.asarray(vectors, dtype=np.float32)
