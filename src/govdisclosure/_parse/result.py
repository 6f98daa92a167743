"""What :func:`govdisclosure.parse` returns: the report, its warnings, and its sources."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from govdisclosure._model.report import AnnualReport, CellValue
from govdisclosure._parse.layout import Location
from govdisclosure.errors import ParseError

if TYPE_CHECKING:
    from govdisclosure._model.tables import GridCell

__all__ = [
    "WARNING_NAMES_ZH",
    "ParseError",
    "ParseResult",
    "ParseWarning",
    "ValueSource",
    "WarningCode",
]


class WarningCode:
    """The codes of :class:`ParseWarning`, one per kind of doubt.

    Attributes:
        UNKNOWN_LABEL: a table row with figures whose label matches no row of the format.
        BLANK_CELL: a data cell left blank; the value is ``None``.
        PLACEHOLDER: a data cell holding "/", "-", "—", "无" …; the value is ``None``.
        SKIPPED_VALUE: a value that could not be read or placed with certainty; left out.
        BY_POSITION: a row with no (or a broken) label placed by its position between
            labelled rows; its values are kept.
        TABLE_NOT_FOUND: one of the three tables is missing; its cells are ``None``.
        SECTION_NOT_FOUND: one of the six sections has no heading the parser recognised.
        FORMAT_YEAR: the table layout is not the format in force for the report year.
        EXTRA_ROW: a row of the other format version (kept in ``ParseResult.extra``).
        METADATA: the agency, year or date could not be read, or two readings disagree.
        DECODING: the bytes were not valid in the declared or any expected encoding.
        MULTIPLE_REPORTS: the input holds more than one report; only the first was read.
        DUPLICATE_ROW: the same row appears twice; the first reading is kept.
    """

    UNKNOWN_LABEL = "unknown-label"
    BLANK_CELL = "blank-cell"
    PLACEHOLDER = "placeholder"
    SKIPPED_VALUE = "skipped-value"
    BY_POSITION = "by-position"
    TABLE_NOT_FOUND = "table-not-found"
    SECTION_NOT_FOUND = "section-not-found"
    FORMAT_YEAR = "format-year"
    EXTRA_ROW = "extra-row"
    METADATA = "metadata"
    DECODING = "decoding"
    MULTIPLE_REPORTS = "multiple-reports"
    DUPLICATE_ROW = "duplicate-row"


#: Each kind of parse warning, named in Chinese for the office staff who read the lists.
WARNING_NAMES_ZH: dict[str, str] = {
    WarningCode.UNKNOWN_LABEL: "表格中有无法识别的行",
    WarningCode.BLANK_CELL: "单元格空白",
    WarningCode.PLACEHOLDER: "单元格为占位符（如“/”“—”），按空白处理",
    WarningCode.SKIPPED_VALUE: "有数值无法确定读取或归位，已舍去",
    WarningCode.BY_POSITION: "有行缺少或损坏了行名，按位置识别",
    WarningCode.TABLE_NOT_FOUND: "缺少一张统计表，其单元格为空",
    WarningCode.SECTION_NOT_FOUND: "有一部分未找到可识别的标题",
    WarningCode.FORMAT_YEAR: "表格格式与报告年度适用的格式不符",
    WarningCode.EXTRA_ROW: "有另一版格式的行",
    WarningCode.METADATA: "机关名称、年度或日期无法读取或前后不一致",
    WarningCode.DECODING: "文件编码有误",
    WarningCode.MULTIPLE_REPORTS: "文件中有多份报告，只读取了第一份",
    WarningCode.DUPLICATE_ROW: "同一行出现两次，采用第一次的数值",
}


@attrs.frozen(kw_only=True)
class ParseWarning:
    """One doubt the parser had, with where it arose.

    Attributes:
        code: what kind of doubt (a :class:`WarningCode` value).
        message: what happened, quoting the report's own labels.
        location: where in the input, when known.
        path: the cell path concerned, when there is one.
    """

    code: str
    message: str
    location: Location | None = None
    path: str | None = None

    def __str__(self) -> str:
        where = f" (line {self.location.line})" if self.location is not None else ""
        return f"[{self.code}] {self.message}{where}"

    @property
    def message_zh(self) -> str:
        """The kind of doubt, the cell in the report's words, and the line, in Chinese.

        ``有行缺少或损坏了行名，按位置识别：表三“（二）部分公开…”行“总计”列（第 88 行）``.
        """
        name = WARNING_NAMES_ZH.get(self.code, self.code)
        place = _place_zh(self.path) if self.path else ""
        line = f"（第 {self.location.line} 行）" if self.location is not None else ""
        return f"{name}{'：' + place if place else ''}{line}"


def _place_zh(path: str) -> str:
    """A cell path in the report's words (表三“…”行“…”列), for either format's cells."""
    from govdisclosure._format import FormatVersion, format_spec
    from govdisclosure._format.words import place_words

    for version in FormatVersion:
        spec = format_spec(version)
        if path in spec.by_path:
            return place_words(path, spec)[0]
    return ""


@attrs.frozen(kw_only=True)
class ValueSource:
    """Where one value of a parsed report came from.

    Attributes:
        kind: the input kind (``html``, ``text``, ``markdown``, ``docx``, ``pdf``).
        raw: the text as the input holds it (the cell's text, or the matched words).
        location: the line, column and character offset in the input.
        table: the table number of the format (2, 3 or 4), ``None`` outside tables.
        row: the row in the input's table (for text lines, the line's index in the
            table region), from 0.
        column: the column in that row, from 0.
        label: the row label the value was read under, as the input prints it.
    """

    kind: str
    raw: str
    location: Location
    table: int | None = None
    row: int | None = None
    column: int | None = None
    label: str | None = None


def _frozen_map(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class ParseResult:
    """A report read from a published document.

    Attributes:
        report: the report; a cell the parser was not sure of is ``None``.
        warnings: every doubt, in the order it arose.
        kind: the input kind that was read.
        extra: values the input holds that fit no cell of the report's format (a 2019
            （六）其他处理 row in a 2021 table, the unit of an amount), by a path-like key.
    """

    report: AnnualReport
    warnings: tuple[ParseWarning, ...] = ()
    kind: str = "text"
    extra: Mapping[str, CellValue | str] = attrs.field(factory=dict, converter=_frozen_map)
    sources: Mapping[str, ValueSource] = attrs.field(
        factory=dict, converter=_frozen_map, repr=False
    )

    def __reduce__(self) -> tuple[Any, ...]:
        # The read-only views do not pickle; their contents do. Pickling (a process pool,
        # Dask, copy.deepcopy) rebuilds the result from plain dicts, read-only again.
        fields = (self.report, self.warnings, self.kind, dict(self.extra), dict(self.sources))
        return _rebuilt, fields

    def source_of(self, path: str) -> ValueSource | None:
        """Return where the value at ``path`` came from.

        Args:
            path: a cell path of the report's format, or ``meta.agency``, ``meta.year``,
                ``meta.published_on``, ``other_matters.information_fee_yuan``, or a
                section id (``overview`` …) for where its heading stands.

        Returns:
            The source, or ``None`` when nothing in the input was read for it (a missing
            table, a section without a heading).

        Raises:
            UnknownPathError: ``path`` is none of these.
        """
        source = self.sources.get(path)
        if source is not None:
            return source
        if path in _OTHER_KEYS:
            return None
        self.report.cell(path)  # raises UnknownPathError naming the nearest path
        return None

    def warnings_for(self, path: str) -> tuple[ParseWarning, ...]:
        """Return the warnings about one cell path."""
        return tuple(w for w in self.warnings if w.path == path)

    @property
    def ok(self) -> bool:
        """``True`` when the parser had no doubt at all."""
        return not self.warnings

    def _repr_html_(self) -> str:
        """In a notebook: the tables in the official layout, doubtful cells marked, warnings."""
        meta = self.report.meta
        tables, marked = _tables_marked(self.report, _doubts(self.warnings))
        facts = (
            f"{html.escape(meta.agency)} · {meta.year}年度 · {meta.format_version.value} 格式 · "
            f"读自 {html.escape(self.kind)}：{len(self.warnings)} 条警告，"
            f"表中 {marked} 个存疑单元格（标黄）"
        )
        return (
            f"<div><p><strong>{html.escape(meta.display_title)}</strong><br>{facts}</p>"
            f"{tables}{_warnings_html(self.warnings)}</div>"
        )


def _rebuilt(
    report: AnnualReport,
    warnings: tuple[ParseWarning, ...],
    kind: str,
    extra: dict[str, CellValue | str],
    sources: dict[str, ValueSource],
) -> ParseResult:
    """A :class:`ParseResult` from its pickled fields."""
    return ParseResult(report=report, warnings=warnings, kind=kind, extra=extra, sources=sources)


#: Warnings that are a faithful reading (a blank or a placeholder read as ``None``).
_NOT_DOUBTS = frozenset({WarningCode.BLANK_CELL, WarningCode.PLACEHOLDER})
_DOUBT_STYLE = "background:#ffe08a"
# A doubtful cell's text is wrapped in private-use characters, with its path's number,
# before the grid is written (html.escape keeps them); its <td> is then found and marked.
_MARK = re.compile("<td([^>]*)>\ue000([0-9]+)\ue002(.*?)\ue001</td>", re.DOTALL)


def _doubts(warnings: tuple[ParseWarning, ...]) -> dict[str, list[str]]:
    """The codes of the doubts about each cell path (warnings but blank and placeholder)."""
    doubts: dict[str, list[str]] = {}
    for warning in warnings:
        if warning.path and warning.code not in _NOT_DOUBTS:
            doubts.setdefault(warning.path, []).append(warning.code)
    return doubts


def _tables_marked(report: AnnualReport, doubts: dict[str, list[str]]) -> tuple[str, int]:
    """The three tables as :func:`grid_html` writes them, the cells of ``doubts`` marked.

    Returns:
        The HTML, and the number of cells marked.
    """
    from govdisclosure import _format
    from govdisclosure._model.display import grid_html
    from govdisclosure._model.tables import table_grids

    paths = list(doubts)
    number = {path: n for n, path in enumerate(paths)}

    def marked(cell: GridCell) -> GridCell:
        if cell.path not in doubts:
            return cell
        return attrs.evolve(cell, text=f"\ue000{number[cell.path]}\ue002{cell.text}\ue001")

    def mark(match: re.Match[str]) -> str:
        codes = html.escape("; ".join(doubts[paths[int(match[2])]]))
        return (
            f'<td{match[1]} class="gd-doubt" style="{_DOUBT_STYLE}" title="{codes}">{match[3]}</td>'
        )

    spec = _format.format_spec(report.meta.format_version)
    parts = []
    count = 0
    for grid in table_grids(report):
        body = tuple(tuple(map(marked, row)) for row in grid.body)
        table, found = _MARK.subn(mark, grid_html(attrs.evolve(grid, body=body)))
        count += found
        heading = next(s.heading for s in spec.sections if s.id == grid.section)
        parts.append(f"<h4>{html.escape(heading)}</h4>{table}")
        parts.extend(f"<p>备注：{html.escape(note)}</p>" for note in grid.notes)
    return "".join(parts), count


def _where(location: Location | None) -> str:
    if location is None:
        return ""
    page = f"第 {location.page} 页 " if location.page is not None else ""
    return f"{page}第 {location.line} 行第 {location.column + 1} 字"


def _warnings_html(warnings: tuple[ParseWarning, ...]) -> str:
    """The warnings as a table: code, message, location, cell path."""
    if not warnings:
        return "<p>解析没有警告。</p>"
    rows = "".join(
        "<tr>"
        f"<td><code>{html.escape(w.code)}</code></td><td>{html.escape(w.message)}</td>"
        f"<td>{_where(w.location)}</td>"
        f"<td>{'' if w.path is None else f'<code>{html.escape(w.path)}</code>'}</td>"
        "</tr>"
        for w in warnings
    )
    return (
        f'<h4>警告（{len(warnings)} 条）</h4><table class="gd-warnings"><thead><tr>'
        "<th>代码</th><th>说明</th><th>位置</th><th>单元格</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


_OTHER_KEYS = frozenset(
    {
        "meta.agency",
        "meta.year",
        "meta.published_on",
        "meta.title",
        "other_matters.information_fee_yuan",
        "overview",
        "proactive_disclosure",
        "applications",
        "review_litigation",
        "problems_improvements",
        "other_matters",
        "preface",
    }
)
