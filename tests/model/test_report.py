"""Tests of the report model: construction, cells, immutability, totals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given

import govdisclosure as gd
from strategies import reports


def test_blank_report_has_every_cell_blank() -> None:
    """A blank report holds None in every cell, never 0."""
    report = gd.AnnualReport.blank(agency="某某局", year=2023)
    values = [value for _, value in report.cells()]
    assert len(values) == 200
    assert all(value is None for value in values)
    assert report.filled_count() == 0


def test_blank_report_takes_the_format_of_its_year() -> None:
    """2020 reports get the 2019 tables; 2021 reports the 2021 tables."""
    old = gd.AnnualReport.blank(agency="某某局", year=2020)
    new = gd.AnnualReport.blank(agency="某某局", year=2021)
    assert type(old.proactive_disclosure) is gd.ProactiveDisclosure2019
    assert type(old.applications) is gd.Applications2019
    assert type(new.proactive_disclosure) is gd.ProactiveDisclosure2021
    assert type(new.applications) is gd.Applications2021


def test_blank_report_with_explicit_format_and_meta() -> None:
    """A format and further facts may be given; strings become enums."""
    report = gd.AnnualReport.blank(
        agency="某某区人民政府",
        year=2021,
        format_version="2019",
        agency_level="government",
        published_on=dt.date(2022, 3, 30),
    )
    assert report.meta.format_version is gd.FormatVersion.V2019
    assert report.meta.agency_level is gd.AgencyLevel.GOVERNMENT
    assert len(list(report.cells())) == 198


def test_wrong_table_variant_cannot_be_constructed() -> None:
    """A 2021 report holding the 2019 table 2 is refused."""
    meta = gd.ReportMeta(agency="某某局", year=2023)
    with pytest.raises(gd.InvalidReportError, match="ProactiveDisclosure2021"):
        gd.AnnualReport(meta=meta, proactive_disclosure=gd.ProactiveDisclosure2019())
    with pytest.raises(gd.InvalidReportError, match="Applications2021"):
        gd.AnnualReport(meta=meta, applications=gd.Applications2019())


def test_rows_build_by_keyword() -> None:
    """Rows are built by keyword; unnamed cells stay blank."""
    row = gd.ApplicantRow(natural_person=3, total=3)
    assert (row.natural_person, row.commercial_enterprise, row.total) == (3, None, 3)


@pytest.mark.parametrize("bad", ["3", 3.0, True, Decimal(3)])
def test_count_cells_reject_other_types(bad: object) -> None:
    """A count cell takes int or None only (not str, float, bool or Decimal)."""
    with pytest.raises(gd.InvalidReportError, match=r"ApplicantRow\.total"):
        gd.ApplicantRow(total=bad)  # type: ignore[arg-type]


def test_money_cells_take_decimal_and_int() -> None:
    """Money is Decimal; a whole int is converted; floats and NaN are refused."""
    assert gd.FeeAmount(amount_10k_yuan=110).amount_10k_yuan == Decimal(110)
    assert type(gd.FeeAmount(amount_10k_yuan=110).amount_10k_yuan) is Decimal
    with pytest.raises(gd.InvalidReportError, match=r"Decimal\(repr\(x\)\)"):
        gd.FeeAmount(amount_10k_yuan=1.5)  # type: ignore[arg-type]
    with pytest.raises(gd.InvalidReportError):
        gd.FeeAmount(amount_10k_yuan=Decimal("NaN"))


def test_text_fields_are_checked() -> None:
    """Texts must be str; notes a sequence of str (a list becomes a tuple)."""
    with pytest.raises(gd.InvalidReportError, match=r"Overview\.text"):
        gd.Overview(text=None)  # type: ignore[arg-type]
    with pytest.raises(gd.InvalidReportError, match="heading"):
        gd.ProblemsImprovements(heading=5)  # type: ignore[arg-type]
    assert gd.ReviewLitigation(notes=["一", "二"]).notes == ("一", "二")  # type: ignore[arg-type]
    with pytest.raises(gd.InvalidReportError, match="notes"):
        gd.ReviewLitigation(notes=("一", 2))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"agency": 1, "year": 2023}, "agency"),
        ({"agency": "x", "year": "2023"}, "year"),
        ({"agency": "x", "year": 2023, "format_version": "2022"}, "format_version"),
        ({"agency": "x", "year": 2023, "format_version": 2021}, "format_version"),
        ({"agency": "x", "year": 2023, "agency_level": "county"}, "agency_level"),
        ({"agency": "x", "year": 2023, "published_on": "2024-01-31"}, "published_on"),
        ({"agency": "x", "year": 2023, "title": 7}, "title"),
    ],
)
def test_meta_rejects_bad_values(kwargs: dict[str, object], match: str) -> None:
    """ReportMeta names the field whose value is wrong."""
    with pytest.raises(gd.InvalidReportError, match=match):
        gd.ReportMeta(**kwargs)  # type: ignore[arg-type]


def test_report_fields_are_checked() -> None:
    """Sections must be of their classes; the preface a str or None."""
    meta = gd.ReportMeta(agency="x", year=2023)
    with pytest.raises(gd.InvalidReportError, match="overview"):
        gd.AnnualReport(meta=meta, overview="text")  # type: ignore[arg-type]
    with pytest.raises(gd.InvalidReportError, match="preface"):
        gd.AnnualReport(meta=meta, preface=1)  # type: ignore[arg-type]


def test_display_title() -> None:
    """Without a printed title, the customary one is built."""
    meta = gd.ReportMeta(agency="某某局", year=2023)
    assert meta.display_title == "某某局2023年政府信息公开工作年度报告"
    assert attrs.evolve(meta, title="标题").display_title == "标题"


def test_cell_reads_every_section() -> None:
    """cell() reads tables 2, 3 and 4 by path."""
    report = gd.examples.load("qijiang-psb-2023")
    assert report.cell("proactive_disclosure.administrative_penalty.decisions") == 298812
    assert report.cell("proactive_disclosure.administrative_fees.amount_10k_yuan") == Decimal(110)
    assert report.cell("applications.unable_not_held.natural_person") == 1
    assert report.cell("review_litigation.review.total") == 0


def test_cell_unknown_path() -> None:
    """An unknown path raises UnknownPathError with the nearest path."""
    report = gd.AnnualReport.blank(agency="x", year=2023)
    with pytest.raises(gd.UnknownPathError, match=r"applications\.granted\.total"):
        report.cell("applications.granted.totl")
    with pytest.raises(gd.UnknownPathError, match="2021 format"):
        report.cell("applications.other_processing.total")


def test_with_cell_returns_new_report() -> None:
    """with_cell leaves the original unchanged and changes one cell."""
    report = gd.AnnualReport.blank(agency="x", year=2023)
    changed = report.with_cell("applications.granted.total", 5)
    assert changed.cell("applications.granted.total") == 5
    assert report.cell("applications.granted.total") is None
    assert [
        p for (p, a), (_, b) in zip(report.cells(), changed.cells(), strict=True) if a != b
    ] == ["applications.granted.total"]


def test_with_cell_type_errors_name_the_path() -> None:
    """A value of the wrong type names the cell path."""
    report = gd.AnnualReport.blank(agency="x", year=2023)
    with pytest.raises(gd.InvalidReportError, match=r"applications\.granted\.total"):
        report.with_cell("applications.granted.total", "5")  # type: ignore[arg-type]
    with pytest.raises(gd.InvalidReportError, match="amount_10k_yuan"):
        report.with_cell("proactive_disclosure.administrative_fees.amount_10k_yuan", 1.5)  # type: ignore[arg-type]


_HUGE = [
    ("proactive_disclosure.administrative_fees.amount_10k_yuan", Decimal("1E+999999999")),
    ("proactive_disclosure.administrative_fees.amount_10k_yuan", Decimal("1E-999999999")),
    ("proactive_disclosure.administrative_fees.amount_10k_yuan", Decimal("9" * 1001)),
    ("proactive_disclosure.administrative_fees.amount_10k_yuan", 10**1000),
    ("applications.granted.total", 10**1000),
    ("applications.granted.total", -(10**5000)),
]


@pytest.mark.parametrize(("path", "value"), _HUGE, ids=range(len(_HUGE)))
def test_figures_past_a_thousand_digits_are_refused(path: str, value: object) -> None:
    """A figure of more than 1,000 digits is refused naming its path, not written as 1 GB.

    ``Decimal("1E+999999999")`` was accepted, and ``dump`` to JSON wrote a 1 GB file.
    """
    report = gd.AnnualReport.blank(agency="x", year=2023)
    with pytest.raises(gd.InvalidReportError, match="1,000") as caught:
        report.with_cell(path, value)  # type: ignore[arg-type]
    assert str(caught.value).startswith(f"{path}: ")
    assert len(str(caught.value)) < 300
    row = gd.FeeAmount if "amount" in path else gd.ApplicantRow
    field = "amount_10k_yuan" if "amount" in path else "total"
    with pytest.raises(gd.InvalidReportError, match=rf"{row.__name__}\.{field}: .*1,000"):
        row(**{field: value})


def test_figures_of_a_thousand_digits_are_kept() -> None:
    """The bound is the readers' bound: 1,000 digits before or after the point are fine."""
    report = gd.AnnualReport.blank(agency="x", year=2023)
    big = report.with_cells(
        {
            "applications.granted.total": 10**999,
            "proactive_disclosure.administrative_fees.amount_10k_yuan": Decimal("1E-1000"),
        }
    )
    assert big.cell("applications.granted.total") == 10**999
    assert gd.from_json(gd.to_json(big)) == big


