"""The three tables in their official layout: grids of cells with their spans.

Renderers (HTML, Word, the notebook display) write these grids; they are the layout the
readers of published reports take apart, reversed. The grids follow format.md §3: table 2's
stacked blocks, table 3's three-level header with the 勾稽关系 corner note and its merged
row labels, table 4's three header rows and one data row.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from govdisclosure import _format
from govdisclosure._model.cells import CellValue

if TYPE_CHECKING:
    from govdisclosure._model.report import AnnualReport

__all__ = ["GridCell", "TableGrid", "cell_text", "table_grids"]


@attrs.frozen
class GridCell:
    """One cell of a rendered table.

    Attributes:
        text: what the cell shows.
        rowspan: rows it spans.
        colspan: columns it spans.
        header: a label cell (rendered as a header cell).
        scope: for header cells, ``"col"`` or ``"row"`` (accessibility), else empty.
        path: for data cells, the cell path.
    """

    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    scope: str = ""
    path: str | None = None


@attrs.frozen
class TableGrid:
    """A table: its number, section, width, header rows and body rows."""

    number: int
    section: str
    width: int
    head: tuple[tuple[GridCell, ...], ...]
    body: tuple[tuple[GridCell, ...], ...]
    notes: tuple[str, ...] = ()


def cell_text(value: CellValue) -> str:
    """The text of a value in a table: the number as written, empty when blank."""
    if value is None:
        return ""
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _label(text: str, *, rowspan: int = 1, colspan: int = 1, scope: str = "col") -> GridCell:
    return GridCell(text, rowspan, colspan, header=True, scope=scope)


def _table2(report: AnnualReport, table: _format.TableSpec) -> TableGrid:
    width = 1 + max(len(row.columns) for row in table.rows)
    body: list[tuple[GridCell, ...]] = []
    for caption in dict.fromkeys(row.caption for row in table.rows):
        rows = [row for row in table.rows if row.caption == caption]
        columns = rows[0].columns
        spans = [1] * len(columns)
        spans[-1] = width - len(columns)  # the last column takes the rest of the width
        body.append((_label(caption, colspan=width),))
        body.append(
            (
                _label("信息内容"),
                *(_label(c.label, colspan=s) for c, s in zip(columns, spans, strict=True)),
            )
        )
        for row in rows:
            cells = [_label(row.label, scope="row")]
            for column, span in zip(row.columns, spans, strict=True):
                path = f"{table.section}.{row.id}.{column.id}"
                cells.append(GridCell(cell_text(report.cell(path)), colspan=span, path=path))
            body.append(tuple(cells))
    return TableGrid(2, table.section, width, (), tuple(body), report.proactive_disclosure.notes)


def _table3(report: AnnualReport, table: _format.TableSpec) -> TableGrid:
    columns = table.rows[0].columns
    head = (
        (
            _label(_format.TABLE3_CORNER_NOTE, rowspan=3, colspan=3),
            _label("申请人情况", colspan=7),
        ),
        (
            _label("自然人", rowspan=2),
            _label("法人或其他组织", colspan=5),
            _label("总计", rowspan=2),
        ),
        tuple(_label(c.labels[-1]) for c in columns[1:6]),
    )
    body: list[tuple[GridCell, ...]] = []
    opened: set[tuple[str, ...]] = set()
    for row in table.rows:
        labels: list[GridCell] = []
        depth = len(row.labels)
        for level in range(depth):
            prefix = row.labels[: level + 1]
            if level < depth - 1:
                # A group label (三、本年度办理结果, （三）不予公开) spans its rows; it is written
                # once, in its first row.
                if prefix in opened:
                    continue
                opened.add(prefix)
                span = sum(1 for r in table.rows if r.labels[: level + 1] == prefix)
                labels.append(_label(prefix[-1], rowspan=span, scope="row"))
            else:
                labels.append(_label(prefix[-1], colspan=3 - level, scope="row"))
        values = tuple(
            GridCell(
                cell_text(report.cell(f"{table.section}.{row.id}.{c.id}")),
                path=f"{table.section}.{row.id}.{c.id}",
            )
            for c in columns
        )
        body.append((*labels, *values))
    return TableGrid(3, table.section, 10, head, tuple(body), report.applications.notes)


def _table4(report: AnnualReport, table: _format.TableSpec) -> TableGrid:
    outcomes = table.rows[0].columns
    head = (
        (_label("行政复议", colspan=5), _label("行政诉讼", colspan=10)),
        (
            *(_label(c.labels[-1], rowspan=2) for c in outcomes),
            _label("未经复议直接起诉", colspan=5),
            _label("复议后起诉", colspan=5),
        ),
        tuple(_label(c.labels[-1]) for _ in range(2) for c in outcomes),
    )
    values = tuple(
        GridCell(
            cell_text(report.cell(f"{table.section}.{row.id}.{c.id}")),
            path=f"{table.section}.{row.id}.{c.id}",
        )
        for row in table.rows
        for c in outcomes
    )
    return TableGrid(4, table.section, 15, head, (values,), report.review_litigation.notes)


def table_grids(report: AnnualReport) -> tuple[TableGrid, TableGrid, TableGrid]:
    """The report's tables 2, 3 and 4 in the official layout.

    >>> import govdisclosure as gd
    >>> grids = table_grids(gd.examples.load("qijiang-psb-2023"))
    >>> [g.width for g in grids]
    [4, 10, 15]
    >>> grids[1].head[0][0].text
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'
    """
    spec = _format.format_spec(report.meta.format_version)
    table2, table3, table4 = spec.tables
    return _table2(report, table2), _table3(report, table3), _table4(report, table4)
