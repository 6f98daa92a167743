"""Tests of adding reports up."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from strategies import reports

FEE = "other_matters.information_fee_yuan"


def _with_fee(report: gd.AnnualReport, fee: Decimal | None, **meta: str) -> gd.AnnualReport:
    """The report with another 信息处理费 and other report facts."""
    return attrs.evolve(
        report,
        meta=attrs.evolve(report.meta, **meta),
        other_matters=attrs.evolve(report.other_matters, information_fee_yuan=fee),
    )


@given(st.lists(reports(gd.FormatVersion.V2021), min_size=1, max_size=4))
def test_sum_equals_cell_by_cell_sum(items: list[gd.AnnualReport]) -> None:
    """Every cell is the independent sum of the inputs; any blank input makes it blank."""
    items = [attrs.evolve(r, meta=attrs.evolve(r.meta, year=2023)) for r in items]
    result = gd.aggregate(items, agency="合计")
    for path in gd.cell_paths("2021"):
        values = [r.cell(path) for r in items]
        expected = None if None in values else sum(values)  # type: ignore[arg-type]
        assert result.report.cell(path) == expected
        assert (path in result.incomplete) == (None in values)
    fees = [r.other_matters.information_fee_yuan for r in items]
    expected_fee = None if None in fees else sum(fees, Decimal(0))  # type: ignore[arg-type]
    assert result.report.other_matters.information_fee_yuan == expected_fee
    assert (FEE in result.incomplete) == (None in fees)


def test_zero_policy_counts_blanks_as_zero() -> None:
    """blanks="zero" adds the filled inputs and still names the incomplete cells."""
    one = _with_fee(gd.examples.load("qijiang-psb-2023"), Decimal(0), agency="甲", source="a.docx")
    two = _with_fee(one, Decimal(0), agency="乙", source=None)
    two = two.with_cell("applications.new_received.natural_person", None)
    blank = gd.aggregate([one, two], agency="合计")
    zero = gd.aggregate([one, two], agency="合计", blanks="zero")
    assert blank.report.cell("applications.new_received.natural_person") is None
    assert zero.report.cell("applications.new_received.natural_person") == 1
    assert zero.incomplete == {"applications.new_received.natural_person": ("乙",)}
    assert not zero.complete
    all_blank = gd.aggregate([two], agency="合计", blanks="zero")
    assert all_blank.report.cell("applications.new_received.natural_person") == 0


def test_money_is_added_as_decimal() -> None:
    """万元 amounts add up exactly."""
    one = gd.examples.load("qijiang-psb-2023").with_cell(
        "proactive_disclosure.administrative_fees.amount_10k_yuan", Decimal("0.1")
    )
    total = gd.aggregate([one, one, one], agency="合计").report
    assert total.cell("proactive_disclosure.administrative_fees.amount_10k_yuan") == Decimal("0.3")


def test_information_fees_are_added_up() -> None:
    """The 信息处理费 of section 六 adds up exactly, and the sum report states it."""
    # An unpaid fee notice: FEE-NOT-REPORTED would fire if the sum did not state its fee.
    one = gd.examples.load("qijiang-psb-2023").with_cell(
        "applications.other_fee_unpaid.natural_person", 1
    )
    a = _with_fee(one, Decimal(100), agency="甲", source="a.docx")
    b = _with_fee(one, Decimal("50.5"), agency="乙", source="b.pdf")
    result = gd.aggregate([a, b], agency="合计")
    assert result.report.other_matters.information_fee_yuan == Decimal("150.5")
    assert result.report.other_matters.text == ""
    assert result.complete
    assert gd.from_json(gd.to_json(result.report)) == result.report
    assert "FEE-NOT-REPORTED" not in {v.rule_id for v in gd.validate(result.report).violations}


def test_unstated_fee_is_incomplete_under_both_policies() -> None:
    """A report that states no fee blanks the sum by default, counts as 0 with "zero"."""
    one = gd.examples.load("qijiang-psb-2023")
    a = _with_fee(one, Decimal(100), agency="甲", source="a.docx")
    b = _with_fee(one, None, agency="乙", source="b.pdf")
    c = _with_fee(one, None, agency="丙", source=None)
    blank = gd.aggregate([a, b, c], agency="合计")
    zero = gd.aggregate([a, b, c], agency="合计", blanks="zero")
    assert blank.report.other_matters.information_fee_yuan is None
    assert zero.report.other_matters.information_fee_yuan == Decimal(100)
    assert blank.incomplete == zero.incomplete == {FEE: ("乙 (b.pdf)", "丙")}
    assert not blank.complete
    assert not zero.complete


def test_fee_in_the_2019_format_only_when_stated() -> None:
    """The 2019 format did not ask for the fee: unstated everywhere, it is not a blank."""
    blank = gd.AnnualReport.blank(agency="甲", year=2020, format_version="2019")
    result = gd.aggregate([blank, blank], agency="合计", blanks="zero")
    assert result.report.other_matters.information_fee_yuan is None
    assert FEE not in result.incomplete
    stated = _with_fee(blank, Decimal(8), agency="乙")
    result = gd.aggregate([blank, stated], agency="合计", blanks="zero")
    assert result.report.other_matters.information_fee_yuan == Decimal(8)
    assert result.incomplete[FEE] == ("甲",)


def test_incomplete_names_agencies_in_input_order() -> None:
    """Each blank cell names the inputs that left it blank, with the file when known."""
    one = _with_fee(gd.examples.load("qijiang-psb-2023"), Decimal(0))
    path = "applications.granted.total"
    gap = one.with_cell(path, None)
    items = [
        _with_fee(gap, Decimal(0), agency="丙局", source="c.xlsx"),
        _with_fee(one, Decimal(0), agency="甲局", source="a.docx"),
        _with_fee(gap, Decimal(0), agency="乙局", source=None),
        _with_fee(gap, Decimal(0), agency=" ", source=None),
    ]
    result = gd.aggregate(items, agency="合计")
    assert result.incomplete == {path: ("丙局 (c.xlsx)", "乙局", "reports[3]")}
    assert "丙局 (c.xlsx)、乙局、reports[3]" in result._repr_html_()


def test_result_facts() -> None:
    """The sum is a blank-text report of the given agency, year and level."""
    one = _with_fee(gd.examples.load("qijiang-psb-2023"), Decimal(0))
    result = gd.aggregate([one, one], agency="綦江区", agency_level="government", year=2023)
    meta = result.report.meta
    assert (meta.agency, meta.year, meta.agency_level, meta.source) == (
        "綦江区",
        2023,
        gd.AgencyLevel.GOVERNMENT,
        "sum of 2 reports",
    )
    assert result.count == 2
    assert result.complete
    assert gd.validate(result.report).errors == ()
    assert "2 份报告合计" in result._repr_html_()
    assert (
        "在部分报告中为空白"
        in gd.aggregate(
            [one.with_cell("applications.granted.total", None)], agency="x"
        )._repr_html_()
    )


def test_mixed_years_or_formats_are_errors() -> None:
    """Reports of different years or formats cannot be added up; the odd ones are named."""
    a = gd.AnnualReport.blank(agency="甲", year=2023)
    b = gd.AnnualReport.blank(agency="乙", year=2022)
    with pytest.raises(gd.AggregateError) as error:
        gd.aggregate([a, b], agency="合计")
    assert str(error.value) == (
        "the reports are of years 2022 (乙) and 2023 (甲); only reports of one year can be added up"
    )
    with pytest.raises(gd.AggregateError) as error:
        gd.aggregate([a], agency="合计", year=2024)
    assert str(error.value) == (
        "the reports are of year 2023 (甲), not 2024; only reports of one year can be added up"
    )
    c = gd.AnnualReport.blank(agency="丙", year=2023, format_version="2019")
    with pytest.raises(gd.AggregateError) as error:
        gd.aggregate([a, c, a], agency="合计")
    assert str(error.value) == (
        "the reports mix the 2019 (丙) and 2021 (2 reports) formats; "
        "only reports of one format can be added up"
    )


def test_mixed_years_error_names_agency_and_file() -> None:
    """The reports of the odd year are named with their files, five at most."""
    this = gd.AnnualReport.blank(agency="乙", year=2023)
    old = gd.AnnualReport.blank(agency="某某局", year=2019, source="a.docx")
    with pytest.raises(gd.AggregateError) as error:
        gd.aggregate([this, old, this, this], agency="合计")
    assert str(error.value) == (
        "the reports are of years 2019 (某某局, a.docx) and 2023 (3 reports); "
        "only reports of one year can be added up"
    )
    wrong = [attrs.evolve(old, meta=attrs.evolve(old.meta, agency=f"局{i}")) for i in range(7)]
    with pytest.raises(gd.AggregateError) as error:
        gd.aggregate([this, *wrong], agency="合计", year=2023)
    assert str(error.value) == (
        "the reports are of years 2019 (局0, a.docx; 局1, a.docx; 局2, a.docx; 局3, a.docx; "
        "局4, a.docx and 2 more) and 2023 (1 report), not all of 2023; "
        "only reports of one year can be added up"
    )


def test_bad_arguments() -> None:
    """No reports, non-reports and unknown policies are refused."""
    with pytest.raises(gd.AggregateError, match="no reports"):
        gd.aggregate([], agency="合计")
    with pytest.raises(TypeError, match=r"reports\[0\]"):
        gd.aggregate([{}], agency="合计")  # type: ignore[list-item]
    with pytest.raises(ValueError, match="blanks"):
        gd.aggregate([gd.examples.load("qijiang-psb-2023")], agency="合计", blanks="skip")  # type: ignore[arg-type]
