"""Tables whose cells lost their boundaries (无格线表格): crawler and flattened text.

Some sources keep a table's text but not its grid. A crawler writes one HTML text node per
line (every cell its own line, labels broken into pieces: ``(`` ``三`` ``)`` ``不予公开``);
another also drops every node equal to the one before it (a row of seven zeros reads
``0``); a scraper runs a row's cells together (``713000074``). Here a table is read as a
stream: its text joined, the declared row labels found in order, and the numbers between
one label and the next taken as that row's line. What the numbers show (one per cell,
runs of equal cells collapsed, digits run together, loose tokens) becomes an observation
for :mod:`~govdisclosure._parse.recognise.align`, which puts them back under the declared
sums. A value is written only when the aligner resolves it; every other cell stays
``None`` with a warning naming it and the readings that remained.

This reading is the fallback of :func:`~govdisclosure._parse.recognise.tables.read_tables`
for a table the grid reading placed no value in.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

from govdisclosure._format import CellKind, FormatVersion, TableSpec, format_spec, per_table
from govdisclosure._format.vocabulary import ALIASES, MAX_FIGURE_DIGITS, normalise, strip_numbering
from govdisclosure._parse.recognise.align import (
    Digits,
    Exact,
    Line,
    Observation,
    Runs,
    TableSolution,
    Tokens,
    row_line,
    solve_table,
)
from govdisclosure._parse.recognise.items import Item
from govdisclosure._parse.recognise.sections import Region
from govdisclosure._parse.recognise.state import State, numeral
from govdisclosure._parse.recognise.values import read_value
from govdisclosure._parse.result import WarningCode

__all__ = ["Stream", "is_collapsed", "read_flat_table"]

#: What a row's values may be written with: digits, spaces, line breaks, the dot of a
#: decimal or of the next row's numbering, and the sign of a 2019 本年增/减 (``+1``,
#: ``-2``). The first other character starts a label.
_VALUE_CHARS = frozenset("0123456789.．、+-＋－ \t\n")
_NUMBER_NODE = re.compile(r"\d+")
_LEADING_NOTE = re.compile(r"\s*[（(][^（()）\d]{0,80}[）)]")
#: The numbering of the label that follows a text, at its end (``1.`` ``（一）`` ``一、``).
#: A row's own number is one digit (1.–8.): ``00000442.`` is 0000044 and the next row's 2.
_LABEL_NUMBERING = re.compile(
    r"(?:\d[.．、）)]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*[、.，])$"
)
#: How many readings a warning quotes.
_SHOWN = 3


class _CharMap(dict[int, str]):
    """Each character through the label normaliser, computed once a character.

    A translation table for :meth:`str.translate`; :attr:`uneven` holds the characters
    that do not normalise to exactly one character (spaces, line breaks, quotes, ligatures),
    where positions in the normalised text shift (never cleared: only a few thousand
    characters are uneven). The table is cleared past :data:`_CHAR_LIMIT` entries.
    """

    def __init__(self) -> None:
        super().__init__()
        self.uneven: set[str] = set()

    def __missing__(self, code: int) -> str:
        if len(self) >= _CHAR_LIMIT:
            self.clear()
        char = chr(code)
        pieces = self[code] = normalise(char)
        if len(pieces) != 1:
            self.uneven.add(char)
        return pieces


_CHAR_LIMIT = 1 << 16
_CHARS = _CharMap()


class Stream:
    """A region's text as one string, with a label-normalised copy mapped back to it.

    Attributes:
        text: the items' texts (NFKC), one line each.
        compact: ``text`` normalised character by character (no spaces, line breaks or
            quotes), where labels are searched whatever pieces the source broke them into.
        back: for each position of ``compact`` (and its end), the position in ``text``.
        items: each item's offset in ``text``, with the item.
    """

    def __init__(self, items: Sequence[Item]) -> None:
        texts: list[str] = []
        compact: list[str] = []
        back: list[int] = []
        self.items: list[tuple[int, Item]] = []
        self._starts: list[int] = []
        offset = 0
        for item in items:
            self.items.append((offset, item))
            self._starts.append(offset)
            line = item.text
            folded = line.translate(_CHARS)
            if _CHARS.uneven.isdisjoint(line):
                # Every character is one character normalised: positions map one to one.
                compact.append(folded)
                back.extend(range(offset, offset + len(line)))
            else:
                for i, char in enumerate(line):
                    pieces = _CHARS[ord(char)]
                    compact.append(pieces)
                    back.extend([offset + i] * len(pieces))
            texts.append(line + "\n")
            offset += len(line) + 1
        self.text = "".join(texts)
        self.compact = "".join(compact)
        self.back = [*back, offset]

    def item_at(self, offset: int) -> Item:
        """The item holding the character at ``offset`` of :attr:`text`."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return self.items[max(index, 0)][1]


