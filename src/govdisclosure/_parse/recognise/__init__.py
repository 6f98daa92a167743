"""The recogniser: any layout in, one annual report out, with warnings and sources.

A document that marks its structure (:mod:`~govdisclosure._parse.recognise.marked`, what
:func:`govdisclosure.render` writes) is read exactly by its marks. Any other document is
read from its plain layout, in named steps:

1. :mod:`~govdisclosure._parse.recognise.items`: the layout as a stream of text lines and
   table rows, each split into its label and its values
   (:mod:`~govdisclosure._parse.recognise.values` reads one value);
2. :mod:`~govdisclosure._parse.recognise.sections`: the six sections, found by the key
   phrases of their headings, and the items each one spans;
3. :mod:`~govdisclosure._parse.recognise.facts`: the title, agency, year and format version;
4. :mod:`~govdisclosure._parse.recognise.tables`: tables 2, 3 and 4, each row mapped to a row
   of the format by its normalised label;
5. :mod:`~govdisclosure._parse.recognise.assemble`: the texts, notes and the report.

Every step records what it finds in one :class:`~govdisclosure._parse.recognise.state.State`.
Row and column labels come from the format declarations (:mod:`govdisclosure._format`) and
the label variants, section key phrases, placeholders, units and version signals from its
vocabulary (:mod:`govdisclosure._format.vocabulary`); nothing here re-types the format.

Precision comes before recall. A value is placed in a cell only when its row and column
are certain: by its own label, or by its position between labelled rows when exactly as
many rows are missing as there are unlabelled rows (with a warning). Anything else is left
``None`` with a warning that says why and where.

May import: :mod:`govdisclosure._parse.layout`, :mod:`govdisclosure._parse.result`,
:mod:`govdisclosure._model`, :mod:`govdisclosure._format`, :mod:`govdisclosure.zh`; never a
reader.
"""

from __future__ import annotations

from govdisclosure._parse.layout import Layout
from govdisclosure._parse.recognise.assemble import Findings, build
from govdisclosure._parse.recognise.facts import (
    Header,
    Title,
    crawler_header,
    find_title,
    format_version,
    report_year,
    signature,
    stated_agency,
)
from govdisclosure._parse.recognise.items import Item, items_of
from govdisclosure._parse.recognise.marked import recognise_marked
from govdisclosure._parse.recognise.sections import find_regions, find_sections
from govdisclosure._parse.recognise.state import State
from govdisclosure._parse.recognise.tables import read_tables
from govdisclosure._parse.result import ParseError, ParseResult, WarningCode

__all__ = ["recognise"]


def recognise(
    layout: Layout,
    *,
    source: str | None = None,
    year: int | None = None,
    agency: str | None = None,
) -> ParseResult:
    """Turn a layout into a report.

    Args:
        layout: what a reader made of the input.
        source: where the input came from (a file name or URL), for ``meta.source``; a
            crawler header's ``原文链接`` takes its place.
        year: the report year, where the caller knows it (the report may not state it).
        agency: the agency, where the caller knows it.

    Returns:
        The report, the warnings and the source of every value.

    Raises:
        ParseError: the input holds no report: no section heading and no table of the
            format, or no report year.
    """
    marked = recognise_marked(layout, source=source, year=year, agency=agency)
    if marked is not None:
        return marked
    layout = layout.plain()
    state = State(layout.kind)
    items = items_of(layout.blocks)
    sections = find_sections(items, state)
    regions = find_regions(items, sections)
    if not regions:
        raise ParseError(
            "no section heading (一、总体情况 …) and no table of an annual report was found",
            detail_zh="找不到年度报告的任何部分标题（一、总体情况……）或统计表",
        )
    first = min(start for start, _ in regions.values())
    header = crawler_header(items, first)
    title = find_title(items, first, layout.title)
    year = report_year(items, first, title, state, year)
    version = format_version(items, regions, year, state)
    read_tables(items, regions, version, state)
    if title is None and agency is None:
        state.warn(WarningCode.METADATA, "the report's title (agency and year) was not found")
    if header is not None and header.source is not None:
        source = header.source
    found = Findings(
        items,
        sections,
        regions,
        title,
        year,
        version,
        first,
        layout.wrapped,
        source,
        agency or _agency(items, first, header, title, state),
        header,
    )
    return ParseResult(
        report=build(found, state),
        warnings=tuple(state.warnings),
        kind=layout.kind,
        extra=state.extra,
        sources=state.sources,
    )


def _agency(
    items: list[Item], first: int, header: Header | None, title: Title | None, state: State
) -> str:
    """The agency: the header's ``发布机构``, else the signature's or the title's.

    The signature wins over the title where it spells out the name the title shortens
    (title ``三明市2022年…``, signature ``三明市人民政府``).
    """
    named = title.agency if title is not None else ""
    if header is not None and header.agency:
        return header.agency
    candidates: list[tuple[str, Item]] = []
    signed = signature(items)
    if signed is not None:
        candidates.append((signed.agency, signed.item))
    announced = stated_agency(items, first)
    if announced is not None:
        candidates.append(announced)
    for name, item in candidates:
        if not named or (name.startswith(named) and name != named):
            state.source("meta.agency", item.text, item.location)
            return name
    return named
