"""The marked reader: what a rendered document states in its marks, and when it is not one."""

from __future__ import annotations

from decimal import Decimal

import attrs

import govdisclosure as gd
from govdisclosure._parse import WarningCode, parse

SAMPLE = gd.examples.load("qijiang-psb-2023")
MARKDOWN = gd.render(SAMPLE, kind="markdown")
SOURCE = "| 来源 |"


def _with_row(label: str, value: str) -> str:
    """The sample's Markdown with one more row in its report-information table."""
    return MARKDOWN.replace(SOURCE, f"| {label} | {value} |\n{SOURCE}", 1)


def test_unknown_agency_level_warns_and_is_left_out() -> None:
    """A 单位层级 that names no level is a metadata warning, and the level is None."""
    result = parse(MARKDOWN.replace("| 单位层级 | 政府部门 |", "| 单位层级 | 县委 |"), "markdown")
    assert result.report.meta.agency_level is None
    assert [w.code for w in result.warnings] == [WarningCode.METADATA]
    assert "县委" in result.warnings[0].message


def test_publication_date_is_read_or_warned_about() -> None:
    """A 发布日期 is the report's date with its source; one that is no date is a warning."""
    result = parse(_with_row("发布日期", "2024年1月17日"), "markdown")
    assert str(result.report.meta.published_on) == "2024-01-17"
    assert result.source_of("meta.published_on").raw == "2024年1月17日"  # type: ignore[union-attr]
    result = parse(_with_row("发布日期", "2024年13月17日"), "markdown")
    assert result.report.meta.published_on is None
    assert [w.code for w in result.warnings] == [WarningCode.METADATA]


def test_fee_row_is_read_or_warned_about() -> None:
    """A 信息处理费 row in 元 is the fee; another text is a warning and no fee."""
    result = parse(_with_row("信息处理费", "380元"), "markdown")
    assert result.report.other_matters.information_fee_yuan == Decimal(380)
    assert result.source_of("other_matters.information_fee_yuan").raw == "380元"  # type: ignore[union-attr]
    result = parse(_with_row("信息处理费", "三百八十元"), "markdown")
    assert result.report.other_matters.information_fee_yuan is None
    assert [w.code for w in result.warnings] == [WarningCode.METADATA]


def test_procurement_unit_of_a_2019_report_reads_back() -> None:
    """The 采购金额单位 row of a 2019 report is the central-procurement amount's unit."""
    report = gd.AnnualReport.blank(agency="某某局", year=2019).with_cell(
        "proactive_disclosure.central_procurement.amount", Decimal(251000)
    )
    procurement = attrs.evolve(report.proactive_disclosure.central_procurement, amount_unit="元")  # type: ignore[attr-defined]
    report = attrs.evolve(
        report,
        proactive_disclosure=attrs.evolve(
            report.proactive_disclosure, central_procurement=procurement
        ),
    )
    parsed = parse(gd.render(report, kind="markdown"), "markdown").report
    assert parsed.proactive_disclosure.central_procurement.amount_unit == "元"  # type: ignore[attr-defined]
    assert parsed == report


def test_table_without_figures_is_reported() -> None:
    """A marked table whose labels were edited and that holds no figure warns it was not found."""
    row = "| " + " | ".join(["0"] * 15) + " |"
    document = MARKDOWN.replace("| 行政复议 |", "| 复议 |", 1).replace(row, "| 无 |", 1)
    result = parse(document, "markdown")
    assert result.report.meta.source == SAMPLE.meta.source
    assert result.report.cell("review_litigation.review.total") is None
    assert [w.code for w in result.warnings] == [WarningCode.TABLE_NOT_FOUND]
    assert "表四" in result.warnings[0].message


def test_incomplete_marks_fall_back_to_key_phrases() -> None:
    """A rendered document whose marks are incomplete is read like any published one.

    No report year, prose that is not a note in a table section, or a format that is no
    notice's number: the key-phrase recogniser reads it (meta.source is then the caller's).
    """
    for document in (
        MARKDOWN.replace("| 报告年度 | 2023年度 |\n", ""),
        MARKDOWN.replace("备注：因本年度", "说明：因本年度"),
        MARKDOWN.replace("| 报告格式 | 国办公开办函〔2021〕30号 |", "| 报告格式 | 30号 |"),
    ):
        result = parse(document, "markdown", source="report.md")
        assert result.report.meta.source == "report.md"
        assert result.report.applications == SAMPLE.applications
