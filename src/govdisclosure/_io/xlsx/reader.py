"""Safe reading of untrusted .xlsx workbooks: archive checks and a small cell reader.

Workbooks come from strangers, so nothing here trusts them. Before any XML is parsed the
file must be a zip archive (not an old .xls, not a renamed .docx) whose content types name
an Excel workbook, and the archive's declared sizes must stay within :class:`ExcelLimits`
(total size, compression ratio, number of parts). :mod:`zipfile` never inflates a part past
its declared size, so checking the declared sizes is enough to stop a decompression bomb.

XML is parsed only through :mod:`defusedxml` (DTDs, entity declarations and external
references are refused), and only the parts a reader needs: the workbook, its
relationships, shared strings, number formats and the worksheets. Cells are kept sparse
(only the cells the file holds) and merged ranges are kept as ranges, so a sheet that
claims a merge of a million rows costs nothing. A formula's cached value is read with the
formula in one pass; plain ``SUM`` formulas without a cached value are evaluated by
:func:`evaluate`.

This is the only place where workbook bytes are parsed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import math
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import NamedTuple

from govdisclosure.errors import ExcelError

__all__ = [
    "DEFAULT_LIMITS",
    "Cell",
    "ExcelError",
    "ExcelLimits",
    "Sheet",
    "Workbook",
    "check_archive",
    "column_letter",
    "coordinate",
    "decode_text",
    "evaluate",
    "open_workbook",
]


class ExcelLimits(NamedTuple):
    """Limits on an untrusted workbook, checked before anything is decompressed.

    Attributes:
        max_file_bytes: the largest workbook file accepted.
        max_uncompressed_bytes: the largest total of the parts' uncompressed sizes.
        max_ratio: the largest compression ratio of a part larger than 1 MiB (zip bombs
            reach thousands; real workbooks stay well under 100).
        max_members: the most parts an archive may have.
        max_cells: the most cells read from all sheets together.
    """

    max_file_bytes: int = 100 * 2**20
    max_uncompressed_bytes: int = 256 * 2**20
    max_ratio: float = 200.0
    max_members: int = 10_000
    max_cells: int = 2_000_000


#: The limits used when a caller gives none.
DEFAULT_LIMITS = ExcelLimits()

_RATIO_MIN_BYTES = 2**20
_SPREADSHEET_TYPES = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
)
_OTHER_OFFICE = {
    "wordprocessingml": "a Word document (.docx)",
    "presentationml": "a PowerPoint presentation (.pptx)",
}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_archive(data: bytes, limits: ExcelLimits = DEFAULT_LIMITS) -> zipfile.ZipFile:
    """Check that ``data`` is an .xlsx archive within ``limits`` and return it opened.

    Raises:
        ExcelError: not a zip archive, a damaged or truncated one, another kind of
            document, or an archive beyond the limits (a decompression bomb).
    """
    if len(data) > limits.max_file_bytes:
        raise ExcelError(
            f"the file is {len(data):,} bytes, more than the limit of "
            f"{limits.max_file_bytes:,} bytes (max_file_bytes)"
        )
    if data.startswith(_OLE2):
        raise ExcelError(
            "not an .xlsx workbook: an old .xls workbook or an encrypted (password-protected) "
            "file; save it as an unprotected Excel workbook (.xlsx)"
        )
    if not data.startswith(b"PK"):
        raise ExcelError("not an .xlsx workbook: the file is not a zip archive")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ExcelError(f"not a readable .xlsx workbook: the archive is damaged ({exc})") from None
    if len(members) > limits.max_members:
        raise ExcelError(
            f"the archive has {len(members):,} parts, more than the limit of "
            f"{limits.max_members:,} (max_members)"
        )
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > _RATIO_MIN_BYTES and member.file_size > limits.max_ratio * max(
            member.compress_size, 1
        ):
            raise ExcelError(
                f"refused: the part {member.filename} expands {member.file_size:,} bytes from "
                f"{member.compress_size:,} (a ratio above max_ratio={limits.max_ratio:g}); "
                "this looks like a decompression bomb"
            )
    if total > limits.max_uncompressed_bytes:
        raise ExcelError(
            f"refused: the archive expands to {total:,} bytes, more than the limit of "
            f"{limits.max_uncompressed_bytes:,} (max_uncompressed_bytes)"
        )
    _check_content_types(archive)
    return archive


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        return archive.read(name)
    except KeyError:
        raise ExcelError(f"not a readable .xlsx workbook: the part {name} is missing") from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise ExcelError(f"the part {name} is damaged: {exc}") from None


def _check_content_types(archive: zipfile.ZipFile) -> None:
    if "[Content_Types].xml" not in archive.NameToInfo:
        raise ExcelError(
            "not an .xlsx workbook: a zip archive without [Content_Types].xml "
            "(is it a renamed .zip file?)"
        )
    types = _TypesTarget()
    _parse(_read(archive, "[Content_Types].xml"), types, "[Content_Types].xml")
    if not any(t in _SPREADSHEET_TYPES for t in types.types):
        for key, what in _OTHER_OFFICE.items():
            if any(key in t for t in types.types):
                raise ExcelError(f"not an .xlsx workbook: this is {what}")
        raise ExcelError("not an .xlsx workbook: the archive holds no Excel workbook part")


# ---------------------------------------------------------------------------
# XML through defusedxml


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _parse(data: bytes, target: object, part: str) -> None:
    """Feed ``data`` to a defusedxml parser that calls ``target``'s start/end/data."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    parser = DefusedXMLParser(target=target, forbid_dtd=True)
    try:
        parser.feed(data)
        parser.close()
    except DefusedXmlException as exc:
        raise ExcelError(
            f"refused: the part {part} declares a DTD or entities ({type(exc).__name__}); "
            "workbooks never need them and they are a known attack (billion laughs)"
        ) from None
    except (ParseError, ValueError, UnicodeError) as exc:
        raise ExcelError(f"the part {part} is not well-formed XML: {exc}") from None


