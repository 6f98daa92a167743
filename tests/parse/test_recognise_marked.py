"""The marked reader: what a rendered document states in its marks, and when it is not one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

import govdisclosure as gd
from govdisclosure._parse import WarningCode, parse

SAMPLE = gd.examples.load("qijiang-psb-2023")
MARKDOWN = gd.render(SAMPLE, kind="markdown")
SOURCE = "meta.source: "


def _with_property(name: str, value: str) -> str:
    """The sample's Markdown with one more line in its front matter."""
    return MARKDOWN.replace(SOURCE, f"{name}: {value}\n{SOURCE}", 1)


def test_unknown_agency_level_warns_and_is_left_out() -> None:
    """A meta.agency_level that names no level is a metadata warning, and the level is None."""
    document = MARKDOWN.replace("meta.agency_level: department", "meta.agency_level: 县委")
    result = parse(document, "markdown")
    assert result.report.meta.agency_level is None
    assert [w.code for w in result.warnings] == [WarningCode.METADATA]
    assert "县委" in result.warnings[0].message


def test_levels_are_read_in_every_spelling() -> None:
    """The level reads in any spelling the vocabulary knows (政府部门, 人民政府, government)."""
    for spelling, level in (("人民政府", "government"), ("政府部门", "department")):
        document = MARKDOWN.replace(
            "meta.agency_level: department", f"meta.agency_level: {spelling}"
        )
        assert parse(document, "markdown").report.meta.agency_level == gd.AgencyLevel(level)


def test_publication_date_is_read_from_the_signature_or_the_properties() -> None:
    """The signature's date is the report's, with its source; a property that is no date warns."""
    result = parse(MARKDOWN + "\n2024年1月17日\n", "markdown")
    assert result.report.meta.published_on == dt.date(2024, 1, 17)
    assert result.report.other_matters == SAMPLE.other_matters  # the signature is not text
    assert result.source_of("meta.published_on").raw == "2024年1月17日"  # type: ignore[union-attr]
    result = parse(_with_property("meta.published_on", "2024-01-17"), "markdown")
    assert result.report.meta.published_on == dt.date(2024, 1, 17)
    assert result.report.other_matters == SAMPLE.other_matters  # no date under the name
    result = parse(_with_property("meta.published_on", "2024-13-17"), "markdown")
    assert result.report.meta.published_on is None
    assert [w.code for w in result.warnings] == [WarningCode.METADATA]


def test_a_signature_dated_otherwise_than_the_properties_wins_with_a_warning() -> None:
    """A date retyped in the signature is the date; the stale property is warned about."""
    published = attrs.evolve(
        SAMPLE, meta=attrs.evolve(SAMPLE.meta, published_on=dt.date(2024, 1, 26))
    )
    document = gd.render(published, kind="markdown").replace("2024年1月26日", "2024年1月29日")
    result = parse(document, "markdown")
    assert result.report.meta.published_on == dt.date(2024, 1, 29)
    assert result.report.other_matters == SAMPLE.other_matters
    assert [w.code for w in result.warnings] == [WarningCode.METADATA]


def test_fee_property_is_read_or_warned_about() -> None:
    """An other_matters.information_fee_yuan property is the fee; one that is no amount warns."""
    result = parse(_with_property("other_matters.information_fee_yuan", "380"), "markdown")
    assert result.report.other_matters.information_fee_yuan == Decimal(380)
    result = parse(_with_property("other_matters.information_fee_yuan", "三百八十元"), "markdown")
    assert result.report.other_matters.information_fee_yuan is None
    assert [w.code for w in result.warnings] == [WarningCode.METADATA]


def test_procurement_unit_of_a_2019_report_reads_back() -> None:
    """The unit of a 2019 report's 采购总金额 travels as a property and reads back."""
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
    document = gd.render(report, kind="markdown")
    assert "\nproactive_disclosure.central_procurement.amount_unit: 元\n" in document
    parsed = parse(document, "markdown").report
    assert parsed.proactive_disclosure.central_procurement.amount_unit == "元"  # type: ignore[attr-defined]
    assert parsed == report


def test_table_without_figures_is_reported() -> None:
    """A marked table whose labels were edited and that holds no figure warns it was not found."""
    row = "| " + " | ".join(["0"] * 15) + " |"
    document = MARKDOWN.replace("| 行政复议 |", "| 复议 |", 1).replace(row, "| 无 |", 1)
    result = parse(document, "markdown")
    assert result.report.meta.source == SAMPLE.meta.source
    assert result.report.cell("review_litigation.review.total") is None
    first, *cells = result.warnings
    assert first.code == WarningCode.TABLE_NOT_FOUND
    assert "表四" in first.message
    # Each blank cell of the table is named by a warning of its own.
    t4 = [p for p in gd.cell_paths(gd.FormatVersion.V2021) if p.startswith("review_litigation.")]
    assert [w.path for w in cells] == t4
    assert all("表四 was not found" in w.message for w in cells)


def test_front_matter_is_read_strictly() -> None:
    """A block that is not all name: value lines is text, not facts; facts come from the print."""
    document = MARKDOWN.replace("meta.year: 2023\n", "报告年度：2023\n", 1)
    result = parse(document, "markdown", source="report.md")
    assert result.report.meta.source == "report.md"
    assert result.report.meta.year == 2023
    assert result.report.applications == SAMPLE.applications


def test_a_format_that_is_no_version_is_warned_about() -> None:
    """An unknown meta.format_version sets the properties aside: the print's facts are read."""
    document = MARKDOWN.replace("meta.format_version: 2021", "meta.format_version: 30号")
    result = parse(document, "markdown", source="report.md")
    assert result.report.meta.format_version is gd.FormatVersion.V2021
    assert result.report.meta.source == "report.md"
    assert [w.code for w in result.warnings] == [WarningCode.METADATA]


def test_incomplete_marks_fall_back_to_key_phrases() -> None:
    """A rendered document whose marks are incomplete is read like any published one.

    Prose that is not a note in a table section, or a section heading made plain text: the
    key-phrase recogniser reads it (meta.source is then the caller's).
    """
    for document in (
        MARKDOWN.replace("备注：因本年度", "说明：因本年度"),
        MARKDOWN.replace("## 五、", "五、"),
    ):
        result = parse(document, "markdown", source="report.md")
        assert result.report.meta.source == "report.md"
        assert result.report.applications == SAMPLE.applications


def test_the_callers_year_and_agency_win() -> None:
    """A year or agency the caller gives is used, with a warning where the document differs."""
    result = parse(MARKDOWN, "markdown", year=2024, agency="某某局")
    assert (result.report.meta.year, result.report.meta.agency) == (2024, "某某局")
    assert [w.code for w in result.warnings] == [WarningCode.METADATA]
