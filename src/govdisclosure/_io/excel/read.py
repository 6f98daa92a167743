"""Reading a report workbook: :func:`read_excel`, :func:`read_excel_with_warnings`.

Reading goes by labels, not coordinates, so workbooks that people make by hand in the
official layout read too: tables anywhere on any sheet, blank rows and columns in between,
label variants (spaces, half-width brackets, straight quotes, 合计, 结转下一年度), merged
cells, numbers stored as text, formulas (their saved values, or plain ``SUM`` formulas
evaluated). Placeholders ("/", "-", "—", "无") read as blank with a warning.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from govdisclosure import _format
from govdisclosure._format import CellKind, FormatVersion
from govdisclosure._io.excel.find import (
    FINDERS,
    NotFoundError,
    fields_on,
    locate_facts,
    version_from_labels,
)
from govdisclosure._io.excel.labels import LabelIndex
from govdisclosure._io.excel.layout import FACTS_SHEET, table_sheet, text_fields
from govdisclosure._io.excel.values import (
    CellReader,
    read_date,
    read_level,
    read_version,
    read_year,
)
from govdisclosure._io.xlsx.archive import DEFAULT_LIMITS, ExcelLimits
from govdisclosure._io.xlsx.reader import Sheet, Workbook, coordinate, read_path
from govdisclosure._model.report import AnnualReport, CellValue
from govdisclosure.errors import ExcelError, InvalidReportError

__all__ = [
    "ExcelReadResult",
    "ExcelReadWarning",
    "read_excel",
    "read_excel_located",
    "read_excel_with_warnings",
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


def _read_meta(reader: CellReader, indexes: Sequence[LabelIndex]) -> dict[str, Any]:
    places = locate_facts(indexes)
    year = read_year(reader, places.get("year"))
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
    meta["format_version"] = read_version(reader, places.get("format_version"))
    for field in ("title", "source"):
        place = places.get(field)
        meta[field] = reader.text(*place) if place else None
    meta["published_on"] = read_date(reader, places.get("published_on"))
    meta["agency_level"] = read_level(reader, places.get("agency_level"))
    return meta


def _read_texts(
    reader: CellReader, indexes: Sequence[LabelIndex], version: FormatVersion
) -> dict[str, Any]:
    """The text fields, each right of its field id, on the first sheet that has it."""
    fields = text_fields(version)
    values: dict[str, Any] = {}
    for index in indexes:
        located = fields_on(index, [f for f, _, _ in fields])
        for field, _, kind in fields:
            if field not in values and located.get(field):
                values[field] = _read_field(reader, index.sheet, located[field], kind)
    return values


def _read_field(
    reader: CellReader, sheet: Sheet, positions: Sequence[tuple[int, int]], kind: str
) -> Any:
    """The value of a text field whose id sits at ``positions`` (each note at one)."""
    if kind == "notes":
        notes = [reader.text(sheet, r, sheet.right(r, c) + 1) for r, c in positions]
        return tuple(note for note in notes if note is not None)
    r, c = positions[0]
    if kind == "money":
        return reader.number(sheet, r, sheet.right(r, c) + 1, CellKind.MONEY)
    text = reader.text(sheet, r, sheet.right(r, c) + 1)
    return "" if text is None and kind == "req" else text


def _read_tables(
    reader: CellReader,
    indexes: Sequence[LabelIndex],
    version: FormatVersion,
    addresses: dict[str, str],
) -> dict[str, CellValue]:
    """The cells of the three tables, wherever they are; ``addresses`` gets each one's place."""
    spec = _format.format_spec(version)
    values: dict[str, CellValue] = {}
    missing = []
    for table in spec.tables:
        located: tuple[LabelIndex, dict[str, tuple[int, int]]] | None = None
        problems = []
        for index in indexes:
            try:
                located = (index, FINDERS[table.number](index, table))
                break
            except NotFoundError as exc:
                problems.append(f"{index.sheet.name}: {exc} not found")
        if located is None:
            missing.append((table, problems))
            continue
        index, cells = located
        name = index.sheet.name
        for path, (r, c) in cells.items():
            addresses[path] = f"{name}!{coordinate(r, c)}"
            values[path] = reader.number(index.sheet, r, c, spec.by_path[path].kind)
    if len(missing) == len(spec.tables):
        names = "、".join(table_sheet(t) for t, _ in missing)
        details = "; ".join(missing[0][1][:3]) or "the workbook has no sheets"
        raise ExcelError(
            f"none of the official tables ({names}, {version.value} format) was found: {details}"
        )
    for table, problems in missing:
        reader.warn(
            f"{table_sheet(table)} ({table.title}) was not found, its cells read as blank: "
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


def read_excel_located(
    path: str | os.PathLike[str], *, limits: ExcelLimits | None = None
) -> tuple[ExcelReadResult, dict[str, str]]:
    """:func:`read_excel_with_warnings`, and the address each cell was read from.

    The addresses (``{"applications.new_received.total": "表三!J5"}``) are where the cells
    are in this workbook, which need not be where the template puts them.
    """
    addresses: dict[str, str] = {}
    try:
        book = read_path(Path(path), limits or DEFAULT_LIMITS)
        return _read_book(book, addresses), addresses
    except ExcelError as exc:
        exc.file = str(path)
        raise


def _read_book(book: Workbook, addresses: dict[str, str] | None = None) -> ExcelReadResult:
    reader = CellReader(book)
    indexes = [LabelIndex(sheet) for sheet in book.sheets]
    meta = _read_meta(reader, indexes)
    version = (
        meta["format_version"]
        or version_from_labels(indexes)
        or FormatVersion.for_year(meta["year"])
    )
    meta["format_version"] = version
    texts = _read_texts(reader, indexes, version)
    values = _read_tables(reader, indexes, version, {} if addresses is None else addresses)
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
    ...     gd.write_excel(report, f"{folder}/r.xlsx")
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
