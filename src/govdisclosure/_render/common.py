"""What every renderer writes, in the official order: the readers' layout, reversed.

A rendered report is a *marked document* (:mod:`govdisclosure._parse.recognise.marked`): the title,
the preface, the six sections (heading, then the text lines or the table and its notes),
and the signature (落款: the agency, and the date when known), exactly what a published
report prints. The facts a printed report does not show travel as the document's
properties (:func:`properties`). Each renderer writes these parts with the means its
readers honour.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from govdisclosure import _format, zh
from govdisclosure._format.vocabulary import (
    DOCUMENT_PROPERTIES,
    NOTE_PREFIX,
    customary_title,
    property_value,
)
from govdisclosure._model.other_matters import stated_fee
from govdisclosure._model.report import AnnualReport
from govdisclosure._model.tables import TableGrid, table_grids

__all__ = [
    "NOTE_PREFIX",
    "TITLE_LINE_EM",
    "WIDTHS_MM",
    "Part",
    "em_width",
    "flat_rows",
    "lines",
    "parts",
    "printed_title",
    "properties",
    "signature",
    "subsection_head",
    "table_blocks",
    "title_lines",
]

#: Column widths in millimetres, by table number; each adds up to the 156 mm text width.
WIDTHS_MM = {
    2: (48.0, 36.0, 36.0, 36.0),
    3: (13.0, 21.0, 38.0, *(12.0,) * 7),
    4: (10.4,) * 15,
}
#: How many characters of the title's size (二号, 22 pt) a line of the 156 mm text holds.
TITLE_LINE_EM = 20
_TEXT_SECTIONS = {
    "overview": "overview",
    "problems_improvements": "problems_improvements",
    "other_matters": "other_matters",
}
_MARKER = re.compile(r"[（(]([一二三四五六七八九十]{1,2})[）)]")
_NUMERALS = "一二三四五六七八九十"
_TITLE_STOPS = "。：:"
_TITLE_MAX = 40


class Part(NamedTuple):
    """One of the six sections as printed.

    Attributes:
        id: the section id (``overview`` …).
        heading: the heading as printed.
        lines: the text's lines (text sections), else empty.
        grid: the table (table sections), else ``None``.
        notes: the notes under the table.
    """

    id: str
    heading: str
    lines: tuple[str, ...]
    grid: TableGrid | None
    notes: tuple[str, ...]


def printed_title(report: AnnualReport) -> str:
    """The title as printed: the report's own, or the customary one."""
    meta = report.meta
    return meta.title if meta.title is not None else customary_title(meta.agency, meta.year)


def lines(text: str | None, *, optional: bool = False) -> tuple[str, ...] | None:
    """A text as its printed lines; ``None`` when an optional text is absent.

    A section's empty text prints no line; an optional text (the preface) that is empty
    prints one empty line, so that it reads back as ``""`` rather than ``None``.
    """
    if text is None:
        return None
    if not text:
        return ("",) if optional else ()
    return tuple(text.split("\n"))


def parts(report: AnnualReport) -> list[Part]:
    """The six sections in the official order, as they are printed."""
    grids = {grid.section: grid for grid in table_grids(report)}
    result = []
    for section in _format.format_spec(report.meta.format_version).sections:
        model = getattr(report, section.id)
        heading = model.heading if model.heading is not None else section.heading
        grid = grids.get(section.id)
        if grid is None:
            result.append(Part(section.id, heading, lines(model.text) or (), None, ()))
        else:
            result.append(Part(section.id, heading, (), grid, tuple(model.notes)))
    return result


def properties(report: AnnualReport) -> list[tuple[str, str]]:
    """The facts the document carries out of sight: (name, value) in the declared order.

    Each value is written by :func:`~govdisclosure._format.vocabulary.property_value`.
    The names are the model's paths (:data:`DOCUMENT_PROPERTIES`): the whole of
    ``meta`` (``meta.title`` and ``meta.source`` left out when ``None``), the 信息处理费
    when section 六's text would read another amount (an empty value: none), and the unit
    of the 2019 format's 采购总金额 when known.
    """
    meta = report.meta
    values: dict[str, str | None] = {
        "meta.agency": meta.agency,
        "meta.year": str(meta.year),
        "meta.format_version": meta.format_version.value,
        "meta.title": meta.title,
        "meta.published_on": None if meta.published_on is None else meta.published_on.isoformat(),
        "meta.agency_level": None if meta.agency_level is None else meta.agency_level.value,
        "meta.source": meta.source,
    }
    fee = report.other_matters.information_fee_yuan
    if fee != stated_fee(report.other_matters.text)[0]:
        values["other_matters.information_fee_yuan"] = "" if fee is None else str(fee)
    procurement = getattr(report.proactive_disclosure, "central_procurement", None)
    if procurement is not None:
        values["proactive_disclosure.central_procurement.amount_unit"] = procurement.amount_unit
    return [
        (name, property_value(value))
        for name in DOCUMENT_PROPERTIES
        if (value := values.get(name)) is not None
    ]


