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

# One cell of a table's delimiter row, stripped: ---, :--, --: or :-:.
_DELIMITER = re.compile(r":?-{2,}:?")
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


def _heading(line: str) -> tuple[int, str] | None:
    r"""An ATX heading's level and raw text, or ``None``; ``line`` is stripped.

    One to six ``#`` and a space begin it (a line of ``#`` alone is an empty heading); a
    closing run of ``#`` not escaped by ``\`` ends it. Read by scanning from both ends, not
    by a pattern: a lazy pattern tried the closing run at every position of the text, which
    took seconds on a heading padded with spaces.

    >>> _heading("## 二、主动公开 ##"), _heading("# C\\#"), _heading("#7"), _heading("###")
    ((2, '二、主动公开'), (1, 'C\\#'), None, (3, ''))
    """
    level = len(line) - len(line.lstrip("#"))
    if level == 0:
        return None
    rest = line[level:]
    if not rest:
        return min(level, 6), ""
    if level > 6 or not rest[0].isspace():
        return None
    text = rest.lstrip()
    closing = len(text) - len(text.rstrip("#"))
    if closing == 0:
        return level, text
    body = text[: len(text) - closing].rstrip()
    if not body or body[-1] != "\\":
        return level, body
    # An escaped # (or space) is text: the closing run starts one character later.
    return level, text[: len(body) + 1]


def _is_delimiter_row(line: str) -> bool:
    """Whether a stripped line is a table's delimiter row (``|---|:--:|``), or ``---``.

    Split at its pipes rather than matched by one pattern: the pattern's runs of optional
    spaces overlapped, and a row padded with spaces took seconds.
    """
    body = line.removeprefix("|")
    body = body.removesuffix("|") if body else body
    return bool(body) and all(_DELIMITER.fullmatch(cell.strip()) for cell in body.split("|"))


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
            if not _is_delimiter_row(stripped):
                cells.extend(_row_cells(line, number, line_offset, row))
                row += 1
            continue
        if table_start is not None:
            blocks.append(Table(tuple(cells), table_start))
            cells = []
            table_start = None
        if not stripped or is_page_footer(stripped) or _is_delimiter_row(stripped):
            continue
        column = len(line) - len(line.lstrip())
        location = Location(number, column, line_offset + column)
        heading = _heading(stripped)
        if heading:
            level, content = heading
            blocks.append(Heading(decode_inline(content), level, location, literal=True))
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
