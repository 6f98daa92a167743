"""Untrusted input: the one set of limits, files read within them, and zip archives.

Every reader works within one set of limits, :class:`ExcelLimits` (named for the workbooks
it first served): a file's size, checked before it is read (:func:`read_file`, which also
refuses devices and pipes), the length of a published text, and for the zip-based kinds
the archive's declared sizes and the workbook's cells, merged ranges and formula work.

A workbook (.xlsx) and a Word document (.docx) are zip archives from strangers. Before a
part is inflated the archive's declared sizes must stay within the limits (the file's
size, the parts' total, each large part's compression ratio, the number of parts):
:mod:`zipfile` never inflates a part past its declared size, so checking the declared
sizes is enough to stop a decompression bomb. Reading a part turns every way
:mod:`zipfile` and :mod:`zlib` fail on a damaged or encrypted archive into the reader's
own error.

Knows nothing of reports or of the formats inside; each reader names its errors (an
:class:`~govdisclosure.errors.ExcelError`, a :class:`~govdisclosure.errors.ParseError`) by
the ``fail`` function it passes. May import: :mod:`govdisclosure.errors`.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, NamedTuple

from govdisclosure.errors import Bilingual, GovDisclosureError, UnsupportedFormatError

__all__ = [
    "DEFAULT_LIMITS",
    "ExcelLimits",
    "Fail",
    "check_sizes",
    "file_path",
    "limits_or_default",
    "open_regular",
    "open_zip",
    "read_file",
    "read_member",
    "text_bytes",
]


class ExcelLimits(NamedTuple):
    """The limits every reader works within, checked before the work they bound is done.

    Named for the workbooks they first served, they bound every input: a workbook
    (:func:`~govdisclosure.read_excel`), a Word document, a PDF, a web page, text and
    Markdown (:func:`~govdisclosure.parse_file`, :func:`~govdisclosure.load`). A file is
    refused by its size before it is read, and so is anything but a regular file (a device
    such as ``/dev/zero``, a pipe). A JSON file's size is bounded by ``max_bytes`` of
    :func:`~govdisclosure.from_json` (64 MiB) unless limits are given to ``load``.

    >>> ExcelLimits().max_text_chars
    2000000
    >>> ExcelLimits(max_merges=100).max_merges
    100

    Attributes:
        max_file_bytes: the largest file accepted, of any kind.
        max_uncompressed_bytes: the largest total of a zip archive's (.xlsx, .docx)
            uncompressed parts.
        max_ratio: the largest compression ratio of a part larger than 1 MiB (zip bombs
            reach thousands; real workbooks stay well under 100).
        max_members: the most parts an archive may have.
        max_cells: the most cells read from all sheets of a workbook together.
        max_merges: the most merged ranges read from all sheets of a workbook together.
        max_formula_cells: the most cells that the formulas saved without a value may
            visit, all formulas of a workbook together (each cell of a range counts).
        max_text_chars: the longest published text (a web page, text or Markdown, markup
            included) in characters; a file of more than four bytes a character is
            refused before it is decoded.
        max_pages: the most pages of a PDF (counted before any page is read; a report
            has some tens).
    """

    max_file_bytes: int = 100 * 2**20
    max_uncompressed_bytes: int = 256 * 2**20
    max_ratio: float = 200.0
    max_members: int = 10_000
    max_cells: int = 1_000_000
    max_merges: int = 100_000
    max_formula_cells: int = 1_000_000
    max_text_chars: int = 2_000_000
    max_pages: int = 300


#: The limits used when a caller gives none.
DEFAULT_LIMITS = ExcelLimits()

#: Builds a reader's error from a message (in English and Chinese) and the archive part it
#: is about (or ``None``).
Fail = Callable[[Bilingual, "str | None"], GovDisclosureError]

_RATIO_MIN_BYTES = 2**20
# What zipfile and zlib raise on a damaged, truncated, encrypted or unsupported archive.
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,  # an encrypted part: "password required for extraction"
)


def limits_or_default(
    limits: ExcelLimits | None, default: ExcelLimits = DEFAULT_LIMITS
) -> ExcelLimits:
    """The limits given, or ``default`` (:data:`DEFAULT_LIMITS` unless told) for ``None``.

    Raises:
        TypeError: ``limits`` is anything else, or one of its limits is not a number.
    """
    if limits is None:
        return default
    if not isinstance(limits, ExcelLimits):
        raise TypeError(f"limits must be ExcelLimits or None, got {type(limits).__name__}")
    for name, value in limits._asdict().items():
        number = (int, float) if name == "max_ratio" else int
        if isinstance(value, bool) or not isinstance(value, number):
            raise TypeError(f"ExcelLimits.{name} must be a number, got {value!r}")
    return limits


def file_path(path: str | os.PathLike[str], argument: str = "path") -> Path:
    """A path argument as a :class:`~pathlib.Path`, refused here if it cannot name a file.

    Raises:
        TypeError: ``path`` is neither a string nor a path object.
        UnsupportedFormatError: the path holds a NUL character (no file can be named so).
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"{argument} must be a str or a path, got {type(path).__name__}")
    result = Path(path)
    if "\0" in str(result):
        raise UnsupportedFormatError(
            f"{argument} holds a NUL character, which no file name may",
            file=repr(str(result)),
            detail_zh=f"{argument} 含有 NUL 字符，文件名中不能有此字符",
        )
    return result


