"""Marked documents: reports whose layout states their structure, read exactly.

A document written by :func:`govdisclosure.render` (or by hand in the same way) marks its
structure with generic layout means, and its texts as literal text:

* a **report-information table** (报告信息) of two columns, label and value, holding a
  ``报告格式`` row (the notice whose format the tables follow) and the other facts the
  printed report does not show: 发布机构, 报告年度, 单位层级, 发布日期, 来源, and when they
  are needed 标题 (``按发布机构和报告年度拟定`` when the report has no title of its own and
  prints the customary one), 信息处理费 (when the amount is not the one section 六's text
  states) and 采购金额单位 (see :data:`META_LABELS`);
* exactly seven **structural blocks**: the title, then the six section headings in the
  official order. Structural blocks are the headings the input marks (HTML ``<h1>``–
  ``<h6>``, Markdown ``#``, Word heading and title styles) and its paragraphs that are not
  literal (plain text has no headings: its unindented lines are structural);
* **literal paragraphs** (:class:`~govdisclosure._parse.layout.Paragraph` with
  ``literal=True``) for the preface, the texts of sections 一、五、六 (one paragraph per
  line, joined by line breaks) and, in the table sections, the notes, each starting with
  ``备注：``;
* the three tables of the format, one in each of sections 二、三、四.

When a layout has all of this, sections are taken by their order rather than by the
wording of their headings, texts are taken exactly, and the facts come from the table:
:func:`recognise_marked` returns the report. Otherwise it returns ``None`` and the
key-phrase recogniser reads the document as any published report.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

import attrs

from govdisclosure import _format, zh
from govdisclosure._format import AgencyLevel, FormatVersion
from govdisclosure._format.vocabulary import (
    CUSTOMARY_TITLE,
    FEE_UNSTATED,
    HEADINGS,
    META_HEADER,
    META_LABELS,
    NOTE_PREFIX,
    SECTION_IDS,
    TEXT_SECTIONS,
    agency_level,
    customary_title,
    normalise,
)
from govdisclosure._model.meta import ReportMeta
from govdisclosure._model.other_matters import OtherMatters, stated_fee
from govdisclosure._model.overview import Overview
from govdisclosure._model.problems import ProblemsImprovements
from govdisclosure._model.report import AnnualReport
from govdisclosure._model.tables import GridCell, TableGrid, table_grids
from govdisclosure._parse.layout import Block, Cell, Heading, Layout, Paragraph, Table
from govdisclosure._parse.recognise.items import items_of
from govdisclosure._parse.recognise.state import State, numeral
from govdisclosure._parse.recognise.tables import read_table, report_missing_rows
from govdisclosure._parse.recognise.values import read_value
from govdisclosure._parse.result import ParseResult, WarningCode

__all__ = ["recognise_marked"]

_YEAR = re.compile(r"(-?\d{1,9})年度")
_FEE = re.compile(r"(-?\d+(?:\.\d+)?)元")
#: The sections that are text only, by their position among the six.
_TEXT_SECTIONS = {SECTION_IDS.index(section): section for section in TEXT_SECTIONS}


def _meta_table(table: Table) -> dict[str, Cell] | None:
    if not table.cells:
        return None
    first = table.cells[0].text.strip()
    if first != META_HEADER[0] and first not in META_LABELS:
        return None
    rows = table.rows()
    if rows and len(rows[0]) == 2 and tuple(c.text.strip() for c in rows[0]) == META_HEADER:
        rows = rows[1:]
    found: dict[str, Cell] = {}
    for row in rows:
        if len(row) != 2:
            return None
        label = row[0].text.strip()
        if label not in META_LABELS or label in found:
            return None
        found[label] = row[1]
    return found if "报告格式" in found else None


class _Skeleton:
    """Where the parts of a marked document stand in its blocks."""

    def __init__(self, blocks: tuple[Block, ...], meta_at: int) -> None:
        self.blocks = blocks
        self.meta_at = meta_at
        self.structural = [
            i
            for i, b in enumerate(blocks)
            if isinstance(b, Heading) or (isinstance(b, Paragraph) and not b.literal)
        ]

    def section_of(self, index: int) -> int:
        """The section (0–5) a block stands in, -1 before the first heading."""
        heads = self.structural[1:]
        section = -1
        for n, head in enumerate(heads):
            if head < index:
                section = n
        return section

    def literal_lines(self, section: int) -> list[Paragraph]:
        """The literal paragraphs of a section (-1: between the title and the first heading)."""
        heads = self.structural[1:]
        start = self.structural[0] if section < 0 else heads[section]
        stop = heads[section + 1] if section + 1 < len(heads) else len(self.blocks)
        return [b for b in self.blocks[start + 1 : stop] if isinstance(b, Paragraph) and b.literal]


def _tables(skeleton: _Skeleton) -> dict[int, Table] | None:
    found: dict[int, Table] = {}
    for index, block in enumerate(skeleton.blocks):
        if not isinstance(block, Table) or index == skeleton.meta_at:
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


def _read_grid(
    table: Table, grid: TableGrid, kinds: dict[str, _format.CellKind], state: State
) -> bool:
    """Read a table laid out exactly as ``grid``: every label in its place, values by place.

    Returns ``False`` (reading nothing) when a label is not where the grid has it.
    """
    cells = {(c.row, c.col): c for c in table.cells}
    placed: list[tuple[str, Cell, int, int]] = []
    for r, c, expected in _positions(grid):
        actual = cells.get((r, c))
        if actual is None:
            return False
        if expected.path is not None:
            placed.append((expected.path, actual, r, c))
        elif normalise(actual.text) != normalise(expected.text):
            return False
    for path, cell, r, c in placed:
        reading = read_value(cell.text, kinds[path])
        state.source(path, cell.text, cell.location, table=grid.number, row=r, column=c)
        if reading.code is not None:
            state.warn(reading.code, f"{path}: {reading.why}", cell.location, path)
        else:
            state.values[path] = reading.value
    return True


def _version(text: str) -> FormatVersion | None:
    for version in FormatVersion:
        if text.strip() == version.document_number:
            return version
    return None


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
    """What a marked document states about itself: its marks, checked, nothing read yet."""

    meta: dict[str, Cell]
    skeleton: _Skeleton
    version: FormatVersion
    year: int
    tables: dict[int, Table]
    notes: dict[int, tuple[str, ...]]


def _find_meta(blocks: tuple[Block, ...]) -> tuple[dict[str, Cell], int] | None:
    """The first report-information table and its index among the blocks."""
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            meta = _meta_table(block)
            if meta is not None:
                return meta, index
    return None


def _marks(blocks: tuple[Block, ...]) -> _Marks | None:
    """The marks of a marked document, or ``None`` when one is missing or out of place."""
    found = _find_meta(blocks)
    if found is None:
        return None
    meta, meta_at = found
    skeleton = _Skeleton(blocks, meta_at)
    if len(skeleton.structural) != 7:
        return None
    version = _version(meta["报告格式"].text)
    year_match = _YEAR.fullmatch(meta["报告年度"].text.strip()) if "报告年度" in meta else None
    if version is None or year_match is None or "发布机构" not in meta:
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
    return _Marks(meta, skeleton, version, int(year_match.group(1)), tables, notes)


def _read_tables(marks: _Marks, state: State) -> None:
    """Read each table by its grid, or by the table readers when its labels were edited."""
    version = marks.version
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


def _level(meta: dict[str, Cell], state: State) -> AgencyLevel | None:
    if "单位层级" not in meta:
        return None
    level = agency_level(meta["单位层级"].text)
    if level is None:
        state.warn(
            WarningCode.METADATA,
            f"单位层级 {meta['单位层级'].text!r} is neither 政府部门 nor 人民政府",
            meta["单位层级"].location,
        )
    return level


def _published(meta: dict[str, Cell], state: State) -> dt.date | None:
    if "发布日期" not in meta:
        return None
    cell = meta["发布日期"]
    try:
        published: dt.date | None = zh.parse_date(cell.text)
    except ValueError:
        published = None
    if published is None:
        state.warn(WarningCode.METADATA, f"发布日期 {cell.text!r} is not a date", cell.location)
    else:
        state.source("meta.published_on", cell.text, cell.location)
    return published


def _report_meta(marks: _Marks, state: State) -> ReportMeta | None:
    """The report's facts, from the report-information table and the printed title."""
    meta = marks.meta
    agency = meta["发布机构"].text
    level = _level(meta, state)
    published = _published(meta, state)
    title_block = marks.skeleton.blocks[marks.skeleton.structural[0]]
    printed = title_block.text  # type: ignore[union-attr]
    customary = "标题" in meta and meta["标题"].text.strip() == CUSTOMARY_TITLE
    if customary and printed != customary_title(agency, marks.year):
        state.warn(
            WarningCode.METADATA,
            f"标题 says the title is the customary one, but the printed title is {printed!r}",
            title_block.location,
        )
    state.source("meta.agency", agency, meta["发布机构"].location)
    state.source("meta.year", meta["报告年度"].text, meta["报告年度"].location)
    state.source("meta.title", printed, title_block.location)
    try:
        return ReportMeta(
            agency=agency,
            year=marks.year,
            format_version=marks.version,
            title=None if customary else printed,
            published_on=published,
            agency_level=level,
            source=meta["来源"].text if "来源" in meta else None,
        )
    except ValueError:
        return None


