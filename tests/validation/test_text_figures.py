"""Tests of TEXT-TABLE: the figures a text states, against the tables."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import govdisclosure as gd

SAMPLE = "qijiang-psb-2023"


def _with_text(text: str, **cells: Any) -> gd.AnnualReport:
    report = gd.examples.load(SAMPLE)
    report = report.with_cells({k.replace("__", "."): v for k, v in cells.items()})
    return attrs.evolve(report, overview=gd.Overview(text=text))


def _text_findings(report: gd.AnnualReport) -> list[gd.Violation]:
    return [v for v in gd.validate(report).violations if v.rule_id == "TEXT-TABLE"]


def test_text_figure_contradicting_the_table() -> None:
    """A stated figure that differs from its cell is reported, quoting the phrase."""
    found = _text_findings(_with_text("全年共受理政府信息公开申请25件，均已按时答复。"))
    assert len(found) == 1
    assert found[0].paths == ("applications.new_received.total", "overview")
    assert (found[0].expected, found[0].actual) == (1, 25)
    assert "全年共受理政府信息公开申请25件" in found[0].message


def test_text_figures_in_chinese_numerals() -> None:
    """Figures written in Chinese numerals are read."""
    found = _text_findings(_with_text("本年度被申请行政复议三件。"))
    assert [(v.expected, v.actual) for v in found] == [(0, 3)]


@pytest.mark.parametrize(
    "text",
    [
        "全年主动公开政府信息114条。",  # no table cell for this figure
        "受理网络问政182件。",  # not an application for disclosure
        "区公安局受理政府信息依申请公开1条，因政府信息公开的行政复议0件。",  # agrees
        "受理政府信息公开申请1件，同意公开答复0件。",  # 答复 qualifies a result, not （七）总计
        "2023年度申请数量较去年回落12.3%。",
    ],
)
def test_no_false_alarms(text: str) -> None:
    """Phrases that do not tie a figure to a cell, or agree with it, give nothing."""
    assert _text_findings(_with_text(text)) == []


def test_review_breakdown_and_litigation_sum() -> None:
    """其中结果维持… belongs to the case type of its clause; 行政诉讼 adds both groups."""
    report = _with_text(
        "政府信息公开行政复议2件，其中结果维持1件、结果纠正1件；政府信息公开行政诉讼3件。",
        review_litigation__review__upheld=2,
        review_litigation__review__total=2,
        review_litigation__litigation_direct__upheld=1,
        review_litigation__litigation_direct__total=1,
        review_litigation__litigation_after_review__pending=2,
        review_litigation__litigation_after_review__total=2,
    )
    found = _text_findings(report)
    assert [(v.paths[0], v.expected, v.actual) for v in found] == [
        ("review_litigation.review.upheld", 2, 1),
        ("review_litigation.review.corrected", 0, 1),
    ]


def test_blank_totals_are_bounded_by_their_parts() -> None:
    """With the total blank, filled parts that already exceed the figure are a contradiction."""
    report = _with_text(
        "予以公开5件。",
        applications__granted__total=None,
        applications__granted__natural_person=7,
    )
    found = _text_findings(report)
    assert [(v.expected, v.actual) for v in found] == [(7, 5)]
    assert "至少为 7" in found[0].message
    fewer = _with_text(
        "予以公开9件。",
        applications__granted__total=None,
        applications__granted__commercial_enterprise=None,
        applications__granted__natural_person=7,
    )
    assert _text_findings(fewer) == []
    assert "TEXT-TABLE" in {n.rule_id for n in gd.validate(fewer).not_assessed}


@pytest.mark.parametrize("digits", [1_001, 5_000])
def test_a_figure_too_long_for_a_count_is_not_read(digits: int) -> None:
    """A figure of more than 1,000 digits is no statement to check.

    5,000 digits raised Python's ``ValueError`` for long integer strings out of ``validate``.
    """
    text = "全年共受理政府信息公开申请" + "9" * digits + "件。"
    assert _text_findings(_with_text(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "一" * 40_000 + "x1件",
        "1," * 40_000 + "x1件",
        "一" * 40_000 + "1件行政复议",
        "1," * 40_000 + "年度x1件",
        "1件。" * 50_000,
        "行政复议1件" * 20_000,
    ],
    ids=["numerals", "commas", "numerals-first", "commas-first", "sentences", "phrases"],
)
def test_hostile_narrative_is_read_in_linear_time(text: str) -> None:
    """Long runs of numerals, digit groups, sentences or phrases are read at once.

    Timed with a generous bound: each of these took more than 10 s (the patterns tried every
    position of a run, and every figure searched back to the text's start for its sentence
    and phrase); they now take a second or two at most.
    """
    import time

    from govdisclosure._format import FormatVersion
    from govdisclosure._validation.checks.text_figures import find_text_figures

    start = time.perf_counter()
    find_text_figures(text, FormatVersion.V2021, "overview")
    assert time.perf_counter() - start < 5.0
