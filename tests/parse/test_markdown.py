"""The Markdown reader: pipe tables in pieces, escapes and separators."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure._parse.layout import Table
from govdisclosure._parse.readers.markdown import _heading, _is_delimiter_row, read_markdown


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


# The patterns the reader used before issue 16, kept as the reference for short lines: on
# long ones they backtracked for seconds.
_OLD_HEADING = re.compile(r"^(#{1,6})(?:\s+(.*?))?(?:(?<!\\)\s*#+)?\s*$")
_OLD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


@given(st.text(alphabet="# \\a\u3000|-:", max_size=14))
def test_headings_and_delimiter_rows_read_as_the_patterns_did(text: str) -> None:
    """The scanning readers of headings and delimiter rows agree with the old patterns."""
    line = text.strip()
    old = _OLD_HEADING.match(line)
    assert _heading(line) == (None if old is None else (len(old[1]), old[2] or ""))
    assert _is_delimiter_row(line) == bool(_OLD_SEPARATOR.match(line))


@pytest.mark.parametrize(
    "text",
    [
        "# a" + " " * 100_000 + "b",
        "# a" + "\\" * 100_000 + " #",
        "|--" + " " * 100_000 + "x",
        "--" + " " * 100_000 + "x",
        "|" + "-- " * 50_000 + "x",
        ("# a" + " " * 2_000 + "b\n") * 100,
    ],
)
def test_hostile_markdown_lines_read_in_linear_time(text: str) -> None:
    """A heading or delimiter row padded with 100,000 characters reads at once.

    Timed with a generous bound: the old patterns were quadratic here (minutes);
    the readers take milliseconds.
    """
    start = time.perf_counter()
    read_markdown(text)
    assert time.perf_counter() - start < 2.0
