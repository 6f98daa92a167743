"""Excel workbooks: the official tables, hand-made workbooks, summaries and fill-in templates.

One workbook per report (:func:`write_excel`, :func:`read_excel`) holds a sheet of the
report's facts (报告信息), one of its text sections (文字部分) and one per table (表二, 表三,
表四) laid out as the national format prints them: the same merged header cells, labels
verbatim, borders, a CJK font, number formats, frozen headers, A4 print setup.

Reading goes by labels, not coordinates, so workbooks that people make by hand in the
official layout read too: tables anywhere on any sheet, blank rows and columns in between,
label variants (spaces, half-width brackets, straight quotes, 合计, 结转下一年度), merged
cells, numbers stored as text, formulas (their saved values, or plain ``SUM`` formulas
evaluated). Placeholders ("/", "-", "—", "无") read as blank with a warning.

How values are stored, so that ``read_excel(write_excel(r)) == r`` holds exactly:

- Counts are numbers; a count beyond 10**15 (more digits than Excel keeps) is stored as
  text. Money is a number with a number format of its own decimals (``0.00`` for 1.50) when
  a float holds it exactly, otherwise text.
- Every text is stored as text, never as a formula, even when it begins with ``=``.
  Characters XML cannot hold are stored with Excel's own ``_xHHHH_`` escapes.
- A text longer than Excel's 32,767-character cell limit is split across the cells to the
  right of its first cell (续), each full but the last, and joined again on reading.
- An optional text (a printed heading, the title, the preface…) is blank when it is
  ``None`` and an empty text cell when it is ``""``.

The summary workbook (:func:`write_excel_summary`) has one row per report: agency, year,
format, then every cell path. Reports of both formats in one summary share the columns of
the paths both formats have; each format's other paths get their own columns, blank in the
other format's rows. It holds numbers only (texts stay in the report workbooks).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
import re
import unicodedata
import warnings
from collections.abc import Iterable, Mapping, Sequence
from decimal import Context, Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from govdisclosure import _format
from govdisclosure._format import (
    APPLICANT_COLUMNS,
    TABLE3_CORNER_NOTE,
    AgencyLevel,
    CellKind,
    FormatVersion,
    TableSpec,
)
from govdisclosure._format.vocabulary import is_placeholder
from govdisclosure._io.xlsx.archive import DEFAULT_LIMITS, ExcelLimits
from govdisclosure._io.xlsx.formula import evaluate
from govdisclosure._io.xlsx.reader import (
    Cell,
    ErrorValue,
    Sheet,
    Workbook,
    column_letter,
    coordinate,
    read_path,
)
from govdisclosure._io.xlsx.stream import StreamSheet, Style, new_styles, workbook_bytes
from govdisclosure._model.report import AnnualReport, CellValue
from govdisclosure.errors import ExcelError, InvalidReportError

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "ExcelError",
    "ExcelLimits",
    "ExcelReadResult",
    "ExcelReadWarning",
    "excel_cell",
    "excel_template",
    "read_excel",
    "read_excel_summary",
    "read_excel_with_warnings",
    "write_excel",
    "write_excel_summary",
]


class ExcelReadWarning(UserWarning):
    """Something in a workbook was read, but not as written.

    A placeholder read as blank, a missing table or fact. :func:`read_excel` emits one per problem.
    """


class ExcelReadResult(NamedTuple):
    """What :func:`read_excel_with_warnings` returns.

    Attributes:
        report: the report the workbook holds.
        warnings: what was read other than as written, each as
            ``'表三!D7: "/" read as blank'``, in the order found.
    """

    report: AnnualReport
    warnings: tuple[str, ...]


#: The sheet names of a report workbook.
FACTS_SHEET = "报告信息"
TEXTS_SHEET = "文字部分"
INSTRUCTIONS_SHEET = "填写说明"
SUMMARY_SHEET = "汇总"
VIOLATIONS_SHEET = "问题清单"
FAILURES_SHEET = "无法读取的文件"
#: Excel's limit on the characters (UTF-16 code units) of one cell.
CELL_LIMIT = 32_767
_EXACT_DIGITS = 10**15
_FONT = "宋体"

# ---------------------------------------------------------------------------
# Labels


_QUOTES = str.maketrans("", "", "“”‘’\"'「」『』")
_SPACE = re.compile(r"\s+|<br\s*/?>", re.IGNORECASE)
_ENUM = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.,]|\([一二三四五六七八九十0-9]+\)|[0-9]+[.、)])+"
)
_TRAILING_PAREN = re.compile(r"\([^()]*\)$")


def normalize_label(text: str) -> str:
    r"""Return a label in the form labels are compared in.

    Full-width forms become half-width (NFKC), whitespace and line breaks go, quotes go,
    合计 becomes 总计 and 结转下一年度 becomes 结转下年度.

    >>> normalize_label("四、结转下一年度继续办理")
    '四、结转下年度继续办理'
    >>> normalize_label('3.危及"三安全 一稳定"')
    '3.危及三安全一稳定'
    """
    text = _SPACE.sub("", unicodedata.normalize("NFKC", text)).translate(_QUOTES)
    return text.replace("合计", "总计").replace("结转下一年度", "结转下年度")


def _keys(text: str) -> tuple[str, ...]:
    """The keys a label matches by: without its numbering, and without a trailing note."""
    key = _ENUM.sub("", normalize_label(text))
    short = _TRAILING_PAREN.sub("", key)
    return (key, short) if short and short != key else (key,)


class _Index:
    """The short text cells of a sheet, by normalized label and by key."""

    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.by_key: dict[str, list[tuple[int, int]]] = {}
        self.by_raw: dict[str, list[tuple[int, int]]] = {}
        for position in sorted(sheet.cells):
            value = sheet.cells[position].value
            if isinstance(value, str) and not isinstance(value, ErrorValue) and len(value) <= 200:
                self.by_raw.setdefault(value.strip(), []).append(position)
                for key in _keys(value):
                    self.by_key.setdefault(key, []).append(position)

    def find(self, *labels: str) -> list[tuple[int, int]]:
        """The positions of cells matching any of ``labels``, in reading order."""
        found: set[tuple[int, int]] = set()
        for label in labels:
            for key in _keys(label):
                found.update(self.by_key.get(key, ()))
        return sorted(found)

    def ending(self, label: str) -> list[tuple[int, int]]:
        """The positions of cells whose key ends with the label's key."""
        key = _keys(label)[0]
        return sorted(p for k, ps in self.by_key.items() if k.endswith(key) for p in ps)


# ---------------------------------------------------------------------------
# The layout of the official tables, derived from the format declarations


class _Label(NamedTuple):
    row: int
    column: int
    text: str
    kind: str  # "title" | "header" | "label" | "corner"


class _Layout(NamedTuple):
    """Where one table's labels and data cells go on its sheet."""

    sheet: str
    table: TableSpec
    labels: tuple[_Label, ...]
    merges: tuple[tuple[int, int, int, int], ...]
    cells: dict[str, tuple[int, int]]
    widths: dict[int, float]
    heights: dict[int, float]
    freeze: str
    last_column: int
    last_row: int
    header_rows: tuple[int, int]
    landscape: bool


def _table_sheet(table: TableSpec) -> str:
    return "表" + _format.TABLE_NUMERALS[table.number]


