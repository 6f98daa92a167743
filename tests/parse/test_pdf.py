"""The PDF reader through a stub pdfplumber: ruled tables as grids, words as lines."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest

import govdisclosure as gd
from govdisclosure._parse import parse_file
from govdisclosure._parse.layout import Table


class _FakeRow:
    def __init__(self, cells: list[tuple[float, float, float, float] | None]) -> None:
        self.cells = cells


class _FakeTable:
    """A ruled table as pdfplumber finds it, 40 points a column and 50 a row.

    Each cell's box (``None`` where a merged cell goes on), and the characters inside.
    """

    def __init__(self, texts: list[list[str | None]], bbox: tuple[float, ...]) -> None:
        self.bbox = bbox
        self.rows: list[_FakeRow] = []
        self.chars: list[dict[str, Any]] = []
        left, top = bbox[0], bbox[1]
        for r, row in enumerate(texts):
            boxes: list[tuple[float, float, float, float] | None] = []
            for c, text in enumerate(row):
                if text is None:
                    boxes.append(None)
                    continue
                span = 1
                while c + span < len(row) and row[c + span] is None:
                    span += 1
                box = (left + c * 40, top + r * 50, left + (c + span) * 40, top + (r + 1) * 50)
                boxes.append(box)
                for i, char in enumerate(text):
                    x = box[0] + 1 + i * 3
                    self.chars.append(
                        {
                            "text": char,
                            "x0": x,
                            "x1": x + 2.5,
                            "top": box[1] + 10,
                            "bottom": box[1] + 20,
                        }
                    )
            self.rows.append(_FakeRow(boxes))


class _FakePage:
    def __init__(self, words: list[dict[str, Any]], tables: list[_FakeTable]) -> None:
        self.words = words
        self.tables = tables
        self.chars = [char for table in tables for char in table.chars]

    def find_tables(self) -> list[_FakeTable]:
        return self.tables

    def extract_words(self, keep_blank_chars: bool = False) -> list[dict[str, Any]]:
        return self.words


class _FakePdf:
    def __init__(self, pages: list[_FakePage]) -> None:
        self.pages = pages

    def __enter__(self) -> _FakePdf:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _word(text: str, top: float, x0: float = 10) -> dict[str, Any]:
    return {"text": text, "top": top, "bottom": top + 10, "x0": x0, "x1": x0 + 50}


def test_pdf_reader_with_a_stub_pdfplumber(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ruled tables become grids with spans; other words become lines in page order."""
    values = [str(v) for v in (72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20)]
    table = _FakeTable(
        [["行政复议", None, None, None, None, "行政诉讼", *[None] * 9], values], (0, 300, 600, 400)
    )
    page1 = _FakePage(
        [
            _word("淮安市人民政府2024年政府信息公开工作年度报告", 10),
            _word("四、政府信息公开行政复议、行政诉讼情况", 200),
            _word("- 1 -", 780),
            _word("inside", 350, 100),
        ],
        [table],
    )
    page2 = _FakePage([_word("六、其他需要报告的事项", 10), _word("无。", 30)], [])
    fake = types.ModuleType("pdfplumber")
    fake.open = lambda stream: _FakePdf([page1, page2])  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pdfplumber", fake)
    from govdisclosure._parse.readers.pdf import read_pdf

    layout = read_pdf(b"%PDF")
    assert [type(b).__name__ for b in layout.blocks] == [
        "Paragraph",
        "Paragraph",
        "Table",
        "Paragraph",
        "Paragraph",
    ]
    grid = layout.blocks[2]
    assert isinstance(grid, Table)
    assert (grid.cells[0].colspan, grid.cells[1].colspan, grid.cells[1].col) == (5, 10, 5)
    assert layout.blocks[3].location.page == 2
    path_result = parse_file_bytes(monkeypatch, b"%PDF")
    assert path_result.report.cell("review_litigation.review.total") == 351
    assert path_result.report.cell("review_litigation.litigation_after_review.total") == 20


def parse_file_bytes(monkeypatch: pytest.MonkeyPatch, data: bytes) -> gd.AnnualReport:  # type: ignore[name-defined]
    """Parse ``data`` as a .pdf file through parse_file (the stub module is in place)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        path.write_bytes(data)
        return parse_file(path)  # type: ignore[return-value]
