"""The fill-in template: filled cell by cell it reads back; checks, protection, validation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

import govdisclosure as gd
from govdisclosure._format import format_spec
from govdisclosure._io.excel.layout import excel_cell
from govdisclosure._io.excel.read import (
    read_excel_with_warnings,
)
from govdisclosure._io.excel.template import excel_template
from govdisclosure._io.excel.values import CellReader
from govdisclosure._io.xlsx import reader as _xlsx_safety
from workbooks import report_2019


def _fill(path: Path, report: gd.AnnualReport) -> Path:
    """Fill a template cell by cell as a user would, leaving the formula cells alone."""
    wb = openpyxl.load_workbook(path)
    version = report.meta.format_version
    for name, value in [("agency", report.meta.agency), *report.cells()]:
        sheet, ref = excel_cell(name, version).split("!")
        cell = wb[sheet][ref]
        if not (isinstance(cell.value, str) and cell.value.startswith("=")):
            cell.value = value
    filled = path.with_name("filled.xlsx")
    wb.save(filled)
    return filled


@pytest.mark.parametrize("year", [2019, 2024])
def test_filled_template_reads_back(sample: gd.AnnualReport, tmp_path: Path, year: int) -> None:
    """A template filled cell by cell reads back into the report, totals computed."""
    path = tmp_path / "t.xlsx"
    excel_template(path, year=year)
    if year == 2024:
        expected = gd.AnnualReport.blank(agency=sample.meta.agency, year=2024).with_cells(
            dict(sample.cells())
        )
    else:
        expected = report_2019().with_cells(
            {
                f"applications.other_processing.{c}": 1
                for c in (
                    "commercial_enterprise",
                    "research_institution",
                    "public_welfare_org",
                    "legal_service_org",
                    "other_org",
                )
            }
        )
    parts_only = expected.with_cells(
        {s.total: None for s in format_spec(expected.meta.format_version).sums if s.fills_total}
    )
    back = read_excel_with_warnings(_fill(path, parts_only))
    assert back.warnings == ()
    assert back.report == parts_only.with_totals()
    if year == 2024:
        assert back.report == expected


def test_template_checks_compute_the_relations(tmp_path: Path) -> None:
    """Check cells are formulas from the declared sums: ✓ when they hold, ✗ when not."""
    path = tmp_path / "t.xlsx"
    excel_template(path, year=2023)
    report = gd.AnnualReport.blank(agency="某", year=2023)
    values = {p: 1 for p in gd.cell_paths("2021") if p.startswith(("applications", "review"))}
    report = report.with_cells(values)
    filled = _fill(path, report)
    book = _xlsx_safety.open_workbook(filled.read_bytes())
    sheet = next(s for s in book.sheets if s.name == "表三")
    reader = CellReader(book)
    checks = {
        (r, c): reader.scalar(sheet, r, c, cell)
        for (r, c), cell in sheet.cells.items()
        if cell.formula and "✓" in cell.formula
    }
    assert len(checks) == 25 + 7 + 7
    balance = [v for (r, _), v in checks.items() if r == 31]
    # Every cell is 1, so the totals are 6 (row) and 22 (results): 1 + 1 ≠ 22 + 1.
    assert balance == ["✗"] * 7
    assert {v for (r, c), v in checks.items() if c == 11} == {"✓"}
    formula = sheet.cells[31, 4].formula
    assert formula == 'IF(COUNT(D29,D5:D6,D28)<4,"",IF(D29=SUM(D5:D6)-SUM(D28),"✓","✗"))'


def test_template_protection_and_validation(tmp_path: Path) -> None:
    """Inputs unlocked and validated, labels locked, sheets protected without a password."""
    path = tmp_path / "t.xlsx"
    excel_template(path, year=2023)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "填写说明"
    assert "勾稽关系" in " ".join(str(c.value) for c in wb["填写说明"]["A"])
    t3 = wb["表三"]
    assert t3.protection.sheet is True
    assert t3.protection.password is None
    assert t3["D5"].protection.locked is False
    assert t3["A5"].protection.locked is True
    assert t3["J5"].value == '=IF(COUNT(D5:I5)<6,"",SUM(D5:I5))'
    kinds = {(dv.type, dv.operator, dv.formula1) for dv in t3.data_validations.dataValidation}
    assert kinds == {("whole", "greaterThanOrEqual", "0")}
    assert "D5" in str(t3.data_validations.dataValidation[0].sqref)
    t2 = wb["表二"]
    fee = excel_cell("proactive_disclosure.administrative_fees.amount_10k_yuan").split("!")[1]
    money = [dv for dv in t2.data_validations.dataValidation if dv.type == "decimal"]
    assert fee in str(money[0].sqref)
    rules = [r for rng in t3.conditional_formatting for r in rng.rules]
    assert any(r.formula == ['"✗"'] and r.dxf.fill is not None for r in rules)


@pytest.mark.parametrize(("typed", "shown"), [(0, "0"), (1.5, "1.5"), (12, "12"), (0.25, "0.25")])
def test_template_money_reads_as_typed(tmp_path: Path, typed: float, shown: str) -> None:
    """An amount typed in the template reads back as typed: 0 as 0, never 0.00.

    The money cells have the General format, which shows a number as it was typed.
    """
    path = tmp_path / "t.xlsx"
    excel_template(path, year=2023)
    wb = openpyxl.load_workbook(path)
    fee = excel_cell("proactive_disclosure.administrative_fees.amount_10k_yuan")
    yuan = excel_cell("other_matters.information_fee_yuan")
    for address in (fee, yuan):
        sheet, ref = address.split("!")
        assert wb[sheet][ref].number_format == "General"
        wb[sheet][ref] = typed
    wb.save(path)
    report = read_excel_with_warnings(path).report
    assert str(report.cell("proactive_disclosure.administrative_fees.amount_10k_yuan")) == shown
    assert str(report.other_matters.information_fee_yuan) == shown


@pytest.mark.parametrize("name", ["x.docx", "x", "x.xlsx.bak", "x.xls"])
def test_template_refuses_a_name_not_ending_in_xlsx(tmp_path: Path, name: str) -> None:
    """An Excel workbook is not written under another suffix: the error says why."""
    with pytest.raises(gd.UnsupportedFormatError, match=r"its name must end in \.xlsx") as info:
        gd.excel_template(tmp_path / name, year=2024)
    assert info.value.file == str(tmp_path / name)
    assert "模板是 Excel 工作簿，文件名应以 .xlsx 结尾" in info.value.message_zh
    assert not (tmp_path / name).exists()
    gd.excel_template(tmp_path / "X.XLSX", year=2024)


def test_template_default_year_and_bad_year(tmp_path: Path) -> None:
    """The default year is last year; a year before any format is refused."""
    excel_template(tmp_path / "t.xlsx")
    result = read_excel_with_warnings(tmp_path / "t.xlsx", limits=None)
    assert result.report.meta.year == dt.date.today().year - 1
    assert result.warnings == ("报告信息!C2: the agency (机关名称) is blank",)
    with pytest.raises(gd.InvalidReportError):
        excel_template(tmp_path / "t.xlsx", year=2018)
