"""The neutral layout every reader produces and the recogniser reads.

A layout is what a document looks like with its format forgotten: headings, paragraphs and
tables, in reading order. A table is a grid of cells, each with its text, its row and
column, its row and column spans, and where it stands in the input. Readers know nothing
about annual reports; the recogniser knows nothing about HTML, Markdown or Word.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TypeAlias

import attrs

__all__ = [
    "Block",
    "Cell",
    "Heading",
    "Layout",
    "LineIndex",
    "Location",
    "Paragraph",
    "Table",
]


@attrs.frozen
class Location:
    """Where something stands in the input.

    Attributes:
        line: the line, from 1 (for DOCX and PDF: the paragraph or text line number).
        column: the character offset within that line, from 0.
        offset: the character offset from the start of the decoded input, from 0.
        page: the page, from 1, when the input has pages (PDF).
    """

    line: int
    column: int = 0
    offset: int = 0
    page: int | None = None


@attrs.frozen
class Cell:
    r"""One cell of a table grid as the input holds it.

    Attributes:
        text: the cell's text, stripped at both ends (line breaks inside kept as ``\n``).
        row: the grid row of the cell's top-left corner, from 0.
        col: the grid column of the cell's top-left corner, from 0 (after earlier spans).
        rowspan: how many grid rows the cell covers.
        colspan: how many grid columns the cell covers.
        location: where the cell starts in the input.
    """

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    location: Location = Location(1)


@attrs.frozen
class Heading:
    """A heading the input marks as one (``<h2>``, ``## …``, a Word heading style)."""

    text: str
    level: int
    location: Location


@attrs.frozen
class Paragraph:
    """A paragraph, or one line of text where the input is plain text."""

    text: str
    location: Location


@attrs.frozen
class Table:
    """A table: its cells in reading order (row by row, left to right).

    >>> t = Table((Cell("a", 0, 0), Cell("b", 0, 1), Cell("c", 1, 0, colspan=2)), Location(1))
    >>> [[c.text for c in row] for row in t.rows()]
    [['a', 'b'], ['c']]
    """

    cells: tuple[Cell, ...]
    location: Location

    def rows(self) -> list[tuple[Cell, ...]]:
        """The cells that start in each grid row, row by row (empty rows omitted)."""
        rows: dict[int, list[Cell]] = {}
        for cell in self.cells:
            rows.setdefault(cell.row, []).append(cell)
        return [tuple(rows[r]) for r in sorted(rows)]


Block: TypeAlias = Heading | Paragraph | Table


@attrs.frozen
class Layout:
    """A document as the recogniser sees it.

    Attributes:
        kind: the input kind (``html``, ``text``, ``markdown``, ``docx``, ``pdf``).
        blocks: headings, paragraphs and tables in reading order.
        title: the document's own title (HTML ``<title>``), when it has one.
        wrapped: ``True`` when lines are broken at a fixed width (text extracted from a PDF),
            so that a paragraph continues on the next line.
    """

    kind: str
    blocks: tuple[Block, ...]
    title: str | None = None
    wrapped: bool = False


class LineIndex:
    r"""Turns character offsets into line and column numbers.

    >>> index = LineIndex("ab\ncd")
    >>> index.location(3)
    Location(line=2, column=0, offset=3, page=None)
    """

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos >= 0:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts: Sequence[int] = starts

    def location(self, offset: int) -> Location:
        """The location of a character offset."""
        line = bisect.bisect_right(self._starts, offset) - 1
        return Location(line + 1, offset - self._starts[line], offset)

    def offset(self, line: int, column: int) -> int:
        """The character offset of a 1-based line and 0-based column."""
        if 1 <= line <= len(self._starts):
            return self._starts[line - 1] + column
        return column
