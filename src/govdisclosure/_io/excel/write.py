"""Writing a report workbook: :func:`write_excel` and :func:`to_excel_bytes`.

The workbook is laid out as :mod:`.layout` says, with borders, a CJK font, number formats,
frozen headers and an A4 print setup, and values stored as :mod:`.storage` says. The
template (:mod:`.template`) is written by the same functions, with its inputs unlocked.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from govdisclosure import _format
from govdisclosure._archive import file_path
from govdisclosure._format import AgencyLevel, CellKind, FormatVersion
from govdisclosure._format.vocabulary import LEVEL_NAMES
from govdisclosure._io.excel.layout import (
    FACTS,
    FACTS_SHEET,
    LINE_HEIGHT,
    TEXTS_SHEET,
    Layout,
    layouts,
    text_fields,
    version_of_table,
    wrapped_lines,
)
from govdisclosure._io.excel.storage import (
    CELL_LIMIT,
    EXACT_DIGITS,
    escape_text,
    money_format,
    money_places,
    utf16,
)
from govdisclosure._io.xlsx.reader import column_letter, coordinate
from govdisclosure._model.meta import ReportMeta
from govdisclosure._model.report import AnnualReport, CellValue
from govdisclosure.errors import ExcelError

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "COUNT_FORMAT",
    "FONT",
    "Styles",
    "merge_cells",
    "print_setup",
    "put_text",
    "save_workbook",
    "to_excel_bytes",
    "write_excel",
    "write_facts",
    "write_table",
    "write_texts",
]


FONT = "宋体"


def _get_field(report: AnnualReport, field: str) -> Any:
    value: Any = report
    for part in field.split("."):
        value = getattr(value, part)
    return value


_TOKENS = re.compile(r"_x[0-9A-F]{4}_|.", re.DOTALL)


def _chunks(text: str) -> list[str]:
    """The escaped text in pieces of at most :data:`CELL_LIMIT` UTF-16 code units."""
    escaped = escape_text(text)
    if len(escaped) <= CELL_LIMIT // 2 or utf16(escaped) <= CELL_LIMIT:
        return [escaped]
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for token in _TOKENS.findall(escaped):
        n = utf16(token)
        if size + n > CELL_LIMIT:
            chunks.append("".join(current))
            current, size = [], 0
        current.append(token)
        size += n
    chunks.append("".join(current))
    return chunks


class Styles:
    """Style arrays made once per workbook and copied onto cells.

    Copying is much faster than assigning font, border and alignment objects cell by cell.
    """

    def __init__(self, ws: Worksheet, *, template: bool = False) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        self._ws = ws
        self._template = template
        thin = Side(style="thin", color="000000")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self._spec = {
            "title": {
                "font": Font(name=FONT, size=14, bold=True),
                "alignment": Alignment(horizontal="center", vertical="center"),
            },
            "header": {
                "font": Font(name=FONT, size=11, bold=True),
                "border": border,
                "alignment": Alignment(horizontal="center", vertical="center", wrap_text=True),
            },
            "corner": {
                "font": Font(name=FONT, size=10),
                "border": border,
                "alignment": Alignment(horizontal="center", vertical="center", wrap_text=True),
            },
            "label": {
                "font": Font(name=FONT, size=11),
                "border": border,
                "alignment": Alignment(horizontal="left", vertical="center", wrap_text=True),
            },
            "data": {
                "font": Font(name=FONT, size=11),
                "border": border,
                "alignment": Alignment(horizontal="right", vertical="center"),
            },
            "text": {
                "font": Font(name=FONT, size=11),
                "alignment": Alignment(vertical="top", wrap_text=True),
            },
            "fact": {
                "font": Font(name=FONT, size=11),
                "alignment": Alignment(horizontal="left", vertical="center", wrap_text=True),
            },
            "field": {
                "font": Font(name="Consolas", size=9, color="808080"),
                "alignment": Alignment(vertical="top"),
            },
            "check": {
                "font": Font(name=FONT, size=11, bold=True),
                "border": border,
                "alignment": Alignment(horizontal="center", vertical="center"),
            },
            "input": {"fill": PatternFill("solid", fgColor="FFF9E5")},
        }
        self._unlocked = Protection(locked=False)
        self._cache: dict[tuple[str, str, bool], Any] = {}

    def apply(
        self, cell: Any, kind: str, number_format: str = "General", *, unlocked: bool = False
    ) -> None:
        """Give a cell the style of its kind (and number format), from the cache."""
        key = (kind, number_format, unlocked)
        style = self._cache.get(key)
        if style is None:
            from copy import copy

            proto = self._ws.cell(row=1, column=1)
            saved = copy(proto._style)
            for name, value in self._spec[kind].items():
                setattr(proto, name, value)
            if unlocked:
                proto.protection = self._unlocked
                proto.fill = self._spec["input"]["fill"]
            proto.number_format = number_format
            style = copy(proto._style)
            proto._style = saved
            self._cache[key] = style
        from copy import copy

        cell._style = copy(style)


def merge_cells(ws: Worksheet, merge: tuple[int, int, int, int], styles: Styles, kind: str) -> None:
    """Merge a range, its covered cells bordered like its first.

    ``Worksheet.merge_cells`` restyles the range's edge cells one by one, which costs more
    than the rest of a report workbook; the covered cells are made here directly instead.
    """
    from openpyxl.cell.cell import MergedCell
    from openpyxl.worksheet.merge import MergedCellRange

    top, left, bottom, right = merge
    ref = f"{coordinate(top, left)}:{coordinate(bottom, right)}"
    ws.merged_cells.add(MergedCellRange(ws, ref))
    for r in range(top, bottom + 1):
        for c in range(left, right + 1):
            if (r, c) != (top, left):
                cell = MergedCell(ws, r, c)
                if kind != "title":
                    styles.apply(cell, kind)
                ws._cells[r, c] = cell


def put_text(ws: Worksheet, row: int, column: int, text: str) -> Any:
    """Write one text cell as text (never a formula), escaped; return the cell."""
    cell = ws.cell(row=row, column=column)
    cell._value = text
    cell.data_type = "s"
    if text[:1] in ("=", "+", "-", "@"):
        cell.quotePrefix = True
    return cell


def _put_long_text(
    ws: Worksheet,
    row: int,
    column: int,
    text: str,
    styles: Styles,
    *,
    kind: str = "text",
    unlocked: bool = False,
) -> None:
    for k, chunk in enumerate(_chunks(text)):
        cell = put_text(ws, row, column + k, chunk)
        styles.apply(cell, kind, unlocked=unlocked)
        if chunk[:1] in ("=", "+", "-", "@"):
            cell.quotePrefix = True


COUNT_FORMAT = "0"
_SIGNED_FORMAT = "+0;-0;0"


def _number_cell(value: CellValue, kind: CellKind) -> tuple[object, str, bool]:
    """``(stored value, number format, as_text)`` of a data cell.

    A blank amount's cell has the General format, so that what is typed there shows and
    reads back as typed (0 as 0, not 0.00).
    """
    if value is None:
        return None, "General" if kind is CellKind.MONEY else COUNT_FORMAT, False
    if isinstance(value, Decimal):
        places = money_places(value)
        if places is None:
            return str(value), "@", True
        return float(value), money_format(places), False
    if abs(value) >= EXACT_DIGITS:
        return str(value), "@", True
    fmt = _SIGNED_FORMAT if kind is CellKind.SIGNED else COUNT_FORMAT
    if kind is CellKind.MONEY:
        fmt = money_format(0)
    return value, fmt, False


def write_table(
    ws: Worksheet,
    layout: Layout,
    styles: Styles,
    values: dict[str, CellValue],
    *,
    template: bool = False,
) -> None:
    """Write one table: its labels, merges, data cells (inputs in a template) and page setup."""
    for label in layout.labels:
        cell = put_text(ws, label.row, label.column, escape_text(label.text))
        styles.apply(cell, label.kind)
    kinds = {(lb.row, lb.column): lb.kind for lb in layout.labels}
    for merge in layout.merges:
        merge_cells(ws, merge, styles, kinds.get(merge[:2], "data"))
    spec = _format.format_spec(version_of_table(layout))
    for path, (r, c) in layout.cells.items():
        kind = spec.by_path[path].kind
        stored, fmt, as_text = _number_cell(values.get(path), kind)
        cell = ws.cell(row=r, column=c)
        if as_text:
            put_text(ws, r, c, str(stored))
        elif stored is not None:
            cell._value = stored
            cell.data_type = "n"
        styles.apply(cell, "data", fmt, unlocked=template)
    for column, width in layout.widths.items():
        ws.column_dimensions[column_letter(column)].width = width
    for row, height in layout.heights.items():
        ws.row_dimensions[row].height = height
    ws.freeze_panes = layout.freeze
    print_setup(ws, landscape=layout.landscape, title_rows=layout.header_rows)


def print_setup(
    ws: Worksheet, *, landscape: bool, title_rows: tuple[int, int] | None = None
) -> None:
    """Print a sheet on A4, as wide as one page and as long as it takes, centred."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    if title_rows is not None:
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"


