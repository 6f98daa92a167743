"""The xlsx archive: the checks made before anything is parsed, and safe XML parsing.

Workbooks come from strangers, so nothing here trusts them. Before any XML is parsed the
file must be a zip archive (not an old .xls, not a renamed .docx) whose content types name
an Excel workbook, and the archive's declared sizes must stay within :class:`ExcelLimits`
(total size, compression ratio, number of parts). :mod:`zipfile` never inflates a part past
its declared size, so checking the declared sizes is enough to stop a decompression bomb.

XML is parsed only through :mod:`defusedxml` (DTDs, entity declarations and external
references are refused), by :func:`parse_xml` feeding a target's ``start``/``end``/``data``;
the parts' relationships are resolved here too (:func:`relationships`).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import NamedTuple

from govdisclosure.errors import ExcelError

__all__ = [
    "DEFAULT_LIMITS",
    "AttrTarget",
    "ExcelLimits",
    "check_archive",
    "local_name",
    "parse_xml",
    "read_part",
    "relationships",
]


class ExcelLimits(NamedTuple):
    """Limits on an untrusted workbook, checked before anything is decompressed.

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

_RATIO_MIN_BYTES = 2**20
_SPREADSHEET_TYPES = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
)
_OTHER_OFFICE = {
    "wordprocessingml": "a Word document (.docx)",
    "presentationml": "a PowerPoint presentation (.pptx)",
}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_archive(data: bytes, limits: ExcelLimits = DEFAULT_LIMITS) -> zipfile.ZipFile:
    """Check that ``data`` is an .xlsx archive within ``limits`` and return it opened.

    Raises:
        ExcelError: not a zip archive, a damaged or truncated one, another kind of
            document, or an archive beyond the limits (a decompression bomb).
    """
    _check_signature(data, limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ExcelError(f"not a readable .xlsx workbook: the archive is damaged ({exc})") from None
    _check_sizes(members, limits)
    _check_content_types(archive)
    return archive


def _check_signature(data: bytes, limits: ExcelLimits) -> None:
    """The file's size, and the first bytes of a zip archive (not an old .xls)."""
    if len(data) > limits.max_file_bytes:
        raise ExcelError(
            f"the file is {len(data):,} bytes, more than the limit of "
            f"{limits.max_file_bytes:,} bytes (max_file_bytes)"
        )
    if data.startswith(_OLE2):
        raise ExcelError(
            "not an .xlsx workbook: an old .xls workbook or an encrypted (password-protected) "
            "file; save it as an unprotected Excel workbook (.xlsx)"
        )
    if not data.startswith(b"PK"):
        raise ExcelError("not an .xlsx workbook: the file is not a zip archive")


def _check_sizes(members: list[zipfile.ZipInfo], limits: ExcelLimits) -> None:
    """The number of parts, each part's compression ratio and their total, as declared."""
    if len(members) > limits.max_members:
        raise ExcelError(
            f"the archive has {len(members):,} parts, more than the limit of "
            f"{limits.max_members:,} (max_members)"
        )
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > _RATIO_MIN_BYTES and member.file_size > limits.max_ratio * max(
            member.compress_size, 1
        ):
            raise ExcelError(
                f"refused: the part expands {member.file_size:,} bytes from "
                f"{member.compress_size:,} (a ratio above max_ratio={limits.max_ratio:g}); "
                "this looks like a decompression bomb",
                part=member.filename,
            )
    if total > limits.max_uncompressed_bytes:
        raise ExcelError(
            f"refused: the archive expands to {total:,} bytes, more than the limit of "
            f"{limits.max_uncompressed_bytes:,} (max_uncompressed_bytes)"
        )


def read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """The bytes of one part of a checked archive.

    Raises:
        ExcelError: the part is missing or damaged.
    """
    try:
        return archive.read(name)
    except KeyError:
        raise ExcelError("not a readable .xlsx workbook: the part is missing", part=name) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise ExcelError(f"the part is damaged: {exc}", part=name) from None


def _check_content_types(archive: zipfile.ZipFile) -> None:
    if "[Content_Types].xml" not in archive.NameToInfo:
        raise ExcelError(
            "not an .xlsx workbook: a zip archive without [Content_Types].xml "
            "(is it a renamed .zip file?)"
        )
    types = _TypesTarget()
    parse_xml(read_part(archive, "[Content_Types].xml"), types, "[Content_Types].xml")
    if not any(t in _SPREADSHEET_TYPES for t in types.types):
        for key, what in _OTHER_OFFICE.items():
            if any(key in t for t in types.types):
                raise ExcelError(f"not an .xlsx workbook: this is {what}")
        raise ExcelError("not an .xlsx workbook: the archive holds no Excel workbook part")


# ---------------------------------------------------------------------------
# XML through defusedxml, and the relationships between parts


def local_name(tag: str) -> str:
    """A tag or attribute name without its namespace."""
    return tag.rpartition("}")[2]


def parse_xml(data: bytes, target: object, part: str) -> None:
    """Feed ``data`` to a defusedxml parser that calls ``target``'s start/end/data.

    Raises:
        ExcelError: the part declares a DTD or entities, or is not well-formed.
    """
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    parser = DefusedXMLParser(target=target, forbid_dtd=True)
    try:
        parser.feed(data)
        parser.close()
    except ExcelError:
        raise  # a target's own error, with its sheet and cell
    except DefusedXmlException as exc:
        raise ExcelError(
            f"refused: the part declares a DTD or entities ({type(exc).__name__}); "
            "workbooks never need them and they are a known attack (billion laughs)",
            part=part,
        ) from None
    except (ParseError, ValueError, UnicodeError) as exc:
        raise ExcelError(f"the part is not well-formed XML: {exc}", part=part) from None


class _TypesTarget:
    def __init__(self) -> None:
        self.types: list[str] = []

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if "ContentType" in attrib:
            self.types.append(attrib["ContentType"])

    def end(self, tag: str) -> None:
        pass

    def data(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


class AttrTarget:
    """Collects the attributes of every element with a given local name."""

    def __init__(self, *names: str) -> None:
        self.names = names
        self.found: list[tuple[str, dict[str, str]]] = []

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = local_name(tag)
        if name in self.names:
            self.found.append((name, {local_name(k): v for k, v in attrib.items()}))

    def end(self, tag: str) -> None:
        pass

    def data(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


def relationships(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """The parts a part's relationships point to, inside the archive.

    Returns:
        Each relationship id to its part's name, and ``"type:<type>"`` (``type:styles``,
        ``type:officeDocument`` …) to the part of that type; external targets are left out.
    """
    folder, _, name = part.rpartition("/")
    rels_name = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
    if rels_name not in archive.NameToInfo:
        return {}
    target = AttrTarget("Relationship")
    parse_xml(read_part(archive, rels_name), target, rels_name)
    result = {}
    for _, attrib in target.found:
        ref, path = attrib.get("Id", ""), attrib.get("Target", "")
        if attrib.get("TargetMode") == "External":
            continue
        if path.startswith("/"):
            resolved = path.lstrip("/")
        else:
            resolved = posixpath.normpath(posixpath.join(folder, path))
        result[ref] = resolved
        result["type:" + attrib.get("Type", "").rpartition("/")[2]] = resolved
    return result
