"""Tests of long-form records and data frames."""

from __future__ import annotations

from decimal import Decimal

import pytest

import govdisclosure as gd


def test_records_are_long_form() -> None:
    """One record per cell, with facts, path parts, label and value."""
    old = gd.AnnualReport.blank(agency="旧", year=2020)
    records = gd.to_records([gd.examples.load("qijiang-psb-2023"), old])
    assert len(records) == 200 + 198
    fee = next(r for r in records if r["path"].endswith("amount_10k_yuan"))
    assert fee == {
        "agency": "重庆市綦江区公安局",
        "year": 2023,
        "format_version": "2021",
        "path": "proactive_disclosure.administrative_fees.amount_10k_yuan",
        "section": "proactive_disclosure",
        "row": "administrative_fees",
        "column": "amount_10k_yuan",
        "label": "第二十条第（八）项 行政事业性收费 / 本年收费金额（单位：万元）",
        "value": Decimal(110),
        "unit": "万元",
    }
    assert records[-1]["agency"] == "旧"
    assert records[-1]["value"] is None
    assert records[-1]["unit"] == "件"


def test_records_of_parse_and_read_results() -> None:
    """Parse results and read results give the records of their reports."""
    report = gd.examples.load("qijiang-psb-2023")
    parsed = gd.parse(gd.render(report, kind="markdown"), kind="markdown")
    read = gd.ReadResult(path="q.json", report=report)
    failed = gd.ReadResult(path="x.json", error="x.json: not valid JSON")
    records = gd.to_records([parsed, read, failed])
    assert len(records) == 400
    assert [r["value"] for r in records[:200]] == [r["value"] for r in records[200:]]


def test_records_reject_non_reports() -> None:
    """Only reports become records."""
    with pytest.raises(TypeError, match=r"reports\[0\]"):
        gd.to_records([{}])  # type: ignore[list-item]


def test_frame_long_has_ordered_categories() -> None:
    """The long frame orders rows and columns as the official tables do."""
    pd = pytest.importorskip("pandas")
    frame = gd.to_frame([gd.examples.load("qijiang-psb-2023")])
    assert list(frame.columns) == [
        "agency", "year", "format_version", "agency_level", "published_on", "title", "source",
        "doubts", "path", "section", "row", "column", "label", "value", "unit", "status",
    ]  # fmt: skip
    assert isinstance(frame["row"].dtype, pd.CategoricalDtype)
    assert frame["row"].cat.ordered
    rows = list(frame["row"].cat.categories)
    assert rows.index("new_received") < rows.index("results_total") < rows.index("carried_forward")
    assert "other_processing" in rows
    assert frame.sort_values(["section", "row", "column"])["path"].iloc[0] == (
        "proactive_disclosure.rules.issued"
    )


def test_frame_wide_one_row_per_report() -> None:
    """The wide frame has one row per report and, for two formats, the paths of both."""
    pytest.importorskip("pandas")
    old = gd.AnnualReport.blank(agency="旧", year=2020)
    frame = gd.to_frame([gd.examples.load("qijiang-psb-2023"), old], shape="wide")
    assert list(frame["agency"]) == ["重庆市綦江区公安局", "旧"]
    assert frame.loc[0, "applications.new_received.total"] == 1
    assert "applications.other_processing.total" in frame.columns
    assert frame.columns.get_loc("proactive_disclosure.rules.issued") == 8


def test_frame_bad_shape() -> None:
    """Unknown shapes and non-reports are refused."""
    pytest.importorskip("pandas")
    with pytest.raises(ValueError, match="shape"):
        gd.to_frame([], shape="tall")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        gd.to_frame([{}], shape="wide")  # type: ignore[list-item]