def _fee(meta: dict[str, Cell], text: str, state: State) -> Decimal | None:
    """The 信息处理费: the table's, when it states one, else the one section 六's text states."""
    if "信息处理费" not in meta:
        return stated_fee(text)[0]
    cell = meta["信息处理费"]
    value = cell.text.strip()
    fee_match = _FEE.fullmatch(value)
    fee: Decimal | None = None
    if fee_match is not None:
        try:
            fee = Decimal(fee_match.group(1))
        except InvalidOperation:  # pragma: no cover - the pattern admits only digits
            fee = None
    elif value != FEE_UNSTATED:
        state.warn(
            WarningCode.METADATA, f"信息处理费 {value!r} is not an amount in 元", cell.location
        )
    state.source("other_matters.information_fee_yuan", value, cell.location)
    return fee


def _headings(marks: _Marks, state: State) -> dict[str, str | None]:
    """Each section's printed heading where it differs from the official one."""
    blocks, skeleton = marks.skeleton.blocks, marks.skeleton
    headings: dict[str, str | None] = {}
    for section, index in zip(SECTION_IDS, skeleton.structural[1:], strict=True):
        head = blocks[index]
        state.source(section, head.text, head.location)  # type: ignore[union-attr]
        text = head.text  # type: ignore[union-attr]
        headings[section] = None if text == HEADINGS[section] else text
    return headings


