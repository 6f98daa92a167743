"""The xlsx archive: the checks made before anything is parsed, and safe XML parsing.

Workbooks come from strangers, so nothing here trusts them. Before any XML is parsed the
file must be a zip archive (not an old .xls, not a renamed .docx) whose content types name
an Excel workbook, and the archive's declared sizes must stay within :class:`ExcelLimits`
(total size, compression ratio, number of parts), checked by :mod:`govdisclosure._archive`
for workbooks and Word documents alike.

XML is parsed only through :mod:`defusedxml` (DTDs, entity declarations and external
references are refused), by :func:`parse_xml` feeding a target's ``start``/``end``/``data``;
the parts' relationships are resolved here too (:func:`relationships`).
"""

from __future__ import annotations

import functools
import posixpath
import zipfile
from typing import Protocol

from govdisclosure._archive import DEFAULT_LIMITS, ExcelLimits, open_zip, read_member
from govdisclosure.errors import Bilingual, ExcelError

__all__ = [
    "DEFAULT_LIMITS",
    "AttrTarget",
    "ExcelLimits",
    "XmlTarget",
    "check_archive",
    "local_name",
    "parse_xml",
    "read_part",
    "relationships",
]


_WHAT = Bilingual("an .xlsx workbook", "Excel 工作簿（.xlsx）")
_SPREADSHEET_TYPES = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
)
_OTHER_OFFICE = {
    "wordprocessingml": ("a Word document (.docx)", "Word 文档（.docx）"),
    "presentationml": ("a PowerPoint presentation (.pptx)", "PowerPoint 演示文稿（.pptx）"),
}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _fail(message: Bilingual, part: str | None) -> ExcelError:
    return ExcelError(message, part=part, detail_zh=message.message_zh)


def check_archive(data: bytes, limits: ExcelLimits = DEFAULT_LIMITS) -> zipfile.ZipFile:
    """Check that ``data`` is an .xlsx archive within ``limits`` and return it opened.

    Raises:
        ExcelError: not a zip archive, a damaged or truncated one, another kind of
            document, or an archive beyond the limits (a decompression bomb).
    """
    if len(data) <= limits.max_file_bytes and data.startswith(_OLE2):
        raise ExcelError(
            "not an .xlsx workbook: an old .xls workbook or an encrypted (password-protected) "
            "file; save it as an unprotected Excel workbook (.xlsx)",
            detail_zh="不是 .xlsx 工作簿：是旧版 .xls 工作簿或加密（设有密码）的文件；"
            "请另存为不设密码的 Excel 工作簿（.xlsx）",
        )
    archive = open_zip(data, limits, _fail, _WHAT)
    _check_content_types(archive)
    return archive


def read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """The bytes of one part of a checked archive.

    Raises:
        ExcelError: the part is missing, damaged or encrypted.
    """
    return read_member(archive, name, _fail, _WHAT)


def _check_content_types(archive: zipfile.ZipFile) -> None:
    if "[Content_Types].xml" not in archive.NameToInfo:
        raise ExcelError(
            "not an .xlsx workbook: a zip archive without [Content_Types].xml "
            "(is it a renamed .zip file?)",
            detail_zh="不是 .xlsx 工作簿：zip 压缩包中没有 [Content_Types].xml"
            "（是不是改了后缀的 .zip 文件？）",
        )
    types = _TypesTarget()
    parse_xml(read_part(archive, "[Content_Types].xml"), types, "[Content_Types].xml")
    if not any(t in _SPREADSHEET_TYPES for t in types.types):
        for key, (what, what_zh) in _OTHER_OFFICE.items():
            if any(key in t for t in types.types):
                raise ExcelError(
                    f"not an .xlsx workbook: this is {what}",
                    detail_zh=f"不是 .xlsx 工作簿：这是{what_zh}",
                )
        raise ExcelError(
            "not an .xlsx workbook: the archive holds no Excel workbook part",
            detail_zh="不是 .xlsx 工作簿：压缩包中没有 Excel 工作簿部件",
        )


# ---------------------------------------------------------------------------
# XML through defusedxml, and the relationships between parts


@functools.lru_cache(maxsize=256)
def local_name(tag: str) -> str:
    """A tag or attribute name without its namespace (a part names a few, many times)."""
    return tag.rpartition("}")[2]


class XmlTarget(Protocol):
    """What :func:`parse_xml` feeds: each element's start and end, and the text between.

    Tags and attribute names come as ``namespace}local`` (see :func:`local_name`).
    """

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        """An element starts."""

    def end(self, tag: str) -> None:
        """An element ends."""

    def data(self, text: str) -> None:
        """Text inside the current element."""

    def close(self) -> None:
        """The part ended."""


def parse_xml(data: bytes, target: XmlTarget, part: str) -> None:
    """Feed ``data`` to a defusedxml parser that calls ``target``'s start/end/data.

    Raises:
        ExcelError: the part declares a DTD or entities, or is not well-formed.
    """
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    parser = DefusedXMLParser(target=target, forbid_dtd=True)
    # defusedxml has configured the expat parser beneath (DTDs, entity declarations and
    # external references refused); elements go from it straight to the target, without
    # ElementTree's step in between, which doubled the time a large sheet takes.
    expat = parser.parser
    expat.ordered_attributes = False
    expat.StartElementHandler = target.start
    expat.EndElementHandler = target.end
    expat.CharacterDataHandler = target.data
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
            detail_zh=f"拒绝读取：该部件声明了 DTD 或实体（{type(exc).__name__}）；"
            "工作簿从不需要它们，而它们是已知的攻击手段（“十亿笑声”）",
        ) from None
    except (ParseError, ValueError, UnicodeError) as exc:
        raise ExcelError(
            f"the part is not well-formed XML: {exc}",
            part=part,
            detail_zh=f"该部件不是格式正确的 XML：{exc}",
        ) from None


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
