"""Tests of the rule catalogue: ids, severities, words, and the labels workbooks print."""

from __future__ import annotations

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