class _Where(NamedTuple):
    """Where a cell of a line came from: the line's text and item, its index, its label."""

    raw: str
    item: Item
    column: int
    line: int
    label: str


class _Found(NamedTuple):
    """A row found in a stream: its id, its label as written, its numbers, and its item.

    ``doubt``: the two readings of its numbers (after its label, before it) where they
    differ and neither is certain (see :func:`_order`). ``inline``: its numbers start on
    its label's line (a flattened page, where one token may be digits run together); in
    text of one node a line, a lone token is one cell's figure.
    """

    row: str
    label: str
    values: str
    item: Item
    doubt: tuple[str, str] | None = None
    inline: bool = True


@per_table
def _keys(table: TableSpec) -> list[list[str]]:
    """Each row's label keys, longest first: its label, with and without numbering, and aliases."""
    out = []
    for row in table.rows:
        labels = (row.labels[-1], *ALIASES.get((table.number, row.id), ()))
        keys = {strip_numbering(label) for label in labels} | {normalise(row.labels[-1])}
        out.append(sorted((k for k in keys if k), key=len, reverse=True))
    return out


def _rows(stream: Stream, table: TableSpec) -> list[_Found]:
    """Each row whose label the stream holds, in order, with its numbers.

    A row's numbers are those right after its label, where text is written row by row.
    Text extracted from a PDF in reading order may put a row's figures before its label
    (the label is centred in a taller cell): see :func:`_order`.
    """
    cursor = 0
    spans: list[tuple[str, int, int]] = []
    for row, keys in zip(table.rows, _keys(table), strict=True):
        best: tuple[int, int] | None = None
        for key in keys:
            at = stream.compact.find(key, cursor)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, at + len(key))
        if best is not None:
            spans.append((row.id, *best))
            cursor = best[1]
    found = []
    for n, (row_id, start, end) in enumerate(spans):
        stop = spans[n + 1][1] if n + 1 < len(spans) else len(stream.compact)
        raw = stream.text[stream.back[end] : stream.back[stop]]
        values = _values(raw)
        label = stream.text[stream.back[start] : stream.back[end - 1] + 1]
        inline = _on_label_line(stream, stream.back[end - 1] + 1, stream.back[end], values)
        found.append(
            _Found(row_id, label, values, stream.item_at(stream.back[start]), inline=inline)
        )
    chunks = [
        stream.text[stream.back[a] : stream.back[b]]
        for a, b in zip(
            [0] + [end for _, _, end in spans],
            [start for _, start, _ in spans] + [len(stream.compact)],
            strict=True,
        )
    ]
    return _order(found, chunks)


class _Chunk(NamedTuple):
    """The text between two row labels: the numbers at its start and at its end."""

    lead: str
    tail: str
    pure: bool


