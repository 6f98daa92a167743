"""Tests of the result: its order, text, data and HTML forms."""

from __future__ import annotations

import json
from decimal import Decimal

import attrs
import pytest

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
    """str() is the verdict, then errors, warnings, the checks skipped; to_dict for machines."""
    result = gd.validate(_bad_sample())
    lines = str(result).splitlines()
    assert lines[0] == "未通过（1 个错误，2 个警告）：重庆市綦江区公安局2023年度报告，未校验 3 项。"
    assert lines[1].startswith("【错误】RL-TOTAL 表四“行政复议”的“总计”填报 3")
    assert lines[2].startswith("【警告】CELL-BLANK 表三“（一）予以公开”行“商业企业”列为空白")
    assert lines[3].startswith("【警告】TEXT-TABLE 正文“因政府信息公开的行政复议0件”")
    assert [line[:5] for line in lines[4:]] == ["【未校验】"] * 3
    english = result.lines("en")
    assert english[0] == (
        "Failed (1 error, 2 warnings): 重庆市綦江区公安局 2023 report; 3 checks not assessed."
    )
    assert english[1].startswith('[ERROR] RL-TOTAL: Table 4, "行政复议", "总计"')
    assert english[2].startswith("[WARNING] CELL-BLANK: Table 3")
    assert english[4].startswith("[NOT ASSESSED] APP-ROW-TOTAL: ")
    data = json.loads(result.to_json())
    assert data["ok"] is False
    assert data["passed"] is False
    assert data["verdict"] == "failed"
    assert data["verdict_text"] == "未通过（1 个错误，2 个警告）"
    assert data["verdict_text_en"] == "Failed (1 error, 2 warnings)"
    assert data["format_version"] == "2021"
    assert [v["rule_id"] for v in data["violations"]] == ["CELL-BLANK", "RL-TOTAL", "TEXT-TABLE"]
    assert data["violations"][1]["expected"] == 0
    assert data["not_assessed"][0]["rule_id"] in {
        "APP-ROW-TOTAL",
        "APP-RESULTS-TOTAL",
        "APP-BALANCE",
    }
    assert [v.rule_id for v in result.warnings] == ["CELL-BLANK", "TEXT-TABLE"]


def _result(*severities: gd.Severity, skipped: int = 0) -> gd.ValidationResult:
    """A result with one finding of each severity given, and ``skipped`` checks skipped."""
    found = tuple(
        gd.Violation(
            rule_id=f"R{i}", severity=s, paths=("a",), message="中文", message_en="english"
        )
        for i, s in enumerate(severities)
    )
    not_assessed = tuple(
        gd.NotAssessed(rule_id=f"S{i}", paths=("a",), reason="原因", reason_en="why")
        for i in range(skipped)
    )
    return gd.ValidationResult(
        agency="某某局", year=2023, violations=found, not_assessed=not_assessed
    )


ERR, WARN, INFO = gd.Severity.ERROR, gd.Severity.WARNING, gd.Severity.INFO


@pytest.mark.parametrize(
    ("severities", "verdict", "zh", "en"),
    [
        ((), gd.Verdict.PASSED, "通过", "Passed"),
        ((INFO,), gd.Verdict.PASSED, "通过", "Passed"),
        ((WARN,), gd.Verdict.NEEDS_ATTENTION, "需处理（1 个警告）", "Needs attention (1 warning)"),
        (
            (WARN, WARN, INFO),
            gd.Verdict.NEEDS_ATTENTION,
            "需处理（2 个警告）",
            "Needs attention (2 warnings)",
        ),
        ((ERR,), gd.Verdict.FAILED, "未通过（1 个错误）", "Failed (1 error)"),
        ((ERR, ERR), gd.Verdict.FAILED, "未通过（2 个错误）", "Failed (2 errors)"),
        (
            (WARN, ERR, WARN),
            gd.Verdict.FAILED,
            "未通过（1 个错误，2 个警告）",
            "Failed (1 error, 2 warnings)",
        ),
    ],
)
def test_verdict(
    severities: tuple[gd.Severity, ...], verdict: gd.Verdict, zh: str, en: str
) -> None:
    """通过 only without errors and warnings; 需处理 with warnings; 未通过 with an error."""
    result = _result(*severities)
    assert result.verdict is verdict
    assert (result.verdict_text(), result.verdict_text("en")) == (zh, en)
    assert result.passed is (verdict is gd.Verdict.PASSED)
    assert result.ok is (verdict is not gd.Verdict.FAILED)
    assert str(result).splitlines()[0] == f"{zh}：某某局2023年度报告。"
    assert result.summary("en") == f"{en}: 某某局 2023 report."