def open_regular(path: Path, fail: Fail) -> BinaryIO:
    """Open a file for reading, refused unless it is a regular file (of any size).

    The file is opened without waiting (a pipe would block until something wrote to it),
    then refused unless it is a regular file: a device such as ``/dev/zero`` (or a link to
    one) has no size and never ends.

    Raises:
        GovDisclosureError: from ``fail``: a folder, a device, a pipe or a socket.
        OSError: the file cannot be opened.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    handle = os.fdopen(os.open(path, flags), "rb")
    mode = os.fstat(handle.fileno()).st_mode
    if not stat.S_ISREG(mode):
        handle.close()
        if stat.S_ISDIR(mode):
            raise fail(
                Bilingual("is a folder, not a report file", "这是文件夹，不是报告文件"), None
            )
        raise fail(
            Bilingual(
                "not a regular file (a device, a pipe or a socket); read a saved report file",
                "不是普通文件（而是设备、管道或套接字）；请读取保存好的报告文件",
            ),
            None,
        )
    return handle


def read_file(
    path: Path, max_bytes: int, fail: Fail, limit: str | Bilingual = "max_file_bytes"
) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, refused by its size unread.

    The file is opened by :func:`open_regular`. No more than ``max_bytes + 1`` bytes are
    read, so a file that grows while it is read is refused too.

    Args:
        path: the file.
        max_bytes: the most bytes accepted.
        fail: makes the reader's error.
        limit: the name of the limit, for the message (with its Chinese, if it has words).

    Raises:
        GovDisclosureError: from ``fail``: not a regular file, or larger than ``max_bytes``.
        OSError: the file cannot be opened or read.
    """
    with open_regular(path, fail) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise fail(
                _too_large(
                    f"the file is {size:,} bytes", f"文件有 {size:,} 字节", max_bytes, limit
                ),
                None,
            )
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise fail(
            _too_large("the file grew while it was read", "文件在读取时变大了", max_bytes, limit),
            None,
        )
    return data


def text_bytes(limits: ExcelLimits) -> int:
    """The most bytes of a published text file: four a character at most, in any encoding."""
    return min(limits.max_file_bytes, 4 * limits.max_text_chars)


def _too_large(what: str, what_zh: str, max_bytes: int, limit: str | Bilingual) -> Bilingual:
    limit_zh = limit.message_zh if isinstance(limit, Bilingual) else limit
    return Bilingual(
        f"{what}, more than the limit of {max_bytes:,} bytes ({limit})",
        f"{what_zh}，超过 {max_bytes:,} 字节的上限（{limit_zh}）",
    )