def _chunk(text: str) -> _Chunk:
    text = _without_numbering(text)
    cut = len(text)
    while cut and text[cut - 1] in _VALUE_CHARS:
        cut -= 1
    tail = text[cut:].strip()
    tail = tail if any(char.isdigit() for char in tail) else ""
    lead = _values(text)
    return _Chunk(lead, tail, cut == 0 or not text[:cut].strip())


def _order(found: list[_Found], texts: list[str]) -> list[_Found]:
    """Each row with the numbers that belong to it: those after its label, or before.

    ``texts``: the text before the first label, between each two, and after the last.
    Rows follow one another in blocks, parted by texts that hold words (a block's header,
    第二十条第（五）项 信息内容 …). Within a block, text written row by row puts each row's
    numbers after its label; text extracted from a PDF in reading order may put them
    before it (the label centred in a taller cell: ``13 13 524 规章 60 60 368 规范性文件``).
    A block is read row by row unless numbers end the text before its first label; it is
    read the other way when they do and none start the text after its last label. When
    numbers stand at both ends, a row keeps its numbers only when both readings give it
    the same ones; any other row is left without them, and warned of.
    """
    chunks = [_chunk(text) for text in texts]
    out = list(found)
    first = 0
    for n in range(len(found)):
        if n + 1 < len(found) and chunks[n + 1].pure:
            continue
        before_first, after_last = chunks[first].tail, chunks[n + 1].lead
        if before_first:
            for i in range(first, n + 1):
                before = chunks[i].tail
                if not after_last:
                    out[i] = found[i]._replace(values=before)
                elif found[i].values.split() != before.split():
                    out[i] = found[i]._replace(values="", doubt=(found[i].values, before))
        first = n + 1
    return out


def _values(raw: str) -> str:
    """The numbers at the start of the text after a label, up to the next label."""
    note = _LEADING_NOTE.match(raw)
    if note is not None:
        raw = raw[note.end() :]
    end = next((i for i, char in enumerate(raw) if char not in _VALUE_CHARS), len(raw))
    values = raw[:end]
    if end < len(raw):
        values = _without_numbering(values)
    return values.strip()


def _without_numbering(text: str) -> str:
    """A text without the numbering of the label that follows it, at its end.

    >>> _without_numbering("00000442."), _without_numbering("0 0 1（三）"), _without_numbering("5")
    ('0000044', '0 0 1', '5')
    """
    text = text.rstrip()
    numbering = _LABEL_NUMBERING.search(text, max(len(text) - 12, 0))
    return text[: numbering.start()] if numbering is not None else text


def _table4_values(stream: Stream) -> tuple[str, Item, bool] | None:
    """The numbers after the last column label of table 4, as one line.

    With the item they start in, and whether they start on the label's line.
    """
    at = stream.compact.rfind("总计")
    if at < 0:
        return None
    start = stream.back[at + 2]
    values = _values(stream.text[start:])
    if not values:
        return None
    inline = _on_label_line(stream, stream.back[at + 1] + 1, start, values)
    return values, stream.item_at(start), inline


def _on_label_line(stream: Stream, label_end: int, start: int, values: str) -> bool:
    """Whether a label's numbers, read from ``start`` of the text, begin on its line."""
    if not values:
        return False
    first = stream.text.find(values[:1], start)
    return "\n" not in stream.text[label_end:first]


def is_collapsed(items: Sequence[Item], regions: Sequence[Region]) -> bool:
    """``True`` when the tables' text is one number per line and no two neighbours are equal.

    A crawler that drops every node equal to the one before it leaves this sign: across
    all the tables, never two equal numbers on adjacent lines, and never two numbers on
    one line. A table whose lines hold equal neighbours (``0`` ``0``) was not collapsed,
    nor one whose numbers are parted by blank lines (the blank cells of a page copied with
    its cells kept, each on a line of its own).
    """
    previous: str | None = None
    blank = False
    numbers = 0
    for start, stop in regions:
        for item in items[start:stop]:
            text = item.text.strip()
            if not text:
                blank = True
                continue
            if _NUMBER_NODE.fullmatch(text) is None:
                if any(char.isdigit() for char in text) and text.replace(" ", "").isdigit():
                    return False
                previous, blank = None, False
                continue
            if text == previous or (blank and previous is not None):
                return False
            previous, blank = text, False
            numbers += 1
    return numbers > 0


