"""Tests of the rule catalogue: ids, severities, words, and the labels workbooks print."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import govdisclosure as gd
from govdisclosure._validation.catalogue import check_label

SUM_RULES = ("APP-BALANCE", "APP-ROW-TOTAL", "APP-RESULTS-TOTAL", "RL-TOTAL")


def test_check_labels_of_the_sum_rules() -> None:
    """Each sum rule has the formula the template's check cells are labelled with."""
    assert {rule_id: check_label(rule_id) for rule_id in SUM_RULES} == {
        "APP-ROW-TOTAL": "校验：总计＝六类申请人之和",
        "APP-RESULTS-TOTAL": "校验：（七）总计＝各项办理结果之和",
        "APP-BALANCE": "校验：第一项＋第二项＝第三项＋第四项（勾稽关系）",
        "RL-TOTAL": "校验：总计＝各项之和",
    }


def test_only_sum_rules_have_a_formula() -> None:
    """A rule without a formula, or an unknown id, is labelled by its id."""
    assert {r.id for r in gd.rules() if r.formula} == set(SUM_RULES)
    assert check_label("CELL-BLANK") == "校验：CELL-BLANK"
    assert check_label("NO-SUCH-RULE") == "校验：NO-SUCH-RULE"


@pytest.mark.parametrize(
    "rule_id", ["APP-BALANCE", "APP-ROW-TOTAL", "APP-RESULTS-TOTAL", "RL-TOTAL"]
)
def test_catalogue_examples_are_real_messages(rule_id: str) -> None:
    """The example message of each sum rule is what the rule says for such a report."""
    base = gd.AnnualReport.blank(agency="某某局", year=2023)
    cases = {
        "APP-BALANCE": {
            "applications.new_received.natural_person": 20,
            "applications.carried_over.natural_person": 2,
            "applications.results_total.natural_person": 20,
            "applications.carried_forward.natural_person": 3,
        },
        "APP-ROW-TOTAL": {
            "applications.new_received.natural_person": 22,
            "applications.new_received.total": 21,
        },
        "APP-RESULTS-TOTAL": {
            "applications.granted.natural_person": 26,
            "applications.results_total.natural_person": 20,
        },
        "RL-TOTAL": {"review_litigation.review.upheld": 4, "review_litigation.review.total": 5},
    }
    filled = dict.fromkeys(gd.cell_paths(), 0) | cases[rule_id]
    result = gd.validate(base.with_cells(filled))
    messages = [v.message for v in result.errors if v.rule_id == rule_id]
    example = next(r for r in gd.rules() if r.id == rule_id).example
    assert example in messages


def test_catalogue() -> None:
    """Every rule id of the contract exists, each with titles and descriptions."""
    ids = [r.id for r in gd.rules()]
    for required in (
        "APP-BALANCE",
        "APP-ROW-TOTAL",
        "APP-RESULTS-TOTAL",
        "RL-TOTAL",
        "CELL-NEGATIVE",
        "CELL-BLANK",
        "META-AGENCY-BLANK",
        "FORMAT-YEAR",
        "XY-CARRYOVER",
        "XY-IN-FORCE",
        "XY-COPY",
        "TEXT-TABLE",
        "FEE-NOT-REPORTED",
        "PUBLISHED-LATE",
        "SECTION-EMPTY",
    ):
        assert required in ids
    assert len(set(ids)) == len(ids)
    for rule in gd.rules():
        assert rule.title
        assert rule.title_en
        assert rule.description
        assert rule.description_en
        assert rule.example
    severities = {r.id: r.severity for r in gd.rules()}
    assert severities["APP-BALANCE"] is gd.Severity.ERROR
    assert severities["CELL-BLANK"] is gd.Severity.WARNING
    assert severities["META-AGENCY-BLANK"] is gd.Severity.WARNING


def _texts(report: gd.AnnualReport, **texts: str) -> gd.AnnualReport:
    return attrs.evolve(
        report,
        overview=gd.Overview(text=texts.get("overview", "总体情况。")),
        problems_improvements=gd.ProblemsImprovements(text=texts.get("problems", "问题。")),
        other_matters=gd.OtherMatters(text=texts.get("other_matters", "无。")),
    )


def _last_year(report: gd.AnnualReport, **cells: object) -> gd.AnnualReport:
    last = attrs.evolve(report, meta=attrs.evolve(report.meta, year=report.meta.year - 1))
    return last.with_cells({k.replace("__", "."): v for k, v in cells.items()})


def _example_cases() -> dict[str, tuple[gd.AnnualReport, gd.AnnualReport | None]]:
    """For each rule other than the sums, a report (and last year's) its example is about."""
    filled = _texts(gd.AnnualReport.blank(agency="某某局", year=2023)).with_cells(
        dict.fromkeys(gd.cell_paths(), 0)
    )
    # 130 distinct characters, the last two rewritten: 125 of 129 shingles shared, 97%.
    text = "".join(chr(0x4E00 + i) for i in range(130))
    late = attrs.evolve(filled.meta, agency_level="department", published_on=dt.date(2024, 2, 5))
    return {
        "CELL-NEGATIVE": (filled.with_cell("applications.granted.natural_person", -1), None),
        "CELL-BLANK": (filled.with_cell("applications.granted.commercial_enterprise", None), None),
        "META-AGENCY-BLANK": (
            attrs.evolve(filled, meta=attrs.evolve(filled.meta, agency=" ")),
            None,
        ),
        "FORMAT-YEAR": (
            _texts(gd.AnnualReport.blank(agency="某某局", year=2023, format_version="2019")),
            None,
        ),
        "XY-CARRYOVER": (
            filled.with_cell("applications.carried_over.natural_person", 2),
            _last_year(filled, applications__carried_forward__natural_person=3),
        ),
        "XY-IN-FORCE": (
            filled.with_cell("proactive_disclosure.normative_documents.in_force", 1),
            _last_year(filled, proactive_disclosure__normative_documents__in_force=5),
        ),
        "XY-COPY": (
            _texts(filled, problems=text),
            _last_year(_texts(filled, problems=text[:-2] + "甲乙")),
        ),
        "TEXT-TABLE": (
            _texts(
                filled.with_cell("applications.new_received.total", 26),
                overview="全年共受理政府信息公开申请25件。",
            ),
            None,
        ),
        "FEE-NOT-REPORTED": (
            filled.with_cell("applications.other_fee_unpaid.natural_person", 2),
            None,
        ),
        "PUBLISHED-LATE": (attrs.evolve(filled, meta=late), None),
        "SECTION-EMPTY": (attrs.evolve(filled, other_matters=gd.OtherMatters()), None),
    }


@pytest.mark.parametrize("rule_id", sorted(_example_cases()))
def test_every_other_example_is_a_real_message(rule_id: str) -> None:
    """The example of each rule beyond the sums is what the rule says for such a report."""
    report, previous = _example_cases()[rule_id]
    result = gd.validate(report, previous)
    messages = [v.message for v in result.violations if v.rule_id == rule_id]
    example = next(r for r in gd.rules() if r.id == rule_id).example
    assert example in messages


def test_every_rule_has_its_example_checked() -> None:
    """No rule's example escapes the two tests above."""
    assert set(_example_cases()) | set(SUM_RULES) == {r.id for r in gd.rules()}
