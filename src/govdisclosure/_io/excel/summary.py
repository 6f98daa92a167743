"""The summary workbook: many reports, one row each (:func:`write_excel_summary`).

The summary workbook has one row per report: agency, year, format, then every cell path.
Reports of both formats in one summary share the columns of the paths both formats have;
each format's other paths get their own columns, blank in the other format's rows. It holds
numbers only (texts stay in the report workbooks). It is written by the streaming writer
(:mod:`govdisclosure._io.xlsx.stream`): a summary of thousands of reports is hundreds of
thousands of plain cells.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import warnings
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import attrs

from govdisclosure import _format
from govdisclosure._archive import file_path, limits_or_default
from govdisclosure._format import AgencyLevel, CellKind, FormatVersion, TableSpec
from govdisclosure._io.excel.layout import table_sheet
from govdisclosure._io.excel.read import ExcelReadWarning
from govdisclosure._io.excel.storage import (
    CELL_LIMIT,
    EXACT_DIGITS,
    escape_text,
    money_format,
    money_places,
    utf16,
)
from govdisclosure._io.excel.values import (
    CellReader,
    read_date,
    read_level,
    read_version,
    read_year,
)
from govdisclosure._io.xlsx.archive import ExcelLimits
from govdisclosure._io.xlsx.reader import Cell, Sheet, coordinate, read_path
from govdisclosure._io.xlsx.stream import (
    PageSetup,
    StreamSheet,
    Style,
    new_styles,
    workbook_bytes,
)
from govdisclosure._model.report import AnnualReport, CellValue
from govdisclosure.errors import ExcelError, InvalidReportError

__all__ = [
    "FAILURES_SHEET",
    "LEVEL_WORDS",
    "SUMMARY_LIMITS",
    "SUMMARY_SHEET",
    "VIOLATIONS_SHEET",
    "SummaryEntry",
    "read_excel_summary",
    "summary_bytes",
    "summary_columns",
    "summary_entries_bytes",
    "summary_entry",
    "write_excel_summary",
]


SUMMARY_SHEET = "汇总"
#: The limits :func:`read_excel_summary` reads under when given none: the defaults of
#: :class:`ExcelLimits` but for ``max_cells``, which holds an office's summary of 10,000
#: reports (some 210 columns each: about 2.3 million cells with the 问题清单) where a
#: report's workbook is refused past 1,000,000.
SUMMARY_LIMITS = ExcelLimits(max_cells=3_000_000)
VIOLATIONS_SHEET = "问题清单"
FAILURES_SHEET = "无法读取的文件"


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


def summary_columns(versions: Iterable[FormatVersion]) -> list[str]:
    """The cell paths of the summary's columns: every path of the versions given, merged."""
    present = sorted(set(versions), key=lambda v: v.value, reverse=True) or [FormatVersion.V2021]
    return _merged_order([_format.format_spec(v).paths for v in present])


#: The summary's first columns: the facts of each report and what became of it.
_META_COLUMNS = (
    ("file", "文件"),
    ("agency", "单位"),
    ("year", "年度"),
    ("format_version", "格式"),
    ("agency_level", "层级"),
    ("published_on", "发布日期"),
    ("status", "状态"),
    ("errors", "错误数"),
    ("warnings", "警告数"),
)
#: With a roster: the unit each report was matched to, and the unit's group.
_ROSTER_COLUMNS = (("unit", "名单单位"), ("group", "分组"))
#: The 信息处理费 of section 六, after the table cells.
FEE_COLUMN = ("other_matters.information_fee_yuan", "六、信息处理费（元）")
#: The status word of the 合计 row, by which a reader passes it by.
TOTAL = "合计"
_META_IDS = frozenset(field for field, _ in (*_META_COLUMNS, *_ROSTER_COLUMNS, FEE_COLUMN))
_VIOLATION_COLUMNS = (
    ("file", "文件"),
    ("agency", "单位"),
    ("rule_id", "规则"),
    ("severity", "严重程度"),
    ("place", "表/行/列"),
    ("address", "单元格"),
    ("message", "说明"),
    ("expected", "应为"),
    ("actual", "实际"),
    ("message_en", "说明（英文）"),
)
#: Severities as the workbook writes them.
SEVERITY_WORDS = {"error": "错误", "warning": "警告", "info": "提示"}
#: Agency levels as the workbooks write them.
LEVEL_WORDS = {AgencyLevel.DEPARTMENT: "部门", AgencyLevel.GOVERNMENT: "政府"}


