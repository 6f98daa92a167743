"""The report as a Word document in the layout of 党政机关公文格式 (GB/T 9704-2012).

A4 paper with the standard's margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm, a
156 × 225 mm text block); the title in 方正小标宋简体 二号, section headings (Word's
``Heading 1``) in 黑体 三号, the overview's subsection heads in 楷体_GB2312, body text in
仿宋_GB2312 三号 with a two-character first-line indent and fixed 28.95 pt line spacing;
each font names its east-Asian face (``w:eastAsia``) so that Word uses it, and the font
table names the common fallbacks (仿宋, 楷体, 宋体). Page numbers in 四号 宋体 as
``— 1 —``, odd pages on the right and even pages on the left. Tables have full single
borders, bold header cells, merged cells (``w:gridSpan``, ``w:vMerge``), fixed column widths
that fill the text block, and 小四 text (表四's fifteen columns 五号); their header rows
repeat on each page, no row splits across a page, and each block of 表二 (a 第二十条 item
with its rows) stays on one page. A title too long for one line breaks into balanced lines
between words (GB/T 9704 7.3.3: 词意完整，排列对称). The signature (落款) closes the text
as GB/T 9704 sets it for a document without a seal: a line below the text, the agency's
name two characters from the right margin, and under it the date in Chinese, its first
character two characters right of the name's.

The report's facts travel as custom document properties (``docProps/custom.xml``, named
by the model's paths); the core properties give the title, the agency as author and the
language.

Word keeps text exactly; characters XML cannot hold are written as ``w:sym`` with their
code, which the Word reader turns back into the character.
"""

from __future__ import annotations

import io
from typing import Any

from govdisclosure._format.vocabulary import XML_INVALID
from govdisclosure._model.report import AnnualReport
from govdisclosure._model.tables import GridCell, TableGrid
from govdisclosure._render import common as _common
from govdisclosure.errors import UnsupportedFormatError

__all__ = ["render_docx"]

_TWIPS_PER_MM = 1440 / 25.4
_TEXT_WIDTH = round(156 * _TWIPS_PER_MM)
_LINE = 579  # 28.95 pt in twentieths of a point: 22 lines on the 225 mm text block

FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
KAITI = "楷体_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"
LATIN = "Times New Roman"
#: Fonts the font table offers Word when the official face is not installed.
FALLBACKS = {
    FANGSONG: ("仿宋", "modern"),
    KAITI: ("楷体", "modern"),
    XIAOBIAOSONG: ("宋体", "roman"),
    HEITI: ("SimHei", "modern"),
    SONGTI: ("SimSun", "roman"),
}


def _docx() -> Any:
    try:
        import docx
    except ImportError:  # pragma: no cover - depends on the environment
        raise UnsupportedFormatError(
            "writing .docx files needs python-docx: pip install 'govdisclosure[docx]'",
            detail_zh="写出 .docx 文件需要 python-docx：pip install 'govdisclosure[docx]'",
        ) from None
    return docx


