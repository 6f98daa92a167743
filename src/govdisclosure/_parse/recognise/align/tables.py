"""Cell alignment of a whole table: the lines solved, then narrowed by the sums across them.

May import: :mod:`govdisclosure._format`, :mod:`.lines` and the standard library (and attrs).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

import attrs

from govdisclosure._format import SumSpec, TableSpec
from govdisclosure._parse.recognise.align.lines import (
    LIMIT,
    MAX_CELL_DIGITS,
    Candidate,
    CellSolution,
    Exact,
    Line,
    Observation,
    Solutions,
    Sum,
    Tokens,
    Value,
    check_arguments,
    solve_line,
)

__all__ = ["TableSolution", "line_sums", "row_line", "solve_table"]

#: Largest sumset the table pass builds before it gives a sum up as uninformative.
_SUMSET_CAP = 4096
#: Nodes the search for one complete table assignment may visit.
_WITNESS_BUDGET = 20_000
_MAX_ROUNDS = 64


# ---------------------------------------------------------------------------
# Lines from the format's declarations


def row_line(table: TableSpec, rows: str | Sequence[str], observation: Observation) -> Line:
    """The :class:`Line` of one declared row, or of several printed as one line.

    Args:
        table: the table (``format_spec(version).tables[i]``).
        rows: a row id, or the ids of the rows the line runs through, in order.
        observation: what the text shows.

    Returns:
        The line, its cells in the order of the rows' columns.

    Raises:
        KeyError: the table has no such row.

    >>> from govdisclosure._format import FormatVersion, format_spec
    >>> from govdisclosure._parse.recognise.align import Runs
    >>> table4 = format_spec(FormatVersion.V2021).tables[2]
    >>> line = row_line(table4, [r.id for r in table4.rows], Runs((0,)))
    >>> len(line.paths), line.paths[4]
    (15, 'review_litigation.review.total')
    """
    ids = (rows,) if isinstance(rows, str) else tuple(rows)
    paths = tuple(
        f"{table.section}.{row_id}.{column.id}"
        for row_id in ids
        for column in table.row(row_id).columns
    )
    return Line(paths, observation)


def line_sums(paths: Sequence[str], sums: Sequence[SumSpec]) -> tuple[Sum, ...]:
    """The declared sums whose cells all lie in a line, as :class:`Sum` over its indices.

    >>> from govdisclosure._format import FormatVersion, format_spec
    >>> from govdisclosure._parse.recognise.align import Digits
    >>> spec = format_spec(FormatVersion.V2021)
    >>> line = row_line(spec.tables[1], "new_received", Digits("713000074"))
    >>> line_sums(line.paths, spec.sums)
    (Sum(total=6, parts=(0, 1, 2, 3, 4, 5), minus=()),)
    """
    index = {path: i for i, path in enumerate(paths)}
    out = []
    for s in sums:
        cells = [s.total, *(p for p, _ in s.parts)]
        if all(c in index for c in cells):
            plus = tuple(index[p] for p, w in s.parts if w > 0)
            minus = tuple(index[p] for p, w in s.parts if w < 0)
            out.append(Sum(index[s.total], plus, minus))
    return tuple(out)


# ---------------------------------------------------------------------------
# The table pass


@attrs.frozen(kw_only=True)
class TableSolution:
    """Every cell of a table's lines, resolved or left with its candidates.

    Attributes:
        cells: each path's :class:`CellSolution`.
        lines: each line's :class:`Solutions` after the table pass, in the order given.
        cross_sums_used: ``True`` when the sums across lines took part; ``False`` when
            there were none, or they contradicted the text and were set aside (``conflict``
            says which), in which case each line stands on its own sums.
        conflict: why the sums across lines were set aside, or ``""``.
        doubted: the paths whose reading is withheld, though their line alone settles
            them, because a sum across lines through them cannot balance: the report
            breaks a sum there, and a reading made under a broken sum may be wrong.
            Their :attr:`CellSolution.candidates` hold the withheld value.
    """

    cells: Mapping[str, CellSolution]
    lines: tuple[Solutions, ...]
    cross_sums_used: bool
    conflict: str = ""
    doubted: tuple[str, ...] = ()

    def value(self, path: str) -> Value:
        """The resolved value of a cell, or ``None``."""
        return self.cells[path].value

    @property
    def unresolved(self) -> tuple[str, ...]:
        """The paths the text and the sums did not settle."""
        return tuple(p for p, c in self.cells.items() if not c.resolved)


class _Cross(NamedTuple):
    rule: str
    terms: tuple[tuple[int, int, int], ...]  # (line, index, weight)


class _Table:
    """The state of the table pass: each line's readings and the pins put on it."""

    def __init__(
        self,
        lines: Sequence[Line],
        local: list[tuple[Sum, ...]],
        solutions: list[Solutions],
        digits: int,
        limit: int,
    ) -> None:
        self.lines, self.local, self.digits, self.limit = lines, local, digits, limit
        self.solutions = list(solutions)
        self.pins: list[dict[int, frozenset[int]]] = [{} for _ in lines]
        self.conflict = ""

    def domain(self, line: int, index: int) -> set[int] | None:
        """The values a cell may take, or ``None`` when unknown or possibly blank."""
        s = self.solutions[line]
        if not s.complete or not s.candidates:
            return None
        if len(s.candidates) == 1:
            value = s.candidates[0][index]
            return None if value is None else {value}
        values = {c[index] for c in s.candidates}
        if None in values:
            return None
        return {v for v in values if v is not None}

    def pin(self, line: int, index: int, allowed: set[int], rule: str) -> bool:
        """Narrow one cell to ``allowed``; return whether anything changed."""
        old = self.pins[line].get(index)
        new = frozenset(allowed) if old is None else old & allowed
        if old is not None and new == old:
            return False
        self.pins[line][index] = new
        s = self.solutions[line]
        if s.complete:
            kept = tuple(c for c in s.candidates if c[index] is None or c[index] in new)
            if kept == s.candidates:
                return False
            self.solutions[line] = attrs.evolve(s, candidates=kept)
        else:
            width = len(self.lines[line].paths)
            self.solutions[line] = solve_line(
                self.lines[line].observation,
                width,
                sums=self.local[line],
                pins=self.pins[line],
                max_cell_digits=self.digits,
                limit=self.limit,
            )
        if not self.solutions[line].candidates:
            self.conflict = (
                f"{rule}: no reading of {self.lines[line].paths[index]} fits the other cells"
            )
        return True

    def narrow(self, cross: _Cross) -> bool:
        """Apply one sum across lines; return whether anything changed."""
        domains = [self.domain(line, index) for line, index, _ in cross.terms]
        unknown = [k for k, d in enumerate(domains) if d is None]
        if len(unknown) > 1:
            return False
        fixed = 0  # the weighted sum of the cells already settled
        several: list[int] = []
        for k, domain in enumerate(domains):
            if domain is not None and len(domain) == 1:
                fixed += cross.terms[k][2] * next(iter(domain))
            elif domain is not None:
                several.append(k)
        if not unknown and not several:
            if fixed:
                self.conflict = f"{cross.rule}: the settled cells of {_paths(self, cross)} break it"
            return fixed != 0
        changed = False
        for k in unknown or several:
            line, index, weight = cross.terms[k]
            others = _sumset([(domains[n], cross.terms[n][2]) for n in several if n != k])
            if others is None:
                continue
            # weight × value + fixed + other = 0, and weight is ±1
            allowed = {-weight * (fixed + s) for s in others}
            allowed = {v for v in allowed if v >= 0}
            own = domains[k]
            if own is not None and own <= allowed:
                continue
            changed |= self.pin(line, index, allowed, cross.rule)
            if self.conflict:
                return True
        return changed


