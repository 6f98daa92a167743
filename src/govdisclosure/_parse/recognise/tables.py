"""Tables 2, 3 and 4: each row matched to a row of the format, each value to its cell.

:class:`Matcher` maps a row label to a row of one table by the official labels and the
declared aliases, compared after :func:`~govdisclosure._format.vocabulary.normalise` and
with their numbering stripped. Table 2 takes its columns from its header rows; table 3
places rows that lost their labels by their position between labelled rows, only when
exactly as many rows are missing as there are unlabelled rows; table 4 is its one row of
fifteen figures.
"""

from __future__ import annotations

import difflib
import itertools
import re
from typing import NamedTuple

from govdisclosure._format import (
    CellKind,
    ColumnSpec,
    FormatVersion,
    RowSpec,
    TableSpec,
    format_spec,
    per_table,
)
from govdisclosure._format.vocabulary import (
    ALIASES,
    COLUMN_ALIASES,
    normalise,
    strip_numbering,
)
from govdisclosure._parse.recognise.flat import is_collapsed, read_flat_table
from govdisclosure._parse.recognise.items import Item, Row, Token, fit, has_number, split_row
from govdisclosure._parse.recognise.sections import TABLE_SECTIONS, Region
from govdisclosure._parse.recognise.state import State, numeral
from govdisclosure._parse.recognise.values import read_value
from govdisclosure._parse.result import WarningCode

__all__ = [
    "Matcher",
    "matcher_of",
    "read_table",
    "read_tables",
    "report_missing_rows",
    "unwrapped",
]


def read_tables(
    items: list[Item], regions: dict[str, Region], version: FormatVersion, state: State
) -> None:
    """Read tables 2, 3 and 4 from their sections' regions; warn of each one not found.

    A table whose grid reading places no value is read again as a stream whose cells lost
    their boundaries (:mod:`~govdisclosure._parse.recognise.flat`), and that reading is
    kept when it finds the table's rows.
    """
    tables = [regions[t.section] for t in format_spec(version).tables if t.section in regions]
    collapsed = is_collapsed(items, tables)
    for spec in format_spec(version).tables:
        region = regions.get(spec.section)
        found = 0
        if region is not None:
            grid = None
            if _has_rows(items, region):
                grid = State(state.kind)
                found = read_table(spec.number, items, region, version, grid)
            if grid is None or not any(p.startswith(spec.section + ".") for p in grid.values):
                flat = State(state.kind)
                rows = read_flat_table(spec, items, region, version, flat, collapsed=collapsed)
                if rows:
                    grid, found = flat, rows
                elif grid is None:
                    grid = State(state.kind)
                    found = read_table(spec.number, items, region, version, grid)
            _merge(grid, state)
        if not found:
            state.warn(
                WarningCode.TABLE_NOT_FOUND,
                f"表{numeral(spec.number)}（{spec.title}）was not found; its cells are blank",
                items[region[0]].location if region else None,
            )
    report_missing_rows(version, state)


def _has_rows(items: list[Item], region: Region) -> bool:
    """Tell whether the grid reading can place a value in the region.

    It cannot when no item is a table row and no line has a label and a figure or more
    than one value. Such a region (crawler text, one node per line) is read as a stream
    first, and by the grid only when the stream finds no row (for the grid reading's
    warnings): its grid reading found nothing, and was most of the time spent on such text.
    """
    for index in range(*region):
        item = items[index]
        if item.is_row:
            return True
        if item.cells:
            row = split_row(item)
            if len(row.values) > 1 or (row.values and row.label and row.numeric):
                return True
    return False


def _merge(part: State, state: State) -> None:
    state.warnings.extend(part.warnings)
    state.values.update(part.values)
    state.sources.update(part.sources)
    state.extra.update(part.extra)


def read_table(
    number: int, items: list[Item], region: Region, version: FormatVersion, state: State
) -> int:
    """Read table ``number`` from a region of items.

    Returns:
        How many of its rows were found (0: the table is not there).
    """
    spec = next(table for table in format_spec(version).tables if table.number == number)
    if number == 2:
        return _read_table2(items, region, spec, state)
    if number == 3:
        return _read_table3(items, region, spec, version, state)
    return _read_table4(items, region, spec, state)


