"""Reading and writing report files, chosen by suffix."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from govdisclosure._errors import GovDisclosureError, UnsupportedFormatError
from govdisclosure._report import AnnualReport

__all__ = ["atomic_write", "dump", "load", "readable_suffixes", "writable_suffixes"]


def _load_json(path: Path) -> AnnualReport:
    from govdisclosure._json import from_json

    return from_json(path.read_bytes())


def _dump_json(report: AnnualReport) -> bytes:
    from govdisclosure._json import to_json

    return (to_json(report) + "\n").encode("utf-8")


def _load_xlsx(path: Path) -> AnnualReport:
    from govdisclosure._excel import _load_xlsx as load_xlsx

    return load_xlsx(path)


def _dump_xlsx(report: AnnualReport) -> bytes:
    from govdisclosure._excel import to_excel_bytes

    return to_excel_bytes(report)


def _load_published(path: Path) -> AnnualReport:
    from govdisclosure._parse import load_report

    return load_report(path)


_READERS: dict[str, Callable[[Path], AnnualReport]] = {
    ".json": _load_json,
    ".xlsx": _load_xlsx,
    ".html": _load_published,
    ".htm": _load_published,
    ".txt": _load_published,
    ".md": _load_published,
    ".docx": _load_published,
    ".pdf": _load_published,
}


def _dump_html(report: AnnualReport) -> bytes:
    from govdisclosure._render import render_html_bytes

    return render_html_bytes(report)


def _dump_markdown(report: AnnualReport) -> bytes:
    from govdisclosure._render import render_markdown_bytes

    return render_markdown_bytes(report)


def _dump_text(report: AnnualReport) -> bytes:
    from govdisclosure._render import render_text_bytes

    return render_text_bytes(report)


def _dump_docx(report: AnnualReport) -> bytes:
    from govdisclosure._render import render_docx_bytes

    return render_docx_bytes(report)


_WRITERS: dict[str, Callable[[AnnualReport], bytes]] = {
    ".json": _dump_json,
    ".xlsx": _dump_xlsx,
    ".html": _dump_html,
    ".md": _dump_markdown,
    ".txt": _dump_text,
    ".docx": _dump_docx,
}


def readable_suffixes() -> tuple[str, ...]:
    """The file suffixes :func:`load` reads."""
    return tuple(_READERS)


def writable_suffixes() -> tuple[str, ...]:
    """The file suffixes :func:`dump` writes."""
    return tuple(_WRITERS)


def _suffix(path: Path, supported: Mapping[str, object], verb: str) -> str:
    suffix = path.suffix.lower()
    if suffix not in supported:
        shown = suffix or "no suffix"
        raise UnsupportedFormatError(
            f"{path}: cannot {verb} {shown!s} files; supported: {', '.join(supported)}"
        )
    return suffix


def load(path: str | os.PathLike[str]) -> AnnualReport:
    """Read a report from a file, choosing the reader by the file's suffix.

    Args:
        path: the file (``.json``; more kinds as the library grows).

    Raises:
        UnsupportedFormatError: the suffix is not one the library reads.
        GovDisclosureError: the file cannot be read or does not hold a valid report; the
            message starts with the file name.
    """
    path = Path(path)
    reader = _READERS[_suffix(path, _READERS, "read")]
    try:
        return reader(path)
    except GovDisclosureError as exc:
        exc.args = (f"{path}: {exc.args[0]}", *exc.args[1:])
        raise
    except OSError as exc:
        raise GovDisclosureError(f"{path}: cannot read the file: {exc.strerror}") from None


def dump(report: AnnualReport, path: str | os.PathLike[str]) -> None:
    """Write a report to a file, choosing the writer by the file's suffix.

    The file is replaced atomically: a failure never leaves a half-written file, and an
    existing file stays as it was.

    Raises:
        UnsupportedFormatError: the suffix is not one the library writes.
    """
    path = Path(path)
    writer = _WRITERS[_suffix(path, _WRITERS, "write")]
    atomic_write(path, writer(report))


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
