"""What a validation finds: findings, skipped checks, the verdict and the result.

:class:`Violation` and :class:`NotAssessed` are the two kinds of finding a check yields;
:class:`ValidationResult` is what :func:`govdisclosure.validate` returns, readable by a
person (``str()``, :meth:`~ValidationResult.lines`, Jupyter's HTML) and by a program
(:meth:`~ValidationResult.to_dict`, :meth:`~ValidationResult.to_json`). Its
:class:`Verdict` comes first in each form: 通过 only when nothing needs attention.
"""

from __future__ import annotations

import enum
import html
import json
from decimal import Decimal
from typing import Any

import attrs

from govdisclosure._format import FormatVersion

__all__ = [
    "Finding",
    "NotAssessed",
    "Severity",
    "ValidationResult",
    "Verdict",
    "Violation",
]


class Severity(str, enum.Enum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
#: The order findings are listed in for a reader: errors first.
_SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


class Verdict(str, enum.Enum):
    """The judgement a validation gives a report, the first thing an official reads.

    Information findings and checks not assessed do not count; every error and every
    warning does, so that a report with a defect is never said to pass.

    >>> Verdict.NEEDS_ATTENTION.label, Verdict.NEEDS_ATTENTION.label_en
    ('需处理', 'Needs attention')
    """

    #: 通过: no error and no warning.
    PASSED = "passed"
    #: 需处理: warnings only; each is to be checked, corrected or explained before publishing.
    NEEDS_ATTENTION = "needs_attention"
    #: 未通过: at least one error; the report must be corrected.
    FAILED = "failed"

    @property
    def label(self) -> str:
        """The verdict in Chinese: 通过, 需处理 or 未通过."""
        return _VERDICT_WORDS[self][0]

    @property
    def label_en(self) -> str:
        """The verdict in English: Passed, Needs attention or Failed."""
        return _VERDICT_WORDS[self][1]


_VERDICT_WORDS = {
    Verdict.PASSED: ("通过", "Passed"),
    Verdict.NEEDS_ATTENTION: ("需处理", "Needs attention"),
    Verdict.FAILED: ("未通过", "Failed"),
}


def _count_en(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@attrs.frozen(kw_only=True)
class Violation:
    """One finding.

    Attributes:
        rule_id: the rule, e.g. ``APP-BALANCE``.
        severity: error, warning or info.
        paths: every cell path the check involved, the checked (total) cell first. Findings
            about a whole section or a fact of the report name it instead (``overview``,
            ``meta.published_on``).
        expected: the value the check computed, when there is one.
        actual: the value the report gives, when there is one.
        message: Simplified Chinese, naming the table, row and column in the report's words.
        message_en: the same in English.
    """

    rule_id: str
    severity: Severity
    paths: tuple[str, ...]
    expected: Any = None
    actual: Any = None
    message: str
    message_en: str

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data (money as strings)."""
        return {
            "rule_id": self.rule_id,
            "severity": self.severity.value,
            "paths": list(self.paths),
            "expected": _jsonable(self.expected),
            "actual": _jsonable(self.actual),
            "message": self.message,
            "message_en": self.message_en,
        }


@attrs.frozen(kw_only=True)
class NotAssessed:
    """A check that was skipped, and why.

    Attributes:
        rule_id: the rule.
        paths: the cells the check needs, the checked cell first.
        blank: those of ``paths`` that are blank (the reason), if any.
        reason: why, in Chinese.
        reason_en: why, in English.
    """

    rule_id: str
    paths: tuple[str, ...]
    blank: tuple[str, ...] = ()
    reason: str
    reason_en: str

    def to_dict(self) -> dict[str, Any]:
        """The skipped check as JSON-ready data."""
        return {
            "rule_id": self.rule_id,
            "paths": list(self.paths),
            "blank": list(self.blank),
            "reason": self.reason,
            "reason_en": self.reason_en,
        }


#: What a check yields: a finding, or a check it could not make.
Finding = Violation | NotAssessed


def _jsonable(value: object) -> object:
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


@attrs.frozen(kw_only=True)
class ValidationResult:
    """What :func:`validate` found.

    Attributes:
        agency: the report's agency.
        year: the report's year.
        violations: the findings, in the official order of their first cell.
        not_assessed: the checks skipped, with the reason.
        format_version: the format of the report's tables (names the cells in the
            notebook display); ``None`` when not known.

    >>> import govdisclosure as gd
    >>> report = gd.examples.load("qijiang-psb-2023")
    >>> result = gd.validate(report.with_cell("applications.granted.total", None))
    >>> result.verdict, result.ok, result.passed
    (<Verdict.NEEDS_ATTENTION: 'needs_attention'>, True, False)
    >>> print(result.summary())
    需处理（1 个警告）：重庆市綦江区公安局2023年度报告，未校验 3 项。
    >>> print(result.summary("en"))
    Needs attention (1 warning): 重庆市綦江区公安局 2023 report; 3 checks not assessed.
    """

    agency: str
    year: int
    violations: tuple[Violation, ...]
    not_assessed: tuple[NotAssessed, ...]
    format_version: FormatVersion | None = None

    @property
    def ok(self) -> bool:
        """``True`` when no finding is an error (warnings may remain: see :attr:`passed`)."""
        return not self.errors

    @property
    def passed(self) -> bool:
        """``True`` when there is no error and no warning: the verdict is 通过."""
        return self.verdict is Verdict.PASSED

    @property
    def verdict(self) -> Verdict:
        """通过 without errors and warnings, 需处理 with warnings only, 未通过 with an error."""
        if self.errors:
            return Verdict.FAILED
        return Verdict.NEEDS_ATTENTION if self.warnings else Verdict.PASSED

    @property
    def errors(self) -> tuple[Violation, ...]:
        """The findings of severity ERROR."""
        return self._of(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Violation, ...]:
        """The findings of severity WARNING."""
        return self._of(Severity.WARNING)

    def _of(self, severity: Severity) -> tuple[Violation, ...]:
        return tuple(v for v in self.violations if v.severity is severity)

    def _by_severity(self) -> list[Violation]:
        """The findings as a reader takes them: errors, then warnings, then information."""
        return [v for severity in _SEVERITY_ORDER for v in self._of(severity)]

    def verdict_text(self, lang: str = "zh") -> str:
        """The verdict with its counts: 未通过（1 个错误，2 个警告）, 需处理（2 个警告）, 通过.

        >>> import govdisclosure as gd
        >>> result = gd.validate(gd.examples.load("qijiang-psb-2023"))
        >>> result.verdict_text(), result.verdict_text("en")
        ('通过', 'Passed')
        """
        verdict, errors, warnings = self.verdict, len(self.errors), len(self.warnings)
        counts: list[str] = []
        if lang == "en":
            counts += [_count_en(errors, "error")] if errors else []
            counts += [_count_en(warnings, "warning")] if warnings else []
            return f"{verdict.label_en} ({', '.join(counts)})" if counts else verdict.label_en
        counts += [f"{errors} 个错误"] if errors else []
        counts += [f"{warnings} 个警告"] if warnings else []
        return f"{verdict.label}（{'，'.join(counts)}）" if counts else verdict.label

    def summary(self, lang: str = "zh") -> str:
        """One line: the verdict with its counts, the report, and the checks not assessed."""
        skipped = len(self.not_assessed)
        agency = self.agency.strip()
        if lang == "en":
            rest = f"; {_count_en(skipped, 'check')} not assessed" if skipped else ""
            name = agency or "(agency blank)"
            return f"{self.verdict_text('en')}: {name} {self.year} report{rest}."
        rest = f"，未校验 {skipped} 项" if skipped else ""
        name = agency or "（机关名称空白）"
        return f"{self.verdict_text()}：{name}{self.year}年度报告{rest}。"

    def lines(self, lang: str = "zh") -> list[str]:
        """The summary, then the findings (errors, warnings, information), then the skipped.

        Each finding and each check not assessed takes one line, naming its cells in the
        report's own words.
        """
        out = [self.summary(lang)]
        for v in self._by_severity():
            if lang == "en":
                out.append(f"[{v.severity.value.upper()}] {v.rule_id}: {v.message_en}")
            else:
                out.append(f"【{_SEVERITY_ZH[v.severity]}】{v.rule_id} {v.message}")
        for n in self.not_assessed:
            if lang == "en":
                out.append(f"[NOT ASSESSED] {n.rule_id}: {n.reason_en}")
            else:
                out.append(f"【未校验】{n.rule_id} {n.reason}")
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines("zh"))

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data: the verdict first, then the findings."""
        return {
            "agency": self.agency,
            "year": self.year,
            "format_version": self.format_version.value if self.format_version else None,
            "verdict": self.verdict.value,
            "verdict_text": self.verdict_text("zh"),
            "verdict_text_en": self.verdict_text("en"),
            "ok": self.ok,
            "passed": self.passed,
            "violations": [v.to_dict() for v in self.violations],
            "not_assessed": [n.to_dict() for n in self.not_assessed],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The result as JSON text (Chinese unescaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def _repr_html_(self) -> str:
        rows = "".join(
            "<tr>"
            f"<td>{_SEVERITY_ZH[v.severity]}</td><td><code>{html.escape(v.rule_id)}</code></td>"
            f"<td>{html.escape(v.message)}</td>"
            f"<td>{'<br>'.join(f'<code>{html.escape(p)}</code>' for p in v.paths[:3])}"
            f"{'<br>…' if len(v.paths) > 3 else ''}</td>"
            "</tr>"
            for v in self.violations
        )
        table = (
            "<table><thead><tr><th>级别</th><th>规则</th><th>说明</th><th>单元格</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
            if rows
            else ""
        )
        return f"<div><p><strong>{html.escape(self.summary())}</strong></p>{table}</div>"
