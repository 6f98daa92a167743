"""Marked documents: reports whose layout states their structure, read exactly.

A document written by :func:`govdisclosure.render` (or by hand in the same way) marks its
structure with generic layout means, and its texts as literal text:

* exactly seven **structural blocks**: the title, then the six section headings in the
  official order. Structural blocks are the headings the input marks (HTML ``<h1>``–
  ``<h6>``, Markdown ``#``, Word heading and title styles) and its paragraphs that are not
  literal (plain text has no headings: its unindented lines are structural). In plain text
  the signature (落款) follows on one or two structural lines of its own: the agency's
  name, then the date;
* **literal paragraphs** (:class:`~govdisclosure._parse.layout.Paragraph` with
  ``literal=True``) for the preface, the texts of sections 一、五、六 (one paragraph per
  line, joined by line breaks) and, in the table sections, the notes, each starting with
  ``备注：``. Where the signature is literal too (Word, web pages, Markdown) it is the last
  lines of section 六: the agency's name, and the date when the report has one;
* the three tables of the format, one in each of sections 二、三、四.

When a layout has all of this, sections are taken by their order rather than by the
wording of their headings, texts are taken exactly, and :func:`recognise_marked` returns
the report; otherwise ``None``, and the key-phrase recogniser reads the document as any
published report.

The report's facts come from the document's **properties** where it has them (Word custom
document properties, HTML ``<meta>`` tags, Markdown front matter, named by
:data:`~govdisclosure._format.vocabulary.DOCUMENT_PROPERTIES`; ``meta.format_version``
marks the set), and otherwise from what the printed report states, as a reader would take
them: the title as printed (its line breaks are layout, and dropped), the agency from the
signature (else the title), the year from the title (else the statistics period), the date
from the signature, the format from the tables' labels, the agency level from the agency's
name (…人民政府 is a government).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

import attrs

from govdisclosure import _format, zh
from govdisclosure._format import FIRST_YEAR, AgencyLevel, FormatVersion
from govdisclosure._format.vocabulary import (
    HEADINGS,
    NOTE_PREFIX,
    SECTION_IDS,
    TEXT_SECTIONS,
    agency_level,
    customary_title,
    normalise,
    read_property_value,
)
from govdisclosure._model.meta import ReportMeta
from govdisclosure._model.other_matters import OtherMatters, stated_fee
from govdisclosure._model.overview import Overview
from govdisclosure._model.problems import ProblemsImprovements
from govdisclosure._model.report import AnnualReport
from govdisclosure._model.tables import GridCell, TableGrid, table_grids
from govdisclosure._parse.layout import Block, Cell, Heading, Layout, Paragraph, Table
from govdisclosure._parse.recognise.facts import (
    Title,
    agency_level_of,
    is_agency_name,
    period_year,
    title_of,
)
from govdisclosure._parse.recognise.items import items_of
from govdisclosure._parse.recognise.state import State, numeral
from govdisclosure._parse.recognise.tables import read_table, report_missing_rows
from govdisclosure._parse.recognise.values import read_value
from govdisclosure._parse.result import ParseResult, WarningCode

__all__ = ["recognise_marked"]

#: The sections that are text only, by their position among the six.
_TEXT_SECTIONS = {SECTION_IDS.index(section): section for section in TEXT_SECTIONS}
_FEE = "other_matters.information_fee_yuan"
_UNIT = "proactive_disclosure.central_procurement.amount_unit"
#: At most this many structural lines may follow the six headings: the signature.
_SIGNATURE_LINES = 2


class _Skeleton:
    """Where the parts of a marked document stand in its blocks."""

    def __init__(self, blocks: tuple[Block, ...], structural: list[int]) -> None:
        self.blocks = blocks
        self.title = structural[0]
        self.heads = structural[1:7]
        #: The structural lines after the six headings: the signature of plain text.
        self.signature = structural[7:]
        self.end = self.signature[0] if self.signature else len(blocks)

    def section_of(self, index: int) -> int:
        """The section (0–5) a block stands in, -1 before the first heading."""
        section = -1
        for n, head in enumerate(self.heads):
            if head < index:
                section = n
        return section

    def literal_lines(self, section: int) -> list[Paragraph]:
        """The literal paragraphs of a section (-1: between the title and the first heading)."""
        start = self.title if section < 0 else self.heads[section]
        stop = self.heads[section + 1] if section + 1 < len(self.heads) else self.end
        return [b for b in self.blocks[start + 1 : stop] if isinstance(b, Paragraph) and b.literal]


def _skeleton(blocks: tuple[Block, ...]) -> _Skeleton | None:
    structural = [
        i
        for i, b in enumerate(blocks)
        if isinstance(b, Heading) or (isinstance(b, Paragraph) and not b.literal)
    ]
    if not 7 <= len(structural) <= 7 + _SIGNATURE_LINES:
        return None
    skeleton = _Skeleton(blocks, structural)
    # The signature ends the document: plain lines, nothing after them but each other.
    if any(isinstance(blocks[i], Heading) for i in skeleton.signature):
        return None
    if len(blocks) - skeleton.end != len(skeleton.signature):
        return None
    return skeleton


def _tables(skeleton: _Skeleton) -> dict[int, Table] | None:
    found: dict[int, Table] = {}
    for index, block in enumerate(skeleton.blocks):
        if not isinstance(block, Table):
            continue
        section = skeleton.section_of(index)
        if section not in (1, 2, 3) or section + 1 in found:
            return None
        found[section + 1] = block
    return found if len(found) == 3 else None


def _expected(version: FormatVersion) -> dict[int, TableGrid]:
    grids = _GRIDS.get(version)
    if grids is None:
        blank = AnnualReport(meta=ReportMeta(agency="", year=2021, format_version=version))
        grids = _GRIDS[version] = {grid.number: grid for grid in table_grids(blank)}
    return grids


_GRIDS: dict[FormatVersion, dict[int, TableGrid]] = {}


def _positions(grid: TableGrid) -> list[tuple[int, int, GridCell]]:
    """Each cell of a grid with the row and column it starts at once spans are laid out."""
    taken: set[tuple[int, int]] = set()
    positions = []
    for r, row in enumerate(grid.head + grid.body):
        c = 0
        for expected in row:
            while (r, c) in taken:
                c += 1
            taken.update(
                (r + dr, c + dc) for dr in range(expected.rowspan) for dc in range(expected.colspan)
            )
            positions.append((r, c, expected))
            c += expected.colspan
    return positions


def _placed(table: Table, grid: TableGrid) -> list[tuple[str, Cell, int, int]] | None:
    """The value cells of a table laid out exactly as ``grid``.

    ``None`` when a label is not where the grid has it.
    """
    cells = {(c.row, c.col): c for c in table.cells}
    placed: list[tuple[str, Cell, int, int]] = []
    for r, c, expected in _positions(grid):
        actual = cells.get((r, c))
        if actual is None:
            return None
        if expected.path is not None:
            placed.append((expected.path, actual, r, c))
        elif normalise(actual.text) != normalise(expected.text):
            return None
    return placed


def _read_grid(
    table: Table, grid: TableGrid, kinds: dict[str, _format.CellKind], state: State
) -> bool:
    """Read a table laid out exactly as ``grid``: every label in its place, values by place.

    Returns ``False`` (reading nothing) when a label is not where the grid has it.
    """
    placed = _placed(table, grid)
    if placed is None:
        return False
    for path, cell, r, c in placed:
        reading = read_value(cell.text, kinds[path])
        state.source(path, cell.text, cell.location, table=grid.number, row=r, column=c)
        if reading.code is not None:
            state.warn(reading.code, f"{path}: {reading.why}", cell.location, path)
        else:
            state.values[path] = reading.value
    return True


def _tables_version(tables: dict[int, Table], year: int) -> FormatVersion:
    """The format whose grids the tables follow: the year's, unless only the other fits."""
    expected = FormatVersion.for_year(year)
    others = [v for v in FormatVersion if v is not expected]
    best, fits = expected, -1
    for version in (expected, *others):
        grids = _expected(version)
        count = sum(_placed(table, grids[n]) is not None for n, table in tables.items())
        if count > fits:
            best, fits = version, count
    return best


