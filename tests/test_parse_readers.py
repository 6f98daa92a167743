"""The readers: bytes and documents of each kind laid out, and their quirks."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest

import govdisclosure as gd
from govdisclosure._parse import ParseWarning, WarningCode, parse, parse_file
from govdisclosure._parse.decode import decode
from govdisclosure._parse.layout import Location, Paragraph, Table
from govdisclosure._parse.readers.html import read_html
from govdisclosure._parse.readers.markdown import read_markdown
from govdisclosure._parse.readers.text import read_text
from govdisclosure.errors import UnknownPathError

CORPUS = Path(__file__).parent / "data" / "corpus"
QIJIANG = (CORPUS / "qijiang-psb-2023.txt").read_text("utf-8")
SHANGHAI = (CORPUS / "shanghai-bgt-2019.html").read_text("utf-8")


@pytest.mark.parametrize(
    "data",
    [
        SHANGHAI.encode("utf-8"),
        b"\xef\xbb\xbf" + SHANGHAI.encode("utf-8"),
        SHANGHAI.encode("gb18030"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' + SHANGHAI).encode(
            "gb18030"
        ),
        "\ufeff".encode("utf-16-le") + SHANGHAI.encode("utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "gb18030-undeclared", "gb2312-declared", "utf16-bom"],
)
def test_encodings_decode_to_the_same_report(data: bytes) -> None:
    """Bytes in every encoding sites use parse to the same report, without a warning."""
    expected = parse(SHANGHAI).report
    result = parse(data)
    assert result.report == expected
    assert not [w for w in result.warnings if w.code == WarningCode.DECODING]


def test_wrong_declared_charset_is_noted() -> None:
    """A declared charset that does not fit the bytes loses, with a note saying so."""
    text, note = decode(('<meta charset="gbk">' + "年度报告").encode("utf-8"))
    assert text.endswith("年度报告")
    assert note == "the page declares charset gb18030 but is encoded in utf-8"
    text, note = decode(('<meta charset="utf-8">' + "年度报告").encode("gbk"))
    assert text.endswith("年度报告")
    assert note == "the page declares charset utf-8 but is encoded in gb18030"
    assert decode(b'<meta charset="no-such-codec">ok') == ('<meta charset="no-such-codec">ok', None)


def test_undecodable_bytes_warn() -> None:
    """Bytes that fit no encoding become U+FFFD and the result says so."""
    data = QIJIANG.encode("utf-8") + b"\x81\x30\xff\xfe"
    result = parse(data, kind="text")
    assert result.warnings[0].code == WarningCode.DECODING
    assert result.report.meta.agency == "重庆市綦江区公安局"


def test_html_grid_spans_and_skipped_content() -> None:
    """Rowspans shift later cells; scripts, styles and comments are not text."""
    layout = read_html(
        "<title>T</title><script>var a='<td>';</script><style>p{}</style>"
        "<table><tr><td rowspan='2' colspan='2'>a</td><td>b<br>c</td></tr>"
        "<tr><td>d</td></tr><tr><td>e</td><td colspan=x>f</td><td>g</td></tr></table>"
        "<!-- note --><h2>小标题</h2><p>段落</p>"
    )
    assert layout.title == "T"
    table = layout.blocks[0]
    assert isinstance(table, Table)
    assert [(c.text, c.row, c.col, c.rowspan, c.colspan) for c in table.cells] == [
        ("a", 0, 0, 2, 2),
        ("b\nc", 0, 2, 1, 1),
        ("d", 1, 2, 1, 1),
        ("e", 2, 0, 1, 1),
        ("f", 2, 1, 1, 1),
        ("g", 2, 2, 1, 1),
    ]
    assert [(type(b).__name__, b.text) for b in layout.blocks[1:]] == [  # type: ignore[union-attr]
        ("Heading", "小标题"),
        ("Paragraph", "段落"),
    ]


def test_html_layout_tables_are_dissolved() -> None:
    """A page-layout table holding the report is read as the blocks it holds."""
    inner = "<table><tr><td>规章</td><td>0</td></tr></table>"
    page = f"<table><tr><td><p>一、总体情况</p><p>正文</p>{inner}</td></tr></table><p>尾</p>"
    layout = read_html(page)
    kinds = [type(b).__name__ for b in layout.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Table", "Paragraph"]
    long_cell = "<table><tr><td>" + "很长的正文。" * 100 + "</td></tr></table>"
    assert [type(b).__name__ for b in read_html(long_cell).blocks] == ["Paragraph"]


def test_html_fragments_without_tables_open() -> None:
    """Stray cell and row tags outside a table, and unclosed tables, do not break reading."""
    layout = read_html("<td>甲</td><tr><p>乙</p></tr></td><table><tr><td>丙")
    assert [b.text for b in layout.blocks if isinstance(b, Paragraph)] == ["甲", "乙"]
    assert isinstance(layout.blocks[-1], Table)


def test_html_wrapped_page_parses_like_the_fragment() -> None:
    """The same report inside a whole page with site chrome reads the same."""
    page = (
        "<html><head><meta charset='utf-8'><title>年报</title></head><body>"
        "<nav><a>首页</a></nav><div class='content'>" + SHANGHAI + "</div>"
        "<footer>版权所有 某某网站</footer></body></html>"
    )
    assert parse(page).report == parse(SHANGHAI).report


def test_text_reader_drops_footers_and_bookmarks() -> None:
    """Page numbers and Word bookmarks are not part of the text."""
    layout = read_text("[bookmark: _Toc1]一、总体情况\n- 3 -\n第 2 页 共 6 页\n正文。\n")
    assert [b.text for b in layout.blocks] == ["一、总体情况", "正文。"]  # type: ignore[union-attr]
    assert layout.blocks[1].location == Location(4, 0, 42)


def test_markdown_tables_in_pieces() -> None:
    """Each pipe run is a table; separators are not rows; escaped pipes stay text."""
    layout = read_markdown(
        "## 表三\n| a | b\\|c |\n|---|---|\n\n| **1** | 2 |\n|:--|--:|\n- 4 -\n---\n文字"
    )
    tables = [b for b in layout.blocks if isinstance(b, Table)]
    assert [[c.text for c in t.cells] for t in tables] == [["a", "b|c"], ["1", "2"]]
    assert layout.blocks[-1].text == "文字"  # type: ignore[union-attr]


def test_auto_kind_detection() -> None:
    """Auto-detection tells HTML, Markdown and DOCX text apart by their content."""
    md = (CORPUS / "shanghai-kewei-2024.md").read_text("utf-8")
    assert parse(md).report == parse(md, kind="markdown").report
    assert parse(QIJIANG).report == parse(QIJIANG, kind="text").report
    assert parse(SHANGHAI).kind == "html"


def test_source_of_and_result_helpers() -> None:
    """source_of knows cells, meta and sections; unknown paths raise UnknownPathError."""
    result = parse_file(CORPUS / "shuyang-fgj-2023.html")
    assert result.source_of("meta.published_on").raw == "公开日期 2024-01-17"  # type: ignore[union-attr]
    assert result.source_of("meta.agency") is not None
    assert result.source_of("overview").raw == "一、总体情况"  # type: ignore[union-attr]
    fee = result.source_of("other_matters.information_fee_yuan")
    assert fee is not None
    assert "未发生收费" in fee.raw
    assert result.source_of("preface") is None
    assert result.source_of("applications.new_received.commercial_enterprise") is not None
    with pytest.raises(UnknownPathError):
        result.source_of("applications.new_received.totl")
    assert not result.ok
    warning = ParseWarning(code="blank-cell", message="空", location=Location(3))
    assert str(warning) == "[blank-cell] 空 (line 3)"
    assert str(ParseWarning(code="x", message="m")) == "[x] m"


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


class _FakeTable:
    def __init__(self, rows: list[list[str | None]], bbox: tuple[float, ...]) -> None:
        self.rows = rows
        self.bbox = bbox

    def extract(self) -> list[list[str | None]]:
        return self.rows


class _FakePage:
    def __init__(self, words: list[dict[str, Any]], tables: list[_FakeTable]) -> None:
        self.words = words
        self.tables = tables

    def find_tables(self) -> list[_FakeTable]:
        return self.tables

    def extract_words(self, keep_blank_chars: bool = False) -> list[dict[str, Any]]:
        return self.words


class _FakePdf:
    def __init__(self, pages: list[_FakePage]) -> None:
        self.pages = pages

    def __enter__(self) -> _FakePdf:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _word(text: str, top: float, x0: float = 10) -> dict[str, Any]:
    return {"text": text, "top": top, "bottom": top + 10, "x0": x0, "x1": x0 + 50}


def test_pdf_reader_with_a_stub_pdfplumber(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ruled tables become grids with spans; other words become lines in page order."""
    values = [str(v) for v in (72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20)]
    table = _FakeTable(
        [["行政复议", None, None, None, None, "行政诉讼", *[None] * 9], values], (0, 300, 600, 400)
    )
    page1 = _FakePage(
        [
            _word("淮安市人民政府2024年政府信息公开工作年度报告", 10),
            _word("四、政府信息公开行政复议、行政诉讼情况", 200),
            _word("- 1 -", 780),
            _word("inside", 350, 100),
        ],
        [table],
    )
    page2 = _FakePage([_word("六、其他需要报告的事项", 10), _word("无。", 30)], [])
    fake = types.ModuleType("pdfplumber")
    fake.open = lambda stream: _FakePdf([page1, page2])  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pdfplumber", fake)
    from govdisclosure._parse.readers.pdf import read_pdf

    layout = read_pdf(b"%PDF")
    assert [type(b).__name__ for b in layout.blocks] == [
        "Paragraph",
        "Paragraph",
        "Table",
        "Paragraph",
        "Paragraph",
    ]
    grid = layout.blocks[2]
    assert isinstance(grid, Table)
    assert (grid.cells[0].colspan, grid.cells[1].colspan, grid.cells[1].col) == (5, 10, 5)
    assert layout.blocks[3].location.page == 2
    path_result = parse_file_bytes(monkeypatch, b"%PDF")
    assert path_result.report.cell("review_litigation.review.total") == 351
    assert path_result.report.cell("review_litigation.litigation_after_review.total") == 20


def parse_file_bytes(monkeypatch: pytest.MonkeyPatch, data: bytes) -> gd.AnnualReport:  # type: ignore[name-defined]
    """Parse ``data`` as a .pdf file through parse_file (the stub module is in place)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        path.write_bytes(data)
        return parse_file(path)  # type: ignore[return-value]
