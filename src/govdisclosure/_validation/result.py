"""What a validation finds: findings, skipped checks, and the result that holds them.

:class:`Violation` and :class:`NotAssessed` are the two kinds of finding a check yields;
:class:`ValidationResult` is what :func:`govdisclosure.validate` returns, readable by a
person (``str()``, :meth:`~ValidationResult.lines`, Jupyter's HTML) and by a program
(:meth:`~ValidationResult.to_dict`, :meth:`~ValidationResult.to_json`).
"""

from __future__ import annotations

import enum
import html
import json
from decimal import Decimal
from typing import Any

import attrs

__all__ = ["Finding", "NotAssessed", "Severity", "ValidationResult", "Violation"]


class Severity(str, enum.Enum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


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
    """

    agency: str
    year: int
    violations: tuple[Violation, ...]
    not_assessed: tuple[NotAssessed, ...]

    @property
    def ok(self) -> bool:
        """``True`` when no finding is an error."""
        return not self.errors

    @property
    def errors(self) -> tuple[Violation, ...]:
        """The findings of severity ERROR."""
        return tuple(v for v in self.violations if v.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Violation, ...]:
        """The findings of severity WARNING."""
        return tuple(v for v in self.violations if v.severity is Severity.WARNING)

    def summary(self, lang: str = "zh") -> str:
        """One line: how many errors and warnings, and how many checks were skipped."""
        errors, warnings = len(self.errors), len(self.warnings)
        skipped = len(self.not_assessed)
        if lang == "en":
            verdict = "passes" if self.ok else "fails"
            return (
                f"{self.agency} {self.year}: {verdict}: {errors} error(s), {warnings} warning(s), "
                f"{skipped} check(s) not assessed."
            )
        verdict = "通过" if self.ok else "未通过"
        return (
            f"{self.agency}{self.year}年度报告校验{verdict}：错误 {errors} 个，警告 {warnings} 个，"
            f"未校验 {skipped} 项。"
        )

    def lines(self, lang: str = "zh") -> list[str]:
        """The summary, then one line per finding."""
        out = [self.summary(lang)]
        for v in self.violations:
            if lang == "en":
                out.append(f"[{v.severity.value.upper()}] {v.rule_id}: {v.message_en}")
            else:
                out.append(f"【{_SEVERITY_ZH[v.severity]}】{v.rule_id} {v.message}")
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines("zh"))

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data."""
        return {
            "agency": self.agency,
            "year": self.year,
            "ok": self.ok,
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
