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
