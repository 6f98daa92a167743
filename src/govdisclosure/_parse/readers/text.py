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


def read_text(text: str, kind: str = "text") -> Layout:  # noqa: PLR0912, PLR0915 - one pass
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
    blocks: list[Block] = []
    cells: list[Cell] = []
    table_start: Location | None = None
    row = col = 0
    prose: list[str] = []
    for number, line_offset, source_line in numbered_lines(text):
        line = source_line
        if line.startswith("\t"):
            if table_start is None:
                table_start = Location(number, 0, line_offset)
                row = col = 0
            body = line[1:]
            escaped = body.startswith("\\")
            cells.append(
                Cell(
                    unescape(body[1:]) if escaped else body.strip(),
                    row,
                    col,
                    location=Location(number, 1, line_offset + 1),
                    literal=escaped,
                )
            )
            col += 1
            continue
        if line.startswith(INDENT) and (table_start is None or _BOOKMARK.sub("", line).strip()):
            if table_start is not None:
                blocks.append(Table(tuple(cells), table_start))
                cells = []
                table_start = None
            body = line[2:]
            text_ = unescape(body[1:]) if body.startswith("\\") else body
            column = len(line) - len(line.lstrip()) if line.strip() else 2
            blocks.append(
                Paragraph(text_, Location(number, column, line_offset + column), literal=True)
            )
            prose.append(text_.strip())
            continue
        if line.startswith("\\"):
            if table_start is not None:
                blocks.append(Table(tuple(cells), table_start))
                cells = []
                table_start = None
            blocks.append(Paragraph(unescape(line[1:]), Location(number, 0, line_offset)))
            continue
        if "[bookmark:" in line:
            line = _BOOKMARK.sub("", line)
        if not line.strip():
            if table_start is not None and col:
                row += 1
                col = 0
            continue
        if is_page_footer(line):
            continue
        if table_start is not None:
            blocks.append(Table(tuple(cells), table_start))
            cells = []
            table_start = None
        stripped = line.strip()
        column = len(line) - len(line.lstrip())
        blocks.append(Paragraph(stripped, Location(number, column, line_offset + column)))
        prose.append(stripped)
    if table_start is not None:
        blocks.append(Table(tuple(cells), table_start))
    return Layout(kind, tuple(blocks), wrapped=looks_wrapped(prose))