def _notes(lines: list[Paragraph]) -> tuple[str, ...] | None:
    notes = []
    for line in lines:
        if not line.text.startswith(NOTE_PREFIX):
            return None
        notes.append(line.text[len(NOTE_PREFIX) :])
    return tuple(notes)


def _text(lines: list[Paragraph]) -> str:
    return "\n".join(line.text for line in lines)


class _Marks(NamedTuple):
    """The structure of a marked document, checked, nothing read yet."""

    skeleton: _Skeleton
    tables: dict[int, Table]
    notes: dict[int, tuple[str, ...]]


def _marks(blocks: tuple[Block, ...]) -> _Marks | None:
    """The marks of a marked document, or ``None`` when one is missing or out of place."""
    skeleton = _skeleton(blocks)
    if skeleton is None:
        return None
    tables = _tables(skeleton)
    if tables is None:
        return None
    notes: dict[int, tuple[str, ...]] = {}
    for n in (2, 3, 4):
        found_notes = _notes(skeleton.literal_lines(n - 1))
        if found_notes is None:
            return None
        notes[n] = found_notes
    return _Marks(skeleton, tables, notes)


@attrs.frozen
class _Properties:
    """The facts a document states in its properties (each ``None`` when not stated)."""

    version: FormatVersion
    agency: str | None
    year: int | None
    title: str | None
    published_on: dt.date | None
    level: AgencyLevel | None
    source: str | None
    fee: tuple[Decimal | None] | None  # (the fee,) when stated, else None
    unit: str | None


