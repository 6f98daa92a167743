"""The recogniser: any layout in, one annual report out, with warnings and sources.

A document that marks its structure (:mod:`govdisclosure._parse.recognise.marked`, what
:func:`govdisclosure.render` writes) is read exactly by its marks. Any other document is
read from its plain layout: the recogniser finds the six sections by the key phrases of
their headings, the three tables by their labels, and maps each table row to a row of the
format by its normalised label. Row and column labels come from the format declarations
(:mod:`govdisclosure._format`) and the label variants, section key phrases, placeholders,
units and version signals from its vocabulary (:mod:`govdisclosure._format.vocabulary`);
nothing here re-types the format.

Precision comes before recall. A value is placed in a cell only when its row and column
are certain: by its own label, or by its position between labelled rows when exactly as
many rows are missing as there are unlabelled rows (with a warning). Anything else is left
``None`` with a warning that says why and where.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

import attrs

from govdisclosure._format import (
    AgencyLevel,
    CellKind,
    ColumnSpec,
    FormatVersion,
    RowSpec,
    TableSpec,
    format_spec,
)
from govdisclosure._format.vocabulary import (
    ALIASES,
    COLUMN_ALIASES,
    HEADINGS,
    PLACEHOLDERS,
    SECTION_IDS,
    SECTION_KEYS,
    UNITS,
    detect_version,
    is_placeholder,
    normalise,
    strip_numbering,
)
from govdisclosure._model.meta import ReportMeta
from govdisclosure._model.other_matters import OtherMatters, stated_fee
from govdisclosure._model.overview import Overview
from govdisclosure._model.problems import ProblemsImprovements
from govdisclosure._model.report import AnnualReport, CellValue
from govdisclosure._parse.layout import Heading, Layout, Location, Paragraph, Table
from govdisclosure._parse.result import (
    ParseError,
    ParseResult,
    ParseWarning,
    ValueSource,
    WarningCode,
)

__all__ = ["recognise"]

_TABLE_SECTIONS = {t.number: t.section for t in format_spec(FormatVersion.V2021).tables}

#: The last character of a cell that may hold a figure: a digit, or the end of a
#: placeholder or a unit. Only a text line ending in one can be a table row.
_PLACEHOLDER_ENDS = frozenset(p[-1] for p in PLACEHOLDERS) | frozenset(u[-1] for u in UNITS)
_NUMBER = re.compile(r"([+\-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")
_VALUE_TOKEN = re.compile(r"^[+\-]?\d[\d,]*(?:\.\d+)?(?:" + "|".join(UNITS) + ")?$")
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,2}\s*[、.．,，]|第[一二三四五六七八九十]{1,2}部分|表[一二三四五]\s*[：:])"
)
_SPACE = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
_MAX_HEADING = 40
_TITLE = re.compile(
    r"(?:(?P<a1>[^，。：；、《》“”\"'|]{2,40}?)(?P<y1>(?:19|20)\d\d)年度?"
    r"|(?P<y2>(?:19|20)\d\d)年度?(?!政府信息|政务公开|信息公开)(?P<a2>[^，。：；、《》“”\"'|]{2,40}?))"
    r"(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:工作)?报告"
)
_PERIOD = re.compile(r"((?:19|20)\d\d)\s*年\s*0?1\s*月\s*0?1\s*日?\s*(?:至|到|—|-|～|~)")
_DATE_LABEL = re.compile(
    r"(?:发布|公开|成文|印发)(?:日期|时间)\s*[：:]?\s*((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})"
    r"\s*[-月/.]\s*(\d{1,2})"
)
_BARE_DATE = re.compile(r"^((?:19|20)\d\d|[〇○零一二三四五六七八九]{4})年.{1,3}月.{1,4}日$")
_FOOTER_MARKERS = (
    "版权所有",
    "主办单位",
    "承办单位",
    "ICP备",
    "网站标识码",
    "网站地图",
    "Copyright",
    "关闭窗口",
    "打印本页",
    "【打印】",
    "扫一扫",
    "分享到",
    "相关链接",
    "上一篇",
    "下一篇",
)
_NOTE_PREFIX = re.compile(r"^(?:备注|注)\s*[：:]\s*")
_SENTENCE = re.compile(r"[^。；;\n]+")
_SENTENCE_END = frozenset("。！？；：”）」.!?;:)")
_NEW_PARAGRAPH = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.]|（[一二三四五六七八九十]{1,3}）|\(\d+\)|\d{1,2}[.、]|[一二三四五六七八九十]是)"
)


# ---------------------------------------------------------------------------
# The input as a stream of items: text lines and table rows, in reading order.


class _Tok(NamedTuple):
    text: str
    location: Location


class _Item(NamedTuple):
    pos: int
    text: str
    cells: tuple[_Tok, ...]
    is_row: bool
    row: int | None
    location: Location
    heading: bool


_TOKEN = re.compile(r"\S+")


def _items(layout: Layout) -> list[_Item]:
    items: list[_Item] = []
    for block in layout.blocks:
        if isinstance(block, Table):
            for row in block.rows():
                cells = tuple(_Tok(c.text, c.location) for c in row)
                text = " ".join(c.text for c in row if c.text)
                items.append(
                    _Item(len(items), text, cells, True, row[0].row, row[0].location, False)
                )
            continue
        loc = block.location
        text = block.text
        tokens: tuple[_Tok, ...] = ()
        # Only a line ending in a figure (or a 信息内容 header) can be a table row.
        if text and (text[-1].isdigit() or text[-1] in _PLACEHOLDER_ENDS or "信息内容" in text):
            tokens = tuple(
                _Tok(m.group(), Location(loc.line, loc.column + m.start(), loc.offset + m.start()))
                for m in _TOKEN.finditer(text)
            )
        items.append(
            _Item(len(items), block.text, tokens, False, None, loc, isinstance(block, Heading))
        )
    return items


def _is_value_text(text: str) -> bool:
    text = text.strip()
    if not text or is_placeholder(text):
        return True
    return _VALUE_TOKEN.match(unicodedata.normalize("NFKC", text).replace(" ", "")) is not None


def _has_number(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


class _Row(NamedTuple):
    item: _Item
    label: str
    values: tuple[_Tok, ...]
    first: int  # index in item.cells of the first value

    @property
    def numeric(self) -> bool:
        return any(_has_number(v.text) for v in self.values)


def _split(item: _Item) -> _Row:
    """Split a row or a text line into its label and its trailing values."""
    cells = item.cells
    last_label = -1
    for i in range(len(cells) - 1, -1, -1):
        if not _is_value_text(cells[i].text):
            last_label = i
            break
    label = " ".join(c.text for c in cells[: last_label + 1] if c.text)
    values = cells[last_label + 1 :]
    if not item.is_row:
        values = tuple(v for v in values if v.text)
    return _Row(item, label, values, last_label + 1)


def _fit(values: Sequence[_Tok], width: int) -> tuple[_Tok, ...] | None:
    """Trim blank padding a converter added around a row's values; None if it won't fit."""
    start, stop = 0, len(values)
    while stop - start > width and not values[stop - 1].text.strip():
        stop -= 1
    while stop - start > width and not values[start].text.strip():
        start += 1
    return tuple(values[start:stop]) if stop - start == width else None


# ---------------------------------------------------------------------------
# Reading one cell


class _Reading(NamedTuple):
    value: CellValue
    code: str | None
    why: str
    unit: str | None = None


def _read_value(raw: str, kind: CellKind) -> _Reading:  # noqa: PLR0911 - one return per verdict
    text = unicodedata.normalize("NFKC", raw).strip()
    text = _SPACE.sub("", text)
    if not text:
        return _Reading(None, WarningCode.BLANK_CELL, "the cell is blank")
    if is_placeholder(raw):
        return _Reading(None, WarningCode.PLACEHOLDER, f"the cell holds the placeholder {raw!r}")
    unit = None
    for suffix in UNITS:
        if text.endswith(suffix) and len(text) > len(suffix):
            unit, text = suffix, text[: -len(suffix)]
            break
    match = _NUMBER.fullmatch(text)
    if match is None:
        return _Reading(None, WarningCode.SKIPPED_VALUE, f"{raw!r} is not a number")
    sign, whole, fraction = match.groups()
    if kind is CellKind.MONEY:
        if unit not in (None, "元", "万元"):
            return _Reading(None, WarningCode.SKIPPED_VALUE, f"{raw!r} is not an amount")
        try:
            amount = Decimal(f"{sign}{whole.replace(',', '')}{fraction or ''}")
        except InvalidOperation:  # pragma: no cover - the pattern admits only digits
            return _Reading(None, WarningCode.SKIPPED_VALUE, f"{raw!r} is not an amount")
        return _Reading(amount, None, "", unit)
    if fraction or unit in ("元", "万元"):
        return _Reading(None, WarningCode.SKIPPED_VALUE, f"{raw!r} is not a whole count")
    if sign == "+" and kind is not CellKind.SIGNED:
        return _Reading(None, WarningCode.SKIPPED_VALUE, f"{raw!r}: a count has no sign")
    return _Reading(int(sign + whole.replace(",", "")), None, "", unit)


# ---------------------------------------------------------------------------
# The state of one recognition


@attrs.define
class _State:
    kind: str
    warnings: list[ParseWarning] = attrs.field(factory=list)
    values: dict[str, CellValue] = attrs.field(factory=dict)
    sources: dict[str, ValueSource] = attrs.field(factory=dict)
    extra: dict[str, CellValue | str] = attrs.field(factory=dict)

    def warn(
        self, code: str, message: str, location: Location | None = None, path: str | None = None
    ) -> None:
        self.warnings.append(ParseWarning(code=code, message=message, location=location, path=path))

    def source(self, key: str, raw: str, location: Location, **where: object) -> None:
        self.sources[key] = ValueSource(kind=self.kind, raw=raw, location=location, **where)  # type: ignore[arg-type]

    def put(
        self,
        path: str,
        kind: CellKind,
        tok: _Tok,
        *,
        table: int,
        row: _Row,
        column: int,
    ) -> None:
        reading = _read_value(tok.text, kind)
        self.source(
            path,
            tok.text,
            tok.location,
            table=table,
            row=row.item.row if row.item.row is not None else row.item.pos,
            column=column,
            label=row.label or None,
        )
        if reading.code is not None:
            self.warn(
                reading.code,
                f"表{_numeral(table)} {row.label or '(无标签行)'}: {reading.why}",
                tok.location,
                path,
            )
            return
        if path in self.values:
            self.warn(
                WarningCode.DUPLICATE_ROW,
                f"表{_numeral(table)} {row.label}: a second value for this cell; the first is kept",
                tok.location,
                path,
            )
            return
        self.values[path] = reading.value
        if reading.unit in ("元", "万元") and path.endswith("central_procurement.amount"):
            self.extra["proactive_disclosure.central_procurement.amount_unit"] = reading.unit
        elif reading.unit == "元" and path.endswith("amount_10k_yuan"):
            del self.values[path]
            self.warn(
                WarningCode.SKIPPED_VALUE,
                f"{tok.text!r} is in 元 in a column counted in 万元; left blank",
                tok.location,
                path,
            )


def _numeral(n: int) -> str:
    return "一二三四五六七八九十"[n - 1] if 1 <= n <= 10 else str(n)


# ---------------------------------------------------------------------------
# Sections


class _Sections(NamedTuple):
    starts: dict[str, int]  # section id -> index of its heading (or first) item
    headings: dict[str, str | None]  # section id -> heading as printed (None: no heading)
    end: int


def _heading_text(item: _Item) -> str | None:
    if item.is_row:
        texts = [c.text for c in item.cells if c.text.strip()]
        if len(texts) != 1:
            return None
        text = texts[0]
    else:
        text = item.text
    norm = normalise(text)
    if not norm or len(norm) > _MAX_HEADING:
        return None
    if item.heading or _HEADING.match(norm):
        return norm
    return None


def _find_sections(items: list[_Item], begin: int, state: _State) -> _Sections:
    candidates = [(i, h) for i in range(begin, len(items)) if (h := _heading_text(items[i]))]
    starts: dict[str, int] = {}
    headings: dict[str, str | None] = {}
    position = begin
    for section, keys in SECTION_KEYS:
        found = _first_heading(candidates, position, keys)
        if found is None:
            continue
        starts[section] = found
        headings[section] = items[found].text.strip()
        position = found + 1
    end = len(items)
    last = max(starts.values(), default=None)
    if last is not None and "overview" in starts:
        again = _first_heading(candidates, last + 1, SECTION_KEYS[0][1])
        if again is not None:
            end = again
            state.warn(
                WarningCode.MULTIPLE_REPORTS,
                f"a second report starts at {items[again].text!r}; only the first is read",
                items[again].location,
            )
    return _Sections(starts, headings, end)


def _first_heading(
    candidates: list[tuple[int, str]], position: int, keys: Iterable[str]
) -> int | None:
    for key in keys:
        for index, norm in candidates:
            if index >= position and key in norm:
                return index
    return None


def _problems_fallback(items: list[_Item], sections: _Sections, state: _State) -> None:
    """Reports that print 五's subsections （一）主要问题 but not 五's heading."""
    if "problems_improvements" in sections.starts or "review_litigation" not in sections.starts:
        return
    stop = sections.starts.get("other_matters", sections.end)
    for index in range(sections.starts["review_litigation"] + 1, stop):
        item = items[index]
        norm = normalise(item.text)
        if not item.is_row and norm.startswith("（一）") and "问题" in norm:
            sections.starts["problems_improvements"] = index
            sections.headings["problems_improvements"] = None
            state.warn(
                WarningCode.SECTION_NOT_FOUND,
                "五、存在的主要问题及改进情况 has no heading; the section was found by its "
                f"first subsection {item.text.strip()!r}",
                item.location,
            )
            return


_TABLE_ANCHORS = {
    2: ("第二十条第", "信息内容"),
    3: ("勾稽关系", "本年新收政府信息公开申请", "申请人情况"),
    4: ("行政复议",),
}


def _regions(items: list[_Item], sections: _Sections) -> dict[str, tuple[int, int]]:
    """The item range of each section (tables found by their labels where a heading lacks)."""
    starts = dict(sections.starts)
    for number, section in _TABLE_SECTIONS.items():
        if section in starts:
            continue
        before = [starts[s] for s in SECTION_IDS[: SECTION_IDS.index(section)] if s in starts]
        after = [starts[s] for s in SECTION_IDS[SECTION_IDS.index(section) + 1 :] if s in starts]
        low = max(before, default=0)
        high = min(after, default=sections.end)
        for index in range(low, high):
            norm = normalise(items[index].text)
            if any(anchor in norm for anchor in _TABLE_ANCHORS[number]):
                starts[section] = index
                break
    ordered = sorted((start, section) for section, start in starts.items())
    regions = {}
    for n, (start, section) in enumerate(ordered):
        stop = ordered[n + 1][0] if n + 1 < len(ordered) else sections.end
        regions[section] = (start, stop)
    return regions


# ---------------------------------------------------------------------------
# Format version


def _detect_version(
    items: list[_Item], regions: dict[str, tuple[int, int]]
) -> FormatVersion | None:
    @functools.cache
    def text(section: str) -> str:
        start, stop = regions.get(section, (0, 0))
        return "".join(normalise(items[i].text) for i in range(start, stop))

    return detect_version(
        lambda signal: signal in text("proactive_disclosure"),
        lambda signal: signal in text("applications"),
    )


# ---------------------------------------------------------------------------
# Label matching


class _Matcher:
    """Maps a row label to a row of one table of one format version."""

    def __init__(self, table: TableSpec, extra_rows: Sequence[RowSpec] = ()) -> None:
        self.rows = tuple(table.rows) + tuple(extra_rows)
        self.keys: list[tuple[str, int]] = []
        leaves = {row.labels[-1] for row in self.rows}
        groups = {label for row in self.rows for label in row.labels[:-1]} - leaves
        self.groups = sorted(
            {strip_numbering(g) for g in groups} | {normalise(g) for g in groups}, key=len
        )
        self.groups.reverse()
        for index, row in enumerate(self.rows):
            for alias in (row.labels[-1], *ALIASES.get((table.number, row.id), ())):
                self.keys.append((strip_numbering(alias), index))
        self.keys.sort(key=lambda key: -len(key[0]))

    def match(self, label: str) -> int | None:
        text = normalise(label)
        for group in self.groups:
            text = text.replace(group, "")
        if not text:
            return None
        for key, index in self.keys:
            if key and key in text:
                return index
        core = strip_numbering(text)
        if len(core) >= 4:
            hits = {index for key, index in self.keys if core in key}
            if len(hits) == 1:
                return hits.pop()
        return None

    def group_only(self, label: str, group: str) -> bool:
        text = normalise(label)
        return bool(text) and strip_numbering(group) in text and self.match(label) is None


# ---------------------------------------------------------------------------
# Table 2


def _read_table2(
    items: list[_Item], region: tuple[int, int], spec: TableSpec, state: _State
) -> int:
    other = format_spec(
        FormatVersion.V2019
        if spec is format_spec(FormatVersion.V2021).tables[0]
        else FormatVersion.V2021
    ).tables[0]
    matcher = _Matcher(spec)
    foreign = _Matcher(other)
    header: list[str] | None = None
    found = 0
    for index in range(*region):
        row = _split(items[index])
        norm = normalise(row.label)
        if norm.startswith("信息内容"):
            header = _header_columns(items[index])
            continue
        if not row.values or not (row.numeric or row.item.is_row):
            continue
        hit = matcher.match(row.label) if row.label else None
        if hit is None:
            _unplaced_row(row, 2, foreign, state)
            continue
        found += 1
        _place_table2_row(row, spec.rows[hit], header, state)
    return found


def _header_columns(item: _Item) -> list[str]:
    texts = [normalise(c.text) for c in item.cells if c.text.strip()]
    if texts and texts[0].startswith("信息内容"):
        rest = texts[0][len("信息内容") :]
        texts = ([rest] if rest else []) + texts[1:]
    return texts


def _column_matches(header: str, column: ColumnSpec) -> bool:
    names = [
        normalise(column.labels[-1]),
        *(normalise(a) for a in COLUMN_ALIASES.get(column.id, ())),
    ]
    return any(
        header == name or header.startswith(name) or name.startswith(header) for name in names
    )


def _place_table2_row(row: _Row, spec: RowSpec, header: list[str] | None, state: _State) -> None:
    width = len(spec.columns)
    values = _fit(row.values, width)
    path = f"proactive_disclosure.{spec.id}"
    if values is None:
        state.warn(
            WarningCode.SKIPPED_VALUE,
            f"表二 {row.label}: {len(row.values)} values for {width} columns; left blank",
            row.item.location,
            f"{path}.{spec.columns[0].id}",
        )
        return
    order = list(range(width))
    if header is not None and len(header) == width:
        mapped = [
            next((h for h, name in enumerate(header) if _column_matches(name, column)), None)
            for column in spec.columns
        ]
        if all(m is not None for m in mapped) and len(set(mapped)) == width:
            order = [m for m in mapped if m is not None]
        else:
            state.warn(
                WarningCode.UNKNOWN_LABEL,
                f"表二 {row.label}: the header {'/'.join(header)} does not name the columns "
                f"{'/'.join(c.labels[-1] for c in spec.columns)}; values taken in order",
                row.item.location,
            )
    for column, position in zip(spec.columns, order, strict=False):
        state.put(
            f"{path}.{column.id}",
            column.kind,
            values[position],
            table=2,
            row=row,
            column=row.first + position,
        )


def _unplaced_row(row: _Row, table: int, foreign: _Matcher, state: _State) -> None:
    if not row.numeric:
        return
    hit = foreign.match(row.label) if row.label else None
    if hit is not None:
        spec = foreign.rows[hit]
        state.warn(
            WarningCode.EXTRA_ROW,
            f"表{_numeral(table)} row {row.label!r} belongs to the other format version; "
            "its values are kept in ParseResult.extra",
            row.item.location,
        )
        for column, tok in zip(spec.columns, row.values, strict=False):
            reading = _read_value(tok.text, column.kind)
            state.extra[f"{foreign_section(table)}.{spec.id}.{column.id}"] = reading.value
        return
    state.warn(
        WarningCode.UNKNOWN_LABEL,
        f"表{_numeral(table)}: a row labelled {row.label!r} matches no row of the format; "
        f"its values {' '.join(v.text for v in row.values)} were skipped",
        row.item.location,
    )


def foreign_section(table: int) -> str:
    """The section id of a table number."""
    return _TABLE_SECTIONS[table]


# ---------------------------------------------------------------------------
# Table 3


class _Placed(NamedTuple):
    low: int
    high: int
    row: _Row | None


def _read_table3(
    items: list[_Item],
    region: tuple[int, int],
    spec: TableSpec,
    version: FormatVersion,
    state: _State,
) -> int:
    matcher = _Matcher(spec)
    width = len(spec.rows[0].columns)
    other_group = "（六）其他处理"
    other_rows = [i for i, r in enumerate(spec.rows) if r.id.startswith("other_")]
    placed: list[_Placed] = []
    loose: list[_Row] = []
    runs: list[list[_Row]] = []
    for index in range(*region):
        row = _split(items[index])
        if not row.values:
            continue
        if not row.numeric and _fit(row.values, width) is None:
            continue
        hit = matcher.match(row.label) if row.label else None
        if (
            hit is None
            and version is FormatVersion.V2021
            and row.numeric
            and matcher.group_only(row.label, other_group)
        ):
            _keep_2019_other(row, width, state)
            placed.append(_Placed(other_rows[0], other_rows[-1], None))
            runs.append(loose)
            loose = []
            continue
        if hit is None:
            if not row.numeric:
                continue
            if row.label and not _is_fragment(row.label):
                _unplaced_row(row, 3, _Matcher(spec), state)
                continue
            loose.append(row)
            continue
        if placed and hit <= placed[-1].high:
            state.warn(
                WarningCode.DUPLICATE_ROW,
                f"表三 row {row.label!r} appears again or out of order; skipped",
                row.item.location,
            )
            continue
        placed.append(_Placed(hit, hit, row))
        runs.append(loose)
        loose = []
    runs.append(loose)
    assigned: dict[int, _Row] = {}
    previous = -1
    for n, run in enumerate(runs):
        following = placed[n].low if n < len(placed) else len(spec.rows)
        _assign_run(
            run,
            previous=previous,
            following=following,
            spec=spec,
            width=width,
            assigned=assigned,
            state=state,
        )
        if n < len(placed):
            if placed[n].row is not None:
                assigned[placed[n].low] = placed[n].row  # type: ignore[assignment]
            previous = placed[n].high
    for index, row in sorted(assigned.items()):
        _place_app_row(row, spec.rows[index], width, state)
    return len(assigned)


def _is_fragment(label: str) -> bool:
    """A label too short or too broken to name a row (a PDF line-wrap remnant)."""
    core = strip_numbering(label)
    return len(core) <= 6 or core == normalise(label)


def _assign_run(
    run: list[_Row],
    *,
    previous: int,
    following: int,
    spec: TableSpec,
    width: int,
    assigned: dict[int, _Row],
    state: _State,
) -> None:
    fitting = [row for row in run if _fit(row.values, width) is not None]
    for row in run:
        if _fit(row.values, width) is None:
            state.warn(
                WarningCode.SKIPPED_VALUE,
                f"表三: a row without a label holding {len(row.values)} values "
                f"({' '.join(v.text for v in row.values)}) fits no row; skipped",
                row.item.location,
            )
    if not fitting:
        return
    slots = list(range(previous + 1, following))
    if len(slots) != len(fitting):
        for row in fitting:
            state.warn(
                WarningCode.SKIPPED_VALUE,
                f"表三: {len(fitting)} rows without a recognisable label "
                f"({' '.join(v.text for v in row.values)}) lie where {len(slots)} rows are "
                "missing; their place is not certain, so they were skipped",
                row.item.location,
            )
        return
    for slot, row in zip(slots, fitting, strict=False):
        assigned[slot] = row
        state.warn(
            WarningCode.BY_POSITION,
            f"表三: the row {spec.rows[slot].label!r} was recognised by its position "
            f"(its label in the input: {row.label or '(none)'!r})",
            row.item.location,
            f"applications.{spec.rows[slot].id}.total",
        )


def _place_app_row(row: _Row, spec: RowSpec, width: int, state: _State) -> None:
    values = _fit(row.values, width)
    if values is None:
        state.warn(
            WarningCode.SKIPPED_VALUE,
            f"表三 {row.label}: {len(row.values)} values for {width} columns "
            f"({' '.join(v.text for v in row.values)}); which column each belongs to is not "
            "certain, so the row was left blank",
            row.item.location,
            f"applications.{spec.id}.natural_person",
        )
        return
    offset = row.first + list(row.values).index(values[0]) if values else row.first
    for position, (column, tok) in enumerate(zip(spec.columns, values, strict=False)):
        state.put(
            f"applications.{spec.id}.{column.id}",
            column.kind,
            tok,
            table=3,
            row=row,
            column=offset + position,
        )


def _keep_2019_other(row: _Row, width: int, state: _State) -> None:
    values = _fit(row.values, width) or ()
    columns = format_spec(FormatVersion.V2019).tables[1].row("other_processing").columns
    for column, tok in zip(columns, values, strict=False):
        state.extra[f"applications.other_processing.{column.id}"] = _read_value(
            tok.text, column.kind
        ).value
    state.warn(
        WarningCode.EXTRA_ROW,
        "表三 has the single 2019 row （六）其他处理 in a 2021-format table; its values are "
        "kept in ParseResult.extra and the three 2021 rows （六）1.–3. are left blank, since "
        "the split between them is unknown",
        row.item.location,
        "applications.other_no_correction.total",
    )


# ---------------------------------------------------------------------------
# Table 4


def _read_table4(
    items: list[_Item], region: tuple[int, int], spec: TableSpec, state: _State
) -> int:
    columns = [(group, column) for group in spec.rows for column in group.columns]
    width = len(columns)
    for index in range(*region):
        row = _split(items[index])
        if not row.numeric:
            continue
        values = _fit(row.values, width)
        if values is None:
            if row.label and not _has_number(row.label):
                continue
            state.warn(
                WarningCode.SKIPPED_VALUE,
                f"表四: a row of {len(row.values)} values ({' '.join(v.text for v in row.values)}) "
                f"where {width} are expected; which column each belongs to is not certain",
                row.item.location,
                "review_litigation.review.upheld",
            )
            continue
        offset = row.first + list(row.values).index(values[0])
        for position, ((group, column), tok) in enumerate(zip(columns, values, strict=False)):
            state.put(
                f"review_litigation.{group.id}.{column.id}",
                column.kind,
                tok,
                table=4,
                row=row,
                column=offset + position,
            )
        return 1
    return 0


# ---------------------------------------------------------------------------
# Texts


def _join(lines: Sequence[str], wrapped: bool) -> str:
    if not wrapped:
        return "\n".join(lines)
    out: list[str] = []
    width = max((len(line) for line in lines), default=0)
    short = width * 3 // 5
    previous = ""
    for line in lines:
        joins = (
            out
            and previous
            and previous[-1] not in _SENTENCE_END
            and len(previous) > short
            and not _NEW_PARAGRAPH.match(line)
        )
        previous = line
        if joins:
            glue = (
                " "
                if out[-1][-1].isascii() and out[-1][-1].isalnum() and line[:1].isascii()
                else ""
            )
            out[-1] = out[-1] + glue + line
        else:
            out.append(line)
    return "\n".join(out)


def _prose(items: list[_Item], start: int, stop: int) -> list[_Item]:
    return [items[i] for i in range(start, stop) if not items[i].is_row and items[i].text.strip()]


def _section_text(
    items: list[_Item], region: tuple[int, int] | None, wrapped: bool, skip_heading: bool = True
) -> tuple[str, list[_Item]]:
    if region is None:
        return "", []
    start, stop = region
    lines = _prose(items, start + 1 if skip_heading else start, stop)
    return _join([item.text.strip() for item in lines], wrapped), lines


def _notes(items: list[_Item], region: tuple[int, int] | None) -> tuple[str, ...]:
    if region is None:
        return ()
    notes = []
    for item in _prose(items, region[0] + 1, region[1]):
        match = _NOTE_PREFIX.match(item.text.strip())
        if match:
            notes.append(item.text.strip()[match.end() :])
    return tuple(notes)


def _trim_end(items: list[_Item], region: tuple[int, int], agency: str) -> tuple[int, int]:
    """Cut site footers and the signature (agency name, date) off the last section."""
    start, stop = region
    for index in range(start + 1, stop):
        if any(marker in items[index].text for marker in _FOOTER_MARKERS):
            stop = index
            break
    while stop > start + 1:
        text = normalise(items[stop - 1].text)
        if text and (
            text == normalise(agency)
            or _BARE_DATE.match(text)
            or text in ("特此报告。", "特此报告")
        ):
            stop -= 1
            continue
        break
    return start, stop


# ---------------------------------------------------------------------------
# Metadata


class _Title(NamedTuple):
    agency: str
    year: int
    text: str
    item: _Item


def _find_title(items: list[_Item], stop: int, fallback: str | None) -> _Title | None:
    texts = [None if item.is_row else normalise(item.text) for item in items[:stop]]
    found: _Title | None = None
    for i, text in enumerate(texts):
        if not text or len(text) > 60:
            continue
        before = texts[i - 1] if i > 0 else None
        after = texts[i + 1] if i + 1 < len(texts) else None
        for candidate in (
            text,
            (before or "") + text if before else None,
            text + (after or "") if after else None,
        ):
            if candidate and len(candidate) <= 80:
                title = _title_match(candidate, items[i])
                if title is not None:
                    found = title
                    break
        if found is not None:
            # The first title wins: a later match is a document the text cites, such as
            # 《…关于做好2023年政府信息公开工作年度报告编制工作的通知》 wrapped over lines.
            break
    if found is None and fallback:
        found = _title_match(normalise(fallback), None)
    return found


def _title_match(text: str, item: _Item | None) -> _Title | None:
    match = _TITLE.match(text)
    if match is None:
        return None
    agency = (match.group("a1") or match.group("a2") or "").strip()
    year = int(match.group("y1") or match.group("y2"))
    agency = agency.removeprefix("关于")
    if len(agency) < 2:
        return None
    return _Title(agency, year, match.group(0), item)  # type: ignore[arg-type]


def _published_on(items: list[_Item], stop: int, state: _State) -> dt.date | None:
    for item in items[:stop]:
        match = _DATE_LABEL.search(item.text)
        if match is None:
            continue
        try:
            date = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            state.warn(
                WarningCode.METADATA, f"{match.group(0)!r} is not a real date", item.location
            )
            continue
        state.source("meta.published_on", match.group(0), item.location)
        return date
    return None


def _period_year(items: list[_Item], stop: int) -> tuple[int, _Item] | None:
    for item in items[:stop]:
        if item.is_row:
            continue
        match = _PERIOD.search(item.text)
        if match:
            return int(match.group(1)), item
    return None


# ---------------------------------------------------------------------------
# The recogniser


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
    from govdisclosure._parse.recognise.marked import recognise_marked

    marked = recognise_marked(layout, source=source)
    if marked is not None:
        return marked
    layout = layout.plain()
    state = _State(layout.kind)
    items = _items(layout)
    sections = _find_sections(items, 0, state)
    _problems_fallback(items, sections, state)
    regions = _regions(items, sections)
    if not regions:
        raise ParseError(
            "no section heading (一、总体情况 …) and no table of an annual report was found"
        )
    first = min(start for start, _ in regions.values())
    title = _find_title(items, first, layout.title)
    year = _report_year(items, first, title, state)
    version = _version(items, regions, year, state)
    tables = {table.number: table for table in format_spec(version).tables}
    for number, section in _TABLE_SECTIONS.items():
        region = regions.get(section)
        found = 0
        if region is not None:
            if number == 2:
                found = _read_table2(items, region, tables[2], state)
            elif number == 3:
                found = _read_table3(items, region, tables[3], version, state)
            else:
                found = _read_table4(items, region, tables[4], state)
        if not found:
            state.warn(
                WarningCode.TABLE_NOT_FOUND,
                f"表{_numeral(number)}（{tables[number].title}）was not found; its cells are blank",
                items[region[0]].location if region else None,
            )
    _report_missing_rows(version, state)
    agency = title.agency if title is not None else ""
    if title is None:
        state.warn(WarningCode.METADATA, "the report's title (agency and year) was not found")
    report = _build(
        items, layout, sections, regions, state, title, agency, year, version, first, source
    )
    return ParseResult(
        report=report,
        warnings=tuple(state.warnings),
        kind=layout.kind,
        extra=state.extra,
        sources=state.sources,
    )


def _report_year(items: list[_Item], first: int, title: _Title | None, state: _State) -> int:
    period = _period_year(items, min(len(items), first + 40))
    if title is not None:
        if title.item is not None:
            state.source("meta.agency", title.text, title.item.location)
            state.source("meta.year", title.text, title.item.location)
            state.source("meta.title", title.text, title.item.location)
        if period is not None and period[0] != title.year:
            state.warn(
                WarningCode.METADATA,
                f"the title names the year {title.year} but the statistics period starts in "
                f"{period[0]}; the title's year is used",
                period[1].location,
            )
        year = title.year
    elif period is not None:
        state.source("meta.year", period[1].text, period[1].location)
        year = period[0]
    else:
        raise ParseError("the report year was found neither in a title nor in a statistics period")
    if year < 2019:
        raise ParseError(f"the report year {year} predates the national format (2019 on)")
    return year


def _version(
    items: list[_Item], regions: dict[str, tuple[int, int]], year: int, state: _State
) -> FormatVersion:
    expected = FormatVersion.for_year(year)
    detected = _detect_version(items, regions)
    if detected is not None and detected is not expected:
        state.warn(
            WarningCode.FORMAT_YEAR,
            f"the tables follow the {detected.value} format, but the format in force for "
            f"{year} is {expected.value}; the tables are read as they are laid out",
        )
    return detected or expected


def _report_missing_rows(version: FormatVersion, state: _State) -> None:
    seen_tables = {path.split(".")[0] for path in state.sources}
    seen_rows = {path.rsplit(".", 1)[0] for path in state.sources}
    seen_rows.update(w.path.rsplit(".", 1)[0] for w in state.warnings if w.path is not None)
    for table in format_spec(version).tables:
        if table.section not in seen_tables:
            continue
        for row in table.rows:
            prefix = f"{table.section}.{row.id}."
            if prefix[:-1] not in seen_rows:
                state.warn(
                    WarningCode.SKIPPED_VALUE,
                    f"表{_numeral(table.number)}: no row {row.label!r} was found; "
                    "its cells are blank",
                    None,
                    prefix + row.columns[0].id,
                )


def _level(agency: str) -> AgencyLevel:
    if re.search(r"(?:人民)?政府$", agency) and "办公" not in agency:
        return AgencyLevel.GOVERNMENT
    return AgencyLevel.DEPARTMENT


def _heading(sections: _Sections, section: str) -> str | None:
    printed = sections.headings.get(section)
    if printed is None or normalise(printed) == normalise(HEADINGS[section]):
        return None
    return printed


def _build(  # noqa: PLR0917 - the recogniser's findings, passed on once
    items: list[_Item],
    layout: Layout,
    sections: _Sections,
    regions: dict[str, tuple[int, int]],
    state: _State,
    title: _Title | None,
    agency: str,
    year: int,
    version: FormatVersion,
    first: int,
    source: str | None,
) -> AnnualReport:
    for section in SECTION_IDS:
        if section in sections.starts:
            item = items[sections.starts[section]]
            state.source(section, item.text, item.location)
        elif section not in regions:
            state.warn(
                WarningCode.SECTION_NOT_FOUND,
                f"no heading of the section {HEADINGS[section]} was found",
            )
    published = _published_on(items, first, state)
    meta = ReportMeta(
        agency=agency,
        year=year,
        format_version=version,
        title=title.text if title is not None else None,
        published_on=published,
        agency_level=_level(agency),
        source=source,
    )
    report = AnnualReport.blank(
        agency=meta.agency,
        year=meta.year,
        format_version=meta.format_version,
        title=meta.title,
        published_on=meta.published_on,
        agency_level=meta.agency_level,
        source=meta.source,
    )
    report = report.with_cells(state.values)
    wrapped = layout.wrapped
    texts = _texts(items, sections, regions, state, agency, wrapped, first, title)
    return attrs.evolve(
        report,
        preface=texts["preface"] or None,
        overview=Overview(text=texts["overview"], heading=_heading(sections, "overview")),
        proactive_disclosure=attrs.evolve(
            report.proactive_disclosure,
            notes=_notes(items, regions.get("proactive_disclosure")),
            heading=_heading(sections, "proactive_disclosure"),
        ),
        applications=attrs.evolve(
            report.applications,
            notes=_notes(items, regions.get("applications")),
            heading=_heading(sections, "applications"),
        ),
        review_litigation=attrs.evolve(
            report.review_litigation,
            notes=_notes(items, regions.get("review_litigation")),
            heading=_heading(sections, "review_litigation"),
        ),
        problems_improvements=ProblemsImprovements(
            text=texts["problems_improvements"], heading=_heading(sections, "problems_improvements")
        ),
        other_matters=_other_matters(
            texts["other_matters"], _heading(sections, "other_matters"), state
        ),
    )


def _texts(  # noqa: PLR0917 - the recogniser's findings, passed on once
    items: list[_Item],
    sections: _Sections,
    regions: dict[str, tuple[int, int]],
    state: _State,
    agency: str,
    wrapped: bool,
    first: int,
    title: _Title | None,
) -> dict[str, str]:
    texts: dict[str, str] = {}
    for section in ("overview", "problems_improvements", "other_matters"):
        region = regions.get(section)
        if region is not None and section == "other_matters":
            region = _trim_end(items, region, agency)
        skip = sections.headings.get(section) is not None
        texts[section] = _section_text(items, region, wrapped, skip_heading=skip)[0]
    begin = title.item.pos + 1 if title is not None and title.item is not None else 0
    if title is not None and title.item is not None and begin < first:
        # A title broken over two lines: skip its second half too.
        following = normalise(items[begin].text)
        if following and following in title.text and not items[begin].is_row:
            begin += 1
    lines = [
        item.text.strip()
        for item in _prose(items, begin, first)
        if not _DATE_LABEL.search(item.text) and not _TITLE.match(normalise(item.text))
    ]
    texts["preface"] = _join(lines, wrapped) if title is not None else ""
    return texts


def _other_matters(text: str, heading: str | None, state: _State) -> OtherMatters:
    amount, words, doubt = stated_fee(text)
    if doubt is not None:
        state.warn(WarningCode.SKIPPED_VALUE, doubt, None, None)
    if words is not None:
        located = state.sources.get("other_matters")
        if located is not None:
            state.source("other_matters.information_fee_yuan", words, located.location)
    return OtherMatters(text=text, information_fee_yuan=amount, heading=heading)


# Paragraph is part of the layout vocabulary the recogniser reads through _items.
_ = Paragraph
