"""Tests of year-on-year comparison."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import govdisclosure as gd


def _last_year(report: gd.AnnualReport) -> gd.AnnualReport:
    return attrs.evolve(report, meta=attrs.evolve(report.meta, year=report.meta.year - 1))


def test_changes_absolute_and_relative() -> None:
    """Each cell's change is current − previous, and relative to previous."""
    now = gd.examples.load("qijiang-psb-2023")
    before = _last_year(now).with_cells(
        {
            "proactive_disclosure.administrative_licensing.decisions": 147000,
            "applications.carried_over.total": None,
            "proactive_disclosure.rules.in_force": 0,
        }
    )
    result = gd.compare(before, now)
    assert len(result.changes) == 200
    by_path = {c.path: c for c in result.changes}
    licensing = by_path["proactive_disclosure.administrative_licensing.decisions"]
    assert (licensing.previous, licensing.current, licensing.change) == (147000, 147362, 362)
    assert licensing.relative == Decimal(362) / Decimal(147000)
    assert licensing.label == "第二十条第（五）项 行政许可 / 本年处理决定数量"
    blank = by_path["applications.carried_over.total"]
    assert (blank.change, blank.relative) == (None, None)
    zero = by_path["proactive_disclosure.rules.in_force"]
    assert (zero.change, zero.relative) == (0, None)
    assert [c.path for c in result.changed] == [
        "proactive_disclosure.administrative_licensing.decisions",
        "applications.carried_over.total",
    ]


def test_cross_year_findings_are_included() -> None:
    """The XY rules' findings come with the comparison."""
    now = gd.examples.load("qijiang-psb-2023")
    before = _last_year(now).with_cell("applications.carried_forward.natural_person", 4)
    result = gd.compare(before, now)
    assert {v.rule_id for v in result.cross_year} == {"XY-CARRYOVER", "XY-COPY"}
    page = result._repr_html_()
    assert "2022→2023" in page
    assert "+0" not in page
    records = result.to_records()
    assert records[0]["path"] == "proactive_disclosure.rules.issued"


def test_across_formats() -> None:
    """2020 (2019 format) against 2021: every path of either format is listed."""
    before = gd.AnnualReport.blank(agency="某某局", year=2020)
    now = gd.AnnualReport.blank(agency="某某局", year=2021)
    result = gd.compare(before, now)
    paths = {c.path for c in result.changes}
    assert "applications.other_processing.total" in paths
    assert "applications.other_misc.total" in paths


def test_other_agency_is_refused() -> None:
    """Comparing two agencies is an error, as in validate."""
    now = gd.examples.load("qijiang-psb-2023")
    other = attrs.evolve(now, meta=attrs.evolve(now.meta, year=2022, agency="别处"))
    with pytest.raises(gd.PreviousReportError):
        gd.compare(other, now)


def test_str_is_a_chinese_summary() -> None:
    """str(): the change with its label, previous → current and the change, then findings."""
    now = gd.examples.load("qijiang-psb-2023")
    path = "proactive_disclosure.administrative_coercion.decisions"
    result = gd.compare(_last_year(now).with_cell(path, 3000), now)
    text = str(result)
    assert text.splitlines()[:3] == [
        "重庆市綦江区公安局 2022→2023：比较 200 个单元格，1 个有变化。",
        "变化（按变化量从大到小）：",
        "  第二十条第（六）项 行政强制 / 本年处理决定数量：3000 → 3488（+488，+16.3%）",
    ]
    assert "跨年检查发现 3 个问题：" in text
    assert "  XY-COPY：“一、总体情况”与 2022 年度报告" in text
    assert len(text) < 4000
    assert repr(result).startswith("ReportComparison(agency='重庆市綦江区公安局'")


def test_str_ranks_by_size_and_truncates() -> None:
    """Largest change first, changes to or from blank last; past 20, '…另有 N 处变化'."""
    now = gd.examples.load("qijiang-psb-2023")
    before = _last_year(now).with_cells(
        {
            "applications.new_received.natural_person": 5,
            "proactive_disclosure.administrative_penalty.decisions": 1,
            "proactive_disclosure.administrative_fees.amount_10k_yuan": Decimal("10.5"),
            "applications.carried_forward.total": None,
        }
    )
    lines = str(gd.compare(before, now)).splitlines()
    assert lines[2:6] == [
        "  第二十条第（六）项 行政处罚 / 本年处理决定数量：1 → 298812（+298811，+29881100.0%）",
        (
            "  第二十条第（八）项 行政事业性收费 / 本年收费金额（单位：万元）："
            "10.5 → 110（+99.5，+947.6%）"
        ),
        "  一、本年新收政府信息公开申请数量 / 自然人：5 → 1（-4，-80.0%）",
        "  四、结转下年度继续办理 / 总计：— → 0（原为空白）",
    ]
    many = _last_year(now).with_cells(dict.fromkeys(gd.cell_paths(gd.FormatVersion.V2021)[:30]))
    text = str(gd.compare(many, now))
    assert "  …另有 10 处变化" in text
    assert text.count("（原为空白）") == 20


def test_str_without_changes() -> None:
    """No change and no finding: it says both."""
    now = gd.examples.load("qijiang-psb-2023")
    before = attrs.evolve(
        _last_year(now),
        preface=None,
        overview=gd.Overview(text="去年的总体情况。"),
        problems_improvements=gd.ProblemsImprovements(text="去年的问题。"),
    )
    assert str(gd.compare(before, now)).splitlines() == [
        "重庆市綦江区公安局 2022→2023：比较 200 个单元格，0 个有变化，没有变化。",
        "跨年检查未发现问题。",
    ]


def test_str_lists_the_checks_not_made() -> None:
    """Cross-year checks skipped for blank cells are listed with their reasons."""
    now = gd.examples.load("qijiang-psb-2023")
    before = gd.AnnualReport.blank(agency=now.meta.agency, year=2022)
    text = str(gd.compare(before, gd.AnnualReport.blank(agency=now.meta.agency, year=2023)))
    assert "跨年检查有 9 项未能进行：" in text
    assert "  XY-IN-FORCE：表二“规章”行有空白（本年或上年），未作现行有效件数的跨年核对。" in text
