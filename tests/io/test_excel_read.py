"""Reading a filled template as a clerk leaves it.

Every bad cell at once, numbers typed as text, formula totals, and the address of
everything read.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import govdisclosure as gd
from govdisclosure._format import FormatVersion, format_spec
from govdisclosure._io.excel.layout import excel_cell
from govdisclosure._io.excel.read import read_excel_located
from govdisclosure.errors import ExcelError

TOTALS = frozenset(s.total for s in format_spec(FormatVersion.V2021).sums if s.fills_total)


def _filled(tmp_path: Path, sample: gd.AnnualReport, typed: dict[str, object]) -> Path:
    """The 2023 template filled with the sample's figures, then ``typed`` as the clerk typed it.

    The totals are left to the template's formulas; ``typed`` is by template address
    (``"表三!G17"``).
    """
    template = tmp_path / "t.xlsx"
    gd.excel_template(template, year=2023)
    wb = openpyxl.load_workbook(template)
    for name, value in [("agency", sample.meta.agency), *sample.cells()]:
        if name not in TOTALS:
            sheet, ref = excel_cell(name).split("!")
            wb[sheet][ref] = value
    for address, value in typed.items():
        sheet, ref = address.split("!")
        wb[sheet][ref] = value
    path = tmp_path / "filled.xlsx"
    wb.save(path)
    return path


def test_every_bad_cell_in_one_chinese_error(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """Three bad cells give one error naming all three addresses, not three runs."""
    path = _filled(tmp_path, sample, {"表三!D9": "三", "表三!E9": "3件", "表三!F10": "2件"})
    with pytest.raises(ExcelError) as info:
        gd.read_excel(path)
    error = info.value
    assert error.message_zh == (
        f"{path}：3 个单元格无法读取，请改正后再读取："
        "表三!D9“三”不是数字；表三!E9“3件”不是数字；表三!F10“2件”不是数字"
    )
    assert (
        str(error)
        == error.message_en
        == (
            f"{path}: 3 cells cannot be read; correct them and read again: "
            '表三!D9: "三" is not a number; 表三!E9: "3件" is not a number; '
            '表三!F10: "2件" is not a number'
        )
    )
    assert [(p.sheet, p.cell, p.value) for p in error.problems] == [
        ("表三", "D9", "三"),
        ("表三", "E9", "3件"),
        ("表三", "F10", "2件"),
    ]
    # The first bad cell's place, as a single error gives it.
    assert (error.file, error.sheet, error.cell, error.value) == (str(path), "表三", "D9", "三")


def test_bad_cells_of_facts_and_tables_together(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """A bad date and a bad count on different sheets are both in the one error.

    The formula 总计 that adds up the bad count (表四!E5) is not named: its trouble is the
    count's.
    """
    date = excel_cell("published_on")
    path = _filled(tmp_path, sample, {date: "去年", "表四!A5": 1.5})
    with pytest.raises(ExcelError) as info:
        gd.read_excel_with_warnings(path)
    assert [f"{p.sheet}!{p.cell}" for p in info.value.problems] == [date, "表四!A5"]
    assert "表四!A5 1.5 不是整数" in info.value.message_zh
    assert "表四!A5: 1.5 is not a whole number" in str(info.value)


def test_one_bad_cell_is_the_error_it_always_was(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """One bad cell raises that cell's own error: its message and attributes unchanged."""
    path = _filled(tmp_path, sample, {"表三!D9": "三"})
    with pytest.raises(ExcelError) as info:
        gd.read_excel(path)
    assert str(info.value) == f'{path}: 表三!D9: "三" is not a number'
    assert info.value.problems == (info.value,)
    assert info.value.detail_zh == "不是数字"


def test_text_number_warned_by_its_address(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """A number typed as text reads as the number, with a warning naming its cell.

    The template's total formulas skip text, so the totals it feeds go blank in the
    workbook; the reader reads them as the sum of their parts, and says so once.
    """
    assert sample.cell("applications.unable_not_held.natural_person") == 1
    path = _filled(tmp_path, sample, {"表三!D17": " 1 ", "表三!E8": "０"})
    result, places = read_excel_located(path)
    assert [w.message_zh for w in result.warnings] == [
        "表三!E8：“０”是文本格式的数字，已按 0 读取；表格中的合计公式不会计入它，请改为数字",
        "表三!D17：“ 1 ”是文本格式的数字，已按 1 读取；表格中的合计公式不会计入它，请改为数字",
        "表三!J8、J17、D28、E28、J28：合计公式没有计入文本格式的数字，结果为空白，已按各项之和读取",
    ]
    assert result.warnings[0] == (
        '表三!E8: "０" is a number stored as text, read as 0; '
        "the table's total formulas do not count it: make it a number"
    )
    assert dict(result.report.cells()) == dict(sample.cells())
    found = gd.validate(result.report, computed=places.computed).violations
    assert [v.rule_id for v in found if v.paths[0] in places.computed] == []


def test_blank_cell_is_one_warning_not_four(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """A blank input cell: its formula totals read blank, and only the input is reported."""
    path = _filled(tmp_path, sample, {"表三!G17": None})
    (report, notes), (addresses, computed) = read_excel_located(path)
    assert notes == ()
    assert computed == TOTALS & set(addresses)
    for total in ("J17", "G28", "J28"):
        assert report.cell(next(p for p, a in addresses.items() if a == f"表三!{total}")) is None
    result = gd.validate(report, computed=computed)
    blank = [v for v in result.violations if v.rule_id == "CELL-BLANK"]
    assert [addresses[v.paths[0]] for v in blank] == ["表三!G17"]
    lines = [line for line in result.lines(addresses=addresses) if "CELL-BLANK" in line]
    assert lines == [f"【警告】CELL-BLANK 表三!G17：{blank[0].message}"]


def test_addresses_of_cells_facts_and_texts(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """Every cell, fact and text is mapped to where it was read; sections to theirs."""
    path = _filled(tmp_path, sample, {})
    _, (addresses, _) = read_excel_located(path)
    for name in gd.cell_paths("2021"):
        assert addresses[name] == excel_cell(name)
    assert addresses["meta.agency"] == excel_cell("agency")
    assert addresses["meta.published_on"] == excel_cell("published_on")
    assert addresses["overview"] == addresses["overview.text"] == excel_cell("overview.text")
    assert addresses["applications"] == "表三"


def test_year_without_a_format_is_an_error_at_its_cell(tmp_path: Path) -> None:
    """A report year no format covers is an ExcelError at the year's cell.

    Not an InvalidReportError without a place, when nothing else names the format.
    """
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "封面"
    ws["A1"], ws["B1"] = "报告年度", 2012
    path = tmp_path / "y.xlsx"
    wb.save(path)
    with pytest.raises(ExcelError) as info:
        gd.read_excel(path)
    assert (info.value.sheet, info.value.cell, info.value.value) == ("封面", "B1", None)
    assert str(info.value).startswith(f"{path}: 封面!B1: no national format covers report year")
    assert info.value.message_zh == (
        f"{path}：封面!B1 2012 年度没有适用的全国报告格式（自 2019 年度起适用）"
    )
