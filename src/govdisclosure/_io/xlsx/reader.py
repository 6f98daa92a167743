"""The sheet reader: a checked workbook's sheets, their cells and merged ranges.

:func:`open_workbook` reads, through the checks of :mod:`.archive`, only the parts a reader
needs: the workbook, its relationships, shared strings, number formats and the worksheets.
Cells are kept sparse (only the cells the file holds) and merged ranges are kept as ranges,
so a sheet that claims a merge of a million rows costs nothing. A formula's cached value is
read with the formula in one pass; plain ``SUM`` formulas without a cached value are left
to :mod:`.formula`.

This is the only place where worksheet bytes are parsed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
from pathlib import Path
from typing import NamedTuple

from govdisclosure._archive import read_file
from govdisclosure._io.xlsx.archive import (
    DEFAULT_LIMITS,
    AttrTarget,
    ExcelLimits,
    check_archive,
    local_name,
    parse_xml,
    read_part,
    relationships,
)
from govdisclosure.errors import Bilingual, ExcelError

__all__ = [
    "Cell",
    "ErrorValue",
    "Sheet",
    "Workbook",
    "column_letter",
    "coordinate",
    "decode_text",
    "open_workbook",
    "parse_ref",
    "read_path",
    "translate_formula",
]


class _StringsTarget:
    """Shared strings: each ``si`` is its ``t`` texts joined, phonetic runs left out."""

    def __init__(self) -> None:
        self.strings: list[str] = []
        self._parts: list[str] = []
        self._in_t = False
        self._skip = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = local_name(tag)
        if name == "si":
            self._parts = []
        elif name == "t" and not self._skip:
            self._in_t = True
        elif name == "rPh":
            self._skip += 1

    def end(self, tag: str) -> None:
        name = local_name(tag)
        if name == "si":
            self.strings.append(decode_text("".join(self._parts)))
        elif name == "t":
            self._in_t = False
        elif name == "rPh":
            self._skip -= 1

    def data(self, text: str) -> None:
        if self._in_t:
            self._parts.append(text)

    def close(self) -> None:
        pass


class _StylesTarget:
    """The number format of each cell style (``cellXfs``)."""

    def __init__(self) -> None:
        self.formats: dict[int, str] = {}
        self.xf_formats: list[int] = []
        self._in_xfs = False

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = local_name(tag)
        if name == "numFmt":
            with contextlib.suppress(ValueError):
                self.formats[int(attrib.get("numFmtId", ""))] = attrib.get("formatCode", "")
        elif name == "cellXfs":
            self._in_xfs = True
        elif name == "xf" and self._in_xfs:
            try:
                self.xf_formats.append(int(attrib.get("numFmtId", "0")))
            except ValueError:
                self.xf_formats.append(0)

    def end(self, tag: str) -> None:
        if local_name(tag) == "cellXfs":
            self._in_xfs = False

    def data(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


# ---------------------------------------------------------------------------
# Cells, sheets and the workbook

_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def decode_text(text: str) -> str:
    r"""Undo the OOXML ``_xHHHH_`` escapes (how Excel stores control characters).

    >>> decode_text("a_x000D_b_x005F_x0041_")
    'a\rb_x0041_'
    """
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


class Cell(NamedTuple):
    """One cell as the file holds it.

    Attributes:
        value: ``str``, ``int``, ``float``, ``bool``, ``None`` (an empty cell the file
            lists, e.g. a bordered blank), or an :class:`ErrorValue`.
        formula: the formula text without ``=``, or ``None``.
        style: the index of the cell's style, for its number format.
        cached: ``False`` for a formula cell without a cached value.
    """

    value: object
    formula: str | None
    style: int
    cached: bool = True


# Cell(…) without the Python call namedtuple's __new__ makes: a sheet has a million cells.
_new_cell = tuple.__new__


class ErrorValue(str):
    """An Excel error value such as ``#REF!``."""

    __slots__ = ()


def column_letter(column: int) -> str:
    """Return the letters of a 1-based column number.

    >>> column_letter(1), column_letter(28), column_letter(16384)
    ('A', 'AB', 'XFD')
    """
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def coordinate(row: int, column: int) -> str:
    """Return the A1 reference of a cell.

    >>> coordinate(7, 4)
    'D7'
    """
    return f"{column_letter(column)}{row}"


