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
from govdisclosure._parse.recognise.facts import find_title, format_version, report_year
from govdisclosure._parse.recognise.items import items_of
from govdisclosure._parse.recognise.marked import recognise_marked
from govdisclosure._parse.recognise.sections import find_regions, find_sections
from govdisclosure._parse.recognise.state import State
from govdisclosure._parse.recognise.tables import read_tables
from govdisclosure._parse.result import ParseError, ParseResult, WarningCode

__all__ = ["recognise"]


def recognise(layout: Layout, *, source: str | None = None) -> ParseResult:
    """Turn a layout into a report.

    Args:
        layout: what a reader made of the input.
        source: where the input came from (a file name or URL), for ``meta.source``.

    Returns:
        The report, the warnings and the source of every value.

    Raises:
        ParseError: the input holds no report: no section heading and no table of the
            format, or no report year.
    """
    marked = recognise_marked(layout, source=source)
    if marked is not None:
        return marked
    layout = layout.plain()
    state = State(layout.kind)
    items = items_of(layout.blocks)
    sections = find_sections(items, state)
    regions = find_regions(items, sections)
    if not regions:
        raise ParseError(
            "no section heading (一、总体情况 …) and no table of an annual report was found"
        )
    first = min(start for start, _ in regions.values())
    title = find_title(items, first, layout.title)
    year = report_year(items, first, title, state)
    version = format_version(items, regions, year, state)
    read_tables(items, regions, version, state)
    if title is None:
        state.warn(WarningCode.METADATA, "the report's title (agency and year) was not found")
    found = Findings(items, sections, regions, title, year, version, first, layout.wrapped, source)
    return ParseResult(
        report=build(found, state),
        warnings=tuple(state.warnings),
        kind=layout.kind,
        extra=state.extra,
        sources=state.sources,
    )
