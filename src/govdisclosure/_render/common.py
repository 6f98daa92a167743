"""What every renderer writes, in the official order: the readers' layout, reversed.

A rendered report is a *marked document* (:mod:`govdisclosure._parse.recognise.marked`): the title,
the preface, the six sections (heading, then the text lines or the table and its notes),
and at the end the report-information table (报告信息) with the facts a printed report does
not show. Each renderer writes these parts with the means its readers honour.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from govdisclosure import _format, zh
from govdisclosure._format.vocabulary import (
    CUSTOMARY_TITLE,
    FEE_UNSTATED,
    LEVEL_NAMES,
    META_HEADER,
    NOTE_PREFIX,
    customary_title,
)
from govdisclosure._model.other_matters import stated_fee
from govdisclosure._model.report import AnnualReport
from govdisclosure._model.tables import TableGrid, table_grids

__all__ = [
    "META_HEADER",
    "META_WIDTHS_MM",
    "NOTE_PREFIX",
    "WIDTHS_MM",
    "Part",
    "flat_rows",
    "lines",
    "meta_rows",
    "parts",
    "printed_title",
    "subsection_head",
]

#: Column widths in millimetres, by table number; each adds up to the 156 mm text width.
WIDTHS_MM = {
    2: (48.0, 36.0, 36.0, 36.0),
    3: (13.0, 21.0, 38.0, *(12.0,) * 7),
    4: (10.4,) * 15,
}
#: Column widths of the report-information table.
META_WIDTHS_MM = (34.0, 122.0)
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


def meta_rows(report: AnnualReport) -> list[tuple[str, str]]:
    """The rows of the report-information table (label, value)."""
    meta = report.meta
    rows = [("标题", CUSTOMARY_TITLE)] if meta.title is None else []
    rows += [
        ("发布机构", meta.agency),
        ("报告年度", f"{meta.year}年度"),
        ("报告格式", meta.format_version.document_number),
    ]
    if meta.agency_level is not None:
        rows.append(("单位层级", LEVEL_NAMES[meta.agency_level]))
    if meta.published_on is not None:
        rows.append(("发布日期", zh.format_date(meta.published_on)))
    if meta.source is not None:
        rows.append(("来源", meta.source))
    fee = report.other_matters.information_fee_yuan
    if fee != stated_fee(report.other_matters.text)[0]:
        rows.append(("信息处理费", FEE_UNSTATED if fee is None else f"{_plain(fee)}元"))
    procurement = getattr(report.proactive_disclosure, "central_procurement", None)
    if procurement is not None and procurement.amount_unit is not None:
        rows.append(("采购金额单位", procurement.amount_unit))
    return rows


def _plain(amount: Decimal) -> str:
    return format(amount, "f")


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
