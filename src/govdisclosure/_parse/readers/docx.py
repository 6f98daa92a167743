r"""The Word reader: ``.docx`` files through python-docx (the optional ``docx`` extra).

Paragraphs and tables are read in body order. Merged cells keep their spans: a horizontal
merge (``w:gridSpan``) is a colspan; a vertical merge (``w:vMerge``) is a rowspan on the
first cell, and the continuation cells are dropped, as in HTML.

Word keeps text exactly, so every paragraph, heading and cell is literal: its text is read
as written (tabs as ``\t``, line breaks as ``\n``, empty paragraphs kept), and
:meth:`~govdisclosure._parse.layout.Layout.plain` folds it for the key-phrase recogniser.
Characters XML cannot hold (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF)
are read from ``<w:sym w:char="…">``, the way :func:`govdisclosure.render` writes them.

The document's custom properties (``docProps/custom.xml``: File › Properties › Custom in
Word) become the layout's properties, by name.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from typing import Any

from govdisclosure._archive import DEFAULT_LIMITS, ExcelLimits, open_zip, read_member
from govdisclosure._format.vocabulary import XML_INVALID
from govdisclosure._parse.layout import (
    Block,
    Cell,
    Heading,
    Layout,
    Location,
    Paragraph,
    Table,
    span,
)
from govdisclosure._parse.result import ParseError
from govdisclosure.errors import Bilingual, UnsupportedFormatError

__all__ = ["XML_BYTES_PER_CHAR", "read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_CUSTOM_PROPERTIES = "application/vnd.openxmlformats-officedocument.custom-properties+xml"


#: Code points XML 1.0 cannot hold, which render() writes as ``w:sym``.


def _text(element: Any) -> str:
    parts = []
    for node in element.iter():
        tag = node.tag
        if tag == _W + "t":
            if node.text:
                parts.append(node.text)
        elif tag == _W + "tab":
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr") or (
            tag == _W + "p" and node is not element and parts and parts[-1] != "\n"
        ):
            parts.append("\n")
        elif tag == _W + "sym":
            code = node.get(_W + "char", "")
            try:
                number = int(code, 16)
            except ValueError:
                continue
            if number in XML_INVALID:
                parts.append(chr(number))
    return "".join(parts)


def _fold(text: str, whole: bool) -> list[str]:
    """Fold Word text for the recogniser: tabs as spaces, a paragraph per stripped line."""
    text = text.replace("\t", " ").strip()
    if whole:
        return [text] if text else []
    return [line.strip() for line in text.split("\n") if line.strip()]


def _table(element: Any, number: int) -> Table:
    cells: list[Cell] = []
    # grid column -> the Cell a vertical merge continues
    open_merges: dict[int, int] = {}
    for r, tr in enumerate(element.iterchildren(_W + "tr")):
        col = 0
        for tc in tr.iterchildren(_W + "tc"):
            props = tc.find(_W + "tcPr")
            columns = 1
            merge = None
            if props is not None:
                grid = props.find(_W + "gridSpan")
                if grid is not None:
                    columns = span(grid.get(_W + "val"))
                vmerge = props.find(_W + "vMerge")
                if vmerge is not None:
                    merge = vmerge.get(_W + "val", "continue")
            if merge == "continue" and col in open_merges:
                index = open_merges[col]
                first = cells[index]
                cells[index] = Cell(
                    first.text,
                    first.row,
                    first.col,
                    first.rowspan + 1,
                    first.colspan,
                    first.location,
                    first.literal,
                )
            else:
                cells.append(
                    Cell(_text(tc), r, col, 1, columns, Location(number, col), literal=True)
                )
                if merge == "restart":
                    open_merges[col] = len(cells) - 1
                else:
                    open_merges.pop(col, None)
            col += columns
    return Table(tuple(cells), Location(number))


def _properties(document: Any) -> dict[str, str]:
    """The custom document properties: each one's name and its value as text."""
    from docx.oxml import parse_xml

    found: dict[str, str] = {}
    for part in document.part.package.iter_parts():
        if part.content_type != _CUSTOM_PROPERTIES:
            continue
        try:
            root = parse_xml(part.blob)
        except SyntaxError:  # lxml's XMLSyntaxError: a broken part states nothing
            continue
        for prop in root.iterchildren(_CUSTOM + "property"):
            name = prop.get("name")
            if name:
                found.setdefault(name, "".join("".join(value.itertext()) for value in prop))
    return found


def _check_word_package(names: set[str]) -> None:
    """Refuse, by name, a workbook or a presentation that was given a .docx name."""
    for part, kind, kind_zh in (
        ("xl/workbook.xml", "an Excel workbook (.xlsx)", "Excel 工作簿（.xlsx）"),
        (
            "ppt/presentation.xml",
            "a PowerPoint presentation (.pptx)",
            "PowerPoint 演示文稿（.pptx）",
        ),
    ):
        if part in names and "word/document.xml" not in names:
            raise ParseError(
                f"not a Word (.docx) document: this is {kind}",
                detail_zh=f"不是 Word 文档（.docx）：这是{kind_zh}",
            )


