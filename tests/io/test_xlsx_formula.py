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