def _summary_label(path: str) -> str:
    for version in FormatVersion:
        spec = _format.format_spec(version).by_path.get(path)
        if spec is not None:
            return f"{table_sheet(_table_of(spec.section, version))} {spec.label}"
    raise AssertionError(path)  # pragma: no cover


def _table_of(section: str, version: FormatVersion) -> TableSpec:
    return next(t for t in _format.format_spec(version).tables if t.section == section)


def _check_fits(text: str) -> str:
    escaped = escape_text(text)
    if utf16(escaped) > CELL_LIMIT:
        raise ExcelError(
            f"a text of {len(text):,} characters does not fit one cell of the summary "
            f"(Excel's limit is {CELL_LIMIT:,}); shorten it",
            detail_zh=f"{len(text):,} 个字符的文字放不进汇总表的一个单元格"
            f"（Excel 的上限为 {CELL_LIMIT:,}），请缩短",
        )
    return escaped


_HEADER = Style(bold=True, fill="DDEBF7", wrap=True)
_ID = Style(font="Consolas", size=9, color="808080")
_WRAP = Style(wrap=True)
_TOTAL = Style(bold=True, fill="E2EFDA")
_INCOMPLETE = Style(bold=True, fill="FFF2CC")
_TOTAL_MONEY = {
    places: Style(bold=True, fill="E2EFDA", number_format=money_format(places))
    for places in range(5)
}
_DATE = Style(number_format='yyyy"年"m"月"d"日"')
_EPOCH = dt.date(1899, 12, 30)