def _paths(table: _Table, cross: _Cross) -> str:
    return ", ".join(table.lines[line].paths[index] for line, index, _ in cross.terms)


def _sumset(terms: Sequence[tuple[set[int] | None, int]]) -> set[int] | None:
    """Every weighted sum one value from each domain makes; ``None`` when too many."""
    sums = {0}
    for domain, weight in terms:
        if domain is None:  # pragma: no cover - callers pass known domains only
            return None
        sums = {s + weight * v for s in sums for v in domain}
        if len(sums) > _SUMSET_CAP:
            return None
    return sums


def _witness(table: _Table, crosses: Sequence[_Cross]) -> bool | None:
    """Whether some choice of one reading per line satisfies the sums across lines.

    ``None`` when the search ran out of budget. Lines without a complete set of readings,
    and blank cells, leave the sums they take part in unchecked.
    """
    solutions = table.solutions
    known = [s.complete and bool(s.candidates) for s in solutions]
    checked = [c for c in crosses if all(known[line] for line, _, _ in c.terms)]
    order = sorted(
        (i for i, ok in enumerate(known) if ok), key=lambda i: len(solutions[i].candidates)
    )
    position = {line: n for n, line in enumerate(order)}
    due: list[list[_Cross]] = [[] for _ in order]
    for c in checked:
        due[max(position[line] for line, _, _ in c.terms)].append(c)
    chosen: dict[int, Candidate] = {}
    budget = [_WITNESS_BUDGET]

    def holds(c: _Cross) -> bool:
        total = 0
        for line, index, weight in c.terms:
            v = chosen[line][index]
            if v is None:
                return True
            total += weight * v
        return total == 0

    def dfs(n: int) -> bool | None:
        if n == len(order):
            return True
        line = order[n]
        for candidate in solutions[line].candidates:
            budget[0] -= 1
            if budget[0] < 0:
                return None
            chosen[line] = candidate
            if all(holds(c) for c in due[n]):
                found = dfs(n + 1)
                if found is not False:
                    return found
        return False

    return dfs(0)


