"""Atomic file writes: a failure never leaves a half-written file.

Every writer of the library (load/dump, the workbooks, the summary command) writes through
:func:`atomic_write`. Its errors name the file the user asked for, never the temporary file
beside it. May import: the standard library and ``govdisclosure.errors``.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from govdisclosure.errors import GovDisclosureError

__all__ = ["atomic_write", "check_writable"]


def check_writable(path: Path) -> int:
    """Check that ``path`` can be written, before any work is done for it.

    Returns:
        The permission bits the written file should have: those of the file it replaces,
        or 0o644 for a new file.

    Raises:
        GovDisclosureError: the target is a folder or a read-only file, or its folder is
            missing or not writable; the message names ``path``.
    """
    folder = path.parent
    try:
        status = path.stat()
    except FileNotFoundError:
        status = None
    except OSError as exc:
        raise _write_error(path, exc) from None
    if status is not None:
        if stat.S_ISDIR(status.st_mode):
            raise GovDisclosureError(
                "cannot write the file: it is a folder",
                file=str(path),
                detail_zh="无法写入文件：这是一个文件夹",
            )
        # A file without any write permission was protected on purpose: root may replace
        # it, but should not do so unasked.
        if not os.access(path, os.W_OK) or not status.st_mode & 0o222:
            raise GovDisclosureError(
                "cannot write the file: it is read-only (make it writable or choose another name)",
                file=str(path),
                detail_zh="无法写入文件：文件是只读的（请取消只读，或换一个文件名）",
            )
    if not folder.is_dir():
        raise GovDisclosureError(
            f"cannot write the file: the folder {os.fspath(folder)} does not exist",
            file=str(path),
            detail_zh=f"无法写入文件：文件夹 {os.fspath(folder)} 不存在",
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise GovDisclosureError(
            f"cannot write the file: the folder {os.fspath(folder)} is not writable",
            file=str(path),
            detail_zh=f"无法写入文件：没有写入文件夹 {os.fspath(folder)} 的权限",
        )
    return 0o644 if status is None else status.st_mode & 0o777


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    Raises:
        GovDisclosureError: ``path`` cannot be written (see :func:`check_writable`), or the
            writing failed (a full disk); the message names ``path``, and an existing file
            is left as it was.
    """
    mode = check_writable(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _write_error(path, exc) from None
        raise


def _write_error(path: Path, exc: OSError) -> GovDisclosureError:
    """The error of a failed write, naming the user's file, not the temporary one."""
    return GovDisclosureError.of_os_error(
        exc, "cannot write the file", "无法写入文件", file=str(path)
    )