class Matcher:
    """Maps a row label to a row of one table of one format version."""

    def __init__(self, table: TableSpec) -> None:
        self.rows = table.rows
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
        """The index of the row a label names, or ``None``."""
        text = normalise(label)
        for group in self.groups:
            text = text.replace(group, "")
        if not text:
            return None
        core = strip_numbering(text)
        for key, index in self.keys:
            # A short key names only a short label: "其他" (3.其他) is in "其他法律行政止公开"
            # too. Longer keys may sit in noise (the characters of a vertical group label).
            if key and key in text and (len(key) >= 4 or _short_fits(key, core)):
                return index
        if len(core) >= 4:
            hits = {index for key, index in self.keys if core in key}
            if len(hits) == 1:
                return hits.pop()
            numbered = self._numbered(text)
            return numbered if numbered is not None else self._nearest(core)
        return None

    def _numbered(self, text: str) -> int | None:
        """The row a label names after a piece of its group's label, by its own numbering.

        PDF text puts the start of a group label spanning rows on one of its rows' lines
        (``（四）无 2.没有现成信息需``, the rest ``法提供 要另行制作`` on the next line). The
        words after the last numbering (``2.``) name a row when they begin the label of
        exactly one row and that row has the same numbering.
        """
        found = max(_ROW_NUMBERING.finditer(text), key=lambda m: m.start(), default=None)
        if found is None or found.start() == 0:
            return None
        words = text[found.end() :]
        if len(words) < 3:
            return None
        hits = {
            index
            for index, row in enumerate(self.rows)
            if normalise(row.labels[-1]).startswith(found.group() + words)
        }
        return hits.pop() if len(hits) == 1 else None

    def _nearest(self, core: str) -> int | None:
        """The row a label with lost or garbled characters names, when only one is close.

        PDF text loses characters ("2.其他法律行政止公开" for 其他法律行政法规禁止公开). A
        row is taken when its label is at least 80% alike (difflib's ratio) and no other
        row's is within 0.1 of it; otherwise none.
        """
        scores: dict[int, float] = {}
        for key, index in self.keys:
            if len(key) >= 4:
                ratio = difflib.SequenceMatcher(None, core, key, autojunk=False).ratio()
                scores[index] = max(scores.get(index, 0.0), ratio)
        ranked = sorted(scores.items(), key=lambda item: -item[1])
        if not ranked or ranked[0][1] < 0.8:
            return None
        if len(ranked) > 1 and ranked[1][1] > ranked[0][1] - 0.1:
            return None
        return ranked[0][0]

    def group_only(self, label: str, group: str) -> bool:
        """``True`` when a label names the group ``group`` and none of its rows."""
        text = normalise(label)
        return bool(text) and strip_numbering(group) in text and self.match(label) is None


_REMARK = re.compile(r"（[^（）]*）")
_ROW_NUMBERING = re.compile(r"\d{1,2}[.．、]")


#: The :class:`Matcher` of a table, made once.
matcher_of = per_table(Matcher)


def _short_fits(key: str, core: str) -> bool:
    """A short key (规章, 其他, 总计) names a label that is little more than itself.

    Remarks in brackets do not count (规 章（本级）is 规章); further words do (其他法律…).
    """
    return len(_REMARK.sub("", core)) <= len(key) + 3


def _read_table2(items: list[Item], region: Region, spec: TableSpec, state: State) -> int:
    other = format_spec(
        FormatVersion.V2019
        if spec is format_spec(FormatVersion.V2021).tables[0]
        else FormatVersion.V2021
    ).tables[0]
    matcher = matcher_of(spec)
    foreign = matcher_of(other)
    header: list[str] | None = None
    found = 0
    placed: tuple[Row, RowSpec] | None = None
    for index in range(*region):
        row = split_row(items[index])
        norm = normalise(row.label)
        if norm.startswith("信息内容"):
            header = _header_columns(items[index])
            continue
        if not row.values or not (row.numeric or row.item.is_row):
            continue
        hit = matcher.match(row.label) if row.label else None
        if hit is None:
            if (
                placed is not None
                and _continues(placed[0], row)
                and foreign.match(row.label) is None
            ):
                _withhold(placed[0], 2, _paths(spec, placed[1]), row, state)
            _unplaced_row(row, 2, foreign, state)
            continue
        found += 1
        _place_table2_row(row, spec.rows[hit], header, state)
        placed = (row, spec.rows[hit])
    return found