def _property_facts(properties: Mapping[str, str], state: State) -> _Properties | None:
    """Read the document's properties; ``None`` when it has none of ours."""
    if "meta.format_version" not in properties:
        return None
    values = {name: read_property_value(value) for name, value in properties.items()}
    try:
        version = FormatVersion(values["meta.format_version"])
    except ValueError:
        state.warn(
            WarningCode.METADATA,
            f"meta.format_version {values['meta.format_version']!r} is no format version",
        )
        return None

    def parsed(name: str, read: Any, what: str) -> Any:
        if name not in values:
            return None
        try:
            value = read(values[name])
        except (ValueError, InvalidOperation):
            value = None
        if value is None:
            state.warn(WarningCode.METADATA, f"{name} {values[name]!r} is not {what}")
        return value

    fee: tuple[Decimal | None] | None = None
    if _FEE in values:
        fee = (None,) if not values[_FEE] else (parsed(_FEE, Decimal, "an amount in 元"),)
    return _Properties(
        version=version,
        agency=values.get("meta.agency"),
        year=parsed("meta.year", int, "a year"),
        title=values.get("meta.title"),
        published_on=parsed("meta.published_on", dt.date.fromisoformat, "a date"),
        level=parsed("meta.agency_level", agency_level, "政府部门 or 人民政府"),
        source=values.get("meta.source"),
        fee=fee,
        unit=values.get(_UNIT),
    )


class _Signature(NamedTuple):
    """The signature (落款): the agency's name and the date, as printed."""

    agency: Paragraph | None
    date: Paragraph | None


def _date_of(text: str) -> dt.date | None:
    try:
        return zh.parse_date(text)
    except ValueError:
        return None


def _signature(
    skeleton: _Skeleton, lines: list[Paragraph], expected: list[str], known: str | None
) -> tuple[_Signature, list[Paragraph]]:
    """The signature, and the lines of section 六 that are its text.

    Plain text prints the signature on structural lines of its own. Elsewhere it is the
    last literal lines: those the properties expect (``expected``: the agency, the date),
    else a name over a date, else the agency's name (``known``) alone.
    """
    if skeleton.signature:
        blocks = [b for i in skeleton.signature if isinstance(b := skeleton.blocks[i], Paragraph)]
        return _Signature(blocks[0], blocks[1] if len(blocks) > 1 else None), lines
    texts = [line.text for line in lines]
    if expected and texts[-len(expected) :] == expected:
        dated = len(expected) == 2
        signed = _Signature(lines[-len(expected)], lines[-1] if dated else None)
        return signed, lines[: -len(expected)]
    if len(lines) >= 2 and _date_of(texts[-1]) is not None:
        name = normalise(texts[-2])
        if (known is not None and name == normalise(known)) or (
            known is None and is_agency_name(name)
        ):
            return _Signature(lines[-2], lines[-1]), lines[:-2]
    if lines and known is not None and normalise(texts[-1]) == normalise(known):
        return _Signature(lines[-1], None), lines[:-1]
    return _Signature(None, None), lines


