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
from typing import Any

import attrs

from govdisclosure import _format
from govdisclosure._format import FormatVersion
from govdisclosure._format.vocabulary import (
    CUSTOMARY_TITLE,
    FEE_UNSTATED,
    HEADINGS,
    META_HEADER,
    META_LABELS,
    NOTE_PREFIX,
    agency_level,
    customary_title,
    normalise,
)
from govdisclosure._model.meta import ReportMeta
from govdisclosure._model.other_matters import OtherMatters, stated_fee
from govdisclosure._model.overview import Overview
from govdisclosure._model.problems import ProblemsImprovements
from govdisclosure._model.report import AnnualReport
from govdisclosure._model.tables import TableGrid
from govdisclosure._parse.layout import Block, Cell, Heading, Layout, Paragraph, Table
from govdisclosure._parse.recognise.items import items_of
from govdisclosure._parse.recognise.state import State, numeral
from govdisclosure._parse.recognise.tables import read_table, report_missing_rows
from govdisclosure._parse.recognise.values import read_value
from govdisclosure._parse.result import ParseResult, WarningCode

__all__ = ["recognise_marked"]

_YEAR = re.compile(r"(-?\d{1,9})年度")
_DATE = re.compile(r"(\d{1,4})年(\d{1,2})月(\d{1,2})日")
_FEE = re.compile(r"(-?\d+(?:\.\d+)?)元")
_TEXT_SECTIONS = {
    0: ("overview", HEADINGS["overview"]),
    4: ("problems_improvements", HEADINGS["problems_improvements"]),
    5: ("other_matters", HEADINGS["other_matters"]),
}


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
    from govdisclosure._model.tables import table_grids

    grids = _GRIDS.get(version)
    if grids is None:
        blank = AnnualReport(meta=ReportMeta(agency="", year=2021, format_version=version))
        grids = _GRIDS[version] = {grid.number: grid for grid in table_grids(blank)}
    return grids


_GRIDS: dict[FormatVersion, dict[int, TableGrid]] = {}


def _read_grid(
    table: Table, grid: TableGrid, kinds: dict[str, _format.CellKind], state: State
) -> bool:
    """Read a table laid out exactly as ``grid``: every label in its place, values by place.

    Returns ``False`` (reading nothing) when a label is not where the grid has it.
    """
    cells = {(c.row, c.col): c for c in table.cells}
    taken: set[tuple[int, int]] = set()
    placed: list[tuple[str, Cell, int, int]] = []
    for r, row in enumerate(grid.head + grid.body):
        c = 0
        for expected in row:
            while (r, c) in taken:
                c += 1
            for dr in range(expected.rowspan):
                for dc in range(expected.colspan):
                    taken.add((r + dr, c + dc))
            actual = cells.get((r, c))
            if actual is None:
                return False
            if expected.path is None:
                if normalise(actual.text) != normalise(expected.text):
                    return False
            else:
                placed.append((expected.path, actual, r, c))
            c += expected.colspan
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


def _heading(block: Block, official: str) -> str | None:
    text = block.text  # type: ignore[union-attr]
    return None if text == official else text


def _notes(lines: list[Paragraph]) -> tuple[str, ...] | None:
    notes = []
    for line in lines:
        if not line.text.startswith(NOTE_PREFIX):
            return None
        notes.append(line.text[len(NOTE_PREFIX) :])
    return tuple(notes)


def _text(lines: list[Paragraph]) -> str:
    return "\n".join(line.text for line in lines)


