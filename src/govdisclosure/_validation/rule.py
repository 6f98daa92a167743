"""A rule of the catalogue: its id, severity, words, and the check that runs it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import attrs

from govdisclosure._validation.context import Context
from govdisclosure._validation.result import Finding, NotAssessed, Severity, Violation

__all__ = ["Check", "Rule"]


@attrs.frozen(kw_only=True)
class Rule:
    """A rule of the catalogue.

    Attributes:
        id: the stable rule id, e.g. ``APP-BALANCE``.
        severity: the severity of its findings.
        title: a short title in Chinese.
        title_en: the same in English.
        description: what it checks, in Chinese.
        description_en: the same in English.
        example: an example message, in Chinese.
        needs_previous: whether it runs only when last year's report is given.
        formula: for a rule over the declared sums, the relation it checks in short, as a
            workbook prints it beside its check cells (``总计＝六类申请人之和``); else
            ``None``.
    """

    id: str
    severity: Severity
    title: str
    title_en: str
    description: str
    description_en: str
    example: str
    needs_previous: bool = False
    formula: str | None = None
    check: Check = attrs.field(repr=False, eq=False)

    def violation(
        self,
        paths: Iterable[str],
        message: str,
        message_en: str,
        *,
        expected: object = None,
        actual: object = None,
    ) -> Violation:
        """A finding of this rule."""
        return Violation(
            rule_id=self.id,
            severity=self.severity,
            paths=tuple(paths),
            expected=expected,
            actual=actual,
            message=message,
            message_en=message_en,
        )

    def skipped(
        self, paths: Iterable[str], reason: str, reason_en: str, blank: Iterable[str] = ()
    ) -> NotAssessed:
        """A check of this rule that could not be made."""
        return NotAssessed(
            rule_id=self.id,
            paths=tuple(paths),
            blank=tuple(blank),
            reason=reason,
            reason_en=reason_en,
        )


#: A rule's check: reads the report through the context, yields its findings.
Check = Callable[[Rule, Context], Iterator[Finding]]
