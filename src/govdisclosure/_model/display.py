"""Display of a report's tables: plain text for terminals, HTML for notebooks.

Cells can be marked (:class:`CellMark`), so that the findings of a validation show in the
tables where an official looks for them. The marks are given as cell paths: the model knows
nothing of validation, and :meth:`govdisclosure.ValidationResult.with_report` turns its
findings into marks.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import attrs

from govdisclosure import _format
from govdisclosure._model.cells import CellValue
from govdisclosure._model.tables import GridCell, TableGrid, table_grids

if TYPE_CHECKING:
    from govdisclosure._model.report import AnnualReport

__all__ = [
    "BLANK",
    "MARK_LEGEND",
    "CellMark",
    "format_value",
    "grid_html",
    "render_tables",
    "tables_html",
    "text_width",
]

#: How a blank cell is shown.
BLANK = "—"

#: How serious a mark is: the severities of validation, as plain words.
MarkLevel = Literal["error", "warning", "info"]


@attrs.frozen
class CellMark:
    """A mark on one cell of a displayed table.

    Attributes:
        level: ``"error"`` (red), ``"warning"`` (amber) or ``"info"`` (blue).
        note: what is wrong with the cell, shown when the pointer rests on it (HTML).
    """

    level: MarkLevel
    note: str = ""


#: Each level's sign after a value in plain text, its cell colours in HTML (background,
#: text) and its name.
_MARK_STYLES: dict[str, tuple[str, str, str, str]] = {
    "error": ("✗", "#fdecea", "#b71c1c", "错误"),
    "warning": ("!", "#fff4e0", "#8a5300", "警告"),
    "info": ("?", "#e8f1fb", "#0d47a1", "提示"),
}
#: The line under marked plain-text tables that says what the signs mean.
MARK_LEGEND = "　".join(f"{sign} {name}" for sign, _, _, name in _MARK_STYLES.values())


def text_width(text: str) -> int:
    """The number of terminal columns ``text`` takes (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * (width - text_width(text))
    return fill + text if right else text + fill


def format_value(value: CellValue, mark: CellMark | None = None) -> str:
    """Show a cell value: the number as written, or :data:`BLANK`; a mark's sign after it.

    >>> format_value(None), format_value(3, CellMark("error"))
    ('—', '3 ✗')
    """
    if value is None:
        text = BLANK
    else:
        text = format(value, "f") if not isinstance(value, int) else str(value)
    return text if mark is None else f"{text} {_MARK_STYLES[mark.level][0]}"


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


def render_tables(report: AnnualReport, marks: Mapping[str, CellMark] | None = None) -> str:
    """Return the three tables of a report as aligned plain text.

    Args:
        report: the report.
        marks: cells to mark, by path: each marked value is followed by its level's sign
            (✗ error, ! warning, ? info), and :data:`MARK_LEGEND` closes the text.
    """
    marks = marks or {}
    spec = _format.format_spec(report.meta.format_version)
    parts = []
    for section in spec.sections:
        table = section.table
        if table is None:
            continue
        parts.append(f"{section.heading}（表{_format.TABLE_NUMERALS[table.number]}）")
        if table.number == 2:
            parts.append(_table2(report, table, marks))
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
                paths = [f"{table.section}.{row.id}.{c.id}" for c in columns]
                values = [format_value(report.cell(p), marks.get(p)) for p in paths]
                rows.append([label, *values])
            parts.append(grid(header, rows))
        notes = getattr(report, table.section).notes
        parts.extend(f"备注：{note}" for note in notes)
        parts.append("")
    if marks:
        parts.append(MARK_LEGEND)
    return "\n".join(parts).rstrip("\n")


def _table2(report: AnnualReport, table: _format.TableSpec, marks: Mapping[str, CellMark]) -> str:
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
                        format_value(
                            report.cell(f"{table.section}.{r.id}.{c.id}"),
                            marks.get(f"{table.section}.{r.id}.{c.id}"),
                        )
                        for c in r.columns
                    ),
                ]
                for r in block_rows
            ]
            blocks.append(grid(header, body))
    return "\n\n".join(blocks)


def grid_html(grid: TableGrid, marks: Mapping[str, CellMark] | None = None) -> str:
    """One table as HTML: merged cells as rowspan/colspan, labels as header cells.

    Args:
        grid: the table.
        marks: cells to mark, by path: coloured by level (inline styles, which notebooks
            keep), with the note as the cell's tooltip and the path in ``data-path``.
    """
    marks = marks or {}

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
        mark = marks.get(c.path) if c.path is not None else None
        if mark is not None:
            attributes += _mark_attributes(c.path or "", mark)
        text = html.escape(c.text) if c.text or mark is None else BLANK
        return f"<{tag}{attributes}>{text}</{tag}>"

    head = "".join("<tr>" + "".join(map(cell, row)) + "</tr>" for row in grid.head)
    body = "".join("<tr>" + "".join(map(cell, row)) + "</tr>" for row in grid.body)
    thead = f"<thead>{head}</thead>" if head else ""
    return f'<table class="gd-table gd-table-{grid.number}">{thead}<tbody>{body}</tbody></table>'


def _mark_attributes(path: str, mark: CellMark) -> str:
    _, background, colour, name = _MARK_STYLES[mark.level]
    note = f"{name}：{mark.note}" if mark.note else name
    return (
        f' class="gd-{mark.level}" data-path="{html.escape(path)}"'
        f' title="{html.escape(note)}"'
        f' style="background:{background};color:{colour};font-weight:bold;'
        f'outline:2px solid {colour}"'
    )


def tables_html(report: AnnualReport, marks: Mapping[str, CellMark] | None = None) -> str:
    """The three tables as HTML, each under its section heading, with its notes.

    Args:
        report: the report.
        marks: cells to mark, by path (see :func:`grid_html`); a marked blank cell shows
            :data:`BLANK`, so that the mark can be seen.
    """
    spec = _format.format_spec(report.meta.format_version)
    parts = []
    for grid in table_grids(report):
        heading = next(s.heading for s in spec.sections if s.id == grid.section)
        parts.append(f"<h4>{html.escape(heading)}</h4>{grid_html(grid, marks)}")
        parts.extend(f"<p>备注：{html.escape(note)}</p>" for note in grid.notes)
    return "".join(parts)
