"""Cell alignment (单元格对齐): numbers that lost their cell boundaries, put back under the sums.

Published reports reach us in lossy forms. A page flattened to text runs a row's cells
together (``713000074`` for 71, 3, 0, 0, 0, 0, 74); a crawler that drops every text node
equal to the one before it collapses runs of equal cells (``1 0 1`` for 1, 0, 0, 0, 0, 0, 1);
PDF text breaks a number across lines (``1`` ``60`` for 160) or leaves blank cells out. Each
is a projection of the true grid. This module inverts them under the format's declared sums
(the 总计 column, the （七）总计 row, the balance of table 3, the group totals of table 4),
with **precision first**: a value is given only when it is the *only* one consistent with
the text, the sums and non-negative counts; otherwise the cell stays ``None`` and the
candidates that remained are returned for the caller's warning.

The pieces:

* an **observation** says what the text shows for a *line*, a run of cells in reading
  order (one table row, or several rows the text printed as one, such as the 15 cells of
  table 4): :class:`Exact` cells, run-together :class:`Digits`, collapsed :class:`Runs`,
  loose :class:`Tokens` (a number split across lines, or cells left out);
* :func:`solve_line` (and its named forms :func:`split_digits`, :func:`expand_runs`,
  :func:`join_split`, :func:`fill_missing`) returns the line's :class:`Solutions` under the
  sums inside the line (:class:`Sum`);
* :func:`solve_table` solves every line of a table, then lets the sums that cross lines
  (columns of table 3) narrow the lines that are still ambiguous.

How a line is solved: a dynamic programme over the cells in order, whose state is the
cursor in the text, the cell index and, for each sum of the line, the running weighted sum
so far (and whether a blank cell leaves it open). A sum's last cell must close it; a
running sum that the remaining text can no longer balance (its least and greatest reach,
with no part above what the sum still needs) is cut off. Lines whose total is their last
cell are solved right to left, so the total comes first and bounds every part; the last
few parts of a sum are looked up in a table of their sums instead of walked (a
meet-in-the-middle that halves the depth). Readings are collected up to ``limit + 1`` and
never enumerated beyond; states are memoised, so the work is polynomial in the length of
the text (the cursor, the cell and a running sum bounded by the total). Text longer than
``width × max_cell_digits`` digits is rejected before any search, which bounds the worst
case (a few tens of milliseconds for a random 40-digit row; real rows take well under one),
and a search that passes 5,000 states gives up and says so (junk, or a whole table read as
one line with all its sums open at once).

May import: :mod:`govdisclosure._format` and the standard library (and attrs).
"""

from __future__ import annotations

from govdisclosure._parse.recognise.align.lines import (
    LIMIT,
    MAX_CELL_DIGITS,
    CellSolution,
    Digits,
    Exact,
    Line,
    Observation,
    Runs,
    Solutions,
    Sum,
    Tokens,
    expand_runs,
    fill_missing,
    join_split,
    solve_line,
    split_digits,
)
from govdisclosure._parse.recognise.align.tables import (
    TableSolution,
    line_sums,
    row_line,
    solve_table,
)

__all__ = [
    "LIMIT",
    "MAX_CELL_DIGITS",
    "CellSolution",
    "Digits",
    "Exact",
    "Line",
    "Observation",
    "Runs",
    "Solutions",
    "Sum",
    "TableSolution",
    "Tokens",
    "expand_runs",
    "fill_missing",
    "join_split",
    "line_sums",
    "row_line",
    "solve_line",
    "solve_table",
    "split_digits",
]
