"""The Word reader: a .docx of the seed report, merged cells kept as spans."""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure._parse import parse_file
from govdisclosure._parse.layout import Table
from govdisclosure._parse.readers.text import read_text

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
QIJIANG = (CORPUS / "qijiang-psb-2023.txt").read_text("utf-8")


def _docx_bytes(tmp_path: Path) -> Path:
    docx = pytest.importorskip("docx")
    layout = read_text(QIJIANG)
    document = docx.Document()
    document.add_heading("重庆市綦江区公安局2023年政府信息公开工作年度报告", level=1)
    for block in layout.blocks[2:]:
        if isinstance(block, Table):
            rows = block.rows()
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell.text
        else:
            document.add_paragraph(block.text)
    # A merged header: 行政复议 over five columns, 结果维持 over two rows.
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1))
    table.cell(0, 2).merge(table.cell(1, 2))
    table.cell(0, 0).text = "合并"
    path = tmp_path / "report.docx"
    document.save(str(path))
    return path


def test_docx_reader(tmp_path: Path) -> None:
    """A Word file of the seed report parses to the bundled sample's tables and texts."""
    path = _docx_bytes(tmp_path)
    result = parse_file(path)
    example = gd.examples.load("qijiang-psb-2023")
    assert result.kind == "docx"
    assert result.report.applications == example.applications
    assert result.report.proactive_disclosure == example.proactive_disclosure
    assert result.report.review_litigation == example.review_litigation
    assert result.report.overview == example.overview
    from govdisclosure._parse.readers.docx import read_docx

    last = read_docx(path.read_bytes()).blocks[-1]
    assert isinstance(last, Table)
    assert [(c.text, c.row, c.col, c.rowspan, c.colspan) for c in last.cells] == [
        ("合并", 0, 0, 1, 2),
        ("", 0, 2, 2, 1),
        ("", 1, 0, 1, 1),
        ("", 1, 1, 1, 1),
    ]


def test_docx_custom_properties_become_the_layouts_properties() -> None:
    """The custom document properties of a Word file are the layout's properties."""
    pytest.importorskip("docx")
    from govdisclosure._parse.readers.docx import read_docx

    report = gd.examples.load("qijiang-psb-2023")
    layout = read_docx(gd.render(report, "docx"))
    assert layout.properties["meta.agency"] == "重庆市綦江区公安局"
    assert layout.properties["meta.format_version"] == "2021"