def solve_table(
    lines: Sequence[Line],
    sums: Sequence[SumSpec] = (),
    *,
    max_cell_digits: int = MAX_CELL_DIGITS,
    limit: int = LIMIT,
) -> TableSolution:
    """Solve every line of a table, then let the sums across lines settle what they can.

    Each line is first solved on its own sums (those whose cells all lie in it). Then the
    sums across lines (table 3's columns: APP-RESULTS-TOTAL, APP-BALANCE) narrow the lines
    until nothing changes: a cell whose sum has every other cell settled is pinned to the
    one value that balances it (a line too ambiguous to list is solved again with the pin);
    small candidate sets are filtered by the values the other cells can sum to. Every step
    only removes readings that no consistent table holds, and the result is accepted only
    when some choice of one reading per line satisfies all the sums; if the sums across
    lines contradict the text (a report that breaks its own sums), they are set aside and
    each line stands on its own sums, except the lines to blame for the contradiction:
    what their reading took from the sums is withheld (:attr:`TableSolution.doubted`).

    Args:
        lines: the lines of the table, each a run of cell paths and what the text shows.
        sums: the declared sums (``format_spec(version).sums``); those naming a cell no
            line holds are skipped.
        max_cell_digits: the longest number a cell may hold.
        limit: how many readings a line keeps.

    Returns:
        The :class:`TableSolution`.

    Raises:
        ValueError: a path appears in two lines, or ``limit`` is below 2.

    >>> from govdisclosure._format import FormatVersion, format_spec
    >>> from govdisclosure._parse.recognise.align import Digits, Exact, Sum, solve_line
    >>> spec = format_spec(FormatVersion.V2021)
    >>> t3 = spec.tables[1]
    >>> rows = {r.id: Digits("0000000") for r in t3.rows}
    >>> rows.update(
    ...     new_received=Digits("110000011"),
    ...     granted=Digits("110000011"),
    ...     results_total=Digits("110000011"),
    ... )
    >>> alone = solve_line(rows["granted"], 7, sums=[Sum.row(7)])
    >>> alone.count
    2
    >>> solved = solve_table([row_line(t3, k, v) for k, v in rows.items()], spec.sums)
    >>> solved.value("applications.granted.natural_person")  # still two ways
    >>> rows["results_total"] = Exact((11, 0, 0, 0, 0, 0, 11))
    >>> solved = solve_table([row_line(t3, k, v) for k, v in rows.items()], spec.sums)
    >>> solved.value("applications.granted.natural_person")
    11
    """
    check_arguments(1, limit)
    where = _positions(lines)
    local = _local_sums(lines, sums, where)
    alone = [
        solve_line(
            line.observation,
            len(line.paths),
            sums=local[n],
            max_cell_digits=max_cell_digits,
            limit=limit,
        )
        for n, line in enumerate(lines)
    ]
    crosses = _crosses(sums, where)
    final, conflict = alone, ""
    doubted: set[tuple[int, int]] = set()
    if crosses:
        table = _Table(lines, local, alone, max_cell_digits, limit)
        conflict, contradiction = _cross_pass(table, crosses)
        if not conflict:
            final = table.solutions
        elif contradiction:
            doubted = _doubted(_Table(lines, local, alone, max_cell_digits, limit), crosses)
    return TableSolution(
        cells=MappingProxyType(_cells(lines, final, doubted)),
        lines=tuple(final),
        cross_sums_used=bool(crosses) and not conflict,
        conflict=conflict,
        doubted=tuple(sorted(lines[at].paths[index] for at, index in doubted)),
    )


def _inferred(observation: Observation, width: int) -> bool:
    """Whether a line's values are read through the sums rather than printed one a cell."""
    if isinstance(observation, Exact):
        return False
    return not (isinstance(observation, Tokens) and len(observation.tokens) == width)


