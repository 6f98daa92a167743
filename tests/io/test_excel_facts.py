"""Reading the report's facts (agency, year, format, date, level) by their labels."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure._format import FormatVersion, vocabulary
from govdisclosure._io.excel.read import (
    read_excel,
    read_excel_with_warnings,
)
from govdisclosure._io.excel.summary import write_excel_summary
from govdisclosure.errors import ExcelError
from workbooks import handmade, place, save


def test_facts_variants(tmp_path: Path) -> None:
    """Facts read by label: text dates, level names, the document number as the format."""
    report = gd.AnnualReport.blank(agency="某", year=2020)
    wb = handmade(report)
    ws = wb["封面"]
    for r, (label, value) in enumerate(
        [
            ("发布日期", "2021年1月29日"),
            ("机关类别", "人民政府"),
            ("格式", "国办公开办函〔2019〕60号"),
            ("标题", "某2020年报"),
        ],
        start=6,
    ):
        place(ws, r, 2, label)
        place(ws, r, 3, value)
    back = read_excel(save(wb, tmp_path / "h.xlsx"))
    assert back.meta.published_on == dt.date(2021, 1, 29)
    assert back.meta.agency_level is gd.AgencyLevel.GOVERNMENT
    assert back.meta.format_version is FormatVersion.V2019
    assert back.meta.title == "某2020年报"


@pytest.mark.parametrize(
    ("spelling", "level"),
    [*vocabulary._LEVEL_SPELLINGS.items(), ("GOVERNMENT", gd.AgencyLevel.GOVERNMENT)],
)
def test_facts_accept_every_level_spelling(
    tmp_path: Path, spelling: str, level: gd.AgencyLevel
) -> None:
    """The agency level reads in every spelling the vocabulary's agency_level reads."""
    wb = handmade(gd.AnnualReport.blank(agency="某", year=2023))
    place(wb["封面"], 9, 2, "机关类别")
    place(wb["封面"], 9, 3, spelling)
    assert read_excel(save(wb, tmp_path / "h.xlsx")).meta.agency_level is level


@pytest.mark.parametrize(
    "written",
    [
        "2024-01-31",
        "2024/1/31",
        "2024.1.31",
        "2024年1月31日",
        "2024 年 1 月 31 日",
        "二〇二四年一月三十一日",
    ],
)
def test_facts_dates_in_every_form_the_date_reader_reads(tmp_path: Path, written: str) -> None:
    """A publication date typed as text reads in every form zh.parse_date reads."""
    wb = handmade(gd.AnnualReport.blank(agency="某", year=2023))
    place(wb["封面"], 9, 2, "发布日期")
    place(wb["封面"], 9, 3, written)
    assert read_excel(save(wb, tmp_path / "h.xlsx")).meta.published_on == dt.date(2024, 1, 31)


@pytest.mark.parametrize(
    ("label", "value", "message"),
    [
        ("年度", "去年", '"去年" is not a year'),
        ("年度", None, "report year"),
        ("发布日期", "昨天", '"昨天" is not a date'),
        ("机关类别", "街道", "is not 政府部门 or 人民政府"),
        ("格式", "2018", "is not a format version"),
    ],
)
def test_bad_facts(tmp_path: Path, label: str, value: object, message: str) -> None:
    """Facts that cannot be read fail with the cell named."""
    wb = handmade(gd.AnnualReport.blank(agency="某", year=2023))
    ws = wb["封面"]
    place(ws, 9, 2, label)
    place(ws, 9, 3, value)
    if label == "年度":
        ws["B4"] = None
        ws["C4"] = None
    with pytest.raises(ExcelError, match=re.escape(message)):
        read_excel(save(wb, tmp_path / "h.xlsx"))


def test_no_facts_at_all(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """Without a year the workbook cannot be a report; without an agency it warns."""
    wb = handmade(sample, facts=False)
    with pytest.raises(ExcelError, match="report year"):
        read_excel(save(wb, tmp_path / "h.xlsx"))
    place(wb["封面"], 1, 1, "报告年度")
    place(wb["封面"], 1, 2, 2023.0)
    result = read_excel_with_warnings(save(wb, tmp_path / "h.xlsx"))
    assert result.report.meta.agency == ""
    assert "agency" in result.warnings[0]


def test_field_ids_in_several_columns(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """Field ids spread over columns (a summary's header) read as ids of one column only.

    A summary workbook is not a report workbook: reading it fails with an ExcelError.
    """
    path = tmp_path / "s.xlsx"
    write_excel_summary([sample], path)
    with pytest.raises(ExcelError, match='"格式" is not a year'):
        read_excel(path)