class _Facts(NamedTuple):
    """The report's facts, and section 六's lines without the signature."""

    meta: ReportMeta
    fee: tuple[Decimal | None] | None
    unit: str | None
    closing: list[Paragraph]


def _facts(
    marks: _Marks,
    properties: _Properties | None,
    state: State,
    given: tuple[str | None, int | None, str | None],
) -> _Facts | None:
    """The report's facts: the properties', else those the printed report states."""
    agency_given, year_given, source = given
    skeleton = marks.skeleton
    title_block = skeleton.blocks[skeleton.title]
    printed = title_block.text  # type: ignore[union-attr]
    titled = title_of(printed)
    props = properties
    expected: list[str] = []
    if props is not None and props.agency is not None:
        expected = [props.agency]
        if props.published_on is not None:
            expected.append(zh.format_date(props.published_on))
    known = agency_given or (props.agency if props is not None else None)
    if known is None and titled is not None:
        known = titled.agency
    signed, closing = _signature(skeleton, skeleton.literal_lines(5), expected, known)

    agency = agency_given or (props.agency if props is not None else None)
    if agency is None and signed.agency is not None:
        agency = signed.agency.text
        state.source("meta.agency", agency, signed.agency.location)
    if agency is None and titled is not None:
        agency = titled.agency
        state.source("meta.agency", printed, title_block.location)
    year = _year(marks, props, titled, year_given, state)
    if agency is None or year is None or (props is None and year < FIRST_YEAR):
        # The key-phrase recogniser says what is missing, or that the year is too early.
        return None
    published = _published(signed.date, props, state)
    if props is not None:
        title = props.title
        shown = title if title is not None else customary_title(agency, year)
        if normalise(printed) != normalise(shown):
            state.warn(
                WarningCode.METADATA,
                f"the printed title {printed!r} is not the one meta.title states; "
                "the printed one is used",
                title_block.location,
            )
            title = printed
        version, level, source = props.version, props.level, props.source
    else:
        # A title printed over two lines is one title: its line breaks are layout.
        title = printed.replace("\n", "")
        version = _tables_version(marks.tables, year)
        level = agency_level_of(normalise(agency))
    state.source("meta.title", printed, title_block.location)
    try:
        meta = ReportMeta(
            agency=agency,
            year=year,
            format_version=version,
            title=title,
            published_on=published,
            agency_level=level,
            source=source,
        )
    except ValueError:
        return None
    fee = props.fee if props is not None else None
    return _Facts(meta, fee, props.unit if props is not None else None, closing)


def _year(
    marks: _Marks,
    props: _Properties | None,
    titled: Title | None,
    given: int | None,
    state: State,
) -> int | None:
    """The report year: the caller's, else the properties', else the title's or period's."""
    skeleton = marks.skeleton
    stated = props.year if props is not None else None
    if stated is None and titled is not None:
        stated = titled.year
        block = skeleton.blocks[skeleton.title]
        state.source("meta.year", block.text, block.location)  # type: ignore[union-attr]
    if stated is None:
        for line in (*skeleton.literal_lines(-1), *skeleton.literal_lines(0)):
            stated = period_year(line.text)
            if stated is not None:
                state.source("meta.year", line.text, line.location)
                break
    if given is None:
        return stated
    if stated is not None and stated != given:
        state.warn(
            WarningCode.METADATA,
            f"the report states the year {stated} but the year {given} was given; "
            "the given year is used",
        )
    return given


def _published(date: Paragraph | None, props: _Properties | None, state: State) -> dt.date | None:
    """The publication date: the signature's, else the properties'."""
    stated = props.published_on if props is not None else None
    if date is None:
        return stated
    published = _date_of(date.text)
    if published is None:
        state.warn(
            WarningCode.METADATA, f"the signature's date {date.text!r} is not a date", date.location
        )
        return stated
    state.source("meta.published_on", date.text, date.location)
    if stated is not None and stated != published:
        state.warn(
            WarningCode.METADATA,
            f"the signature is dated {date.text} but meta.published_on is {stated}; "
            "the signature's date is used",
            date.location,
        )
    return published


