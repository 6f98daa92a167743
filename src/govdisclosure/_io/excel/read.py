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
from govdisclosure._archive import file_path, limits_or_default
from govdisclosure._format import CellKind, FormatVersion
from govdisclosure._io.excel.find import (
    FINDERS,
    NotFoundError,
    fields_on,
    locate_facts,
    version_from_labels,
)
from govdisclosure._io.excel.labels import SEARCH_BUDGET, LabelIndex
from govdisclosure._io.excel.layout import FACTS_SHEET, table_sheet, text_fields
from govdisclosure._io.excel.values import (
    CellReader,
    read_date,
    read_level,
    read_version,
    read_year,
)
from govdisclosure._io.xlsx.archive import ExcelLimits
from govdisclosure._io.xlsx.reader import Sheet, Workbook, coordinate, read_path
from govdisclosure._model.report import AnnualReport, CellValue
from govdisclosure.errors import Bilingual, ExcelError, InvalidReportError

__all__ = [
    "ExcelPlaces",
    "ExcelReadResult",
    "ExcelReadWarning",
    "read_excel",
    "read_excel_located",
    "read_excel_with_warnings",
]


class ExcelReadWarning(UserWarning):
    """Something in a workbook was read, but not as written.

    A placeholder read as blank, a missing table or fact. :func:`read_excel` emits one per
    problem; ``str(warning)`` is the English text, :attr:`message_zh` the Chinese.
    """

    @property
    def message_zh(self) -> str:
        """The warning in Chinese (the English text where none is known)."""
        note = self.args[0] if self.args else ""
        return str(getattr(note, "message_zh", note))


class ExcelReadResult(NamedTuple):
    """What :func:`read_excel_with_warnings` returns.

    Attributes:
        report: the report the workbook holds.
        warnings: what was read other than as written, in the order found; each a ``str``,
            its English text (``'表三!D7: "/" read as blank'``), with its Chinese as
            ``message_zh`` (``'表三!D7：“/”读作空白'``; a
            :class:`~govdisclosure.errors.Bilingual`).
    """

    report: AnnualReport
    warnings: tuple[Bilingual, ...]


def _read_meta(
    reader: CellReader, indexes: Sequence[LabelIndex], addresses: dict[str, str]
) -> dict[str, Any]:
    """The facts; a bad one is kept in ``reader.problems`` and read as ``None``."""
    places = locate_facts(indexes)
    for field, (sheet, r, c) in places.items():
        addresses[f"meta.{field}"] = f"{sheet.name}!{coordinate(r, c)}"
    meta: dict[str, Any] = {"year": reader.collect(read_year, reader, places.get("year"))}
    agency_place = places.get("agency")
    bad = len(reader.problems)
    agency = reader.collect(reader.text, *agency_place) if agency_place else None
    if agency is None and len(reader.problems) == bad:
        where = addresses.get("meta.agency", FACTS_SHEET)
        reader.warn(Bilingual("the agency (机关名称) is blank", "机关名称为空白").at(where))
    meta["agency"] = agency or ""
    meta["format_version"] = reader.collect(read_version, reader, places.get("format_version"))
    for field in ("title", "source"):
        place = places.get(field)
        meta[field] = reader.collect(reader.text, *place) if place else None
    meta["published_on"] = reader.collect(read_date, reader, places.get("published_on"))
    meta["agency_level"] = reader.collect(read_level, reader, places.get("agency_level"))
    return meta


def _read_texts(
    reader: CellReader,
    indexes: Sequence[LabelIndex],
    version: FormatVersion,
    addresses: dict[str, str],
) -> dict[str, Any]:
    """The text fields, each right of its field id, on the first sheet that has it."""
    fields = text_fields(version)
    values: dict[str, Any] = {}
    for index in indexes:
        located = fields_on(index, [f for f, _, _ in fields])
        for field, _, kind in fields:
            if field not in values and located.get(field):
                r, c = located[field][0]
                address = f"{index.sheet.name}!{coordinate(r, index.sheet.right(r, c) + 1)}"
                addresses[field] = address
                if field.endswith(".text") or field == "preface":
                    addresses[field.removesuffix(".text")] = address
                read = reader.collect(_read_field, reader, index.sheet, located[field], kind)
                values[field] = "" if read is None and kind == "req" else read
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


