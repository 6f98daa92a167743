"""The layout as a stream of items: text lines and table rows, in reading order.

The recogniser reads a document as one list of :class:`Item`: each paragraph or heading
is one item, and so is each row of each table. A text line that ends in a figure may be
a table row a converter wrote as a line (text extracted from a PDF): its tokens are kept as
its cells. :func:`split_row` splits an item into its label and the values that trail it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from govdisclosure._format.vocabulary import PLACEHOLDERS, SECTION_KEYS, UNITS, normalise
from govdisclosure._parse.layout import Block, Heading, Location, Table
from govdisclosure._parse.recognise.values import is_value_text

__all__ = ["Item", "Row", "Token", "fit", "has_number", "items_of", "split_row", "unflatten"]

#: The last character of a cell that may hold a figure: a digit, or the end of a
#: placeholder or a unit. Only a text line ending in one can be a table row.
_VALUE_ENDS = frozenset(p[-1] for p in PLACEHOLDERS) | frozenset(u[-1] for u in UNITS)
_TOKEN = re.compile(r"\S+")


class Token(NamedTuple):
    """One cell of a row, or one word of a text line, and where it stands."""

    text: str
    location: Location


class Item(NamedTuple):
    """A text line or a table row.

    Attributes:
        pos: the item's index in the stream.
        text: the line, or the row's cell texts joined by spaces.
        cells: the row's cells; for a line that may be a table row, its words (else none).
        is_row: the item is a table row.
        row: a table row's grid row.
        location: where the item starts.
        heading: the input marks the line as a heading.
        norm: ``text`` through the label normaliser, computed once: the recogniser compares
            every line by it several times, and normalising was most of its time on long
            documents.
    """

    pos: int
    text: str
    cells: tuple[Token, ...]
    is_row: bool
    row: int | None
    location: Location
    heading: bool
    norm: str


def items_of(blocks: Iterable[Block]) -> list[Item]:
    """The blocks of a layout as items: each paragraph or heading, and each table row."""
    items: list[Item] = []
    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows():
                cells = tuple(Token(c.text, c.location) for c in row)
                text = " ".join(c.text for c in row if c.text)
                items.append(
                    Item(
                        len(items),
                        text,
                        cells,
                        True,
                        row[0].row,
                        row[0].location,
                        False,
                        normalise(text),
                    )
                )
            continue
        for text, loc in unflatten(block.text, block.location):
            items.append(_line_item(len(items), text, loc, isinstance(block, Heading)))
    return items


def _line_item(pos: int, text: str, loc: Location, heading: bool) -> Item:
    tokens: tuple[Token, ...] = ()
    # Only a line ending in a figure (or a 信息内容 header) can be a table row.
    if text and (text[-1].isdigit() or text[-1] in _VALUE_ENDS or "信息内容" in text):
        tokens = tuple(
            Token(m.group(), Location(loc.line, loc.column + m.start(), loc.offset + m.start()))
            for m in _TOKEN.finditer(text)
        )
    return Item(pos, text, tokens, False, None, loc, heading, normalise(text))


def has_number(text: str) -> bool:
    """``True`` when a text holds a digit."""
    return any(ch.isdigit() for ch in text)


class Row(NamedTuple):
    """An item split into its label and the values that trail it.

    Attributes:
        item: the item.
        label: the cells (or words) before the values, joined by spaces.
        values: the trailing cells that hold a figure, a placeholder or nothing.
        first: the index in ``item.cells`` of the first value.
    """

    item: Item
    label: str
    values: tuple[Token, ...]
    first: int

    @property
    def numeric(self) -> bool:
        """``True`` when some value holds a digit."""
        return any(has_number(v.text) for v in self.values)


def split_row(item: Item) -> Row:
    """Split a row or a text line into its label and its trailing values."""
    cells = item.cells
    last_label = -1
    for i in range(len(cells) - 1, -1, -1):
        if not is_value_text(cells[i].text):
            last_label = i
            break
    label = " ".join(c.text for c in cells[: last_label + 1] if c.text)
    values = cells[last_label + 1 :]
    if not item.is_row:
        values = tuple(v for v in values if v.text)
    return Row(item, label, values, last_label + 1)


def fit(values: Sequence[Token], width: int) -> tuple[Token, ...] | None:
    """Trim blank padding a converter added around a row's values; None if it won't fit."""
    start, stop = 0, len(values)
    while stop - start > width and not values[stop - 1].text.strip():
        stop -= 1
    while stop - start > width and not values[start].text.strip():
        start += 1
    return tuple(values[start:stop]) if stop - start == width else None


#: Below this length a line is never split: a flattened page is one very long line.
_FLAT_LINE = 1000
_SECTION_NUMBER = re.compile(r"[一二三四五六]、")
#: The key phrases that make ``一、`` … ``六、`` a section heading inside a flattened line
#: (the short, loose ones such as 问题 are left out: a row label may hold them).
_FLAT_KEYS = tuple(tuple(key for key in keys if len(key) >= 4) for _section, keys in SECTION_KEYS)
_HEADING_REACH = 25


def _window(text: str, start: int) -> str:
    """The text a heading may span: up to the next figure or the next numbered heading."""
    window = text[start : start + _HEADING_REACH]
    for i, char in enumerate(window):
        if char.isdigit() or (char == "、" and i and window[i - 1] in "一二三四五六"):
            return window[: i - 1 if char == "、" else i]
    return window


def _heading_end(text: str, end: int) -> int:
    """Where a heading ends: after its key phrase, and the rest up to its 情况 if any."""
    if text[end - 2 : end] in ("情况", "事项"):
        return end
    found = text.find("情况", end, end + 12)
    if found >= 0 and not any(not ch.isalnum() and ch != "、" for ch in text[end:found]):
        return found + 2
    return end


def unflatten(text: str, loc: Location) -> list[tuple[str, Location]]:
    """A line that holds a whole flattened page, split at its section headings.

    Text scraped from a page with its structure flattened runs the six sections into one
    line (``…二、主动公开政府信息情况第二十条第（一）项 信息内容…``). Such a line (over
    1,000 characters, holding at least three numbered section headings in order) is split
    before each heading and after it, so that each heading is a line of its own. Any other
    line is returned as it is.

    >>> [t for t, _ in unflatten("短行", Location(1))]
    ['短行']
    """
    if len(text) < _FLAT_LINE:
        return [(text, loc)]
    cuts: list[tuple[int, int]] = []
    expected = 0
    for match in _SECTION_NUMBER.finditer(text):
        number = "一二三四五六".index(match.group()[0])
        if number < expected:
            continue
        window = _window(text, match.end())
        # The key found first, and of keys found at one place the fullest (其他需要报告的事项,
        # not 其他需要报告); a key found later is the text after the heading.
        found = [(window.find(k), -len(k)) for k in _FLAT_KEYS[number] if k in window]
        if not found:
            continue
        start, negative = min(found)
        end = _heading_end(text, match.end() + start - negative)
        cuts.append((match.start(), end))
        expected = number + 1
    if len(cuts) < 3:
        return [(text, loc)]
    pieces: list[tuple[str, Location]] = []
    bounds = [0]
    for start, end in cuts:
        bounds += [start, end]
    bounds.append(len(text))
    for begin, finish in itertools.pairwise(bounds):
        piece = text[begin:finish].strip()
        if piece:
            at = Location(loc.line, loc.column + begin, loc.offset + begin, loc.page)
            pieces.append((piece, at))
    return pieces
