r"""The Markdown reader: reports converted to Markdown (often from their PDF).

Pipe tables become tables (a converter often splits one printed table into several pieces,
and may leave rows without their labels; the recogniser deals with that). ``#`` lines are
headings; every other line is a paragraph, since converted text keeps the PDF's line breaks.

Text is decoded as CommonMark decodes it: backslash escapes of ASCII punctuation
(``\|``, ``\#``, ``\*``), character references (``&#9;``, ``&amp;``) and ``<br>`` line
breaks; ``**strong**`` and ``__strong__`` lose their markers. Decoded text is exact, so every
block is literal (:class:`~govdisclosure._parse.layout.Paragraph`); a line holding only
``<br>`` is an empty line.

Front matter (a block of ``name: value`` lines between two ``---`` lines at the very top)
becomes the layout's properties. It is read strictly: every line of the block is an ASCII
name, a colon and a space, and the value to the end of the line (``name:`` alone is an
empty value); a block with any other line is not front matter but text.
"""

from __future__ import annotations

import html
import re

from govdisclosure._format.vocabulary import is_page_footer
from govdisclosure._parse.layout import (
    Block,
    Cell,
    Heading,
    Layout,
    Location,
    Paragraph,
    Table,
    numbered_lines,
)
from govdisclosure._parse.readers.text import looks_wrapped

__all__ = ["decode_inline", "front_matter", "read_markdown"]

_HEADING = re.compile(r"^(#{1,6})(?:\s+(.*?))?(?:(?<!\\)\s*#+)?\s*$")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_EMPHASIS = re.compile(r"(?<!\\)(\*\*|__)(.+?)(?<!\\)\1")
_INLINE = re.compile(
    r"\\([!-/:-@\[-`{-~])|&#([0-9]{1,7});|&#[xX]([0-9a-fA-F]{1,6});"
    r"|&([A-Za-z][A-Za-z0-9]{1,31});|<br\s*/?>",
    re.IGNORECASE,
)
_EMPTY_LINE = re.compile(r"^<br\s*/?>$", re.IGNORECASE)
_FRONT_MATTER_FENCE = "---"
_FRONT_MATTER_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_.\-]*):(?: (.*))?")
#: Front matter longer than this is not looked for: the block is a handful of facts.
_FRONT_MATTER_MAX = 64


def _code_point(number: int, raw: str) -> str:
    if number > 0x10FFFF or 0xD800 <= number <= 0xDFFF:
        return raw
    return chr(number)


def _replace(match: re.Match[str]) -> str:
    escaped, decimal, hexadecimal, name = match.groups()
    if escaped is not None:
        return escaped
    if decimal is not None:
        return _code_point(int(decimal), match.group())
    if hexadecimal is not None:
        return _code_point(int(hexadecimal, 16), match.group())
    if name is not None:
        return html.unescape(match.group())
    return "\n"


def decode_inline(text: str) -> str:
    r"""Decode Markdown inline text: escapes, character references, ``<br>``, strong markers.

    >>> decode_inline(r"a\|b&#32;<br>**c** \\ &amp; \q")
    'a|b \nc \\ & \\q'
    """
    if "**" in text or "__" in text:
        text = _EMPHASIS.sub(r"\2", text)
    if "\\" not in text and "&" not in text and "<" not in text:
        return text
    return _INLINE.sub(_replace, text)


def _pipes(body: str) -> list[int]:
    """The offsets of the unescaped ``|`` in a table line."""
    found = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "|":
            found.append(i)
        i += 1
    return found


def _row_cells(line: str, number: int, line_offset: int, row: int) -> list[Cell]:
    body = line.strip()
    start = line.find(body)
    pipes = _pipes(body)
    if pipes and pipes[0] == 0:
        pipes.pop(0)
        body = body[1:]
        start += 1
        pipes = [p - 1 for p in pipes]
    if pipes and pipes[-1] == len(body) - 1:
        pipes.pop()
        body = body[:-1]
    cells = []
    bounds = [-1, *pipes, len(body)]
    for col in range(len(bounds) - 1):
        piece = body[bounds[col] + 1 : bounds[col + 1]]
        column = start + bounds[col] + 1 + len(piece) - len(piece.lstrip())
        cells.append(
            Cell(
                decode_inline(piece.strip()),
                row,
                col,
                location=Location(number, column, line_offset + column),
                literal=True,
            )
        )
    return cells


def front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """The front matter at the top of a document's lines, and how many lines it takes.

    >>> front_matter(["---", "meta.year: 2023", "meta.title:", "---", "# 标题"])
    ({'meta.year': '2023', 'meta.title': ''}, 4)
    >>> front_matter(["---", "某某局：", "---"])
    ({}, 0)
    """
    if not lines or lines[0].rstrip() != _FRONT_MATTER_FENCE:
        return {}, 0
    found: dict[str, str] = {}
    for index, line in enumerate(lines[1 : _FRONT_MATTER_MAX + 2], start=1):
        if line.rstrip() == _FRONT_MATTER_FENCE:
            return found, index + 1
        match = _FRONT_MATTER_LINE.fullmatch(line.rstrip(" \t"))
        if match is None:
            break
        found.setdefault(match.group(1), match.group(2) or "")
    return {}, 0


def _fold(text: str, whole: bool) -> list[str]:
    """Fold decoded Markdown for the recogniser: stripped; an empty paragraph is kept."""
    text = text.strip()
    return [text] if text or not whole else []


def read_markdown(text: str) -> Layout:
    r"""Lay out a Markdown document.

    Args:
        text: the decoded Markdown.

    Returns:
        Its headings, paragraphs (one per line) and pipe tables.

    >>> layout = read_markdown("# 报告\n| 规章 | 0 |\n|---|---|\n| 许可 | 5 |\n正文")
    >>> [type(b).__name__ for b in layout.blocks]
    ['Heading', 'Table', 'Paragraph']
    >>> [[c.text for c in r] for r in layout.blocks[1].rows()]
    [['规章', '0'], ['许可', '5']]
    """
    blocks: list[Block] = []
    cells: list[Cell] = []
    table_start: Location | None = None
    row = 0
    prose: list[str] = []
    numbered = list(numbered_lines(text))
    properties, skip = front_matter([line for _, _, line in numbered[: _FRONT_MATTER_MAX + 2]])
    for number, line_offset, line in numbered[skip:]:
        stripped = line.strip()
        if stripped.startswith("|"):
            if table_start is None:
                table_start = Location(number, 0, line_offset)
                row = 0
            if not _SEPARATOR.match(stripped):
                cells.extend(_row_cells(line, number, line_offset, row))
                row += 1
            continue
        if table_start is not None:
            blocks.append(Table(tuple(cells), table_start))
            cells = []
            table_start = None
        if not stripped or is_page_footer(stripped) or _SEPARATOR.match(stripped):
            continue
        column = len(line) - len(line.lstrip())
        location = Location(number, column, line_offset + column)
        heading = _HEADING.match(stripped)
        if heading:
            content = decode_inline(heading.group(2) or "")
            blocks.append(Heading(content, len(heading.group(1)), location, literal=True))
        elif _EMPTY_LINE.match(stripped):
            blocks.append(Paragraph("", location, literal=True))
        else:
            blocks.append(Paragraph(decode_inline(stripped), location, literal=True))
            prose.append(stripped)
    if table_start is not None:
        blocks.append(Table(tuple(cells), table_start))
    return Layout(
        "markdown", tuple(blocks), wrapped=looks_wrapped(prose), fold=_fold, properties=properties
    )
