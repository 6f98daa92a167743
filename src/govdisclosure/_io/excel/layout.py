"""Where everything goes in a report workbook, derived from the format declarations.

One workbook per report holds a sheet of the report's facts (报告信息), one of its text
sections (文字部分) and one per table (表二, 表三, 表四) laid out as the national format
prints them: the same merged header cells, labels verbatim. :func:`layouts` gives each
table's labels, merges and data cells; :data:`FACTS` and :func:`text_fields` the rows of
the facts and texts sheets; :func:`excel_cell` the address of any of them. The writer and
the template put things where this module says; the reader finds them by their labels.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from govdisclosure import _format
from govdisclosure._format import (
    APPLICANT_COLUMNS,
    TABLE3_CORNER_NOTE,
    FormatVersion,
    RowSpec,
    TableSpec,
)
from govdisclosure._format.vocabulary import HEADINGS, LEVEL_NAMES
from govdisclosure._io.xlsx.reader import coordinate

__all__ = [
    "FACTS",
    "FACTS_SHEET",
    "LINE_HEIGHT",
    "TEXTS_SHEET",
    "Layout",
    "excel_cell",
    "layouts",
    "table_sheet",
    "text_fields",
    "version_of_table",
    "wrapped_lines",
]


#: The sheet names of a report workbook.
FACTS_SHEET = "报告信息"
TEXTS_SHEET = "文字部分"


class _Label(NamedTuple):
    row: int
    column: int
    text: str
    kind: str  # "title" | "header" | "label" | "corner"


class Layout(NamedTuple):
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


def table_sheet(table: TableSpec) -> str:
    """The sheet of a table: 表二, 表三 or 表四."""
    return "表" + _format.TABLE_NUMERALS[table.number]


#: The height of one line of 11-point text in a row, in points (CJK fonts run taller).
LINE_HEIGHT = 16.0


def wrapped_lines(text: str, width: float) -> int:
    """The lines a text wraps to in a column ``width`` characters wide (a CJK character is two).

    >>> wrapped_lines("政府信息公开", 10), wrapped_lines("政府信息公开", 14)
    (2, 1)
    """
    lines = 0
    for paragraph in text.split("\n"):
        units = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in paragraph)
        lines += max(1, -(-units // max(1, int(width * 0.95))))
    return lines


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


def _layout_table2(table: TableSpec, heading: str) -> Layout:
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
    return Layout(
        table_sheet(table),
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


def _layout_table3(table: TableSpec, heading: str) -> Layout:
    b = _Builder()
    first = 4  # the first data column: three label columns come before it
    last = first + len(APPLICANT_COLUMNS) - 1
    top = 5  # the first data row, under the title and three header rows
    column_of = _table3_header(b, heading, first, last)
    cells: dict[str, tuple[int, int]] = {}
    heights: dict[int, float] = {}
    rows = table.rows
    for i, spec in enumerate(rows):
        r = top + i
        for column in spec.columns:
            cells[f"{table.section}.{spec.id}.{column.id}"] = (r, column_of[column.id])
        heights[r] = _table3_row_labels(b, rows, i, top)
    widths = {1: 8.0, 2: 12.0, 3: 40.0, **dict.fromkeys(range(first, last + 1), 11.0)}
    heights[2] = 20.0
    heights[3] = heights[4] = 24.0
    return Layout(
        table_sheet(table),
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


def _table3_header(b: _Builder, heading: str, first: int, last: int) -> dict[str, int]:
    """Put table 3's title, corner note and applicant headers; return each column's column."""
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
    return column_of


def _table3_row_labels(b: _Builder, rows: Sequence[RowSpec], i: int, top: int) -> float:
    """Put the labels of row ``i`` of table 3; return the row's height.

    A row's group labels (三、本年度办理结果, （三）不予公开) are put once, on the group's first
    row, merged down to its last; its own label takes the label columns left over.
    """
    labels = rows[i].labels
    r = top + i
    if len(labels) == 1:
        b.put(r, 1, labels[0], "label", right=3)
        return LINE_HEIGHT * wrapped_lines(labels[0], 8 + 12 + 40)
    for level in range(len(labels) - 1):
        if i == 0 or rows[i - 1].labels[: level + 1] != labels[: level + 1]:
            b.put(r, level + 1, labels[level], "label", bottom=top + _group_end(rows, i, level))
    if len(labels) == 2:
        b.put(r, 2, labels[-1], "label", right=3)
        return LINE_HEIGHT * wrapped_lines(labels[-1], 12 + 40)
    b.put(r, 3, labels[-1], "label")
    return LINE_HEIGHT * wrapped_lines(labels[-1], 40)


def _group_end(rows: Sequence[RowSpec], i: int, level: int) -> int:
    """The last row of the group whose label row ``i`` has at ``level``."""
    prefix = rows[i].labels[: level + 1]
    end = i
    while (
        end + 1 < len(rows)
        and rows[end + 1].labels[: level + 1] == prefix
        and len(rows[end + 1].labels) > level + 1
    ):
        end += 1
    return end


def _layout_table4(table: TableSpec, heading: str) -> Layout:
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
    return Layout(
        table_sheet(table),
        table,
        tuple(b.labels),
        tuple(b.merges),
        cells,
        widths,
        {2: 20.0, 3: 24.0, 4: 24.0, 5: 20.0},
        "A5",
        last,
        5,
        (2, 4),
        landscape=True,
    )


def layouts(
    version: FormatVersion, headings: Sequence[str | None] = (None, None, None)
) -> tuple[Layout, ...]:
    """The layouts of a format's three tables, under the report's own headings where given."""
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
FACTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("agency", "机关名称", ("单位名称", "报告单位", "发布机关", "机关", "单位")),
    ("year", "报告年度", ("年度", "年份")),
    ("format_version", "格式版本（2019 或 2021）", ("格式版本", "报告格式", "格式")),
    ("title", "报告标题", ("标题",)),
    ("published_on", "发布日期", ("公开日期", "发布时间")),
    (
        "agency_level",
        f"机关类别（{' / '.join(LEVEL_NAMES.values())}）",
        ("机关类别", "机关层级", "层级"),
    ),
    ("source", "来源", ("来源网址", "出处")),
)


def text_fields(version: FormatVersion) -> tuple[tuple[str, str, str], ...]:
    """The rows of the texts sheet, as ``(field id, label, kind)``.

    Kinds: ``req`` a required text, ``opt`` an optional text, ``notes`` the notes under a
    table (one row each), ``money`` an amount.
    """
    fields = [
        ("preface", "前言（一、之前的开篇段落）", "opt"),
        _heading_field("overview", "与官方标题不同时填写"),
        _text_field("overview"),
        _heading_field("proactive_disclosure"),
        ("proactive_disclosure.notes", "表二 备注（每行一条）", "notes"),
    ]
    if version is FormatVersion.V2019:
        fields.append(
            ("proactive_disclosure.central_procurement.amount_unit", "表二 采购总金额的单位", "opt")
        )
    fields += [
        _heading_field("applications"),
        ("applications.notes", "表三 备注（每行一条）", "notes"),
        _heading_field("review_litigation"),
        ("review_litigation.notes", "表四 备注（每行一条）", "notes"),
        _heading_field("problems_improvements"),
        _text_field("problems_improvements"),
        _heading_field("other_matters"),
        _text_field("other_matters"),
        ("other_matters.information_fee_yuan", "六、收取信息处理费金额（元）", "money"),
    ]
    return tuple(fields)


def _heading_field(section: str, when: str = "与官方不同时填写") -> tuple[str, str, str]:
    """The row of a section's printed heading, labelled with the official heading."""
    return f"{section}.heading", f"{HEADINGS[section]} 标题（{when}）", "opt"


def _text_field(section: str) -> tuple[str, str, str]:
    """The row of a section's text, labelled with the official heading."""
    return f"{section}.text", f"{HEADINGS[section]} 正文", "req"


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
    for layout in layouts(version):
        if path in layout.cells:
            return f"{layout.sheet}!{coordinate(*layout.cells[path])}"
    for row, (field, _, _) in enumerate(FACTS, start=2):
        if field == path:
            return f"{FACTS_SHEET}!C{row}"
    for row, (field, _, _) in enumerate(text_fields(version), start=2):
        if field == path:
            return f"{TEXTS_SHEET}!C{row}"
    _format.cell_spec(path, version)  # raises UnknownPathError with a suggestion
    raise AssertionError(path)  # pragma: no cover - cell_spec knows every layout path


def version_of_table(layout: Layout) -> FormatVersion:
    """The format version a layout's table belongs to."""
    for version in FormatVersion:
        spec = _format.format_spec(version)
        if any(t is layout.table for t in spec.tables):
            return version
    raise AssertionError(layout.sheet)  # pragma: no cover