def _observe(
    values: str, width: int, collapsed: bool, *, broken: bool, inline: bool = True
) -> Observation | None:
    """What a row's numbers show: one a cell, runs, digits run together, or loose tokens.

    ``broken``: the table shows numbers broken into pieces, so the row's tokens are loose
    (joined in any way the sums allow). Numbers on several lines, one of them holding
    several, are not read: in a PDF's text they are the row's numbers and the ends of its
    wrapped ones (``8 35 2 1 8`` / ``21 59``, the ends below their cells, not beside), or
    the next row's numbers printed above its label; which, the text does not tell.
    """
    tokens = values.split()
    if not tokens or not all(t.isascii() and t.isdigit() for t in tokens):
        return None
    if _wrapped(values, inline):
        return None
    joined = not collapsed and len(tokens) > 1 and broken
    one_each = collapsed or (len(tokens) == width and not joined)  # each token a figure
    if one_each and any(len(t.lstrip("0")) > MAX_FIGURE_DIGITS for t in tokens):
        return None
    observation: Observation
    if collapsed:
        observation = Runs(tuple(int(t) for t in tokens))
    elif joined:
        observation = Tokens(tuple(tokens), joined=True)
    elif len(tokens) == width:
        observation = Exact(tuple(int(t) for t in tokens))
    elif len(tokens) == 1 and width > 1 and inline:
        observation = Digits(tokens[0])
    else:
        observation = Tokens(tuple(tokens))
    return observation


def _wrapped(values: str, inline: bool) -> bool:
    """Whether a row's numbers stand on several lines as a PDF's text wraps them.

    Several lines, one of them holding several numbers, or the first on the label's own
    line (``政府集中采购 1`` / ``736``): text of one node a line never puts a number beside
    its label, nor two on a line.
    """
    lines = [line.split() for line in values.split("\n") if line.strip()]
    return len(lines) > 1 and (inline or any(len(line) > 1 for line in lines))


def _broken(found: Sequence[_Found]) -> bool:
    """Whether a table's rows show numbers broken into pieces.

    A row of several numbers one of which has a leading zero (``3`` / ``001``): no count
    is written so, so it is the end of a number broken in two, and any row's numbers of
    that table may be pieces. (A row with more numbers than cells says less: a page's
    figures gathered in one place make it too.)
    """
    for row in found:
        tokens = row.values.split()
        if len(tokens) > 1 and any(
            len(t) > 1 and t[0] == "0" and t.isascii() and t.isdigit() for t in tokens
        ):
            return True
    return False