class ExcelPlaces(NamedTuple):
    """Where a workbook's values were read (what :func:`read_excel_located` gives).

    Attributes:
        addresses: the address of each cell, fact and text field as read, by its path:
            ``{"applications.new_received.total": "表三!J5", "meta.agency": "报告信息!C2",
            "overview": "文字部分!C4", "applications": "表三"}`` (a text section by its
            text's cell, a table's section by its sheet).
        computed: the cell paths whose cell held a formula (the template's 总计 cells):
            the workbook computes them from other cells.
    """

    addresses: dict[str, str]
    computed: frozenset[str]


def _read_tables(
    reader: CellReader,
    indexes: Sequence[LabelIndex],
    version: FormatVersion,
    addresses: dict[str, str],
    computed: set[str],
) -> dict[str, CellValue]:
    """The cells of the three tables, wherever they are, each one's place noted."""
    spec = _format.format_spec(version)
    values: dict[str, CellValue] = {}
    problems_at: dict[str, ExcelError] = {}
    missing = []
    for table in spec.tables:
        located: tuple[LabelIndex, dict[str, tuple[int, int]]] | None = None
        problems: list[Bilingual] = []
        for index in indexes:
            try:
                located = (index, FINDERS[table.number](index, table))
                break
            except NotFoundError as exc:
                problems.append(
                    Bilingual(f"{exc} not found", f"找不到{exc.what_zh}").at(index.sheet.name)
                )
        if located is None:
            missing.append((table, problems))
            continue
        index, cells = located
        name = index.sheet.name
        addresses[table.section] = name
        for path, (r, c) in cells.items():
            addresses[path] = f"{name}!{coordinate(r, c)}"
            cell, _, _ = index.sheet.get(r, c)
            if cell is not None and cell.formula is not None:
                computed.add(path)
            bad = len(reader.problems)
            values[path] = reader.collect(reader.number, index.sheet, r, c, spec.by_path[path].kind)
            if len(reader.problems) > bad:
                problems_at[path] = reader.problems[-1]
    _drop_derived(reader, problems_at, computed, spec)
    if len(missing) == len(spec.tables):
        if reader.problems:  # the bad cells met on the way come first, as they were read
            raise ExcelError.of_cells(reader.problems)
        names = "、".join(table_sheet(t) for t, _ in missing)
        found = missing[0][1][:3]
        details = "; ".join(found) or "the workbook has no sheets"
        details_zh = "；".join(p.message_zh for p in found) or "工作簿中没有工作表"
        raise ExcelError(
            f"none of the official tables ({names}, {version.value} format) was found: {details}",
            detail_zh=f"找不到任何一张统计表（{names}，{version.value} 年格式）：{details_zh}",
        )
    for table, problems in missing:
        reader.warn(
            Bilingual(
                f"{table_sheet(table)} ({table.title}) was not found, its cells read as blank: "
                + "; ".join(problems[:3]),
                f"找不到{table_sheet(table)}（{table.title}），其单元格读作空白："
                + "；".join(p.message_zh for p in problems[:3]),
            )
        )
    return values


def _drop_derived(
    reader: CellReader,
    problems_at: dict[str, ExcelError],
    computed: set[str],
    spec: _format.FormatSpec,
) -> None:
    """Forget the problem of each formula 总计 that adds up a bad cell: that cell is the one."""
    derived: set[str] = set()
    changed = True
    while changed:
        changed = False
        for s in spec.sums:
            if (
                s.total in computed
                and s.total in problems_at
                and s.total not in derived
                and any(p in problems_at for p, _ in s.parts)
            ):
                derived.add(s.total)
                changed = True
    if derived:
        dropped = {id(problems_at[path]) for path in derived}
        reader.problems[:] = [p for p in reader.problems if id(p) not in dropped]


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
    return _read_book(read_path(data_path, limits_or_default(limits)))[0]


