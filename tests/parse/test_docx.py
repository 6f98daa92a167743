"""The Word reader: a .docx of the seed report, merged cells kept as spans."""

from __future__ import annotations

from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure._parse import parse_file
from govdisclosure._parse.layout import Table
from govdisclosure._parse.readers.text import read_text

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
QIJIANG = (CORPUS / "qijiang-psb-2023.txt").read_text("utf-8")


def _docx_bytes(tmp_path: Path) -> Path:
    docx = pytest.importorskip("docx")
    layout = read_text(QIJIANG)
    document = docx.Document()
    document.add_heading("重庆市綦江区公安局2023年政府信息公开工作年度报告", level=1)
    for block in layout.blocks[2:]:
        if isinstance(block, Table):
            rows = block.rows()
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell.text
        else:
            document.add_paragraph(block.text)
    # A merged header: 行政复议 over five columns, 结果维持 over two rows.
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1))
    table.cell(0, 2).merge(table.cell(1, 2))
    table.cell(0, 0).text = "合并"
    path = tmp_path / "report.docx"
    document.save(str(path))
    return path


def test_docx_reader(tmp_path: Path) -> None:
    """A Word file of the seed report parses to the bundled sample's tables and texts."""
    path = _docx_bytes(tmp_path)
    result = parse_file(path)
    example = gd.examples.load("qijiang-psb-2023")
    assert result.kind == "docx"
    assert result.report.applications == example.applications
    assert result.report.proactive_disclosure == example.proactive_disclosure
    assert result.report.review_litigation == example.review_litigation
    assert result.report.overview == example.overview
    from govdisclosure._parse.readers.docx import read_docx

    last = read_docx(path.read_bytes()).blocks[-1]
    assert isinstance(last, Table)
    assert [(c.text, c.row, c.col, c.rowspan, c.colspan) for c in last.cells] == [
        ("合并", 0, 0, 1, 2),
        ("", 0, 2, 2, 1),
        ("", 1, 0, 1, 1),
        ("", 1, 1, 1, 1),
    ]


def test_docx_custom_properties_become_the_layouts_properties() -> None:
    """The custom document properties of a Word file are the layout's properties."""
    pytest.importorskip("docx")
    from govdisclosure._parse.readers.docx import read_docx

    report = gd.examples.load("qijiang-psb-2023")
    layout = read_docx(gd.render(report, "docx"))
    assert layout.properties["meta.agency"] == "重庆市綦江区公安局"
    assert layout.properties["meta.format_version"] == "2021"
