"""Structured logs: one JSON object a line, with only the fields we choose to record."""

import json
import logging
import sys

_FIELDS = ("request_id", "method", "route", "status", "user_id", "role", "ms", "error", "job")


class JsonFormatter(logging.Formatter):
    """Level, logger, message and the allowed extra fields; nothing from request bodies."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({f: getattr(record, f) for f in _FIELDS if getattr(record, f, None) is not None})
        return json.dumps(entry)


def configure_logging(level: str = "INFO") -> None:
    """Send the app's logs to standard error as JSON lines."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger("checkin")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False