def read_flat_table(
    table: TableSpec,
    items: list[Item],
    region: Region,
    version: FormatVersion,
    state: State,
    *,
    collapsed: bool,
) -> int:
    """Read one table from a region whose cells lost their boundaries.

    Returns:
        How many of its rows were found (0: the table is not there).
    """
    stream = Stream(items[region[0] : region[1]])
    lines: list[Line] = []
    where: dict[str, _Where] = {}
    found_rows = 0
    if table.number == 4:
        read = _table4_values(stream)
        if read is None:
            return 0
        values, item, inline = read
        ids = [row.id for row in table.rows]
        width = sum(len(row.columns) for row in table.rows)
        observation = _observe(values, width, collapsed, broken=False, inline=inline)
        found_rows = len(ids)
        if observation is not None:
            line = row_line(table, ids, observation)
            lines.append(line)
            label = "行政复议、行政诉讼"
            where.update(
                (p, _Where(values, item, i, len(lines) - 1, label))
                for i, p in enumerate(line.paths)
            )
        else:
            _unreadable(table, "行政复议、行政诉讼", values, item, rows=ids, state=state)
    else:
        rows = _rows(stream, table)
        broken = not collapsed and _broken(rows)
        for found in rows:
            found_rows += 1
            row = table.row(found.row)
            if found.doubt is not None:
                _doubtful(table, found, state)
                continue
            if any(column.kind is not CellKind.COUNT for column in row.columns):
                _read_amount(table, found, state, broken=broken)
                continue
            observation = _observe(
                found.values, len(row.columns), collapsed, broken=broken, inline=found.inline
            )
            if observation is None:
                _unreadable(
                    table, found.label, found.values, found.item, rows=[found.row], state=state
                )
                continue
            line = row_line(table, found.row, observation)
            lines.append(line)
            label = normalise(found.label)
            where.update(
                (p, _Where(found.values, found.item, i, len(lines) - 1, label))
                for i, p in enumerate(line.paths)
            )
    if lines:
        sums = format_spec(version).sums
        solution = solve_table(lines, sums)
        # A row that fits no reading shows the table lost cells: blanks that left no
        # trace. The table is read again allowing them wherever they may be.
        lost = any(line.count == 0 for line in solution.lines)
        if lost and any(isinstance(line.observation, Digits | Tokens) for line in lines):
            lines = [_with_blanks(line) for line in lines]
            solution = solve_table(lines, sums)
        _write(table, solution, where, state, merged=_merged_runs(lines) if lost else frozenset())
    return found_rows


def _blank_row(
    table: TableSpec, row_id: str, label: str, item: Item, *, why: str, state: State
) -> None:
    """Warn of each cell of a row left blank, and why: ``表三 {label}: {why}``."""
    message = f"表{numeral(table.number)} {normalise(label)}: {why}"
    for column in table.row(row_id).columns:
        state.warn(
            WarningCode.SKIPPED_VALUE,
            message,
            item.location,
            f"{table.section}.{row_id}.{column.id}",
        )


def _unreadable(
    table: TableSpec, label: str, values: str, item: Item, *, rows: list[str], state: State
) -> None:
    why = f"{values!r} is not a row of figures; its cells are left blank"
    for row_id in rows:
        _blank_row(table, row_id, label, item, why=why, state=state)


def _doubtful(table: TableSpec, found: _Found, state: State) -> None:
    """A row whose figures are those after its label or those before it, not told apart."""
    after, before = found.doubt or ("", "")
    why = (
        f"its figures are either {' '.join(after.split()) or '(none)'} (after its label) or "
        f"{' '.join(before.split()) or '(none)'} (before it); the text does not tell which, "
        "so the row is left blank"
    )
    _blank_row(table, found.row, found.label, found.item, why=why, state=state)


def _read_amount(table: TableSpec, found: _Found, state: State, *, broken: bool) -> None:
    """A row holding amounts or signed changes, read only when it is one figure a column.

    The fee in 万元 (one column), and the 2019 rows of 表二 (上一年项目数量, 本年增/减,
    处理决定数量; 采购项目数量, 采购总金额): no sum binds them, so a row whose figures do
    not match its columns one for one (a cell left out, equal cells merged) stays blank,
    and so does one whose figures may be pieces (``broken``, or wrapped over lines).
    """
    row = table.row(found.row)
    tokens = found.values.split()
    pieces = broken or _wrapped(found.values, found.inline)
    if len(tokens) != len(row.columns) or pieces:
        why = (
            "may be numbers in pieces (wrapped over lines, or broken in two)"
            if pieces
            else f"is not one figure for each of its {len(row.columns)} columns"
        )
        _blank_row(
            table,
            row.id,
            found.label,
            found.item,
            why=f"{found.values!r} {why}; left blank",
            state=state,
        )
        return
    for column, token in zip(row.columns, tokens, strict=True):
        path = f"{table.section}.{row.id}.{column.id}"
        reading = read_value(token, column.kind)
        state.source(path, token, found.item.location, table=table.number, label=found.label)
        if reading.code is not None:
            state.warn(reading.code, f"表{numeral(table.number)}: {reading.why}", None, path)
            continue
        state.values[path] = reading.value


