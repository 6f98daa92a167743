"""Display of a report's tables: plain text for terminals, HTML for notebooks."""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from govdisclosure import _format
from govdisclosure._model.cells import CellValue
from govdisclosure._model.tables import GridCell, TableGrid, table_grids

if TYPE_CHECKING:
    from govdisclosure._model.report import AnnualReport

__all__ = [
    "BLANK",
    "format_value",
    "grid_html",
    "render_tables",
    "tables_html",
    "text_width",
]

#: How a blank cell is shown.
BLANK = "—"


def text_width(text: str) -> int:
    """The number of terminal columns ``text`` takes (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * (width - text_width(text))
    return fill + text if right else text + fill


def format_value(value: CellValue) -> str:
    """Show a cell value: the number as written, or :data:`BLANK`."""
    if value is None:
        return BLANK
    return format(value, "f") if not isinstance(value, int) else str(value)


def grid(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Lay out a header and rows in aligned columns; the first column is left-aligned."""
    widths = [max(text_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for n, row in enumerate([header, *rows]):
        cells = [_pad(cell, widths[i], right=i > 0) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _row_label(row: _format.RowSpec) -> str:
    # Show the innermost label, indented by its depth under 三、本年度办理结果.
    return "  " * (len(row.labels) - 1) + row.labels[-1]


def render_tables(report: AnnualReport) -> str:
    """Return the three tables of a report as aligned plain text."""
    spec = _format.format_spec(report.meta.format_version)
    parts = []
    for section in spec.sections:
        table = section.table
        if table is None:
            continue
        parts.append(f"{section.heading}（表{_format.TABLE_NUMERALS[table.number]}）")
        if table.number == 2:
            parts.append(_table2(report, table))
        else:
            columns = table.rows[0].columns
            header = ["", *(c.labels[-1] for c in columns)]
            rows: list[list[str]] = []
            shown: set[tuple[str, ...]] = set()
            for row in table.rows:
                if table.number == 3:
                    # Group headings (三、本年度办理结果, （三）不予公开) are merged label cells
                    # in the official table; show each once, above its rows.
                    for depth in range(1, len(row.labels)):
                        prefix = row.labels[:depth]
                        if prefix not in shown:
                            shown.add(prefix)
                            rows.append(["  " * (depth - 1) + prefix[-1]] + [""] * len(columns))
                    label = _row_label(row)
                else:
                    label = " / ".join(row.labels)
                values = [
                    format_value(report.cell(f"{table.section}.{row.id}.{c.id}")) for c in columns
                ]
                rows.append([label, *values])
            parts.append(grid(header, rows))
        notes = getattr(report, table.section).notes
        parts.extend(f"备注：{note}" for note in notes)
        parts.append("")
    return "\n".join(parts).rstrip("\n")


def _table2(report: AnnualReport, table: _format.TableSpec) -> str:
    blocks: list[str] = []
    caption = None
    for row in table.rows:
        if row.caption != caption:
            caption = row.caption
            block_rows = [r for r in table.rows if r.caption == caption]
            header = [caption, *(c.label for c in row.columns)]
            body = [
                [
                    r.label,
                    *(
                        format_value(report.cell(f"{table.section}.{r.id}.{c.id}"))
                        for c in r.columns
                    ),
                ]
                for r in block_rows
            ]
            blocks.append(grid(header, body))
    return "\n\n".join(blocks)


def grid_html(grid: TableGrid) -> str:
    """One table as HTML: merged cells as rowspan/colspan, labels as header cells."""

    def cell(c: GridCell) -> str:
        tag = "th" if c.header else "td"
        attributes = "".join(
            f' {name}="{value}"'
            for name, value in (
                ("rowspan", c.rowspan),
                ("colspan", c.colspan),
            )
            if value != 1
        )
        if c.scope:
            attributes += f' scope="{c.scope}"'
        return f"<{tag}{attributes}>{html.escape(c.text)}</{tag}>"

    head = "".join("<tr>" + "".join(map(cell, row)) + "</tr>" for row in grid.head)
    body = "".join("<tr>" + "".join(map(cell, row)) + "</tr>" for row in grid.body)
    thead = f"<thead>{head}</thead>" if head else ""
    return f'<table class="gd-table gd-table-{grid.number}">{thead}<tbody>{body}</tbody></table>'


def tables_html(report: AnnualReport) -> str:
    """The three tables as HTML, each under its section heading, with its notes."""
    spec = _format.format_spec(report.meta.format_version)
    parts = []
    for grid in table_grids(report):
        heading = next(s.heading for s in spec.sections if s.id == grid.section)
        parts.append(f"<h4>{html.escape(heading)}</h4>{grid_html(grid)}")
        parts.extend(f"<p>备注：{html.escape(note)}</p>" for note in grid.notes)
    return "".join(parts)
