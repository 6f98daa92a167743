"""The summary workbook: one row per report, the violations sheet, reading it back."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import govdisclosure as gd
from govdisclosure._io.excel.summary import (
    SUMMARY_SHEET,
    VIOLATIONS_SHEET,
    read_excel_summary,
    write_excel_summary,
)
from govdisclosure._io.excel.write import write_excel
from govdisclosure.errors import ExcelError
from workbooks import report_2019, save


class _Severity:
    def __init__(self, value: str) -> None:
        self.value = value


class _Violation:
    def __init__(
        self, rule_id: str, paths: tuple[str, ...], expected: object, actual: object
    ) -> None:
        self.rule_id = rule_id
        self.severity = _Severity("error")
        self.paths = paths
        self.expected = expected
        self.actual = actual
        self.message = "表三 总计不等于各列之和"
        self.message_en = "table 3 total differs"


class _Result:
    def __init__(self, violations: tuple[_Violation, ...]) -> None:
        self.violations = violations


def test_summary_roundtrip_mixed_versions(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """A summary of 2021 and 2019 reports reads back into their facts and cells."""
    old = report_2019()
    odd = gd.AnnualReport.blank(agency="=危险", year=2024).with_cell(
        "applications.granted.total", 10**18
    )
    path = tmp_path / "s.xlsx"
    write_excel_summary([sample, old, odd], path)
    back = read_excel_summary(path)

    def numbers_only(r: gd.AnnualReport) -> gd.AnnualReport:
        blank = gd.AnnualReport.blank(
            agency=r.meta.agency, year=r.meta.year, format_version=r.meta.format_version
        )
        return blank.with_cells(dict(r.cells()))

    assert back == [numbers_only(r) for r in (sample, old, odd)]
    ws = openpyxl.load_workbook(path)[SUMMARY_SHEET]
    header = [c.value for c in ws[2]]
    assert header[:4] == ["agency", "year", "format_version", "proactive_disclosure.rules.issued"]
    assert set(header[3:]) == set(gd.cell_paths("2021")) | set(gd.cell_paths("2019"))
    assert ws["D1"].value == "表二 第二十条第（一）项 规章 / 本年制发件数"
    assert ws.freeze_panes == "D3"


def test_summary_violations_sheet(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """Given results, a sheet lists each violation with its report's row."""
    path = tmp_path / "s.xlsx"
    results = [
        _Result((_Violation("APP-ROW-TOTAL", ("applications.granted.total",), 5, Decimal("4.5")),)),
        _Result(()),
    ]
    write_excel_summary([sample, sample], path, results=results)
    ws = openpyxl.load_workbook(path)[VIOLATIONS_SHEET]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[0][:4] == ["汇总表行号", "机关名称", "报告年度", "规则"]
    assert rows[1] == [
        3,
        sample.meta.agency,
        2023,
        "APP-ROW-TOTAL",
        "error",
        "applications.granted.total",
        5,
        4.5,
        "表三 总计不等于各列之和",
        "table 3 total differs",
    ]
    assert len(rows) == 2
    assert read_excel_summary(path)[0].meta.agency == sample.meta.agency
    with pytest.raises(ExcelError, match="parallel"):
        write_excel_summary([sample], path, results=[])


def test_summary_errors(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """A workbook without the id row, or a value in a column its format lacks, fails."""
    path = tmp_path / "r.xlsx"
    write_excel(sample, path)
    with pytest.raises(ExcelError, match="no summary sheet"):
        read_excel_summary(path)
    write_excel_summary([sample, report_2019()], path)
    wb = openpyxl.load_workbook(path)
    ws = wb[SUMMARY_SHEET]
    column = [c.value for c in ws[2]].index("proactive_disclosure.rules.newly_made") + 1
    ws.cell(3, column, 5)
    with pytest.raises(ExcelError, match=r"has no cell proactive_disclosure\.rules\.newly_made"):
        read_excel_summary(save(wb, path))
    ws.cell(3, column, None)
    ws.cell(3, 2, "明年")
    with pytest.raises(ExcelError, match='"明年" is not a year'):
        read_excel_summary(save(wb, path))
    with pytest.raises(ExcelError, match="does not fit one cell"):
        write_excel_summary([gd.AnnualReport.blank(agency="长" * 40000, year=2023)], path)
