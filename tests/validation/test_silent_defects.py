"""Nothing defective is silent: each defect a clerk met gives a verdict other than 通过.

Issue 14: a county department's clerk was told "校验通过" for a report with three blank 总计
cells, a carry-over that differs from last year's, a 2020 report in the 2021 layout and a
blank 机关名称. Each case here must end in 需处理 or 未通过, and name the defect.
"""

from __future__ import annotations

import attrs
import pytest

import govdisclosure as gd

SAMPLE = "qijiang-psb-2023"


def _sample() -> gd.AnnualReport:
    return gd.examples.load(SAMPLE)


def _with_meta(report: gd.AnnualReport, **changes: object) -> gd.AnnualReport:
    return attrs.evolve(report, meta=attrs.evolve(report.meta, **changes))


def test_the_sample_passes() -> None:
    """The bundled sample has nothing to correct: 通过 (the pin the cases below depart from)."""
    result = gd.validate(_sample())
    assert result.verdict is gd.Verdict.PASSED
    assert result.summary().startswith("通过：")


def test_three_blank_totals() -> None:
    """Three blank 总计 cells: three CELL-BLANK warnings, 需处理（3 个警告）, never 通过."""
    report = _sample().with_cells(
        {
            "applications.new_received.total": None,
            "applications.granted.total": None,
            "review_litigation.review.total": None,
        }
    )
    result = gd.validate(report)
    assert [v.rule_id for v in result.warnings] == ["CELL-BLANK"] * 3
    assert result.verdict is gd.Verdict.NEEDS_ATTENTION
    assert result.verdict_text() == "需处理（3 个警告）"
    assert str(result).startswith("需处理（3 个警告）：重庆市綦江区公安局2023年度报告")
    assert not result.passed


def test_carryover_differs_from_last_year() -> None:
    """This year's 上年结转 other than last year's 结转下年度: XY-CARRYOVER, 需处理."""
    report = _sample()
    last = _with_meta(report, year=2022).with_cell("applications.carried_forward.natural_person", 3)
    result = gd.validate(report, last)
    carryover = [v for v in result.violations if v.rule_id == "XY-CARRYOVER"]
    assert [v.severity for v in carryover] == [gd.Severity.WARNING]
    assert carryover[0].message.startswith("表三“自然人”列“二、上年结转政府信息公开申请数量”填报 0")
    assert result.verdict is not gd.Verdict.PASSED
    assert result.summary().startswith(("需处理（", "未通过（"))


@pytest.mark.parametrize(
    ("year", "layout", "should_be"),
    [(2020, "2021", "2019"), (2023, "2019", "2021"), (2021, "2019", "2021")],
)
def test_layout_of_another_year(year: int, layout: str, should_be: str) -> None:
    """A 2020 report in the 2021 layout, or a 2021+ report in the 2019 one: FORMAT-YEAR."""
    report = gd.AnnualReport.blank(agency="某某局", year=year, format_version=layout)
    report = report.with_cells(dict.fromkeys(gd.cell_paths(layout), 0))
    report = attrs.evolve(
        report,
        overview=gd.Overview(text="总体情况。"),
        problems_improvements=gd.ProblemsImprovements(text="问题。"),
        other_matters=gd.OtherMatters(text="无。"),
    )
    result = gd.validate(report)
    assert [v.rule_id for v in result.violations] == ["FORMAT-YEAR"]
    assert result.violations[0].expected == should_be
    assert result.verdict_text() == "需处理（1 个警告）"
    assert result.verdict_text("en") == "Needs attention (1 warning)"


def test_a_2020_report_read_in_the_2021_layout() -> None:
    """The sample, a 2021-layout report, dated 2020: FORMAT-YEAR names both notices."""
    result = gd.validate(_with_meta(_sample(), year=2020))
    assert result.verdict is gd.Verdict.NEEDS_ATTENTION
    [finding] = result.warnings
    assert finding.message == (
        "2020 年度报告应使用国办公开办函〔2019〕60号规定的 2019 年格式，"
        "但表格是 2021 年格式（国办公开办函〔2021〕30号）。"
    )


@pytest.mark.parametrize("agency", ["", "   ", "\u3000\n"])
def test_blank_agency(agency: str) -> None:
    """An empty or whitespace 机关名称: META-AGENCY-BLANK, 需处理, in both languages."""
    result = gd.validate(_with_meta(_sample(), agency=agency))
    [finding] = result.violations
    assert finding.rule_id == "META-AGENCY-BLANK"
    assert finding.severity is gd.Severity.WARNING
    assert finding.paths == ("meta.agency",)
    assert finding.message == (
        "机关名称为空白：报告没有写明是哪个机关的年度报告。请填写发布报告的机关全称。"
    )
    assert finding.message_en.startswith("The agency name (机关名称) is blank")
    assert result.summary() == "需处理（1 个警告）：（机关名称空白）2023年度报告，未校验 1 项。"
    assert result.summary("en").startswith("Needs attention (1 warning): (agency blank) 2023")


def test_defects_together_fail_with_the_errors_first() -> None:
    """Defects together with an error: 未通过, the error listed before every warning."""
    report = _with_meta(_sample(), agency="", year=2020).with_cells(
        {"applications.granted.total": None, "review_litigation.review.total": 7}
    )
    result = gd.validate(report)
    assert result.verdict is gd.Verdict.FAILED
    lines = str(result).splitlines()
    assert lines[0].startswith("未通过（1 个错误，")
    assert lines[1].startswith("【错误】RL-TOTAL")
    assert {line.split(" ")[0] for line in lines[2 : 2 + len(result.warnings)]} == {
        "【警告】META-AGENCY-BLANK",
        "【警告】FORMAT-YEAR",
        "【警告】CELL-BLANK",
        "【警告】TEXT-TABLE",
    }