def _lines(text: str, width: float) -> int:
    units = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return max(1, -(-units // max(1, int(width * 0.95))))


def _spans(count: int, width: int) -> list[tuple[int, int]]:
    """Split ``width`` grid columns among ``count`` data columns (the last takes the rest)."""
    each = width // count
    spans = []
    start = 0
    for i in range(count):
        end = width if i == count - 1 else start + each
        spans.append((start, end - 1))
        start = end
    return spans


class _Builder:
    def __init__(self) -> None:
        self.labels: list[_Label] = []
        self.merges: list[tuple[int, int, int, int]] = []

    def put(
        self, row: int, column: int, text: str, kind: str, *, bottom: int = 0, right: int = 0
    ) -> None:
        bottom, right = bottom or row, right or column
        self.labels.append(_Label(row, column, text, kind))
        if (bottom, right) != (row, column):
            self.merges.append((row, column, bottom, right))


def _layout_table2(table: TableSpec, heading: str) -> _Layout:
    width = max(len(row.columns) for row in table.rows)
    b = _Builder()
    b.put(1, 1, heading, "title", right=width + 1)
    cells: dict[str, tuple[int, int]] = {}
    row_no = 2
    header_first = 2
    previous: tuple[str, tuple[str, ...]] | None = None
    for spec in table.rows:
        columns = tuple(c.label for c in spec.columns)
        if previous != (spec.caption, columns):
            if previous is None or previous[0] != spec.caption:
                b.put(row_no, 1, spec.caption, "header", right=width + 1)
                row_no += 1
            b.put(row_no, 1, "信息内容", "header")
            spans = _spans(len(columns), width)
            for column, (start, end) in zip(spec.columns, spans, strict=True):
                b.put(row_no, start + 2, column.label, "header", right=end + 2)
            row_no += 1
            previous = (spec.caption, columns)
        b.put(row_no, 1, spec.label, "label")
        spans = _spans(len(spec.columns), width)
        for column, (start, end) in zip(spec.columns, spans, strict=True):
            cells[f"{table.section}.{spec.id}.{column.id}"] = (row_no, start + 2)
            if end > start:
                b.merges.append((row_no, start + 2, row_no, end + 2))
        row_no += 1
    widths = {1: 26.0, **dict.fromkeys(range(2, width + 2), 17.0)}
    return _Layout(
        _table_sheet(table),
        table,
        tuple(b.labels),
        tuple(b.merges),
        cells,
        widths,
        {},
        "A2",
        width + 1,
        row_no - 1,
        (header_first, header_first),
        landscape=False,
    )


def _layout_table3(table: TableSpec, heading: str) -> _Layout:  # noqa: PLR0912 - one branch per label level
    b = _Builder()
    first = 4  # the first data column: three label columns come before it
    last = first + len(APPLICANT_COLUMNS) - 1
    b.put(1, 1, heading, "title", right=last)
    b.put(2, 1, TABLE3_CORNER_NOTE, "corner", bottom=4, right=3)
    b.put(2, first, "申请人情况", "header", right=last)
    column_of: dict[str, int] = {}
    groups: dict[str, list[int]] = {}
    for offset, column in enumerate(APPLICANT_COLUMNS):
        c = first + offset
        column_of[column.id] = c
        if len(column.labels) == 1:
            b.put(3, c, column.labels[0], "header", bottom=4)
        else:
            groups.setdefault(column.labels[0], []).append(c)
            b.put(4, c, column.labels[1], "header")
    for text, cols in groups.items():
        b.put(3, cols[0], text, "header", right=cols[-1])
    cells: dict[str, tuple[int, int]] = {}
    heights: dict[int, float] = {}
    top = 5
    rows = table.rows
    for i, spec in enumerate(rows):
        r = top + i
        for column in spec.columns:
            cells[f"{table.section}.{spec.id}.{column.id}"] = (r, column_of[column.id])
        if len(spec.labels) == 1:
            b.put(r, 1, spec.labels[0], "label", right=3)
            heights[r] = 16.0 * _lines(spec.labels[0], 8 + 12 + 40)
            continue
        for level in (0, 1):
            if level == 1 and len(spec.labels) == 2:
                break
            same = i > 0 and rows[i - 1].labels[: level + 1] == spec.labels[: level + 1]
            if not same:
                end = i
                while (
                    end + 1 < len(rows)
                    and rows[end + 1].labels[: level + 1] == spec.labels[: level + 1]
                    and len(rows[end + 1].labels) > level + 1
                ):
                    end += 1
                b.put(r, level + 1, spec.labels[level], "label", bottom=top + end)
        leaf = spec.labels[-1]
        if len(spec.labels) == 2:
            b.put(r, 2, leaf, "label", right=3)
            heights[r] = 16.0 * _lines(leaf, 12 + 40)
        else:
            b.put(r, 3, leaf, "label")
            heights[r] = 16.0 * _lines(leaf, 40)
    widths = {1: 8.0, 2: 12.0, 3: 40.0, **dict.fromkeys(range(first, last + 1), 11.0)}
    heights[2] = 20.0
    heights[3] = heights[4] = 24.0
    return _Layout(
        _table_sheet(table),
        table,
        tuple(b.labels),
        tuple(b.merges),
        cells,
        widths,
        heights,
        coordinate(top, first),
        last,
        top + len(rows) - 1,
        (2, 4),
        landscape=True,
    )


def _layout_table4(table: TableSpec, heading: str) -> _Layout:
    b = _Builder()
    n = len(table.rows[0].columns)
    last = n * len(table.rows)
    b.put(1, 1, heading, "title", right=last)
    cells: dict[str, tuple[int, int]] = {}
    c = 1
    groups: dict[str, list[int]] = {}
    for spec in table.rows:
        end = c + n - 1
        if len(spec.labels) == 1:
            b.put(2, c, spec.labels[0], "header", right=end)
            for k, column in enumerate(spec.columns):
                b.put(3, c + k, column.label, "header", bottom=4)
        else:
            groups.setdefault(spec.labels[0], []).extend((c, end))
            b.put(3, c, spec.labels[1], "header", right=end)
            for k, column in enumerate(spec.columns):
                b.put(4, c + k, column.label, "header")
        for k, column in enumerate(spec.columns):
            cells[f"{table.section}.{spec.id}.{column.id}"] = (5, c + k)
        c = end + 1
    for text, cols in groups.items():
        b.put(2, cols[0], text, "header", right=cols[-1])
    widths = dict.fromkeys(range(1, last + 1), 10.0)
    return _Layout(
        _table_sheet(table),
        table,
        tuple(b.labels),
        tuple(b.merges),
        cells,
        widths,
        {2: 20.0, 3: 24.0, 4: 24.0},
        "A5",
        last,
        5,
        (2, 4),
        landscape=True,
    )


def _layouts(
    version: FormatVersion, headings: Sequence[str | None] = (None, None, None)
) -> tuple[_Layout, ...]:
    spec = _format.format_spec(version)
    tables = {s.table.number: (s.table, s.heading) for s in spec.sections if s.table is not None}
    makers = {2: _layout_table2, 3: _layout_table3, 4: _layout_table4}
    return tuple(
        makers[number](table, heading or official)
        for (number, (table, official)), heading in zip(
            sorted(tables.items()), headings, strict=True
        )
    )


# The facts and text fields: (id, label, kind). Kinds: "req" a required text, "opt" an
# optional text, "notes" a tuple of notes (one row each), "money" an amount.
_FACTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("agency", "机关名称", ("单位名称", "报告单位", "发布机关", "机关", "单位")),
    ("year", "报告年度", ("年度", "年份")),
    ("format_version", "格式版本（2019 或 2021）", ("格式版本", "报告格式", "格式")),
    ("title", "报告标题", ("标题",)),
    ("published_on", "发布日期", ("公开日期", "发布时间")),
    ("agency_level", "机关类别（政府部门 / 人民政府）", ("机关类别", "机关层级", "层级")),
    ("source", "来源", ("来源网址", "出处")),
)
_LEVELS = {
    AgencyLevel.DEPARTMENT: "政府部门",
    AgencyLevel.GOVERNMENT: "人民政府",
}


def _text_fields(version: FormatVersion) -> tuple[tuple[str, str, str], ...]:
    fields = [
        ("preface", "前言（一、之前的开篇段落）", "opt"),
        ("overview.heading", "一、总体情况 标题（与官方标题不同时填写）", "opt"),
        ("overview.text", "一、总体情况 正文", "req"),
        (
            "proactive_disclosure.heading",
            "二、主动公开政府信息情况 标题（与官方不同时填写）",
            "opt",
        ),
        ("proactive_disclosure.notes", "表二 备注（每行一条）", "notes"),
    ]
    if version is FormatVersion.V2019:
        fields.append(
            ("proactive_disclosure.central_procurement.amount_unit", "表二 采购总金额的单位", "opt")
        )
    fields += [
        (
            "applications.heading",
            "三、收到和处理政府信息公开申请情况 标题（与官方不同时填写）",
            "opt",
        ),
        ("applications.notes", "表三 备注（每行一条）", "notes"),
        (
            "review_litigation.heading",
            "四、政府信息公开行政复议、行政诉讼情况 标题（与官方不同时填写）",
            "opt",
        ),
        ("review_litigation.notes", "表四 备注（每行一条）", "notes"),
        (
            "problems_improvements.heading",
            "五、存在的主要问题及改进情况 标题（与官方不同时填写）",
            "opt",
        ),
        ("problems_improvements.text", "五、存在的主要问题及改进情况 正文", "req"),
        ("other_matters.heading", "六、其他需要报告的事项 标题（与官方不同时填写）", "opt"),
        ("other_matters.text", "六、其他需要报告的事项 正文", "req"),
        ("other_matters.information_fee_yuan", "六、收取信息处理费金额（元）", "money"),
    ]
    return tuple(fields)


def _get_field(report: AnnualReport, field: str) -> Any:
    value: Any = report
    for part in field.split("."):
        value = getattr(value, part)
    return value


def excel_cell(path: str, version: FormatVersion | str = FormatVersion.V2021) -> str:
    """Return where a cell path, a fact or a text field sits in a report workbook.

    The same address holds in workbooks written by :func:`write_excel` and in the template
    of :func:`excel_template`.

    Args:
        path: a cell path (``applications.new_received.total``), a fact (``agency``,
            ``year`` …) or a text field (``overview.text``; for notes, the first row).
        version: the format version.

    Raises:
        UnknownPathError: no such cell or field.

    >>> excel_cell("applications.new_received.natural_person")
    '表三!D5'
    >>> excel_cell("agency")
    '报告信息!C2'
    """
    version = FormatVersion(version)
    for layout in _layouts(version):
        if path in layout.cells:
            return f"{layout.sheet}!{coordinate(*layout.cells[path])}"
    for row, (field, _, _) in enumerate(_FACTS, start=2):
        if field == path:
            return f"{FACTS_SHEET}!C{row}"
    for row, (field, _, _) in enumerate(_text_fields(version), start=2):
        if field == path:
            return f"{TEXTS_SHEET}!C{row}"
    _format.cell_spec(path, version)  # raises UnknownPathError with a suggestion
    raise AssertionError(path)  # pragma: no cover - cell_spec knows every layout path


# ---------------------------------------------------------------------------
# Writing


_ILLEGAL = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


def escape_text(text: str) -> str:
    r"""Escape what XML cannot hold as Excel does (``_xHHHH_``); ``_x`` itself is escaped.

    >>> escape_text("a\rb_x0041_")
    'a_x000D_b_x005F_x0041_'
    """
    return _ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


_TOKENS = re.compile(r"_x[0-9A-F]{4}_|.", re.DOTALL)


def _chunks(text: str) -> list[str]:
    """The escaped text in pieces of at most :data:`CELL_LIMIT` UTF-16 code units."""
    escaped = escape_text(text)
    if len(escaped) <= CELL_LIMIT // 2 or _utf16(escaped) <= CELL_LIMIT:
        return [escaped]
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for token in _TOKENS.findall(escaped):
        n = _utf16(token)
        if size + n > CELL_LIMIT:
            chunks.append("".join(current))
            current, size = [], 0
        current.append(token)
        size += n
    chunks.append("".join(current))
    return chunks


def _utf16(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class _Styles:
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
                "font": Font(name=_FONT, size=14, bold=True),
                "alignment": Alignment(horizontal="center", vertical="center"),
            },
            "header": {
                "font": Font(name=_FONT, size=11, bold=True),
                "border": border,
                "alignment": Alignment(horizontal="center", vertical="center", wrap_text=True),
            },
            "corner": {
                "font": Font(name=_FONT, size=10),
                "border": border,
                "alignment": Alignment(horizontal="center", vertical="center", wrap_text=True),
            },
            "label": {
                "font": Font(name=_FONT, size=11),
                "border": border,
                "alignment": Alignment(horizontal="left", vertical="center", wrap_text=True),
            },
            "data": {
                "font": Font(name=_FONT, size=11),
                "border": border,
                "alignment": Alignment(horizontal="right", vertical="center"),
            },
            "text": {
                "font": Font(name=_FONT, size=11),
                "alignment": Alignment(vertical="top", wrap_text=True),
            },
            "field": {
                "font": Font(name="Consolas", size=9, color="808080"),
                "alignment": Alignment(vertical="top"),
            },
            "check": {
                "font": Font(name=_FONT, size=11, bold=True),
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


def _merge(ws: Worksheet, merge: tuple[int, int, int, int], styles: _Styles, kind: str) -> None:
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


def _put_text(ws: Worksheet, row: int, column: int, text: str) -> Any:
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
    styles: _Styles,
    *,
    kind: str = "text",
    unlocked: bool = False,
) -> None:
    for k, chunk in enumerate(_chunks(text)):
        cell = _put_text(ws, row, column + k, chunk)
        styles.apply(cell, kind, unlocked=unlocked)
        if chunk[:1] in ("=", "+", "-", "@"):
            cell.quotePrefix = True


def _money_places(value: Decimal) -> int | None:
    """The decimals to show a money value with, or ``None`` when it must be text."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent > 0 or exponent < -15:
        return None
    places = -exponent
    number = float(value)
    if abs(number) >= _EXACT_DIGITS or _from_float(number, places) != str(value):
        return None
    return places


def _from_float(number: float | int, places: int) -> str:
    """The money value a stored number reads as.

    It takes the decimals of its number format whenever that changes only trailing zeros.
    """
    value = Decimal(repr(number)) if isinstance(number, float) else Decimal(number)
    try:
        shown = value.quantize(Decimal(1).scaleb(-places), context=_CONTEXT)
    except InvalidOperation:
        return str(value)
    return str(shown) if shown == value else str(value)


def _money_format(places: int) -> str:
    return "0." + "0" * places if places else "0"


_CONTEXT = Context(prec=60)
_COUNT_FORMAT = "0"
_SIGNED_FORMAT = "+0;-0;0"


def _number_cell(value: CellValue, kind: CellKind) -> tuple[object, str, bool]:
    """``(stored value, number format, as_text)`` of a data cell."""
    if value is None:
        return None, _money_format(2) if kind is CellKind.MONEY else _COUNT_FORMAT, False
    if isinstance(value, Decimal):
        places = _money_places(value)
        if places is None:
            return str(value), "@", True
        return float(value), _money_format(places), False
    if abs(value) >= _EXACT_DIGITS:
        return str(value), "@", True
    fmt = _SIGNED_FORMAT if kind is CellKind.SIGNED else _COUNT_FORMAT
    if kind is CellKind.MONEY:
        fmt = _money_format(0)
    return value, fmt, False


def _write_table(
    ws: Worksheet,
    layout: _Layout,
    styles: _Styles,
    values: dict[str, CellValue],
    *,
    template: bool = False,
) -> None:
    for label in layout.labels:
        cell = _put_text(ws, label.row, label.column, escape_text(label.text))
        styles.apply(cell, label.kind)
    kinds = {(lb.row, lb.column): lb.kind for lb in layout.labels}
    for merge in layout.merges:
        _merge(ws, merge, styles, kinds.get(merge[:2], "data"))
    spec = _format.format_spec(_version_of_table(layout))
    for path, (r, c) in layout.cells.items():
        kind = spec.by_path[path].kind
        stored, fmt, as_text = _number_cell(values.get(path), kind)
        cell = ws.cell(row=r, column=c)
        if as_text:
            _put_text(ws, r, c, str(stored))
        elif stored is not None:
            cell._value = stored
            cell.data_type = "n"
        styles.apply(cell, "data", fmt, unlocked=template)
    for column, width in layout.widths.items():
        ws.column_dimensions[column_letter(column)].width = width
    for row, height in layout.heights.items():
        ws.row_dimensions[row].height = height
    ws.freeze_panes = layout.freeze
    _print_setup(ws, landscape=layout.landscape, title_rows=layout.header_rows)


def _version_of_table(layout: _Layout) -> FormatVersion:
    for version in FormatVersion:
        spec = _format.format_spec(version)
        if any(t is layout.table for t in spec.tables):
            return version
    raise AssertionError(layout.sheet)  # pragma: no cover


def _print_setup(
    ws: Worksheet, *, landscape: bool, title_rows: tuple[int, int] | None = None
) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    if title_rows is not None:
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"


def _write_fields_header(ws: Worksheet, styles: _Styles, title: str) -> None:
    for column, text in enumerate(("项目", "字段", "内容", title), start=1):
        cell = _put_text(ws, 1, column, text)
        styles.apply(cell, "header")
    ws.freeze_panes = "C2"


def _write_facts(
    ws: Worksheet,
    report: AnnualReport | None,
    styles: _Styles,
    *,
    year: int | None = None,
    template: bool = False,
) -> None:
    _write_fields_header(ws, styles, "续（超过 32,767 字的部分）")
    meta = report.meta if report is not None else None
    for row, (field, label, _) in enumerate(_FACTS, start=2):
        styles.apply(_put_text(ws, row, 1, label), "label")
        styles.apply(_put_text(ws, row, 2, field), "field")
        value: object = getattr(meta, field) if meta is not None else None
        if meta is None and field == "year":
            value = year
        if meta is None and field == "format_version" and year is not None:
            value = FormatVersion.for_year(year)
        cell = ws.cell(row=row, column=3)
        if isinstance(value, FormatVersion):
            value = value.value
        elif isinstance(value, AgencyLevel):
            value = _LEVELS[value]
        if isinstance(value, str):
            _put_long_text(ws, row, 3, value, styles, unlocked=template)
            continue
        if isinstance(value, dt.date) and value >= dt.date(1900, 3, 1):
            cell.value = value
            styles.apply(cell, "text", "yyyy-mm-dd", unlocked=template)
        elif isinstance(value, dt.date):
            _put_text(ws, row, 3, value.isoformat())
            styles.apply(cell, "text", unlocked=template)
        else:
            cell.value = value
            fmt = "yyyy-mm-dd" if field == "published_on" else "0"
            styles.apply(cell, "text", fmt, unlocked=template)
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["C"].width = 60
    _print_setup(ws, landscape=False)


def _write_texts(
    ws: Worksheet,
    report: AnnualReport | None,
    version: FormatVersion,
    styles: _Styles,
    *,
    template: bool = False,
) -> None:
    _write_fields_header(ws, styles, "续（超过 32,767 字的部分）")
    row = 2
    for field, label, kind in _text_fields(version):
        value = _get_field(report, field) if report is not None else None
        items: list[object] = list(value) if kind == "notes" and value else [None]
        if kind != "notes":
            items = [value]
        for item in items:
            styles.apply(_put_text(ws, row, 1, label), "label")
            styles.apply(_put_text(ws, row, 2, field), "field")
            if isinstance(item, str):
                _put_long_text(ws, row, 3, item, styles, unlocked=template)
            elif isinstance(item, Decimal):
                stored, fmt, as_text = _number_cell(item, CellKind.MONEY)
                cell = ws.cell(row=row, column=3)
                if as_text:
                    _put_text(ws, row, 3, str(stored))
                else:
                    cell.value = stored
                styles.apply(cell, "text", fmt, unlocked=template)
            else:
                fmt = "0.00" if kind == "money" else "General"
                styles.apply(ws.cell(row=row, column=3), "text", fmt, unlocked=template)
            row += 1
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 30
    ws.column_dimensions["C"].width = 100
    ws.column_dimensions["D"].width = 40
    _print_setup(ws, landscape=True)


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
    styles = _Styles(facts)
    _write_facts(facts, report, styles)
    texts = wb.create_sheet(TEXTS_SHEET)
    _write_texts(texts, report, version, styles)
    values = dict(report.cells())
    for layout in _layouts(version, _headings(report)):
        ws = wb.create_sheet(layout.sheet)
        _write_table(ws, layout, styles, values)
    return _save(wb)


def _save(wb: Any) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def to_excel_bytes(report: AnnualReport) -> bytes:
    """Return the workbook of :func:`write_excel` as bytes (for writing elsewhere).

    Raises:
        ExcelError: ``report`` is not an :class:`AnnualReport`.
    """
    if not isinstance(report, AnnualReport):
        raise ExcelError(f"expected an AnnualReport, got {type(report).__name__}")
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
    ...     read_excel(f"{folder}/report.xlsx") == report
    True
    """
    from govdisclosure._io.files import atomic_write

    atomic_write(Path(path), to_excel_bytes(report))


# ---------------------------------------------------------------------------
# Reading cell values

_INT_TEXT = re.compile(r"[+-]?[0-9]+")
_DECIMAL_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_THOUSANDS = re.compile(r"^[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$")


class _Reader:
    """Turns cells into report values, collecting warnings."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self.warnings: list[str] = []

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def scalar(self, sheet: Sheet, row: int, column: int, cell: Cell) -> object:
        """The value a cell shows: its own, its saved formula result, or the SUM evaluated."""
        if cell.formula is not None and not cell.cached:
            return evaluate(sheet, row, column, lambda c: self._plain(sheet, row, column, c))
        return cell.value

    def _plain(self, sheet: Sheet, row: int, column: int, cell: Cell) -> Any:
        value = cell.value
        if isinstance(value, ErrorValue):
            raise ExcelError(f"{sheet.name}!{coordinate(row, column)}: the cell shows {value}")
        if isinstance(value, bool) or value is None:
            return None
        if isinstance(value, float):
            return int(value) if value.is_integer() else Decimal(repr(value))
        return value

    def number(  # noqa: PLR0911, PLR0912 - one branch per kind of stored value
        self, sheet: Sheet, row: int, column: int, kind: CellKind
    ) -> CellValue:
        """Read a data cell of the given kind."""
        cell, r, c = sheet.get(row, column)
        if cell is None or r != row:
            return None
        where = f"{sheet.name}!{coordinate(r, c)}"
        value = self.scalar(sheet, r, c, cell)
        if value is None:
            return None
        if isinstance(value, ErrorValue):
            raise ExcelError(f"{where}: the cell shows the error {value}")
        if isinstance(value, bool):
            raise ExcelError(f'{where}: "{value}" is not a number')
        if isinstance(value, str):
            return self._text_number(value, where, kind)
        if isinstance(value, float):
            if kind is CellKind.MONEY:
                places = _format_places(self.book.number_format(cell.style))
                return Decimal(_from_float(value, places))
            if not value.is_integer():
                raise ExcelError(f"{where}: {value!r} is not a whole number")
            if abs(value) > 2**53:
                raise ExcelError(
                    f"{where}: {value:g} is too large to be stored exactly as a number; "
                    "enter it as text"
                )
            return int(value)
        if isinstance(value, Decimal):
            if kind is not CellKind.MONEY:
                if value != value.to_integral_value():
                    raise ExcelError(f"{where}: {value} is not a whole number")
                return int(value)
            return value
        assert isinstance(value, int)
        if kind is CellKind.MONEY:
            places = _format_places(self.book.number_format(cell.style))
            return Decimal(_from_float(value, places))
        return value

    def _text_number(self, value: str, where: str, kind: CellKind) -> CellValue:
        text = unicodedata.normalize("NFKC", value).strip().replace(" ", "")
        if not text:
            return None
        if is_placeholder(value):
            self.warn(f'{where}: "{value.strip()}" read as blank')
            return None
        if _THOUSANDS.match(text):
            text = text.replace(",", "")
        if kind is not CellKind.MONEY and _INT_TEXT.fullmatch(text):
            return int(text)
        if kind is CellKind.MONEY and _DECIMAL_TEXT.fullmatch(text):
            try:
                number = Decimal(text.lstrip("+"))
            except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
                number = None
            if number is not None and number.is_finite():
                return number
        shown = value if len(value) <= 40 else value[:39] + "…"
        if kind is not CellKind.MONEY and _DECIMAL_TEXT.fullmatch(text):
            raise ExcelError(f'{where}: "{shown}" is not a whole number')
        raise ExcelError(f'{where}: "{shown}" is not a number')

    def text(self, sheet: Sheet, row: int, column: int) -> str | None:
        """Read a text field starting at a cell, joining its continuation cells."""
        parts: list[str] = []
        while True:
            cell, r, c = sheet.get(row, column)
            if cell is None or (r, c) != (row, column):
                break
            value = self.scalar(sheet, r, c, cell)
            if value is None:
                break
            if isinstance(value, float):
                value = str(int(value)) if value.is_integer() else repr(value)
            part = str(value)
            parts.append(part)
            # Only a full cell (as stored, escapes included) continues in the next one.
            if _utf16(escape_text(part)) < CELL_LIMIT - 8 or not isinstance(cell.value, str):
                break
            column += 1
        return "".join(parts) if parts else None


_PLACES = re.compile(r"0\.(0+)|#\.(#+)")


def _format_places(code: str) -> int:
    section = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code.split(";", maxsplit=1)[0])
    match = _PLACES.search(section)
    if match is None:
        return 0
    return len(match.group(1) or match.group(2) or "")


# ---------------------------------------------------------------------------
# Finding the official tables by their labels

_COLUMN_ALIASES = {"other_org": ("其他组织",)}
_HEADER_WINDOW = 20
_V2021_SIGNS = (
    "本年制发件数",
    "现行有效件数",
    "本年收费金额（单位：万元）",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
)
_V2019_SIGNS = ("本年新制作数量", "对外公开总数量", "上一年项目数量", "政府集中采购")


class _NotFoundError(Exception):
    """A table was not found on a sheet; the message says what was missing."""


def _find_table2(index: _Index, table: TableSpec) -> dict[str, tuple[int, int]]:
    cells: dict[str, tuple[int, int]] = {}
    for spec in table.rows:
        found: dict[str, tuple[int, int]] | None = None
        for r, c in index.find(*spec.labels[-1:]):
            found = {}
            for column in spec.columns:
                heads = [
                    (hr, hc)
                    for hr, hc in index.find(column.labels[-1])
                    if r - _HEADER_WINDOW <= hr < r and hc > c
                ]
                if not heads:
                    found = None
                    break
                _hr, hc = max(heads, key=lambda p: (p[0], -p[1]))
                found[f"{table.section}.{spec.id}.{column.id}"] = (r, hc)
            if found is not None:
                break
        if found is None:
            raise _NotFoundError(f"the row “{spec.label}” with its column headers above it")
        cells.update(found)
    return cells


def _find_table3(index: _Index, table: TableSpec) -> dict[str, tuple[int, int]]:
    sheet = index.sheet
    anchors = index.find(APPLICANT_COLUMNS[0].labels[-1])
    if not anchors:
        raise _NotFoundError("the header “自然人”")
    problem = ""
    for ra, ca in anchors:
        columns = {APPLICANT_COLUMNS[0].id: ca}
        bottom = sheet.bottom(ra, ca)
        previous = ca
        for column in APPLICANT_COLUMNS[1:]:
            labels = (column.labels[-1], *_COLUMN_ALIASES.get(column.id, ()))
            heads = [p for p in index.find(*labels) if ra - 1 <= p[0] <= ra + 3 and p[1] > previous]
            if not heads:
                problem = f"the header “{column.labels[-1]}” right of “自然人”"
                break
            hr, hc = min(heads, key=lambda p: (p[1], p[0]))
            columns[column.id] = previous = hc
            bottom = max(bottom, sheet.bottom(hr, hc))
        else:
            try:
                return _table3_rows(index, table, columns, bottom)
            except _NotFoundError as exc:
                problem = str(exc)
    raise _NotFoundError(problem)


def _table3_rows(
    index: _Index, table: TableSpec, columns: dict[str, int], header_bottom: int
) -> dict[str, tuple[int, int]]:
    first_data = min(columns.values())
    cells: dict[str, tuple[int, int]] = {}
    previous = header_bottom
    for spec in table.rows:
        label = spec.labels[-1]
        rows = [r for r, c in index.find(label) if c < first_data and r > previous]
        if not rows:
            rows = [r for r, c in index.ending(label) if c < first_data and r > previous]
        if not rows:
            raise _NotFoundError(f"the row “{spec.label}” below the header")
        previous = min(rows)
        for column in spec.columns:
            cells[f"{table.section}.{spec.id}.{column.id}"] = (previous, columns[column.id])
    return cells


def _find_table4(index: _Index, table: TableSpec) -> dict[str, tuple[int, int]]:
    sheet = index.sheet
    groups = [spec.labels[-1] for spec in table.rows]
    problem = f"the header “{groups[1]}”"
    for r2, c2 in index.find(groups[1]):
        thirds = [p for p in index.find(groups[2]) if abs(p[0] - r2) <= 1 and p[1] > c2]
        firsts = [p for p in index.find(groups[0]) if r2 - 2 <= p[0] <= r2 and p[1] < c2]
        if not thirds or not firsts:
            problem = f"the headers “{groups[0]}” and “{groups[2]}” beside “{groups[1]}”"
            continue
        c3 = min(thirds, key=lambda p: p[1])[1]
        r1, c1 = max(firsts, key=lambda p: p[1])
        bounds = ((c1, c2), (c2, c3), (c3, c3 + 10 * len(table.rows[2].columns)))
        top = min(r1, r2)
        heads: dict[str, tuple[int, int]] = {}
        bottom = top
        for spec, (lo, hi) in zip(table.rows, bounds, strict=False):
            previous = lo - 1
            for column in spec.columns:
                found = [
                    p
                    for p in index.find(column.labels[-1])
                    if top < p[0] <= top + 4 and previous < p[1] < hi
                ]
                if not found:
                    break
                hr, previous = min(found, key=lambda p: (p[1], p[0]))
                heads[f"{table.section}.{spec.id}.{column.id}"] = (hr, previous)
                bottom = max(bottom, sheet.bottom(hr, previous))
        if len(heads) != sum(len(s.columns) for s in table.rows):
            problem = "the outcome headers (结果维持 … 总计) under each group"
            continue
        data_columns = {c for _, c in heads.values()}
        data_row = next(
            (
                r
                for r in range(bottom + 1, bottom + 6)
                if any((r, c) in sheet.cells for c in data_columns)
            ),
            bottom + 1,
        )
        return {path: (data_row, c) for path, (_, c) in heads.items()}
    raise _NotFoundError(problem)


_FINDERS = {2: _find_table2, 3: _find_table3, 4: _find_table4}


def _detect_version(indexes: Sequence[_Index]) -> FormatVersion | None:
    has = {sign: any(ix.find(sign) for ix in indexes) for sign in _V2021_SIGNS + _V2019_SIGNS}
    new = sum(has[s] for s in _V2021_SIGNS)
    old = sum(has[s] for s in _V2019_SIGNS)
    if new == old:
        return None
    return FormatVersion.V2021 if new > old else FormatVersion.V2019


# ---------------------------------------------------------------------------
# Reading a report workbook


def _fields_on(index: _Index, ids: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """Where each field id sits, keeping only the column that holds most of them."""
    found = {field: index.by_raw.get(field, []) for field in ids}
    counts: dict[int, int] = {}
    for positions in found.values():
        for _, c in positions:
            counts[c] = counts.get(c, 0) + 1
    if not counts:
        return {}
    best = max(counts, key=lambda c: (counts[c], -c))
    return {f: [p for p in ps if p[1] == best] for f, ps in found.items() if ps}


def _locate_facts(indexes: Sequence[_Index]) -> dict[str, tuple[Sheet, int, int]]:
    """The cell holding each fact: right of its field id or of its label."""
    located: dict[str, tuple[Sheet, int, int]] = {}
    for index in indexes:
        for field, positions in _fields_on(index, [f for f, _, _ in _FACTS]).items():
            if field not in located:
                r, c = positions[0]
                located[field] = (index.sheet, r, index.sheet.right(r, c) + 1)
    for field, label, aliases in _FACTS:
        if field in located:
            continue
        for index in indexes:
            positions = index.find(label, *aliases)
            if positions:
                r, c = positions[0]
                located[field] = (index.sheet, r, index.sheet.right(r, c) + 1)
                break
    return located


def _read_year(reader: _Reader, place: tuple[Sheet, int, int] | None) -> int:
    if place is None:
        raise ExcelError("the report year (报告年度) is not in the workbook")
    sheet, r, c = place
    where = f"{sheet.name}!{coordinate(r, c)}"
    cell, _, _ = sheet.get(r, c)
    value = reader.scalar(sheet, r, c, cell) if cell is not None else None
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().removesuffix("年").strip()
        if _INT_TEXT.fullmatch(text):
            return int(text)
    elif isinstance(value, float) and value.is_integer():
        return int(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        return value
    if value is None:
        raise ExcelError(f"{where}: the report year (报告年度) is blank")
    raise ExcelError(f'{where}: "{value}" is not a year')


def _read_version(reader: _Reader, place: tuple[Sheet, int, int] | None) -> FormatVersion | None:
    if place is None:
        return None
    sheet, r, c = place
    text = reader.text(sheet, r, c)
    if text is None or not text.strip():
        return None
    text = unicodedata.normalize("NFKC", text)
    for version in FormatVersion:
        if text.strip() == version.value or normalize_label(
            version.document_number
        ) in normalize_label(text):
            return version
    if "2019" in text and "2021" not in text:
        return FormatVersion.V2019
    if "2021" in text and "2019" not in text:
        return FormatVersion.V2021
    raise ExcelError(
        f'{sheet.name}!{coordinate(r, c)}: "{text}" is not a format version (2019 or 2021)'
    )


def _read_date(reader: _Reader, place: tuple[Sheet, int, int] | None) -> dt.date | None:
    if place is None:
        return None
    sheet, r, c = place
    cell, _, _ = sheet.get(r, c)
    if cell is None:
        return None
    where = f"{sheet.name}!{coordinate(r, c)}"
    value = reader.scalar(sheet, r, c, cell)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return reader.book.to_date(float(value))
        except (ValueError, OverflowError):
            raise ExcelError(f"{where}: {value} is not a date") from None
    text = unicodedata.normalize("NFKC", str(value)).strip()
    match = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]00:00(?::00)?)?", text)
    if match:
        try:
            return dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            pass
    raise ExcelError(f'{where}: "{value}" is not a date (write it like 2024-01-31)')


def _read_level(reader: _Reader, place: tuple[Sheet, int, int] | None) -> AgencyLevel | None:
    if place is None:
        return None
    sheet, r, c = place
    text = reader.text(sheet, r, c)
    if text is None or not text.strip():
        return None
    key = normalize_label(text)
    for level, label in _LEVELS.items():
        if key in (level.value, label, label[-2:]):
            return level
    raise ExcelError(f'{sheet.name}!{coordinate(r, c)}: "{text}" is not 政府部门 or 人民政府')


def _read_meta(reader: _Reader, indexes: Sequence[_Index]) -> dict[str, Any]:
    places = _locate_facts(indexes)
    year = _read_year(reader, places.get("year"))
    meta: dict[str, Any] = {"year": year}
    agency_place = places.get("agency")
    agency = reader.text(*agency_place) if agency_place else None
    if agency is None:
        where = (
            f"{agency_place[0].name}!{coordinate(*agency_place[1:])}"
            if agency_place
            else FACTS_SHEET
        )
        reader.warn(f"{where}: the agency (机关名称) is blank")
        agency = ""
    meta["agency"] = agency
    meta["format_version"] = _read_version(reader, places.get("format_version"))
    for field in ("title", "source"):
        place = places.get(field)
        meta[field] = reader.text(*place) if place else None
    meta["published_on"] = _read_date(reader, places.get("published_on"))
    meta["agency_level"] = _read_level(reader, places.get("agency_level"))
    return meta


def _read_texts(
    reader: _Reader, indexes: Sequence[_Index], version: FormatVersion
) -> dict[str, Any]:
    fields = _text_fields(version)
    values: dict[str, Any] = {}
    for index in indexes:
        located = _fields_on(index, [f for f, _, _ in fields])
        if not located:
            continue
        sheet = index.sheet
        for field, _, kind in fields:
            if field in values:
                continue
            positions = located.get(field, [])
            if kind == "notes":
                notes = []
                for r, c in positions:
                    note = reader.text(sheet, r, sheet.right(r, c) + 1)
                    if note is not None:
                        notes.append(note)
                if positions:
                    values[field] = tuple(notes)
                continue
            if not positions:
                continue
            r, c = positions[0]
            if kind == "money":
                values[field] = reader.number(sheet, r, sheet.right(r, c) + 1, CellKind.MONEY)
            else:
                text = reader.text(sheet, r, sheet.right(r, c) + 1)
                values[field] = "" if text is None and kind == "req" else text
    return values


def _read_tables(
    reader: _Reader, indexes: Sequence[_Index], version: FormatVersion
) -> dict[str, CellValue]:
    spec = _format.format_spec(version)
    values: dict[str, CellValue] = {}
    missing = []
    for table in spec.tables:
        located: tuple[_Index, dict[str, tuple[int, int]]] | None = None
        problems = []
        for index in indexes:
            try:
                located = (index, _FINDERS[table.number](index, table))
                break
            except _NotFoundError as exc:
                problems.append(f"{index.sheet.name}: {exc} not found")
        if located is None:
            missing.append((table, problems))
            continue
        index, cells = located
        for path, (r, c) in cells.items():
            values[path] = reader.number(index.sheet, r, c, spec.by_path[path].kind)
    if len(missing) == len(spec.tables):
        names = "、".join(_table_sheet(t) for t, _ in missing)
        details = "; ".join(missing[0][1][:3]) or "the workbook has no sheets"
        raise ExcelError(
            f"none of the official tables ({names}, {version.value} format) was found: {details}"
        )
    for table, problems in missing:
        reader.warn(
            f"{_table_sheet(table)} ({table.title}) was not found, its cells read as blank: "
            + "; ".join(problems[:3])
        )
    return values


def _build(
    meta: dict[str, Any],
    texts: dict[str, Any],
    values: dict[str, CellValue],
    *,
    base: AnnualReport | None = None,
) -> AnnualReport:
    """A report from its facts, its text fields (by field id) and its cells."""
    import attrs

    report = base if base is not None else AnnualReport.blank(**meta)
    changes: dict[str, Any] = {}
    for field, value in texts.items():
        if field == "preface":
            changes["preface"] = value
            continue
        section, _, rest = field.partition(".")
        target = changes.get(section, getattr(report, section))
        if "." in rest:
            row, _, name = rest.partition(".")
            target = attrs.evolve(
                target, **{row: attrs.evolve(getattr(target, row), **{name: value})}
            )
        else:
            target = attrs.evolve(target, **{rest: value})
        changes[section] = target
    if changes:
        report = attrs.evolve(report, **changes)
    return report.with_cells(values) if values else report


def _read(data_path: Path, limits: ExcelLimits | None) -> ExcelReadResult:
    return _read_book(read_path(Path(data_path), limits or DEFAULT_LIMITS))


def _read_book(book: Workbook) -> ExcelReadResult:
    reader = _Reader(book)
    indexes = [_Index(sheet) for sheet in book.sheets]
    meta = _read_meta(reader, indexes)
    version = (
        meta["format_version"] or _detect_version(indexes) or FormatVersion.for_year(meta["year"])
    )
    meta["format_version"] = version
    texts = _read_texts(reader, indexes, version)
    values = _read_tables(reader, indexes, version)
    try:
        report = _build(meta, texts, values)
    except InvalidReportError as exc:
        raise ExcelError(f"the workbook does not hold a valid report: {exc}") from None
    return ExcelReadResult(report, tuple(reader.warnings))


def read_excel_with_warnings(
    path: str | os.PathLike[str], *, limits: ExcelLimits | None = None
) -> ExcelReadResult:
    """Read a report workbook; return the report and what was not read as written.

    Reading goes by labels: the workbook of :func:`write_excel`, a filled
    :func:`excel_template`, or a workbook made by hand in the official layout.

    Args:
        path: the ``.xlsx`` file.
        limits: limits on the file (size, compression ratio, cells); the defaults of
            :class:`ExcelLimits` when ``None``.

    Returns:
        The report and the warnings, e.g. ``'表三!D7: "/" read as blank'``.

    Raises:
        ExcelError: not an .xlsx file, beyond the limits, no official table found, or a
            cell that cannot be read (the message names the sheet and cell:
            ``表三!D7: "十二" is not a number``).
    """
    try:
        return _read(Path(path), limits)
    except ExcelError as exc:
        exc.file = str(path)
        raise


def read_excel(path: str | os.PathLike[str], *, limits: ExcelLimits | None = None) -> AnnualReport:
    """Read a report workbook (see :func:`read_excel_with_warnings`).

    Each warning is also emitted as an :class:`ExcelReadWarning`, so nothing read other
    than as written passes unsaid.

    Raises:
        ExcelError: see :func:`read_excel_with_warnings`.

    >>> import tempfile, govdisclosure as gd
    >>> report = gd.AnnualReport.blank(agency="某某局", year=2023).with_cell(
    ...     "applications.new_received.natural_person", 12
    ... )
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_excel(report, f"{folder}/r.xlsx")
    ...     read_excel(f"{folder}/r.xlsx").cell("applications.new_received.natural_person")
    12
    """
    result = read_excel_with_warnings(path, limits=limits)
    for message in result.warnings:
        warnings.warn(message, ExcelReadWarning, stacklevel=2)
    return result.report


def _load_xlsx(path: Path) -> AnnualReport:
    """The reader of ``.xlsx`` files for :func:`govdisclosure.load`."""
    result = _read(path, None)
    for message in result.warnings:
        warnings.warn(f"{path}: {message}", ExcelReadWarning, stacklevel=3)
    return result.report


# ---------------------------------------------------------------------------
# The summary workbook


def _merged_order(orders: Sequence[Sequence[str]]) -> list[str]:
    """Merge several official orders: each path after its predecessor in its own order."""
    result: list[str] = []
    for order in orders:
        for i, path in enumerate(order):
            if path in result:
                continue
            before = next((p for p in reversed(order[:i]) if p in result), None)
            after = next((p for p in order[i + 1 :] if p in result), None)
            if before is not None:
                result.insert(result.index(before) + 1, path)
            elif after is not None:
                result.insert(result.index(after), path)
            else:
                result.append(path)
    return result


def _summary_columns(versions: Iterable[FormatVersion]) -> list[str]:
    present = sorted(set(versions), key=lambda v: v.value, reverse=True) or [FormatVersion.V2021]
    return _merged_order([_format.format_spec(v).paths for v in present])


_META_COLUMNS = (("agency", "机关名称"), ("year", "报告年度"), ("format_version", "格式版本"))
_VIOLATION_COLUMNS = (
    ("row", "汇总表行号"),
    ("agency", "机关名称"),
    ("year", "报告年度"),
    ("rule_id", "规则"),
    ("severity", "严重程度"),
    ("paths", "单元格"),
    ("expected", "应为"),
    ("actual", "实际"),
    ("message", "说明"),
    ("message_en", "Message"),
)


def _summary_label(path: str) -> str:
    for version in FormatVersion:
        spec = _format.format_spec(version).by_path.get(path)
        if spec is not None:
            return f"{_table_sheet(_table_of(spec.section, version))} {spec.label}"
    raise AssertionError(path)  # pragma: no cover


def _table_of(section: str, version: FormatVersion) -> TableSpec:
    return next(t for t in _format.format_spec(version).tables if t.section == section)


def _check_fits(text: str) -> str:
    escaped = escape_text(text)
    if _utf16(escaped) > CELL_LIMIT:
        raise ExcelError(
            f"a text of {len(text):,} characters does not fit one cell of the summary "
            f"(Excel's limit is {CELL_LIMIT:,}); shorten it"
        )
    return escaped


_HEADER = Style(bold=True, fill="DDEBF7")
_ID = Style(font="Consolas", size=9, color="808080")


def _summary_value(value: object) -> object:
    """A cell value as the summary stores it: exact numbers, or text where Excel cannot."""
    if value is None or (type(value) is int and abs(value) < _EXACT_DIGITS):
        return value
    if isinstance(value, Decimal):
        places = _money_places(value)
        if places is not None:
            return (value, Style(number_format=_money_format(places)))
    return _check_fits(str(value))


class SummaryEntry(NamedTuple):
    """One report as the summary workbook needs it.

    Plain data, cheap to send between processes: ``govdisclosure summary --jobs N``
    builds these in the workers.

    Attributes:
        agency: the report's agency.
        year: the report year.
        version: the format version.
        values: every cell value in the version's official order.
        violations: the findings as ``(rule_id, severity, paths, expected, actual, message,
            message_en)`` rows, or ``None`` when the report was not validated.
    """

    agency: str
    year: int
    version: FormatVersion
    values: tuple[CellValue, ...]
    violations: tuple[tuple[object, ...], ...] | None


def summary_entry(report: AnnualReport, result: Any = None) -> SummaryEntry:
    """The summary data of one report and, optionally, its validation result."""
    violations = None
    if result is not None:
        violations = tuple(
            (
                str(v.rule_id),
                str(getattr(v.severity, "value", v.severity)),
                ", ".join(v.paths),
                v.expected,
                v.actual,
                str(v.message),
                str(v.message_en),
            )
            for v in getattr(result, "violations", ())
        )
    meta = report.meta
    return SummaryEntry(meta.agency, meta.year, meta.format_version, report.values(), violations)


@functools.cache
def _column_positions(version: FormatVersion, columns: tuple[str, ...]) -> tuple[int | None, ...]:
    position = _format.format_spec(version).position
    return tuple(position.get(path) for path in columns)


def _number_or_text(value: object) -> object:
    if isinstance(value, bool) or value is None:
        return None if value is None else str(value)
    if isinstance(value, (int, Decimal)):
        return _summary_value(value)
    return _check_fits(str(value))


def summary_entries_bytes(
    entries: Sequence[SummaryEntry], failures: Sequence[tuple[str, str]] = ()
) -> bytes:
    """The summary workbook of some entries (see :func:`write_excel_summary`)."""
    columns = tuple(_summary_columns(e.version for e in entries))
    styles = new_styles()
    ws = StreamSheet(styles, SUMMARY_SHEET, [24, 10, 10] + [14] * len(columns), freeze=(2, 3))
    ws.append([label for _, label in _META_COLUMNS] + [_summary_label(p) for p in columns], _HEADER)
    ws.append([i for i, _ in _META_COLUMNS] + list(columns), _ID)
    for entry in entries:
        values = entry.values
        row: list[object] = [_check_fits(entry.agency), entry.year, entry.version.value]
        for i in _column_positions(entry.version, columns):
            value = None if i is None else values[i]
            # Most cells are small counts or blanks, written as they are.
            plain = value is None or (type(value) is int and -_EXACT_DIGITS < value < _EXACT_DIGITS)
            row.append(value if plain else _summary_value(value))
        ws.append(row)
    sheets = [ws]
    if any(e.violations is not None for e in entries):
        vs = StreamSheet(styles, VIOLATIONS_SHEET, (10, 24, 10, 20, 10, 40, 10, 10, 60, 60), (1, 0))
        vs.append([label for _, label in _VIOLATION_COLUMNS], _HEADER)
        for n, entry in enumerate(entries, start=3):
            for rule, severity, paths, expected, actual, message, english in entry.violations or ():
                vs.append(
                    [
                        n,
                        _check_fits(entry.agency),
                        entry.year,
                        _check_fits(str(rule)),
                        _check_fits(str(severity)),
                        _check_fits(str(paths)),
                        _number_or_text(expected),
                        _number_or_text(actual),
                        _check_fits(str(message)),
                        _check_fits(str(english)),
                    ]
                )
        sheets.append(vs)
    if failures:
        fs = StreamSheet(styles, FAILURES_SHEET, (50, 90), (1, 0))
        fs.append(["文件", "原因"], _HEADER)
        for name, reason in failures:
            # A reason is an error message, not data: a very long one is cut, visibly.
            shown = reason if len(reason) <= 10_000 else reason[:10_000] + "…"
            fs.append([_check_fits(name), _check_fits(shown)])
        sheets.append(fs)
    return workbook_bytes(sheets)


def summary_bytes(
    reports: Sequence[AnnualReport],
    results: Sequence[Any] | None = None,
    failures: Sequence[tuple[str, str]] = (),
) -> bytes:
    """Return the workbook of :func:`write_excel_summary` as bytes.

    Written by a streaming writer of our own (:mod:`govdisclosure._io.xlsx.stream`): a
    summary of thousands of reports is hundreds of thousands of plain cells.

    Raises:
        ExcelError: see :func:`write_excel_summary`.
    """
    reports = list(reports)
    for i, report in enumerate(reports):
        if not isinstance(report, AnnualReport):
            raise ExcelError(f"reports[{i}]: expected an AnnualReport, got {type(report).__name__}")
    if results is not None:
        results = list(results)
        if len(results) != len(reports):
            raise ExcelError(
                f"results must be parallel to reports: {len(results)} results "
                f"for {len(reports)} reports"
            )
        entries = [summary_entry(r, res) for r, res in zip(reports, results, strict=True)]
    else:
        entries = [summary_entry(r) for r in reports]
    return summary_entries_bytes(entries, failures)


def write_excel_summary(
    reports: Iterable[AnnualReport],
    path: str | os.PathLike[str],
    results: Sequence[Any] | None = None,
    failures: Sequence[tuple[str, str]] = (),
) -> None:
    """Write many reports as one summary workbook: one row per report.

    The sheet 汇总 has two header rows, the Chinese label of each column and its id
    (``agency``, ``year``, ``format_version``, then every cell path in official order),
    then one row per report. Reports of both formats share the columns of the paths both
    formats have. Given ``results``, a sheet 问题清单 lists every violation with the row of
    its report.

    Args:
        reports: the reports.
        path: the ``.xlsx`` file to write (replaced atomically).
        results: validation results parallel to ``reports``, each with ``violations``
            (each with ``rule_id``, ``severity``, ``paths``, ``expected``, ``actual``,
            ``message`` and ``message_en``), or ``None`` for no 问题清单 sheet.
        failures: ``(file, reason)`` pairs of files that could not be read, listed in a
            sheet 无法读取的文件 (none: no such sheet).

    Raises:
        ExcelError: a report is not an :class:`AnnualReport`, ``results`` is not parallel
            to ``reports``, or an agency name is longer than one cell holds.

    >>> import tempfile, govdisclosure as gd
    >>> report = gd.examples.load("qijiang-psb-2023")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_excel_summary([report], f"{folder}/all.xlsx")
    ...     back = read_excel_summary(f"{folder}/all.xlsx")
    >>> [r.cell("applications.new_received.total") for r in back]
    [1]
    """
    from govdisclosure._io.files import atomic_write

    atomic_write(Path(path), summary_bytes(list(reports), results, failures))


def read_excel_summary(
    path: str | os.PathLike[str], *, limits: ExcelLimits | None = None
) -> list[AnnualReport]:
    """Read a summary workbook back into reports (numbers and facts; no texts).

    The header row of ids (``agency``, ``year``, ``format_version`` and cell paths) is
    found wherever it is; every row below it with an agency or a year is a report.

    Args:
        path: the ``.xlsx`` file.
        limits: limits on the file; the defaults of :class:`ExcelLimits` when ``None``.

    Raises:
        ExcelError: not an .xlsx file, no header row of ids, a blank or bad year, a value
            in a column its format does not have, or a cell that cannot be read.
    """
    try:
        return _read_summary(Path(path), limits)
    except ExcelError as exc:
        exc.file = str(path)
        raise


def _read_summary(path: Path, limits: ExcelLimits | None) -> list[AnnualReport]:
    book = read_path(path, limits or DEFAULT_LIMITS)
    reader = _Reader(book)
    known = set(_summary_columns(FormatVersion)) | {f for f, _ in _META_COLUMNS}
    for sheet in book.sheets:
        rows: dict[int, dict[int, Cell]] = {}
        for (r, c), cell in sheet.cells.items():
            rows.setdefault(r, {})[c] = cell
        header_row = next(
            (
                r
                for r in sorted(rows)
                if sum(1 for cell in rows[r].values() if cell.value in known) >= 3
                and any(cell.value == "year" for cell in rows[r].values())
            ),
            None,
        )
        if header_row is None:
            continue
        ids = {c: cell.value for c, cell in rows[header_row].items() if cell.value in known}
        reports = []
        for r in sorted(rows):
            if r <= header_row:
                continue
            report = _summary_report(reader, sheet, r, rows[r], ids)
            if report is not None:
                reports.append(report)
        for message in reader.warnings:
            warnings.warn(message, ExcelReadWarning, stacklevel=3)
        return reports
    raise ExcelError("no summary sheet: no header row of ids (agency, year, cell paths) found")


def _summary_report(
    reader: _Reader, sheet: Sheet, r: int, row: dict[int, Cell], ids: Mapping[int, object]
) -> AnnualReport | None:
    columns = {str(field): c for c, field in ids.items()}
    if not any(row.get(c) is not None and row[c].value not in (None, "") for c in columns.values()):
        return None
    year = _read_year(reader, (sheet, r, columns["year"]) if "year" in columns else None)
    agency = reader.text(sheet, r, columns["agency"]) if "agency" in columns else None
    version = _read_version(
        reader, (sheet, r, columns["format_version"]) if "format_version" in columns else None
    )
    version = version or FormatVersion.for_year(year)
    spec = _format.format_spec(version)
    values: dict[str, CellValue] = {}
    for path, c in columns.items():
        if path in ("agency", "year", "format_version") or c not in row:
            continue
        cell = row[c]
        value = cell.value
        if value is None and cell.formula is None:
            continue
        cell_spec = spec.by_path.get(path)
        if cell_spec is None:
            kind = _format.cell_spec(path).kind
            if reader.number(sheet, r, c, kind) is None:
                continue
            raise ExcelError(
                f"{sheet.name}!{coordinate(r, c)}: the {version.value} format has no cell {path}"
            )
        if type(value) is int and cell.formula is None and cell_spec.kind is not CellKind.MONEY:
            values[path] = value
        else:
            values[path] = reader.number(sheet, r, c, cell_spec.kind)
    try:
        report = AnnualReport.blank(agency=agency or "", year=year, format_version=version)
        return report.with_cells(values)
    except InvalidReportError as exc:
        raise ExcelError(f"{sheet.name}!A{r}: {exc}") from None


# ---------------------------------------------------------------------------
# The fill-in template

_RULE_TITLES = {
    "APP-ROW-TOTAL": "校验：总计＝六类申请人之和",
    "APP-RESULTS-TOTAL": "校验：（七）总计＝各项办理结果之和",
    "APP-BALANCE": "校验：第一项＋第二项＝第三项＋第四项（勾稽关系）",
    "RL-TOTAL": "校验：总计＝各项之和",
}
_OK, _BAD = "✓", "✗"


def _ranges(cells: Sequence[tuple[int, int]]) -> list[str]:
    """A1 references of cells, with runs in one row or one column joined into ranges."""
    refs: list[str] = []
    i = 0
    cells = list(cells)
    while i < len(cells):
        j = i
        r, c = cells[i]
        while j + 1 < len(cells) and (
            (cells[j + 1] == (cells[j][0], cells[j][1] + 1) and cells[i][0] == r)
            or (
                cells[j + 1] == (cells[j][0] + 1, cells[j][1])
                and cells[i][1] == c
                and all(x[1] == c for x in cells[i : j + 2])
            )
        ):
            j += 1
        first, last = coordinate(*cells[i]), coordinate(*cells[j])
        refs.append(first if i == j else f"{first}:{last}")
        i = j + 1
    return refs


def _total_formula(parts: Sequence[tuple[int, int]]) -> str:
    """The formula of a 总计 cell: blank until every part is filled, then their sum."""
    refs = ",".join(_ranges(parts))
    return f'=IF(COUNT({refs})<{len(parts)},"",SUM({refs}))'


def _check_formula(total: tuple[int, int], parts: Sequence[tuple[tuple[int, int], int]]) -> str:
    """The formula of a check cell: blank until all its cells are filled, then ✓ or ✗."""
    plus = _ranges([p for p, w in parts if w > 0])
    minus = _ranges([p for p, w in parts if w < 0])
    expr = f"SUM({','.join(plus)})" + (f"-SUM({','.join(minus)})" if minus else "")
    everything = ",".join(_ranges([total]) + plus + minus)
    count = 1 + len(parts)
    return f'=IF(COUNT({everything})<{count},"",IF({coordinate(*total)}={expr},"{_OK}","{_BAD}"))'


def _template_table(ws: Worksheet, layout: _Layout, styles: _Styles) -> None:
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    version = _version_of_table(layout)
    spec = _format.format_spec(version)
    _write_table(ws, layout, styles, {}, template=True)
    sums = [s for s in spec.sums if s.total in layout.cells]
    formulas: dict[str, str] = {}
    for s in sums:
        if s.fills_total and s.total not in formulas:
            formulas[s.total] = _total_formula([layout.cells[p] for p, _ in s.parts])
    for path, formula in formulas.items():
        cell = ws.cell(*layout.cells[path])
        cell.value = formula
        styles.apply(cell, "data", _COUNT_FORMAT)
    validations = {
        CellKind.COUNT: DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0"),
        CellKind.SIGNED: DataValidation(
            type="whole", operator="between", formula1="-1000000000", formula2="1000000000"
        ),
        CellKind.MONEY: DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0"),
    }
    messages = {
        CellKind.COUNT: "请填写大于或等于 0 的整数（件数）。",
        CellKind.SIGNED: "请填写整数，减少用负数表示，如 -8。",
        CellKind.MONEY: "请填写大于或等于 0 的金额（单位：万元，可有小数）。",
    }
    for kind, dv in validations.items():
        dv.allow_blank = True
        dv.showErrorMessage = True
        dv.errorTitle = "填写有误"
        dv.error = messages[kind]
        dv.showInputMessage = False
    for path, (r, c) in layout.cells.items():
        if path not in formulas:
            validations[spec.by_path[path].kind].add(coordinate(r, c))
    for dv in validations.values():
        if dv.sqref:
            ws.add_data_validation(dv)
    checks = _place_checks(layout, sums)
    for text_at, merge, _ in checks["labels"]:
        cell = _put_text(ws, text_at[0], text_at[1], merge[4])
        styles.apply(cell, "label")
        if merge[:2] != merge[2:4]:
            _merge(ws, merge[:4], styles, "label")
    red = PatternFill("solid", fgColor="FF0000")
    refs = []
    for (r, c), formula in checks["cells"]:
        cell = ws.cell(r, c)
        cell.value = formula
        styles.apply(cell, "check")
        refs.append(coordinate(r, c))
    if refs:
        sqref = " ".join(refs)
        ws.conditional_formatting.add(
            sqref,
            CellIsRule(
                operator="equal",
                formula=[f'"{_BAD}"'],
                fill=red,
                font=Font(color="FFFFFF", bold=True),
            ),
        )
        ws.conditional_formatting.add(
            sqref, CellIsRule(operator="equal", formula=[f'"{_OK}"'], font=Font(color="008000"))
        )
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _place_checks(layout: _Layout, sums: Sequence[_format.SumSpec]) -> dict[str, Any]:
    """Where each declared sum's check cell and its caption go, beside or below the table."""
    by_rule: dict[str, list[_format.SumSpec]] = {}
    for s in sums:
        by_rule.setdefault(s.rule_id, []).append(s)
    data_rows = {r for r, _ in layout.cells.values()}
    first_data_column = min(c for _, c in layout.cells.values())
    labels: list[tuple[tuple[int, int], tuple[int, int, int, int, str], str]] = []
    cells: list[tuple[tuple[int, int], str]] = []
    next_column = layout.last_column + 1
    next_row = layout.last_row + 1
    for rule, rule_sums in by_rule.items():
        title = _RULE_TITLES.get(rule, f"校验：{rule}")
        same_row = all(
            layout.cells[p][0] == layout.cells[s.total][0] for s in rule_sums for p, _ in s.parts
        )
        if same_row and len(data_rows) > 1:
            top, bottom = layout.header_rows
            labels.append(
                ((top, next_column), (top, next_column, bottom, next_column, title), rule)
            )
            for s in rule_sums:
                r = layout.cells[s.total][0]
                cells.append(
                    (
                        (r, next_column),
                        _check_formula(
                            layout.cells[s.total], [(layout.cells[p], w) for p, w in s.parts]
                        ),
                    )
                )
            next_column += 1
            continue
        previous = 0
        targets = sorted((layout.cells[s.total][1], s) for s in rule_sums)
        for c, s in targets:
            left = previous + 1 if previous else 1
            if previous == 0 and first_data_column > 1:
                left = 1
            if c - 1 >= left:
                labels.append(((next_row, left), (next_row, left, next_row, c - 1, title), rule))
            cells.append(
                (
                    (next_row, c),
                    _check_formula(
                        layout.cells[s.total], [(layout.cells[p], w) for p, w in s.parts]
                    ),
                )
            )
            previous = c
        next_row += 1
    return {"labels": labels, "cells": cells}


_INSTRUCTIONS = (
    "政府信息公开工作年度报告 填写模板（{year}年度，{doc}格式）",
    "",
    (
        "一、本模板按《中华人民共和国政府信息公开工作年度报告格式》排列表二、表三、表四，"
        "标签与官方格式一致，请勿改动标签。"
    ),
    (
        "二、请先在“报告信息”表填写机关名称、发布日期、机关类"
        "别（政府部门 / 人民政府）；报告年度和格式版本已填好。"
    ),
    (
        "三、浅黄色单元格为填写区，其余单元格已锁定（工作表保护未设密码，"
        "确需修改时可在“审阅”中撤销保护）。"
    ),
    (
        "四、件数只能填写大于或等于 0 的整数；表二“本年收费金额”单位为万元，"
        "可有小数。没有发生的事项请填 0，不要留空；留空表示未填报。"
    ),
    "五、各“总计”单元格为公式，所有组成项填齐后自动计算，无需填写。",
    (
        "六、表格旁的“校验”单元格自动核对勾稽关系：一致显示 ✓，"
        "不一致显示 ✗ 并标红。表三须满足“第一项加第二项之和，等于第三项加第四项之和”。"
    ),
    (
        "七、“文字部分”表填写各部分正文和表格下方的备注"
        "（每行一条）；标题与官方标题不同时才需填写标题。"
    ),
    (
        '八、填好后可用 govdisclosure 读取：gd.read_excel("文件.xlsx")，'
        "或在命令行运行 govdisclosure validate 文件.xlsx 检查。"
    ),
)


def template_bytes(year: int) -> bytes:
    """Return the workbook of :func:`excel_template` as bytes.

    Raises:
        InvalidReportError: no national format covers ``year``.
    """
    from openpyxl import Workbook as OpenpyxlWorkbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    version = FormatVersion.for_year(year)
    wb = OpenpyxlWorkbook()
    guide = wb.active
    assert guide is not None
    guide.title = INSTRUCTIONS_SHEET
    for row, line in enumerate(_INSTRUCTIONS, start=1):
        cell = guide.cell(row, 1, line.format(year=year, doc=version.document_number))
        cell.font = Font(name=_FONT, size=14 if row == 1 else 11, bold=row == 1)
    guide.column_dimensions["A"].width = 120
    facts = wb.create_sheet(FACTS_SHEET)
    _write_facts(facts, None, _Styles(facts), year=year, template=True)
    level = DataValidation(type="list", formula1='"政府部门,人民政府"', allow_blank=True)
    level.add(excel_cell("agency_level", version).partition("!")[2])
    facts.add_data_validation(level)
    facts.protection.sheet = True
    texts = wb.create_sheet(TEXTS_SHEET)
    _write_texts(texts, None, version, _Styles(texts), template=True)
    texts.protection.sheet = True
    for layout in _layouts(version):
        ws = wb.create_sheet(layout.sheet)
        _template_table(ws, layout, _Styles(ws))
    return _save(wb)


def excel_template(path: str | os.PathLike[str], year: int | None = None) -> None:
    """Write a blank fill-in workbook in the official layout of a report year's format.

    Input cells are unlocked and validated (whole numbers >= 0; amounts in 万元 >= 0);
    labels are locked (sheet protection without a password); 总计 cells are formulas,
    blank until every part is filled; beside each declared relation a check cell shows
    ✓ or ✗ and turns red when the figures disagree. The first sheet, 填写说明, explains it
    in Chinese. A filled template reads back with :func:`read_excel`.

    Args:
        path: the ``.xlsx`` file to write (replaced atomically).
        year: the report year; by default last calendar year (the report being prepared).

    Raises:
        InvalidReportError: no national format covers ``year``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     excel_template(f"{folder}/t.xlsx", year=2024)
    ...     result = read_excel_with_warnings(f"{folder}/t.xlsx")
    >>> result.report.meta.format_version.value, result.report.filled_count()
    ('2021', 0)
    >>> result.warnings
    ('报告信息!C2: the agency (机关名称) is blank',)
    """
    from govdisclosure._io.files import atomic_write

    if year is None:
        year = dt.date.today().year - 1
    atomic_write(Path(path), template_bytes(year))