def test_with_cell_money_takes_int_and_decimal() -> None:
    """Money cells take Decimal, or int converted to Decimal."""
    report = gd.AnnualReport.blank(agency="x", year=2023)
    path = "proactive_disclosure.administrative_fees.amount_10k_yuan"
    assert report.with_cell(path, Decimal("1.25")).cell(path) == Decimal("1.25")
    assert type(report.with_cell(path, 3).cell(path)) is Decimal
    assert report.with_cell(path, None).cell(path) is None


def test_frozen() -> None:
    """Reports cannot be changed in place."""
    report = gd.AnnualReport.blank(agency="x", year=2023)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.preface = "x"  # type: ignore[misc]


def test_repr_is_short() -> None:
    """The repr names the report and how full it is, not 200 cells."""
    report = gd.examples.load("qijiang-psb-2023")
    assert repr(report) == "<AnnualReport 重庆市綦江区公安局 2023 format=2021 cells=200/200>"


def _parts(report: gd.AnnualReport) -> dict[str, int]:
    """Fill every non-total cell of tables 3 and 4 with distinct small numbers."""
    values: dict[str, int] = {}
    for n, (path, _) in enumerate(report.cells()):
        column = path.rsplit(".", 1)[1]
        if (
            path.startswith("applications.") and column != "total" and "results_total" not in path
        ) or (path.startswith("review_litigation.") and column != "total"):
            values[path] = n % 7
    return values


