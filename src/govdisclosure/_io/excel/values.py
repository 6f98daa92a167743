"""Reading cell values: numbers, texts and facts, as the cells hold them.

A value is what the cell shows: its own, its formula's saved result, or a plain ``SUM``
evaluated (:mod:`govdisclosure._io.xlsx.formula`). Numbers stored as text read as numbers;
placeholders ("/", "-", "—", "无") read as blank with a warning; anything else that is not
the number a cell needs is an :class:`~govdisclosure.errors.ExcelError` naming the sheet
and cell. That includes what would read as a wrong number without a word: a number in a
cell formatted as a date (what Excel makes of ``1-2``), and text that NFKC and dropping
spaces would turn into another number (``3 4``, ``3¹``, ``⑫``; see
:func:`~govdisclosure._format.vocabulary.figure_doubt`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from govdisclosure import zh
from govdisclosure._format import AgencyLevel, CellKind, FormatVersion
from govdisclosure._format.vocabulary import (
    LEVEL_NAMES,
    MAX_FIGURE_DIGITS,
    agency_level,
    figure_doubt,
    is_placeholder,
    normalise,
    size_doubt,
)
from govdisclosure._io.excel.storage import (
    CELL_LIMIT,
    EXACT_DIGITS,
    escape_text,
    from_float,
    money_places,
    utf16,
)
from govdisclosure._io.xlsx.formula import evaluate
from govdisclosure._io.xlsx.reader import Cell, ErrorValue, Sheet, Workbook, coordinate
from govdisclosure._model.report import CellValue
from govdisclosure.errors import Bilingual, ExcelError

__all__ = ["CellReader", "read_date", "read_level", "read_version", "read_year"]

_T = TypeVar("_T")


_INT_TEXT = re.compile(r"[+-]?[0-9]+")
_DECIMAL_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
#: The most characters of a year's text read as a number (a year of 5,000 digits is none).
_YEAR_DIGITS = 9
_THOUSANDS = re.compile(r"^[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$")

# What is wrong with a cell, in Chinese (the errors' detail_zh).
_NOT_NUMBER = "不是数字"
_NOT_WHOLE = "不是整数"
_NOT_DATE = "不是日期（请写成 2024-01-31）"


class CellReader:
    """Turns cells into report values, collecting warnings and (:meth:`collect`) bad cells."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self.warnings: list[Bilingual] = []
        self.problems: list[ExcelError] = []

    def warn(self, message: Bilingual) -> None:
        """Note something read other than as written (in English and Chinese)."""
        self.warnings.append(message)

    def collect(self, read: Callable[..., _T], *args: Any) -> _T | None:
        """``read(*args)``; or, when it raises an ExcelError, ``None`` and the error kept.

        Reading goes on past a bad cell, so that one error can name every bad cell
        (:attr:`problems`, raised together by the reader).
        """
        try:
            return read(*args)
        except ExcelError as exc:
            self.problems.append(exc)
            return None

    def scalar(self, sheet: Sheet, row: int, column: int, cell: Cell) -> object:
        """The value a cell shows: its own, its saved formula result, or the SUM evaluated."""
        if cell.formula is not None and not cell.cached:
            return evaluate(
                sheet,
                row,
                column,
                lambda c: self._plain(sheet, row, column, c),
                self.book.formula_cells,
            )
        return cell.value

    def _plain(self, sheet: Sheet, row: int, column: int, cell: Cell) -> Any:
        value = cell.value
        if isinstance(value, ErrorValue):
            raise ExcelError(
                f"the cell shows {value}",
                sheet=sheet.name,
                cell=coordinate(row, column),
                detail_zh=f"显示错误值 {value}",
            )
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
        ref = coordinate(r, c)
        value = self.scalar(sheet, r, c, cell)
        if value is None:
            return None
        if isinstance(value, ErrorValue):
            raise ExcelError(
                f"the cell shows the error {value}",
                sheet=sheet.name,
                cell=ref,
                detail_zh=f"显示错误值 {value}",
            )
        if isinstance(value, bool):
            raise ExcelError(
                "is not a number", sheet=sheet.name, cell=ref, value=value, detail_zh=_NOT_NUMBER
            )
        if isinstance(value, str):
            number = self._text_number(value, sheet.name, ref, kind)
            if cell.formula is None and number is not None and not _needs_text(number):
                self.warn(
                    Bilingual(
                        f'"{value}" is a number stored as text, read as {number}; the '
                        "table's total formulas do not count it: make it a number",
                        f"“{value}”是文本格式的数字，已按 {number} 读取；"
                        "表格中的合计公式不会计入它，请改为数字",
                    ).at(f"{sheet.name}!{ref}")
                )
            return number
        assert isinstance(value, (int, float, Decimal))
        error = _date_styled(self.book, cell.style, value, kind, sheet=sheet.name, ref=ref)
        if error is not None:
            raise error
        if kind is not CellKind.MONEY:
            return _whole_number(value, sheet.name, ref)
        if abs(value) >= 10**MAX_FIGURE_DIGITS:
            raise ExcelError(
                f"is too large for an amount (more than {MAX_FIGURE_DIGITS:,} digits)",
                sheet=sheet.name,
                cell=ref,
                value=value,
                detail_zh=f"作为金额过大（超过 {MAX_FIGURE_DIGITS:,} 位）",
            )
        if isinstance(value, Decimal):
            return value
        # A stored number shows the decimals of its number format (1.5 as 1.50).
        return Decimal(from_float(value, _format_places(self.book.number_format(cell.style))))

    def _text_number(self, value: str, sheet: str, ref: str, kind: CellKind) -> CellValue:
        text = unicodedata.normalize("NFKC", value).strip().replace(" ", "")
        if not text:
            return None
        if is_placeholder(value):
            self.warn(
                Bilingual(f'"{value.strip()}" read as blank', f"“{value.strip()}”读作空白").at(
                    f"{sheet}!{ref}"
                )
            )
            return None
        doubt = figure_doubt(value)
        if doubt is not None:
            shown = value if len(value) <= 40 else value[:39] + "…"
            raise ExcelError(
                f"is not a number: it {doubt}",
                sheet=sheet,
                cell=ref,
                value=shown,
                detail_zh=f"不是数字：{doubt.message_zh}",
            )
        if _THOUSANDS.match(text):
            text = text.replace(",", "")
        number = _parse_number(text, kind)
        if number is not None:
            doubt = size_doubt(number)
            if doubt is not None:
                shown = value if len(value) <= 40 else value[:39] + "…"
                raise ExcelError(
                    doubt, sheet=sheet, cell=ref, value=shown, detail_zh=doubt.message_zh
                )
            return number if kind is CellKind.MONEY else int(number)
        shown = value if len(value) <= 40 else value[:39] + "…"
        whole = kind is not CellKind.MONEY and _DECIMAL_TEXT.fullmatch(text)
        detail, zh = (
            ("is not a whole number", _NOT_WHOLE) if whole else ("is not a number", _NOT_NUMBER)
        )
        raise ExcelError(detail, sheet=sheet, cell=ref, value=shown, detail_zh=zh)

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


