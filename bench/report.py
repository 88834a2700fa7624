"""Writing a benchmark's latest result into its own section of docs/performance.md (or another doc)."""

import os
import platform
import re
from datetime import UTC, datetime
from pathlib import Path

PERFORMANCE = Path(__file__).resolve().parent.parent / "docs" / "performance.md"
RELIABILITY = PERFORMANCE.parent / "reliability.md"
HEADER = "# Performance\n\nEach section is rewritten by its benchmark; run the command shown to refresh it.\n"


def machine() -> str:
    """A one-line description of the machine the figures came from."""
    cpu = platform.processor() or platform.machine()
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def write_section(title: str, command: str, body: str, path: Path = PERFORMANCE) -> None:
    """Replace (or add) the section with this title in the document at path."""
    header = HEADER if path == PERFORMANCE else f"# {path.stem.capitalize()}\n"
    text = path.read_text(encoding="utf-8") if path.exists() else header
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    section = f"## {title}\n\nCommand: `.venv/bin/{command}`  \nMeasured: {stamp} on {machine()}\n\n{body}\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(lambda _m: section, text) if pattern.search(text) else text.rstrip() + "\n\n" + section
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