def _paths(table: TableSpec, row: RowSpec) -> list[str]:
    return [f"{table.section}.{row.id}.{column.id}" for column in row.columns]


def _continues(row: Row, loose: Row) -> bool:
    """Whether a line of figures no row claims may hold the rest of ``row``'s numbers.

    Text extracted from a PDF wraps a number too wide for its cell onto the next line
    (``行政许可 4`` then ``47228`` for 447228): the line right after a row's line, holding
    figures and no label of a row, may be the rest of its numbers.
    """
    return (
        not row.item.is_row
        and not loose.item.is_row
        and loose.item.pos == row.item.pos + 1
        and loose.numeric
        and (not loose.label or _is_fragment(loose.label))
    )


def _withhold(row: Row, table: int, paths: list[str], loose: Row, state: State) -> None:
    """Leave a row's cells blank: the line after it may hold the rest of its numbers."""
    figures = " ".join(v.text for v in loose.values)
    for path in paths:
        state.values.pop(path, None)
        state.warn(
            WarningCode.SKIPPED_VALUE,
            f"表{numeral(table)} {row.label or '(无标签行)'}: the line after it holds figures "
            f"no row claims ({figures}); a number of this row may be broken across the two "
            "lines, so its values are left blank",
            loose.item.location,
            path,
        )


def _header_columns(item: Item) -> list[str]:
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


def _place_table2_row(row: Row, spec: RowSpec, header: list[str] | None, state: State) -> None:
    width = len(spec.columns)
    values = fit(row.values, width)
    path = f"proactive_disclosure.{spec.id}"
    if values is not None:
        values = unwrapped(values, groups=())
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


def _unplaced_row(row: Row, table: int, foreign: Matcher, state: State) -> None:
    if not row.numeric:
        return
    hit = foreign.match(row.label) if row.label else None
    if hit is not None:
        spec = foreign.rows[hit]
        state.warn(
            WarningCode.EXTRA_ROW,
            f"表{numeral(table)} row {row.label!r} belongs to the other format version; "
            "its values are kept in ParseResult.extra",
            row.item.location,
        )
        for column, tok in zip(spec.columns, row.values, strict=False):
            reading = read_value(tok.text, column.kind)
            state.extra[f"{TABLE_SECTIONS[table]}.{spec.id}.{column.id}"] = reading.value
        return
    state.warn(
        WarningCode.UNKNOWN_LABEL,
        f"表{numeral(table)}: a row labelled {row.label!r} matches no row of the format; "
        f"its values {' '.join(v.text for v in row.values)} were skipped",
        row.item.location,
    )


class _Placed(NamedTuple):
    """Rows of the format (``low`` to ``high``) an input row was placed in by its label."""

    low: int
    high: int
    row: Row | None


class _Table3Rows:
    """Table 3's rows in reading order, as read so far.

    Rows placed by their labels, and before each of them (and after the last) the run of
    rows whose labels named no row.
    """

    def __init__(self) -> None:
        self.placed: list[_Placed] = []
        self.runs: list[list[Row]] = []
        self.loose: list[Row] = []

    def place(self, placed: _Placed) -> None:
        """A row placed by its label; it ends the current run of unlabelled rows."""
        self.placed.append(placed)
        self.runs.append(self.loose)
        self.loose = []

    def end(self) -> None:
        """The table ends: its last run follows the last placed row."""
        self.runs.append(self.loose)
        self.loose = []


_OTHER_GROUP = "（六）其他处理"


