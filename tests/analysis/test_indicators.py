"""Tests of the indicators."""

from __future__ import annotations

from decimal import Decimal

import pytest

import govdisclosure as gd


def _report(**cells: int | None) -> gd.AnnualReport:
    base = gd.AnnualReport.blank(agency="某某局", year=2023)
    values = dict.fromkeys(gd.cell_paths(), 0)
    values.update({k.replace("__", "."): v for k, v in cells.items()})
    return base.with_cells(values)


def test_disclosure_rate() -> None:
    """公开率 = (予以公开 + 部分公开) / 办理结果总计."""
    report = _report(
        applications__granted__total=3,
        applications__partially_granted__total=1,
        applications__results_total__total=8,
    )
    assert gd.indicators(report)["disclosure_rate"] == Decimal("0.5")


def test_review_correction_rate_excludes_pending() -> None:
    """行政复议纠错率 = 纠正 / (总计 − 尚未审结)."""
    report = _report(
        review_litigation__review__corrected=1,
        review_litigation__review__total=5,
        review_litigation__review__pending=1,
    )
    assert gd.indicators(report)["review_correction_rate"] == Decimal("0.25")


def test_litigation_adds_both_groups() -> None:
    """行政诉讼纠错率 adds the two litigation groups."""
    report = _report(
        review_litigation__litigation_direct__corrected=1,
        review_litigation__litigation_direct__total=2,
        review_litigation__litigation_after_review__total=2,
    )
    assert gd.indicators(report)["litigation_correction_rate"] == Decimal("0.25")


def test_blank_or_zero_denominator_is_none() -> None:
    """A blank needed cell or a zero denominator gives None, never a guess."""
    values = gd.indicators(_report(applications__results_total__total=None))
    assert values["disclosure_rate"] is None
    assert gd.indicators(_report())["carry_forward_rate"] is None


def test_sample_values_and_catalogue() -> None:
    """Every catalogued indicator is computed, with its formula documented."""
    values = gd.indicators(gd.examples.load("qijiang-psb-2023"))
    catalogue = gd.indicator_catalogue()
    assert list(values) == [i.name for i in catalogue]
    assert values["natural_person_share"] == Decimal(1)
    assert values["carry_forward_rate"] == Decimal(0)
    assert all(i.formula and i.title and i.title_en for i in catalogue)


def test_wrong_type() -> None:
    """Indicators takes a report."""
    with pytest.raises(TypeError):
        gd.indicators({})  # type: ignore[arg-type]
