"""Reading what the app logs: its loggers write JSON to stderr and do not propagate to pytest's."""

import contextlib
import logging
from collections.abc import Iterator


@contextlib.contextmanager
def warnings_of(name: str) -> Iterator[list[str]]:
    """The messages this logger (and those below it) warn with, or worse, meanwhile."""
    seen: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: seen.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger(name).addHandler(handler)
    try:
        yield seen
    finally:
        logging.getLogger(name).removeHandler(handler)
