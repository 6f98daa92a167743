"""The formula evaluator: what it computes and what it refuses."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govdisclosure._io.xlsx import reader as _xlsx_safety
from govdisclosure._io.xlsx.formula import evaluate
from govdisclosure.errors import ExcelError


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        ("SUM(A1:B1)+A2*2", 3 + 2 * 4),
        ('IF(COUNT(A1:B1)<2,"",SUM(A1,B1))', 3),
        ('IF(COUNT(A1:C1)<3,"",SUM(A1:C1))', ""),
        ("(A1-B1)", -1),
        ("A1>=B1", 0),
        ("A1<>B1", 1),
        ('IF(A1,"y")', "y"),
        ("IF(C1,1)", 0),
        ("1.5+A1", Decimal("2.5")),
        ("SUM()", 0),
    ],
)
def test_evaluate(formula: str, expected: object) -> None:
    """The evaluator computes the formulas a template and ordinary totals use."""
    sheet = _xlsx_safety.Sheet("表")
    sheet.cells[1, 1] = _xlsx_safety.Cell(1, None, 0)
    sheet.cells[1, 2] = _xlsx_safety.Cell(2, None, 0)
    sheet.cells[2, 1] = _xlsx_safety.Cell(None, "A1+3", 0, cached=False)
    sheet.cells[9, 9] = _xlsx_safety.Cell(None, formula, 0, cached=False)
    assert evaluate(sheet, 9, 9, lambda c: c.value) == expected  # type: ignore[arg-type,return-value]


@pytest.mark.parametrize("formula", ["VLOOKUP(A1,B1,1)", "I9+1", "A1:B1", "A1+", '"a"+1', "SUM(A1"])
def test_evaluate_refuses_the_rest(formula: str) -> None:
    """Anything else, or a formula referring to itself, is an ExcelError naming the cell."""
    sheet = _xlsx_safety.Sheet("表")
    sheet.cells[1, 1] = _xlsx_safety.Cell(1, None, 0)
    sheet.cells[9, 9] = _xlsx_safety.Cell(None, formula, 0, cached=False)
    with pytest.raises(ExcelError, match="表!I9"):
        evaluate(sheet, 9, 9, lambda c: c.value)  # type: ignore[arg-type,return-value]


def test_formula_work_is_bounded() -> None:
    """Every cell a formula visits is spent from one budget; past it, an ExcelError.

    A SUM of 3,000 ranges over 200,000 cells ran for over a minute, each range sorting
    every cell of the sheet.
    """
    sheet = _xlsx_safety.Sheet("表")
    for r in range(1, 101):
        for c in range(1, 11):
            sheet.cells[r, c] = _xlsx_safety.Cell(1, None, 0)
    sheet.cells[200, 1] = _xlsx_safety.Cell(None, "SUM(B1:C100)", 0, cached=False)
    sheet.cells[200, 2] = _xlsx_safety.Cell(None, "SUM(" + "A1:J100," * 99 + "A1)", 0, False)
    budget = [10_000]
    assert evaluate(sheet, 200, 1, lambda c: c.value, budget) == 200  # type: ignore[arg-type,return-value]
    # The rows of the range (1,000 cells) and each of its 200 cells, and the formula cell.
    assert budget == [10_000 - 1 - 1000 - 200]
    with pytest.raises(ExcelError, match=r"表!B200: refused: .*max_formula_cells"):
        evaluate(sheet, 200, 2, lambda c: c.value, budget)  # type: ignore[arg-type,return-value]