def signature(report: AnnualReport) -> tuple[str, ...]:
    """The signature (落款) as printed: the agency, and the date in Chinese when known.

    >>> import govdisclosure as gd
    >>> import datetime as dt
    >>> meta = gd.ReportMeta(agency="某某局", year=2023, published_on=dt.date(2024, 1, 26))
    >>> signature(gd.AnnualReport(meta=meta))
    ('某某局', '2024年1月26日')
    """
    meta = report.meta
    if meta.published_on is None:
        return (meta.agency,)
    return (meta.agency, zh.format_date(meta.published_on))


def em_width(text: str) -> float:
    """How wide a text prints, in characters of its size: Latin letters and digits are half.

    >>> em_width("綦江区2023年")
    6.0
    """
    return sum(1.0 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 0.5 for ch in text)


#: Where a title may break: before or after the year, before the kind of report, and
#: before 工作年度报告 (its two words).
_TITLE_BREAKS = re.compile(
    r"(?=\d{4}年)|(?<=\d{4}年)(?!度)|(?<=\d{4}年度)|(?=政府信息公开|政务公开)"
    r"|(?<![府务])(?=信息公开)|(?=(?:工作)?年度报告$)|(?<=[）)、])"
)


def title_lines(title: str, width: float = TITLE_LINE_EM) -> list[str]:
    """The title in balanced lines, broken only between words.

    A title that fits one line is one line. A longer one breaks where a word ends (before
    or after the year, before 政府信息公开 or 工作年度报告, after a closing bracket) so
    that every line fits and the lines are as even as they can be; a title with no such
    place, or that already holds a line break, is left to the word processor.

    >>> title_lines("重庆市綦江区公安局2023年政府信息公开工作年度报告")
    ['重庆市綦江区公安局2023年', '政府信息公开工作年度报告']
    >>> title_lines("某某局2023年政府信息公开工作年度报告")
    ['某某局2023年政府信息公开工作年度报告']
    """
    if em_width(title) <= width or "\n" in title or title != title.strip():
        return [title]
    cuts = sorted({m.start() for m in _TITLE_BREAKS.finditer(title)} - {0, len(title)})
    best: tuple[float, list[str]] | None = None
    for count in (1, 2):
        for chosen in _combinations(cuts, count):
            pieces = [title[a:b] for a, b in zip((0, *chosen), (*chosen, len(title)), strict=True)]
            widths = [em_width(piece) for piece in pieces]
            if max(widths) > width:
                continue
            spread = max(widths) - min(widths)
            if best is None or spread < best[0]:
                best = (spread, pieces)
        if best is not None:
            return best[1]
    return [title]


def _combinations(cuts: list[int], count: int) -> list[tuple[int, ...]]:
    if count == 1:
        return [(cut,) for cut in cuts]
    return [(a, b) for i, a in enumerate(cuts) for b in cuts[i + 1 :]]


def table_blocks(grid: TableGrid) -> list[range]:
    """The body rows of a table in the blocks that belong on one page.

    In 表二 a block is a 第二十条 item: the row spanning the table that names it
    (第二十条第（一）项) and the rows under it; the other tables' body is one block, which
    may break across pages between any rows. The ranges count the rows of ``grid.body``.
    """
    rows = len(grid.body)
    if grid.number != 2:
        return [range(rows)]
    starts = [
        r
        for r, row in enumerate(grid.body)
        if r == 0 or (len(row) == 1 and row[0].colspan == grid.width)
    ]
    return [range(a, b) for a, b in zip(starts, [*starts[1:], rows], strict=True)]


def flat_rows(grid: TableGrid) -> list[list[str]]:
    """The table as a full grid of texts; the places a merged cell covers are empty.

    This is the Markdown and plain-text convention: a merged cell's text stands in its
    top-left place, and the places it covers are left empty.
    """
    rows: Sequence[Sequence[object]] = (*grid.head, *grid.body)
    width = grid.width
    out = [[""] * width for _ in rows]
    taken = [[False] * width for _ in rows]
    for r, row in enumerate(grid.head + grid.body):
        c = 0
        for cell in row:
            while taken[r][c]:
                c += 1
            out[r][c] = cell.text
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken[r + dr][c + dc] = True
            c += cell.colspan
    return out


def subsection_head(text_lines: Sequence[str]) -> dict[int, int]:
    """The overview lines that open subsections （一）, （二）…, and the length of each head.

    The head is the marker and the subsection's title with its stop (``（一）主动公开方面。``),
    printed in the level-2 heading font; the rest of the line is body text.
    """
    heads: dict[int, int] = {}
    expected = 1
    for index, line in enumerate(text_lines):
        body = line.lstrip()
        match = _MARKER.match(body)
        if match is None or match.group(1) != _numeral(expected):
            continue
        expected += 1
        indent = len(line) - len(body)
        rest = body[match.end() :]
        cut = min((rest.find(s) for s in _TITLE_STOPS if rest.find(s) >= 0), default=-1)
        if 0 <= cut <= _TITLE_MAX:
            heads[index] = indent + match.end() + cut + 1
        elif len(rest) <= _TITLE_MAX:
            heads[index] = len(line)
        else:
            heads[index] = indent + match.end()
    return heads


def _numeral(n: int) -> str:
    return _NUMERALS[n - 1] if n <= 10 else "十" + _NUMERALS[n - 11]