def _read_table3(
    items: list[Item],
    region: Region,
    spec: TableSpec,
    version: FormatVersion,
    state: State,
) -> int:
    matcher = matcher_of(spec)
    width = len(spec.rows[0].columns)
    rows = _Table3Rows()
    for index in range(*region):
        row = split_row(items[index])
        if not row.values or (not row.numeric and fit(row.values, width) is None):
            continue
        hit = matcher.match(row.label) if row.label else None
        if hit is None:
            _table3_unmatched(row, rows, matcher, version, state)
        elif rows.placed and hit <= rows.placed[-1].high:
            state.warn(
                WarningCode.DUPLICATE_ROW,
                f"表三 row {row.label!r} appears again or out of order; skipped",
                row.item.location,
            )
        else:
            rows.place(_Placed(hit, hit, row))
    rows.end()
    assigned = _assign_runs(rows, spec, width, state)
    by_line = {row.item.pos: index for index, row in assigned.items()}
    used = {id(row) for row in assigned.values()}
    broken: dict[int, Row] = {}
    for loose in (row for run in rows.runs for row in run if id(row) not in used):
        above = by_line.get(loose.item.pos - 1)
        if above is not None and _continues(assigned[above], loose):
            broken[above] = loose
    for index, row in sorted(assigned.items()):
        if index in broken:
            _withhold(row, 3, _paths(spec, spec.rows[index]), broken[index], state)
            continue
        _place_app_row(row, spec.rows[index], width, state)
    return len(assigned)


def _table3_unmatched(
    row: Row, rows: _Table3Rows, matcher: Matcher, version: FormatVersion, state: State
) -> None:
    """A table-3 row whose label names no row: the 2019 （六）其他处理, unknown, or loose."""
    if not row.numeric:
        return
    if version is FormatVersion.V2021 and matcher.group_only(row.label, _OTHER_GROUP):
        _keep_2019_other(row, len(matcher.rows[0].columns), state)
        other_rows = [i for i, r in enumerate(matcher.rows) if r.id.startswith("other_")]
        rows.place(_Placed(other_rows[0], other_rows[-1], None))
    elif row.label and not _is_fragment(row.label):
        _unplaced_row(row, 3, matcher, state)
    else:
        rows.loose.append(row)


def _assign_runs(rows: _Table3Rows, spec: TableSpec, width: int, state: State) -> dict[int, Row]:
    """The rows of the format each input row stands for: its label's, or its position's."""
    assigned: dict[int, Row] = {}
    previous = -1
    for n, run in enumerate(rows.runs):
        following = rows.placed[n].low if n < len(rows.placed) else len(spec.rows)
        _assign_run(
            run,
            previous=previous,
            following=following,
            spec=spec,
            width=width,
            assigned=assigned,
            state=state,
        )
        if n < len(rows.placed):
            placed = rows.placed[n]
            if placed.row is not None:
                assigned[placed.low] = placed.row
            previous = placed.high
    return assigned


def _is_fragment(label: str) -> bool:
    """A label too short or too broken to name a row (a PDF line-wrap remnant)."""
    core = strip_numbering(label)
    return len(core) <= 6 or core == normalise(label)


def _assign_run(
    run: list[Row],
    *,
    previous: int,
    following: int,
    spec: TableSpec,
    width: int,
    assigned: dict[int, Row],
    state: State,
) -> None:
    fitting = [row for row in run if fit(row.values, width) is not None]
    for row in run:
        if fit(row.values, width) is None:
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


def _place_app_row(row: Row, spec: RowSpec, width: int, state: State) -> None:
    values = fit(row.values, width)
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
    values = unwrapped(values, groups=((0, width),))
    for position, (column, tok) in enumerate(zip(spec.columns, values, strict=False)):
        state.put(
            f"applications.{spec.id}.{column.id}",
            column.kind,
            tok,
            table=3,
            row=row,
            column=offset + position,
        )


