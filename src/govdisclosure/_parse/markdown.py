"""The Markdown reader: reports converted to Markdown (often from their PDF).

Pipe tables become tables (a converter often splits one printed table into several pieces,
and may leave rows without their labels; the recogniser deals with that). ``#`` lines are
headings; every other line is a paragraph, since converted text keeps the PDF's line breaks.
"""

from __future__ import annotations

import re

from govdisclosure._parse.layout import Block, Cell, Heading, Layout, Location, Paragraph, Table
from govdisclosure._parse.text import is_page_footer, looks_wrapped

__all__ = ["read_markdown"]

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def _inline(text: str) -> str:
    text = _EMPHASIS.sub(r"\2", text)
    return text.replace("<br>", "\n").replace("<br/>", "\n").replace("\\|", "|").strip()


def _row_cells(line: str, number: int, line_offset: int, row: int) -> list[Cell]:
    body = line.strip()
    start = line.find(body)
    if body.startswith("|"):
        body = body[1:]
        start += 1
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells = []
    position = start
    for col, piece in enumerate(_CELL_SPLIT.split(body)):
        column = position + len(piece) - len(piece.lstrip())
        cells.append(
            Cell(_inline(piece), row, col, location=Location(number, column, line_offset + column))
        )
        position += len(piece) + 1
    return cells


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
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line_offset = offset
        offset += len(raw) + 1
        line = raw.rstrip("\r")
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
            blocks.append(Heading(_inline(heading.group(2)), len(heading.group(1)), location))
        else:
            blocks.append(Paragraph(_inline(stripped), location))
            prose.append(stripped)
    if table_start is not None:
        blocks.append(Table(tuple(cells), table_start))
    return Layout("markdown", tuple(blocks), wrapped=looks_wrapped(prose))
