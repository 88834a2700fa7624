"""Babel extractor: every English text of a question-set file goes into the translation catalogue,
so a question set is translated through the same catalogue as the screens (see say())."""

from collections.abc import Iterator
from typing import IO, Any

import yaml


def _english_texts(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("en"), str):
            yield node["en"]
        for value in node.values():
            yield from _english_texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _english_texts(item)


def extract_question_texts(
    fileobj: IO[bytes], keywords: object, comment_tags: object, options: object
) -> Iterator[tuple[int, str, str, list[str]]]:
    """(line, function, message, comments) for each English text, as Babel's extractors give."""
    for text in dict.fromkeys(_english_texts(yaml.safe_load(fileobj))):
        yield 0, "_", text, ["question set"]