class _TypesTarget:
    def __init__(self) -> None:
        self.types: list[str] = []

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if "ContentType" in attrib:
            self.types.append(attrib["ContentType"])

    def end(self, tag: str) -> None:
        pass

    def data(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


class _AttrTarget:
    """Collects the attributes of every element with a given local name."""

    def __init__(self, *names: str) -> None:
        self.names = names
        self.found: list[tuple[str, dict[str, str]]] = []

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = _local(tag)
        if name in self.names:
            self.found.append((name, {_local(k): v for k, v in attrib.items()}))

    def end(self, tag: str) -> None:
        pass

    def data(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


class _StringsTarget:
    """Shared strings: each ``si`` is its ``t`` texts joined, phonetic runs left out."""

    def __init__(self) -> None:
        self.strings: list[str] = []
        self._parts: list[str] = []
        self._in_t = False
        self._skip = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = _local(tag)
        if name == "si":
            self._parts = []
        elif name == "t" and not self._skip:
            self._in_t = True
        elif name == "rPh":
            self._skip += 1

    def end(self, tag: str) -> None:
        name = _local(tag)
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
        name = _local(tag)
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
        if _local(tag) == "cellXfs":
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


def parse_ref(ref: str) -> tuple[int, int] | None:
    """Return ``(row, column)`` of an A1 reference, or ``None`` when it is not one."""
    match = _REF.fullmatch(ref)
    if match is None:
        return None
    column = 0
    for ch in match.group(1).upper():
        column = column * 26 + ord(ch) - 64
    row = int(match.group(2))
    if not (1 <= row <= _MAX_ROW and 1 <= column <= _MAX_COL):
        return None
    return row, column


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
        self.merges: list[tuple[int, int, int, int]] = []
        self._anchors: dict[tuple[int, int], tuple[int, int, int, int]] | None = None
        self._large: list[tuple[int, int, int, int]] = []

    def merge_of(self, row: int, column: int) -> tuple[int, int, int, int] | None:
        """Return the merged range that holds a cell, or ``None``."""
        if self._anchors is None:
            self._anchors = {}
            for merge in self.merges:
                top, left, bottom, right = merge
                if (bottom - top + 1) * (right - left + 1) > 4096:
                    self._large.append(merge)
                    continue
                for r in range(top, bottom + 1):
                    for c in range(left, right + 1):
                        self._anchors[r, c] = merge
        found = self._anchors.get((row, column))
        if found is not None:
            return found
        for merge in self._large:
            top, left, bottom, right = merge
            if top <= row <= bottom and left <= column <= right:
                return merge
        return None

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


class _SheetTarget:
    """Reads ``sheetData`` cells and ``mergeCells`` of one worksheet."""

    def __init__(self, sheet: Sheet, strings: list[str], budget: list[int]) -> None:
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
        name = _local(tag)
        if name == "c":
            ref = attrib.get("r")
            position = parse_ref(ref) if ref else None
            if position is None:
                if ref is not None:
                    raise ExcelError(f"{self.sheet.name}: bad cell reference {ref!r}")
                position = (self._row or 1, self._col + 1)
            self._col = position[1]
            try:
                style = int(attrib.get("s", "0"))
            except ValueError:
                style = 0
            self._cell = (position[0], position[1], attrib.get("t", "n"), style)
            self._value = None
            self._formula = None
            self._inline = []
        elif name == "row":
            try:
                self._row = int(attrib["r"])
            except (KeyError, ValueError):
                self._row += 1
            self._col = 0
        elif name == "v" or (name == "t" and self._in_is and not self._skip):
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
            raise ExcelError(f"{self.sheet.name}: bad merged range {ref!r}")
        self.sheet.merges.append(
            (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
        )

    def data(self, text: str) -> None:
        if self._text is not None:
            self._text.append(text)

    def end(self, tag: str) -> None:
        name = _local(tag)
        if name == "v":
            self._value = "".join(self._text or ())
            self._text = None
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
        elif name == "c" and self._cell is not None:
            self._finish()

    def _finish(self) -> None:  # noqa: PLR0912 - one branch per OOXML cell type
        assert self._cell is not None
        row, column, kind, style = self._cell
        self._cell = None
        self.budget[0] -= 1
        if self.budget[0] < 0:
            raise ExcelError("refused: the workbook holds more cells than max_cells allows")
        formula = self._formula
        attrib = self._formula_attrib
        if formula is not None or attrib.get("t") == "shared":
            share = attrib.get("si")
            if attrib.get("t") == "shared" and share is not None:
                if formula:
                    self.shared[share] = (formula, row, column)
                else:
                    self.pending_shared.append((row, column, share))
                    formula = ""
            self._formula_attrib = {}
        raw = self._value
        value: object
        cached = True
        if kind == "inlineStr":
            value = decode_text("".join(self._inline))
        elif raw is None:
            value = None
            cached = formula is None
        elif kind == "s":
            try:
                value = self.strings[int(raw)]
            except (ValueError, IndexError):
                raise ExcelError(
                    f"{self.sheet.name}!{coordinate(row, column)}: bad shared string index {raw!r}"
                ) from None
        elif kind == "str":
            value = decode_text(raw)
        elif kind == "b":
            value = raw.strip() in ("1", "true")
        elif kind == "e":
            value = ErrorValue(raw)
        elif kind == "d":
            value = raw
        else:
            value = _number(raw, self.sheet.name, row, column)
        if formula is not None and not raw and kind not in ("inlineStr", "str"):
            # openpyxl writes formulas with an empty <v/>: no value was ever computed.
            value = None
            cached = False
        self.sheet.cells[row, column] = Cell(value, formula, style, cached)

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
        raise ExcelError(f"{sheet}!{coordinate(row, column)}: bad number {raw!r}") from None
    if not math.isfinite(number):
        raise ExcelError(f"{sheet}!{coordinate(row, column)}: bad number {raw!r}")
    return number


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
    """The sheets of a workbook, in order, with what is needed to interpret cells."""

    def __init__(
        self, sheets: list[Sheet], formats: dict[int, str], xf_formats: list[int], date1904: bool
    ) -> None:
        self.sheets = sheets
        self._formats = formats
        self._xf_formats = xf_formats
        self.date1904 = date1904

    def number_format(self, style: int) -> str:
        """Return the number format code of a cell style."""
        if 0 <= style < len(self._xf_formats):
            fmt_id = self._xf_formats[style]
            return self._formats.get(fmt_id) or _BUILTIN_FORMATS.get(fmt_id, "General")
        return "General"

    def is_date(self, style: int) -> bool:
        """Whether a cell style formats numbers as dates."""
        if 0 <= style < len(self._xf_formats) and self._xf_formats[style] in _DATE_IDS:
            return True
        code = _QUOTED.sub("", self.number_format(style).split(";")[0]).lower()
        return code != "general" and bool(_DATE_CODE.search(code))

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


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    folder, _, name = part.rpartition("/")
    rels_name = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
    if rels_name not in archive.NameToInfo:
        return {}
    target = _AttrTarget("Relationship")
    _parse(_read(archive, rels_name), target, rels_name)
    result = {}
    for _, attrib in target.found:
        ref, path = attrib.get("Id", ""), attrib.get("Target", "")
        if attrib.get("TargetMode") == "External":
            continue
        if path.startswith("/"):
            resolved = path.lstrip("/")
        else:
            resolved = posixpath.normpath(posixpath.join(folder, path))
        result[ref] = resolved
        result["type:" + attrib.get("Type", "").rpartition("/")[2]] = resolved
    return result


def open_workbook(data: bytes, limits: ExcelLimits = DEFAULT_LIMITS) -> Workbook:
    """Check and read a workbook's sheets.

    Raises:
        ExcelError: the file is not a workbook, is beyond ``limits``, or is malformed.
    """
    archive = check_archive(data, limits)
    root = _rels(archive, "")
    book_part = root.get("type:officeDocument", "xl/workbook.xml")
    book = _AttrTarget("sheet", "workbookPr")
    _parse(_read(archive, book_part), book, book_part)
    rels = _rels(archive, book_part)
    strings: list[str] = []
    if "type:sharedStrings" in rels and rels["type:sharedStrings"] in archive.NameToInfo:
        target = _StringsTarget()
        _parse(_read(archive, rels["type:sharedStrings"]), target, rels["type:sharedStrings"])
        strings = target.strings
    styles = _StylesTarget()
    if "type:styles" in rels and rels["type:styles"] in archive.NameToInfo:
        _parse(_read(archive, rels["type:styles"]), styles, rels["type:styles"])
    date1904 = False
    sheets = []
    budget = [limits.max_cells]
    for name, attrib in book.found:
        if name == "workbookPr":
            date1904 = attrib.get("date1904", "").lower() in ("1", "true")
            continue
        part = rels.get(attrib.get("id", ""))
        if part is None or part not in archive.NameToInfo:
            continue  # a chart sheet or a dangling reference: no cells to read
        sheet = Sheet(attrib.get("name", part))
        sheet_target = _SheetTarget(sheet, strings, budget)
        _parse(_read(archive, part), sheet_target, part)
        _resolve_shared(sheet_target)
        sheets.append(sheet)
    return Workbook(sheets, styles.formats, styles.xf_formats, date1904)


def _resolve_shared(target: _SheetTarget) -> None:
    """Give the cells of a shared formula their own formula text."""
    if not target.pending_shared:
        return
    from openpyxl.formula.translate import Translator, TranslatorError

    sheet = target.sheet
    for row, column, share in target.pending_shared:
        master = target.shared.get(share)
        cell = sheet.cells[row, column]
        if master is None:
            continue
        text, m_row, m_col = master
        try:
            formula = Translator("=" + text, coordinate(m_row, m_col)).translate_formula(
                coordinate(row, column)
            )
        except (TranslatorError, ValueError):  # pragma: no cover - defensive
            continue
        sheet.cells[row, column] = cell._replace(formula=formula[1:])


# ---------------------------------------------------------------------------
# Evaluating the simple formulas a fill-in workbook holds

_TOKEN = re.compile(
    r"\s*(?:(?P<str>\"(?:[^\"]|\"\")*\")|(?P<range>\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)"
    r"(?![\w(!])|(?P<num>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(?P<name>[A-Za-z_][\w.]*)\s*\(|"
    r"(?P<op><=|>=|<>|[-+*(),=<>]))"
)


class _UnsupportedError(Exception):
    pass


Number = int | Decimal
Scalar = Number | str | None


def evaluate(sheet: Sheet, row: int, column: int, value_of: Callable[[Cell], Scalar]) -> Scalar:
    """Evaluate the formula of a cell that has no cached value.

    Supported: numbers, strings, references and ranges on the same sheet, ``+ - *``,
    comparisons, and the functions ``SUM``, ``COUNT`` and ``IF`` (what the fill-in template
    and ordinary hand-made totals use). Referenced formula cells are evaluated in turn.

    Args:
        sheet: the sheet of the cell.
        row: the cell's row.
        column: the cell's column.
        value_of: turns a cached cell value into a number, a string or ``None``.

    Raises:
        ExcelError: the formula uses anything else, refers to itself, or nests too deep.
    """
    return _Evaluator(sheet, value_of).cell(row, column)


class _Evaluator:
    def __init__(self, sheet: Sheet, value_of: Callable[[Cell], Scalar]) -> None:
        self.sheet = sheet
        self.value_of = value_of
        self.active: set[tuple[int, int]] = set()
        self.done: dict[tuple[int, int], Scalar] = {}

    def cell(self, row: int, column: int) -> Scalar:
        key = (row, column)
        if key in self.done:
            return self.done[key]
        cell = self.sheet.cells.get(key)
        if cell is None:
            return None
        if cell.formula is None or cell.cached:
            return self.value_of(cell)
        where = f"{self.sheet.name}!{coordinate(row, column)}"
        if key in self.active or len(self.active) > 200:
            raise ExcelError(f"{where}: the formula refers to itself or nests too deep")
        self.active.add(key)
        try:
            tokens = self._tokens(cell.formula)
            result = self._expr(tokens, 0)
            if tokens:
                raise _UnsupportedError
        except (_UnsupportedError, IndexError, InvalidOperation, ArithmeticError, TypeError):
            raise ExcelError(
                f"{where}: the formula ={cell.formula} has no saved value and is not a plain "
                "SUM; open and save the workbook in a spreadsheet program first"
            ) from None
        finally:
            self.active.discard(key)
        self.done[key] = result
        return result

    @staticmethod
    def _tokens(formula: str) -> list[tuple[str, str]]:
        tokens = []
        pos = 0
        text = formula.strip()
        while pos < len(text):
            match = _TOKEN.match(text, pos)
            if match is None or match.end() == pos:
                raise _UnsupportedError
            kind = match.lastgroup or ""
            tokens.append((kind, match.group(kind)))
            pos = match.end()
        return tokens

    def _expr(self, tokens: list[tuple[str, str]], depth: int) -> Scalar:
        if depth > 50:
            raise _UnsupportedError
        left = self._sum(tokens, depth)
        while tokens and tokens[0] in (
            ("op", "="),
            ("op", "<"),
            ("op", ">"),
            ("op", "<="),
            ("op", ">="),
            ("op", "<>"),
        ):
            op = tokens.pop(0)[1]
            right = self._sum(tokens, depth)
            a, b = _num(left), _num(right)
            result = {
                "=": a == b,
                "<": a < b,
                ">": a > b,
                "<=": a <= b,
                ">=": a >= b,
                "<>": a != b,
            }[op]
            left = 1 if result else 0
        return left

    def _sum(self, tokens: list[tuple[str, str]], depth: int) -> Scalar:
        left = self._term(tokens, depth)
        while tokens and tokens[0] in (("op", "+"), ("op", "-")):
            op = tokens.pop(0)[1]
            right = self._term(tokens, depth)
            left = _num(left) + _num(right) if op == "+" else _num(left) - _num(right)
        return left

    def _term(self, tokens: list[tuple[str, str]], depth: int) -> Scalar:
        left = self._atom(tokens, depth)
        while tokens and tokens[0] == ("op", "*"):
            tokens.pop(0)
            left = _num(left) * _num(self._atom(tokens, depth))
        return left

    def _atom(self, tokens: list[tuple[str, str]], depth: int) -> Scalar:
        kind, text = tokens.pop(0)
        if kind == "num":
            return int(text) if text.isdigit() else Decimal(text)
        if kind == "str":
            return text[1:-1].replace('""', '"')
        if kind == "op" and text == "-":
            return -_num(self._atom(tokens, depth))
        if kind == "op" and text == "(":
            value = self._expr(tokens, depth + 1)
            self._expect(tokens, ")")
            return value
        if kind == "range" and ":" not in text:
            position = parse_ref(text)
            if position is None:
                raise _UnsupportedError
            return self.cell(*position)
        if kind == "name":
            return self._call(text.upper(), tokens, depth)
        raise _UnsupportedError

    @staticmethod
    def _expect(tokens: list[tuple[str, str]], op: str) -> None:
        if tokens.pop(0) != ("op", op):
            raise _UnsupportedError

    def _args(self, tokens: list[tuple[str, str]], depth: int) -> list[list[Scalar]]:
        args: list[list[Scalar]] = []
        if tokens and tokens[0] == ("op", ")"):
            tokens.pop(0)
            return args
        while True:
            if tokens and tokens[0][0] == "range" and ":" in tokens[0][1]:
                args.append(list(self._range(tokens.pop(0)[1])))
            else:
                args.append([self._expr(tokens, depth + 1)])
            _kind, text = tokens.pop(0)
            if text == ")":
                return args
            if text != ",":
                raise _UnsupportedError

    def _range(self, text: str) -> Iterator[Scalar]:
        first, _, last = text.partition(":")
        a, b = parse_ref(first), parse_ref(last)
        if a is None or b is None:
            raise _UnsupportedError
        top, bottom = sorted((a[0], b[0]))
        left, right = sorted((a[1], b[1]))
        for r, c in sorted(self.sheet.cells):
            if top <= r <= bottom and left <= c <= right:
                yield self.cell(r, c)

    def _call(self, name: str, tokens: list[tuple[str, str]], depth: int) -> Scalar:
        if name == "IF":
            args = self._args(tokens, depth)
            if len(args) not in (2, 3) or any(len(a) != 1 for a in args):
                raise _UnsupportedError
            condition = args[0][0]
            truth = False if condition in (None, "") else _num(condition) != 0
            if truth:
                return args[1][0]
            return args[2][0] if len(args) == 3 else 0
        if name in ("SUM", "COUNT"):
            values = [v for arg in self._args(tokens, depth) for v in arg]
            numbers = [
                v for v in values if isinstance(v, (int, Decimal)) and not isinstance(v, bool)
            ]
            if name == "COUNT":
                return len(numbers)
            total: Number = 0
            for v in numbers:
                total += v
            return total
        raise _UnsupportedError


def _num(value: Scalar) -> Number:
    if value is None:
        return 0
    if isinstance(value, str):
        if value == "":
            return 0
        raise _UnsupportedError
    return value


def read_path(path: Path, limits: ExcelLimits) -> Workbook:
    """Read a workbook file through the checks of :func:`open_workbook`.

    Raises:
        ExcelError: as :func:`open_workbook`, or the file cannot be read.
    """
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise ExcelError(
                f"the file is {size:,} bytes, more than the limit of "
                f"{limits.max_file_bytes:,} bytes (max_file_bytes)"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ExcelError(f"cannot read the file: {exc.strerror}") from None
    return open_workbook(data, limits)
