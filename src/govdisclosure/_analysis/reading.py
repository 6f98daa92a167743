"""Reading a corpus: every report file under some folders, one result per file.

The work for one file is :func:`read_one`, a plain function of one path that never raises
for a bad file, so the same work maps onto the process pool of :func:`read_reports` and
onto any other engine (Dask, Ray, a cluster's job array).
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

import attrs

from govdisclosure._format.vocabulary import (
    FILE_KINDS,
    file_kind,
    is_skipped_file,
    refused_file,
    suffixes,
)
from govdisclosure._model.report import AnnualReport
from govdisclosure._parse.result import ParseResult
from govdisclosure.errors import Bilingual, GovDisclosureError

__all__ = [
    "Found",
    "ReadResult",
    "error_message",
    "find_files",
    "read_one",
    "read_reports",
    "walk",
]

PathLike = str | os.PathLike[str]


@attrs.frozen(kw_only=True)
class ReadResult:
    """What came of one file of :func:`read_reports`.

    A file that could not be read is a result too, with its :attr:`error`: one bad file
    never stops a corpus.

    Attributes:
        path: the file, as found under the paths given.
        kind: the kind of file (``json``, ``xlsx``, ``html``, ``text``, ``markdown``,
            ``docx``, ``pdf``), ``None`` when its suffix is none of these.
        report: the report read, ``None`` when the file could not be read. For a
            published document it is ``result.report``.
        result: the :class:`~govdisclosure.ParseResult` of a published document (its
            warnings and the source of every value); ``None`` for JSON and workbooks.
        warnings: what was not read as written, as text: the parse warnings of a published
            document, the warnings of a workbook (``表三!D7: "/" read as blank``).
        error: why the file could not be read (``str`` of the error), or ``None``.

    >>> import govdisclosure as gd
    >>> result = read_one(gd.examples.path("qijiang-psb-2023"))
    >>> result.ok, result.kind, result.report.meta.year
    (True, 'json', 2023)
    >>> read_one("notes.odt").error
    'notes.odt: cannot read .odt files (...); supported: .json .xlsx .html ... .pdf'
    """

    path: str
    kind: str | None = None
    report: AnnualReport | None = None
    result: ParseResult | None = None
    warnings: tuple[str, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        """``True`` when the file was read (it may still have warnings)."""
        return self.error is None


def error_message(name: str, exc: BaseException) -> str:
    """The message of an error met reading ``name``, naming the file once."""
    if isinstance(exc, GovDisclosureError):
        if exc.file is None:
            exc.file = name
        return str(exc)
    if isinstance(exc, OSError):
        return f"{name}: cannot read the file: {exc.strerror or exc}"
    # A reader is meant to raise only GovDisclosureError; anything else is a bug worth
    # reporting, but it must not stop the other files.
    return f"{name}: {type(exc).__name__}: {exc}"


def read_one(path: PathLike) -> ReadResult:
    """Read one report file of any kind; never raises for a bad file.

    Published documents go through :func:`govdisclosure.parse_file` (their result keeps
    every warning and the partial report); JSON through :func:`govdisclosure.load`;
    workbooks through :func:`govdisclosure.read_excel_with_warnings`.

    Args:
        path: the file.

    Returns:
        The report, or the reason the file could not be read.
    """
    name = os.fspath(path)
    kind = file_kind(Path(name).suffix)
    kind_id = kind.id if kind is not None else None
    try:
        if kind is not None and kind.published:
            from govdisclosure._parse import parse_file

            parsed = parse_file(name)
            return ReadResult(
                path=name,
                kind=kind_id,
                report=parsed.report,
                result=parsed,
                warnings=tuple(str(w) for w in parsed.warnings),
            )
        if kind is not None and kind.id == "xlsx":
            from govdisclosure._io.excel.read import read_excel_with_warnings

            report, notes = read_excel_with_warnings(name)
            return ReadResult(path=name, kind=kind_id, report=report, warnings=notes)
        from govdisclosure._io.files import load

        return ReadResult(path=name, kind=kind_id, report=load(name))
    except Exception as exc:  # errors are data here, one per file
        return ReadResult(path=name, kind=kind_id, error=error_message(name, exc))


class Found(NamedTuple):
    """What a walk over files and folders found (:func:`walk`).

    Attributes:
        files: the files to read, folders' files in sorted order, files named directly in
            the order given; each once.
        refused: ``(path, reason)`` of what cannot be read: a folder that cannot be listed
            (its reason a :class:`~govdisclosure.errors.Bilingual`, Chinese as ``message_zh``)
            and, when the walk was asked to, a file of a kind the library does not read
            (``.doc``, ``.wps``…), with the advice in Chinese.
    """

    files: list[str]
    refused: list[tuple[str, str]]


def walk(
    paths: PathLike | Iterable[PathLike],
    *,
    refuse: bool = False,
    skip: Iterable[PathLike] = (),
) -> Found:
    """Expand files and folders into the files to read: the one walk of the library.

    Folders are searched however deep (with a stack, not recursion) for the suffixes the
    library reads. Hidden files and folders, Office and WPS lock files (``~$…``) and links
    to folders (they can loop) are passed by without a word; links to files are kept. A
    folder that cannot be listed is in :attr:`Found.refused` with the reason, and the walk
    goes on. Files named directly are kept whatever their suffix, except lock files.

    Args:
        paths: files and folders (one path, or several).
        refuse: list the files in folders that look like reports but are of a kind the
            library cannot read (``.doc``, ``.wps``, ``.xls``, ``.ofd``…; see
            :data:`~govdisclosure._format.vocabulary.REFUSED_FILES`) in ``refused`` with
            advice, and so the files named directly of those kinds.
        skip: files to pass by (a command's own output).
    """
    given = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    readable = frozenset(suffixes(FILE_KINDS))
    passed = {os.path.abspath(os.fspath(p)) for p in skip}
    files: dict[str, None] = {}
    refused: list[tuple[str, str]] = []
    for item in given:
        name = os.fspath(item)
        if os.path.isdir(name):
            found, problems = _under(name, readable, refuse)
            for file in found:
                if os.path.abspath(file) not in passed:
                    files.setdefault(file)
            refused.extend(problems)
        elif _passed_by(name, passed):
            continue
        elif refuse and (advice := refused_file(os.path.basename(name))) is not None:
            refused.append((name, advice))
        else:
            files.setdefault(name)
    return Found(list(files), refused)


def _passed_by(name: str, passed: set[str]) -> bool:
    """A file named directly that the walk passes by: a lock file, or one of ``skip``."""
    base = os.path.basename(name)
    lock = is_skipped_file(base) and not base.startswith(".")
    return lock or os.path.abspath(name) in passed


def _under(
    root: str, readable: frozenset[str], refuse: bool
) -> tuple[list[str], list[tuple[str, str]]]:
    """The files under ``root`` to read, sorted, and what was refused there."""
    files: list[str] = []
    refused: list[tuple[str, str]] = []
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as exc:
            why = exc.strerror or str(exc)
            refused.append(
                (folder, Bilingual(f"cannot open the folder: {why}", f"无法打开文件夹：{why}"))
            )
            continue
        for entry in listed:
            if is_skipped_file(entry.name):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                elif not entry.is_file():
                    continue
                elif os.path.splitext(entry.name)[1].lower() in readable:
                    files.append(entry.path)
                elif refuse and (advice := refused_file(entry.name)) is not None:
                    refused.append((entry.path, advice))
            except OSError:  # pragma: no cover - an entry gone or unreadable while listed
                continue
    files.sort(key=_path_order)
    refused.sort(key=lambda pair: _path_order(pair[0]))
    return files, refused


def _path_order(name: str) -> tuple[str, ...]:
    """Sort by path parts, as ``sorted(Path(...).rglob("*"))`` does."""
    return Path(name).parts


def find_files(paths: PathLike | Iterable[PathLike]) -> list[str]:
    """Expand files and folders into the files :func:`read_reports` reads, in a stable order.

    Folders are searched recursively for the suffixes the library reads, in sorted order;
    hidden files and folders and Office lock files (``~$…``) are skipped. Files named
    directly are kept in the order given, whatever their suffix (a bad one is reported,
    not skipped), except lock files. A file found twice is kept once. (:func:`walk` also
    says which folders could not be listed.)
    """
    return walk(paths).files


# ---------------------------------------------------------------------------
# Other processes: a ReadResult pickles whole (its ParseResult too), so the pool maps
# read_one itself.


def _in_pool(names: list[str], jobs: int) -> Iterator[ReadResult]:
    # fork on Linux: no re-import of the caller's script (which spawn needs guarded by
    # `if __name__ == "__main__"`); elsewhere the platform's default start method.
    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    chunk = max(1, min(16, len(names) // (jobs * 8)))
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    try:
        yield from pool.map(read_one, names, chunksize=chunk)
    finally:
        # Stopped early (a break in the caller's loop): drop the files not yet started.
        pool.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------------------
# Progress


class _Lines:
    """A plain progress line on stderr, at most once a second, and at the end."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.started = self.last = time.monotonic()

    def update(self, count: int = 1) -> None:
        self.done += count
        now = time.monotonic()
        if now - self.last < 1.0 and self.done != self.total:
            return
        self.last = now
        rate = self.done / max(now - self.started, 1e-9)
        print(f"已读取 {self.done}/{self.total} 个文件（每秒 {rate:.0f} 个）", file=sys.stderr)

    def close(self) -> None:
        """Nothing to release (tqdm's bars need closing)."""


def _bar(total: int) -> Any:
    """A tqdm bar (``tqdm.auto``: a widget in Jupyter, text in a terminal), or lines."""
    try:
        tqdm = importlib.import_module("tqdm.auto").tqdm
    except ImportError:
        return _Lines(total)
    return tqdm(total=total, unit="file", desc="读取", file=sys.stderr)


def _with_progress(results: Iterator[ReadResult], total: int) -> Iterator[ReadResult]:
    bar = _bar(total)
    try:
        for result in results:
            bar.update(1)
            yield result
    finally:
        bar.close()
        close = getattr(results, "close", None)
        if close is not None:  # the pool's generator, when the caller stops early
            close()


def _chained(first: Iterator[ReadResult], then: Iterable[ReadResult]) -> Iterator[ReadResult]:
    """``first`` then ``then``; closing it closes ``first`` (the pool, stopped early)."""
    yield from first
    yield from then


def _stderr_is_terminal() -> bool:
    isatty: Callable[[], bool] | None = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())