def _with_texts(report: AnnualReport, marks: _Marks, state: State) -> AnnualReport:
    """The report with its preface, section texts, notes and headings."""
    skeleton = marks.skeleton
    headings = _headings(marks, state)
    preface_lines = skeleton.literal_lines(-1)
    texts = {name: _text(skeleton.literal_lines(n)) for n, name in _TEXT_SECTIONS.items()}
    fee = _fee(marks.meta, texts["other_matters"], state)
    tables2: Any = report.proactive_disclosure
    if marks.version is FormatVersion.V2019 and "采购金额单位" in marks.meta:
        procurement = attrs.evolve(
            tables2.central_procurement, amount_unit=marks.meta["采购金额单位"].text
        )
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


def recognise_marked(layout: Layout, *, source: str | None = None) -> ParseResult | None:
    """Read a marked document exactly, or return ``None`` when the layout is not one.

    Args:
        layout: what a reader made of the input.
        source: ignored for a marked document, which states its own ``来源`` (or none).

    Returns:
        The report with its warnings (blank cells, as for any document), or ``None``.
    """
    marks = _marks(layout.blocks)
    if marks is None:
        return None
    state = State(layout.kind)
    _read_tables(marks, state)
    meta = _report_meta(marks, state)
    if meta is None:
        return None
    report = _with_texts(AnnualReport(meta=meta).with_cells(state.values), marks, state)
    return ParseResult(
        report=report,
        warnings=tuple(state.warnings),
        kind=layout.kind,
        extra=state.extra,
        sources=state.sources,
    )