@pytest.mark.parametrize("year", [2020, 2023])
def test_with_totals_fills_totals_from_parts(year: int) -> None:
    """with_totals computes （七）总计, the 总计 column and table 4's 总计."""
    report = gd.AnnualReport.blank(agency="x", year=year)
    filled = report.with_cells(_parts(report)).with_totals()
    version = report.meta.format_version
    result_rows = gd._format.RESULT_ROWS[version]
    for column in [c.id for c in gd._format.APPLICANT_COLUMNS]:
        expected = sum(filled.cell(f"applications.{row}.{column}") or 0 for row in result_rows)
        assert filled.cell(f"applications.results_total.{column}") == expected
    row_total = sum(
        filled.cell(f"applications.granted.{c.id}") or 0 for c in gd._format.APPLICANT_COLUMNS[:-1]
    )
    assert filled.cell("applications.granted.total") == row_total
    rl = [
        filled.cell(f"review_litigation.review.{o}")
        for o in ("upheld", "corrected", "other", "pending")
    ]
    assert filled.cell("review_litigation.review.total") == sum(v or 0 for v in rl)
    assert filled.cell("applications.carried_forward.total") is not None  # a row total
    assert filled.cell("applications.carried_forward.natural_person") is not None  # a part


def test_with_totals_leaves_filled_totals_unless_overwrite() -> None:
    """Filled totals are kept unless overwrite=True; blank parts block a total."""
    report = gd.AnnualReport.blank(agency="x", year=2023).with_cells(
        {
            "review_litigation.review.upheld": 1,
            "review_litigation.review.corrected": 1,
            "review_litigation.review.other": 1,
            "review_litigation.review.pending": 1,
            "review_litigation.review.total": 9,
            "review_litigation.litigation_direct.upheld": 1,
        }
    )
    assert report.with_totals().cell("review_litigation.review.total") == 9
    assert report.with_totals(overwrite=True).cell("review_litigation.review.total") == 4
    assert report.with_totals().cell("review_litigation.litigation_direct.total") is None
    assert gd.AnnualReport.blank(agency="x", year=2023).with_totals().filled_count() == 0


def test_with_totals_overwrite_recomputes_in_dependency_order() -> None:
    """With overwrite, （七）总计/总计 is computed from recomputed row totals."""
    report = gd.AnnualReport.blank(agency="x", year=2023)
    report = report.with_cells(_parts(report)).with_totals()
    wrong = report.with_cells(
        {"applications.granted.total": 999, "applications.results_total.total": 999}
    )
    fixed = wrong.with_totals(overwrite=True)
    assert fixed == report


@given(reports())
def test_cells_and_with_cells_agree(report: gd.AnnualReport) -> None:
    """Writing every cell's own value back gives an equal report."""
    assert report.with_cells(dict(report.cells())) == report