def recognise_marked(layout: Layout, *, source: str | None = None) -> ParseResult | None:  # noqa: PLR0911, PLR0912, PLR0915 - one reading, step by step
    """Read a marked document exactly, or return ``None`` when the layout is not one.

    Args:
        layout: what a reader made of the input.
        source: ignored for a marked document, which states its own ``来源`` (or none).

    Returns:
        The report with its warnings (blank cells, as for any document), or ``None``.
    """
    blocks = layout.blocks
    meta: dict[str, Cell] | None = None
    meta_at = -1
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            meta = _meta_table(block)
            if meta is not None:
                meta_at = index
                break
    if meta is None:
        return None
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

    state = State(layout.kind)
    specs = {t.number: t for t in _format.format_spec(version).tables}
    kinds = {cell.path: cell.kind for cell in _format.format_spec(version).cells}
    grids = _expected(version)
    for number, table in tables.items():
        if _read_grid(table, grids[number], kinds, state):
            continue
        items = items_of((table,))
        found = read_table(number, items, (0, len(items)), version, state)
        if not found:
            state.warn(
                WarningCode.TABLE_NOT_FOUND,
                f"表{numeral(number)}（{specs[number].title}）holds no figures; "
                "its cells are blank",
                table.location,
            )
    report_missing_rows(version, state)

    agency = meta["发布机构"].text
    year = int(year_match.group(1))
    level = None
    if "单位层级" in meta:
        level = agency_level(meta["单位层级"].text)
        if level is None:
            state.warn(
                WarningCode.METADATA,
                f"单位层级 {meta['单位层级'].text!r} is neither 政府部门 nor 人民政府",
                meta["单位层级"].location,
            )
    published = None
    if "发布日期" in meta:
        date_match = _DATE.fullmatch(meta["发布日期"].text.strip())
        try:
            published = dt.date(*(int(g) for g in date_match.groups())) if date_match else None
        except ValueError:
            published = None
        if published is None:
            state.warn(
                WarningCode.METADATA,
                f"发布日期 {meta['发布日期'].text!r} is not a date",
                meta["发布日期"].location,
            )
        else:
            state.source("meta.published_on", meta["发布日期"].text, meta["发布日期"].location)
    title_block = blocks[skeleton.structural[0]]
    printed = title_block.text  # type: ignore[union-attr]
    customary = "标题" in meta and meta["标题"].text.strip() == CUSTOMARY_TITLE
    if customary and printed != customary_title(agency, year):
        state.warn(
            WarningCode.METADATA,
            f"标题 says the title is the customary one, but the printed title is {printed!r}",
            title_block.location,
        )
    state.source("meta.agency", agency, meta["发布机构"].location)
    state.source("meta.year", meta["报告年度"].text, meta["报告年度"].location)
    state.source("meta.title", printed, title_block.location)
    try:
        report_meta = ReportMeta(
            agency=agency,
            year=year,
            format_version=version,
            title=None if customary else printed,
            published_on=published,
            agency_level=level,
            source=meta["来源"].text if "来源" in meta else None,
        )
    except ValueError:
        return None
    report = AnnualReport(meta=report_meta).with_cells(state.values)

    heads = [blocks[i] for i in skeleton.structural[1:]]
    for n, section in enumerate(_format.format_spec(version).sections):
        state.source(section.id, heads[n].text, heads[n].location)  # type: ignore[union-attr]
    preface_lines = skeleton.literal_lines(-1)
    texts = {name: _text(skeleton.literal_lines(n)) for n, (name, _) in _TEXT_SECTIONS.items()}
    other_text = texts["other_matters"]
    if "信息处理费" in meta:
        value = meta["信息处理费"].text.strip()
        fee_match = _FEE.fullmatch(value)
        fee: Decimal | None = None
        if fee_match is not None:
            try:
                fee = Decimal(fee_match.group(1))
            except InvalidOperation:  # pragma: no cover - the pattern admits only digits
                fee = None
        elif value != FEE_UNSTATED:
            state.warn(
                WarningCode.METADATA,
                f"信息处理费 {value!r} is not an amount in 元",
                meta["信息处理费"].location,
            )
        state.source("other_matters.information_fee_yuan", value, meta["信息处理费"].location)
    else:
        fee = stated_fee(other_text)[0]
    tables2: Any = report.proactive_disclosure
    if version is FormatVersion.V2019 and "采购金额单位" in meta:
        procurement = attrs.evolve(
            tables2.central_procurement, amount_unit=meta["采购金额单位"].text
        )
        tables2 = attrs.evolve(tables2, central_procurement=procurement)
    report = attrs.evolve(
        report,
        preface=_text(preface_lines) if preface_lines else None,
        overview=Overview(text=texts["overview"], heading=_heading(heads[0], HEADINGS["overview"])),
        proactive_disclosure=attrs.evolve(
            tables2,
            notes=notes[2],
            heading=_heading(heads[1], _format.format_spec(version).sections[1].heading),
        ),
        applications=attrs.evolve(
            report.applications,
            notes=notes[3],
            heading=_heading(heads[2], _format.format_spec(version).sections[2].heading),
        ),
        review_litigation=attrs.evolve(
            report.review_litigation,
            notes=notes[4],
            heading=_heading(heads[3], _format.format_spec(version).sections[3].heading),
        ),
        problems_improvements=ProblemsImprovements(
            text=texts["problems_improvements"],
            heading=_heading(heads[4], HEADINGS["problems_improvements"]),
        ),
        other_matters=OtherMatters(
            text=other_text,
            information_fee_yuan=fee,
            heading=_heading(heads[5], HEADINGS["other_matters"]),
        ),
    )
    return ParseResult(
        report=report,
        warnings=tuple(state.warnings),
        kind=layout.kind,
        extra=state.extra,
        sources=state.sources,
    )