def _summary_value(value: object) -> object:
    """A cell value as the summary stores it: exact numbers, or text where Excel cannot."""
    if value is None or (type(value) is int and abs(value) < EXACT_DIGITS):
        return value
    if isinstance(value, Decimal):
        places = money_places(value)
        if places is not None:
            return (value, Style(number_format=money_format(places)))
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
            message_en, place, address)`` rows (``place``: the table, row and column in the
            report's words; ``address``: the workbook cell, for a workbook), or ``None``
            when the report was not validated.
        file: the file the report came from (``meta.source`` when not given).
        level: the agency level, when known.
        published_on: the publication date, when known.
        fee: the 信息处理费 of section 六.
        status: the status word (通过, 有警告 …), ``None`` to derive it from the findings.
        counted: whether the row is added into the 合计 row.
        unit: the roster's unit the report was matched to, with a roster.
        group: that unit's group.
        modified: the file's modification time (seconds since the epoch), 0 unknown.
        report: the report itself, kept only where it is needed later (``--previous``).
    """

    agency: str
    year: int
    version: FormatVersion
    values: tuple[CellValue, ...]
    violations: tuple[tuple[object, ...], ...] | None
    file: str = ""
    level: AgencyLevel | None = None
    published_on: dt.date | None = None
    fee: Decimal | None = None
    status: str | None = None
    counted: bool = True
    unit: str | None = None
    group: str | None = None
    modified: float = 0.0
    report: AnnualReport | None = None

    def count(self, severity: str) -> int:
        """The number of findings of a severity (``error``, ``warning``)."""
        return sum(1 for v in self.violations or () if v[1] == severity)

    def status_word(self) -> str | None:
        """The status: as set, else 有错误 / 有警告 / 通过 from the findings."""
        if self.status is not None or self.violations is None:
            return self.status
        if self.count("error"):
            return "有错误"
        return "有警告" if self.count("warning") else "通过"


def violation_row(
    violation: Any, version: FormatVersion, addresses: Mapping[str, str] | None = None
) -> tuple[object, ...]:
    """A finding as :class:`SummaryEntry` keeps it, with its place and workbook address."""
    from govdisclosure._validation.locations import place_words

    paths = tuple(violation.paths)
    first = paths[0] if paths else ""
    place = place_words(first, _format.format_spec(version))[0] if first else ""
    address = (addresses or {}).get(first, "")
    return (
        str(violation.rule_id),
        str(getattr(violation.severity, "value", violation.severity)),
        ", ".join(paths),
        violation.expected,
        violation.actual,
        str(violation.message),
        str(violation.message_en),
        place,
        address,
    )


def summary_entry(
    report: AnnualReport,
    result: Any = None,
    *,
    file: str | None = None,
    addresses: Mapping[str, str] | None = None,
    extra: Sequence[tuple[object, ...]] = (),
) -> SummaryEntry:
    """The summary data of one report and, optionally, its validation result.

    Args:
        report: the report.
        result: its validation result, or ``None``.
        file: the file it came from; ``meta.source`` by default.
        addresses: where each cell was read in a workbook (for the findings' addresses).
        extra: more finding rows (doubts of the reading), listed after the findings.
    """
    meta = report.meta
    violations = None
    if result is not None:
        version = meta.format_version
        found = (violation_row(v, version, addresses) for v in getattr(result, "violations", ()))
        violations = (*found, *extra)
    return SummaryEntry(
        meta.agency,
        meta.year,
        meta.format_version,
        report.values(),
        violations,
        file=(meta.source or "") if file is None else file,
        level=meta.agency_level,
        published_on=meta.published_on,
        fee=report.other_matters.information_fee_yuan,
    )


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
    entries: Sequence[SummaryEntry],
    failures: Sequence[tuple[str, str]] = (),
    *,
    total: bool = False,
    sheets: Sequence[StreamSheet] = (),
    styles: Any = None,
) -> bytes:
    """The summary workbook of some entries (see :func:`write_excel_summary`).

    Args:
        entries: the rows.
        failures: ``(file, reason)`` of the files that could not be read.
        total: add a 合计 row: the sum of the counted rows.
        sheets: more sheets (made with ``styles``), placed before 无法读取的文件.
        styles: the style table of ``sheets``.
    """
    styles = styles if styles is not None else new_styles()
    book = [_summary_sheet(styles, entries, total=total)]
    if any(e.violations is not None for e in entries):
        book.append(_violations_sheet(styles, entries))
    book.extend(sheets)
    if failures:
        book.append(_failures_sheet(styles, failures))
    return workbook_bytes(book)


def _meta_cells(entry: SummaryEntry, roster: bool) -> list[object]:
    """The first cells of a report's row: its facts and what became of it."""
    published = entry.published_on
    row: list[object] = [
        _check_fits(entry.file) if entry.file else None,
        _check_fits(entry.agency),
        entry.year,
        entry.version.value,
        LEVEL_WORDS.get(entry.level) if entry.level is not None else None,
        ((published - _EPOCH).days, _DATE) if published is not None else None,
        entry.status_word(),
        entry.count("error") if entry.violations is not None else None,
        entry.count("warning") if entry.violations is not None else None,
    ]
    if roster:
        row += [entry.unit, entry.group]
    return row


def _summary_sheet(styles: Any, entries: Sequence[SummaryEntry], *, total: bool) -> StreamSheet:
    """汇总: the two header rows (labels, ids), then one row per report, then 合计."""
    columns = tuple(summary_columns(e.version for e in entries))
    roster = any(e.unit is not None or e.group is not None for e in entries)
    meta = (*_META_COLUMNS, *(_ROSTER_COLUMNS if roster else ()))
    widths = [30, 24, 6, 6, 6, 14, 8, 6, 6] + ([24, 12] if roster else [])
    ws = StreamSheet(
        styles,
        SUMMARY_SHEET,
        widths + [14] * (len(columns) + 1),
        freeze=(2, 2),
        # Hundreds of columns: about sixteen a page, 文件 and 单位 repeated on each.
        page=PageSetup(
            title_rows=2,
            filter_row=2,
            title_columns=2,
            pages_wide=-(-(len(meta) + len(columns) + 1) // 16),
        ),
    )
    ws.append(
        [label for _, label in meta] + [_summary_label(p) for p in columns] + [FEE_COLUMN[1]],
        _HEADER,
        height=90,
    )
    ws.append([i for i, _ in meta] + list(columns) + [FEE_COLUMN[0]], _ID)
    for entry in entries:
        values = entry.values
        row = _meta_cells(entry, roster)
        for i in _column_positions(entry.version, columns):
            value = None if i is None else values[i]
            # Most cells are small counts or blanks, written as they are.
            plain = value is None or (type(value) is int and -EXACT_DIGITS < value < EXACT_DIGITS)
            row.append(value if plain else _summary_value(value))
        row.append(_summary_value(entry.fee))
        ws.append(row)
    if total:
        ws.append(_total_row(entries, columns, len(meta)))
    return ws


def _total_row(
    entries: Sequence[SummaryEntry], columns: tuple[str, ...], width: int
) -> list[object]:
    """合计: each column's sum over the counted rows; blank and yellow where one is blank.

    The policy of :func:`govdisclosure.aggregate`: a cell blank in any counted report is
    blank in the total, since the true total is unknown.
    """
    counted = [e for e in entries if e.counted]
    sums: list[object] = []
    incomplete = 0
    for values in _counted_columns(counted, columns):
        if any(v is None for v in values):
            sums.append((None, _INCOMPLETE))
            incomplete += 1
            continue
        sums.append(_total_cell(values))
    note = f"合计 {len(counted)} 份报告"
    if incomplete:
        note += f"；{incomplete} 个标黄单元格在部分报告中空白，未计算合计"
    head: list[object] = [(note, _TOTAL), (TOTAL, _TOTAL), None, None, None, None, (TOTAL, _TOTAL)]
    return [*head, *[None] * (width - len(head)), *sums]


def _total_cell(values: Sequence[CellValue]) -> object:
    """The sum of a column's counted values, styled as the total."""
    if any(isinstance(v, Decimal) for v in values):
        money = sum((Decimal(v) for v in values if v is not None), Decimal(0))
        places = money_places(money)
        if places is not None:
            return (money, _TOTAL_MONEY.get(places, _TOTAL))
        return (_check_fits(str(money)), _TOTAL)
    count = sum(v for v in values if isinstance(v, int))
    return (count if abs(count) < EXACT_DIGITS else _check_fits(str(count)), _TOTAL)


def _counted_columns(
    counted: Sequence[SummaryEntry], columns: tuple[str, ...]
) -> list[list[CellValue]]:
    """The values of each cell column (then the fee) over the counted rows."""
    result: list[list[CellValue]] = [[] for _ in range(len(columns) + 1)]
    for entry in counted:
        values = entry.values
        for k, i in enumerate(_column_positions(entry.version, columns)):
            result[k].append(None if i is None else values[i])
        result[-1].append(entry.fee)
    return result


def _violations_sheet(styles: Any, entries: Sequence[SummaryEntry]) -> StreamSheet:
    """问题清单: every finding, with the file and unit of its report."""
    vs = StreamSheet(
        styles,
        VIOLATIONS_SHEET,
        (30, 24, 16, 8, 36, 10, 60, 8, 8, 40),
        (1, 0),
        page=PageSetup(title_rows=1, filter_row=1),
    )
    vs.append([label for _, label in _VIOLATION_COLUMNS], _HEADER)
    for entry in entries:
        file = _check_fits(entry.file) if entry.file else None
        agency = _check_fits(entry.agency)
        for row in entry.violations or ():
            rule, severity, _paths, expected, actual, message, english, place, address = row
            vs.append(
                [
                    file,
                    agency,
                    _check_fits(str(rule)),
                    SEVERITY_WORDS.get(str(severity), str(severity)),
                    _check_fits(str(place)) or None,
                    _check_fits(str(address)) or None,
                    (_check_fits(str(message)), _WRAP),
                    _number_or_text(expected),
                    _number_or_text(actual),
                    (_check_fits(str(english)), _WRAP),
                ]
            )
    return vs


def _failures_sheet(styles: Any, failures: Sequence[tuple[str, str]]) -> StreamSheet:
    """无法读取的文件: each file that could not be read, and why."""
    fs = StreamSheet(styles, FAILURES_SHEET, (50, 90), (1, 0), page=PageSetup(title_rows=1))
    fs.append(["文件", "原因"], _HEADER)
    for name, reason in failures:
        # A reason is an error message, not data: a very long one is cut, visibly.
        shown = reason if len(reason) <= 10_000 else reason[:10_000] + "…"
        fs.append([_check_fits(name), (_check_fits(shown), _WRAP)])
    return fs


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
            raise ExcelError(
                f"reports[{i}]: expected an AnnualReport, got {type(report).__name__}",
                detail_zh=f"reports[{i}]：应为 AnnualReport，实为 {type(report).__name__}",
            )
    if results is not None:
        results = list(results)
        if len(results) != len(reports):
            raise ExcelError(
                f"results must be parallel to reports: {len(results)} results "
                f"for {len(reports)} reports",
                detail_zh=f"校验结果应与报告一一对应：{len(reports)} 份报告有 "
                f"{len(results)} 个校验结果",
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
    from govdisclosure._io.atomic import atomic_write

    atomic_write(file_path(path), summary_bytes(list(reports), results, failures))


def read_excel_summary(
    path: str | os.PathLike[str], *, limits: ExcelLimits | None = None
) -> list[AnnualReport]:
    """Read a summary workbook back into reports (numbers and facts; no texts).

    The header row of ids (``agency``, ``year``, ``format_version`` and cell paths) is
    found wherever it is; every row below it with an agency or a year is a report.

    Args:
        path: the ``.xlsx`` file.
        limits: limits on the file; when ``None``, those of :class:`ExcelLimits` but for
            ``max_cells``, 3,000,000 instead of 1,000,000: the summary of 10,000 reports
            (about 2.3 million cells) reads back. Limits given are used as they are, so
            give ``max_cells`` too when a larger summary is read under other limits.

    Raises:
        ExcelError: not an .xlsx file, no header row of ids, a blank or bad year, a value
            in a column its format does not have, or a cell that cannot be read.
    """
    checked = limits_or_default(limits, SUMMARY_LIMITS)
    try:
        return _read_summary(file_path(path), checked)
    except ExcelError as exc:
        exc.file = str(path)
        raise


def _read_summary(path: Path, limits: ExcelLimits) -> list[AnnualReport]:
    book = read_path(path, limits)
    reader = CellReader(book)
    known = set(summary_columns(FormatVersion)) | _META_IDS
    for sheet in book.sheets:
        rows: dict[int, dict[int, Cell]] = {}
        for (r, c), cell in sheet.cells.items():
            rows.setdefault(r, {})[c] = cell
        header_row = _header_row(rows, known)
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
    raise ExcelError(
        "no summary sheet: no header row of ids (agency, year, cell paths) found",
        detail_zh="没有汇总表：找不到由字段编号（agency、year、单元格路径）组成的表头行",
    )


def _header_row(rows: Mapping[int, Mapping[int, Cell]], known: AbstractSet[str]) -> int | None:
    """The first row holding the ids of the year and at least two more columns."""
    return next(
        (
            r
            for r in sorted(rows)
            if sum(1 for cell in rows[r].values() if cell.value in known) >= 3
            and any(cell.value == "year" for cell in rows[r].values())
        ),
        None,
    )


def _summary_report(
    reader: CellReader, sheet: Sheet, r: int, row: dict[int, Cell], ids: Mapping[int, object]
) -> AnnualReport | None:
    """The report of row ``r``, or ``None`` for a row without any value."""
    columns = {str(field): c for c, field in ids.items()}
    if not any(row.get(c) is not None and row[c].value not in (None, "") for c in columns.values()):
        return None
    if "status" in columns and reader.text(sheet, r, columns["status"]) == TOTAL:
        return None  # the 合计 row is the sum of the others, not a report
    year, agency, version = _summary_facts(reader, sheet, r, columns)
    values = _summary_values(reader, sheet, r, row, columns, version=version)
    fee = None
    if FEE_COLUMN[0] in columns:
        fee = reader.number(sheet, r, columns[FEE_COLUMN[0]], CellKind.MONEY)

    def place(field: str) -> tuple[Sheet, int, int] | None:
        return (sheet, r, columns[field]) if field in columns else None

    try:
        report = AnnualReport.blank(
            agency=agency or "",
            year=year,
            format_version=version,
            agency_level=read_level(reader, place("agency_level")),
            published_on=read_date(reader, place("published_on")),
            source=(reader.text(sheet, r, columns["file"]) or None) if "file" in columns else None,
        )
        if fee is not None:
            other = attrs.evolve(report.other_matters, information_fee_yuan=Decimal(fee))
            report = attrs.evolve(report, other_matters=other)
        return report.with_cells(values)
    except InvalidReportError as exc:
        raise ExcelError(
            str(exc), sheet=sheet.name, cell=f"A{r}", detail_zh=exc.message_zh
        ) from None


def _summary_facts(
    reader: CellReader, sheet: Sheet, r: int, columns: Mapping[str, int]
) -> tuple[int, str | None, FormatVersion]:
    """The year, agency and format version of row ``r``."""
    year = read_year(reader, (sheet, r, columns["year"]) if "year" in columns else None)
    agency = reader.text(sheet, r, columns["agency"]) if "agency" in columns else None
    version = read_version(
        reader, (sheet, r, columns["format_version"]) if "format_version" in columns else None
    )
    return year, agency, version or FormatVersion.for_year(year)


def _summary_values(
    reader: CellReader,
    sheet: Sheet,
    r: int,
    row: Mapping[int, Cell],
    columns: Mapping[str, int],
    *,
    version: FormatVersion,
) -> dict[str, CellValue]:
    """The cell values of row ``r``, by path."""
    spec = _format.format_spec(version)
    values: dict[str, CellValue] = {}
    for path, c in columns.items():
        if path in _META_IDS or c not in row:
            continue
        cell = row[c]
        value = cell.value
        if value is None and cell.formula is None:
            continue
        cell_spec = spec.by_path.get(path)
        if cell_spec is None:
            _check_blank(reader, sheet, r, c, path=path, version=version)
        elif type(value) is int and cell.formula is None and cell_spec.kind is not CellKind.MONEY:
            values[path] = value
        else:
            values[path] = reader.number(sheet, r, c, cell_spec.kind)
    return values


def _check_blank(
    reader: CellReader, sheet: Sheet, r: int, c: int, *, path: str, version: FormatVersion
) -> None:
    """A cell in a column of the other format must be blank (a placeholder reads as blank)."""
    if reader.number(sheet, r, c, _format.cell_spec(path).kind) is not None:
        raise ExcelError(
            f"the {version.value} format has no cell {path}",
            sheet=sheet.name,
            cell=coordinate(r, c),
            detail_zh=f"{version.value} 年格式没有单元格 {path}，应为空白",
        )
