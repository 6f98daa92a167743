"""Consistent tables 2, 3 and 4 (2021 format), and the lossy forms the aligner inverts.

One generator serves Hypothesis and plain seeded runs: it takes ``draw(lo, hi)``, a source
of integers (``lambda lo, hi: data.draw(st.integers(lo, hi))`` or ``random.randint``), so
Hypothesis can shrink what it finds and the recall measurement can make hundreds of tables
fast. Every generated table satisfies all the declared sums with non-negative counts;
magnitudes are realistic (mostly 0, then up to 50, some up to 1,000, a few up to 10⁵).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from govdisclosure._format import FormatVersion, TableSpec, format_spec
from govdisclosure._parse.recognise.align import Digits, Exact, Line, Runs, Tokens, row_line

Draw = Callable[[int, int], int]
Grid = dict[str, list[int | None]]  # row id -> values

SPEC = format_spec(FormatVersion.V2021)
TABLE2, TABLE3, TABLE4 = SPEC.tables
TABLE4_ROWS = tuple(r.id for r in TABLE4.rows)
RESULT_ROWS = tuple(r.id for r in TABLE3.rows[2:-2])


def count(draw: Draw, zero: int = 50, big: int = 2) -> int:
    """A realistic count: ``zero`` % zeros, then mostly up to 50, some to 1,000 or 10⁵."""
    k = draw(0, 99)
    if k < zero:
        return 0
    if k < 94 - big:
        return draw(1, 50)
    if k < 100 - big:
        return draw(51, 1000)
    return draw(1001, 100_000)


def _applicants(draw: Draw) -> list[int]:
    """One result row: natural persons lead; legal persons are fewer and smaller."""
    return [count(draw, 35, 2)] + [count(draw, 85, 0) for _ in range(5)]


def table3(draw: Draw) -> Grid:
    """Table 3 with APP-ROW-TOTAL, APP-RESULTS-TOTAL and APP-BALANCE holding."""
    grid: Grid = {}
    for row in RESULT_ROWS:
        grid[row] = [v if draw(0, 2) else 0 for v in _applicants(draw)]
    results = [sum(grid[r][c] or 0 for r in RESULT_ROWS) for c in range(6)]
    forward = [count(draw, 75) for _ in range(6)]
    over = [min(count(draw, 75), results[c] + forward[c]) for c in range(6)]
    grid["carried_over"] = list(over)
    grid["results_total"] = list(results)
    grid["carried_forward"] = list(forward)
    grid["new_received"] = [results[c] + forward[c] - over[c] for c in range(6)]
    for values in grid.values():
        values.append(sum(v or 0 for v in values))
    return {r.id: grid[r.id] for r in TABLE3.rows}


def table4(draw: Draw) -> Grid:
    """Table 4: three groups of four counts and their total."""
    grid: Grid = {}
    for row in TABLE4_ROWS:
        values: list[int | None] = [count(draw, 70) for _ in range(4)]
        grid[row] = [*values, sum(v or 0 for v in values)]
    return grid


def table2(draw: Draw) -> Grid:
    """Table 2's count rows (no sums bind them); the fee row is money and left out."""
    return {
        r.id: [count(draw, 30) for _ in r.columns]
        for r in TABLE2.rows
        if r.id != "administrative_fees"
    }


def truth(table: TableSpec, grid: Grid) -> dict[str, int | None]:
    """The value of every cell path of a grid."""
    return {
        f"{table.section}.{row}.{column.id}": value
        for row, values in grid.items()
        for column, value in zip(table.row(row).columns, values, strict=True)
    }


# ---------------------------------------------------------------------------
# The lossy forms


def collapse(values: Sequence[int | None], previous: int | None = None) -> tuple[int, ...]:
    """What a crawler that drops every node equal to the one before it keeps."""
    out: list[int] = []
    last = previous
    for v in values:
        assert v is not None
        if v != last:
            out.append(v)
        last = v
    return tuple(out)


def split_token(value: int, draw: Draw) -> tuple[str, ...]:
    """A number broken across two lines at some place, when it has two digits or more."""
    text = str(value)
    if len(text) < 2:
        return (text,)
    at = draw(1, len(text) - 1)
    return (text[:at], text[at:])


def _groups(table: TableSpec, grid: Grid) -> list[tuple[Sequence[str], list[int | None]]]:
    """The printed lines of a table: one per row, table 4's three rows as one line."""
    if table is TABLE4:
        return [(TABLE4_ROWS, [v for r in TABLE4_ROWS for v in grid[r]])]
    return [((row,), list(values)) for row, values in grid.items()]


def run_together(table: TableSpec, grid: Grid) -> list[Line]:
    """Each printed line's digits with no separator."""
    return [
        row_line(table, rows, Digits("".join(str(v) for v in values)))
        for rows, values in _groups(table, grid)
    ]


def collapsed(table: TableSpec, grid: Grid, *, labels: bool = True) -> list[Line]:
    """Each printed line as the collapsing crawler keeps it.

    With ``labels``, a label node before each line resets the comparison; without, each
    line's first cells are compared with the last number of the line before.
    """
    out = []
    previous: int | None = None
    for rows, values in _groups(table, grid):
        before = None if labels else previous
        out.append(row_line(table, rows, Runs(collapse(values, before), before)))
        previous = values[-1]
    return out


def split_numbers(table: TableSpec, grid: Grid, draw: Draw) -> list[Line]:
    """Loose tokens per line, with some multi-digit numbers broken in two."""
    out = []
    for rows, values in _groups(table, grid):
        tokens: list[str] = []
        for v in values:
            assert v is not None  # a consistent grid has no blanks
            tokens.extend(split_token(v, draw) if draw(0, 3) == 0 else (str(v),))
        observation = Tokens(tuple(tokens)) if len(tokens) > len(values) else Exact(tuple(values))
        out.append(row_line(table, rows, observation))
    return out


def blank_trailing(grid: Grid, draw: Draw) -> Grid:
    """Blank the last one to three cells of some rows (a report that left them empty)."""
    out: Grid = {}
    for row, values in grid.items():
        width = len(values)
        k = draw(0, min(3, width - 1)) if draw(0, 2) == 0 else 0
        out[row] = list(values[: width - k]) + [None] * k
    return out


def blank_anywhere(grid: Grid, draw: Draw) -> Grid:
    """Blank any cells of some rows (a report that left 法人 columns or a total empty)."""
    out: Grid = {}
    for row, values in grid.items():
        some = draw(0, 2) == 0
        out[row] = [None if some and draw(0, 3) == 0 else v for v in values]
    return out


def dropped_blanks(table: TableSpec, grid: Grid) -> list[Line]:
    """Each line's non-blank values as loose tokens: the blank cells left no trace."""
    return [
        row_line(table, rows, Tokens(tuple(str(v) for v in values if v is not None)))
        for rows, values in _groups(table, grid)
    ]
