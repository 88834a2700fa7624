"""An approved table as an Excel workbook with a Notes sheet, byte-identical for the same figures.

openpyxl stamps the workbook and every zip entry with the current time. Here the workbook's created
and modified times are the end of the period, and the zip is rewritten with that time on every
entry, in the order openpyxl wrote them.
"""

import io
from datetime import datetime
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from app.i18n import gettext as _
from app.insights.sections import Row, Section, typed
from app.insights.tables import BuiltTable

BOLD = Font(bold=True)
Value = int | float | str | None


def _append(sheet: Worksheet, values: list[Value], *, bold: bool = False) -> None:
    sheet.append(values)
    if bold:
        for cell in sheet[sheet.max_row]:
            cell.font = BOLD


def _figures(section: Section, row: Row, *, shares: bool) -> list[Value]:
    cells = row.percentages if shares and row.percentages else row.cells
    values: list[Value] = [row.label, *(typed(c) for c in cells)]
    if section.total_header and not shares:
        values.append(typed(row.total) if row.total is not None else None)
    return values


def _write_section(sheet: Worksheet, section: Section) -> None:
    """The section's caption, headings and rows, then its row percentages if it has them."""
    _append(sheet, [section.caption], bold=True)
    header: list[Value] = [section.row_header, *section.column_labels]
    _append(sheet, [*header, section.total_header] if section.total_header else header, bold=True)
    for row in section.all_rows:
        _append(sheet, _figures(section, row, shares=False))
    if section.has_percentages:
        _append(sheet, [])
        _append(sheet, [_("%(caption)s: percentage of each row's total", caption=section.caption)], bold=True)
        _append(sheet, header, bold=True)
        for row in section.all_rows:
            _append(sheet, _figures(section, row, shares=True))
    _append(sheet, [])


def _fill(book: Workbook, table: BuiltTable) -> None:
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = _("Table")
    _append(sheet, [table.spec.title], bold=True)
    status = _("Provisional") if table.provisional else _("Final")
    _append(sheet, [f"{table.period.label()} ({table.period.key}): {status}"])
    _append(
        sheet, [_("The Notes sheet explains the symbols c, z, x and k, and the rules every figure passed.")]
    )
    _append(sheet, [])
    for section in table.sections:
        _write_section(sheet, section)
    sheet.column_dimensions["A"].width = 40
    notes = book.create_sheet(_("Notes"))
    for group in table.notes:
        _append(notes, [group.title], bold=True)
        for item in group.items:
            _append(notes, [None, item])
    notes.column_dimensions["A"].width = 4
    notes.column_dimensions["B"].width = 120


def _fixed_times(content: bytes, moment: datetime) -> bytes:
    """The same zip with every entry dated at the moment, in the original order."""
    stamp = moment.timetuple()[:6]
    output = io.BytesIO()
    with ZipFile(io.BytesIO(content)) as source, ZipFile(output, "w", ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = ZipInfo(entry.filename, date_time=stamp)
            fixed.compress_type = ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(entry.filename))
    return output.getvalue()


def to_xlsx(table: BuiltTable) -> bytes:
    """The table as an .xlsx workbook: a Table sheet and a Notes sheet."""
    book = Workbook()
    _fill(book, table)
    moment = table.period.end.replace(tzinfo=None)
    book.properties.creator = "Check-in"
    book.properties.created = book.properties.modified = moment
    buffer = io.BytesIO()
    ExcelWriter(book, ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True)).save()
    return _fixed_times(buffer.getvalue(), moment)
