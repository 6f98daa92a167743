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

A reader that finds several bad cells says them all in one error, in Chinese, each with its
address; each cell's own error is in :attr:`ExcelError.problems`:

>>> bad = [
...     ExcelError("is not a number", sheet="表三", cell=c, value=v, detail_zh="不是数字")
...     for c, v in (("D5", "三"), ("E5", "3件"))
... ]
>>> print(ExcelError.of_cells(bad))
2 个单元格无法读取，请改正后再读取：表三!D5“三”不是数字；表三!E5“3件”不是数字
>>> [p.cell for p in ExcelError.of_cells(bad).problems]
['D5', 'E5']
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

    Not an .xlsx, too large, malformed, or cells that do not hold what the official table
    needs there. A reader collects every such cell before it raises, so one error names
    them all (:meth:`of_cells`).

    Attributes:
        sheet: the sheet, when the error is about one (for several cells, the first's).
        cell: the cell address on that sheet (``D7``), when the error is about one cell (for
            several cells, the first's).
        value: the value found there, when it matters (for several cells, the first's).
        part: the archive part (``xl/worksheets/sheet1.xml``), for a damaged file.
        detail_zh: what is wrong with the cell in Chinese (``不是数字``), when known.
    """

    default_message = "the workbook cannot be read"

    #: The most cells :meth:`what` lists by address; :attr:`problems` holds them all.
    SHOWN = 20

    def __init__(
        self,
        message: str | None = None,
        *,
        sheet: str | None = None,
        cell: str | None = None,
        value: object = None,
        part: str | None = None,
        file: str | None = None,
        detail_zh: str | None = None,
        problems: Sequence[ExcelError] = (),
    ) -> None:
        super().__init__(message, file=file)
        self.sheet = sheet
        self.cell = cell
        self.value = value
        self.part = part
        self.detail_zh = detail_zh
        self._problems = tuple(problems)

    @classmethod
    def of_cells(cls, problems: Sequence[ExcelError]) -> ExcelError:
        """One error for the bad cells of a workbook: the error itself when there is one.

        Several make an error whose message lists them all in Chinese, each with its
        address and value, and whose :attr:`sheet`, :attr:`cell` and :attr:`value` are the
        first one's.

        Raises:
            ValueError: ``problems`` is empty.
        """
        if not problems:
            raise ValueError("of_cells needs at least one problem")
        if len(problems) == 1:
            return problems[0]
        first = problems[0]
        return cls(
            f"{len(problems)} 个单元格无法读取",
            sheet=first.sheet,
            cell=first.cell,
            value=first.value,
            problems=problems,
        )

    @property
    def problems(self) -> tuple[ExcelError, ...]:
        """Each bad cell's own error, in reading order (this error alone for one cell)."""
        return self._problems or (self,)

    def where(self) -> str:
        """``表三!D7``, ``表三``, the part's name, or "" (also for several cells)."""
        if self._problems:
            return ""
        if self.sheet is not None and self.cell is not None:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or self.part or ""

    def what(self) -> str:
        """The detail, after the value found when there is one.

        A value read as text is quoted, a number is not: ``"十二" is not a number``,
        ``2.5 is not a whole number``. For several cells, each with its address, in Chinese.
        """
        if self._problems:
            shown = "；".join(p.what_zh() for p in self._problems[: self.SHOWN])
            more = len(self._problems) - self.SHOWN
            rest = f"；另有 {more} 个单元格" if more > 0 else ""
            return f"{self.detail}，请改正后再读取：{shown}{rest}"
        if self.value is None:
            return self.detail
        return _shown_value(self.value, '"', '"') + " " + self.detail

    def what_zh(self) -> str:
        """The place, the value and the detail in Chinese: ``表三!D7“十二”不是数字``.

        Falls back to the English detail where no Chinese one is known.
        """
        body = self.detail_zh or self.detail
        if self.value is not None:
            value = _shown_value(self.value, "“", "”")
            body = value + body if value.startswith("“") else f"{value} {body}"
        where = self.where()
        if not where:
            return body
        return where + ("" if body.startswith("“") else " ") + body


def _shown_value(value: object, opening: str, closing: str) -> str:
    """A value as a message shows it: a number as it is, anything else quoted."""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return str(value)
    return f"{opening}{value}{closing}"


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