_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")
_MAX_ROW = 1_048_576
_MAX_COL = 16_384


def _column_number(letters: str) -> int:
    column = 0
    for ch in letters.upper():
        column = column * 26 + ord(ch) - 64
    return column


# The column number of each column's letters met so far: at most 3 letters, so at most
# 52³ entries, and a workbook's cells repeat a few columns millions of times.
_COLUMNS: dict[str, int] = {}


def parse_ref(ref: str) -> tuple[int, int] | None:
    """Return ``(row, column)`` of an A1 reference, or ``None`` when it is not one.

    >>> parse_ref("B7"), parse_ref("$xfd$1048576"), parse_ref("A0"), parse_ref("A1B")
    ((7, 2), (1048576, 16384), None, None)
    """
    letters = ref.rstrip("0123456789")
    column = _COLUMNS.get(letters)
    if column is None:
        match = _REF.fullmatch(ref)
        if match is None:
            return None
        if "$" not in ref:
            _COLUMNS[letters] = _column_number(letters)
        column = _column_number(match.group(1))
        digits = match.group(2)
    else:
        digits = ref[len(letters) :]
        if not digits or len(digits) > 7:
            return None
    row = int(digits)
    if not (1 <= row <= _MAX_ROW and 1 <= column <= _MAX_COL):
        return None
    return row, column


Merge = tuple[int, int, int, int]
# The block sizes merged ranges are filed under: each range under the smallest that holds
# its height (and its width), so that it touches at most 2 × 2 blocks of that size.
_BLOCKS = (8, 64, 512, 4096, 32768, 262144, 2097152)
# Ranges that do not overlap, each more than 1/64 of a block and within the 3 × 3 blocks
# around it, are at most this many in one block.
_MAX_IN_BLOCK = 9 * 64


def _block_level(extent: int) -> int:
    return next(level for level, size in enumerate(_BLOCKS) if extent <= size)