def _plain_docx(body: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """python-docx's empty document (with its styles) holding ``body`` in ``<w:body>``."""
    docx = pytest.importorskip("docx")
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    head, _, rest = parts["word/document.xml"].partition(b"<w:body>")
    parts["word/document.xml"] = (
        head
        + b"<w:body>"
        + body
        + rest.partition(b"<w:sectPr")[1]
        + (rest.partition(b"<w:sectPr")[2])
    )
    parts.update(extra or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _paragraph(text: str, style: str | None = None) -> bytes:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>".encode()


def test_styles_are_looked_up_once() -> None:
    """20,000 paragraphs read in well under a second each way python-docx names styles.

    Timed with a generous bound: python-docx's per-paragraph style lookup took 23 s here.
    Headings keep their level; an unknown or character style is the default paragraph.
    """
    from govdisclosure._parse.layout import Heading, Paragraph
    from govdisclosure._parse.readers.docx import read_docx

    body = (
        _paragraph("标题一", "Heading1")
        + _paragraph("未知样式", "NoSuchStyle")
        + _paragraph("字符样式", "DefaultParagraphFont")
        + _paragraph("正文") * 20_000
    )
    start = time.perf_counter()
    blocks = read_docx(_plain_docx(body)).blocks
    assert time.perf_counter() - start < 5
    assert isinstance(blocks[0], Heading)
    assert (blocks[0].text, blocks[0].level) == ("标题一", 1)
    assert all(isinstance(b, Paragraph) for b in blocks[1:])
    assert len(blocks) == 20_003


@pytest.mark.parametrize(
    ("value", "colspan"), [("abc", 1), ("", 1), ("2", 2), ("9" * 5000, 1000), ("-3", 1)]
)
def test_grid_span_is_read_leniently(value: str, colspan: int) -> None:
    """A ``gridSpan`` that is no number spans one column; a huge one at most 1,000."""
    from govdisclosure._parse.readers.docx import read_docx

    cell = (
        f'<w:tc><w:tcPr><w:gridSpan w:val="{value}"/></w:tcPr>'
        "<w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc>"
    )
    layout = read_docx(_plain_docx(f"<w:tbl><w:tr>{cell}</w:tr></w:tbl>".encode()))
    [table] = layout.blocks
    assert isinstance(table, Table)
    assert [(c.text, c.colspan) for c in table.cells] == [("甲", colspan)]


def _with_flags(data: bytes, mask: int) -> bytes:
    """Set bits of the general-purpose flags of every entry (1: encrypted)."""
    import struct

    raw = bytearray(data)
    for signature, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = raw.find(signature)
        while pos >= 0:
            (flags,) = struct.unpack_from("<H", raw, pos + at)
            struct.pack_into("<H", raw, pos + at, flags | mask)
            pos = raw.find(signature, pos + 4)
    return bytes(raw)


def _bomb() -> bytes:
    """30 MiB of zeros: the part that _plain_docx compresses about a thousand times."""
    return bytes(30 * 2**20)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bomb", "word/media/image1.png: refused: the part expands 31,457,280 bytes"),
        ("dtd", "word/document.xml: refused: the part declares a DTD"),
        ("encrypted", "the part is encrypted (password-protected)"),
        ("damaged", "the part is damaged"),
        ("deep", "not a readable Word (.docx) document: Excessive depth"),
        ("not a zip", "not a Word (.docx) document: the file is not a zip archive"),
    ],
)
def test_hostile_word_files_are_refused(name: str, message: str, tmp_path: Path) -> None:
    """Bombs, DTDs, encrypted, damaged or too deep documents end in ParseError, named.

    The archive is checked with the limits workbooks are read under (ExcelLimits) before
    python-docx inflates anything.
    """
    from govdisclosure._parse import ParseError

    good = _plain_docx(_paragraph("正文"))
    if name == "bomb":
        data = _plain_docx(_paragraph("正文"), {"word/media/image1.png": _bomb()})
    elif name == "dtd":
        data = _plain_docx(_paragraph("正文"))
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = {n: archive.read(n) for n in archive.namelist()}
        head, sep, rest = parts["word/document.xml"].partition(b"?>")
        parts["word/document.xml"] = head + sep + b'<!DOCTYPE w [<!ENTITY a "x">]>' + rest
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            for part, content in parts.items():
                archive.writestr(part, content)
        data = out.getvalue()
    elif name == "encrypted":
        data = _with_flags(good, 1)
    elif name == "damaged":
        raw = bytearray(good)
        with zipfile.ZipFile(io.BytesIO(good)) as archive:
            info = archive.getinfo("word/styles.xml")
        start = info.header_offset + 30 + len(info.filename) + len(info.extra)
        for i in range(start + 8, start + 40):
            raw[i] ^= 0x55
        data = bytes(raw)
    elif name == "deep":
        data = _plain_docx(b"<w:p>" * 300 + b"</w:p>" * 300)
    else:
        data = "一、总体情况".encode()
    path = tmp_path / f"{name}.docx"
    path.write_bytes(data)
    with pytest.raises(ParseError, match=re.escape(message)):
        parse_file(path)


def test_an_xml_part_past_the_text_limit_is_refused_unread(tmp_path: Path) -> None:
    """A Word part of more XML than 16 bytes a character of max_text_chars: ParseError.

    python-docx holds a part's whole tree in memory: 117 MB of paragraphs took 16 s.
    """
    path = _docx_bytes(tmp_path)
    with zipfile.ZipFile(path) as archive:
        parts = [i for i in archive.infolist() if i.filename.endswith(".xml")]
    largest = max(parts, key=lambda i: i.file_size)
    limits = gd.ExcelLimits(max_text_chars=largest.file_size // 16 - 1)
    with pytest.raises(gd.ParseError, match="max_text_chars") as caught:
        parse_file(path, limits=limits)
    assert str(caught.value).startswith(f"{largest.filename}: the part is ")
    chars = largest.file_size // 16 + 1
    assert parse_file(path, limits=gd.ExcelLimits(max_text_chars=chars)).kind == "docx"
