"""The sheet reader: every OOXML cell type, shared formulas, merges, malformed cells."""

from __future__ import annotations

import ast
import datetime as dt
import random
import sys
from pathlib import Path

import pytest

from govdisclosure._io.excel.values import CellReader
from govdisclosure._io.xlsx import reader as _xlsx_safety
from govdisclosure._io.xlsx.archive import ExcelLimits
from govdisclosure.errors import ExcelError
from workbooks import zip_parts


def test_huge_merge_costs_nothing() -> None:
    """A merge claiming the whole sheet is kept as a range, not expanded."""
    sheet = _xlsx_safety.Sheet("s")
    sheet.merges.append((1, 1, 1_048_576, 16_384))
    sheet.cells[1, 1] = _xlsx_safety.Cell("x", None, 0)
    assert sheet.get(500_000, 9_000)[0] == sheet.cells[1, 1]
    assert sheet.bottom(2, 2) == 1_048_576
    assert sheet.merge_of(1_048_577, 1) is None


def test_merge_lookup_matches_every_cell_of_every_range() -> None:
    """Ranges of every shape, side by side: each cell finds its range, the gaps none.

    The index files each range under blocks of a size fitting it, never cell by cell.
    """
    sheet = _xlsx_safety.Sheet("s")
    rng = random.Random(16)
    row = 1
    for _ in range(60):
        height, column = rng.choice([1, 2, 7, 8, 9, 63, 64, 65, 600]), 1
        while column < 3000:
            width = rng.choice([1, 2, 8, 9, 64, 65, 700])
            if rng.random() < 0.7:
                sheet.merges.append((row, column, row + height - 1, column + width - 1))
            column += width + rng.choice([0, 0, 1])
        row += height
    sheet.merges.append((row, 1, _MAX_ROW, 16_384))
    sheet.index_merges()
    for merge in sheet.merges:
        top, left, bottom, right = merge
        for r, c in {(top, left), (bottom, right), (top, right), (bottom, left)}:
            assert sheet.merge_of(r, c) == merge
        assert sheet.merge_of((top + bottom) // 2, (left + right) // 2) == merge
    for _ in range(3000):
        r, c = rng.randrange(1, row + 100), rng.randrange(1, 3100)
        covering = [m for m in sheet.merges if m[0] <= r <= m[2] and m[1] <= c <= m[3]]
        assert sheet.merge_of(r, c) == (covering[0] if covering else None)


def test_overlapping_merges_are_refused() -> None:
    """Thousands of ranges over one spot: an ExcelError naming the sheet, at once."""
    ranges = "".join(f'<mergeCell ref="A1:B{n}"/>' for n in range(2, 2000))
    with pytest.raises(ExcelError, match="merged ranges overlap") as caught:
        _xlsx_safety.open_workbook(_raw_workbook(f"<mergeCells>{ranges}</mergeCells>"))
    assert caught.value.sheet == "表三"


def test_merges_past_the_limit_are_refused() -> None:
    """More merged ranges than max_merges: refused, naming the limit."""
    ranges = "".join(f'<mergeCell ref="A{n}:B{n}"/>' for n in range(1, 12))
    with pytest.raises(ExcelError, match="max_merges"):
        _xlsx_safety.open_workbook(
            _raw_workbook(f"<mergeCells>{ranges}</mergeCells>"), ExcelLimits(max_merges=10)
        )


_MAX_ROW = 1_048_576
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
    return zip_parts(
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


@pytest.mark.parametrize("index", ["-1", "-2", "2", "1.0", "", " ", "²", "9" * 5000])
def test_shared_string_index_out_of_range(index: str) -> None:
    """An index outside the shared strings is an error naming the cell, never another string.

    Python's ``strings[-1]`` would be the last string, read without a word.
    """
    sheet = f'<sheetData><row r="3"><c r="B3" t="s"><v>{index}</v></c></row></sheetData>'
    strings = "<si><t>甲</t></si><si><t>乙</t></si>"
    with pytest.raises(ExcelError, match="bad shared string index") as info:
        _xlsx_safety.open_workbook(_raw_workbook(sheet, strings=strings))
    assert (info.value.sheet, info.value.cell) == ("表三", "B3")


def test_xlsx_knows_nothing_of_reports() -> None:
    """The xlsx modules import only errors, archive limits, the standard library, defusedxml."""
    from govdisclosure._io import xlsx

    allowed = {*sys.stdlib_module_names, "defusedxml"}
    for path in Path(xlsx.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                inside = name in (
                    "govdisclosure.errors",
                    "govdisclosure._archive",
                ) or name.startswith("govdisclosure._io.xlsx")
                assert inside or name.split(".")[0] in allowed, (path.name, name)