class _MergeIndex:
    """Merged ranges by the blocks they touch, as many entries as ranges, not cells.

    A range of ``h`` rows and ``w`` columns is filed under blocks of the smallest sizes
    that hold ``h`` rows and ``w`` columns (8, 64, 512, …), so it touches at most four
    blocks; a lookup checks one block at each pair of sizes in use.
    """

    def __init__(self, merges: list[Merge], sheet: str) -> None:
        self._blocks: dict[tuple[int, int, int, int], list[Merge]] = {}
        levels: set[tuple[int, int]] = set()
        for merge in merges:
            top, left, bottom, right = merge
            rows, columns = _block_level(bottom - top + 1), _block_level(right - left + 1)
            levels.add((rows, columns))
            height, width = _BLOCKS[rows], _BLOCKS[columns]
            for r in {top // height, bottom // height}:
                for c in {left // width, right // width}:
                    block = self._blocks.setdefault((rows, columns, r, c), [])
                    block.append(merge)
                    if len(block) > _MAX_IN_BLOCK:
                        raise ExcelError(
                            f"the merged ranges overlap (more than {_MAX_IN_BLOCK} of them "
                            f"around {coordinate(top, left)})",
                            sheet=sheet,
                            detail_zh=f"合并区域相互重叠（{coordinate(top, left)} 附近超过 "
                            f"{_MAX_IN_BLOCK} 个）",
                        )
        self._levels = sorted(levels)

    def find(self, row: int, column: int) -> Merge | None:
        """The merged range that holds a cell, or ``None``."""
        for rows, columns in self._levels:
            key = (rows, columns, row // _BLOCKS[rows], column // _BLOCKS[columns])
            for merge in self._blocks.get(key, ()):
                top, left, bottom, right = merge
                if top <= row <= bottom and left <= column <= right:
                    return merge
        return None


class Sheet:
    """One worksheet: its cells (sparse) and its merged ranges.

    Attributes:
        name: the sheet's name as the workbook lists it.
        cells: ``(row, column)`` to :class:`Cell`, only the cells the file holds.
        merges: merged ranges as ``(top, left, bottom, right)``.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.cells: dict[tuple[int, int], Cell] = {}
        self.merges: list[Merge] = []
        self._index: _MergeIndex | None = None
        self._positions: list[tuple[int, int]] | None = None

    def positions(self) -> list[tuple[int, int]]:
        """The positions of the cells the sheet holds, in reading order (sorted once)."""
        if self._positions is None or len(self._positions) != len(self.cells):
            self._positions = sorted(self.cells)
        return self._positions

    def index_merges(self) -> None:
        """Index the merged ranges, once all are read.

        Raises:
            ExcelError: the ranges overlap (a spreadsheet program refuses such a file too).
        """
        self._index = _MergeIndex(self.merges, self.name)

    def merge_of(self, row: int, column: int) -> Merge | None:
        """Return the merged range that holds a cell, or ``None``."""
        if not self.merges:
            return None
        if self._index is None:
            self.index_merges()
        assert self._index is not None
        return self._index.find(row, column)

    def get(self, row: int, column: int) -> tuple[Cell | None, int, int]:
        """Return the cell that shows at a position (a merge's top-left) and its position."""
        merge = self.merge_of(row, column)
        if merge is not None:
            row, column = merge[0], merge[1]
        return self.cells.get((row, column)), row, column

    def bottom(self, row: int, column: int) -> int:
        """Return the last row a cell covers (its merge's bottom, or its own row)."""
        merge = self.merge_of(row, column)
        return merge[2] if merge is not None else row

    def right(self, row: int, column: int) -> int:
        """Return the last column a cell covers."""
        merge = self.merge_of(row, column)
        return merge[3] if merge is not None else column


_TOO_MANY_CELLS = Bilingual(
    "refused: the workbook holds more cells than max_cells allows",
    "拒绝读取：工作簿的单元格数超过 max_cells 的上限",
)


class _SheetTarget:
    """Reads ``sheetData`` cells and ``mergeCells`` of one worksheet."""

    def __init__(self, sheet: Sheet, strings: list[str], budget: list[int]) -> None:
        # budget: the cells, then the merged ranges, the workbook may still hold.
        self.sheet = sheet
        self.strings = strings
        self.budget = budget
        self.shared: dict[str, tuple[str, int, int]] = {}
        self.pending_shared: list[tuple[int, int, str]] = []
        self._row = 0
        self._col = 0
        self._cell: tuple[int, int, str, int] | None = None
        self._text: list[str] | None = None
        self._value: str | None = None
        self._formula: str | None = None
        self._formula_attrib: dict[str, str] = {}
        self._inline: list[str] = []
        self._in_is = False
        self._skip = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = local_name(tag)
        if name == "c":
            # A cell: its position (its reference, or next in its row) and style. This and
            # the cell's end run for every cell of a sheet, so they are written for speed.
            ref = attrib.get("r")
            position = parse_ref(ref) if ref else None
            if position is None:
                if ref is not None:
                    raise ExcelError(
                        f"bad cell reference {ref!r}",
                        sheet=self.sheet.name,
                        detail_zh=f"单元格引用 {ref!r} 不正确",
                    )
                position = (self._row or 1, self._col + 1)
            self._col = position[1]
            try:
                style = int(attrib.get("s", "0"))
            except ValueError:
                style = 0
            self._cell = (*position, attrib.get("t", "n"), style)
            self._value = self._formula = None
            self._inline = []
        elif name == "v":
            self._text = []
        elif name == "row":
            try:
                self._row = int(attrib["r"])
            except (KeyError, ValueError):
                self._row += 1
            self._col = 0
        elif name == "t" and self._in_is and not self._skip:
            self._text = []
        elif name == "f":
            self._text = []
            self._formula_attrib = attrib
        elif name == "is":
            self._in_is = True
        elif name == "rPh":
            self._skip += 1
        elif name == "mergeCell":
            self._merge(attrib.get("ref", ""))

    def _merge(self, ref: str) -> None:
        first, _, last = ref.partition(":")
        a = parse_ref(first)
        b = parse_ref(last or first)
        if a is None or b is None:
            raise ExcelError(
                f"bad merged range {ref!r}",
                sheet=self.sheet.name,
                detail_zh=f"合并区域 {ref!r} 不正确",
            )
        self.budget[1] -= 1
        if self.budget[1] < 0:
            raise ExcelError(
                "refused: the workbook holds more merged ranges than max_merges allows",
                sheet=self.sheet.name,
                detail_zh="拒绝读取：工作簿的合并区域数超过 max_merges 的上限",
            )
        self.sheet.merges.append(
            (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
        )

    def data(self, text: str) -> None:
        if self._text is not None:
            self._text.append(text)

    def end(self, tag: str) -> None:
        name = local_name(tag)
        if name == "v":
            self._value = "".join(self._text or ())
            self._text = None
        elif name == "c":
            if self._cell is not None:
                self._finish()
        elif name == "t" and self._text is not None:
            self._inline.append("".join(self._text))
            self._text = None
        elif name == "f":
            self._formula = "".join(self._text or ())
            self._text = None
        elif name == "is":
            self._in_is = False
        elif name == "rPh":
            self._skip -= 1

    def _finish(self) -> None:
        assert self._cell is not None
        row, column, kind, style = self._cell
        self._cell = None
        self.budget[0] -= 1
        if self.budget[0] < 0:
            raise ExcelError(_TOO_MANY_CELLS, detail_zh=_TOO_MANY_CELLS.message_zh)
        formula = self._formula
        if formula is not None or self._formula_attrib.get("t") == "shared":
            formula = self._shared(formula, row, column)
        raw = self._value
        value: object
        cached = True
        if kind == "n" and raw and formula is None:
            value = _number(raw, self.sheet.name, row, column)
        elif kind == "inlineStr":
            value = decode_text("".join(self._inline))
        elif raw is None:
            value = None
            cached = formula is None
        else:
            value = self._decode(kind, raw, row, column)
        if formula is not None and not raw and kind not in ("inlineStr", "str"):
            # openpyxl writes formulas with an empty <v/>: no value was ever computed.
            value = None
            cached = False
        self.sheet.cells[row, column] = _new_cell(Cell, (value, formula, style, cached))

    def _shared(self, formula: str | None, row: int, column: int) -> str | None:
        """Note a shared formula's master, or a cell sharing one (its formula "" for now)."""
        attrib = self._formula_attrib
        self._formula_attrib = {}
        share = attrib.get("si")
        if attrib.get("t") == "shared" and share is not None:
            if formula:
                self.shared[share] = (formula, row, column)
            else:
                self.pending_shared.append((row, column, share))
                formula = ""
        return formula

    def _decode(self, kind: str, raw: str, row: int, column: int) -> object:
        """The value of a cell's ``v`` by the cell's type (``t``)."""
        if kind == "s":
            text = raw.strip()
            # Only 0 ≤ index < count: Python's strings[-1] would be the last string.
            if (
                text.isascii()
                and text.isdigit()
                and len(text) <= 10
                and int(text) < len(self.strings)
            ):
                return self.strings[int(text)]
            raise ExcelError(
                f"bad shared string index {raw!r} (the workbook has {len(self.strings):,})",
                sheet=self.sheet.name,
                cell=coordinate(row, column),
                detail_zh=f"共享字符串序号 {raw!r} 不正确（工作簿共有 {len(self.strings):,} 个）",
            )
        if kind == "str":
            return decode_text(raw)
        if kind == "b":
            return raw.strip() in ("1", "true")
        if kind == "e":
            return ErrorValue(raw)
        if kind == "d":
            return raw
        return _number(raw, self.sheet.name, row, column)

    def close(self) -> None:
        pass


def _number(raw: str, sheet: str, row: int, column: int) -> int | float | None:
    text = raw.strip()
    if not text:
        return None
    try:
        if text.lstrip("-").isdigit():
            return int(text)
        number = float(text)
    except ValueError:
        raise _bad_number(raw, sheet, row, column) from None
    if not math.isfinite(number):
        raise _bad_number(raw, sheet, row, column)
    return number


def _bad_number(raw: str, sheet: str, row: int, column: int) -> ExcelError:
    return ExcelError(
        f"bad number {raw!r}",
        sheet=sheet,
        cell=coordinate(row, column),
        detail_zh=f"数值 {raw!r} 不正确",
    )


_BUILTIN_FORMATS = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0 ;(#,##0)",
    38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)",
    40: "#,##0.00;[Red](#,##0.00)",
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}
# Chinese locales add date formats with ids 27-36 and 50-58 (yyyy"年"m"月"d"日" …).
_DATE_IDS = frozenset({14, 15, 16, 17, 22, *range(27, 37), *range(50, 59)})
_DATE_CODE = re.compile(r"[dmyhs]")
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


class Workbook:
    """The sheets of a workbook, in order, with what is needed to interpret cells.

    Attributes:
        formula_cells: how many more cells formulas without a saved value may visit
            (``max_formula_cells``, spent by :func:`~govdisclosure._io.xlsx.formula.evaluate`).
    """

    def __init__(
        self,
        sheets: list[Sheet],
        formats: dict[int, str],
        xf_formats: list[int],
        date1904: bool,
        limits: ExcelLimits = DEFAULT_LIMITS,
    ) -> None:
        self.sheets = sheets
        self._formats = formats
        self._xf_formats = xf_formats
        self.date1904 = date1904
        self.formula_cells = [limits.max_formula_cells]

    def number_format(self, style: int) -> str:
        """Return the number format code of a cell style."""
        if 0 <= style < len(self._xf_formats):
            fmt_id = self._xf_formats[style]
            return self._formats.get(fmt_id) or _BUILTIN_FORMATS.get(fmt_id, "General")
        return "General"

    def is_date(self, style: int) -> bool:
        """Whether a cell style formats numbers as dates (or times)."""
        return self.date_or_time(style) is not None

    def date_or_time(self, style: int) -> str | None:
        """``"date"`` or ``"time"`` when a cell style shows numbers as one, else ``None``."""
        code = _QUOTED.sub("", self.number_format(style).split(";")[0]).lower()
        if 0 <= style < len(self._xf_formats) and self._xf_formats[style] in _DATE_IDS:
            return "date"
        if code == "general" or not _DATE_CODE.search(code):
            return None
        return "date" if "d" in code or "y" in code else "time"

    def to_date(self, serial: float) -> dt.date:
        """Convert an Excel date serial to a date.

        Raises:
            ValueError: the serial is not a date Excel can show.
        """
        if self.date1904:
            return dt.date(1904, 1, 1) + dt.timedelta(days=int(serial))
        if serial < 1:
            raise ValueError(serial)
        # Excel's 1900 system counts a 29 February 1900 that never was (serial 60).
        base = dt.date(1899, 12, 31) if serial < 60 else dt.date(1899, 12, 30)
        return base + dt.timedelta(days=int(serial))


def open_workbook(data: bytes, limits: ExcelLimits = DEFAULT_LIMITS) -> Workbook:
    """Check and read a workbook's sheets.

    Raises:
        ExcelError: the file is not a workbook, is beyond ``limits``, or is malformed.
    """
    archive = check_archive(data, limits)
    root = relationships(archive, "")
    book_part = root.get("type:officeDocument", "xl/workbook.xml")
    book = AttrTarget("sheet", "workbookPr")
    parse_xml(read_part(archive, book_part), book, book_part)
    rels = relationships(archive, book_part)
    strings: list[str] = []
    if "type:sharedStrings" in rels and rels["type:sharedStrings"] in archive.NameToInfo:
        target = _StringsTarget()
        parse_xml(
            read_part(archive, rels["type:sharedStrings"]), target, rels["type:sharedStrings"]
        )
        strings = target.strings
    styles = _StylesTarget()
    if "type:styles" in rels and rels["type:styles"] in archive.NameToInfo:
        parse_xml(read_part(archive, rels["type:styles"]), styles, rels["type:styles"])
    date1904 = False
    sheets = []
    budget = [limits.max_cells, limits.max_merges]
    read: set[str] = set()
    for name, attrib in book.found:
        if name == "workbookPr":
            date1904 = attrib.get("date1904", "").lower() in ("1", "true")
            continue
        part = rels.get(attrib.get("id", ""))
        if part is None or part not in archive.NameToInfo or part in read:
            continue  # a chart sheet, a dangling reference, or a part listed again
        read.add(part)
        sheet = Sheet(attrib.get("name", part))
        sheet_target = _SheetTarget(sheet, strings, budget)
        data = read_part(archive, part)
        # Cells written <c …> are surely cells (the rest of a tag's "<" is escaped in
        # text): too many of them are refused before the slow parse counts them one by one.
        if data.count(b"<c ") + data.count(b"<c>") > budget[0]:
            raise ExcelError(_TOO_MANY_CELLS, part=part, detail_zh=_TOO_MANY_CELLS.message_zh)
        parse_xml(data, sheet_target, part)
        sheet.index_merges()
        _resolve_shared(sheet_target)
        sheets.append(sheet)
    return Workbook(sheets, styles.formats, styles.xf_formats, date1904, limits)


def _resolve_shared(target: _SheetTarget) -> None:
    """Give the cells of a shared formula their own formula text."""
    sheet = target.sheet
    for row, column, share in target.pending_shared:
        master = target.shared.get(share)
        if master is None:
            continue
        text, m_row, m_col = master
        formula = translate_formula(text, row - m_row, column - m_col)
        if formula is not None:
            sheet.cells[row, column] = sheet.cells[row, column]._replace(formula=formula)


# References: not part of a longer name, not a function's or a sheet's name.
_CELL_REF = re.compile(r"(?<![\w.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![\w(!])")
_COLUMNS_REF = re.compile(r"(?<![\w.$])(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w(!])")
_ROWS_REF = re.compile(r"(?<![\w.$])(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})(?![\w(!.])")
# A string, or a quoted sheet name: no references inside.
_FORMULA_QUOTED = re.compile(r"(\"(?:[^\"]|\"\")*\"|'(?:[^']|'')*')")


def translate_formula(formula: str, rows: int, columns: int) -> str | None:
    """A formula copied ``rows`` down and ``columns`` right, as a shared formula's cells hold it.

    Relative references move with it (cells, and whole columns or rows); the parts anchored
    with ``$`` do not; strings and quoted sheet names stay.

    Returns:
        The formula, or ``None`` when a reference would move before the first row or column.

    >>> translate_formula('SUM(A2:$B2)+LOG10(C$3)+SUM(D:D)&"A1"', 1, 2)
    'SUM(C3:$B3)+LOG10(E$3)+SUM(F:F)&"A1"'
    >>> translate_formula("A1", -1, 0) is None
    True
    """
    mover = _Mover(rows, columns)
    parts = _FORMULA_QUOTED.split(formula)
    # The odd parts are the quoted ones the split kept.
    moved = "".join(part if i % 2 else mover.move(part) for i, part in enumerate(parts))
    return None if mover.off_sheet else moved


class _Mover:
    """Moves the references of formula text by a number of rows and columns."""

    def __init__(self, rows: int, columns: int) -> None:
        self.rows = rows
        self.columns = columns
        self.off_sheet = False

    def move(self, text: str) -> str:
        """The text with its references moved."""
        text = _CELL_REF.sub(lambda m: self._column(m[1], m[2]) + self._row(m[3], m[4]), text)
        text = _COLUMNS_REF.sub(
            lambda m: f"{self._column(m[1], m[2])}:{self._column(m[3], m[4])}", text
        )
        return _ROWS_REF.sub(lambda m: f"{self._row(m[1], m[2])}:{self._row(m[3], m[4])}", text)

    def _column(self, anchor: str, letters: str) -> str:
        if anchor:
            return anchor + letters
        column = _column_number(letters) + self.columns
        self.off_sheet |= column < 1
        return column_letter(max(column, 1))

    def _row(self, anchor: str, digits: str) -> str:
        if anchor:
            return anchor + digits
        row = int(digits) + self.rows
        self.off_sheet |= row < 1
        return str(row)


def read_path(path: Path, limits: ExcelLimits) -> Workbook:
    """Read a workbook file through the checks of :func:`open_workbook`.

    The file's size is checked before it is read; a device or a pipe is refused unread.

    Raises:
        ExcelError: as :func:`open_workbook`, or the file cannot be read.
    """
    try:
        data = read_file(path, limits.max_file_bytes, _fail)
    except OSError as exc:
        raise ExcelError.of_os_error(exc, "cannot read the file", "无法读取文件") from None
    return open_workbook(data, limits)


def _fail(message: Bilingual, part: str | None) -> ExcelError:
    return ExcelError(message, part=part, detail_zh=message.message_zh)
