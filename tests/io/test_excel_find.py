"""Finding the official tables by their labels: hand-made workbooks, label variants, the format."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.cell_range import CellRange

import govdisclosure as gd
from govdisclosure._format import FormatVersion
from govdisclosure._format.vocabulary import canonical_label
from govdisclosure._io.excel.labels import label_keys
from govdisclosure._io.excel.read import (
    read_excel,
    read_excel_with_warnings,
)
from govdisclosure._io.excel.write import write_excel
from govdisclosure.errors import ExcelError
from workbooks import handmade, report_2019, save


@pytest.mark.parametrize(
    ("one_sheet", "offset", "variant"),
    [(False, (0, 0), False), (True, (3, 2), True), (False, (5, 4), True)],
)
def test_handmade_workbooks_read_by_labels(
    sample: gd.AnnualReport, tmp_path: Path, one_sheet: bool, offset: tuple[int, int], variant: bool
) -> None:
    """Tables anywhere, on one sheet or several, with label variants, read to the right cells."""
    wb = handmade(sample, one_sheet=one_sheet, offset=offset, variant=variant)
    result = read_excel_with_warnings(save(wb, tmp_path / "h.xlsx"))
    expected = gd.AnnualReport.blank(agency=sample.meta.agency, year=2023).with_cells(
        dict(sample.cells())
    )
    assert result.report == expected
    assert result.warnings == ()


def test_handmade_2019_detected_from_labels(tmp_path: Path) -> None:
    """A hand-made workbook of 2019 tables reads as the 2019 format, by its labels."""
    report = report_2019()
    wb = handmade(report, variant=True)
    back = read_excel(save(wb, tmp_path / "h.xlsx"))
    assert back.meta.format_version is FormatVersion.V2019
    assert dict(back.cells()) == dict(report.cells())


@pytest.mark.parametrize(
    ("version", "year"), [(FormatVersion.V2021, 2020), (FormatVersion.V2019, 2021)]
)
def test_version_from_table3_words(tmp_path: Path, version: FormatVersion, year: int) -> None:
    """Without table 2 or a format fact, table 3's words tell the format, not the year."""
    report = gd.AnnualReport.blank(agency="某某局", year=year, format_version=version)
    wb = handmade(report)
    del wb["Sheet2"]
    result = read_excel_with_warnings(save(wb, tmp_path / "h.xlsx"))
    assert result.report.meta.format_version is version
    assert "表二" in result.warnings[0]


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
    path = save(wb, tmp_path / "moved.xlsx")
    assert read_excel(path) == sample


def test_missing_tables(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """A workbook without any table fails; one missing a table warns and leaves it blank."""
    wb = handmade(sample)
    del wb["Sheet4"]
    result = read_excel_with_warnings(save(wb, tmp_path / "h.xlsx"))
    assert result.report.cell("review_litigation.review.total") is None
    assert "表四" in result.warnings[0]
    for name in ("Sheet2", "Sheet3"):
        del wb[name]
    with pytest.raises(ExcelError, match="none of the official tables"):
        read_excel(save(wb, tmp_path / "h.xlsx"))


def test_missing_row_label_is_reported(sample: gd.AnnualReport, tmp_path: Path) -> None:
    """A table 3 without one of its rows names the missing row."""
    wb = handmade(sample)
    ws = wb["Sheet3"]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）":
                cell.value = "另加的行"
    result = read_excel_with_warnings(save(wb, tmp_path / "h.xlsx"))
    assert "部分公开" in result.warnings[0]


def test_label_normalization() -> None:
    """Labels compare without spaces, bracket width, quotes, 合计/总计 and 一年度 variants."""
    n = canonical_label
    assert n("（七） 合 计") == n("(七)总计")
    assert n("3.危及'三安全一稳定'") == n("3.危及“三安全一稳定”")
    assert label_keys("（二）部分公开（区分处理的）") == ("部分公开（区分处理的）", "部分公开")


def test_label_search_is_bounded() -> None:
    """A label is kept at its first MAX_COPIES places; searches spend a shared budget.

    20,000 copies of a row label and of a column header made table 2's search quadratic.
    """
    from govdisclosure._io.excel.labels import MAX_COPIES, LabelIndex
    from govdisclosure._io.xlsx.reader import Cell, Sheet
    from govdisclosure.errors import ExcelError

    sheet = Sheet("表二")
    for r in range(1, 5001):
        sheet.cells[r, 1] = Cell("规章", None, 0)
        sheet.cells[r, 2] = Cell(f"（{r}）其他规章", None, 0)
    budget = [10**6]
    index = LabelIndex(sheet, budget)
    assert index.find("规章") == [(r, 1) for r in range(1, MAX_COPIES + 1)]
    assert index.ending("规章")[:2] == [(1, 1), (1, 2)]
    assert index.contains("其他规")
    assert not index.contains("不在")
    budget[0] = 3 * (MAX_COPIES + 1)  # three more searches of 规章, each spending its places
    for _ in range(3):
        index.find("规章")
    with pytest.raises(ExcelError, match="too often to search"):
        index.find("规章")
