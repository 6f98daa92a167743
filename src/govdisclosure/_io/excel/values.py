"""Reading cell values: numbers, texts and facts, as the cells hold them.

A value is what the cell shows: its own, its formula's saved result, or a plain ``SUM``
evaluated (:mod:`govdisclosure._io.xlsx.formula`). Numbers stored as text read as numbers;
placeholders ("/", "-", "—", "无") read as blank with a warning; anything else that is not
the number a cell needs is an :class:`~govdisclosure.errors.ExcelError` naming the sheet
and cell.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from govdisclosure._format import AgencyLevel, CellKind, FormatVersion
from govdisclosure._format.vocabulary import LEVEL_NAMES, agency_level, is_placeholder, normalise
from govdisclosure._io.excel.storage import CELL_LIMIT, escape_text, from_float, utf16
from govdisclosure._io.xlsx.formula import evaluate
from govdisclosure._io.xlsx.reader import Cell, ErrorValue, Sheet, Workbook, coordinate
from govdisclosure._model.report import CellValue
from govdisclosure.errors import ExcelError

__all__ = ["CellReader", "read_date", "read_level", "read_version", "read_year"]


_INT_TEXT = re.compile(r"[+-]?[0-9]+")
_DECIMAL_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_THOUSANDS = re.compile(r"^[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$")


class CellReader:
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

    def number(self, sheet: Sheet, row: int, column: int, kind: CellKind) -> CellValue:
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
        assert isinstance(value, (int, float, Decimal))
        if kind is not CellKind.MONEY:
            return _whole_number(value, where)
        if isinstance(value, Decimal):
            return value
        # A stored number shows the decimals of its number format (1.5 as 1.50).
        return Decimal(from_float(value, _format_places(self.book.number_format(cell.style))))

    def _text_number(self, value: str, where: str, kind: CellKind) -> CellValue:
        text = unicodedata.normalize("NFKC", value).strip().replace(" ", "")
        if not text:
            return None
        if is_placeholder(value):
            self.warn(f'{where}: "{value.strip()}" read as blank')
            return None
        if _THOUSANDS.match(text):
            text = text.replace(",", "")
        number = _parse_number(text, kind)
        if number is not None:
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
            if utf16(escape_text(part)) < CELL_LIMIT - 8 or not isinstance(cell.value, str):
                break
            column += 1
        return "".join(parts) if parts else None


def _whole_number(value: int | float | Decimal, where: str) -> int:
    """A count read from a stored number: whole, and small enough to be exact."""
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        if value != value.to_integral_value():
            raise ExcelError(f"{where}: {value} is not a whole number")
        return int(value)
    if not value.is_integer():
        raise ExcelError(f"{where}: {value!r} is not a whole number")
    if abs(value) > 2**53:
        raise ExcelError(
            f"{where}: {value:g} is too large to be stored exactly as a number; enter it as text"
        )
    return int(value)


def _parse_number(text: str, kind: CellKind) -> int | Decimal | None:
    """The number a text spells (NFKC, without spaces or thousands separators), or ``None``."""
    if kind is not CellKind.MONEY:
        return int(text) if _INT_TEXT.fullmatch(text) else None
    if not _DECIMAL_TEXT.fullmatch(text):
        return None
    try:
        number = Decimal(text.lstrip("+"))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None
    return number if number.is_finite() else None


_PLACES = re.compile(r"0\.(0+)|#\.(#+)")


def _format_places(code: str) -> int:
    section = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code.split(";", maxsplit=1)[0])
    match = _PLACES.search(section)
    if match is None:
        return 0
    return len(match.group(1) or match.group(2) or "")


def read_year(reader: CellReader, place: tuple[Sheet, int, int] | None) -> int:
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


def read_version(reader: CellReader, place: tuple[Sheet, int, int] | None) -> FormatVersion | None:
    if place is None:
        return None
    sheet, r, c = place
    text = reader.text(sheet, r, c)
    if text is None or not text.strip():
        return None
    text = unicodedata.normalize("NFKC", text)
    for version in FormatVersion:
        if text.strip() == version.value or normalise(version.document_number) in normalise(text):
            return version
    if "2019" in text and "2021" not in text:
        return FormatVersion.V2019
    if "2021" in text and "2019" not in text:
        return FormatVersion.V2021
    raise ExcelError(
        f'{sheet.name}!{coordinate(r, c)}: "{text}" is not a format version (2019 or 2021)'
    )


def read_date(reader: CellReader, place: tuple[Sheet, int, int] | None) -> dt.date | None:
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


def read_level(reader: CellReader, place: tuple[Sheet, int, int] | None) -> AgencyLevel | None:
    if place is None:
        return None
    sheet, r, c = place
    text = reader.text(sheet, r, c)
    if text is None or not text.strip():
        return None
    level = agency_level(text)
    if level is None:
        names = " or ".join(LEVEL_NAMES.values())
        raise ExcelError(f'{sheet.name}!{coordinate(r, c)}: "{text}" is not {names}')
    return level
