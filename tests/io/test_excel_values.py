"""Reading cell values: numbers as text, placeholders, formulas, money, dates, errors."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import govdisclosure as gd
from govdisclosure._io.excel.layout import FACTS_SHEET, excel_cell
from govdisclosure._io.excel.read import (
    ExcelReadWarning,
    _load_xlsx,
    read_excel,
)
from govdisclosure._io.excel.write import to_excel_bytes, write_excel
from govdisclosure.errors import ExcelError
from workbooks import handmade, replace_part, save, valid_bytes


def test_text_numbers_placeholders_and_formulas(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """Numbers as text, placeholders (blank, with a warning) and unsaved SUM formulas.

    Numbers stored as text read as numbers, each with a warning naming its cell (the
    table's formulas skip text); a SUM without a saved value is evaluated.
    """
    wb = handmade(
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
    path = save(wb, tmp_path / "h.xlsx")
    with pytest.warns(ExcelReadWarning) as caught:
        report = read_excel(path)
    text_number = "是文本格式的数字，已按 {} 读取；表格中的合计公式不会计入它，请改为数字"
    assert [w.message.message_zh for w in caught] == [
        "Sheet2!B24：“０.５０”" + text_number.format("0.50"),
        "Sheet3!C5：“ 1,234 ”" + text_number.format(1234),
        "Sheet3!C7：“/”读作空白",
        "Sheet3!D7：“—”读作空白",
        "Sheet3!E7：“无”读作空白",
    ]
    assert [str(w.message) for w in caught][1:3] == [
        (
            'Sheet3!C5: " 1,234 " is a number stored as text, read as 1234; '
            "the table's total formulas do not count it: make it a number"
        ),
        'Sheet3!C7: "/" read as blank',
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
    wb = handmade(sample, values={"review_litigation.review.total": "=1"})
    path = save(wb, tmp_path / "h.xlsx")
    ws = wb["Sheet4"]
    ref = next(c.coordinate for row in ws.iter_rows() for c in row if c.value == "=1")
    _with_cached(path, ref, "VLOOKUP(A1,B:C,2)", "42")
    assert read_excel(path).cell("review_litigation.review.total") == 42


def test_unreadable_cell_names_sheet_and_cell(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """Text where a number belongs fails with the sheet and cell in the message."""
    write_excel(sample, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    wb["表三"]["D7"] = "十二"
    with pytest.raises(ExcelError, match=r'表三!D7: "十二" is not a number'):
        read_excel(save(wb, tmp_path / "bad.xlsx"))
    wb["表三"]["D7"] = 2.5
    with pytest.raises(ExcelError, match=r"表三!D7: 2.5 is not a whole number"):
        read_excel(save(wb, tmp_path / "bad.xlsx"))
    wb["表三"]["D7"] = "1.5"
    with pytest.raises(ExcelError, match=r'表三!D7: "1.5" is not a whole number'):
        read_excel(save(wb, tmp_path / "bad.xlsx"))
    wb["表三"]["D7"] = True
    with pytest.raises(ExcelError, match=r'表三!D7: "True" is not a number'):
        read_excel(save(wb, tmp_path / "bad.xlsx"))


def test_errors_carry_their_place(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """An ExcelError holds the file, sheet, cell and value (or the part) its message names."""
    write_excel(sample, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    wb["表三"]["D7"] = "十二"
    path = save(wb, tmp_path / "bad.xlsx")
    with pytest.raises(ExcelError) as info:
        read_excel(path)
    error = info.value
    assert (error.file, error.sheet, error.cell, error.value) == (str(path), "表三", "D7", "十二")
    assert (error.detail, error.part) == ("is not a number", None)
    path.write_bytes(replace_part(valid_bytes(), "xl/workbook.xml", "<workbook"))
    with pytest.raises(ExcelError) as info:
        read_excel(path)
    assert (info.value.part, info.value.sheet) == ("xl/workbook.xml", None)
    assert str(info.value).startswith(f"{path}: xl/workbook.xml: the part is not well-formed")


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
    back = read_excel(save(wb, tmp_path / "r.xlsx"))
    assert str(back.cell("proactive_disclosure.administrative_fees.amount_10k_yuan")) == "3.00"
    assert back.meta.published_on == dt.date(2024, 1, 31)
    wb["表二"][fee] = 3.0
    wb["表二"][fee].number_format = "0"
    back = read_excel(save(wb, tmp_path / "r.xlsx"))
    assert str(back.cell("proactive_disclosure.administrative_fees.amount_10k_yuan")) == "3"
    wb["表三"]["D5"] = 1e17
    with pytest.raises(ExcelError, match="too large to be stored exactly"):
        read_excel(save(wb, tmp_path / "r.xlsx"))
    wb["表三"]["D5"] = "=1/0"
    with pytest.raises(ExcelError, match="表三!D5: the formula =1/0 has no saved value"):
        read_excel(save(wb, tmp_path / "r.xlsx"))


def test_load_reader_emits_warnings(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """The reader for gd.load reads .xlsx and warns with the file name."""
    wb = handmade(sample, values={"applications.granted.natural_person": "-"})
    path = save(wb, tmp_path / "h.xlsx")
    with pytest.warns(ExcelReadWarning, match="h.xlsx: .*read as blank"):
        report = _load_xlsx(path)
    assert report.cell("applications.granted.natural_person") is None


@pytest.mark.parametrize(
    ("value", "number_format", "shows"),
    [
        (45293, "yyyy/m/d", "2024-01-02"),  # what Excel makes of "1-2" typed in a cell
        (3, "mm-dd-yy", "1900-01-03"),
        (3, 'm"月"d"日"', "1900-01-03"),
    ],
)
def test_date_styled_count_is_refused(
    sample: gd.AnnualReport, tmp_path: Path, value: int, number_format: str, shows: str
) -> None:
    """A count cell formatted as a date shows a date: neither its serial nor the date is read.

    Excel turns ``1-2`` typed in a cell into the serial 45293 shown as a date; reading the
    serial would be a wrong count with no warning.
    """
    write_excel(sample, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    wb["表三"]["D7"] = value
    wb["表三"]["D7"].number_format = number_format
    with pytest.raises(ExcelError) as info:
        read_excel(save(wb, tmp_path / "date.xlsx"))
    error = info.value
    assert (error.sheet, error.cell, error.value) == ("表三", "D7", value)
    assert f"formatted as a date (it shows {shows})" in str(error)


def test_date_styled_money_and_blank_cells(tmp_path: Path) -> None:
    """A date-styled amount is refused as a count is; a date-styled blank cell stays blank."""
    report = gd.AnnualReport.blank(agency="某", year=2023)
    write_excel(report, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    fee = excel_cell("proactive_disclosure.administrative_fees.amount_10k_yuan").split("!")[1]
    wb["表二"][fee].number_format = "yyyy-mm-dd"
    back = read_excel(save(wb, tmp_path / "r.xlsx"))
    assert back.cell("proactive_disclosure.administrative_fees.amount_10k_yuan") is None
    wb["表二"][fee] = 1.5
    with pytest.raises(ExcelError, match=rf"表二!{fee}: 1.5 is formatted as a date"):
        read_excel(save(wb, tmp_path / "r.xlsx"))
    wb["表二"][fee] = 0.25
    wb["表二"][fee].number_format = "h:mm"
    with pytest.raises(ExcelError, match=r"formatted as a time"):
        read_excel(save(wb, tmp_path / "r.xlsx"))


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("3 4", "two figures"),
        ("3\u00a04", "two figures"),
        ("1 234", "two figures"),
        ("3, 4", "two figures"),
        ("3¹", "¹"),
        ("²", "²"),
        ("⑫", "⑫"),
        ("①", "①"),
        ("⒈", "⒈"),
        ("½", "½"),
    ],
)
def test_text_that_only_looks_like_a_count_is_refused(
    sample: gd.AnnualReport, tmp_path: Path, text: str, why: str
) -> None:
    """Two figures in a cell, superscript or circled digits are not read as one number.

    NFKC turns ``3¹`` into ``31`` and ``⑫`` into ``12``; removing the space of ``3 4`` gave 34.
    """
    write_excel(sample, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    wb["表三"]["D7"] = text
    with pytest.raises(ExcelError, match=r"表三!D7: ") as info:
        read_excel(save(wb, tmp_path / "bad.xlsx"))
    assert why in str(info.value)
    assert info.value.value == text


def test_full_width_text_numbers_are_exact(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """Full-width digits, sign and comma are the same characters in another width: read."""
    write_excel(sample, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    wb["表三"]["D7"] = "１，２３４"
    with pytest.warns(gd.ExcelReadWarning, match="is a number stored as text"):
        back = read_excel(save(wb, tmp_path / "r.xlsx"))
    assert back.cell("applications.granted.natural_person") == 1234


def test_negative_count_is_read_and_flagged(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """A negative count reads as written, and validation reports it (CELL-NEGATIVE)."""
    write_excel(sample, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    wb["表三"]["D7"] = -5
    wb["表三"]["D8"] = "-6"
    with pytest.warns(gd.ExcelReadWarning, match="is a number stored as text"):
        back = read_excel(save(wb, tmp_path / "r.xlsx"))
    assert back.cell("applications.granted.natural_person") == -5
    errors = gd.validate(back).errors
    negative = {v.paths: v.actual for v in errors if v.rule_id == "CELL-NEGATIVE"}
    assert negative[("applications.granted.natural_person",)] == -5
    assert -6 in negative.values()


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("applications.granted.natural_person", "9" * 5000, "has more than 1,000 digits"),
        ("applications.granted.natural_person", "=1E999999", "is too large for a count"),
        ("applications.granted.natural_person", "=" + "9" * 5000, "has no saved value"),
        (
            "proactive_disclosure.administrative_fees.amount_10k_yuan",
            "1e999999999",
            "has more than 1,000 digits",
        ),
    ],
)
def test_absurd_figures_are_errors_not_crashes(
    sample: gd.AnnualReport, tmp_path: Path, path: str, value: object, message: str
) -> None:
    """An absurd figure is an ExcelError naming the cell, not a crash or minutes of work.

    A text of 5,000 digits (Python will not make it an int) raised ValueError; a formula of
    10**999999 ran for minutes making an int of a million digits.
    """
    write_excel(sample, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    sheet, ref = excel_cell(path).split("!")
    wb[sheet][ref] = value
    if isinstance(value, str) and not value.startswith("="):
        wb[sheet][ref].data_type = "s"
    with pytest.raises(ExcelError, match=rf"{sheet}!{ref}: .*" + re.escape(message)):
        read_excel(save(wb, tmp_path / "big.xlsx"))


def test_a_stored_number_of_a_thousand_digits_is_refused(
    sample: gd.AnnualReport, tmp_path: Path
) -> None:
    """A stored ``<v>`` of 1,001 digits is refused before it becomes a count."""
    data = to_excel_bytes(sample)
    part = "xl/worksheets/sheet4.xml"  # 表三
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read(part).decode()
    sheet = re.sub(r'(<c r="D7"[^>]*>)<v>[^<]*</v>', rf"\g<1><v>{'9' * 1001}</v>", sheet)
    path = tmp_path / "big.xlsx"
    path.write_bytes(replace_part(data, part, sheet))
    with pytest.raises(ExcelError, match=r"表三!D7: \"9+…\" is too large for a count"):
        read_excel(path)
