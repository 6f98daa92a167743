"""Tests of the exception hierarchy."""

from __future__ import annotations

import pytest

import govdisclosure as gd
from govdisclosure import errors as _errors


@pytest.mark.parametrize(
    ("cls", "builtin"),
    [
        (gd.InvalidReportError, ValueError),
        (gd.ReportDataError, ValueError),
        (gd.UnsupportedFormatError, ValueError),
        (gd.UnknownPathError, LookupError),
        (_errors.UnknownExampleError, LookupError),
    ],
)
def test_every_error_derives_from_the_root_and_a_builtin(cls: type, builtin: type) -> None:
    """Each error is a GovDisclosureError and the fitting builtin."""
    assert issubclass(cls, gd.GovDisclosureError)
    assert issubclass(cls, builtin)


def test_default_messages() -> None:
    """Errors raised without a message still say something useful."""
    assert str(gd.GovDisclosureError()) == "govdisclosure could not complete the operation"
    assert gd.ReportDataError().message == "the report data is malformed"
    assert gd.ReportDataError().problems == ()


def test_excel_error_of_many_cells() -> None:
    """Several bad cells: one Chinese message naming each (the first twenty), all kept."""
    bad = [
        gd.ExcelError(
            "is not a number", sheet="表三", cell=f"D{r}", value="三", detail_zh="不是数字"
        )
        for r in range(5, 30)
    ]
    error = gd.ExcelError.of_cells(bad)
    assert error.problems == tuple(bad)
    assert (error.sheet, error.cell, error.value, error.where()) == ("表三", "D5", "三", "")
    text = error.message_zh
    assert text.startswith("25 个单元格无法读取，请改正后再读取：表三!D5“三”不是数字；")
    assert "表三!D24“三”不是数字；另有 5 个单元格" in text
    assert "D25" not in text
    assert str(error).startswith(
        '25 cells cannot be read; correct them and read again: 表三!D5: "三" is not a number; '
    )
    assert str(error).endswith('表三!D24: "三" is not a number; and 5 more cells')
    assert gd.ExcelError.of_cells(bad[:1]) is bad[0]
    english = gd.ExcelError("is not a number", sheet="表三", cell="D5", value=2.5)
    assert english.message_zh == "表三!D5 2.5 is not a number"
    with pytest.raises(ValueError, match="at least one"):
        gd.ExcelError.of_cells([])

