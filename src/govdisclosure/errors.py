"""Every exception govdisclosure raises, public (``govdisclosure.errors``; each also as ``gd.X``).

Every error the library raises on bad input derives from :class:`GovDisclosureError`.
Where the cause is a bad value the subclass also derives from :class:`ValueError`, so
callers that already catch ``ValueError`` keep working (python-stdnum's habit).

Errors carry data, and their text is made from it at the edge (the cattrs habit): an
error knows the file it is about (:attr:`GovDisclosureError.file`), and the subclasses
know where in it (a sheet and cell, a JSON path, a line) and the value found there. A
reader that learns the file name only later sets :attr:`~GovDisclosureError.file` on the
error as it passes by, instead of rewriting the message.

Every error says what is wrong in English (:attr:`~GovDisclosureError.detail`) and in
Chinese (:attr:`~GovDisclosureError.detail_zh`), for the clerk who reads it. ``str(error)``
and :attr:`~GovDisclosureError.message_en` are the English message,
:attr:`~GovDisclosureError.message_zh` the Chinese one; both start with the file and the
place (:meth:`~GovDisclosureError.where`, :meth:`~GovDisclosureError.where_zh`). The
command line prints the Chinese message, the English one with ``--lang en``.

>>> from govdisclosure.errors import ExcelError
>>> error = ExcelError(
...     "is not a number", sheet="表三", cell="D7", value="十二", detail_zh="不是数字"
... )
>>> str(error)
'表三!D7: "十二" is not a number'
>>> error.message_zh
'表三!D7“十二”不是数字'
>>> error.file = "report.xlsx"
>>> str(error)
'report.xlsx: 表三!D7: "十二" is not a number'
>>> error.message_zh
'report.xlsx：表三!D7“十二”不是数字'
>>> (error.sheet, error.cell, error.value, error.detail, error.detail_zh)
('表三', 'D7', '十二', 'is not a number', '不是数字')
>>> str(ExcelError("is not a whole number", sheet="表三", cell="D7", value=2.5))
'表三!D7: 2.5 is not a whole number'

A reader that finds several bad cells says them all in one error, each with its address;
each cell's own error is in :attr:`ExcelError.problems`:

>>> bad = [
...     ExcelError("is not a number", sheet="表三", cell=c, value=v, detail_zh="不是数字")
...     for c, v in (("D5", "三"), ("E5", "3件"))
... ]
>>> error = ExcelError.of_cells(bad)
>>> print(error.message_zh)
2 个单元格无法读取，请改正后再读取：表三!D5“三”不是数字；表三!E5“3件”不是数字
>>> for part in error.what().split("; "):
...     print(part)
2 cells cannot be read
correct them and read again: 表三!D5: "三" is not a number
表三!E5: "3件" is not a number
>>> [p.cell for p in error.problems]
['D5', 'E5']
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

__all__ = [
    "AggregateError",
    "Bilingual",
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


class Bilingual(str):
    """A message in English, the string itself, that also says it in Chinese.

    What a reader notes (an Excel read warning) or doubts travels as one of these: code that
    wants a ``str`` gets the English text; a clerk is shown :attr:`message_zh`.

    >>> note = Bilingual('"/" read as blank', "“/”读作空白").at("表三!D7")
    >>> (note, note.message_zh)
    ('表三!D7: "/" read as blank', '表三!D7：“/”读作空白')

    Attributes:
        message_zh: the same message in Chinese.
    """

    message_zh: str

    def __new__(cls, message: str, message_zh: str) -> Bilingual:
        """The English ``message``, with ``message_zh``."""
        text = super().__new__(cls, message)
        text.message_zh = message_zh
        return text

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        # Pickled (to and from worker processes) with both texts.
        return (str(self), self.message_zh)

    @property
    def message_en(self) -> str:
        """The English message, as a plain ``str``."""
        return str(self)

    def at(self, where: str) -> Bilingual:
        """The message after a place: ``表三!D7: …``, ``表三!D7：…``."""
        return Bilingual(f"{where}: {self}", f"{where}：{self.message_zh}")


#: The system's reasons a file cannot be read or written, in Chinese, by ``errno``.
_OS_REASONS_ZH = {
    errno.ENOENT: "文件不存在",
    errno.EACCES: "没有访问权限",
    errno.EPERM: "没有访问权限",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "文件系统是只读的",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EIO: "读写出错",
    errno.EMFILE: "打开的文件过多",
    errno.ENFILE: "打开的文件过多",
    errno.ELOOP: "符号链接循环",
    errno.EBUSY: "文件正被占用",
    errno.EEXIST: "文件已存在",
    errno.EINVAL: "文件名或参数无效",
}


_E = TypeVar("_E", bound="GovDisclosureError")


class GovDisclosureError(Exception):
    """The root of every error raised by govdisclosure.

    Args:
        message: what is wrong, in English (the class's default message when ``None``).
        file: the file the error is about, when known.
        detail_zh: what is wrong, in Chinese (the class's default when neither it nor
            ``message`` is given).

    Attributes:
        detail: what is wrong, in English, without the place (the subclasses add the place).
        detail_zh: what is wrong, in Chinese, without the place; ``None`` when the raiser
            gave none (:meth:`what_zh` then falls back to the English detail).
        file: the file the error is about, when known; the message starts with it.

    >>> error = GovDisclosureError(
    ...     "cannot write the file: it is a folder",
    ...     file="out",
    ...     detail_zh="无法写入文件：这是一个文件夹",
    ... )
    >>> (error.message_en, error.message_zh)
    ('out: cannot write the file: it is a folder', 'out：无法写入文件：这是一个文件夹')
    >>> GovDisclosureError().message_zh
    'govdisclosure 无法完成此操作'
    """

    default_message = "govdisclosure could not complete the operation"
    default_message_zh = "govdisclosure 无法完成此操作"

    def __init__(
        self, message: str | None = None, *, file: str | None = None, detail_zh: str | None = None
    ) -> None:
        self.detail = message or self.default_message
        self.detail_zh = detail_zh or (None if message else self.default_message_zh)
        self.file = file
        super().__init__(self.detail)

    @classmethod
    def of_os_error(
        cls: type[_E], exc: OSError, doing: str, doing_zh: str, *, file: str | None = None
    ) -> _E:
        """The error of a failed read or write, the system's reason said in both languages.

        >>> import errno
        >>> error = GovDisclosureError.of_os_error(
        ...     FileNotFoundError(errno.ENOENT, "No such file or directory"),
        ...     "cannot read the file",
        ...     "无法读取文件",
        ...     file="a.json",
        ... )
        >>> str(error)
        'a.json: cannot read the file: No such file or directory'
        >>> error.message_zh
        'a.json：无法读取文件：文件不存在'
        """
        reason = exc.strerror or str(exc)
        reason_zh = _OS_REASONS_ZH.get(exc.errno or 0, f"系统报告：{reason}")
        return cls(f"{doing}: {reason}", file=file, detail_zh=f"{doing_zh}：{reason_zh}")

    def where(self) -> str:
        """The place inside the file that the error is about ("" when none is known)."""
        return ""

    def where_zh(self) -> str:
        """The place as the Chinese message gives it (``第 3 行``; a cell or a JSON path as is)."""
        return self.where()

    @property
    def message(self) -> str:
        """The human-readable message, the same as ``str(error)`` (English)."""
        return str(self)

    @property
    def message_en(self) -> str:
        """The message in English, the same as ``str(error)``: file, place and what is wrong."""
        return str(self)

    @property
    def message_zh(self) -> str:
        """The message in Chinese: file, place and what is wrong, as ``str(error)`` in English."""
        return "：".join(part for part in (self.file, self._placed_zh()) if part)

    def what(self) -> str:
        """What is wrong, as the message says it (the detail, with the value where known)."""
        return self.detail

    def what_zh(self) -> str:
        """What is wrong in Chinese (the English detail where no Chinese one was given)."""
        return self.detail_zh or self.detail

    def _placed_zh(self) -> str:
        """The place and what is wrong there, in Chinese."""
        where = self.where_zh()
        return f"{where}：{self.what_zh()}" if where else self.what_zh()

    def __str__(self) -> str:
        parts = [part for part in (self.file, self.where()) if part]
        return ": ".join([*parts, self.what()])


class InvalidReportError(GovDisclosureError, ValueError):
    """A report object was built from values that do not fit the format."""

    default_message = "the report does not fit the national format"
    default_message_zh = "报告不符合全国统一格式"


class ReportDataError(GovDisclosureError, ValueError):
    """Serialized report data (JSON, a dict) is malformed.

    Attributes:
        problems: the problems found, each as ``"$.json.path: what is wrong"`` (the first
            200; the message gives the full count).
        problems_zh: the same problems in Chinese, ``"$.json.path：错在哪里"``.
    """

    default_message = "the report data is malformed"
    default_message_zh = "报告数据格式不正确"

    def __init__(
        self,
        message: str | None = None,
        problems: Sequence[str] = (),
        *,
        file: str | None = None,
        detail_zh: str | None = None,
        problems_zh: Sequence[str] = (),
    ) -> None:
        super().__init__(message, file=file, detail_zh=detail_zh)
        self.problems = tuple(problems)
        self.problems_zh = tuple(problems_zh)


class UnknownPathError(GovDisclosureError, LookupError):
    """A cell path that the format does not define.

    Args:
        path: the path asked for.
        suggestion: the nearest valid path, or ``None``.
        detail: more about the path, in English (``" in the 2019 format"``).
        detail_zh: the same in Chinese (``"（2019 年格式）"``).

    Attributes:
        path: the path asked for.
        suggestion: the nearest valid path, or ``None``.

    >>> error = UnknownPathError(
    ...     "applications.new_recieved.total", "applications.new_received.total"
    ... )
    >>> print(error.message_zh)
    没有单元格路径 'applications.new_recieved.total'；是否应为 'applications.new_received.total'？
    """

    default_message = "unknown cell path"
    default_message_zh = "没有这个单元格路径"

    def __init__(
        self, path: str, suggestion: str | None = None, detail: str = "", detail_zh: str = ""
    ) -> None:
        hint = f"; did you mean {suggestion!r}?" if suggestion else ""
        hint_zh = f"；是否应为 {suggestion!r}？" if suggestion else ""
        super().__init__(
            f"unknown cell path {path!r}{detail}{hint}",
            detail_zh=f"没有单元格路径 {path!r}{detail_zh}{hint_zh}",
        )
        self.path = path
        self.suggestion = suggestion

    def __str__(self) -> str:
        # LookupError's str() would quote the message; show it as every other error does.
        return GovDisclosureError.__str__(self)


class UnsupportedFormatError(GovDisclosureError, ValueError):
    """A file suffix or document kind that the library cannot read or write."""

    default_message = "unsupported file format"
    default_message_zh = "不支持的文件格式"


class UnknownExampleError(GovDisclosureError, LookupError):
    """A bundled sample report that does not exist."""

    default_message = "no such example"
    default_message_zh = "没有这个示例报告"

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
    """

    default_message = "the workbook cannot be read"
    default_message_zh = "工作簿无法读取"

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
        super().__init__(message, file=file, detail_zh=detail_zh)
        self.sheet = sheet
        self.cell = cell
        self.value = value
        self.part = part
        self._problems = tuple(problems)

    @classmethod
    def of_cells(cls, problems: Sequence[ExcelError]) -> ExcelError:
        """One error for the bad cells of a workbook: the error itself when there is one.

        Several make an error whose message lists them all, each with its address and
        value, and whose :attr:`sheet`, :attr:`cell` and :attr:`value` are the first one's.

        Raises:
            ValueError: ``problems`` is empty.
        """
        if not problems:
            raise ValueError("of_cells needs at least one problem")
        if len(problems) == 1:
            return problems[0]
        first = problems[0]
        return cls(
            f"{len(problems)} cells cannot be read",
            sheet=first.sheet,
            cell=first.cell,
            value=first.value,
            detail_zh=f"{len(problems)} 个单元格无法读取",
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
        ``2.5 is not a whole number``. For several cells, each with its address.
        """
        if self._problems:
            shown = "; ".join(
                ": ".join(p for p in (e.where(), e.what()) if p)
                for e in self._problems[: self.SHOWN]
            )
            more = len(self._problems) - self.SHOWN
            rest = f"; and {more} more cells" if more > 0 else ""
            return f"{self.detail}; correct them and read again: {shown}{rest}"
        if self.value is None:
            return self.detail
        return _shown_value(self.value, '"', '"') + " " + self.detail

    def what_zh(self) -> str:
        """The value and the detail in Chinese: ``“十二”不是数字``.

        Falls back to the English detail where no Chinese one is known. For several cells,
        each with its address: ``表三!D5“三”不是数字；…``.
        """
        if self._problems:
            shown = "；".join(p._placed_zh() for p in self._problems[: self.SHOWN])
            more = len(self._problems) - self.SHOWN
            rest = f"；另有 {more} 个单元格" if more > 0 else ""
            return f"{self.detail_zh or self.detail}，请改正后再读取：{shown}{rest}"
        body = self.detail_zh or self.detail
        if self.value is None:
            return body
        value = _shown_value(self.value, "“", "”")
        return value + body if value.startswith("“") else f"{value} {body}"

    def _placed_zh(self) -> str:
        """``表三!D7“十二”不是数字``: the address, then the value and what is wrong."""
        where, body = self.where_zh(), self.what_zh()
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
    default_message_zh = "输入的内容不是政府信息公开工作年度报告"
    doubts: tuple[object, ...] = ()


class ChineseNumberError(GovDisclosureError, ValueError):
    """A number, amount or date that cannot be written or read as Chinese text."""

    default_message = "the value cannot be written or read as a Chinese number or date"
    default_message_zh = "该值无法写成或读作中文数字、金额或日期"


class PreviousReportError(GovDisclosureError, ValueError):
    """The ``previous`` report given to ``validate`` is not last year's of the agency."""

    default_message = "the previous report is not the agency's report for the year before"
    default_message_zh = "所给的上一年度报告不是本机关上一年度的报告"


class ReportMismatchError(GovDisclosureError, ValueError):
    """A report shown with a validation result is not the report that was validated."""

    default_message = "the report is not the one the validation result is about"
    default_message_zh = "该报告不是这份校验结果所校验的报告"


class AggregateError(GovDisclosureError, ValueError):
    """Reports that cannot be added up: none given, or of different years or formats."""

    default_message = "the reports cannot be added up"
    default_message_zh = "这些报告无法汇总相加"


class RosterError(GovDisclosureError, ValueError):
    """A roster of the units an office expects reports from that cannot be used.

    The office staff who keep the roster read :attr:`message_zh`; it names the row.

    Attributes:
        line: the row of the roster the error is about (1 for the first), when known.

    >>> error = RosterError(
    ...     "the level must be 部门 or 政府", line=7, detail_zh="层级应为 部门 或 政府"
    ... )
    >>> error.file = "名单.csv"
    >>> (str(error), error.message_zh)
    ('名单.csv: line 7: the level must be 部门 or 政府', '名单.csv：第 7 行：层级应为 部门 或 政府')
    """

    default_message = "the roster cannot be used"
    default_message_zh = "名单无法使用"

    def __init__(
        self,
        message: str | None = None,
        *,
        line: int | None = None,
        file: str | None = None,
        detail_zh: str | None = None,
    ) -> None:
        super().__init__(message, file=file, detail_zh=detail_zh)
        self.line = line

    def where(self) -> str:
        """``line 7``, or "" when the error is not about one row."""
        return "" if self.line is None else f"line {self.line}"

    def where_zh(self) -> str:
        """``第 7 行``, or ""."""
        return "" if self.line is None else f"第 {self.line} 行"