class _Writer:
    """Builds the document's XML with python-docx's element factory."""

    def __init__(self) -> None:
        docx = _docx()
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        self.docx = docx
        self.element = OxmlElement
        self.qn = qn
        self.document = docx.Document()

    def el(self, tag: str, **attributes: str) -> Any:
        element = self.element(tag)
        for name, value in attributes.items():
            element.set(self.qn(f"w:{name}"), value)
        return element

    def fonts(self, east_asia: str, latin: str = LATIN) -> Any:
        return self.el(
            "w:rFonts", ascii=latin, hAnsi=latin, eastAsia=east_asia, cs=latin, hint="eastAsia"
        )

    def run_properties(
        self, east_asia: str | None = None, size: float | None = None, bold: bool = False
    ) -> Any:
        rpr = self.el("w:rPr")
        if east_asia is not None:
            rpr.append(self.fonts(east_asia))
        if bold:
            rpr.append(self.el("w:b"))
            rpr.append(self.el("w:bCs"))
        if size is not None:
            half_points = str(round(size * 2))
            rpr.append(self.el("w:sz", val=half_points))
            rpr.append(self.el("w:szCs", val=half_points))
        return rpr

    def run(self, text: str, rpr: Any | None = None) -> Any:
        """A run holding ``text`` exactly: tabs, breaks and XML-invalid characters as such."""
        run = self.el("w:r")
        if rpr is not None:
            run.append(rpr)
        buffer: list[str] = []

        def flush() -> None:
            if buffer:
                t = self.el("w:t")
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                t.text = "".join(buffer)
                run.append(t)
                buffer.clear()

        for ch in text:
            code = ord(ch)
            if ch == "\t":
                flush()
                run.append(self.el("w:tab"))
            elif ch == "\n":
                flush()
                run.append(self.el("w:br"))
            elif code in XML_INVALID:
                flush()
                run.append(self.el("w:sym", font="Symbol", char=f"{code:04X}"))
            else:
                buffer.append(ch)
        flush()
        return run

    def paragraph(self, style: str | None = None, **layout: str) -> Any:
        p = self.el("w:p")
        ppr = self.el("w:pPr")
        if style is not None:
            ppr.append(self.el("w:pStyle", val=style))
        if "jc" in layout:
            ppr.append(self.el("w:jc", val=layout["jc"]))
        if "indent" in layout:
            ppr.append(self.el("w:ind", **{layout["indent"]: "0", "firstLineChars": "0"}))
        p.append(ppr)
        return p

    def body_append(self, element: Any) -> None:
        body = self.document.element.body
        body.insert(len(body) - 1, element)  # before the final w:sectPr


def _style_fonts(writer: _Writer, style: Any, east_asia: str, size: float, bold: bool) -> None:
    rpr = style.element.get_or_add_rPr()
    for child in list(rpr):
        rpr.remove(child)
    rpr.append(writer.fonts(east_asia))
    rpr.append(writer.el("w:b", val="1" if bold else "0"))
    rpr.append(writer.el("w:bCs", val="1" if bold else "0"))
    rpr.append(writer.el("w:color", val="000000"))
    rpr.append(writer.el("w:sz", val=str(round(size * 2))))
    rpr.append(writer.el("w:szCs", val=str(round(size * 2))))
    rpr.append(writer.el("w:lang", val="en-US", eastAsia="zh-CN"))


def _style_paragraph(
    writer: _Writer, style: Any, *, jc: str, indent: bool, line: int, after: int = 0
) -> None:
    ppr = style.element.get_or_add_pPr()
    for child in list(ppr):
        ppr.remove(child)
    if style.name.startswith(("Heading", "Title")):
        ppr.append(writer.el("w:keepNext"))
    ppr.append(
        writer.el("w:spacing", before="0", after=str(after), line=str(line), lineRule="exact")
    )
    if indent:
        ppr.append(writer.el("w:ind", firstLine="640", firstLineChars="200"))
    ppr.append(writer.el("w:jc", val=jc))
    if style.name.startswith("Heading"):
        ppr.append(writer.el("w:outlineLvl", val="0"))


def _setup(writer: _Writer) -> None:
    from docx.shared import Mm

    document = writer.document
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(23)
    styles = document.styles
    _style_fonts(writer, styles["Normal"], FANGSONG, 16, False)
    _style_paragraph(writer, styles["Normal"], jc="both", indent=True, line=_LINE)
    _style_fonts(writer, styles["Title"], XIAOBIAOSONG, 22, False)
    _style_paragraph(writer, styles["Title"], jc="center", indent=False, line=700, after=_LINE)
    _style_fonts(writer, styles["Heading 1"], HEITI, 16, False)
    _style_paragraph(writer, styles["Heading 1"], jc="both", indent=True, line=_LINE)
    for name in ("Title", "Heading 1"):
        # The template's theme fonts and borders would override the official faces.
        ppr = styles[name].element.pPr
        for border in ppr.findall(writer.qn("w:pBdr")):
            ppr.remove(border)
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(writer, section.footer, right=True)
    _page_number(writer, section.even_page_footer, right=False)
    _font_table(writer)


