"""Tests of the report-level rules: SECTION-EMPTY, FORMAT-YEAR, PUBLISHED-LATE, FEE-NOT-REPORTED."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import govdisclosure as gd

SAMPLE = "qijiang-psb-2023"


def test_blank_table_is_one_section_finding() -> None:
    """A table left wholly blank is one SECTION-EMPTY, not a flood of CELL-BLANK."""
    report = attrs.evolve(gd.examples.load(SAMPLE), review_litigation=gd.ReviewLitigation())
    result = gd.validate(report)
    section = [v for v in result.violations if v.rule_id == "SECTION-EMPTY"]
    assert [v.paths for v in section] == [("review_litigation",)]
    assert not [v for v in result.violations if v.rule_id == "CELL-BLANK"]
    assert not [n for n in result.not_assessed if n.rule_id == "RL-TOTAL"]


def test_empty_text_sections() -> None:
    """Empty 一、五、六 each give SECTION-EMPTY."""
    report = attrs.evolve(
        gd.examples.load(SAMPLE),
        overview=gd.Overview(),
        problems_improvements=gd.ProblemsImprovements(text="  "),
        other_matters=gd.OtherMatters(),
    )
    found = [v.paths[0] for v in gd.validate(report).violations if v.rule_id == "SECTION-EMPTY"]
    assert found == ["overview", "problems_improvements", "other_matters"]


@pytest.mark.parametrize(
    ("year", "version", "expected"),
    [(2023, "2019", "2021"), (2020, "2021", "2019"), (2018, "2019", None), (2023, "2021", "ok")],
)
def test_format_year(year: int, version: str, expected: str | None) -> None:
    """A layout other than the one in force for the year is a FORMAT-YEAR warning."""
    report = gd.AnnualReport.blank(agency="某某局", year=year, format_version=version)
    found = [v for v in gd.validate(report).violations if v.rule_id == "FORMAT-YEAR"]
    if expected == "ok":
        assert found == []
    else:
        assert len(found) == 1
        assert found[0].expected == expected
        assert found[0].actual == version


@pytest.mark.parametrize(
    ("level", "published", "late"),
    [
        ("department", dt.date(2024, 1, 31), False),
        ("department", dt.date(2024, 2, 5), True),
        ("government", dt.date(2024, 3, 31), False),
        ("government", dt.date(2024, 4, 1), True),
    ],
)
def test_published_late(level: str, published: dt.date, late: bool) -> None:
    """Departments publish by 1月31日, governments by 3月31日 of the next year."""
    report = attrs.evolve(
        gd.examples.load(SAMPLE),
        meta=gd.ReportMeta(agency="某某局", year=2023, agency_level=level, published_on=published),
    )
    result = gd.validate(report)
    found = [v for v in result.violations if v.rule_id == "PUBLISHED-LATE"]
    assert bool(found) is late
    if late and level == "department":
        assert (
            found[0].message == "报告于 2024年2月5日 发布，晚于政府部门的法定期限 2024年1月31日"
            "（《条例》第四十九条）5 天。"
        )
    assert "PUBLISHED-LATE" not in {n.rule_id for n in result.not_assessed}


def test_published_late_not_assessed_without_facts() -> None:
    """Without a date or a level the deadline is not checked, and the result says so."""
    result = gd.validate(gd.examples.load(SAMPLE))
    skipped = [n for n in result.not_assessed if n.rule_id == "PUBLISHED-LATE"]
    assert skipped[0].blank == ("meta.published_on",)


def _fee_report(unpaid: int | None, text: str, year: int = 2023) -> gd.AnnualReport:
    report = gd.AnnualReport.blank(agency="某某局", year=year)
    values = dict.fromkeys(gd.cell_paths(report.meta.format_version), 0)
    if year > 2020:
        values["applications.other_fee_unpaid.natural_person"] = unpaid
    return attrs.evolve(report.with_cells(values), other_matters=gd.OtherMatters(text=text))


def test_fee_not_reported() -> None:
    """Unpaid fee notices with nothing on 信息处理费 in 六 is a warning."""
    found = [
        v for v in gd.validate(_fee_report(2, "无。")).violations if v.rule_id == "FEE-NOT-REPORTED"
    ]
    assert len(found) == 1
    assert found[0].actual == 2
    stated = gd.validate(_fee_report(2, "本年度未收取信息处理费。"))
    assert not [v for v in stated.violations if v.rule_id == "FEE-NOT-REPORTED"]
    none = gd.validate(_fee_report(0, "无。"))
    assert not [v for v in none.violations if v.rule_id == "FEE-NOT-REPORTED"]
    blank = gd.validate(_fee_report(None, "无。"))
    assert "FEE-NOT-REPORTED" in {n.rule_id for n in blank.not_assessed}
    old = gd.validate(_fee_report(None, "无。", year=2020))
    assert "FEE-NOT-REPORTED" not in {v.rule_id for v in old.violations}


@pytest.mark.parametrize("year", [0, -1, 9999, 10**20])
@pytest.mark.parametrize("level", list(gd.AgencyLevel))
def test_a_year_without_a_deadline_is_not_assessed(year: int, level: gd.AgencyLevel) -> None:
    """A year no deadline can be computed for: PUBLISHED-LATE not assessed, saying why.

    Year 0 or 9999 with a publication date and a level raised ChineseNumberError out of
    validate.
    """
    report = gd.examples.load(SAMPLE)
    meta = attrs.evolve(
        report.meta, year=year, published_on=dt.date(2024, 1, 20), agency_level=level
    )
    result = gd.validate(attrs.evolve(report, meta=meta))
    (skipped,) = [n for n in result.not_assessed if n.rule_id == "PUBLISHED-LATE"]
    assert skipped.paths == ("meta.year", "meta.published_on", "meta.agency_level")
    assert str(year) in skipped.reason
    assert str(year) in skipped.reason_en
    assert "PUBLISHED-LATE" not in {v.rule_id for v in result.violations}
