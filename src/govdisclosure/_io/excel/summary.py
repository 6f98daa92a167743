"""The summary workbook: many reports, one row each (:func:`write_excel_summary`).

The summary workbook has one row per report: agency, year, format, then every cell path.
Reports of both formats in one summary share the columns of the paths both formats have;
each format's other paths get their own columns, blank in the other format's rows. It holds
numbers only (texts stay in the report workbooks). It is written by the streaming writer
(:mod:`govdisclosure._io.xlsx.stream`): a summary of thousands of reports is hundreds of
thousands of plain cells.
"""

from __future__ import annotations

import functools
import os
import warnings
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from govdisclosure import _format
from govdisclosure._format import CellKind, FormatVersion, TableSpec
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
from govdisclosure._io.excel.values import CellReader, read_version, read_year
from govdisclosure._io.xlsx.archive import DEFAULT_LIMITS, ExcelLimits
from govdisclosure._io.xlsx.reader import Cell, Sheet, coordinate, read_path
from govdisclosure._io.xlsx.stream import StreamSheet, Style, new_styles, workbook_bytes
from govdisclosure._model.report import AnnualReport, CellValue
from govdisclosure.errors import ExcelError, InvalidReportError

__all__ = [
    "FAILURES_SHEET",
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
            return f"{table_sheet(_table_of(spec.section, version))} {spec.label}"
    raise AssertionError(path)  # pragma: no cover


def _table_of(section: str, version: FormatVersion) -> TableSpec:
    return next(t for t in _format.format_spec(version).tables if t.section == section)


def _check_fits(text: str) -> str:
    escaped = escape_text(text)
    if utf16(escaped) > CELL_LIMIT:
        raise ExcelError(
            f"a text of {len(text):,} characters does not fit one cell of the summary "
            f"(Excel's limit is {CELL_LIMIT:,}); shorten it"
        )
    return escaped


_HEADER = Style(bold=True, fill="DDEBF7")
_ID = Style(font="Consolas", size=9, color="808080")


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
    styles = new_styles()
    sheets = [_summary_sheet(styles, entries)]
    if any(e.violations is not None for e in entries):
        sheets.append(_violations_sheet(styles, entries))
    if failures:
        sheets.append(_failures_sheet(styles, failures))
    return workbook_bytes(sheets)


def _summary_sheet(styles: Any, entries: Sequence[SummaryEntry]) -> StreamSheet:
    """汇总: the two header rows (labels, ids), then one row per report."""
    columns = tuple(summary_columns(e.version for e in entries))
    ws = StreamSheet(styles, SUMMARY_SHEET, [24, 10, 10] + [14] * len(columns), freeze=(2, 3))
    ws.append([label for _, label in _META_COLUMNS] + [_summary_label(p) for p in columns], _HEADER)
    ws.append([i for i, _ in _META_COLUMNS] + list(columns), _ID)
    for entry in entries:
        values = entry.values
        row: list[object] = [_check_fits(entry.agency), entry.year, entry.version.value]
        for i in _column_positions(entry.version, columns):
            value = None if i is None else values[i]
            # Most cells are small counts or blanks, written as they are.
            plain = value is None or (type(value) is int and -EXACT_DIGITS < value < EXACT_DIGITS)
            row.append(value if plain else _summary_value(value))
        ws.append(row)
    return ws


def _violations_sheet(styles: Any, entries: Sequence[SummaryEntry]) -> StreamSheet:
    """问题清单: every violation, with the 汇总 row of its report."""
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
    return vs


def _failures_sheet(styles: Any, failures: Sequence[tuple[str, str]]) -> StreamSheet:
    """无法读取的文件: each file that could not be read, and why."""
    fs = StreamSheet(styles, FAILURES_SHEET, (50, 90), (1, 0))
    fs.append(["文件", "原因"], _HEADER)
    for name, reason in failures:
        # A reason is an error message, not data: a very long one is cut, visibly.
        shown = reason if len(reason) <= 10_000 else reason[:10_000] + "…"
        fs.append([_check_fits(name), _check_fits(shown)])
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
    from govdisclosure._io.atomic import atomic_write

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
    reader = CellReader(book)
    known = set(summary_columns(FormatVersion)) | {f for f, _ in _META_COLUMNS}
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
    raise ExcelError("no summary sheet: no header row of ids (agency, year, cell paths) found")


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
    year, agency, version = _summary_facts(reader, sheet, r, columns)
    values = _summary_values(reader, sheet, r, row, columns, version=version)
    try:
        report = AnnualReport.blank(agency=agency or "", year=year, format_version=version)
        return report.with_cells(values)
    except InvalidReportError as exc:
        raise ExcelError(str(exc), sheet=sheet.name, cell=f"A{r}") from None


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
        if path in ("agency", "year", "format_version") or c not in row:
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
        )
