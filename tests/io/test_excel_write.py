"""Writing report workbooks: read_excel(write_excel(r)) == r, texts and numbers as stored."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

import govdisclosure as gd
import strategies
from govdisclosure._io.excel.layout import TEXTS_SHEET, excel_cell
from govdisclosure._io.excel.read import (
    _build,
    _read_book,
    read_excel,
    read_excel_with_warnings,
)
from govdisclosure._io.excel.summary import (
    write_excel_summary,
)
from govdisclosure._io.excel.write import to_excel_bytes, write_excel
from govdisclosure._io.xlsx import reader as _xlsx_safety
from govdisclosure.errors import ExcelError
from workbooks import report_2019


def _roundtrip(report: gd.AnnualReport, folder: Path) -> gd.AnnualReport:
    path = folder / "r.xlsx"
    write_excel(report, path)
    result = read_excel_with_warnings(path)
    assert result.warnings == ()
    return result.report


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(strategies.reports())
def test_roundtrip_property(report: gd.AnnualReport) -> None:
    """read_excel(write_excel(r)) == r for generated reports of both formats, no warnings."""
    data = to_excel_bytes(report)
    book = _xlsx_safety.open_workbook(data)
    reader_result, _ = _read_book(book)
    assert reader_result.warnings == ()
    assert reader_result.report == report


def test_roundtrip_sample_and_2019(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """The sample report and a 2019 report with signed and money cells come back equal."""
    assert _roundtrip(sample, tmp_path) == sample
    old = report_2019()
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


def test_an_amount_of_more_than_15_significant_digits_round_trips(tmp_path: Path) -> None:
    """A workbook keeps 15 significant digits of a number: a longer amount is kept as text.

    Found by the round-trip property: 120383392060502.02 came back as …502.00.
    """
    fee = Decimal("120383392060502.02")
    report = gd.AnnualReport.blank(agency="某某局", year=2023)
    report = attrs.evolve(
        report, other_matters=attrs.evolve(report.other_matters, information_fee_yuan=fee)
    )
    assert _roundtrip(report, tmp_path).other_matters.information_fee_yuan == fee
