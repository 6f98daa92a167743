"""Reading and writing report files, chosen by suffix."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from govdisclosure._archive import ExcelLimits, file_path, limits_or_default
from govdisclosure._format.vocabulary import (
    FILE_KINDS,
    FileKind,
    file_kind,
    refused_file,
    suffixes,
)
from govdisclosure._io.atomic import atomic_write
from govdisclosure._model.report import AnnualReport
from govdisclosure.errors import GovDisclosureError, UnsupportedFormatError

__all__ = ["dump", "load", "readable_suffixes", "writable_suffixes"]


# What reads and writes each kind of file (the kinds and their suffixes are declared in
# _format.vocabulary), named as "module:function" so that the module (openpyxl,
# python-docx, the parsers) is imported only when such a file is read or written.
_READERS: dict[str, str] = {
    "json": "govdisclosure._io.json:read_json_file",
    "xlsx": "govdisclosure._io.excel.read:_load_xlsx",
}
_PUBLISHED_READER = "govdisclosure._parse:load_report"
_WRITERS: dict[str, str] = {
    "json": "govdisclosure._io.json:json_file_bytes",
    "xlsx": "govdisclosure._io.excel.write:to_excel_bytes",
    "html": "govdisclosure._render:render_html_bytes",
    "markdown": "govdisclosure._render:render_markdown_bytes",
    "text": "govdisclosure._render:render_text_bytes",
    "docx": "govdisclosure._render:render_docx_bytes",
}
_READABLE = FILE_KINDS
_WRITABLE = tuple(kind for kind in FILE_KINDS if kind.writable)


def _resolve(target: str) -> Callable[..., Any]:
    module, _, name = target.partition(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return function


def readable_suffixes() -> tuple[str, ...]:
    """The file suffixes :func:`load` reads."""
    return suffixes(_READABLE)


def writable_suffixes() -> tuple[str, ...]:
    """The file suffixes :func:`dump` writes."""
    return suffixes(_WRITABLE)


def _kind(path: Path, supported: tuple[FileKind, ...], verb: str) -> FileKind:
    if verb == "read" and path.is_dir():
        raise UnsupportedFormatError(
            "is a folder, not a report file; read the reports in a folder with "
            "govdisclosure.read_reports() or the summary command",
            file=str(path),
            detail_zh="这是文件夹，不是报告文件；读取文件夹中的报告请用 summary 命令"
            "或 govdisclosure.read_reports()",
        )
    kind = file_kind(path.suffix)
    if kind is None or kind not in supported:
        shown = f"{path.suffix.lower()} files" if path.suffix else "files without a suffix"
        shown_zh = f" {path.suffix.lower()} 文件" if path.suffix else "没有后缀的文件"
        advice = refused_file(path.name) if verb == "read" else None
        raise UnsupportedFormatError(
            f"cannot {verb} {shown}"
            + (f" ({advice})" if advice else "")
            + f"; supported: {' '.join(suffixes(supported))}",
            file=str(path),
            detail_zh=f"无法{'读取' if verb == 'read' else '写出'}{shown_zh}"
            + (f"（{advice}）" if advice else "")
            + f"；支持的类型：{' '.join(suffixes(supported))}",
        )
    return kind


def load(path: str | os.PathLike[str], *, limits: ExcelLimits | None = None) -> AnnualReport:
    """Read a report from a file, choosing the reader by the file's suffix.

    Args:
        path: the file: JSON, an Excel workbook, or a published document (a web page,
            text, Markdown, Word or PDF); ``govdisclosure._io.files.readable_suffixes()``
            lists the suffixes.
        limits: the limits the reader works within (:class:`~govdisclosure.ExcelLimits`;
            for a JSON file its ``max_file_bytes``); the defaults when ``None``.

    Raises:
        UnsupportedFormatError: the suffix is not one the library reads, or the path holds
            a NUL character.
        GovDisclosureError: the file cannot be read, is beyond the limits or does not hold
            a valid report; the message starts with the file name.
        TypeError: ``path`` is not a path, or ``limits`` is not ExcelLimits.
    """
    path = file_path(path)
    if limits is not None:
        limits_or_default(limits)  # a wrong type fails here, before the file is opened
    kind = _kind(path, _READABLE, "read")
    reader = _resolve(_READERS.get(kind.id, _PUBLISHED_READER))
    try:
        report: AnnualReport = reader(path, limits)
        return report
    except GovDisclosureError as exc:
        exc.file = str(path)
        raise
    except OSError as exc:
        raise GovDisclosureError.of_os_error(
            exc, "cannot read the file", "无法读取文件", file=str(path)
        ) from None


def dump(report: AnnualReport, path: str | os.PathLike[str]) -> None:
    """Write a report to a file, choosing the writer by the file's suffix.

    The file is replaced atomically: a failure never leaves a half-written file, and an
    existing file stays as it was.

    Raises:
        UnsupportedFormatError: the suffix is not one the library writes, or the path holds
            a NUL character.
        TypeError: ``report`` is not an AnnualReport, or ``path`` is not a path.
    """
    path = file_path(path)
    if not isinstance(report, AnnualReport):
        raise TypeError(f"report must be an AnnualReport, got {type(report).__name__}")
    writer = _resolve(_WRITERS[_kind(path, _WRITABLE, "write").id])
    atomic_write(path, writer(report))