#: The widths of the columns of the facts and texts sheets: label, field id (hidden), value.
#: Each sheet fits the width of its A4 page as it is (portrait, landscape), text unscaled.
_FACTS_WIDTHS = (30.0, 16.0, 42.0)
_TEXTS_WIDTHS = (36.0, 30.0, 72.0)


def _write_fields_header(ws: Worksheet, styles: Styles, widths: tuple[float, ...]) -> None:
    """The header of a sheet of fields, and its columns: the field ids' column is hidden.

    The reader finds each value right of its field id (or its label); the ids are for it,
    not for the clerk or the printed page.
    """
    for column, text in enumerate(("项目", "字段", "内容"), start=1):
        cell = put_text(ws, 1, column, text)
        styles.apply(cell, "header")
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[column_letter(column)].width = width
    ws.column_dimensions["B"].hidden = True
    ws.freeze_panes = "C2"


def _end_fields(ws: Worksheet, styles: Styles, *, landscape: bool) -> None:
    """Head the continuation columns, if a text went on beyond its cell; set up printing."""
    if ws.max_column > 3:
        cell = put_text(ws, 1, 4, "续（超过 32,767 字的部分）")
        styles.apply(cell, "header")
        ws.column_dimensions["D"].width = 30
    print_setup(ws, landscape=landscape, title_rows=(1, 1))


