"""Many files at once: read and validate every report under some paths.

The work for one file is :func:`check_file`, a plain function of one path, so the same work
maps onto a process pool here and onto any other engine (Dask, Ray, a cluster's job array)
for corpora larger than one machine.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import attrs

from govdisclosure._analysis.items import NOT_DOUBTS
from govdisclosure._analysis.reading import error_message, walk
from govdisclosure._format.vocabulary import refused_file
from govdisclosure._io.files import readable_suffixes
from govdisclosure._model.report import AnnualReport
from govdisclosure._validation.engine import validate
from govdisclosure._validation.result import ValidationResult
from govdisclosure.errors import (
    Bilingual,
    ExcelError,
    GovDisclosureError,
    InvalidReportError,
    ParseError,
    ReportDataError,
    UnsupportedFormatError,
)

__all__ = [
    "FileOutcome",
    "Progress",
    "Summarized",
    "capped_jobs",
    "check_file",
    "check_files",
    "failure_reason",
    "find_report_files",
    "mapped",
    "summarize_file",
]


@attrs.frozen(kw_only=True)
class FileOutcome:
    """What came of one file.

    Attributes:
        path: the file.
        report: the report read, or ``None`` when the file could not be read.
        result: its validation result, or ``None`` when the file could not be read.
        error: why the file could not be read, or ``None``.
    """

    path: str
    report: AnnualReport | None = None
    result: ValidationResult | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """``True`` when the file was read and its report has no error."""
        return self.result is not None and self.result.ok


def check_file(path: str | os.PathLike[str]) -> FileOutcome:
    """Read one report file and validate it; never raises for a bad file.

    Args:
        path: a report file of any kind :func:`govdisclosure.load` reads.

    Returns:
        The report and its validation result, or the reason the file could not be read.

    >>> import govdisclosure as gd
    >>> check_file(gd.examples.path("qijiang-psb-2023")).ok
    True
    >>> check_file("missing.json").error
    'missing.json: cannot read the file: No such file or directory'
    """
    from govdisclosure._io.files import load

    name = os.fspath(path)
    try:
        report = load(name)
        return FileOutcome(path=name, report=report, result=validate(report))
    except Exception as exc:  # one bad file never stops a batch: its error is data
        return FileOutcome(path=name, error=error_message(name, exc))


def failure_reason(exc: BaseException) -> str:
    """Why a file could not be read, in Chinese, for the office staff (without the path).

    The error's Chinese message, after a word on what kind of trouble it is.

    >>> from govdisclosure.errors import ExcelError, UnsupportedFormatError
    >>> failure_reason(UnsupportedFormatError("cannot read .doc files", file="a.doc"))
    'Word 97-2003 格式，请另存为 .docx 后重新提交'
    >>> failure_reason(
    ...     ExcelError("is not a number", sheet="表三", cell="D5", value="三", detail_zh="不是数字")
    ... )
    'Excel 文件无法读取（表三!D5“三”不是数字）'
    """
    if isinstance(exc, UnsupportedFormatError):
        advice = refused_file(exc.file or "")
        return advice or f"不支持的文件类型；可读取的类型：{' '.join(readable_suffixes())}"
    if isinstance(exc, GovDisclosureError):
        detail = exc.message_zh
        if exc.file:
            detail = detail.removeprefix(f"{exc.file}：")
        template = next(t for kinds, t in _REASONS if isinstance(exc, kinds))
        return template.format(detail)
    if isinstance(exc, OSError):
        return f"无法读取文件：{exc.strerror or exc}"
    if isinstance(exc, MemoryError):
        return "文件过大，读取时内存不足"
    return f"读取时出现程序错误（{type(exc).__name__}: {exc}），请向 govdisclosure 报告此问题"


#: How each kind of error is told to office staff, the most specific first.
_REASONS: tuple[tuple[type[Exception] | tuple[type[Exception], ...], str], ...] = (
    (ExcelError, "Excel 文件无法读取（{}）"),
    (ParseError, "未能从文件中读出年度报告（{}）"),
    ((ReportDataError, InvalidReportError), "文件内容不是有效的报告（{}）"),
    (GovDisclosureError, "无法读取（{}）"),
)


class Summarized(NamedTuple):
    """What :func:`summarize_file` sends back from a worker: plain data.

    Attributes:
        path: the file.
        entry: its summary row, ``None`` when it could not be read or was passed by.
        reason: why it could not be read, in Chinese; ``None`` when read or passed by.
    """

    path: str
    entry: Any = None
    reason: str | None = None


def summarize_file(
    path: str | os.PathLike[str],
    *,
    accept_doubts: bool = False,
    keep_report: bool = False,
    check: bool = True,
) -> Summarized:
    """Read and validate one file into its summary row; never raises, whatever the file.

    The per-file step of ``govdisclosure summary``. A published document read with doubts
    (other than blank cells) is refused with the doubts listed, unless ``accept_doubts``:
    then it is kept and each doubt becomes a warning of its row. A workbook's read notes
    are warnings too. A summary workbook (this command's output) is passed by silently.

    Args:
        path: the file.
        accept_doubts: keep reports read with doubts.
        keep_report: keep the report in the row (for the year-on-year comparison).
        check: validate the report (last year's reports, read only to compare with, are
            not checked again).

    >>> import govdisclosure as gd
    >>> done = summarize_file(gd.examples.path("qijiang-psb-2023"))
    >>> done.entry.agency, done.entry.status_word(), done.reason
    ('重庆市綦江区公安局', '通过', None)
    >>> summarize_file("报告.doc").reason
    'Word 97-2003 格式，请另存为 .docx 后重新提交'
    """
    name = os.fspath(path)
    try:
        return _summarize(name, accept_doubts=accept_doubts, keep_report=keep_report, check=check)
    except Exception as exc:  # one bad file never stops a batch: its reason is data
        if _is_summary_workbook(name):
            return Summarized(name)
        return Summarized(name, reason=failure_reason(exc))


def _summarize(name: str, *, accept_doubts: bool, keep_report: bool, check: bool) -> Summarized:
    from govdisclosure._format.vocabulary import file_kind
    from govdisclosure._io.excel.summary import summary_entry

    kind = file_kind(os.path.splitext(name)[1])
    addresses: dict[str, str] = {}
    computed: frozenset[str] = frozenset()
    extra: list[tuple[object, ...]] = []
    if kind is not None and kind.published:
        from govdisclosure._parse import parse_file

        parsed = parse_file(name)
        doubts = [w for w in parsed.warnings if w.code not in NOT_DOUBTS]
        if doubts and not accept_doubts:
            return Summarized(name, reason=_doubts_reason(doubts))
        report = parsed.report
        extra = [_doubt_row(w, report.meta.format_version) for w in doubts]
    elif kind is not None and kind.id == "xlsx":
        from govdisclosure._io.excel.read import read_excel_located

        (report, notes), (addresses, computed) = read_excel_located(name)
        extra = [_note_row(note) for note in notes]
    else:
        from govdisclosure._io.files import load

        report = load(name)
    result = validate(report, computed=computed) if check else None
    entry = summary_entry(report, result, file=name, addresses=addresses, extra=extra)
    try:
        modified = os.stat(name).st_mtime
    except OSError:  # pragma: no cover - read a moment ago
        modified = 0.0
    status = "有疑问" if any(row[0] == "READ-DOUBT" for row in extra) else None
    if status and entry.count("error"):
        status = None
    entry = entry._replace(modified=modified, status=status, report=report if keep_report else None)
    return Summarized(name, entry)


def _doubts_reason(doubts: list[Any]) -> str:
    shown = "；".join(w.message_zh for w in doubts[:3])
    more = f"等 {len(doubts)} 处" if len(doubts) > 3 else f"共 {len(doubts)} 处"
    return (
        f"读取时有疑问（{shown}，{more}），未计入汇总；"
        "如核对原文无误，可加 --accept-doubts 参数将其纳入汇总，疑问会列入问题清单"
    )


def _doubt_row(warning: Any, version: Any) -> tuple[object, ...]:
    """A doubt of the reading as a finding row of the summary (a warning), with its cell."""
    from govdisclosure._format import format_spec
    from govdisclosure._validation.locations import place_words

    spec = format_spec(version)
    place = place_words(warning.path, spec)[0] if warning.path in spec.by_path else ""
    return ("READ-DOUBT", "warning", warning.path or "", None, None, warning.message_zh,
            str(warning), place, "")  # fmt: skip


def _note_row(note: Bilingual) -> tuple[object, ...]:
    """A workbook's read note (``表三!D7: "/" read as blank``) as a finding row."""
    address, _, text = note.partition(": ")
    return ("READ-NOTE", "warning", "", None, None, f"读取提示：{note.message_zh}", str(note), "",
            address if "!" in address and text else "")  # fmt: skip


def _is_summary_workbook(name: str) -> bool:
    """Whether ``name`` is a summary workbook (this command's output), by its sheets."""
    if not name.lower().endswith(".xlsx"):
        return False
    from govdisclosure._io.excel.summary import SUMMARY_SHEET
    from govdisclosure._io.xlsx.archive import DEFAULT_LIMITS
    from govdisclosure._io.xlsx.reader import read_path

    try:
        sheets = read_path(Path(name), DEFAULT_LIMITS).sheets
        return any(sheet.name == SUMMARY_SHEET for sheet in sheets)
    except Exception:  # not a workbook at all: not a summary either
        return False


def mapped(
    function: Callable[[str], Any],
    names: list[str],
    jobs: int,
    progress: Callable[[int], None] | None,
) -> Iterator[Any]:
    """``function`` over ``names`` in order, in ``jobs`` processes, reporting progress."""
    if jobs == 1 or len(names) < 2:
        results: Iterable[Any] = map(function, names)
        for done, result in enumerate(results, start=1):
            if progress:
                progress(done)
            yield result
        return
    chunk = max(1, min(64, len(names) // (jobs * 8)))
    context = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
    with context.Pool(jobs) as pool:
        for done, result in enumerate(pool.imap(function, names, chunksize=chunk), start=1):
            if progress:
                progress(done)
            yield result


def capped_jobs(jobs: int) -> int:
    """``jobs`` checked and capped at the number of processors (more only add overhead).

    Raises:
        ValueError: ``jobs`` is less than 1.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    return min(jobs, os.cpu_count() or 1)


def find_report_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    unreadable: list[tuple[str, str]] | None = None,
) -> list[Path]:
    """Expand files and folders into the report files to read, in a stable order.

    The walk of :func:`govdisclosure._analysis.reading.walk`: folders are searched however
    deep for the suffixes :func:`govdisclosure.load` reads; files named directly are kept
    whatever their suffix (so a bad one is reported, not skipped). Hidden files, lock files
    and links to folders are skipped.

    Args:
        paths: files and folders.
        unreadable: when given, each folder that cannot be listed is added to it as
            ``(folder, reason)`` and the search goes on; otherwise such a folder raises.

    Raises:
        GovDisclosureError: a path that does not exist, or (without ``unreadable``) a
            folder that cannot be listed.
    """
    given = list(paths)
    for path in given:
        if not os.path.exists(path):
            raise GovDisclosureError(
                "no such file or folder", file=os.fspath(path), detail_zh="文件或文件夹不存在"
            )
    found = walk(given)
    if found.refused and unreadable is None:
        folder, reason = found.refused[0]
        # Only a folder that cannot be listed is refused here: its reason is Bilingual.
        zh = getattr(reason, "message_zh", reason)
        raise GovDisclosureError(str(reason), file=folder, detail_zh=zh)
    if unreadable is not None:
        unreadable.extend(found.refused)
    return [Path(name) for name in found.files]


def check_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> Iterator[FileOutcome]:
    """Check many files, in the order given, using ``jobs`` processes.

    Args:
        paths: the files.
        jobs: worker processes, at most the number of processors (more are capped);
            1 works in this process.
        progress: called with the number of files done after each file.
    """
    names = [os.fspath(p) for p in paths]
    jobs = capped_jobs(jobs)
    yield from mapped(check_file, names, jobs, progress)


class Progress:
    """Progress on stderr for long runs: a line at most every second, and at the end."""

    def __init__(self, total: int, *, quiet: bool) -> None:
        self.total = total
        self.quiet = quiet or total < 2
        self.last = time.monotonic()
        self.started = self.last

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if self.quiet or (now - self.last < 1.0 and done != self.total):
            return
        self.last = now
        rate = done / max(now - self.started, 1e-9)
        print(f"已处理 {done}/{self.total} 个文件（每秒 {rate:.0f} 个）", file=sys.stderr)
