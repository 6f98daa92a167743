"""Tests of the sums of tables 3 and 4: APP-BALANCE, APP-ROW-TOTAL, APP-RESULTS-TOTAL, RL-TOTAL."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure import _format
from govdisclosure._validation.checks import sums

SAMPLE = "qijiang-psb-2023"
SUM_RULES = ("APP-BALANCE", "APP-ROW-TOTAL", "APP-RESULTS-TOTAL", "RL-TOTAL")


def _is_part_or_total(path: str, version: gd.FormatVersion) -> bool:
    return any(path == s.total or path in dict(s.parts) for s in _format.format_spec(version).sums)


@st.composite
def consistent_reports(draw: st.DrawFn, version: gd.FormatVersion | None = None) -> gd.AnnualReport:
    """Random reports whose every declared sum holds."""
    version = version or draw(st.sampled_from(gd.FormatVersion))
    year = 2020 if version is gd.FormatVersion.V2019 else 2023
    report = gd.AnnualReport.blank(agency="某某局", year=year)
    spec = _format.format_spec(version)
    small = st.integers(0, 40)
    values: dict[str, Any] = {}
    for cell in spec.cells:
        if cell.column == "total" or cell.row in {"results_total", "new_received"}:
            continue
        if cell.kind is _format.CellKind.MONEY:
            values[cell.path] = draw(st.decimals(0, 10**6, places=2))
        elif cell.kind is _format.CellKind.SIGNED:
            values[cell.path] = draw(st.integers(-50, 50))
        else:
            values[cell.path] = draw(small)
    applicants = [c.id for c in _format.APPLICANT_COLUMNS[:-1]]
    for column in applicants:
        done = sum(values[f"applications.{r}.{column}"] for r in _format.RESULT_ROWS[version])
        forward = values[f"applications.carried_forward.{column}"]
        over = min(values[f"applications.carried_over.{column}"], done + forward)
        values[f"applications.carried_over.{column}"] = over
        values[f"applications.new_received.{column}"] = done + forward - over
    return report.with_cells(values).with_totals()


@given(consistent_reports())
def test_consistent_reports_have_no_errors(report: gd.AnnualReport) -> None:
    """A report whose sums hold yields no error and nothing unassessed among the sums."""
    result = gd.validate(report)
    assert result.errors == ()
    assert not [n for n in result.not_assessed if n.rule_id in SUM_RULES]


@given(consistent_reports(), st.data())
def test_any_changed_sum_cell_is_an_error_naming_it(
    report: gd.AnnualReport, data: st.DataObject
) -> None:
    """Changing any cell of a sum by any nonzero amount gives an ERROR naming that cell."""
    version = report.meta.format_version
    paths = [p for p in gd.cell_paths(version) if _is_part_or_total(p, version)]
    path = data.draw(st.sampled_from(paths))
    delta = data.draw(st.integers(-1000, 1000).filter(bool))
    changed = report.with_cell(path, int(report.cell(path) or 0) + delta)
    errors = gd.validate(changed).errors
    assert errors
    assert any(path in e.paths for e in errors)


def test_results_total_message_quotes_the_report() -> None:
    """The message names table, row and column in the report's words, with both figures."""
    report = gd.examples.load(SAMPLE).with_cells(
        {"applications.unable_not_held.natural_person": 7, "applications.unable_not_held.total": 7}
    )
    result = gd.validate(report)
    totals = [v for v in result.errors if v.rule_id == "APP-RESULTS-TOTAL"]
    assert [v.message for v in totals] == [
        "表三“（七）总计”行“自然人”列填报 1，但各办理结果之和为 7（相差 6）。",
        "表三“（七）总计”行“总计”列填报 1，但各办理结果之和为 7（相差 6）。",
    ]
    first = totals[0]
    assert first.paths[0] == "applications.results_total.natural_person"
    assert "applications.unable_not_held.natural_person" in first.paths
    assert (first.expected, first.actual) == (7, 1)
    assert first.severity is gd.Severity.ERROR
    assert "applications.results_total.natural_person" in first.message_en


def test_blank_is_never_read_as_zero() -> None:
    """A sum that would hold only if blanks were 0 is not assessed, not passed or failed."""
    report = gd.AnnualReport.blank(agency="某某局", year=2023).with_cells(
        {"review_litigation.review.upheld": 2, "review_litigation.review.total": 2}
    )
    result = gd.validate(report)
    assert "RL-TOTAL" in {n.rule_id for n in result.not_assessed}
    assert not [v for v in result.violations if v.rule_id == "RL-TOTAL"]


@given(consistent_reports(), st.data())
def test_compiled_sums_agree_with_reference(report: gd.AnnualReport, data: st.DataObject) -> None:
    """The generated straight-line checker finds exactly the sums the plain loop finds."""
    paths = data.draw(
        st.lists(st.sampled_from(gd.cell_paths(report.meta.format_version)), max_size=4)
    )
    changed = report.with_cells(
        {p: data.draw(st.integers(0, 99)) if "amount" not in p else Decimal(1) for p in paths}
    )
    compiled = sums.compiled(report.meta.format_version)
    values = changed.values()
    reference = [k for k in range(len(compiled.sums)) if compiled.check_one(k, values) is not None]
    assert compiled.failing(changed) == reference
