"""Tests of the report's display: plain-text and HTML tables, with marked cells."""

from __future__ import annotations

import re

import govdisclosure as gd
from govdisclosure._model.display import (
    BLANK,
    MARK_LEGEND,
    CellMark,
    format_value,
    render_tables,
    tables_html,
)

SAMPLE = "qijiang-psb-2023"


def test_format_value_with_marks() -> None:
    """A marked value is followed by its level's sign: ✗ error, ! warning, ? info."""
    assert format_value(None) == BLANK
    assert format_value(3) == "3"
    assert format_value(3, CellMark("error")) == "3 ✗"
    assert format_value(None, CellMark("warning")) == "— !"
    assert format_value(None, CellMark("info")) == "— ?"


def test_plain_tables_mark_cells_and_explain_the_signs() -> None:
    """Marked plain-text tables show the sign beside the value and end with the legend."""
    report = gd.examples.load(SAMPLE)
    plain = render_tables(report)
    assert MARK_LEGEND not in plain
    marked = render_tables(
        report,
        {
            "review_litigation.review.total": CellMark("error"),
            "proactive_disclosure.administrative_penalty.decisions": CellMark("warning"),
        },
    )
    review = next(line for line in marked.splitlines() if line.startswith("行政复议"))
    assert review.split()[-2:] == ["0", "✗"]
    penalty = next(line for line in marked.splitlines() if line.startswith("行政处罚"))
    assert penalty.split() == ["行政处罚", "298812", "!"]
    assert marked.endswith(MARK_LEGEND)
    assert MARK_LEGEND == "✗ 错误　! 警告　? 提示"


def _cell(page: str, path: str) -> str:
    """The opening tag of the HTML cell of ``path``."""
    match = re.search(rf'<td[^>]*data-path="{re.escape(path)}"[^>]*>[^<]*</td>', page)
    assert match is not None, path
    return match.group(0)


def test_html_tables_mark_cells_red_and_amber() -> None:
    """Errors are red, warnings amber, with the note as tooltip; a marked blank shows —."""
    report = gd.examples.load(SAMPLE).with_cell("applications.granted.total", None)
    page = tables_html(
        report,
        {
            "review_litigation.review.total": CellMark("error", "总计不符"),
            "applications.granted.total": CellMark("warning", "空白"),
        },
    )
    error = _cell(page, "review_litigation.review.total")
    assert 'class="gd-error"' in error
    assert "background:#fdecea" in error
    assert 'title="错误：总计不符"' in error
    assert error.endswith(">0</td>")
    warning = _cell(page, "applications.granted.total")
    assert 'class="gd-warning"' in warning
    assert "background:#fff4e0" in warning
    assert warning.endswith(f">{BLANK}</td>")
    assert page.count("data-path=") == 2
    assert "data-path" not in tables_html(report)


def test_html_marks_are_escaped() -> None:
    """A note with markup is shown as text."""
    page = tables_html(
        gd.examples.load(SAMPLE),
        {"review_litigation.review.total": CellMark("info", '<b>"x"</b>')},
    )
    assert 'title="提示：&lt;b&gt;&quot;x&quot;&lt;/b&gt;"' in page
