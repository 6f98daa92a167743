"""The Markdown reader: pipe tables in pieces, escapes and separators."""

from __future__ import annotations

from govdisclosure._parse.layout import Table
from govdisclosure._parse.readers.markdown import read_markdown


def test_markdown_tables_in_pieces() -> None:
    """Each pipe run is a table; separators are not rows; escaped pipes stay text."""
    layout = read_markdown(
        "## 表三\n| a | b\\|c |\n|---|---|\n\n| **1** | 2 |\n|:--|--:|\n- 4 -\n---\n文字"
    )
    tables = [b for b in layout.blocks if isinstance(b, Table)]
    assert [[c.text for c in t.cells] for t in tables] == [["a", "b|c"], ["1", "2"]]
    assert layout.blocks[-1].text == "文字"  # type: ignore[union-attr]


def test_front_matter_becomes_the_layouts_properties() -> None:
    """A block of name: value lines between --- lines at the top is properties, not text."""
    layout = read_markdown("---\nmeta.agency: 某某局\nmeta.title:\n---\n# 标题\n正文")
    assert dict(layout.properties) == {"meta.agency": "某某局", "meta.title": ""}
    assert [b.text for b in layout.blocks] == ["标题", "正文"]  # type: ignore[union-attr]
    assert layout.blocks[0].location.line == 5


def test_a_block_that_is_not_front_matter_is_text() -> None:
    """A --- block holding any other line, or not at the top, or not closed, is read as text."""
    for text in (
        "---\n发布机构：某某局\n---\n正文",
        "正文\n---\nmeta.agency: 某某局\n---",
        "---\nmeta.agency: 某某局\n正文",
    ):
        layout = read_markdown(text)
        assert dict(layout.properties) == {}
        assert any("某某局" in b.text for b in layout.blocks)  # type: ignore[union-attr]
