"""ParseResult in a notebook: the official tables with doubtful cells marked, then warnings."""

from __future__ import annotations

import re
from pathlib import Path

from govdisclosure._model.display import tables_html
from govdisclosure._parse import ParseResult, ParseWarning, parse_file
from govdisclosure._parse.layout import Location

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
MARKED = re.compile(r'<td[^>]*class="gd-doubt"[^>]*title="([^"]*)"[^>]*>([^<]*)</td>')
MARK_ATTRIBUTES = re.compile(r' class="gd-doubt" style="[^"]*" title="[^"]*"')


def test_doubtful_cells_marked() -> None:
    """Cells placed by position are marked with their warning's code; blank cells are not."""
    result = parse_file(CORPUS / "shanghai-kewei-2024.md")
    page = result._repr_html_()
    by_position = [w for w in result.warnings if w.code == "by-position"]
    assert len(by_position) == 10
    marked = MARKED.findall(page)
    assert [code for code, _ in marked] == ["by-position"] * 10
    values = [result.report.cell(w.path or "") for w in by_position]
    assert sorted(text for _, text in marked) == sorted(str(v) for v in values)
    assert "表中 10 个存疑单元格" in page
    assert "\ue000" not in page
    assert "\ue001" not in page


def test_tables_are_the_official_layout() -> None:
    """Without the marks, the tables are those of the report's own display."""
    result = parse_file(CORPUS / "huaian-2024.txt")
    page = result._repr_html_()
    assert len(MARKED.findall(page)) == 2
    assert tables_html(result.report) in MARK_ATTRIBUTES.sub("", page)


def test_warnings_listed_with_code_message_and_location() -> None:
    """Each warning is a row: its code, its message, the line and column, the cell path."""
    result = parse_file(CORPUS / "shanghai-kewei-2024.md")
    page = result._repr_html_()
    rows = re.findall(r"<tr><td><code>([^<]*)</code></td><td>", page)
    assert rows == [w.code for w in result.warnings]
    blank = next(w for w in result.warnings if w.code == "blank-cell")
    assert blank.location is not None
    where = f"第 {blank.location.line} 行第 {blank.location.column + 1} 字"
    assert f"<td>{where}</td><td><code>{blank.path}</code></td>" in page
    assert f"警告（{len(result.warnings)} 条）" in page


def test_no_warnings() -> None:
    """A clean reading says so and marks nothing."""
    result = parse_file(CORPUS / "qijiang-psb-2023.txt")
    page = result._repr_html_()
    assert "解析没有警告" in page
    assert "表中 0 个存疑单元格" in page
    assert not MARKED.findall(page)


def test_text_is_escaped_and_pages_shown() -> None:
    """Messages are escaped; a PDF's page is part of the location; codes joined per cell."""
    report = parse_file(CORPUS / "qijiang-psb-2023.txt").report
    path = "applications.granted.total"
    warnings = (
        ParseWarning(code="skipped-value", message="<b>8</b>?", location=Location(3, 0, 9, 2)),
        ParseWarning(code="by-position", message="行", path=path),
        ParseWarning(code="unknown-label", message="x", path=path),
        ParseWarning(code="metadata", message="no date", path="meta.published_on"),
    )
    page = ParseResult(report=report, warnings=warnings, kind="pdf")._repr_html_()
    assert "&lt;b&gt;8&lt;/b&gt;?" in page
    assert "<b>8</b>" not in page
    assert "第 2 页 第 3 行第 1 字" in page
    assert MARKED.findall(page) == [("by-position; unknown-label", str(report.cell(path)))]
    assert "表中 1 个存疑单元格" in page