def _read_tables(marks: _Marks, version: FormatVersion, state: State) -> None:
    """Read each table by its grid, or by the table readers when its labels were edited."""
    titles = {t.number: t.title for t in _format.format_spec(version).tables}
    kinds = {cell.path: cell.kind for cell in _format.format_spec(version).cells}
    grids = _expected(version)
    for number, table in marks.tables.items():
        if _read_grid(table, grids[number], kinds, state):
            continue
        items = items_of((table,))
        found = read_table(number, items, (0, len(items)), version, state)
        if not found:
            state.warn(
                WarningCode.TABLE_NOT_FOUND,
                f"表{numeral(number)}（{titles[number]}）holds no figures; its cells are blank",
                table.location,
            )
    report_missing_rows(version, state)


def _headings(marks: _Marks, state: State) -> dict[str, str | None]:
    """Each section's printed heading where it differs from the official one."""
    blocks, skeleton = marks.skeleton.blocks, marks.skeleton
    headings: dict[str, str | None] = {}
    for section, index in zip(SECTION_IDS, skeleton.heads, strict=True):
        head = blocks[index]
        state.source(section, head.text, head.location)  # type: ignore[union-attr]
        text = head.text  # type: ignore[union-attr]
        headings[section] = None if text == HEADINGS[section] else text
    return headings


def _with_texts(report: AnnualReport, marks: _Marks, facts: _Facts, state: State) -> AnnualReport:
    """The report with its preface, section texts, notes and headings."""
    skeleton = marks.skeleton
    headings = _headings(marks, state)
    preface_lines = skeleton.literal_lines(-1)
    texts = {
        name: _text(facts.closing if n == 5 else skeleton.literal_lines(n))
        for n, name in _TEXT_SECTIONS.items()
    }
    fee = facts.fee[0] if facts.fee is not None else stated_fee(texts["other_matters"])[0]
    tables2: Any = report.proactive_disclosure
    if report.meta.format_version is FormatVersion.V2019 and facts.unit is not None:
        procurement = attrs.evolve(tables2.central_procurement, amount_unit=facts.unit)
        tables2 = attrs.evolve(tables2, central_procurement=procurement)
    return attrs.evolve(
        report,
        preface=_text(preface_lines) if preface_lines else None,
        overview=Overview(text=texts["overview"], heading=headings["overview"]),
        proactive_disclosure=attrs.evolve(
            tables2, notes=marks.notes[2], heading=headings["proactive_disclosure"]
        ),
        applications=attrs.evolve(
            report.applications, notes=marks.notes[3], heading=headings["applications"]
        ),
        review_litigation=attrs.evolve(
            report.review_litigation, notes=marks.notes[4], heading=headings["review_litigation"]
        ),
        problems_improvements=ProblemsImprovements(
            text=texts["problems_improvements"], heading=headings["problems_improvements"]
        ),
        other_matters=OtherMatters(
            text=texts["other_matters"],
            information_fee_yuan=fee,
            heading=headings["other_matters"],
        ),
    )


def recognise_marked(
    layout: Layout,
    *,
    source: str | None = None,
    year: int | None = None,
    agency: str | None = None,
) -> ParseResult | None:
    """Read a marked document exactly, or return ``None`` when the layout is not one.

    Args:
        layout: what a reader made of the input.
        source: where the input came from, for a document whose properties do not state
            its own ``meta.source`` (or state none).
        year: the report year, where the caller knows it (it wins over the document's).
        agency: the agency, where the caller knows it (it wins over the document's).

    Returns:
        The report with its warnings (blank cells, as for any document), or ``None``.
    """
    marks = _marks(layout.blocks)
    if marks is None:
        return None
    state = State(layout.kind)
    properties = _property_facts(layout.properties, state)
    facts = _facts(marks, properties, state, (agency, year, source))
    if facts is None:
        return None
    _read_tables(marks, facts.meta.format_version, state)
    report = AnnualReport(meta=facts.meta).with_cells(state.values)
    report = _with_texts(report, marks, facts, state)
    return ParseResult(
        report=report,
        warnings=tuple(state.warnings),
        kind=layout.kind,
        extra=state.extra,
        sources=state.sources,
    )