def _with_blanks(line: Line) -> Line:
    """A line read again allowing blank cells that left no digit or token."""
    seen = line.observation
    if isinstance(seen, Digits):
        return line._replace(observation=seen._replace(blanks=True))
    if isinstance(seen, Tokens):
        return line._replace(observation=seen._replace(blanks=True))
    return line


def _merged_runs(lines: Sequence[Line]) -> frozenset[str]:
    """The cells read from merged runs, in a table that shows it lost cells.

    A crawler that drops each node equal to the one before it makes ``0`` of a row of
    seven zeros, and the sums recover the row. But a page whose blank cells were no nodes
    at all loses them as well: ``0`` may then be 0 and six blanks. Where a row of the table
    fits no reading of whole cells, every cell read from a merged run is uncertain.
    """
    return frozenset(
        path
        for line in lines
        if isinstance(line.observation, Runs) and len(line.observation.values) < len(line.paths)
        for path in line.paths
    )


def _write(
    table: TableSpec,
    solution: TableSolution,
    where: dict[str, _Where],
    state: State,
    *,
    merged: frozenset[str] = frozenset(),
) -> None:
    name = f"表{numeral(table.number)}"
    if solution.conflict:
        state.warn(
            WarningCode.SKIPPED_VALUE,
            f"{name}: the sums across rows do not hold ({solution.conflict}); each row is "
            "read on its own sums",
        )
    doubted = set(solution.doubted)
    for path, cell in solution.cells.items():
        at = where[path]
        state.source(path, at.raw, at.item.location, table=table.number, column=at.column)
        cell_name = f"{name} {at.label} / {path.rsplit('.', 1)[1]}"
        if path in doubted:
            state.warn(
                WarningCode.SKIPPED_VALUE,
                f"{cell_name}: a sum through this cell does not balance, so the reading "
                f"{_values_shown(cell.candidates)} of {at.raw!r} is withheld",
                at.item.location,
                path,
            )
        elif path in merged and cell.resolved:
            state.warn(
                WarningCode.SKIPPED_VALUE,
                f"{cell_name}: {at.raw!r} reads as {_values_shown([cell.value])} only if no "
                "cell of the row was left blank; some row of this table reads as no whole "
                "row, so blank cells were dropped too, and the value is withheld",
                at.item.location,
                path,
            )
        elif not solution.lines[at.line].candidates:
            note = solution.lines[at.line].note
            state.warn(
                WarningCode.SKIPPED_VALUE,
                f"{cell_name}: no reading of {at.raw!r} fits the row's cells and sums"
                f"{f' ({note})' if note else ''}; left blank",
                at.item.location,
                path,
            )
        elif not cell.resolved:
            line = solution.lines[at.line]
            count = f"{len(line.candidates)}" if line.complete else f"{len(line.candidates)}+"
            readings = " / ".join(_values_shown(c, 8) for c in line.examples)
            state.warn(
                WarningCode.SKIPPED_VALUE,
                f"{cell_name}: {at.raw!r} does not tell the cells apart; {count} readings "
                f"remain: {readings}{' / …' if len(line.candidates) > len(line.examples) else ''}"
                f" (this cell: {_values_shown(cell.candidates)})",
                at.item.location,
                path,
            )
        elif cell.value is None:
            state.warn(WarningCode.BLANK_CELL, f"{cell_name}: blank", at.item.location, path)
        else:
            state.values[path] = cell.value


def _values_shown(values: Sequence[object], shown: int = _SHOWN) -> str:
    text = ",".join("空" if v is None else str(v) for v in values[:shown])
    return text + (",…" if len(values) > shown else "")