def _fit_row(ws: Worksheet, row: int, texts: tuple[object, ...], widths: tuple[float, ...]) -> None:
    """Make a row tall enough for its wrapped label and value (at most Excel's 409 points)."""
    lines = max(
        wrapped_lines(text, width)
        for text, width in zip(texts, widths, strict=True)
        if isinstance(text, str)
    )
    ws.row_dimensions[row].height = min(409.0, LINE_HEIGHT * lines + 4)


def write_facts(
    ws: Worksheet,
    report: AnnualReport | None,
    styles: Styles,
    *,
    year: int | None = None,
    template: bool = False,
) -> None:
    """Write the facts sheet (报告信息): a row per fact, its label, id and value."""
    _write_fields_header(ws, styles, _FACTS_WIDTHS)
    meta = report.meta if report is not None else None
    for row, (field, label, _) in enumerate(FACTS, start=2):
        styles.apply(put_text(ws, row, 1, label), "label")
        styles.apply(put_text(ws, row, 2, field), "field")
        value = _fact_value(meta, field, year)
        _write_fact(ws, row, field, value, styles, template=template)
        _fit_row(ws, row, (label, value), _FACTS_WIDTHS[::2])
    _end_fields(ws, styles, landscape=False)


def _fact_value(meta: ReportMeta | None, field: str, year: int | None) -> object:
    """A fact as the facts sheet holds it; a template has only its year and format."""
    value: object = getattr(meta, field) if meta is not None else None
    if meta is None and field == "year":
        value = year
    if meta is None and field == "format_version" and year is not None:
        value = FormatVersion.for_year(year)
    if isinstance(value, FormatVersion):
        return value.value
    if isinstance(value, AgencyLevel):
        return LEVEL_NAMES[value]
    return value


def _write_fact(
    ws: Worksheet, row: int, field: str, value: object, styles: Styles, *, template: bool
) -> None:
    """Write one fact's value in column C: a text, a date, a number or a blank."""
    cell = ws.cell(row=row, column=3)
    if isinstance(value, str):
        _put_long_text(ws, row, 3, value, styles, kind="fact", unlocked=template)
    elif isinstance(value, dt.date) and value >= dt.date(1900, 3, 1):
        cell.value = value
        styles.apply(cell, "fact", "yyyy-mm-dd", unlocked=template)
    elif isinstance(value, dt.date):
        # Excel counts a 29 February 1900 that never was: earlier dates are stored as text.
        put_text(ws, row, 3, value.isoformat())
        styles.apply(cell, "fact", unlocked=template)
    else:
        cell.value = value
        fmt = "yyyy-mm-dd" if field == "published_on" else "0"
        styles.apply(cell, "fact", fmt, unlocked=template)


