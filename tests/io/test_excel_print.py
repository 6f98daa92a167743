"""The fill-in template as a clerk prints it: LibreOffice lays each sheet out on A4.

These tests print the template with LibreOffice and read the PDF back with pdfplumber:
every page is A4, nothing runs off the page, no text overlaps other text or crosses a
table rule, the instructions are there whole, and no internal field id is printed. They
run only where LibreOffice is installed (``apt-get install libreoffice-calc-nogui
fonts-noto-cjk``) and are skipped elsewhere. The structure they rely on (wrapped cells,
row heights, hidden field ids, A4 page setup) is also checked without LibreOffice.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import openpyxl
import pytest

import govdisclosure as gd
from govdisclosure._io.excel.layout import FACTS, LINE_HEIGHT, text_fields, wrapped_lines
from govdisclosure._io.excel.template import INSTRUCTIONS_SHEET

A4 = (595.3, 841.9)
SHEETS = (INSTRUCTIONS_SHEET, "报告信息", "文字部分", "表二", "表三", "表四")


def _squeeze(text: str) -> str:
    # PDF text may give Kangxi radicals (⼯ U+2F2F) for ideographs (工); NFKC maps them back.
    return "".join(unicodedata.normalize("NFKC", text).split())


class Printed(NamedTuple):
    """A template and its PDF, as LibreOffice printed it (opened with pdfplumber)."""

    workbook: Path
    pdf: Any

    @property
    def pages(self) -> list[Any]:
        """The printed pages, one a sheet."""
        return list(self.pdf.pages)


@pytest.fixture(scope="module", params=[2019, 2024])
def printed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Printed]:
    """The template of a year printed to PDF by LibreOffice."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    pdfplumber = pytest.importorskip("pdfplumber")
    folder = tmp_path_factory.mktemp(f"print{request.param}")
    gd.excel_template(folder / "template.xlsx", year=request.param)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(folder / "template.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    with pdfplumber.open(folder / "template.pdf") as pdf:
        yield Printed(folder / "template.xlsx", pdf)


def _chars(page: Any) -> list[dict[str, Any]]:
    return [c for c in page.chars if c["text"].strip()]


def _overlapping(chars: list[dict[str, Any]]) -> list[str]:
    """Pairs of characters drawn over each other (more than a quarter of the smaller)."""
    grid: dict[tuple[int, int], list[int]] = {}
    for i, c in enumerate(chars):
        grid.setdefault((int(c["x0"] // 20), int(c["top"] // 20)), []).append(i)
    found = []
    for i, c in enumerate(chars):
        x, y = int(c["x0"] // 20), int(c["top"] // 20)
        near = [j for dx in (-1, 0, 1) for dy in (-1, 0, 1) for j in grid.get((x + dx, y + dy), ())]
        for j in near:
            d = chars[j]
            if j <= i:
                continue
            w = min(c["x1"], d["x1"]) - max(c["x0"], d["x0"])
            h = min(c["bottom"], d["bottom"]) - max(c["top"], d["top"])
            smaller = min(
                (c["x1"] - c["x0"]) * (c["bottom"] - c["top"]),
                (d["x1"] - d["x0"]) * (d["bottom"] - d["top"]),
            )
            if w > 0 and h > 0 and w * h > smaller / 4:
                found.append(c["text"] + d["text"])
    return found


def test_every_page_is_a4_and_nothing_runs_off_it(printed: Printed) -> None:
    """Six sheets, six A4 pages (portrait or landscape); every character on its page."""
    assert len(printed.pages) == len(SHEETS)
    for page in printed.pages:
        assert sorted((page.width, page.height)) == pytest.approx(A4, abs=1.5)
        chars = _chars(page)
        assert min(c["x0"] for c in chars) >= 0
        assert max(c["x1"] for c in chars) <= page.width
        assert min(c["top"] for c in chars) >= 0
        assert max(c["bottom"] for c in chars) <= page.height


def test_no_text_overlaps_or_crosses_a_rule(printed: Printed) -> None:
    """Wrapped labels stay in their rows: no character over another or cut by a rule."""
    for number, page in enumerate(printed.pages, start=1):
        chars = _chars(page)
        assert _overlapping(chars) == [], f"page {number}"
        rules = [e for e in page.edges if e["orientation"] == "h"]
        crossed = [
            c["text"]
            for c in chars
            for e in rules
            if e["x0"] < c["x1"] - 1
            and e["x1"] > c["x0"] + 1
            and c["top"] + 1.5 < e["top"] < c["bottom"] - 1.5
        ]
        assert crossed == [], f"page {number}"


def test_instructions_whole_and_no_field_ids(printed: Printed) -> None:
    """The 填写说明 lines are printed whole; the reader's field ids are not printed."""
    pages = [_squeeze(page.extract_text() or "") for page in printed.pages]
    wb = openpyxl.load_workbook(printed.workbook)
    for row in wb[INSTRUCTIONS_SHEET].iter_rows():
        if row[0].value:
            assert _squeeze(row[0].value) in pages[0]
    everything = "".join(pages)
    for field, _, _ in FACTS:
        assert field not in everything
    for field, label, _ in text_fields(gd.FormatVersion.V2021):
        assert field not in everything
        assert _squeeze(label) in pages[2]
    assert "续" not in pages[1] + pages[2]


@pytest.mark.parametrize("year", [2019, 2024])
def test_template_sheets_are_set_up_to_print(tmp_path: Path, year: int) -> None:
    """The structure the printing relies on, without LibreOffice.

    Every sheet is A4 and as wide as one page; the instructions and the field labels wrap
    in rows tall enough for their lines; the field ids' column is hidden (the reader still
    finds the values by them) and no 续 column is offered.
    """
    path = tmp_path / "t.xlsx"
    gd.excel_template(path, year=year)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == list(SHEETS)
    for ws in wb.worksheets:
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert ws.page_setup.fitToWidth == 1
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    guide = wb[INSTRUCTIONS_SHEET]
    width = guide.column_dimensions["A"].width
    assert width <= 72  # one column is never scaled to the page: it must fit as it is
    for (cell,) in guide.iter_rows(min_row=3):
        if cell.value:
            assert cell.alignment.wrap_text
            lines = wrapped_lines(cell.value, width)
            assert guide.row_dimensions[cell.row].height >= LINE_HEIGHT * lines
    for name in ("报告信息", "文字部分"):
        ws = wb[name]
        assert ws.column_dimensions["B"].hidden
        assert ws["D1"].value is None
        label_width = ws.column_dimensions["A"].width
        for row in range(2, ws.max_row + 1):
            label = ws.cell(row, 1)
            assert label.alignment.wrap_text
            lines = wrapped_lines(label.value, label_width)
            assert ws.row_dimensions[row].height >= LINE_HEIGHT * lines
    result = gd.read_excel_with_warnings(path)
    assert result.report.meta.year == year
