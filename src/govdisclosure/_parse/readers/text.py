r"""The plain-text reader: text extracted from DOCX and PDF files.

Two shapes occur. Text extracted from a Word file (python-docx, pandoc, antiword) writes
each table cell on its own line indented by a tab, with a blank line between table rows.
Text extracted from a PDF writes a table row as one line, its cells separated by spaces,
and breaks long labels over several lines. The reader keeps both as they are: tab-indented
runs become tables; every other line is a paragraph. It drops what is not the document's
own text: page footers (``- 3 -``, ``第 3 页``) and Word bookmark artefacts
(``[bookmark: _Toc3296]``).

Literal lines. A line indented by exactly two ideographic spaces (``　　``, the customary
first-line indent of a paragraph) is literal text: what follows the indent is kept exactly,
even when empty or when it starts or ends with spaces. A line, cell or indented text that
starts with a backslash is escaped: ``\\``, ``\n``, ``\r``, ``\t``, ``\uXXXX`` and
``\UXXXXXXXX`` stand for the characters they name, and the text is kept exactly (a lone
``\`` is the empty text). Documents written by :func:`govdisclosure.render` use both;
text extracted from real documents practically never starts a line with a backslash.
"""

from __future__ import annotations

import re

from govdisclosure._format.vocabulary import INDENT, is_page_footer
from govdisclosure._parse.layout import (
    Block,
    Cell,
    Layout,
    Location,
    Paragraph,
    Table,
    numbered_lines,
)

__all__ = ["looks_wrapped", "read_text", "unescape"]

_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([nrt\\]))")
_NAMED = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\"}


def _unescape_one(match: re.Match[str]) -> str:
    short, long, named = match.groups()
    if named is not None:
        return _NAMED[named]
    number = int(short or long, 16)
    if number > 0x10FFFF:
        return match.group()
    return chr(number)


def unescape(text: str) -> str:
    r"""Decode the escapes of an escaped line (without its leading backslash).

    >>> unescape(r"a\nb\u3000\\")
    'a\nb\u3000\\'
    """
    return _ESCAPE.sub(_unescape_one, text)


_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")
_SENTENCE_END = frozenset("。！？；：”）」』.!?;:)")
_WRAP_MIN_LINE = 15


def looks_wrapped(lines: list[str]) -> bool:
    """Tell whether prose lines are broken at a fixed width (text from a PDF).

    Lines of prose in a Word or web document end at sentence ends; lines of text extracted
    from a PDF end wherever the page did.
    """
    long_lines = [s for s in (line.rstrip() for line in lines) if len(s) >= _WRAP_MIN_LINE]
    if len(long_lines) < 3:
        return False
    broken = sum(1 for s in long_lines if s[-1] not in _SENTENCE_END)
    return broken * 2 > len(long_lines)


def _fold(text: str, whole: bool) -> list[str]:
    """Fold literal text as ordinary lines: bookmarks and page footers dropped, stripped."""
    lines = (_BOOKMARK.sub("", line).strip() for line in text.split("\n"))
    return [line for line in lines if line and not is_page_footer(line)]


class _Blocks:
    """The blocks of a text, built line by line: paragraphs, and the table being filled."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.prose: list[str] = []
        self._cells: list[Cell] = []
        self._start: Location | None = None
        self._row = self._col = 0

    @property
    def in_table(self) -> bool:
        """``True`` while tab-indented cell lines are being read."""
        return self._start is not None

    def cell(self, number: int, line_offset: int, body: str) -> None:
        """A tab-indented line: the next cell of the current row (``body``: after the tab)."""
        if self._start is None:
            self._start = Location(number, 0, line_offset)
            self._row = self._col = 0
        escaped = body.startswith("\\")
        self._cells.append(
            Cell(
                unescape(body[1:]) if escaped else body.strip(),
                self._row,
                self._col,
                location=Location(number, 1, line_offset + 1),
                literal=escaped,
            )
        )
        self._col += 1

    def end_row(self) -> None:
        """A blank line: in a table, the next cell starts a new row."""
        if self._start is not None and self._col:
            self._row += 1
            self._col = 0

    def end_table(self) -> None:
        """A line that is not a cell: the table, if one is open, is complete."""
        if self._start is not None:
            self.blocks.append(Table(tuple(self._cells), self._start))
            self._cells = []
            self._start = None

    def literal(self, number: int, line_offset: int, line: str) -> None:
        """A line indented by :data:`INDENT`: literal text, escaped or not."""
        self.end_table()
        body = line[2:]
        text = unescape(body[1:]) if body.startswith("\\") else body
        column = len(line) - len(line.lstrip()) if line.strip() else 2
        self.blocks.append(
            Paragraph(text, Location(number, column, line_offset + column), literal=True)
        )
        self.prose.append(text.strip())

    def escaped(self, number: int, line_offset: int, line: str) -> None:
        """A line starting with a backslash: escaped text."""
        self.end_table()
        self.blocks.append(Paragraph(unescape(line[1:]), Location(number, 0, line_offset)))

    def line(self, number: int, line_offset: int, line: str) -> None:
        """Any other line: a paragraph, unless blank, a page footer or a bookmark."""
        if "[bookmark:" in line:
            line = _BOOKMARK.sub("", line)
        stripped = line.strip()
        if not stripped:
            self.end_row()
            return
        if is_page_footer(stripped):
            return
        if self._start is not None:
            self.end_table()
        column = line.find(stripped[0])
        self.blocks.append(Paragraph(stripped, Location(number, column, line_offset + column)))
        self.prose.append(stripped)


def read_text(text: str, kind: str = "text") -> Layout:
    r"""Lay out plain text.

    Args:
        text: the decoded text.
        kind: the input kind to record (``text``, or ``docx``/``pdf`` for text a reader
            extracted from those).

    Returns:
        Paragraphs (one per line) and the tables of tab-indented cell lines.

    >>> layout = read_text("标题\n\t规章\n\t0\n\n\t行政许可\n\t5\n正文")
    >>> [type(b).__name__ for b in layout.blocks]
    ['Paragraph', 'Table', 'Paragraph']
    >>> [[c.text for c in row] for row in layout.blocks[1].rows()]
    [['规章', '0'], ['行政许可', '5']]
    """
    blocks = _Blocks()
    for number, line_offset, line in numbered_lines(text):
        if line.startswith("\t"):
            blocks.cell(number, line_offset, line[1:])
        elif line.startswith(INDENT) and (not blocks.in_table or _BOOKMARK.sub("", line).strip()):
            blocks.literal(number, line_offset, line)
        elif line.startswith("\\"):
            blocks.escaped(number, line_offset, line)
        else:
            blocks.line(number, line_offset, line)
    blocks.end_table()
    return Layout(kind, tuple(blocks.blocks), wrapped=looks_wrapped(blocks.prose), fold=_fold)
