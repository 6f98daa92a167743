"""The plain-text reader: what it drops from text extracted from Word and PDF files."""

from __future__ import annotations

from govdisclosure._parse.layout import Location
from govdisclosure._parse.readers.text import read_text


def test_text_reader_drops_footers_and_bookmarks() -> None:
    """Page numbers and Word bookmarks are not part of the text."""
    layout = read_text("[bookmark: _Toc1]一、总体情况\n- 3 -\n第 2 页 共 6 页\n正文。\n")
    assert [b.text for b in layout.blocks] == ["一、总体情况", "正文。"]  # type: ignore[union-attr]
    assert layout.blocks[1].location == Location(4, 0, 42)