def write_texts(
    ws: Worksheet,
    report: AnnualReport | None,
    version: FormatVersion,
    styles: Styles,
    *,
    template: bool = False,
) -> None:
    """Write the texts sheet (文字部分): a row per text field, a row per note."""
    _write_fields_header(ws, styles, _TEXTS_WIDTHS)
    row = 2
    for field, label, kind in text_fields(version):
        value = _get_field(report, field) if report is not None else None
        items: list[object] = list(value) if kind == "notes" and value else [None]
        if kind != "notes":
            items = [value]
        for item in items:
            styles.apply(put_text(ws, row, 1, label), "label")
            styles.apply(put_text(ws, row, 2, field), "field")
            _fit_row(ws, row, (label, item), _TEXTS_WIDTHS[::2])
            if isinstance(item, str):
                _put_long_text(ws, row, 3, item, styles, unlocked=template)
            elif isinstance(item, Decimal):
                stored, fmt, as_text = _number_cell(item, CellKind.MONEY)
                cell = ws.cell(row=row, column=3)
                if as_text:
                    put_text(ws, row, 3, str(stored))
                else:
                    cell.value = stored
                styles.apply(cell, "text", fmt, unlocked=template)
            else:
                # Blank: the number shows as typed (0 as 0, 1.5 as 1.5), and reads so.
                styles.apply(ws.cell(row=row, column=3), "text", unlocked=template)
            row += 1
    _end_fields(ws, styles, landscape=True)


def _headings(report: AnnualReport) -> tuple[str | None, str | None, str | None]:
    return (
        report.proactive_disclosure.heading,
        report.applications.heading,
        report.review_litigation.heading,
    )


def _workbook_bytes(report: AnnualReport) -> bytes:
    from openpyxl import Workbook as OpenpyxlWorkbook

    version = report.meta.format_version
    wb = OpenpyxlWorkbook()
    facts = wb.active
    assert facts is not None
    facts.title = FACTS_SHEET
    styles = Styles(facts)
    write_facts(facts, report, styles)
    texts = wb.create_sheet(TEXTS_SHEET)
    write_texts(texts, report, version, styles)
    values = dict(report.cells())
    for layout in layouts(version, _headings(report)):
        ws = wb.create_sheet(layout.sheet)
        write_table(ws, layout, styles, values)
    return save_workbook(wb)


def save_workbook(wb: Any) -> bytes:
    """The bytes of an openpyxl workbook."""
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def to_excel_bytes(report: AnnualReport) -> bytes:
    """Return the workbook of :func:`write_excel` as bytes (for writing elsewhere).

    Raises:
        ExcelError: ``report`` is not an :class:`AnnualReport`.
    """
    if not isinstance(report, AnnualReport):
        raise ExcelError(
            f"expected an AnnualReport, got {type(report).__name__}",
            detail_zh=f"应为 AnnualReport，实为 {type(report).__name__}",
        )
    return _workbook_bytes(report)


def write_excel(report: AnnualReport, path: str | os.PathLike[str]) -> None:
    """Write a report as a workbook of the official tables.

    Sheets: 报告信息 (agency, year, format, title, date, level, source), 文字部分 (every
    text section, the notes under the tables and the printed headings), then 表二, 表三 and
    表四 as the national format lays them out. The file is replaced atomically: a failure
    leaves an existing file as it was.

    Args:
        report: the report.
        path: the ``.xlsx`` file to write.

    Raises:
        ExcelError: ``report`` is not an :class:`AnnualReport`.
        OSError: the file cannot be written.

    >>> import tempfile, govdisclosure as gd
    >>> report = gd.examples.load("qijiang-psb-2023")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_excel(report, f"{folder}/report.xlsx")
    ...     gd.read_excel(f"{folder}/report.xlsx") == report
    True
    """
    from govdisclosure._io.atomic import atomic_write

    atomic_write(file_path(path), to_excel_bytes(report))
