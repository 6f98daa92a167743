"""Finding the official tables, the facts and the text fields by their labels.

Tables may sit anywhere on any sheet, with blank rows and columns in between, label
variants and merged cells; each finder returns where the data cells of its table are, or
raises :class:`NotFoundError` saying what is missing. Facts are found right of their field
id or their label; the format version, when no fact states it, from the labels the sheets
show.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from govdisclosure._format import APPLICANT_COLUMNS, FormatVersion, RowSpec, TableSpec
from govdisclosure._format.vocabulary import COLUMN_ALIASES, detect_version
from govdisclosure._io.excel.labels import LabelIndex
from govdisclosure._io.excel.layout import FACTS
from govdisclosure._io.xlsx.reader import Sheet

__all__ = ["FINDERS", "NotFoundError", "fields_on", "locate_facts", "version_from_labels"]


_HEADER_WINDOW = 20


class NotFoundError(Exception):
    """A table was not found on a sheet; the message says what was missing.

    Attributes:
        what_zh: what was missing, in Chinese.
    """

    def __init__(self, what: str, what_zh: str) -> None:
        super().__init__(what)
        self.what_zh = what_zh


def _find_table2(index: LabelIndex, table: TableSpec) -> dict[str, tuple[int, int]]:
    cells: dict[str, tuple[int, int]] = {}
    for spec in table.rows:
        found = next(
            (
                row
                for r, c in index.find(*spec.labels[-1:])
                if (row := _table2_row(index, table, spec, r, c)) is not None
            ),
            None,
        )
        if found is None:
            raise NotFoundError(
                f"the row “{spec.label}” with its column headers above it",
                f"“{spec.label}”行及其上方的列标题",
            )
        cells.update(found)
    return cells


def _table2_row(
    index: LabelIndex, table: TableSpec, spec: RowSpec, r: int, c: int
) -> dict[str, tuple[int, int]] | None:
    """The cells of a row labelled at ``(r, c)``, each under the nearest header above it."""
    found: dict[str, tuple[int, int]] = {}
    for column in spec.columns:
        heads = [
            (hr, hc)
            for hr, hc in index.find(column.labels[-1])
            if r - _HEADER_WINDOW <= hr < r and hc > c
        ]
        if not heads:
            return None
        _hr, hc = max(heads, key=lambda p: (p[0], -p[1]))
        found[f"{table.section}.{spec.id}.{column.id}"] = (r, hc)
    return found


def _find_table3(index: LabelIndex, table: TableSpec) -> dict[str, tuple[int, int]]:
    anchors = index.find(APPLICANT_COLUMNS[0].labels[-1])
    if not anchors:
        raise NotFoundError("the header “自然人”", "“自然人”列标题")
    problem = None
    for ra, ca in anchors:
        try:
            columns, bottom = _table3_columns(index, ra, ca)
            cells = _table3_rows(index, table, columns, bottom)
        except NotFoundError as exc:
            problem = exc
            continue
        return cells
    assert problem is not None  # an anchor was tried
    raise problem


def _table3_columns(index: LabelIndex, ra: int, ca: int) -> tuple[dict[str, int], int]:
    """The column of each applicant column, from 自然人 at ``(ra, ca)``; the header's last row."""
    sheet = index.sheet
    columns = {APPLICANT_COLUMNS[0].id: ca}
    bottom = sheet.bottom(ra, ca)
    previous = ca
    for column in APPLICANT_COLUMNS[1:]:
        labels = (column.labels[-1], *COLUMN_ALIASES.get(column.id, ()))
        heads = [p for p in index.find(*labels) if ra - 1 <= p[0] <= ra + 3 and p[1] > previous]
        if not heads:
            raise NotFoundError(
                f"the header “{column.labels[-1]}” right of “自然人”",
                f"“自然人”右侧的“{column.labels[-1]}”列标题",
            )
        hr, hc = min(heads, key=lambda p: (p[1], p[0]))
        columns[column.id] = previous = hc
        bottom = max(bottom, sheet.bottom(hr, hc))
    return columns, bottom


def _table3_rows(
    index: LabelIndex, table: TableSpec, columns: dict[str, int], header_bottom: int
) -> dict[str, tuple[int, int]]:
    """The cells of each row, found by its label below the header and left of the data."""
    first_data = min(columns.values())
    cells: dict[str, tuple[int, int]] = {}
    previous = header_bottom
    for spec in table.rows:
        label = spec.labels[-1]
        rows = [r for r, c in index.find(label) if c < first_data and r > previous]
        if not rows:
            rows = [r for r, c in index.ending(label) if c < first_data and r > previous]
        if not rows:
            raise NotFoundError(
                f"the row “{spec.label}” below the header", f"表头下方的“{spec.label}”行"
            )
        previous = min(rows)
        for column in spec.columns:
            cells[f"{table.section}.{spec.id}.{column.id}"] = (previous, columns[column.id])
    return cells


