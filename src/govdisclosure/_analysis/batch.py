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
from typing import Any

import attrs

from govdisclosure._model.report import AnnualReport
from govdisclosure._validation.engine import validate
from govdisclosure._validation.result import ValidationResult
from govdisclosure.errors import GovDisclosureError

__all__ = [
    "FileOutcome",
    "capped_jobs",
    "check_file",
    "check_files",
    "find_report_files",
    "run_summary",
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
    except GovDisclosureError as exc:
        return FileOutcome(path=name, error=str(exc))
    except (OSError, MemoryError, RecursionError) as exc:  # pragma: no cover - defensive
        return FileOutcome(path=name, error=f"{name}: {type(exc).__name__}: {exc}")
    return FileOutcome(path=name, report=report, result=validate(report))


def summarize_file(path: str | os.PathLike[str]) -> tuple[str, Any, str | None, bool]:
    """:func:`check_file` reduced to what the summary workbook needs.

    Returns ``(path, entry, error, ok)``: a plain-data ``SummaryEntry`` of the report and
    its findings (cheap to send back from a worker process), or ``None`` and the reason the
    file could not be read.
    """
    from govdisclosure._io.excel.summary import summary_entry

    outcome = check_file(path)
    if outcome.report is None or outcome.result is None:
        return outcome.path, None, outcome.error or "unreadable", False
    return outcome.path, summary_entry(outcome.report, outcome.result), None, outcome.ok


def _mapped(
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

    Folders are searched, however deep, for the suffixes :func:`govdisclosure.load` reads;
    files named directly are kept whatever their suffix (so a bad one is reported, not
    skipped). Hidden files and folders are skipped, and so are links to folders (they can
    loop); links to files are kept.

    Args:
        paths: files and folders.
        unreadable: when given, each folder that cannot be listed is added to it as
            ``(folder, reason)`` and the search goes on; otherwise such a folder raises.

    Raises:
        GovDisclosureError: a path that does not exist, or (without ``unreadable``) a
            folder that cannot be listed.
    """
    from govdisclosure._io.files import readable_suffixes

    suffixes = frozenset(readable_suffixes())
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(sorted(_files_under(path, suffixes, unreadable)))
        elif path.exists():
            found.append(path)
        else:
            raise GovDisclosureError(f"{path}: no such file or folder")
    return found


def _files_under(
    root: Path, suffixes: frozenset[str], unreadable: list[tuple[str, str]] | None
) -> list[Path]:
    """The report files under ``root``, found with a stack of folders, not recursion.

    A folder tree thousands of levels deep would exhaust Python's recursion limit.
    """
    files: list[Path] = []
    folders = [os.fspath(root)]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as exc:
            reason = f"{folder}: cannot read the folder: {exc.strerror or exc}"
            if unreadable is None:
                raise GovDisclosureError(
                    f"cannot read the folder: {exc.strerror or exc}", file=folder
                ) from None
            unreadable.append((folder, reason))
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                elif entry.is_file() and os.path.splitext(entry.name)[1].lower() in suffixes:
                    files.append(Path(entry.path))
            except OSError:  # pragma: no cover - an entry gone or unreadable while listed
                continue
    return files


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
    yield from _mapped(check_file, names, jobs, progress)


class _Progress:
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


def run_summary(
    paths: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    jobs: int = 1,
    quiet: bool = False,
) -> int:
    """Check every report under ``paths`` and write the summary workbook (the CLI command).

    ``jobs`` above the number of processors is capped, with a note on stderr.

    Returns:
        The exit status: 0 when every file was read and no report has an error, 1 otherwise.

    Raises:
        GovDisclosureError: ``output`` cannot be written (checked before any file is read),
            or a path does not exist.
    """
    from govdisclosure._io.atomic import atomic_write, check_writable
    from govdisclosure._io.excel.summary import summary_entries_bytes

    # Fail before reading thousands of files, not after.
    check_writable(Path(output))
    usable = capped_jobs(jobs)
    if usable < jobs:
        print(f"note: --jobs {jobs} capped at {usable}, the number of processors", file=sys.stderr)
        jobs = usable
    failures: list[tuple[str, str]] = []
    files = [os.fspath(p) for p in find_report_files(paths, unreadable=failures)]
    bad_folders = len(failures)
    entries = []
    with_errors = 0
    progress = _Progress(len(files), quiet=quiet)
    # The workers send back plain summary rows, not report objects: the parent's share of
    # the work stays small, so more processes make the command faster.
    for name, entry, error, ok in _mapped(summarize_file, files, jobs, progress):
        if entry is None:
            failures.append((name, error or "unreadable"))
        else:
            entries.append(entry)
            with_errors += not ok
    atomic_write(Path(output), summary_entries_bytes(entries, failures))
    folders = f"、{bad_folders} 个文件夹" if bad_folders else ""
    print(
        f"{len(files)} 个文件：读取 {len(entries)} 份报告，其中 {with_errors} 份有错误；"
        f"{len(failures) - bad_folders} 个文件{folders}无法读取。汇总已写入 {os.fspath(output)}"
    )
    return 1 if with_errors or failures else 0
