"""Every exception govdisclosure raises, public (``govdisclosure.errors``; each also as ``gd.X``).

Every error the library raises on bad input derives from :class:`GovDisclosureError`.
Where the cause is a bad value the subclass also derives from :class:`ValueError`, so
callers that already catch ``ValueError`` keep working (python-stdnum's habit).

Errors carry data, and their text is made from it at the edge (the cattrs habit): an
error knows the file it is about (:attr:`GovDisclosureError.file`), and the subclasses
know where in it (a sheet and cell, a JSON path, a line) and the value found there. A
reader that learns the file name only later sets :attr:`~GovDisclosureError.file` on the
error as it passes by, instead of rewriting the message.

>>> from govdisclosure.errors import ExcelError
>>> error = ExcelError("is not a number", sheet="表三", cell="D7", value="十二")
>>> str(error)
'表三!D7: "十二" is not a number'
>>> error.file = "report.xlsx"
>>> str(error)
'report.xlsx: 表三!D7: "十二" is not a number'
>>> (error.sheet, error.cell, error.value, error.detail)
('表三', 'D7', '十二', 'is not a number')
>>> str(ExcelError("is not a whole number", sheet="表三", cell="D7", value=2.5))
'表三!D7: 2.5 is not a whole number'
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

__all__ = [
    "AggregateError",
    "ChineseNumberError",
    "ExcelError",
    "GovDisclosureError",
    "InvalidReportError",
    "ParseError",
    "PreviousReportError",
    "ReportDataError",
    "ReportMismatchError",
    "RosterError",
    "UnknownExampleError",
    "UnknownPathError",
    "UnsupportedFormatError",
]


class GovDisclosureError(Exception):
    """The root of every error raised by govdisclosure.

    Attributes:
        detail: what is wrong, without the place (the subclasses add the place).
        file: the file the error is about, when known; the message starts with it.
    """

    default_message = "govdisclosure could not complete the operation"

    def __init__(self, message: str | None = None, *, file: str | None = None) -> None:
        self.detail = message or self.default_message
        self.file = file
        super().__init__(self.detail)

    def where(self) -> str:
        """The place inside the file that the error is about ("" when none is known)."""
        return ""

    @property
    def message(self) -> str:
        """The human-readable message, the same as ``str(error)``."""
        return str(self)

    def what(self) -> str:
        """What is wrong, as the message says it (the detail, with the value where known)."""
        return self.detail

    def __str__(self) -> str:
        parts = [part for part in (self.file, self.where()) if part]
        return ": ".join([*parts, self.what()])


class InvalidReportError(GovDisclosureError, ValueError):
    """A report object was built from values that do not fit the format."""

    default_message = "the report does not fit the national format"


class ReportDataError(GovDisclosureError, ValueError):
    """Serialized report data (JSON, a dict) is malformed.

    Attributes:
        problems: the problems found, each as ``"$.json.path: what is wrong"`` (the first
            200; the message gives the full count).
    """

    default_message = "the report data is malformed"

    def __init__(
        self,
        message: str | None = None,
        problems: Sequence[str] = (),
        *,
        file: str | None = None,
    ) -> None:
        super().__init__(message, file=file)
        self.problems = tuple(problems)


class UnknownPathError(GovDisclosureError, LookupError):
    """A cell path that the format does not define.

    Attributes:
        path: the path asked for.
        suggestion: the nearest valid path, or ``None``.
    """

    default_message = "unknown cell path"

    def __init__(self, path: str, suggestion: str | None = None, detail: str = "") -> None:
        hint = f"; did you mean {suggestion!r}?" if suggestion else ""
        super().__init__(f"unknown cell path {path!r}{detail}{hint}")
        self.path = path
        self.suggestion = suggestion

    def __str__(self) -> str:
        # LookupError's str() would quote the message; show it as every other error does.
        return GovDisclosureError.__str__(self)


class UnsupportedFormatError(GovDisclosureError, ValueError):
    """A file suffix or document kind that the library cannot read or write."""

    default_message = "unsupported file format"


class UnknownExampleError(GovDisclosureError, LookupError):
    """A bundled sample report that does not exist."""

    default_message = "no such example"

    def __str__(self) -> str:
        return GovDisclosureError.__str__(self)


class ExcelError(GovDisclosureError, ValueError):
    """A workbook that cannot be read.

    Not an .xlsx, too large, malformed, or a cell that does not hold what the official
    table needs there.

    Attributes:
        sheet: the sheet, when the error is about one.
        cell: the cell address on that sheet (``D7``), when the error is about one cell.
        value: the value found there, when it matters.
        part: the archive part (``xl/worksheets/sheet1.xml``), for a damaged file.
    """

    default_message = "the workbook cannot be read"

    def __init__(
        self,
        message: str | None = None,
        *,
        sheet: str | None = None,
        cell: str | None = None,
        value: object = None,
        part: str | None = None,
        file: str | None = None,
    ) -> None:
        super().__init__(message, file=file)
        self.sheet = sheet
        self.cell = cell
        self.value = value
        self.part = part

    def where(self) -> str:
        """``表三!D7``, ``表三``, the part's name, or ""."""
        if self.sheet is not None and self.cell is not None:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or self.part or ""

    def what(self) -> str:
        """The detail, after the value found when there is one.

        A value read as text is quoted, a number is not: ``"十二" is not a number``,
        ``2.5 is not a whole number``.
        """
        if self.value is None:
            return self.detail
        if isinstance(self.value, (int, float, Decimal)) and not isinstance(self.value, bool):
            return f"{self.value} {self.detail}"
        return f'"{self.value}" {self.detail}'


class ParseError(GovDisclosureError, ValueError):
    """The input holds no annual report that can be read (the message says why).

    Attributes:
        doubts: when :func:`govdisclosure.load` refused a report read with doubts, the
            parse warnings behind the refusal (``ParseWarning``); otherwise empty.
    """

    default_message = "the input is not a government information disclosure annual report"
    doubts: tuple[object, ...] = ()


class ChineseNumberError(GovDisclosureError, ValueError):
    """A number, amount or date that cannot be written or read as Chinese text."""

    default_message = "the value cannot be written or read as a Chinese number or date"


class PreviousReportError(GovDisclosureError, ValueError):
    """The ``previous`` report given to ``validate`` is not last year's of the agency."""

    default_message = "the previous report is not the agency's report for the year before"


class ReportMismatchError(GovDisclosureError, ValueError):
    """A report shown with a validation result is not the report that was validated."""

    default_message = "the report is not the one the validation result is about"


class AggregateError(GovDisclosureError, ValueError):
    """Reports that cannot be added up: none given, or of different years or formats."""

    default_message = "the reports cannot be added up"


class RosterError(GovDisclosureError, ValueError):
    """A roster of the units an office expects reports from that cannot be used.

    The message is in Chinese, for the office staff who keep the roster, and names the row.
    """

    default_message = "名单无法使用"
