"""The official layout of the report workbook's tables, and excel_cell."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import govdisclosure as gd
from govdisclosure._format import TABLE3_CORNER_NOTE
from govdisclosure._io.excel.layout import excel_cell
from govdisclosure._io.excel.write import write_excel


def test_table3_layout_is_official(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """表三 has the corner note, the header merges and labels of the format, verbatim."""
    write_excel(sample, tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["表三"]
    merges = {str(m) for m in ws.merged_cells.ranges}
    assert {"A2:C4", "D2:J2", "D3:D4", "E3:I3", "J3:J4", "A7:A28", "B7:C7", "B9:B16"} <= merges
    assert ws["A2"].value == TABLE3_CORNER_NOTE
    assert [ws.cell(4, c).value for c in range(5, 10)] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    assert ws["C11"].value == "3.危及“三安全一稳定”"
    assert ws["A29"].value == "四、结转下年度继续办理"
    assert ws["D5"].value == sample.cell("applications.new_received.natural_person")
    assert ws.freeze_panes == "D5"
    assert ws["D5"].font.name == "宋体"
    assert ws["D5"].border.left.style == "thin"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.column_dimensions["C"].width == 40


def test_table2_and_table4_layout(tmp_path: Path) -> None:
    """表二 stacks its blocks with captions; 表四 has its three-level header."""
    report = gd.AnnualReport.blank(agency="某", year=2023).with_cell(
        "proactive_disclosure.administrative_fees.amount_10k_yuan", Decimal("12.345")
    )
    write_excel(report, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    t2, t4 = wb["表二"], wb["表四"]
    assert [t2.cell(r, 1).value for r in (2, 3, 4, 5)] == [
        "第二十条第（一）项",
        "信息内容",
        "规章",
        "行政规范性文件",
    ]
    fee_ref = excel_cell("proactive_disclosure.administrative_fees.amount_10k_yuan").split("!")[1]
    assert t2[fee_ref].number_format == "0.000"
    assert f"{fee_ref}:D{fee_ref[1:]}" in {str(m) for m in t2.merged_cells.ranges}
    assert {"A2:E2", "F2:O2", "F3:J3", "K3:O3", "A3:A4"} <= {str(m) for m in t4.merged_cells.ranges}
    assert [t4.cell(2, 1).value, t4.cell(2, 6).value, t4.cell(3, 11).value] == [
        "行政复议",
        "行政诉讼",
        "复议后起诉",
    ]


def test_excel_cell_addresses() -> None:
    """excel_cell names the sheet and cell of paths, facts and text fields."""
    assert excel_cell("applications.carried_forward.total") == "表三!J29"
    assert excel_cell("applications.carried_forward.total", "2019") == "表三!J27"
    assert excel_cell("review_litigation.litigation_after_review.total") == "表四!O5"
    assert excel_cell("year") == "报告信息!C3"
    assert excel_cell("overview.text") == "文字部分!C4"
    with pytest.raises(gd.UnknownPathError, match="did you mean"):
        excel_cell("applications.granted.totl")
