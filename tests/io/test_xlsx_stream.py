"""Tests of the streaming writer of data workbooks."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from govdisclosure._io.xlsx.stream import StreamSheet, Style, new_styles, workbook_bytes


def test_values_styles_and_panes_read_back_in_openpyxl() -> None:
    """Numbers, texts (with spaces and markup characters), formats and panes survive."""
    styles = new_styles()
    sheet = StreamSheet(styles, '数据 "1"', widths=(20, 8), freeze=(1, 1))
    sheet.append(["名称", "值"], Style(bold=True, fill="DDEBF7"))
    sheet.append([" <a & b> ", 3, None, Decimal("1.50"), 2.5])
    sheet.append([(Decimal("0.1"), Style(number_format="0.0")), (7, Style(color="808080"))])
    other = StreamSheet(styles, "第二页")
    other.append(["x"])
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes([sheet, other])))
    ws = book['数据 "1"']
    assert [c.value for c in ws[2]] == [" <a & b> ", 3, None, 1.5, 2.5]
    assert ws["A1"].font.b
    assert ws["A3"].number_format == "0.0"
    assert ws.freeze_panes == "B2"
    assert ws.column_dimensions["A"].width == 20
    assert book.sheetnames == ['数据 "1"', "第二页"]


def test_unsupported_values() -> None:
    """Only numbers, text and None can be written."""
    sheet = StreamSheet(new_styles(), "s")
    with pytest.raises(TypeError, match="list"):
        sheet.append([[1]])


def test_wrapped_rows_grow_and_sheets_print(tmp_path: Path) -> None:
    """A wrapped long text makes its row taller; print titles and the filter are named."""
    from govdisclosure._io.xlsx.stream import (
        PageSetup,
        StreamSheet,
        Style,
        new_styles,
        workbook_bytes,
    )

    styles = new_styles()
    sheet = StreamSheet(
        styles, "清单", (10, 20), (1, 0), page=PageSetup(title_rows=1, filter_row=1)
    )
    sheet.append(["文件", "说明"], Style(bold=True))
    sheet.append(["a", ("很长的说明" * 20, Style(wrap=True))])
    sheet.append(["b", ("短", Style(wrap=True)), (None, Style(fill="FFF2CC"))])
    path = tmp_path / "s.xlsx"
    path.write_bytes(workbook_bytes([sheet]))
    ws = openpyxl.load_workbook(path)["清单"]
    assert ws.row_dimensions[2].height == 14.5 * 11  # 200 widths in a column of 20
    assert ws.row_dimensions[3].height is None
    assert ws["C3"].fill.fgColor.rgb == "FFFFF2CC"  # a blank cell keeps its marking
    assert ws.auto_filter.ref == "A1:C3"
    assert ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1
