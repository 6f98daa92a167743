"""Tests of the result: its order, text, data and HTML forms."""

from __future__ import annotations

import json
from decimal import Decimal

import govdisclosure as gd

SAMPLE = "qijiang-psb-2023"


def _bad_sample() -> gd.AnnualReport:
    return gd.examples.load(SAMPLE).with_cells(
        {"review_litigation.review.total": 3, "applications.granted.commercial_enterprise": None}
    )


def test_violations_in_official_order() -> None:
    """Findings come in the official order of their first cell."""
    result = gd.validate(_bad_sample())
    order = [v.paths[0] for v in result.violations]
    positions = [gd.cell_paths().index(p) for p in order]
    assert positions == sorted(positions)


def test_result_text_and_data() -> None:
    """str() is a Chinese summary and a line per finding; to_dict/to_json for machines."""
    result = gd.validate(_bad_sample())
    lines = str(result).splitlines()
    assert (
        lines[0] == "重庆市綦江区公安局2023年度报告校验未通过：错误 1 个，警告 2 个，未校验 3 项。"
    )
    assert lines[1].startswith("【警告】CELL-BLANK 表三“（一）予以公开”行“商业企业”列为空白")
    assert result.lines("en")[0].startswith("重庆市綦江区公安局 2023: fails: 1 error(s)")
    data = json.loads(result.to_json())
    assert data["ok"] is False
    assert [v["rule_id"] for v in data["violations"]] == ["CELL-BLANK", "RL-TOTAL", "TEXT-TABLE"]
    assert data["violations"][1]["expected"] == 0
    assert data["not_assessed"][0]["rule_id"] in {
        "APP-ROW-TOTAL",
        "APP-RESULTS-TOTAL",
        "APP-BALANCE",
    }
    assert [v.rule_id for v in result.warnings] == ["CELL-BLANK", "TEXT-TABLE"]


def test_result_money_is_a_string_in_json() -> None:
    """Decimal values in findings become strings in JSON."""
    violation = gd.Violation(
        rule_id="X",
        severity=gd.Severity.INFO,
        paths=("a",),
        expected=Decimal("1.50"),
        actual=None,
        message="m",
        message_en="m",
    )
    assert violation.to_dict()["expected"] == "1.50"


def test_repr_html() -> None:
    """In Jupyter the result shows as a table of findings, escaped."""
    page = gd.validate(_bad_sample())._repr_html_()
    assert page.count("<tr>") == 4
    assert "RL-TOTAL" in page
    assert "<table>" not in gd.validate(gd.examples.load(SAMPLE))._repr_html_()