def read_excel_located(
    path: str | os.PathLike[str], *, limits: ExcelLimits | None = None
) -> tuple[ExcelReadResult, ExcelPlaces]:
    """:func:`read_excel_with_warnings`, and where each value was read.

    The addresses (``{"applications.new_received.total": "表三!J5"}``) are where the cells
    are in this workbook, which need not be where the template puts them; the computed
    cells are those that held formulas.

    Raises:
        ExcelError: see :func:`read_excel_with_warnings`.
    """
    checked = limits_or_default(limits)
    try:
        return _read_book(read_path(file_path(path), checked))
    except ExcelError as exc:
        exc.file = str(path)
        raise


def _read_book(book: Workbook) -> tuple[ExcelReadResult, ExcelPlaces]:
    """Read a workbook; raise one ExcelError naming every bad cell, if there are any."""
    reader = CellReader(book)
    budget = [SEARCH_BUDGET]  # shared by the searches of every sheet
    indexes = [LabelIndex(sheet, budget) for sheet in book.sheets]
    addresses: dict[str, str] = {}
    computed: set[str] = set()
    meta = _read_meta(reader, indexes, addresses)
    version = meta["format_version"] or version_from_labels(indexes)
    if version is None and meta["year"] is not None:
        version = reader.collect(_version_of_year, meta["year"], addresses.get("meta.year"))
    meta["format_version"] = version = version or FormatVersion.V2021
    texts = _read_texts(reader, indexes, version, addresses)
    values = _read_tables(reader, indexes, version, addresses, computed)
    if reader.problems:
        raise ExcelError.of_cells(reader.problems)
    try:
        report = _build(meta, texts, values)
    except InvalidReportError as exc:
        raise ExcelError(
            f"the workbook does not hold a valid report: {exc}",
            detail_zh=f"工作簿中的内容不是有效的报告：{exc.message_zh}",
        ) from None
    report = _complete_formulas(report, reader, computed, addresses)
    places = ExcelPlaces(addresses, frozenset(computed))
    return ExcelReadResult(report, tuple(reader.warnings)), places


def _complete_formulas(
    report: AnnualReport, reader: CellReader, computed: set[str], addresses: dict[str, str]
) -> AnnualReport:
    """The report with each blank formula 总计 whose parts are all filled read as their sum.

    The template's 总计 formulas stay blank until every part is a number, and a number
    typed as text is not one to them (the reader warns of each such cell); the clerk's
    figures are plain, so the total is read as the sum the formula would show, with a note.
    """
    blank = [path for path in addresses if path in computed and report.cell(path) is None]
    if not blank:
        return report
    filled = report.with_totals()
    changed = {p: filled.cell(p) for p in blank if filled.cell(p) is not None}
    if not changed:
        return report
    by_sheet: dict[str, list[str]] = {}
    for path in changed:
        sheet, _, ref = addresses[path].partition("!")
        by_sheet.setdefault(sheet, []).append(ref)
    where = "；".join(f"{sheet}!{'、'.join(refs)}" for sheet, refs in by_sheet.items())
    reader.warn(
        Bilingual(
            "the total formulas leave out numbers stored as text and show blank; "
            "read as the sum of their parts",
            "合计公式没有计入文本格式的数字，结果为空白，已按各项之和读取",
        ).at(where)
    )
    return report.with_cells(changed)


def _version_of_year(year: int, address: str | None) -> FormatVersion:
    """The format of a report year; an ExcelError at the year's cell when none covers it."""
    try:
        return FormatVersion.for_year(year)
    except InvalidReportError as exc:
        sheet, _, cell = (address or "").partition("!")
        raise ExcelError(
            exc.detail,
            sheet=sheet or None,
            cell=cell or None,
            detail_zh=f"{year} 年度没有适用的全国报告格式（自 2019 年度起适用）",
        ) from None


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
        UnsupportedFormatError: the path holds a NUL character.
        TypeError: ``path`` is not a path, or ``limits`` is not ExcelLimits.
    """
    checked = limits_or_default(limits)
    try:
        return _read(file_path(path), checked)
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


def _load_xlsx(path: Path, limits: ExcelLimits | None = None) -> AnnualReport:
    """The reader of ``.xlsx`` files for :func:`govdisclosure.load`."""
    result = _read(path, limits)
    for message in result.warnings:
        warnings.warn(ExcelReadWarning(message.at(str(path))), stacklevel=3)
    return result.report
