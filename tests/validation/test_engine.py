"""Tests of the engine: what validate takes, and a report that passes."""

from __future__ import annotations

import attrs
import pytest

import govdisclosure as gd

SAMPLE = "qijiang-psb-2023"


def test_sample_passes() -> None:
    """The bundled sample has no findings; only the publication date is unassessed."""
    result = gd.validate(gd.examples.load(SAMPLE))
    assert result.ok
    assert result.violations == ()
    assert [n.rule_id for n in result.not_assessed] == ["PUBLISHED-LATE"]


def test_wrong_types() -> None:
    """Validate takes reports only."""
    with pytest.raises(TypeError):
        gd.validate({})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        gd.validate(gd.examples.load(SAMPLE), {})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("year", "agency", "match"),
    [(2021, "重庆市綦江区公安局", "2022"), (2022, "别的单位", "别的单位")],
)
def test_previous_must_be_last_years_of_the_agency(year: int, agency: str, match: str) -> None:
    """A previous report of another year or agency is an error, not a silent comparison."""
    report = gd.examples.load(SAMPLE)
    previous = attrs.evolve(report, meta=attrs.evolve(report.meta, year=year, agency=agency))
    with pytest.raises(gd.PreviousReportError, match=match):
        gd.validate(report, previous)
