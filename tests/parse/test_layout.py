"""The neutral layout: literal text folded by the fold its reader set, and by none."""

from __future__ import annotations

import pytest

from govdisclosure._parse.layout import Cell, Heading, Layout, Location, Paragraph, Table
from govdisclosure._parse.readers.html import read_html
from govdisclosure._parse.readers.markdown import read_markdown
from govdisclosure._parse.readers.text import read_text

LITERAL = " a \t b \n\n- 3 -\n[bookmark: _Toc1]c "


def _folded(layout: Layout) -> list[tuple[str, str]]:
    return [
        (type(b).__name__, " ".join(c.text for c in b.cells) if isinstance(b, Table) else b.text)
        for b in layout.plain().blocks
    ]


def test_layout_without_literal_text_is_its_own_plain_view() -> None:
    """A layout with nothing literal is returned as it is."""
    layout = Layout("text", (Paragraph(" a ", Location(1)),))
    assert layout.plain() is layout


def test_layout_built_without_a_reader_folds_lines() -> None:
    """Without a reader's fold, literal text is stripped line by line, empty lines dropped."""
    layout = Layout(
        "pdf",
        (
            Heading(" h \n", 1, Location(1), literal=True),
            Paragraph(LITERAL, Location(2), literal=True),
            Paragraph("\n", Location(3), literal=True),
            Table((Cell(" x \n y ", 0, 0, literal=True), Cell(" z ", 0, 1)), Location(4)),
        ),
    )
    assert _folded(layout) == [
        ("Heading", "h"),
        ("Paragraph", "a \t b"),
        ("Paragraph", "- 3 -"),
        ("Paragraph", "[bookmark: _Toc1]c"),
        ("Table", "x\ny  z "),
    ]
    table = layout.plain().blocks[-1]
    assert isinstance(table, Table)
    assert [c.text for c in table.cells] == ["x\ny", " z "]


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        (
            read_html(f'<p style="white-space:pre-wrap">{LITERAL}</p>'),
            [("Paragraph", "a b"), ("Paragraph", "- 3 -"), ("Paragraph", "[bookmark: _Toc1]c")],
        ),
        (
            read_text("\u3000\u3000\\" + LITERAL.replace("\n", "\\n").replace("\t", "\\t")),
            [("Paragraph", "a \t b"), ("Paragraph", "c")],
        ),
        (read_markdown("# <br>\n<br>\n正文"), [("Paragraph", ""), ("Paragraph", "正文")]),
    ],
    ids=["html", "text", "markdown"],
)
def test_each_reader_folds_its_literal_text(
    layout: Layout, expected: list[tuple[str, str]]
) -> None:
    """Each reader folds as it reads ordinary text.

    HTML collapses whitespace, text drops page footers and bookmarks, Markdown keeps an
    empty paragraph but not an empty heading.
    """
    assert _folded(layout) == expected