def read_reports(
    paths: PathLike | Iterable[PathLike],
    *,
    jobs: int = 1,
    progress: bool | None = None,
) -> Iterator[ReadResult]:
    """Read every report file under some files and folders, one result per file.

    Published documents (web pages, text, Markdown, Word, PDF) are parsed, JSON files and
    workbooks read as reports. A file that cannot be read gives a result with its
    ``error``; nothing is raised for one bad file. Pass the results straight to
    :func:`govdisclosure.to_frame` or :func:`govdisclosure.indicators_frame`.

    Args:
        paths: files and folders (one path, or several). Folders are searched recursively
            for the suffixes the library reads; hidden files and folders and Office lock
            files (``~$…``) are skipped.
        jobs: worker processes (at most the number of CPUs); 1 reads in this process.
            The results come in the same order whatever ``jobs`` is. On systems other than
            Linux the workers start afresh, so a script must guard its own code with
            ``if __name__ == "__main__":``.
        progress: show progress on stderr: a tqdm bar when tqdm is installed
            (``pip install 'govdisclosure[progress]'``; it works in Jupyter too), else a
            line at most once a second. ``None``: only when stderr is a terminal.

    Returns:
        An iterator of :class:`ReadResult`, one per file: folders' files in sorted order,
        files named directly in the order given; then one with its ``error`` for each folder
        that could not be listed.

    Raises:
        ValueError: ``jobs`` is below 1.

    >>> import govdisclosure as gd
    >>> [r.report.meta.agency for r in gd.read_reports(gd.examples.path("qijiang-psb-2023"))]
    ['重庆市綦江区公安局']
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a whole number of at least 1, got {jobs!r}")
    names, folders = walk(paths)
    jobs = min(jobs, os.cpu_count() or 1, max(len(names), 1))
    read = map(read_one, names) if jobs == 1 else _in_pool(names, jobs)
    # A folder that cannot be listed is a result too: a corpus must not shrink unseen.
    unlisted = (ReadResult(path=folder, error=f"{folder}: {reason}") for folder, reason in folders)
    results = _chained(read, unlisted)
    if progress is None:
        progress = _stderr_is_terminal()
    return _with_progress(results, len(names)) if progress else results