def open_zip(data: bytes, limits: ExcelLimits, fail: Fail, what: Bilingual) -> zipfile.ZipFile:
    """Open ``data`` as a zip archive within ``limits``, inflating nothing.

    Args:
        data: the file's bytes.
        limits: the archive limits.
        fail: makes the reader's error.
        what: how messages name the file: ``an .xlsx workbook``, ``a Word (.docx) document``,
            with its Chinese (``Excel 工作簿（.xlsx）``).

    Raises:
        GovDisclosureError: from ``fail``: the file is too large, not a zip archive, damaged,
            or beyond the limits (a decompression bomb).
    """
    if len(data) > limits.max_file_bytes:
        raise fail(
            Bilingual(
                f"the file is {len(data):,} bytes, more than the limit of "
                f"{limits.max_file_bytes:,} bytes (max_file_bytes)",
                f"文件有 {len(data):,} 字节，超过 {limits.max_file_bytes:,} 字节的上限"
                "（max_file_bytes）",
            ),
            None,
        )
    if not data.startswith(b"PK"):
        raise fail(
            Bilingual(
                f"not {what}: the file is not a zip archive",
                f"不是{what.message_zh}：文件不是 zip 压缩包",
            ),
            None,
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except _DAMAGED as exc:
        raise fail(
            Bilingual(
                f"not a readable {_noun(what)}: the archive is damaged ({exc})",
                f"无法读取的{what.message_zh}：压缩包已损坏（{exc}）",
            ),
            None,
        ) from None
    check_sizes(members, limits, fail)
    return archive


def check_sizes(members: list[zipfile.ZipInfo], limits: ExcelLimits, fail: Fail) -> None:
    """The number of parts, each part's compression ratio and their total, as declared."""
    if len(members) > limits.max_members:
        raise fail(
            Bilingual(
                f"the archive has {len(members):,} parts, more than the limit of "
                f"{limits.max_members:,} (max_members)",
                f"压缩包有 {len(members):,} 个部件，超过 {limits.max_members:,} 个的上限"
                "（max_members）",
            ),
            None,
        )
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > _RATIO_MIN_BYTES and member.file_size > limits.max_ratio * max(
            member.compress_size, 1
        ):
            raise fail(
                Bilingual(
                    f"refused: the part expands {member.file_size:,} bytes from "
                    f"{member.compress_size:,} (a ratio above max_ratio={limits.max_ratio:g}); "
                    "this looks like a decompression bomb",
                    f"拒绝读取：该部件从 {member.compress_size:,} 字节解压为 "
                    f"{member.file_size:,} 字节（压缩比超过 max_ratio={limits.max_ratio:g}），"
                    "像是“解压炸弹”",
                ),
                member.filename,
            )
    if total > limits.max_uncompressed_bytes:
        raise fail(
            Bilingual(
                f"refused: the archive expands to {total:,} bytes, more than the limit of "
                f"{limits.max_uncompressed_bytes:,} (max_uncompressed_bytes)",
                f"拒绝读取：压缩包解压后有 {total:,} 字节，超过 "
                f"{limits.max_uncompressed_bytes:,} 字节的上限（max_uncompressed_bytes）",
            ),
            None,
        )


def read_member(archive: zipfile.ZipFile, name: str, fail: Fail, what: Bilingual) -> bytes:
    """The bytes of one part of a checked archive.

    Raises:
        GovDisclosureError: from ``fail``: the part is missing, damaged or encrypted.
    """
    try:
        return archive.read(name)
    except KeyError:
        raise fail(
            Bilingual(
                f"not a readable {_noun(what)}: the part is missing",
                f"无法读取的{what.message_zh}：缺少该部件",
            ),
            name,
        ) from None
    except RuntimeError as exc:
        if "encrypted" in str(exc):
            raise fail(
                Bilingual(
                    "the part is encrypted (password-protected); save the file without a password",
                    "该部件已加密（设有密码）；请去掉密码后另存",
                ),
                name,
            ) from None
        raise fail(_damaged(exc), name) from None
    except _DAMAGED as exc:
        raise fail(_damaged(exc), name) from None


def _damaged(exc: BaseException) -> Bilingual:
    return Bilingual(f"the part is damaged: {exc}", f"该部件已损坏：{exc}")


def _noun(what: str) -> str:
    """``.xlsx workbook`` of ``an .xlsx workbook``."""
    return what.split(" ", 1)[1]