def _page_number(writer: _Writer, footer: Any, *, right: bool) -> None:
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]._p
    ppr = p.get_or_add_pPr()
    ppr.append(writer.el("w:ind", **({"right": "280"} if right else {"left": "280"})))
    ppr.append(writer.el("w:jc", val="right" if right else "left"))

    def rpr() -> Any:
        return writer.run_properties(SONGTI, 14)

    p.append(writer.run("— ", rpr()))
    begin = writer.el("w:r")
    begin.append(rpr())
    begin.append(writer.el("w:fldChar", fldCharType="begin"))
    instruction = writer.el("w:r")
    instruction.append(rpr())
    code = writer.el("w:instrText")
    code.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    code.text = " PAGE "
    instruction.append(code)
    separate = writer.el("w:r")
    separate.append(writer.el("w:fldChar", fldCharType="separate"))
    end = writer.el("w:r")
    end.append(writer.el("w:fldChar", fldCharType="end"))
    p.extend([begin, instruction, separate, writer.run("1", rpr()), end])
    p.append(writer.run(" —", rpr()))


def _font_table(writer: _Writer) -> None:
    """Name the usual fallback of each official face in the font table."""
    from lxml import etree  # type: ignore[import-untyped]

    for part in writer.document.part.package.iter_parts():
        if str(part.partname) != "/word/fontTable.xml":
            continue
        root = etree.fromstring(part.blob)
        for name, (alternative, family) in FALLBACKS.items():
            font = writer.el("w:font", name=name)
            font.append(writer.el("w:altName", val=alternative))
            font.append(writer.el("w:charset", val="86"))
            font.append(writer.el("w:family", val=family))
            root.append(font)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _text_paragraph(writer: _Writer, text: str, head: int = 0) -> Any:
    p = writer.paragraph()
    if head:
        p.append(writer.run(text[:head], writer.run_properties(KAITI)))
        text = text[head:]
    if text:
        p.append(writer.run(text))
    return p


def _cell_xml(
    writer: _Writer,
    text: str,
    *,
    width: int,
    span: int,
    merge: str | None,
    header: bool,
    align: str,
    size: float,
    keep: bool = False,
) -> Any:
    tc = writer.el("w:tc")
    tcpr = writer.el("w:tcPr")
    tcpr.append(writer.el("w:tcW", w=str(width), type="dxa"))
    if span > 1:
        tcpr.append(writer.el("w:gridSpan", val=str(span)))
    if merge == "restart":
        tcpr.append(writer.el("w:vMerge", val="restart"))
    elif merge == "continue":
        tcpr.append(writer.el("w:vMerge"))
    tcpr.append(writer.el("w:vAlign", val="center"))
    tc.append(tcpr)
    p = writer.el("w:p")
    ppr = writer.el("w:pPr")
    if keep:
        ppr.append(writer.el("w:keepNext"))
    ppr.append(writer.el("w:spacing", before="0", after="0", line="300", lineRule="auto"))
    ppr.append(writer.el("w:ind", firstLine="0", firstLineChars="0"))
    ppr.append(writer.el("w:jc", val=align))
    p.append(ppr)
    if merge != "continue" and text:
        p.append(writer.run(text, writer.run_properties(FANGSONG, size, bold=header)))
    tc.append(p)
    return tc