def _find_table4(index: LabelIndex, table: TableSpec) -> dict[str, tuple[int, int]]:
    groups = [spec.labels[-1] for spec in table.rows]
    problem = NotFoundError(f"the header “{groups[1]}”", f"“{groups[1]}”列标题")
    for r2, c2 in index.find(groups[1]):
        try:
            top, bounds = _table4_groups(index, table, r2, c2)
            heads, bottom = _table4_heads(index, table, top, bounds)
        except NotFoundError as exc:
            problem = exc
            continue
        data_row = _table4_data_row(index.sheet, {c for _, c in heads.values()}, bottom)
        return {path: (data_row, c) for path, (_, c) in heads.items()}
    raise problem


def _table4_groups(
    index: LabelIndex, table: TableSpec, r2: int, c2: int
) -> tuple[int, tuple[tuple[int, int], ...]]:
    """The header's top row and the column span of each group (行政复议, the two 行政诉讼 kinds).

    Found from the second group's header at ``(r2, c2)``: the first group left of it, the
    third right of it.
    """
    groups = [spec.labels[-1] for spec in table.rows]
    thirds = [p for p in index.find(groups[2]) if abs(p[0] - r2) <= 1 and p[1] > c2]
    firsts = [p for p in index.find(groups[0]) if r2 - 2 <= p[0] <= r2 and p[1] < c2]
    if not thirds or not firsts:
        raise NotFoundError(
            f"the headers “{groups[0]}” and “{groups[2]}” beside “{groups[1]}”",
            f"“{groups[1]}”两侧的“{groups[0]}”和“{groups[2]}”列标题",
        )
    c3 = min(thirds, key=lambda p: p[1])[1]
    r1, c1 = max(firsts, key=lambda p: p[1])
    return min(r1, r2), ((c1, c2), (c2, c3), (c3, c3 + 10 * len(table.rows[2].columns)))


def _table4_heads(
    index: LabelIndex, table: TableSpec, top: int, bounds: Sequence[tuple[int, int]]
) -> tuple[dict[str, tuple[int, int]], int]:
    """The outcome header of every cell, in its group's span; the header's last row."""
    sheet = index.sheet
    heads: dict[str, tuple[int, int]] = {}
    bottom = top
    for spec, (lo, hi) in zip(table.rows, bounds, strict=False):
        previous = lo - 1
        for column in spec.columns:
            found = [
                p
                for p in index.find(column.labels[-1])
                if top < p[0] <= top + 4 and previous < p[1] < hi
            ]
            if not found:
                break
            hr, previous = min(found, key=lambda p: (p[1], p[0]))
            heads[f"{table.section}.{spec.id}.{column.id}"] = (hr, previous)
            bottom = max(bottom, sheet.bottom(hr, previous))
    if len(heads) != sum(len(s.columns) for s in table.rows):
        raise NotFoundError(
            "the outcome headers (结果维持 … 总计) under each group",
            "各组下方的结果列标题（结果维持……总计）",
        )
    return heads, bottom


def _table4_data_row(sheet: Sheet, columns: set[int], bottom: int) -> int:
    """The data row: the first row under the header with a cell in a data column."""
    return next(
        (r for r in range(bottom + 1, bottom + 6) if any((r, c) in sheet.cells for c in columns)),
        bottom + 1,
    )


FINDERS = {2: _find_table2, 3: _find_table3, 4: _find_table4}


def version_from_labels(indexes: Sequence[LabelIndex]) -> FormatVersion | None:
    """The format version the sheets' labels show, or ``None`` when they do not tell.

    A signal of :func:`~govdisclosure._format.vocabulary.detect_version` shows when a label
    cell matches it or holds it (table 3's signals, such as 逾期不补正, are words of longer
    labels).
    """

    def shows(signal: str) -> bool:
        return any(index.find(signal) or index.contains(signal) for index in indexes)

    return detect_version(shows, shows)


def fields_on(index: LabelIndex, ids: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """Where each field id sits, keeping only the column that holds most of them."""
    found = {field: index.by_raw.get(field, []) for field in ids}
    counts: dict[int, int] = {}
    for positions in found.values():
        for _, c in positions:
            counts[c] = counts.get(c, 0) + 1
    if not counts:
        return {}
    best = max(counts, key=lambda c: (counts[c], -c))
    kept = {f: [p for p in ps if p[1] == best] for f, ps in found.items()}
    return {f: ps for f, ps in kept.items() if ps}


def locate_facts(indexes: Sequence[LabelIndex]) -> dict[str, tuple[Sheet, int, int]]:
    """The cell holding each fact: right of its field id or of its label."""
    located: dict[str, tuple[Sheet, int, int]] = {}
    for index in indexes:
        for field, positions in fields_on(index, [f for f, _, _ in FACTS]).items():
            if field not in located:
                r, c = positions[0]
                located[field] = (index.sheet, r, index.sheet.right(r, c) + 1)
    for field, label, aliases in FACTS:
        if field in located:
            continue
        for index in indexes:
            positions = index.find(label, *aliases)
            if positions:
                r, c = positions[0]
                located[field] = (index.sheet, r, index.sheet.right(r, c) + 1)
                break
    return located
