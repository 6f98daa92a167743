"""Tests of the Excel layer: report workbooks, hand-made workbooks, summaries, templates."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl.worksheet.cell_range import CellRange

import govdisclosure as gd
import strategies
from govdisclosure._format import TABLE3_CORNER_NOTE, FormatVersion, format_spec, vocabulary
from govdisclosure._format.vocabulary import canonical_label
from govdisclosure._io.excel.labels import label_keys
from govdisclosure._io.excel.layout import FACTS_SHEET, TEXTS_SHEET, excel_cell
from govdisclosure._io.excel.read import (
    ExcelReadWarning,
    _build,
    _load_xlsx,
    _read_book,
    read_excel,
    read_excel_with_warnings,
)
from govdisclosure._io.excel.summary import (
    SUMMARY_SHEET,
    VIOLATIONS_SHEET,
    read_excel_summary,
    write_excel_summary,
)
from govdisclosure._io.excel.template import excel_template
from govdisclosure._io.excel.values import CellReader
from govdisclosure._io.excel.write import to_excel_bytes, write_excel
from govdisclosure._io.xlsx import reader as _xlsx_safety
from govdisclosure._io.xlsx.archive import ExcelLimits
from govdisclosure._io.xlsx.formula import evaluate
from govdisclosure.errors import ExcelError


@pytest.fixture
def sample() -> gd.AnnualReport:
    """The bundled 2023 report."""
    return gd.examples.load("qijiang-psb-2023")


def _roundtrip(report: gd.AnnualReport, folder: Path) -> gd.AnnualReport:
    path = folder / "r.xlsx"
    write_excel(report, path)
    result = read_excel_with_warnings(path)
    assert result.warnings == ()
    return result.report


def _report_2019() -> gd.AnnualReport:
    return gd.AnnualReport.blank(agency="某某局", year=2019).with_cells(
        {
            "proactive_disclosure.administrative_fees.change": -8,
            "proactive_disclosure.central_procurement.amount": Decimal("251000.50"),
            "applications.other_processing.natural_person": 2,
            "applications.new_received.total": 9,
        }
    )


# ---------------------------------------------------------------------------
# Round trips


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(strategies.reports())
def test_roundtrip_property(report: gd.AnnualReport) -> None:
    """read_excel(write_excel(r)) == r for generated reports of both formats, no warnings."""
    data = to_excel_bytes(report)
    book = _xlsx_safety.open_workbook(data)
    reader_result = _read_book(book)
    assert reader_result.warnings == ()
    assert reader_result.report == report


def test_roundtrip_sample_and_2019(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """The sample report and a 2019 report with signed and money cells come back equal."""
    assert _roundtrip(sample, tmp_path) == sample
    old = _report_2019()
    back = _roundtrip(old, tmp_path)
    assert back == old
    assert back.cell("proactive_disclosure.central_procurement.amount") == Decimal("251000.50")
    assert str(back.cell("proactive_disclosure.central_procurement.amount")) == "251000.50"


TRICKY_TEXTS = [
    "=SUM(A1:A2)",
    "=1+1",
    "+86 10 1234",
    "-5",
    "@name",
    '他说"好"，‘单引号’，“双引号”',
    "第一行\n第二行\r\n第三行\r末行",
    "😀🇨🇳 emoji",
    "_x0041_ is not A",
    "控制字符\x00\x01\x0b\x1f\ufffe\uffff",
    "  leading and trailing  ",
    "",
]


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_texts_stay_text(text: str, tmp_path: Path) -> None:
    """Texts survive exactly, and one beginning with '=' is stored as text, not a formula."""
    report = gd.AnnualReport.blank(agency=text, year=2023, title=text, source=text)
    report = _build(
        {},
        {
            "preface": text,
            "overview.text": text,
            "overview.heading": text,
            "applications.notes": (text, text),
            "other_matters.text": text,
        },
        {},
        base=report,
    )
    back = _roundtrip(report, tmp_path)
    assert back == report
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")[TEXTS_SHEET]
    assert all(cell.data_type != "f" for row in ws.iter_rows() for cell in row)


def test_leading_equals_is_quoted_text(tmp_path: Path) -> None:
    """A text beginning with '=' is a string cell with the quote prefix Excel shows."""
    report = gd.AnnualReport(
        meta=gd.ReportMeta(agency="=HYPERLINK(1)", year=2023),
        preface="=cmd|' /C calc'!A0",
    )
    write_excel(report, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    sheet, ref = excel_cell("agency").split("!")
    cell = wb[sheet][ref]
    assert (cell.data_type, cell.value, cell.quotePrefix) == ("s", "=HYPERLINK(1)", True)
    assert read_excel(tmp_path / "r.xlsx") == report


def test_long_text_split_and_joined(tmp_path: Path) -> None:
    """Texts over 32,767 characters are split across cells of at most the limit, not cut."""
    long = ("政务公开😀" * 9000) + "_x0041_" + ("\x01" * 6000) + "末"
    report = gd.AnnualReport(
        meta=gd.ReportMeta(agency="某某局", year=2023, title="题" * 40000),
        overview=gd.Overview(text=long),
    )
    assert _roundtrip(report, tmp_path) == report
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")[TEXTS_SHEET]
    row = int(excel_cell("overview.text").split("!")[1][1:])
    pieces = [c.value for c in ws[row][2:] if c.value is not None]
    assert len(pieces) >= 3
    assert all(len(p.encode("utf-16-le")) // 2 <= 32_767 for p in pieces)


def test_numbers_excel_cannot_hold_are_text(tmp_path: Path) -> None:
    """Counts beyond 15 digits and money a float cannot hold are text; others are numbers."""
    report = gd.AnnualReport.blank(agency="某", year=2023).with_cells(
        {
            "applications.granted.total": 10**20,
            "applications.granted.natural_person": -3,
            "proactive_disclosure.administrative_fees.amount_10k_yuan": Decimal("1.50"),
            "review_litigation.review.total": 123456789012345,
        }
    )
    assert _roundtrip(report, tmp_path) == report
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    big = wb["表三"][excel_cell("applications.granted.total").split("!")[1]]
    fee = wb["表二"][
        excel_cell("proactive_disclosure.administrative_fees.amount_10k_yuan").split("!")[1]
    ]
    assert (big.data_type, big.value) == ("s", str(10**20))
    assert (fee.value, fee.number_format) == (1.5, "0.00")
    precise = report.with_cell(
        "proactive_disclosure.administrative_fees.amount_10k_yuan", Decimal("0.123456789012345678")
    )
    assert _roundtrip(precise, tmp_path) == precise
    fee_cell = openpyxl.load_workbook(tmp_path / "r.xlsx")["表二"][fee.coordinate]
    assert fee_cell.data_type == "s"


# ---------------------------------------------------------------------------
# The official layout


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


# ---------------------------------------------------------------------------
# Hand-made workbooks


def _place(ws: Any, r: int, c: int, value: object) -> None:
    ws.cell(row=r, column=c, value=value)


def _handmade(  # noqa: PLR0912 - one branch per table and option
    report: gd.AnnualReport,
    *,
    one_sheet: bool = False,
    offset: tuple[int, int] = (0, 0),
    variant: bool = False,
    values: dict[str, object] | None = None,
    facts: bool = True,
) -> openpyxl.Workbook:
    """A workbook in the official layout as another tool makes it.

    No merges, other positions, blank rows, label variants, as the test asks.
    """
    wb = openpyxl.Workbook()
    first = wb.active
    assert first is not None
    first.title = "封面"
    if facts:
        _place(first, 3, 2, "单位名称")
        _place(first, 3, 3, report.meta.agency)
        _place(first, 4, 2, "年 度")
        _place(first, 4, 3, f"{report.meta.year}年")
    spec = format_spec(report.meta.format_version)
    cells = dict(report.cells())
    cells.update(values or {})
    dr, dc = offset

    def fix(label: str) -> str:
        if not variant:
            return label
        label = label.replace("（", "(").replace("）", ")").replace("“", '"').replace("”", '"')
        label = label.replace("结转下年度", "结转下一年度")
        return " ".join(label) if len(label) <= 4 else label

    row = 2 + dr
    for table in spec.tables:
        ws = first if one_sheet else wb.create_sheet(f"Sheet{table.number}")
        if not one_sheet:
            row = 2 + dr
        if table.number == 2:
            for spec_row in table.rows:
                _place(ws, row, 1 + dc, fix(spec_row.caption))
                _place(ws, row + 1, 1 + dc, "信息内容")
                for k, column in enumerate(spec_row.columns):
                    _place(ws, row + 1, 2 + dc + k, fix(column.label))
                _place(ws, row + 2, 1 + dc, fix(spec_row.label))
                for k, column in enumerate(spec_row.columns):
                    _place(
                        ws, row + 2, 2 + dc + k, cells[f"{table.section}.{spec_row.id}.{column.id}"]
                    )
                row += 4  # a blank row after each block
        elif table.number == 3:
            _place(ws, row, 1 + dc, TABLE3_CORNER_NOTE)
            _place(ws, row, 3 + dc, "申请人情况")
            for k, column in enumerate(format_spec("2021").tables[1].rows[0].columns):
                _place(ws, row + 1, 3 + dc + k, fix(column.labels[-1].replace("总计", "合计")))
            row += 3  # a blank row under the header
            for spec_row in table.rows:
                _place(ws, row, 1 + dc, fix(spec_row.labels[0]))
                _place(ws, row, 2 + dc, fix("".join(spec_row.labels[1:])) or None)
                for k, column in enumerate(spec_row.columns):
                    _place(ws, row, 3 + dc + k, cells[f"{table.section}.{spec_row.id}.{column.id}"])
                row += 1
            row += 2
        else:
            _place(ws, row, 1 + dc, "行政复议")
            _place(ws, row, 6 + dc, "行政诉讼")
            _place(ws, row + 1, 6 + dc, "未经复议直接起诉")
            _place(ws, row + 1, 11 + dc, "复议后起诉")
            for g, spec_row in enumerate(table.rows):
                for k, column in enumerate(spec_row.columns):
                    _place(ws, row + 2, 1 + dc + 5 * g + k, fix(column.label))
                    _place(
                        ws,
                        row + 3,
                        1 + dc + 5 * g + k,
                        cells[f"{table.section}.{spec_row.id}.{column.id}"],
                    )
            row += 6
    return wb


def _save(wb: openpyxl.Workbook, path: Path) -> Path:
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("one_sheet", "offset", "variant"),
    [(False, (0, 0), False), (True, (3, 2), True), (False, (5, 4), True)],
)
def test_handmade_workbooks_read_by_labels(
    sample: gd.AnnualReport, tmp_path: Path, one_sheet: bool, offset: tuple[int, int], variant: bool
) -> None:
    """Tables anywhere, on one sheet or several, with label variants, read to the right cells."""
    wb = _handmade(sample, one_sheet=one_sheet, offset=offset, variant=variant)
    result = read_excel_with_warnings(_save(wb, tmp_path / "h.xlsx"))
    expected = gd.AnnualReport.blank(agency=sample.meta.agency, year=2023).with_cells(
        dict(sample.cells())
    )
    assert result.report == expected
    assert result.warnings == ()


def test_handmade_2019_detected_from_labels(tmp_path: Path) -> None:
    """A hand-made workbook of 2019 tables reads as the 2019 format, by its labels."""
    report = _report_2019()
    wb = _handmade(report, variant=True)
    back = read_excel(_save(wb, tmp_path / "h.xlsx"))
    assert back.meta.format_version is FormatVersion.V2019
    assert dict(back.cells()) == dict(report.cells())


@pytest.mark.parametrize(
    ("version", "year"), [(FormatVersion.V2021, 2020), (FormatVersion.V2019, 2021)]
)
def test_version_from_table3_words(tmp_path: Path, version: FormatVersion, year: int) -> None:
    """Without table 2 or a format fact, table 3's words tell the format, not the year."""
    report = gd.AnnualReport.blank(agency="某某局", year=year, format_version=version)
    wb = _handmade(report)
    del wb["Sheet2"]
    result = read_excel_with_warnings(_save(wb, tmp_path / "h.xlsx"))
    assert result.report.meta.format_version is version
    assert "表二" in result.warnings[0]


