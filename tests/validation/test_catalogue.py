"""Tests of the rule catalogue: ids, severities, words, and the labels workbooks print."""

from __future__ import annotations

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