def _needs_text(number: int | Decimal) -> bool:
    """Whether a number is stored as text on purpose: a number cell cannot hold it exactly."""
    if isinstance(number, Decimal):
        return money_places(number) is None
    return abs(number) >= EXACT_DIGITS


def _date_styled(
    book: Workbook, style: int, value: float | Decimal, kind: CellKind, *, sheet: str, ref: str
) -> ExcelError | None:
    """The error for a number in a cell formatted as a date or time, else ``None``.

    Such a cell shows a date (Excel turns ``1-2`` typed in a cell into the serial 45293,
    shown as 2 January): neither the serial nor the date is the count or amount meant.
    """
    shown = book.date_or_time(style)
    if shown is None:
        return None
    what, what_zh = ("an amount", "金额") if kind is CellKind.MONEY else ("a count", "件数")
    detail = f"is formatted as a {shown}"
    detail_zh = f"设置成了{'日期' if shown == 'date' else '时间'}格式"
    if shown == "date":
        with contextlib.suppress(ValueError, OverflowError):
            day = book.to_date(float(value)).isoformat()
            detail += f" (it shows {day})"
            detail_zh += f"（显示为 {day}）"
    return ExcelError(
        f"{detail}, not as {what}: format the cell as a number and enter {what}",
        sheet=sheet,
        cell=ref,
        value=value,
        detail_zh=f"{detail_zh}，不是{what_zh}：请把单元格设为数字格式，再填写{what_zh}",
    )


