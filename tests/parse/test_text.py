"""The plain-text reader: what it drops from text extracted from Word and PDF files."""

from __future__ import annotations

from govdisclosure._parse import parse
from govdisclosure._parse.layout import Location
from govdisclosure._parse.readers.text import read_text


def test_text_reader_drops_footers_and_bookmarks() -> None:
    """Page numbers and Word bookmarks are not part of the text."""
    layout = read_text("[bookmark: _Toc1]一、总体情况\n- 3 -\n第 2 页 共 6 页\n正文。\n")
    assert [b.text for b in layout.blocks] == ["一、总体情况", "正文。"]  # type: ignore[union-attr]
    assert layout.blocks[1].location == Location(4, 0, 42)


def test_radicals_in_extracted_text_read_as_ideographs() -> None:
    """Text a tool extracted from a PDF keeps its fonts' radicals (⺠ for 民, ⼈ for 人)."""
    text = (
        "2019年上海市⼈⺠政府办公厅政府信息公开⼯作年度报告\n一、总体情况\n本机关严格落实条例。\n"
    )
    report = parse(text, "text").report
    assert report.meta.agency == "上海市人民政府办公厅"
    assert report.overview.text == "本机关严格落实条例。"