def read_docx(data: bytes, limits: ExcelLimits = DEFAULT_LIMITS) -> Layout:
    """Lay out a Word document.

    The archive is checked first, under the archive limits workbooks are read under
    (:class:`~govdisclosure.ExcelLimits`: file size, the parts' total, each part's
    compression ratio, the number of parts), and every part is read once to find a damaged
    or encrypted one; a part that declares a DTD is refused, as in workbooks. Only then
    does python-docx read it.

    Args:
        data: the ``.docx`` file's bytes.
        limits: the archive limits, and the text's: an XML part of more than
            :data:`XML_BYTES_PER_CHAR` bytes a character of ``max_text_chars`` is refused.

    Returns:
        Its paragraphs, headings (paragraphs in a ``Heading``/``标题`` style) and tables;
        a block's ``line`` is its position in the document body, from 1.

    Raises:
        UnsupportedFormatError: python-docx is not installed.
        ParseError: the bytes are not a readable Word document, or are beyond the limits (a
            decompression bomb).
    """
    try:
        import docx
    except ImportError:  # pragma: no cover - depends on the environment
        raise UnsupportedFormatError(
            "reading .docx files needs python-docx: pip install 'govdisclosure[docx]'",
            detail_zh="读取 .docx 文件需要 python-docx：pip install 'govdisclosure[docx]'",
        ) from None
    archive = open_zip(data, limits, _fail, _WHAT)
    _check_word_package(set(archive.namelist()))
    _check_parts(archive, limits)
    try:
        document = docx.Document(io.BytesIO(data))
        style_of = _paragraph_styles(document)
        body = list(document.element.body.iterchildren())
        properties = _properties(document)
    except MemoryError:  # pragma: no cover - the limits above keep documents small
        raise
    except Exception as exc:  # python-docx and lxml raise many unrelated types on bad files
        # python-docx names the stream it was given (<_io.BytesIO object at 0x…>): not ours.
        reason = re.sub(r"file '<[^>]*>' ", "", str(exc))
        raise ParseError(
            f"not a readable Word (.docx) document: {reason}",
            detail_zh=f"无法读取的 Word 文档（.docx）：{reason}",
        ) from None
    blocks: list[Block] = []
    for number, element in enumerate(body, start=1):
        if element.tag == _W + "p":
            text = _text(element)
            style = style_of(element)
            if style.startswith(("Heading", "标题", "Title")):
                level = int(style[-1]) if style[-1:].isdigit() else 1
                blocks.append(Heading(text, level, Location(number), literal=True))
            else:
                blocks.append(Paragraph(text, Location(number), literal=True))
        elif element.tag == _W + "tbl":
            blocks.append(_table(element, number))
    return Layout("docx", tuple(blocks), fold=_fold, properties=properties)


_WHAT = Bilingual("a Word (.docx) document", "Word 文档（.docx）")
# A DTD as the XML parts of a document may be encoded (Word writes UTF-8, XML allows UTF-16).
_DTD = tuple("<!DOCTYPE".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be"))


def _fail(message: Bilingual, part: str | None) -> ParseError:
    placed = message.at(part) if part else message
    return ParseError(placed, detail_zh=placed.message_zh)


#: The most bytes of XML a Word part may hold for each character of ``max_text_chars``:
#: Word spends some tens of bytes of markup on each character of a formatted text.
XML_BYTES_PER_CHAR = 16


def _check_parts(archive: zipfile.ZipFile, limits: ExcelLimits) -> None:
    """Read every part once (the archive's sizes are checked): damage and DTDs are refused.

    An XML part larger than :data:`XML_BYTES_PER_CHAR` bytes a character of the text
    limit is refused unread: python-docx would hold its whole tree in memory.
    """
    most = XML_BYTES_PER_CHAR * limits.max_text_chars
    for info in archive.infolist():
        if info.filename.endswith(".xml") and info.file_size > most:
            raise _fail(
                Bilingual(
                    f"the part is {info.file_size:,} bytes of XML, more than the limit of "
                    f"{most:,} ({XML_BYTES_PER_CHAR} bytes a character of max_text_chars)",
                    f"该部件有 {info.file_size:,} 字节的 XML，超过 {most:,} 字节的上限"
                    f"（按 max_text_chars 每字符 {XML_BYTES_PER_CHAR} 字节计）",
                ),
                info.filename,
            )
    for name in archive.namelist():
        part = read_member(archive, name, _fail, _WHAT)
        if name.endswith((".xml", ".rels")) and any(dtd in part for dtd in _DTD):
            raise _fail(
                Bilingual(
                    "refused: the part declares a DTD; Word documents never need one and it is "
                    "a known attack (billion laughs)",
                    "拒绝读取：该部件声明了 DTD；Word 文档从不需要它，而它是已知的攻击手段"
                    "（“十亿笑声”）",
                ),
                name,
            )


def _paragraph_styles(document: Any) -> Callable[[Any], str]:
    """The style name of a body paragraph, as python-docx's ``Paragraph.style`` gives it.

    The styles are looked up once: python-docx looks the default style up afresh for each
    paragraph, which took 23 s for 20,000 paragraphs.
    """
    from docx.enum.style import WD_STYLE_TYPE

    first: dict[str, tuple[Any, str]] = {}
    for style in document.styles:
        first.setdefault(style.style_id, (style.type, style.name or ""))
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    default_name = (default.name or "") if default is not None else ""

    def style_of(paragraph: Any) -> str:
        style_id = getattr(paragraph, "style", None)
        found = first.get(style_id) if isinstance(style_id, str) else None
        if found is None or found[0] != WD_STYLE_TYPE.PARAGRAPH:
            return default_name
        return found[1]

    return style_of