def _whole_number(value: int | float | Decimal, sheet: str, ref: str) -> int:
    """A count read from a stored number: whole, and small enough to be exact."""
    if isinstance(value, float) and abs(value) > 2**53:
        raise ExcelError(
            "is too large to be stored exactly as a number; enter it as text",
            sheet=sheet,
            cell=ref,
            value=value,
            detail_zh="数值过大，无法按数字精确保存，请以文本形式填写",
        )
    if abs(value) >= 10**MAX_FIGURE_DIGITS:  # before int(): 1E+999999 is a million digits
        raise ExcelError(
            f"is too large for a count (more than {MAX_FIGURE_DIGITS:,} digits)",
            sheet=sheet,
            cell=ref,
            value=value if not isinstance(value, int) else f"{str(value)[:20]}…",
            detail_zh=f"作为件数过大（超过 {MAX_FIGURE_DIGITS:,} 位）",
        )
    if isinstance(value, int):
        return value
    if (isinstance(value, Decimal) and value != value.to_integral_value()) or (
        isinstance(value, float) and not value.is_integer()
    ):
        raise ExcelError(
            "is not a whole number", sheet=sheet, cell=ref, value=value, detail_zh=_NOT_WHOLE
        )
    return int(value)


def _parse_number(text: str, kind: CellKind) -> Decimal | None:
    """The number a text spells (NFKC, without spaces or thousands separators), or ``None``.

    A count's text is an integer, an amount's any decimal; both are read as a ``Decimal``,
    so that a count of 5,000 digits is measured before it is made an ``int``.
    """
    if not (_INT_TEXT if kind is not CellKind.MONEY else _DECIMAL_TEXT).fullmatch(text):
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
    """The report year at a place: a number, or a text like ``2023`` or ``2023年``."""
    if place is None:
        raise ExcelError(
            "the report year (报告年度) is not in the workbook", detail_zh="工作簿中没有报告年度"
        )
    sheet, r, c = place
    cell, _, _ = sheet.get(r, c)
    value = reader.scalar(sheet, r, c, cell) if cell is not None else None
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().removesuffix("年").strip()
        if _INT_TEXT.fullmatch(text) and len(text) <= _YEAR_DIGITS:
            return int(text)
    elif isinstance(value, float) and value.is_integer():
        return int(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        return value
    ref = coordinate(r, c)
    if value is None:
        raise ExcelError(
            "the report year (报告年度) is blank",
            sheet=sheet.name,
            cell=ref,
            detail_zh="报告年度为空白",
        )
    raise ExcelError(
        "is not a year", sheet=sheet.name, cell=ref, value=value, detail_zh="不是年度（如 2024）"
    )


def read_version(reader: CellReader, place: tuple[Sheet, int, int] | None) -> FormatVersion | None:
    """The format version at a place: 2019, 2021, or a text naming either."""
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
        "is not a format version (2019 or 2021)",
        sheet=sheet.name,
        cell=coordinate(r, c),
        value=text,
        detail_zh="不是格式版本（2019 或 2021）",
    )


def read_date(reader: CellReader, place: tuple[Sheet, int, int] | None) -> dt.date | None:
    """The publication date at a place: a date cell, or a text like ``2024-01-31``."""
    if place is None:
        return None
    sheet, r, c = place
    cell, _, _ = sheet.get(r, c)
    if cell is None:
        return None
    ref = coordinate(r, c)
    value = reader.scalar(sheet, r, c, cell)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return reader.book.to_date(float(value))
        except (ValueError, OverflowError):
            raise ExcelError(
                "is not a date", sheet=sheet.name, cell=ref, value=value, detail_zh=_NOT_DATE
            ) from None
    try:
        return zh.parse_date(str(value))
    except ValueError:
        raise ExcelError(
            "is not a date (write it like 2024-01-31)",
            sheet=sheet.name,
            cell=ref,
            value=value,
            detail_zh=_NOT_DATE,
        ) from None


def read_level(reader: CellReader, place: tuple[Sheet, int, int] | None) -> AgencyLevel | None:
    """The agency level at a place, in any spelling the vocabulary reads."""
    if place is None:
        return None
    sheet, r, c = place
    text = reader.text(sheet, r, c)
    if text is None or not text.strip():
        return None
    level = agency_level(text)
    if level is None:
        names = " or ".join(LEVEL_NAMES.values())
        raise ExcelError(
            f"is not {names}",
            sheet=sheet.name,
            cell=coordinate(r, c),
            value=text,
            detail_zh=f"不是{'或'.join(LEVEL_NAMES.values())}",
        )
    return level
