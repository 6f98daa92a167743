"""Tests of the cross-year rules: XY-CARRYOVER, XY-IN-FORCE, XY-COPY, and last year's report."""

from __future__ import annotations

from typing import Any

import attrs

import govdisclosure as gd
from govdisclosure._validation.checks import cross_year

SAMPLE = "qijiang-psb-2023"


def _previous(report: gd.AnnualReport, **cells: Any) -> gd.AnnualReport:
    last = attrs.evolve(report, meta=attrs.evolve(report.meta, year=report.meta.year - 1))
    return last.with_cells({k.replace("__", "."): v for k, v in cells.items()})


def test_carryover() -> None:
    """This year's 上年结转 must equal last year's 结转下年度, column by column."""
    report = gd.examples.load(SAMPLE)
    previous = _previous(report, applications__carried_forward__natural_person=2)
    found = [v for v in gd.validate(report, previous).violations if v.rule_id == "XY-CARRYOVER"]
    assert [v.paths for v in found] == [
        ("applications.carried_over.natural_person", "applications.carried_forward.natural_person")
    ]
    assert (found[0].expected, found[0].actual) == (2, 0)
    assert "2022 年度报告" in found[0].message
    same = gd.validate(report, _previous(report))
    assert not [v for v in same.violations if v.rule_id in ("XY-CARRYOVER", "XY-IN-FORCE")]


def test_carryover_with_blank_is_not_assessed() -> None:
    """A blank on either side leaves that column unassessed."""
    report = gd.examples.load(SAMPLE)
    previous = _previous(report, applications__carried_forward__other_org=None)
    result = gd.validate(report, previous)
    skipped = [n for n in result.not_assessed if n.rule_id == "XY-CARRYOVER"]
    assert [n.blank for n in skipped] == [("applications.carried_forward.other_org",)]


def test_in_force() -> None:
    """现行有效 ≈ last year's + 制发 − 废止, for 规章 and 行政规范性文件."""
    report = gd.examples.load(SAMPLE)  # normative documents: 0 issued, 0 repealed, 1 in force
    previous = _previous(report, proactive_disclosure__normative_documents__in_force=5)
    found = [v for v in gd.validate(report, previous).violations if v.rule_id == "XY-IN-FORCE"]
    assert len(found) == 1
    assert found[0].paths[0] == "proactive_disclosure.normative_documents.in_force"
    assert (found[0].expected, found[0].actual) == (5, 1)
    blank = _previous(report, proactive_disclosure__rules__in_force=None)
    assert "XY-IN-FORCE" in {n.rule_id for n in gd.validate(report, blank).not_assessed}


def test_in_force_skipped_across_formats() -> None:
    """A 2020 report (2019 format) as previous gives no in-force comparison."""
    report = gd.AnnualReport.blank(agency="某某局", year=2021)
    previous = gd.AnnualReport.blank(agency="某某局", year=2020)
    result = gd.validate(report, previous)
    assert "XY-IN-FORCE" not in {v.rule_id for v in result.violations}
    assert "XY-IN-FORCE" not in {n.rule_id for n in result.not_assessed}


def test_copied_text() -> None:
    """A section nearly identical to last year's is XY-COPY, with the similarity."""
    report = gd.examples.load(SAMPLE)
    previous = _previous(report)
    found = [v for v in gd.validate(report, previous).violations if v.rule_id == "XY-COPY"]
    assert {v.paths[0] for v in found} == {"preface", "overview", "problems_improvements"}
    assert all("相似度为 100%" in v.message for v in found)
    rewritten = attrs.evolve(previous, overview=gd.Overview(text="全新的总体情况内容" * 20))
    found = [v for v in gd.validate(report, rewritten).violations if v.rule_id == "XY-COPY"]
    assert "overview" not in {v.paths[0] for v in found}


def test_similarity() -> None:
    """Similarity is 1 for equal texts and low for unrelated ones; whitespace is ignored."""
    assert cross_year.similarity("政府信息公开工作", "政府 信息公开\n工作") == 1.0
    assert cross_year.similarity("政府信息公开工作年度报告", "存在的主要问题及改进情况") < 0.1
