"""Validation: one engine, the rules as data, findings an official can act on.

:func:`validate` runs every rule of the catalogue (:func:`~govdisclosure.rules`) on a report
and returns a :class:`~govdisclosure.ValidationResult`. The sums of tables 3 and 4 come from
the format declarations (:mod:`govdisclosure._format`); a sum with a blank contributor is not
assessed, and the blank cell is reported once, as ``CELL-BLANK``, so that a blank never
causes a false sum error.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from govdisclosure._model.report import AnnualReport
from govdisclosure._validation.catalogue import rule_by_id, rules
from govdisclosure._validation.checks.sums import failing_sums
from govdisclosure._validation.context import Context
from govdisclosure._validation.result import Finding, NotAssessed, ValidationResult, Violation
from govdisclosure._validation.rule import Rule
from govdisclosure.errors import PreviousReportError

__all__ = ["check_cross_year", "check_sums", "validate"]


def validate(
    report: AnnualReport,
    previous: AnnualReport | None = None,
    *,
    computed: Collection[str] = (),
) -> ValidationResult:
    """Check a report against every rule of the catalogue.

    Args:
        report: the report to check.
        previous: the same agency's report for the year before, for the cross-year rules
            (``XY-*``); without it they do not run.
        computed: the cell paths the report's source computes from other cells, such as
            the 总计 formulas of a filled :func:`excel_template`. Such a cell, blank because
            a cell it is the declared sum of is blank, is not reported blank by itself:
            only the cell to fill in is (``CELL-BLANK``).

    Returns:
        The findings, in the official order of their first cell, and the checks skipped.

    Raises:
        PreviousReportError: ``previous`` is not the same agency's report for ``year - 1``.
        TypeError: ``report`` or ``previous`` is not an :class:`AnnualReport`.

    >>> import govdisclosure as gd
    >>> result = gd.validate(gd.examples.load("qijiang-psb-2023"))
    >>> result.ok, len(result.violations)
    (True, 0)
    >>> bad = gd.examples.load("qijiang-psb-2023").with_cell(
    ...     "applications.results_total.natural_person", 2
    ... )
    >>> for error in gd.validate(bad).errors:
    ...     print(error.rule_id, error.paths[0])
    APP-RESULTS-TOTAL applications.results_total.natural_person
    APP-ROW-TOTAL applications.results_total.total
    APP-BALANCE applications.carried_forward.natural_person
    """
    if not isinstance(report, AnnualReport):
        raise TypeError(f"validate takes an AnnualReport, got {type(report).__name__}")
    if previous is not None:
        _check_previous(report, previous)
    return _run(
        report,
        previous,
        lambda rule: previous is not None or not rule.needs_previous,
        frozenset(computed),
    )


def check_cross_year(report: AnnualReport, previous: AnnualReport) -> ValidationResult:
    """Run only the cross-year rules (``XY-*``): :func:`validate`'s part that needs ``previous``.

    A year-on-year comparison of many reports needs these alone; the single-year rules
    have run on each report already.

    Raises:
        PreviousReportError: ``previous`` is not the same agency's report for ``year - 1``.
    """
    if not isinstance(report, AnnualReport):
        raise TypeError(f"check_cross_year takes an AnnualReport, got {type(report).__name__}")
    _check_previous(report, previous)
    return _run(report, previous, lambda rule: rule.needs_previous)


def _run(
    report: AnnualReport,
    previous: AnnualReport | None,
    select: Callable[[Rule], bool],
    computed: frozenset[str] = frozenset(),
) -> ValidationResult:
    """Run the rules of the catalogue that ``select`` picks; findings in official order."""
    ctx = Context(report, previous, computed)
    violations: list[Violation] = []
    skipped: list[NotAssessed] = []
    for rule in rules():
        if not select(rule):
            continue
        for finding in rule.check(rule, ctx):
            if isinstance(finding, Violation):
                violations.append(finding)
            else:
                skipped.append(finding)
    violations.sort(key=_order(ctx))
    return ValidationResult(
        agency=report.meta.agency,
        year=report.meta.year,
        violations=tuple(violations),
        not_assessed=tuple(skipped),
        format_version=report.meta.format_version,
    )


def check_sums(report: AnnualReport) -> list[Finding]:
    """Run only the declared sums of tables 3 and 4 (the table rules) on a report."""
    ctx = Context(report, None)
    failing = ctx.shared(failing_sums)
    if not failing:
        return []
    return [finding for rule in map(rule_by_id, failing) for finding in rule.check(rule, ctx)]


def _check_previous(report: AnnualReport, previous: AnnualReport) -> None:
    if not isinstance(previous, AnnualReport):
        raise TypeError(f"previous must be an AnnualReport, got {type(previous).__name__}")
    now, then = report.meta, previous.meta
    if then.year != now.year - 1:
        raise PreviousReportError(
            f"previous is the {then.year} report, but the report checked is for {now.year}: "
            f"cross-year rules need the {now.year - 1} report",
            detail_zh=f"所给的上一年度报告是 {then.year} 年度的，而校验的报告是 {now.year} 年度的："
            f"跨年度检查需要 {now.year - 1} 年度的报告",
        )
    if "".join(then.agency.split()) != "".join(now.agency.split()):
        raise PreviousReportError(
            f"previous is {then.agency!r}'s report, but the report checked is {now.agency!r}'s",
            detail_zh=f"所给的上一年度报告是“{then.agency}”的，而校验的报告是“{now.agency}”的",
        )


def _order(ctx: Context) -> Callable[[Violation], tuple[int, int]]:
    """The sort key of findings: the official order of their first cell or section."""
    sections = {s.id: s.number for s in ctx.spec.sections}
    position = ctx.spec.position

    def key(v: Violation) -> tuple[int, int]:
        first = v.paths[0]
        if first in position:
            return sections[ctx.spec.by_path[first].section], position[first]
        return sections.get(first.split(".")[0], 0), -1

    return key
