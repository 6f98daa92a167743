"""The summary workbook: one row per report, the violations sheet, reading it back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest

import govdisclosure as gd
from govdisclosure._io.excel.summary import (
    SUMMARY_LIMITS,
    SUMMARY_SHEET,
    VIOLATIONS_SHEET,
    read_excel_summary,
    summary_entries_bytes,
    summary_entry,
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
    sample = attrs.evolve(sample, meta=attrs.evolve(sample.meta, published_on=dt.date(2024, 1, 26)))
    path = tmp_path / "s.xlsx"
    write_excel_summary([sample, old, odd], path)
    back = read_excel_summary(path)

    def numbers_and_facts(r: gd.AnnualReport) -> gd.AnnualReport:
        meta = r.meta
        blank = gd.AnnualReport.blank(
            agency=meta.agency,
            year=meta.year,
            format_version=meta.format_version,
            agency_level=meta.agency_level,
            published_on=meta.published_on,
            source=meta.source,
        )
        fee = r.other_matters.information_fee_yuan
        other = attrs.evolve(blank.other_matters, information_fee_yuan=fee)
        return attrs.evolve(blank, other_matters=other).with_cells(dict(r.cells()))

    assert back == [numbers_and_facts(r) for r in (sample, old, odd)]
    # The facts an office needs (level for the deadline, the date, the file) come back.
    assert back[0].meta.agency_level is sample.meta.agency_level is not None
    assert back[0].meta.published_on == sample.meta.published_on is not None
    ws = openpyxl.load_workbook(path)[SUMMARY_SHEET]
    header = [c.value for c in ws[2]]
    assert header[:10] == [
        "file",
        "agency",
        "year",
        "format_version",
        "agency_level",
        "published_on",
        "status",
        "errors",
        "warnings",
        "proactive_disclosure.rules.issued",
    ]
    assert header[-1] == "other_matters.information_fee_yuan"
    assert set(header[9:-1]) == set(gd.cell_paths("2021")) | set(gd.cell_paths("2019"))
    assert ws["J1"].value == "表二 第二十条第（一）项 规章 / 本年制发件数"
    assert [c.value for c in ws[1]][:9] == [
        "文件", "单位", "年度", "格式", "层级", "发布日期", "状态", "错误数", "警告数"
    ]  # fmt: skip
    assert ws.freeze_panes == "C3"
    assert ws.auto_filter.ref is not None
    assert ws.auto_filter.ref.startswith("A2:")
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$2"
    assert ws.print_title_cols == "$A:$B"  # 文件 and 单位 on every printed page
    # About sixteen columns a page: readable, not one page at 10%.
    assert ws.page_setup.fitToWidth == -(-(len(header)) // 16)
    assert ws.row_dimensions[1].height == 90


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
    assert rows[0] == [
        "文件", "单位", "规则", "严重程度", "表/行/列", "单元格", "说明", "应为", "实际",
        "说明（英文）",
    ]  # fmt: skip
    assert rows[1] == [
        sample.meta.source,
        sample.meta.agency,
        "APP-ROW-TOTAL",
        "错误",
        "表三“（一）予以公开”行“总计”列",
        None,
        "表三 总计不等于各列之和",
        5,
        4.5,
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
    ws.cell(3, 3, "明年")
    with pytest.raises(ExcelError, match='"明年" is not a year'):
        read_excel_summary(save(wb, path))
    with pytest.raises(ExcelError, match="does not fit one cell"):
        write_excel_summary([gd.AnnualReport.blank(agency="长" * 40000, year=2023)], path)


def test_a_summary_past_a_million_cells_reads_back_by_default(
    sample: gd.AnnualReport, tmp_path: Path
) -> None:
    """The office's summary is read under its own limits: 3,000,000 cells, not 1,000,000.

    5,000 reports of 2023 make 1,025,420 cells, more than a report's workbook may hold
    (``ExcelLimits().max_cells``); 10,000 reports (about 2.3 million) fit ``SUMMARY_LIMITS``.
    """
    assert gd.ExcelLimits().max_cells == 1_000_000
    assert gd.ExcelLimits(max_cells=3_000_000) == SUMMARY_LIMITS
    entry = summary_entry(sample)
    path = tmp_path / "5000.xlsx"
    path.write_bytes(
        summary_entries_bytes([entry._replace(agency=f"第{i}局") for i in range(5000)])
    )
    with pytest.raises(ExcelError, match="max_cells"):
        read_excel_summary(path, limits=gd.ExcelLimits())
    back = read_excel_summary(path)
    assert [f"第{i}局" for i in range(5000)] == [r.meta.agency for r in back]
    values = sample.values()
    assert all(r.values() == values for r in back)