def _keep_2019_other(row: Row, width: int, state: State) -> None:
    values = fit(row.values, width) or ()
    columns = format_spec(FormatVersion.V2019).tables[1].row("other_processing").columns
    for column, tok in zip(columns, values, strict=False):
        state.extra[f"applications.other_processing.{column.id}"] = read_value(
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


def _read_table4(items: list[Item], region: Region, spec: TableSpec, state: State) -> int:
    columns = [(group, column) for group in spec.rows for column in group.columns]
    width = len(columns)
    for index in range(*region):
        row = split_row(items[index])
        if not row.numeric:
            continue
        values = fit(row.values, width)
        if values is None:
            if row.label and not has_number(row.label):
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
        starts = itertools.accumulate((len(group.columns) for group in spec.rows), initial=0)
        bounds = tuple(itertools.pairwise(starts))
        values = unwrapped(values, groups=bounds)
        for position, ((group, column), tok) in enumerate(zip(columns, values, strict=False)):
            state.put(
                f"review_litigation.{group.id}.{column.id}",
                column.kind,
                tok,
                table=4,
                row=row,
                column=offset + position,
            )
        after = split_row(items[index + 1]) if index + 1 < region[1] else None
        if after is not None and _continues(row, after):
            paths = [path for group in spec.rows for path in _paths(spec, group)]
            _withhold(row, 4, paths, after, state)
        return 1
    return 0


def unwrapped(
    values: tuple[Token, ...], *, groups: tuple[tuple[int, int], ...]
) -> tuple[Token, ...]:
    r"""A row's values with each figure its cell wrapped over lines joined (``1\n60``: 160).

    A cell of a PDF's ruled table breaks a figure too wide for it over lines. Two rows run
    into one (a ruling lost) stack figures in every cell instead, so a wrapped figure is
    joined only when another figure of the row stands on one line, and only when each sum
    of the row still may hold: ``groups`` are the ``(start, stop)`` of its runs of parts
    ending in their total (a blank part stands for any count). Otherwise the row is left as
    it is, and the wrapped cell is read as two figures (not read, and warned of).

    >>> [t.text for t in unwrapped((Token("26", None), Token("2\n6", None)), groups=((0, 2),))]
    ['26', '26']
    >>> [t.text for t in unwrapped((Token("2\n6", None), Token("3\n5", None)), groups=())]
    ['2\n6', '3\n5']
    """
    if not any("\n" in tok.text for tok in values):
        return values
    lines = [[line.strip() for line in tok.text.strip().split("\n")] for tok in values]
    wrapped = {
        i
        for i, parts in enumerate(lines)
        if len(parts) > 1 and all(part.isascii() and part.isdigit() for part in parts)
    }
    single = any(
        len(parts) == 1 and parts[0][:1].isdigit()
        for i, parts in enumerate(lines)
        if i not in wrapped
    )
    if not wrapped or not single:
        return values
    joined = tuple(
        Token("".join(lines[i]), tok.location) if i in wrapped else tok
        for i, tok in enumerate(values)
    )
    for start, stop in groups:
        if wrapped & set(range(start, stop)) and not _may_sum(joined[start:stop]):
            return values
    return joined


def _may_sum(tokens: tuple[Token, ...]) -> bool:
    """Whether the last of the tokens may be the sum of the others (blanks any count)."""
    *parts, total = (read_value(t.text, CellKind.COUNT).value for t in tokens)
    if not isinstance(total, int):
        return True
    known = sum(p for p in parts if isinstance(p, int))
    return total == known if all(isinstance(p, int) for p in parts) else total >= known


def report_missing_rows(version: FormatVersion, state: State) -> None:
    """Warn of each cell of the tables that holds no value and has no warning naming it.

    A row that was not found, a table that was not found, and any other cell left blank
    without a word: every blank cell of the result has a warning of its own, so a reader of
    the result (or a scorer) can tell a blank it was told of from one it was not.
    """
    warned = {w.path for w in state.warnings if w.path is not None}
    seen_tables = {path.split(".")[0] for path in state.sources}
    seen_rows = {path.rsplit(".", 1)[0] for path in state.sources}
    seen_rows.update(path.rsplit(".", 1)[0] for path in warned)
    for table in format_spec(version).tables:
        name = f"表{numeral(table.number)}"
        for row in table.rows:
            prefix = f"{table.section}.{row.id}"
            if table.section not in seen_tables:
                why = f"{name} was not found; its cells are blank"
            elif prefix not in seen_rows:
                why = f"{name}: no row {row.label!r} was found; its cells are blank"
            else:
                why = f"{name} {row.label}: no value was read for this cell"
            for column in row.columns:
                path = f"{prefix}.{column.id}"
                if path not in state.values and path not in warned:
                    state.warn(WarningCode.SKIPPED_VALUE, why, None, path)