def _doubted(table: _Table, crosses: Sequence[_Cross]) -> set[tuple[int, int]]:
    """The cells whose reading is withheld because the report breaks a sum near them.

    When a report breaks a sum, the one reading its text allows under a row's own 总计 can
    be wrong (a row printed ``1 0 2`` whose total is a typo reads 1, 1, 0, 0, 0, 0, 2), and
    the column sums through it then cannot balance. The lines to blame are those whose
    cells, set free, let every unbalanced sum balance (or, if no single line does, every
    line on such a sum). Their cells are withheld when the reading needed the sums: cells
    the text settles alone, and lines printed one value a cell, are kept.
    """
    unbalanced = [c for c in crosses if not _balances(table, c, frozenset())]
    if unbalanced:
        involved = {line for c in unbalanced for line, _, _ in c.terms}
        blamed = {
            line
            for line in involved
            if all(_balances(table, c, frozenset({line})) for c in unbalanced)
        }
        involved = blamed or involved
    else:  # the contradiction shows only in how the sums work together
        involved = {line for c in crosses for line, _, _ in c.terms}
    out: set[tuple[int, int]] = set()
    for line in involved:
        observation, width = table.lines[line].observation, len(table.lines[line].paths)
        if not _inferred(observation, width):
            continue
        alone = solve_line(observation, width, max_cell_digits=table.digits, limit=table.limit)
        out.update((line, i) for i, cell in enumerate(alone.cells) if not cell.resolved)
    return out


def _balances(table: _Table, cross: _Cross, free_lines: frozenset[int]) -> bool:
    """Whether some choice of the cells' readings balances a sum across lines.

    A cell of a line in ``free_lines``, or one the readings leave unknown or blank, may be
    any count.
    """
    known: list[tuple[set[int] | None, int]] = []
    free = 0  # the signs of the free cells: 1, some are added; 2, some are taken away
    for line, index, weight in cross.terms:
        domain = None if line in free_lines else table.domain(line, index)
        if domain is None:
            free |= 1 if weight > 0 else 2
        else:
            known.append((domain, weight))
    reach = _sumset(known)
    if reach is None or free == 3:
        return True
    return 0 in reach or (free == 1 and min(reach) <= 0) or (free == 2 and max(reach) >= 0)


def _local_sums(
    lines: Sequence[Line], sums: Sequence[SumSpec], where: Mapping[str, tuple[int, int]]
) -> list[tuple[Sum, ...]]:
    """Each line's sums: those whose cells all lie in it (as :func:`line_sums` finds)."""
    out: list[list[Sum]] = [[] for _ in lines]
    for s in sums:
        total = where.get(s.total)
        parts = [(where.get(p), w) for p, w in s.parts]
        if total is None or any(at is None or at[0] != total[0] for at, _ in parts):
            continue
        plus = tuple(at[1] for at, w in parts if at and w > 0)
        minus = tuple(at[1] for at, w in parts if at and w < 0)
        out[total[0]].append(Sum(total[1], plus, minus))
    return [tuple(x) for x in out]


def _crosses(sums: Sequence[SumSpec], where: Mapping[str, tuple[int, int]]) -> list[_Cross]:
    """The sums whose cells all lie in the lines but not all in one."""
    out = []
    for s in sums:
        terms = [(s.total, -1), *s.parts]
        if all(p in where for p, _ in terms) and len({where[p][0] for p, _ in terms}) > 1:
            out.append(_Cross(s.rule_id, tuple((*where[p], w) for p, w in terms)))
    return out


def _cross_pass(table: _Table, crosses: Sequence[_Cross]) -> tuple[str, bool]:
    """Narrow the lines under the sums across them.

    Returns:
        Why the sums were set aside (``""`` when they were not), and whether that is
        because they contradict the text (not merely because the search ran out).
    """
    for _ in range(_MAX_ROUNDS):
        changed = False
        for cross in crosses:
            changed |= table.narrow(cross)
            if table.conflict:
                return table.conflict, True
        if not changed:
            break
    found = _witness(table, crosses)
    if found is False:
        return "no choice of readings satisfies the sums across lines", True
    if found is None:
        return "the sums across lines could not be confirmed within the search budget", False
    return "", False


def _positions(lines: Sequence[Line]) -> dict[str, tuple[int, int]]:
    """Where each cell path stands: (line, index in the line); a path may stand once."""
    where: dict[str, tuple[int, int]] = {}
    for n, line in enumerate(lines):
        for i, path in enumerate(line.paths):
            if path in where:
                raise ValueError(f"{path} appears in two lines")
            where[path] = (n, i)
    return where


def _cells(
    lines: Sequence[Line], final: Sequence[Solutions], doubted: set[tuple[int, int]]
) -> dict[str, CellSolution]:
    """Each path's solution; a doubted cell is unresolved, its reading kept as a candidate."""
    cells = {
        path: cell
        for line, solution in zip(lines, final, strict=True)
        for path, cell in zip(line.paths, solution.cells, strict=True)
    }
    for at, index in doubted:
        path = lines[at].paths[index]
        cell = cells[path]
        if cell.resolved:
            cells[path] = CellSolution(value=None, resolved=False, candidates=(cell.value,))
    return cells
