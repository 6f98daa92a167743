"""The HTML reader: grids with spans, page-layout tables, fragments and whole pages."""

from __future__ import annotations

import time
from pathlib import Path

from govdisclosure._parse import parse
from govdisclosure._parse.layout import Paragraph, Table
from govdisclosure._parse.readers.html import read_html

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
SHANGHAI = (CORPUS / "shanghai-bgt-2019.html").read_text("utf-8")


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


def test_html_meta_tags_become_the_layouts_properties() -> None:
    """<meta name content> tags are properties, the first of a name winning; not text."""
    layout = read_html(
        '<head><meta name="meta.agency" content="某某局 &amp; 办">'
        '<meta name="meta.agency" content="另一个"/><meta charset="utf-8">'
        '<meta name="meta.year" content=""></head><p>正文</p>'
    )
    assert dict(layout.properties) == {"meta.agency": "某某局 & 办", "meta.year": ""}
    assert [b.text for b in layout.blocks] == ["正文"]  # type: ignore[union-attr]


def test_spans_end_at_the_table_and_cover_a_bounded_area() -> None:
    """A rowspan ends at the table's last row; past MAX_TABLE_AREA a cell spans nothing.

    1,000 rows of ``<td rowspan=1000 colspan=1000>`` took 15 s to place.
    """
    from govdisclosure._parse.readers.html import MAX_TABLE_AREA

    cell = "<tr><td rowspan=100 colspan=100>x</td></tr>"
    start = time.perf_counter()
    (table,) = read_html(f"<table>{cell * 1000}</table>").blocks
    assert time.perf_counter() - start < 2
    assert isinstance(table, Table)
    spans = [(c.row, c.col, c.rowspan, c.colspan) for c in table.cells]
    fit = MAX_TABLE_AREA // 100**2
    assert spans[:2] == [(0, 0, 100, 100), (1, 100, 100, 100)]
    last, after = spans[fit - 1], spans[fit]
    assert (last, after) == ((fit - 1, (fit - 1) * 100, 100, 100), (fit, fit * 100, 1, 1))
    page = "<table><tr><td rowspan=9>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
    (short,) = read_html(page).blocks
    assert isinstance(short, Table)
    assert [(c.text, c.row, c.col, c.rowspan) for c in short.cells] == [
        ("a", 0, 0, 2),
        ("b", 0, 1, 1),
        ("c", 1, 1, 1),
    ]
