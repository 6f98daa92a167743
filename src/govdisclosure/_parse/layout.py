"""The neutral layout every reader produces and the recogniser reads.

A layout is what a document looks like with its format forgotten: headings, paragraphs and
tables, in reading order. A table is a grid of cells, each with its text, its row and
column, its row and column spans, and where it stands in the input. Readers know nothing
about annual reports; the recogniser knows nothing about HTML, Markdown or Word.

Literal text. Most documents let a reader fold whitespace (HTML collapses it, text lines
are stripped). Where a document marks its text as literal (an HTML element styled
``white-space: pre-wrap`` or a ``<pre>``, any Word paragraph, a decoded Markdown line, an
indented or escaped line of plain text), the reader keeps it exactly, empty or multi-line,
and flags the block ``literal``. Each reader also says how it folds ordinary text, as a
:data:`Fold` the layout carries; :meth:`Layout.plain` folds literal blocks with it, which
is the view the key-phrase recogniser reads. The layout knows no reader.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TypeAlias

import attrs

__all__ = [
    "MAX_SPAN",
    "Block",
    "Cell",
    "Fold",
    "Heading",
    "Layout",
    "LineIndex",
    "Location",
    "Paragraph",
    "Table",
    "fold_lines",
    "numbered_lines",
    "span",
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
        literal: the text is exactly as the document holds it (not stripped).
    """

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    location: Location = Location(1)
    literal: bool = False


@attrs.frozen
class Heading:
    """A heading the input marks as one (``<h2>``, ``## …``, a Word heading style).

    ``literal``: the text is exactly as the document holds it (may be empty or multi-line).
    """

    text: str
    level: int
    location: Location
    literal: bool = False


@attrs.frozen
class Paragraph:
    """A paragraph, or one line of text where the input is plain text.

    ``literal``: the text is exactly as the document holds it (may be empty or multi-line).
    """

    text: str
    location: Location
    literal: bool = False


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


#: The most grid rows or columns one cell may span: a web page or Word file claiming more
#: (``colspan=100000``) would make a grid of millions of places.
MAX_SPAN = 1000


def span(value: str | None) -> int:
    """A cell's span as an HTML ``rowspan``/``colspan`` or Word ``gridSpan`` states it.

    Read leniently, as browsers do: the leading digits, 1 when there are none, at most
    :data:`MAX_SPAN`.

    >>> span("3"), span(" 2px"), span("abc"), span(None), span("0"), span("007")
    (3, 2, 1, 1, 1, 7)
    >>> span("9" * 5000)
    1000
    """
    if not value:
        return 1
    text = value.lstrip()
    digits = text[: len(text) - len(text.lstrip("0123456789"))].lstrip("0")
    if not digits:
        return 1
    return MAX_SPAN if len(digits) > len(str(MAX_SPAN)) else min(int(digits), MAX_SPAN)


Block: TypeAlias = Heading | Paragraph | Table
#: How a reader folds text: given a literal text and whether it stays one block (a heading
#: or a table cell) rather than one paragraph per line, the lines the reader would have
#: made of the same text had it not been literal.
Fold: TypeAlias = Callable[[str, bool], list[str]]


def fold_lines(text: str, whole: bool) -> list[str]:
    r"""The fold of a layout whose reader sets none: lines stripped, empty lines dropped.

    >>> fold_lines(" a \n\n b  c", False)
    ['a', 'b  c']
    """
    return [line.strip() for line in text.split("\n") if line.strip()]


@attrs.frozen
class Layout:
    """A document as the recogniser sees it.

    Attributes:
        kind: the input kind (``html``, ``text``, ``markdown``, ``docx``, ``pdf``).
        blocks: headings, paragraphs and tables in reading order.
        title: the document's own title (HTML ``<title>``), when it has one.
        wrapped: ``True`` when lines are broken at a fixed width (text extracted from a PDF),
            so that a paragraph continues on the next line.
        fold: how the reader folds ordinary text, for :meth:`plain`.
        properties: what the document states about itself out of sight, by name, as
            written: Word's custom document properties, HTML ``<meta name=…>`` tags,
            Markdown front matter. Readers keep every one; the recogniser knows the names.
    """

    kind: str
    blocks: tuple[Block, ...]
    title: str | None = None
    wrapped: bool = False
    fold: Fold = attrs.field(default=fold_lines, repr=False)
    properties: Mapping[str, str] = attrs.field(factory=dict, hash=False, repr=False)

    @property
    def has_literal(self) -> bool:
        """``True`` when some block or cell holds literal text."""
        for block in self.blocks:
            if isinstance(block, Table):
                if any(cell.literal for cell in block.cells):
                    return True
            elif block.literal:
                return True
        return False

    def plain(self) -> Layout:
        r"""The layout with its literal text folded by the reader's :attr:`fold`.

        Each literal paragraph becomes the paragraphs its fold makes of it (none when it
        folds to nothing), each literal heading the headings, and each literal cell holds
        its folded lines.

        >>> layout = Layout("text", (Paragraph(" a \n\n b  c", Location(1), literal=True),))
        >>> [b.text for b in layout.plain().blocks]
        ['a', 'b  c']
        """
        if not self.has_literal:
            return self
        fold = self.fold
        blocks: list[Block] = []
        for block in self.blocks:
            if isinstance(block, Table):
                cells = tuple(
                    Cell(
                        "\n".join(fold(c.text, True)) if c.literal else c.text,
                        c.row,
                        c.col,
                        c.rowspan,
                        c.colspan,
                        c.location,
                    )
                    for c in block.cells
                )
                blocks.append(Table(cells, block.location))
            elif not block.literal:
                blocks.append(block)
            elif isinstance(block, Heading):
                blocks.extend(
                    Heading(line, block.level, block.location) for line in fold(block.text, True)
                )
            else:
                blocks.extend(Paragraph(line, block.location) for line in fold(block.text, False))
        return attrs.evolve(self, blocks=tuple(blocks))


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


def numbered_lines(text: str) -> Iterator[tuple[int, int, str]]:
    r"""Yield each line as (its number from 1, its offset in the text, the line without \r).

    >>> list(numbered_lines("ab\r\nc"))
    [(1, 0, 'ab'), (2, 4, 'c')]
    """
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        yield number, offset, raw.rstrip("\r")
        offset += len(raw) + 1