def test_summary_counts_skipped_checks_and_blank_agency() -> None:
    """The summary names the checks skipped, and a blank agency as blank."""
    result = attrs.evolve(_result(WARN, skipped=2), agency=" ")
    assert result.summary() == "需处理（1 个警告）：（机关名称空白）2023年度报告，未校验 2 项。"
    assert result.summary("en") == (
        "Needs attention (1 warning): (agency blank) 2023 report; 2 checks not assessed."
    )
    assert _result(skipped=1).summary("en") == "Passed: 某某局 2023 report; 1 check not assessed."


def test_lines_list_errors_first() -> None:
    """Errors come before warnings and information, whatever the official order."""
    result = _result(INFO, WARN, ERR, skipped=1)
    assert [line[:4] for line in result.lines()[1:]] == [
        "【错误】",
        "【警告】",
        "【提示】",
        "【未校验",
    ]
    assert [line.split(" ")[0] for line in result.lines("en")[1:]] == [
        "[ERROR]",
        "[WARNING]",
        "[INFO]",
        "[NOT",
    ]
    assert [v.rule_id for v in result.violations] == ["R0", "R1", "R2"]


def test_lines_give_the_address_each_cell_was_read_from() -> None:
    """With a workbook's addresses, each line names the cell to go to; without, none."""
    result = _result(ERR, WARN, skipped=1)
    where = {"a": "表三!G17"}
    assert result.lines(addresses=where)[1:] == [
        "【错误】R0 表三!G17：中文",
        "【警告】R1 表三!G17：中文",
        "【未校验】S0 表三!G17：原因",
    ]
    assert result.lines("en", addresses=where)[1:] == [
        "[ERROR] R0 at 表三!G17: english",
        "[WARNING] R1 at 表三!G17: english",
        "[NOT ASSESSED] S0 at 表三!G17: why",
    ]
    assert result.lines(addresses={"b": "表三!D5"}) == result.lines()
    assert result.lines()[1] == "【错误】R0 中文"


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


def test_repr_html_names_cells_by_their_labels() -> None:
    """In Jupyter: the verdict, then the findings, errors first, each cell by its label.

    The path is kept in the title and in a small grey line; the checks skipped are listed
    under a closed <details>.
    """
    page = gd.validate(_bad_sample())._repr_html_()
    assert "未通过（1 个错误，2 个警告）" in page
    body = page[page.index("<tbody>") :]
    assert body.count("<tr") == 3
    assert body.index("RL-TOTAL") < body.index("CELL-BLANK") < body.index("TEXT-TABLE")
    assert ">表三“（一）予以公开”行“商业企业”列<br>" in page
    assert 'title="applications.granted.commercial_enterprise"' in page
    assert '<small style="color:#888"><code>applications.granted.commercial_enterprise' in page
    assert "<details><summary>未校验 3 项（原因）</summary>" in page
    passing = gd.validate(gd.examples.load(SAMPLE))._repr_html_()
    assert "<table" not in passing
    assert ">通过</strong>" in passing


def test_repr_html_names_facts_and_sections() -> None:
    """Findings about a fact or a section name it in words, not by its path."""
    report = gd.examples.load(SAMPLE)
    report = attrs.evolve(
        report, meta=attrs.evolve(report.meta, agency=""), other_matters=gd.OtherMatters()
    )
    page = gd.validate(report)._repr_html_()
    assert ">机关名称<br>" in page
    assert ">六、其他需要报告的事项<br>" in page
    assert "（机关名称空白）2023年度报告" in page