def _table_xml(
    writer: _Writer,
    rows: tuple[tuple[GridCell, ...], ...],
    widths_mm: tuple[float, ...],
    *,
    head_rows: int,
    size: float,
    borders: dict[str, str],
    keep: frozenset[int] = frozenset(),
) -> Any:
    twips = [round(w * _TWIPS_PER_MM) for w in widths_mm]
    twips[-1] += _TEXT_WIDTH - sum(twips)
    width = len(twips)
    tbl = writer.el("w:tbl")
    tblpr = writer.el("w:tblPr")
    tblpr.append(writer.el("w:tblW", w=str(_TEXT_WIDTH), type="dxa"))
    tblpr.append(writer.el("w:jc", val="center"))
    edges = writer.el("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        spec = borders.get(edge, "nil")
        if spec == "nil":
            edges.append(writer.el(f"w:{edge}", val="nil"))
        else:
            edges.append(writer.el(f"w:{edge}", val="single", sz=spec, space="0", color="000000"))
    tblpr.append(edges)
    tblpr.append(writer.el("w:tblLayout", type="fixed"))
    margins = writer.el("w:tblCellMar")
    margins.append(writer.el("w:left", w="57", type="dxa"))
    margins.append(writer.el("w:right", w="57", type="dxa"))
    tblpr.append(margins)
    tbl.append(tblpr)
    grid = writer.el("w:tblGrid")
    for w in twips:
        grid.append(writer.el("w:gridCol", w=str(w)))
    tbl.append(grid)
    # (row, col) -> the cell whose merge covers it from above, with its column span
    below: dict[tuple[int, int], GridCell] = {}
    for r, row in enumerate(rows):
        tr = writer.el("w:tr")
        trpr = writer.el("w:trPr")
        trpr.append(writer.el("w:cantSplit"))
        if r < head_rows:
            trpr.append(writer.el("w:tblHeader"))
        tr.append(trpr)
        cells = iter(row)
        c = 0
        while c < width:
            covering = below.get((r, c))
            if covering is not None:
                cell, merge = covering, "continue"
            else:
                cell, merge = next(cells), None
                if cell.rowspan > 1:
                    merge = "restart"
                    for dr in range(1, cell.rowspan):
                        below[(r + dr, c)] = cell
            span = cell.colspan
            tr.append(
                _cell_xml(
                    writer,
                    cell.text,
                    width=sum(twips[c : c + span]),
                    span=span,
                    merge=merge,
                    header=cell.header,
                    align="left" if cell.scope == "row" else "center",
                    size=size,
                    keep=r in keep,
                )
            )
            c += span
        tbl.append(tr)
    return tbl


_GRID_BORDERS = dict.fromkeys(("top", "left", "bottom", "right", "insideH", "insideV"), "4")
#: One character of the body text (三号, 16 pt) in twentieths of a point.
_EM = 320


def _kept_rows(grid: TableGrid) -> frozenset[int]:
    """The rows kept with the next, so that no page breaks between them.

    The header rows, and every row of a block of :func:`~._common.table_blocks` but its
    last (in 表二: a 第二十条 item and its rows).
    """
    head = len(grid.head)
    kept = set(range(head))
    if grid.number == 2:
        for block in _common.table_blocks(grid):
            kept.update(head + r for r in block[:-1])
    return frozenset(kept)


def _signature(writer: _Writer, lines: tuple[str, ...]) -> list[Any]:
    """The signature's paragraphs, set as GB/T 9704-2012 7.3.5.2 sets an unsealed one."""
    name = _common.em_width(lines[0])
    date = _common.em_width(lines[1]) if len(lines) > 1 else 0.0
    # The name two characters from the right margin, the date's first character two
    # characters right of the name's; a date longer than that takes the two characters
    # and moves the name left.
    name_right = max(2.0, date - name + 4) if len(lines) > 1 else 2.0
    rights = (name_right, name_right + name - date - 2)
    paragraphs = []
    for index, (text, right) in enumerate(zip(lines, rights, strict=False)):
        p = writer.el("w:p")
        ppr = writer.el("w:pPr")
        if index < len(lines) - 1:
            ppr.append(writer.el("w:keepNext"))
        # No extra space between Chinese and digits: the widths above are the printed ones.
        ppr.append(writer.el("w:autoSpaceDE", val="0"))
        ppr.append(writer.el("w:autoSpaceDN", val="0"))
        if index == 0:
            ppr.append(writer.el("w:spacing", before=str(_LINE)))
        ppr.append(
            writer.el("w:ind", right=str(round(right * _EM)), firstLine="0", firstLineChars="0")
        )
        ppr.append(writer.el("w:jc", val="right"))
        p.append(ppr)
        p.append(writer.run(text))
        paragraphs.append(p)
    return paragraphs


def _keep_with_next(paragraph: Any, writer: _Writer) -> None:
    ppr = paragraph.find(writer.qn("w:pPr"))
    if ppr is not None and ppr.find(writer.qn("w:keepNext")) is None:
        ppr.insert(1 if ppr.find(writer.qn("w:pStyle")) is not None else 0, writer.el("w:keepNext"))


def _custom_properties(writer: _Writer, properties: list[tuple[str, str]]) -> None:
    """Write the facts as custom document properties (docProps/custom.xml)."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    ns = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
    vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns, "vt": vt})
    for pid, (name, value) in enumerate(properties, start=2):
        prop = etree.SubElement(
            root,
            f"{{{ns}}}property",
            fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}",
            pid=str(pid),
            name=name,
        )
        etree.SubElement(prop, f"{{{vt}}}lpwstr").text = value
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = writer.document.part.package
    part = Part(PackURI("/docProps/custom.xml"), CONTENT_TYPE.OFC_CUSTOM_PROPERTIES, blob, package)
    package.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES)


def render_docx(report: AnnualReport) -> bytes:
    """Render a report as a Word document (see :func:`govdisclosure.render`).

    Raises:
        UnsupportedFormatError: python-docx is not installed.
    """
    writer = _Writer()
    _setup(writer)
    title = writer.paragraph("Title")
    title.append(writer.run("\n".join(_common.title_lines(_common.printed_title(report)))))
    writer.body_append(title)
    for line in _common.lines(report.preface, optional=True) or ():
        writer.body_append(_text_paragraph(writer, line))
    last = title
    for part in _common.parts(report):
        heading = writer.paragraph("Heading1")
        heading.append(writer.run(part.heading))
        writer.body_append(heading)
        last = heading
        if part.grid is None:
            heads = _common.subsection_head(part.lines) if part.id == "overview" else {}
            for index, line in enumerate(part.lines):
                last = _text_paragraph(writer, line, heads.get(index, 0))
                writer.body_append(last)
            continue
        grid: TableGrid = part.grid
        writer.body_append(
            _table_xml(
                writer,
                grid.head + grid.body,
                _common.WIDTHS_MM[grid.number],
                head_rows=len(grid.head),
                size=10.5 if grid.number == 4 else 12,
                borders=_GRID_BORDERS,
                keep=_kept_rows(grid),
            )
        )
        for note in part.notes:
            writer.body_append(_text_paragraph(writer, _common.NOTE_PREFIX + note))
    # The last lines of the text go over the page with the signature, never it alone.
    _keep_with_next(last, writer)
    for paragraph in _signature(writer, _common.signature(report)):
        writer.body_append(paragraph)
    properties = writer.document.core_properties
    properties.title = _xml_safe(_common.printed_title(report))[:255]
    properties.author = _xml_safe(report.meta.agency)[:255]
    properties.last_modified_by = properties.author
    properties.comments = ""
    properties.language = "zh-CN"
    _custom_properties(writer, _common.properties(report))
    buffer = io.BytesIO()
    writer.document.save(buffer)
    return buffer.getvalue()


def _xml_safe(text: str) -> str:
    return "".join(ch for ch in text if ord(ch) not in XML_INVALID and ch != "\r")
