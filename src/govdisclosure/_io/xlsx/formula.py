"""The formula evaluator: the simple formulas a fill-in workbook holds, without a saved value.

A workbook saved by a spreadsheet program keeps each formula's value, and the reader uses
it. The fill-in template (and a workbook written by a program such as openpyxl) has none:
:func:`evaluate` computes the formulas the template and ordinary hand-made totals use
(``SUM``, ``COUNT``, ``IF``, ``+ - *``, comparisons, references on the same sheet) and
refuses everything else. The work is bounded: every cell a formula visits, one by one or in
a range, is spent from the workbook's ``max_formula_cells``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation

from govdisclosure._io.xlsx.archive import DEFAULT_LIMITS
from govdisclosure._io.xlsx.reader import Cell, Sheet, coordinate, parse_ref
from govdisclosure.errors import ExcelError

__all__ = ["Number", "Scalar", "evaluate"]


_TOKEN = re.compile(
    r"\s*(?:(?P<str>\"(?:[^\"]|\"\")*\")|(?P<range>\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)"
    r"(?![\w(!])|(?P<num>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(?P<name>[A-Za-z_][\w.]*)\s*\(|"
    r"(?P<op><=|>=|<>|[-+*(),=<>]))"
)


#: The longest number written in a formula that is evaluated (the template's are short).
_MAX_LITERAL = 30


class _UnsupportedError(Exception):
    pass


Number = int | Decimal
Scalar = Number | str | None


def evaluate(
    sheet: Sheet,
    row: int,
    column: int,
    value_of: Callable[[Cell], Scalar],
    budget: list[int] | None = None,
) -> Scalar:
    """Evaluate the formula of a cell that has no cached value.

    Supported: numbers, strings, references and ranges on the same sheet, ``+ - *``,
    comparisons, and the functions ``SUM``, ``COUNT`` and ``IF`` (what the fill-in template
    and ordinary hand-made totals use). Referenced formula cells are evaluated in turn.

    Args:
        sheet: the sheet of the cell.
        row: the cell's row.
        column: the cell's column.
        value_of: turns a cached cell value into a number, a string or ``None``.
        budget: how many more cells may be visited, one item, spent as they are (shared by
            the formulas of a workbook); the default ``max_formula_cells`` when ``None``.

    Raises:
        ExcelError: the formula uses anything else, refers to itself, nests too deep, or
            visits more cells than the budget leaves.
    """
    if budget is None:
        budget = [DEFAULT_LIMITS.max_formula_cells]
    return _Evaluator(sheet, value_of, budget, (row, column)).cell(row, column)


class _Evaluator:
    def __init__(
        self,
        sheet: Sheet,
        value_of: Callable[[Cell], Scalar],
        budget: list[int],
        at: tuple[int, int],
    ) -> None:
        self.sheet = sheet
        self.value_of = value_of
        self.budget = budget
        self.active: set[tuple[int, int]] = set()
        self.done: dict[tuple[int, int], Scalar] = {}
        self._formula_at = at  # the formula being evaluated, for the message

    def _spend(self, cells: int) -> None:
        self.budget[0] -= cells
        if self.budget[0] < 0:
            row, column = self._formula_at
            raise ExcelError(
                "refused: the formulas without a saved value visit more cells than "
                "max_formula_cells allows; open and save the workbook in a spreadsheet "
                "program first",
                sheet=self.sheet.name,
                cell=coordinate(row, column),
                detail_zh="拒绝计算：没有保存计算结果的公式所引用的单元格超过 max_formula_cells "
                "的上限；请先用电子表格软件打开并保存工作簿",
            )

    def cell(self, row: int, column: int) -> Scalar:
        key = (row, column)
        self._spend(1)
        if key in self.done:
            return self.done[key]
        cell = self.sheet.cells.get(key)
        if cell is None:
            return None
        if cell.formula is None or cell.cached:
            return self.value_of(cell)
        sheet, ref = self.sheet.name, coordinate(row, column)
        if key in self.active or len(self.active) > 200:
            raise ExcelError(
                "the formula refers to itself or nests too deep",
                sheet=sheet,
                cell=ref,
                detail_zh="公式引用了自身或嵌套过深",
            )
        self.active.add(key)
        outer, self._formula_at = self._formula_at, key
        try:
            tokens = self._tokens(cell.formula)
            result = self._expr(tokens, 0)
            if tokens:
                raise _UnsupportedError
        except (_UnsupportedError, IndexError, InvalidOperation, ArithmeticError, TypeError):
            raise ExcelError(
                f"the formula ={cell.formula} has no saved value and is not a plain SUM; "
                "open and save the workbook in a spreadsheet program first",
                detail_zh=f"公式 ={cell.formula} 没有保存的计算结果，也不是简单的求和；"
                "请先用电子表格软件打开并保存工作簿",
                sheet=sheet,
                cell=ref,
            ) from None
        finally:
            self.active.discard(key)
            self._formula_at = outer
        self.done[key] = result
        return result

    @staticmethod
    def _tokens(formula: str) -> list[tuple[str, str]]:
        tokens = []
        pos = 0
        text = formula.strip()
        while pos < len(text):
            match = _TOKEN.match(text, pos)
            if match is None or match.end() == pos:
                raise _UnsupportedError
            kind = match.lastgroup or ""
            tokens.append((kind, match.group(kind)))
            pos = match.end()
        return tokens

    def _expr(self, tokens: list[tuple[str, str]], depth: int) -> Scalar:
        if depth > 50:
            raise _UnsupportedError
        left = self._sum(tokens, depth)
        while tokens and tokens[0] in (
            ("op", "="),
            ("op", "<"),
            ("op", ">"),
            ("op", "<="),
            ("op", ">="),
            ("op", "<>"),
        ):
            op = tokens.pop(0)[1]
            right = self._sum(tokens, depth)
            a, b = _num(left), _num(right)
            result = {
                "=": a == b,
                "<": a < b,
                ">": a > b,
                "<=": a <= b,
                ">=": a >= b,
                "<>": a != b,
            }[op]
            left = 1 if result else 0
        return left

    def _sum(self, tokens: list[tuple[str, str]], depth: int) -> Scalar:
        left = self._term(tokens, depth)
        while tokens and tokens[0] in (("op", "+"), ("op", "-")):
            op = tokens.pop(0)[1]
            right = self._term(tokens, depth)
            left = _num(left) + _num(right) if op == "+" else _num(left) - _num(right)
        return left

    def _term(self, tokens: list[tuple[str, str]], depth: int) -> Scalar:
        left = self._atom(tokens, depth)
        while tokens and tokens[0] == ("op", "*"):
            tokens.pop(0)
            left = _num(left) * _num(self._atom(tokens, depth))
        return left

    def _atom(self, tokens: list[tuple[str, str]], depth: int) -> Scalar:
        kind, text = tokens.pop(0)
        if kind == "num":
            if len(text) > _MAX_LITERAL:
                raise _UnsupportedError
            return int(text) if text.isdigit() else Decimal(text)
        if kind == "str":
            return text[1:-1].replace('""', '"')
        if kind == "op" and text == "-":
            return -_num(self._atom(tokens, depth))
        if kind == "op" and text == "(":
            value = self._expr(tokens, depth + 1)
            self._expect(tokens, ")")
            return value
        if kind == "range" and ":" not in text:
            position = parse_ref(text)
            if position is None:
                raise _UnsupportedError
            return self.cell(*position)
        if kind == "name":
            return self._call(text.upper(), tokens, depth)
        raise _UnsupportedError

    @staticmethod
    def _expect(tokens: list[tuple[str, str]], op: str) -> None:
        if tokens.pop(0) != ("op", op):
            raise _UnsupportedError

    def _args(self, tokens: list[tuple[str, str]], depth: int) -> list[list[Scalar]]:
        args: list[list[Scalar]] = []
        if tokens and tokens[0] == ("op", ")"):
            tokens.pop(0)
            return args
        while True:
            if tokens and tokens[0][0] == "range" and ":" in tokens[0][1]:
                args.append(list(self._range(tokens.pop(0)[1])))
            else:
                args.append([self._expr(tokens, depth + 1)])
            _kind, text = tokens.pop(0)
            if text == ")":
                return args
            if text != ",":
                raise _UnsupportedError

    def _range(self, text: str) -> Iterator[Scalar]:
        first, _, last = text.partition(":")
        a, b = parse_ref(first), parse_ref(last)
        if a is None or b is None:
            raise _UnsupportedError
        top, bottom = sorted((a[0], b[0]))
        left, right = sorted((a[1], b[1]))
        positions = self.sheet.positions()
        # The cells of the range's rows, in reading order; those left or right of it are
        # visited too, and spent.
        start = bisect.bisect_left(positions, (top, 0))
        stop = bisect.bisect_left(positions, (bottom + 1, 0))
        self._spend(stop - start)
        for r, c in positions[start:stop]:
            if left <= c <= right:
                yield self.cell(r, c)

    def _call(self, name: str, tokens: list[tuple[str, str]], depth: int) -> Scalar:
        if name == "IF":
            args = self._args(tokens, depth)
            if len(args) not in (2, 3) or any(len(a) != 1 for a in args):
                raise _UnsupportedError
            condition = args[0][0]
            truth = False if condition in (None, "") else _num(condition) != 0
            if truth:
                return args[1][0]
            return args[2][0] if len(args) == 3 else 0
        if name in ("SUM", "COUNT"):
            values = [v for arg in self._args(tokens, depth) for v in arg]
            numbers = [
                v for v in values if isinstance(v, (int, Decimal)) and not isinstance(v, bool)
            ]
            if name == "COUNT":
                return len(numbers)
            total: Number = 0
            for v in numbers:
                total += v
            return total
        raise _UnsupportedError


def _num(value: Scalar) -> Number:
    if value is None:
        return 0
    if isinstance(value, str):
        if value == "":
            return 0
        raise _UnsupportedError
    return value
