"""Untrusted zip archives (workbooks, Word documents): the limits, checked before inflating.

A workbook (.xlsx) and a Word document (.docx) are zip archives from strangers. Before a
part is inflated the archive's declared sizes must stay within one set of limits,
:class:`ExcelLimits` (the file's size, the parts' total, each large part's compression
ratio, the number of parts): :mod:`zipfile` never inflates a part past its declared size,
so checking the declared sizes is enough to stop a decompression bomb. Reading a part
turns every way :mod:`zipfile` and :mod:`zlib` fail on a damaged or encrypted archive into
the reader's own error.

Knows nothing of reports or of the formats inside; each reader names its errors (an
:class:`~govdisclosure.errors.ExcelError`, a :class:`~govdisclosure.errors.ParseError`) by
the ``fail`` function it passes. May import: :mod:`govdisclosure.errors`.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable
from typing import NamedTuple

from govdisclosure.errors import Bilingual, GovDisclosureError

__all__ = ["DEFAULT_LIMITS", "ExcelLimits", "Fail", "check_sizes", "open_zip", "read_member"]


class ExcelLimits(NamedTuple):
    """Limits on an untrusted workbook, checked before anything is decompressed.

    Word documents (.docx) are read under the same archive limits (the first four; they
    hold no cells).

    Attributes:
        max_file_bytes: the largest workbook file accepted.
        max_uncompressed_bytes: the largest total of the parts' uncompressed sizes.
        max_ratio: the largest compression ratio of a part larger than 1 MiB (zip bombs
            reach thousands; real workbooks stay well under 100).
        max_members: the most parts an archive may have.
        max_cells: the most cells read from all sheets together.
    """

    max_file_bytes: int = 100 * 2**20
    max_uncompressed_bytes: int = 256 * 2**20
    max_ratio: float = 200.0
    max_members: int = 10_000
    max_cells: int = 2_000_000


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