def test_text_numbers_placeholders_and_formulas(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """Numbers as text, placeholders (blank, with a warning) and unsaved SUM formulas.

    Numbers stored as text read as numbers; a SUM without a saved value is evaluated.
    """
    wb = _handmade(
        sample,
        values={
            "applications.new_received.natural_person": " 1,234 ",
            "applications.granted.natural_person": "/",
            "applications.granted.commercial_enterprise": "—",
            "applications.granted.research_institution": "无",
            "proactive_disclosure.administrative_fees.amount_10k_yuan": "０.５０",
            "review_litigation.review.total": "=SUM(A6:D6)",
        },
    )
    path = _save(wb, tmp_path / "h.xlsx")
    with pytest.warns(ExcelReadWarning) as caught:
        report = read_excel(path)
    assert [str(w.message) for w in caught] == [
        'Sheet3!C7: "/" read as blank',
        'Sheet3!D7: "—" read as blank',
        'Sheet3!E7: "无" read as blank',
    ]
    assert report.cell("applications.new_received.natural_person") == 1234
    assert report.cell("applications.granted.natural_person") is None
    assert report.cell("proactive_disclosure.administrative_fees.amount_10k_yuan") == Decimal(
        "0.50"
    )
    review = [
        sample.cell(f"review_litigation.review.{c}")
        for c in ("upheld", "corrected", "other", "pending")
    ]
    assert report.cell("review_litigation.review.total") == sum(review)


def _with_cached(path: Path, ref: str, formula: str, cached: str) -> None:
    """Give a formula cell a saved value, as a spreadsheet program does on saving."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for name, data in parts.items():
        if name.startswith("xl/worksheets/"):
            text = data.decode()
            text = re.sub(
                rf'<c r="{ref}"[^>]*>.*?</c>',
                f'<c r="{ref}"><f>{formula}</f><v>{cached}</v></c>',
                text,
                count=1,
            )
            parts[name] = text.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_formula_cached_value_is_used(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """A formula's saved value is what is read, even when the formula could not be evaluated."""
    wb = _handmade(sample, values={"review_litigation.review.total": "=1"})
    path = _save(wb, tmp_path / "h.xlsx")
    ws = wb["Sheet4"]
    ref = next(c.coordinate for row in ws.iter_rows() for c in row if c.value == "=1")
    _with_cached(path, ref, "VLOOKUP(A1,B:C,2)", "42")
    assert read_excel(path).cell("review_litigation.review.total") == 42


def test_merged_official_workbook_with_blank_rows(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """Our own layout still reads after rows and columns are inserted (merges move along)."""
    write_excel(sample, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    for name in ("表二", "表三", "表四"):
        ws = wb[name]
        merges = [str(m) for m in ws.merged_cells.ranges]
        for m in merges:
            ws.unmerge_cells(m)
        ws.insert_rows(1, 3)
        ws.insert_cols(1, 2)
        for m in merges:
            moved = CellRange(m)
            moved.shift(col_shift=2, row_shift=3)
            ws.merge_cells(moved.coord)
    path = _save(wb, tmp_path / "moved.xlsx")
    assert read_excel(path) == sample


def test_unreadable_cell_names_sheet_and_cell(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """Text where a number belongs fails with the sheet and cell in the message."""
    write_excel(sample, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    wb["表三"]["D7"] = "十二"
    with pytest.raises(ExcelError, match=r'表三!D7: "十二" is not a number'):
        read_excel(_save(wb, tmp_path / "bad.xlsx"))
    wb["表三"]["D7"] = 2.5
    with pytest.raises(ExcelError, match=r"表三!D7: 2.5 is not a whole number"):
        read_excel(_save(wb, tmp_path / "bad.xlsx"))
    wb["表三"]["D7"] = "1.5"
    with pytest.raises(ExcelError, match=r'表三!D7: "1.5" is not a whole number'):
        read_excel(_save(wb, tmp_path / "bad.xlsx"))
    wb["表三"]["D7"] = True
    with pytest.raises(ExcelError, match=r'表三!D7: "True" is not a number'):
        read_excel(_save(wb, tmp_path / "bad.xlsx"))


def test_errors_carry_their_place(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """An ExcelError holds the file, sheet, cell and value (or the part) its message names."""
    write_excel(sample, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    wb["表三"]["D7"] = "十二"
    path = _save(wb, tmp_path / "bad.xlsx")
    with pytest.raises(ExcelError) as info:
        read_excel(path)
    error = info.value
    assert (error.file, error.sheet, error.cell, error.value) == (str(path), "表三", "D7", "十二")
    assert (error.detail, error.part) == ("is not a number", None)
    path.write_bytes(_replace_part(_valid_bytes(), "xl/workbook.xml", "<workbook"))
    with pytest.raises(ExcelError) as info:
        read_excel(path)
    assert (info.value.part, info.value.sheet) == ("xl/workbook.xml", None)
    assert str(info.value).startswith(f"{path}: xl/workbook.xml: the part is not well-formed")


def test_missing_tables(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """A workbook without any table fails; one missing a table warns and leaves it blank."""
    wb = _handmade(sample)
    del wb["Sheet4"]
    result = read_excel_with_warnings(_save(wb, tmp_path / "h.xlsx"))
    assert result.report.cell("review_litigation.review.total") is None
    assert "表四" in result.warnings[0]
    for name in ("Sheet2", "Sheet3"):
        del wb[name]
    with pytest.raises(ExcelError, match="none of the official tables"):
        read_excel(_save(wb, tmp_path / "h.xlsx"))


def test_missing_row_label_is_reported(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """A table 3 without one of its rows names the missing row."""
    wb = _handmade(sample)
    ws = wb["Sheet3"]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）":
                cell.value = "另加的行"
    result = read_excel_with_warnings(_save(wb, tmp_path / "h.xlsx"))
    assert "部分公开" in result.warnings[0]


def test_facts_variants(tmp_path: Path) -> None:
    """Facts read by label: text dates, level names, the document number as the format."""
    report = gd.AnnualReport.blank(agency="某", year=2020)
    wb = _handmade(report)
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
        _place(ws, r, 2, label)
        _place(ws, r, 3, value)
    back = read_excel(_save(wb, tmp_path / "h.xlsx"))
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
    wb = _handmade(gd.AnnualReport.blank(agency="某", year=2023))
    _place(wb["封面"], 9, 2, "机关类别")
    _place(wb["封面"], 9, 3, spelling)
    assert read_excel(_save(wb, tmp_path / "h.xlsx")).meta.agency_level is level


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
    wb = _handmade(gd.AnnualReport.blank(agency="某", year=2023))
    ws = wb["封面"]
    _place(ws, 9, 2, label)
    _place(ws, 9, 3, value)
    if label == "年度":
        ws["B4"] = None
        ws["C4"] = None
    with pytest.raises(ExcelError, match=re.escape(message)):
        read_excel(_save(wb, tmp_path / "h.xlsx"))


def test_no_facts_at_all(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """Without a year the workbook cannot be a report; without an agency it warns."""
    wb = _handmade(sample, facts=False)
    with pytest.raises(ExcelError, match="report year"):
        read_excel(_save(wb, tmp_path / "h.xlsx"))
    _place(wb["封面"], 1, 1, "报告年度")
    _place(wb["封面"], 1, 2, 2023.0)
    result = read_excel_with_warnings(_save(wb, tmp_path / "h.xlsx"))
    assert result.report.meta.agency == ""
    assert "agency" in result.warnings[0]


# ---------------------------------------------------------------------------
# Untrusted input


def _zip(parts: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


_DOCX_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_BOMB_XML = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<si><t>&lol3;</t></si></sst>"
)


def _valid_bytes() -> bytes:
    return to_excel_bytes(gd.AnnualReport.blank(agency="某", year=2023))


def _replace_part(data: bytes, name: str, content: bytes | str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts: dict[str, bytes | str] = {n: archive.read(n) for n in archive.namelist()}
    parts[name] = content
    return _zip(parts)


def _entity_workbook() -> bytes:
    data = _valid_bytes()
    data = _replace_part(data, "xl/sharedStrings.xml", _BOMB_XML)
    rels = zipfile.ZipFile(io.BytesIO(data)).read("xl/_rels/workbook.xml.rels").decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    return _replace_part(data, "xl/_rels/workbook.xml.rels", rels)


MALFORMED = {
    "empty file": (b"", "not a zip archive"),
    "plain text": ("一、总体情况".encode(), "not a zip archive"),
    "old xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old .xls"),
    "renamed docx": (
        _zip({"[Content_Types].xml": _DOCX_TYPES, "word/document.xml": "<w/>"}),
        "Word document",
    ),
    "plain zip": (_zip({"a.txt": "x"}), "without [Content_Types].xml"),
    "truncated": (_valid_bytes()[:3000], "damaged"),
    "entity expansion": (_entity_workbook(), "declares a DTD or entities"),
    "bad xml": (_replace_part(_valid_bytes(), "xl/workbook.xml", "<workbook"), "not well-formed"),
    "no workbook": (
        _zip(
            {
                "[Content_Types].xml": _DOCX_TYPES.replace(
                    "wordprocessingml.document", "spreadsheetml.sheet"
                )
            }
        ),
        "is missing",
    ),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_inputs_raise_excel_error(name: str, tmp_path: Path) -> None:
    """Malformed files give ExcelError (a GovDisclosureError) with a clear message."""
    data, message = MALFORMED[name]
    path = tmp_path / "bad.xlsx"
    path.write_bytes(data)
    for reader in (read_excel, read_excel_summary):
        with pytest.raises(ExcelError, match=re.escape(message)) as info:
            reader(path)
        assert isinstance(info.value, gd.GovDisclosureError)
        assert str(path) in str(info.value)


def test_zip_bomb_refused_without_inflating(tmp_path: Path) -> None:
    """A part expanding far beyond its compressed size is refused from its declared size."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _DOCX_TYPES)
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (30 * 2**20))
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ExcelError, match="decompression bomb"):
        read_excel(path)
    with pytest.raises(ExcelError, match="max_uncompressed_bytes"):
        read_excel(path, limits=ExcelLimits(max_ratio=1e9, max_uncompressed_bytes=2**20))


@pytest.mark.parametrize(
    ("limits", "message"),
    [
        (ExcelLimits(max_file_bytes=100), "max_file_bytes"),
        (ExcelLimits(max_members=3), "max_members"),
        (ExcelLimits(max_cells=10), "max_cells"),
    ],
)
def test_limits_are_configurable(tmp_path: Path, limits: ExcelLimits, message: str) -> None:
    """Each limit, set low, refuses an ordinary workbook with its name in the message."""
    path = tmp_path / "r.xlsx"
    path.write_bytes(_valid_bytes())
    with pytest.raises(ExcelError, match=message):
        read_excel(path, limits=limits)
    with pytest.raises(ExcelError, match=message):
        _xlsx_safety.open_workbook(path.read_bytes(), limits)


def test_missing_file_is_excel_error(tmp_path: Path) -> None:
    """A file that does not exist is an ExcelError naming it."""
    with pytest.raises(ExcelError, match="cannot read the file"):
        read_excel(tmp_path / "none.xlsx")


def test_openpyxl_uses_defusedxml() -> None:
    """openpyxl, which writes our workbooks, would also parse through defusedxml."""
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True


def test_import_stays_light() -> None:
    """Importing govdisclosure and its Excel modules does not import openpyxl."""
    code = (
        "import importlib, pkgutil, sys, govdisclosure, govdisclosure._io.excel as excel\n"
        "for module in pkgutil.iter_modules(excel.__path__):\n"
        "    importlib.import_module(f'govdisclosure._io.excel.{module.name}')\n"
        "print('openpyxl' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------------------
# Atomic writes


def test_failed_write_keeps_existing_file(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """A write that fails leaves the existing file as it was and no temporary file behind."""
    path = tmp_path / "r.xlsx"
    write_excel(sample, path)
    before = path.read_bytes()
    with pytest.raises(ExcelError, match="expected an AnnualReport"):
        write_excel("not a report", path)  # type: ignore[arg-type]
    with pytest.raises(ExcelError, match="reports\\[1\\]"):
        write_excel_summary([sample, "x"], path)  # type: ignore[list-item]
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.xlsx"]


# ---------------------------------------------------------------------------
# Summary workbooks


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
    old = _report_2019()
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
    write_excel_summary([sample, _report_2019()], path)
    wb = openpyxl.load_workbook(path)
    ws = wb[SUMMARY_SHEET]
    column = [c.value for c in ws[2]].index("proactive_disclosure.rules.newly_made") + 1
    ws.cell(3, column, 5)
    with pytest.raises(ExcelError, match=r"has no cell proactive_disclosure\.rules\.newly_made"):
        read_excel_summary(_save(wb, path))
    ws.cell(3, column, None)
    ws.cell(3, 2, "明年")
    with pytest.raises(ExcelError, match='"明年" is not a year'):
        read_excel_summary(_save(wb, path))
    with pytest.raises(ExcelError, match="does not fit one cell"):
        write_excel_summary([gd.AnnualReport.blank(agency="长" * 40000, year=2023)], path)


# ---------------------------------------------------------------------------
# The fill-in template


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
        expected = _report_2019().with_cells(
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


def test_template_default_year_and_bad_year(tmp_path: Path) -> None:
    """The default year is last year; a year before any format is refused."""
    excel_template(tmp_path / "t.xlsx")
    result = read_excel_with_warnings(tmp_path / "t.xlsx", limits=None)
    assert result.report.meta.year == dt.date.today().year - 1
    assert result.warnings == ("报告信息!C2: the agency (机关名称) is blank",)
    with pytest.raises(gd.InvalidReportError):
        excel_template(tmp_path / "t.xlsx", year=2018)


# ---------------------------------------------------------------------------
# Formula evaluation and low-level reading


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


def test_huge_merge_costs_nothing() -> None:
    """A merge claiming the whole sheet is kept as a range, not expanded."""
    sheet = _xlsx_safety.Sheet("s")
    sheet.merges.append((1, 1, 1_048_576, 16_384))
    sheet.cells[1, 1] = _xlsx_safety.Cell("x", None, 0)
    assert sheet.get(500_000, 9_000)[0] == sheet.cells[1, 1]
    assert sheet.bottom(2, 2) == 1_048_576
    assert sheet.merge_of(1_048_577, 1) is None


def test_label_normalization() -> None:
    """Labels compare without spaces, bracket width, quotes, 合计/总计 and 一年度 variants."""
    n = canonical_label
    assert n("（七） 合 计") == n("(七)总计")
    assert n("3.危及'三安全一稳定'") == n("3.危及“三安全一稳定”")
    assert label_keys("（二）部分公开（区分处理的）") == ("部分公开（区分处理的）", "部分公开")


def test_load_reader_emits_warnings(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """The reader for gd.load reads .xlsx and warns with the file name."""
    wb = _handmade(sample, values={"applications.granted.natural_person": "-"})
    path = _save(wb, tmp_path / "h.xlsx")
    with pytest.warns(ExcelReadWarning, match="h.xlsx: .*read as blank"):
        report = _load_xlsx(path)
    assert report.cell("applications.granted.natural_person") is None


_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _raw_workbook(sheet_xml: str, *, strings: str = "", date1904: bool = False) -> bytes:
    """A minimal workbook written by hand, as other programs write them."""
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/></Types>'
    )
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="r1" Type="{_RELS_NS}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    book_rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="s1" Type="{_RELS_NS}/worksheet" Target="worksheets/a.xml"/>'
        f'<Relationship Id="s2" Type="{_RELS_NS}/chartsheet" Target="/xl/chartsheets/c.xml"/>'
        f'<Relationship Id="x" Type="{_RELS_NS}/hyperlink" Target="http://x" '
        'TargetMode="External"/>'
        f'<Relationship Id="ss" Type="{_RELS_NS}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="st" Type="{_RELS_NS}/styles" Target="styles.xml"/>'
        "</Relationships>"
    )
    book = (
        f'<workbook {_NS} xmlns:r="{_RELS_NS}"><workbookPr date1904="{int(date1904)}"/><sheets>'
        '<sheet name="表三" sheetId="1" r:id="s1"/><sheet name="图" sheetId="2" r:id="s2"/>'
        "</sheets></workbook>"
    )
    styles = (
        f'<styleSheet {_NS}><numFmts><numFmt numFmtId="164" '
        'formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
        '<numFmt numFmtId="bad" formatCode="x"/></numFmts>'
        '<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="4"/>'
        '<xf numFmtId="?"/></cellXfs></styleSheet>'
    )
    return _zip(
        {
            "[Content_Types].xml": types,
            "_rels/.rels": rels,
            "xl/workbook.xml": book,
            "xl/_rels/workbook.xml.rels": book_rels,
            "xl/worksheets/a.xml": f"<worksheet {_NS}>{sheet_xml}</worksheet>",
            "xl/sharedStrings.xml": f"<sst {_NS}>{strings}</sst>",
            "xl/styles.xml": styles,
        }
    )


def test_low_level_reader_cell_types() -> None:
    """Every OOXML cell type, shared formulas and cells without references read right."""
    strings = (
        "<si><t>纯文本</t></si>"
        "<si><r><t>富</t></r><r><t>文本_x000D_</t></r><rPh><t>フ</t></rPh></si>"
    )
    sheet = (
        "<sheetData>"
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#REF!</v></c>'
        '<c r="E1" t="str"><f>"a"</f><v>a</v></c><c r="F1" t="d"><v>2024-01-31</v></c>'
        '<c r="G1" s="1"><v>45322</v></c><c r="H1" s="3"><v>2.5</v></c>'
        '<c r="I1" s="9"><v>1</v></c></row>'
        "<row><c><v>7</v></c><c><v>8</v></c></row>"
        '<row r="5"><c r="A5"><f t="shared" ref="A5:A6" si="0">SUM(A2:B2)</f></c>'
        '<c r="B5"><f t="shared" si="1"/></c></row>'
        '<row r="6"><c r="A6"><f t="shared" si="0"/></c></row>'
        "</sheetData>"
        '<mergeCells><mergeCell ref="J1:K2"/><mergeCell ref="L1"/></mergeCells>'
    )
    book = _xlsx_safety.open_workbook(_raw_workbook(sheet, strings=strings))
    assert [s.name for s in book.sheets] == ["表三"]
    cells = book.sheets[0].cells
    assert [cells[1, c].value for c in range(1, 7)] == [
        "纯文本",
        "富文本\r",
        True,
        "#REF!",
        "a",
        "2024-01-31",
    ]
    assert isinstance(cells[1, 4].value, _xlsx_safety.ErrorValue)
    assert (cells[2, 1].value, cells[2, 2].value) == (7, 8)
    assert book.is_date(cells[1, 7].style)
    assert book.is_date(2)
    assert not book.is_date(cells[1, 8].style)
    assert book.to_date(45322) == dt.date(2024, 1, 31)
    assert book.to_date(59) == dt.date(1900, 2, 28)
    assert book.number_format(3) == "#,##0.00"
    assert book.number_format(99) == "General"
    assert cells[6, 1].formula == "SUM(A3:B3)"
    assert cells[5, 2].formula == ""
    reader = CellReader(book)
    assert reader.scalar(book.sheets[0], 5, 1, cells[5, 1]) == 15
    assert book.sheets[0].merges == [(1, 10, 2, 11), (1, 12, 1, 12)]
    with pytest.raises(ValueError, match="0"):
        book.to_date(0)
    assert _xlsx_safety.open_workbook(_raw_workbook("", date1904=True)).to_date(1) == dt.date(
        1904, 1, 2
    )


@pytest.mark.parametrize(
    ("sheet", "message"),
    [
        ('<sheetData><row r="1"><c r="1A"><v>1</v></c></row></sheetData>', "bad cell reference"),
        ('<sheetData><row r="1"><c r="A1"><v>x</v></c></row></sheetData>', "bad number"),
        ('<sheetData><row r="1"><c r="A1" t="s"><v>9</v></c></row></sheetData>', "shared string"),
        ('<mergeCells><mergeCell ref="A1:??"/></mergeCells>', "bad merged range"),
    ],
)
def test_low_level_reader_refuses_bad_cells(sheet: str, message: str) -> None:
    """Malformed cells are ExcelErrors naming the sheet."""
    with pytest.raises(ExcelError, match=message):
        _xlsx_safety.open_workbook(_raw_workbook(sheet))


def test_money_and_dates_from_other_programs(tmp_path: Path) -> None:
    """Money typed as integers or floats takes its format's decimals; real dates read."""
    report = gd.AnnualReport.blank(agency="某", year=2023)
    write_excel(report, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    fee = excel_cell("proactive_disclosure.administrative_fees.amount_10k_yuan").split("!")[1]
    wb["表二"][fee] = 3
    wb["表二"][fee].number_format = "#,##0.00"
    wb[FACTS_SHEET]["C6"] = dt.datetime(2024, 1, 31)
    wb[FACTS_SHEET]["C3"] = 2023
    back = read_excel(_save(wb, tmp_path / "r.xlsx"))
    assert str(back.cell("proactive_disclosure.administrative_fees.amount_10k_yuan")) == "3.00"
    assert back.meta.published_on == dt.date(2024, 1, 31)
    wb["表二"][fee] = 3.0
    wb["表二"][fee].number_format = "0"
    back = read_excel(_save(wb, tmp_path / "r.xlsx"))
    assert str(back.cell("proactive_disclosure.administrative_fees.amount_10k_yuan")) == "3"
    wb["表三"]["D5"] = 1e17
    with pytest.raises(ExcelError, match="too large to be stored exactly"):
        read_excel(_save(wb, tmp_path / "r.xlsx"))
    wb["表三"]["D5"] = "=1/0"
    with pytest.raises(ExcelError, match="表三!D5: the formula =1/0 has no saved value"):
        read_excel(_save(wb, tmp_path / "r.xlsx"))
