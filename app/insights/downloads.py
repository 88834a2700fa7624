"""An approved table as a file: CSV, JSON or Excel, the same bytes every time for the same figures."""

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.i18n import gettext as _
from app.insights.disclosure import Symbol
from app.insights.sections import Row, Section, typed
from app.insights.tables import BuiltTable
from app.insights.xlsx import to_xlsx

NOT_APPLICABLE = Symbol.NOT_APPLICABLE.value


@dataclass(frozen=True)
class Download:
    """A file to send: its name, media type and bytes."""

    filename: str
    media_type: str
    content: bytes


def _csv_rows(section: Section) -> list[list[str]]:
    """One line per figure: section, row, column, figure, percentage of the row's total."""
    lines = []
    for row in section.all_rows:
        for j, label in enumerate(section.column_labels):
            share = row.percentages[j] if row.percentages else NOT_APPLICABLE
            lines.append([section.caption, row.label, label, row.cells[j], share])
        if section.total_header and row.total is not None:
            lines.append([section.caption, row.label, section.total_header, row.total, NOT_APPLICABLE])
    return lines


def to_csv(table: BuiltTable) -> bytes:
    """The table as tidy CSV (one figure a line), then its notes; UTF-8 with a byte order mark for Excel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_("Section"), _("Row"), _("Column"), _("Figure"), _("Percentage of row total")])
    for section in table.sections:
        writer.writerows(_csv_rows(section))
    writer.writerow([])
    writer.writerow([_("Notes")])
    for group in table.notes:
        writer.writerows([group.title, item] for item in group.items)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _json_row(row: Row | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "label": row.label,
        "figures": [typed(c) for c in row.cells],
        "total": None if row.total is None else typed(row.total),
        "percentages": None if row.percentages is None else [typed(p) for p in row.percentages],
    }


def to_json(table: BuiltTable) -> bytes:
    """The table as JSON with its notes; figures are numbers, hidden ones their symbol."""
    data = {
        "table": table.spec.key,
        "title": table.spec.title,
        "period": table.period.key,
        "period_label": table.period.label(),
        "provisional": table.provisional,
        "sections": [
            {
                "caption": s.caption,
                "row_header": s.row_header,
                "columns": list(s.column_labels),
                "total_column": s.total_header,
                "rows": [_json_row(r) for r in s.rows],
                "total_row": _json_row(s.total_row),
            }
            for s in table.sections
        ],
        "notes": [{"title": g.title, "items": list(g.items)} for g in table.notes],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


FORMATS: dict[str, tuple[str, Callable[[BuiltTable], bytes]]] = {
    "csv": ("text/csv; charset=utf-8", to_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", to_xlsx),
    "json": ("application/json", to_json),
}


def make_download(table: BuiltTable, file_format: str) -> Download:
    """The table in one of the formats in FORMATS."""
    media_type, render = FORMATS[file_format]
    filename = f"{table.spec.key}-{table.period.key}.{file_format}"
    return Download(filename, media_type, render(table))
