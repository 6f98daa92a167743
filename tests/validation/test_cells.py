"""Tests of the single-cell rules: CELL-NEGATIVE and CELL-BLANK."""

from __future__ import annotations

import govdisclosure as gd
from govdisclosure._format import FormatVersion, format_spec

SAMPLE = "qijiang-psb-2023"


def test_blank_cell_blocks_its_sums_and_is_reported_once() -> None:
    """A blank contributor: no sum error, one CELL-BLANK, and the sums not assessed."""
    report = gd.examples.load(SAMPLE).with_cell("applications.granted.natural_person", None)
    result = gd.validate(report)
    assert result.errors == ()
    blank = [v for v in result.violations if v.rule_id == "CELL-BLANK"]
    assert [v.paths for v in blank] == [("applications.granted.natural_person",)]
    assert blank[0].severity is gd.Severity.WARNING
    skipped = {
        n.rule_id for n in result.not_assessed if "applications.granted.natural_person" in n.blank
    }
    assert skipped == {"APP-ROW-TOTAL", "APP-RESULTS-TOTAL"}
    reason = next(n for n in result.not_assessed if n.rule_id == "APP-ROW-TOTAL")
    assert "为空白" in reason.reason
    assert "blank" in reason.reason_en


def test_cell_negative() -> None:
    """Negative counts are errors; signed 2019 changes are not."""
    report = gd.examples.load(SAMPLE).with_cell(
        "proactive_disclosure.administrative_coercion.decisions", -3
    )
    negative = [v for v in gd.validate(report).errors if v.rule_id == "CELL-NEGATIVE"]
    assert [v.paths for v in negative] == [
        ("proactive_disclosure.administrative_coercion.decisions",)
    ]
    assert negative[0].message == "表二“行政强制”行“本年处理决定数量”列填报 -3，不能为负数。"
    old = gd.AnnualReport.blank(agency="某某局", year=2020).with_cell(
        "proactive_disclosure.administrative_licensing.change", -8
    )
    assert not [v for v in gd.validate(old).violations if v.rule_id == "CELL-NEGATIVE"]


def test_computed_total_blank_from_a_blank_part_is_not_reported() -> None:
    """A formula 总计 left blank by a blank cell it adds up: one CELL-BLANK, for that cell.

    The template's totals are formulas the clerk cannot type in; telling them to fill in 0
    there would be wrong. Without ``computed`` every blank cell is reported, as for a
    published document, where the total is a figure of its own.
    """
    blank = "applications.denied_state_secret.public_welfare_org"
    totals = {
        "applications.denied_state_secret.total",
        "applications.results_total.public_welfare_org",
        "applications.results_total.total",
    }
    report = gd.examples.load(SAMPLE).with_cells(dict.fromkeys([blank, *totals]))
    computed = {s.total for s in format_spec(FormatVersion.V2021).sums if s.fills_total}

    def blanks(result: gd.ValidationResult) -> set[str]:
        return {v.paths[0] for v in result.violations if v.rule_id == "CELL-BLANK"}

    assert blanks(gd.validate(report)) == {blank, *totals}
    assert blanks(gd.validate(report, computed=computed)) == {blank}
    # A computed total blank while its parts are all filled is reported: nothing explains it.
    alone = gd.examples.load(SAMPLE).with_cell("applications.granted.total", None)
    assert blanks(gd.validate(alone, computed=computed)) == {"applications.granted.total"}
