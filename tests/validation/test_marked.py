"""Tests of a validation shown in the report's tables: ``validate(r).with_report(r)``."""

from __future__ import annotations

import re

import attrs
import pytest

import govdisclosure as gd

SAMPLE = "qijiang-psb-2023"


def _report() -> gd.AnnualReport:
    """The sample with an error (表四 行政复议 总计) and a blank cell."""
    return gd.examples.load(SAMPLE).with_cells(
        {"review_litigation.review.total": 3, "applications.granted.commercial_enterprise": None}
    )


def test_marks_are_the_checked_cells_worst_first() -> None:
    """Each finding marks its checked cell; a cell found twice takes the worse level."""
    report = _report()
    marks = gd.validate(report).with_report(report).marks()
    assert set(marks) == {
        "review_litigation.review.total",
        "applications.granted.commercial_enterprise",
    }
    total = marks["review_litigation.review.total"]
    assert total.level == "error"
    assert [line.split(" ")[0] for line in total.note.splitlines()] == ["RL-TOTAL", "TEXT-TABLE"]
    assert marks["applications.granted.commercial_enterprise"].level == "warning"


def test_last_years_cell_is_not_marked_in_this_years_table() -> None:
    """XY-CARRYOVER marks this year's 上年结转, not the 结转下年度 cell of the same path."""
    report = gd.examples.load(SAMPLE)
    last = attrs.evolve(report, meta=attrs.evolve(report.meta, year=2022)).with_cell(
        "applications.carried_forward.natural_person", 3
    )
    marks = gd.validate(report, last).with_report(report).marks()
    assert marks["applications.carried_over.natural_person"].level == "warning"
    assert "applications.carried_forward.natural_person" not in marks


def test_notebook_display_marks_error_cells_red_and_warnings_amber() -> None:
    """In a notebook: the verdict, the findings, then the tables with the cells marked."""
    report = _report()
    page = gd.validate(report).with_report(report)._repr_html_()
    assert page.index("未通过（1 个错误，2 个警告）") < page.index("<h4>")
    error = re.search(
        r'<td class="gd-error" data-path="review_litigation.review.total"[^>]*>', page
    )
    assert error is not None
    assert "background:#fdecea" in error.group(0)
    assert "RL-TOTAL 表四“行政复议”的“总计”填报 3" in error.group(0)
    blank = re.search(
        r'<td class="gd-warning" data-path="applications.granted.commercial_enterprise"[^>]*>—',
        page,
    )
    assert blank is not None
    assert "background:#fff4e0" in blank.group(0)
    assert page.count('class="gd-error"') == 1
    assert page.count('class="gd-warning"') == 1


def test_plain_text_shows_the_findings_and_the_marked_tables() -> None:
    """str() is the result's lines, then the tables with ✗ and ! beside the marked values."""
    report = _report()
    text = str(gd.validate(report).with_report(report))
    assert text.startswith("未通过（1 个错误，2 个警告）：重庆市綦江区公安局2023年度报告")
    review = next(line for line in text.splitlines() if line.startswith("行政复议"))
    assert review.split()[-2:] == ["3", "✗"]
    granted = next(line for line in text.splitlines() if line.startswith("  （一）予以公开"))
    assert granted.split()[1:4] == ["0", "—", "!"]
    assert text.endswith("✗ 错误　! 警告　? 提示")


@pytest.mark.parametrize(
    ("agency", "year", "version"),
    [
        ("别的单位", 2023, "2021"),
        ("重庆市綦江区公安局", 2022, "2021"),
        ("重庆市綦江区公安局", 2023, "2019"),
    ],
)
def test_another_report_is_refused(agency: str, year: int, version: str) -> None:
    """Marks for another report would mislead: another agency, year or format is an error."""
    result = gd.validate(gd.examples.load(SAMPLE))
    other = gd.AnnualReport.blank(agency=agency, year=year, format_version=version)
    with pytest.raises(
        gd.ReportMismatchError, match="the result is about '重庆市綦江区公安局' 2023"
    ):
        result.with_report(other)


def test_mismatch_error_is_a_value_error() -> None:
    """ReportMismatchError is a GovDisclosureError and a ValueError, with a default message."""
    assert issubclass(gd.ReportMismatchError, gd.GovDisclosureError)
    assert issubclass(gd.ReportMismatchError, ValueError)
    assert str(gd.ReportMismatchError()) == (
        "the report is not the one the validation result is about"
    )
