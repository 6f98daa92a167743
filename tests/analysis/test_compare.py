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
