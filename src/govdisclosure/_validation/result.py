"""What a validation finds: findings, skipped checks, the verdict and the result.

:class:`Violation` and :class:`NotAssessed` are the two kinds of finding a check yields;
:class:`ValidationResult` is what :func:`govdisclosure.validate` returns, readable by a
person (``str()``, :meth:`~ValidationResult.lines`, Jupyter's HTML) and by a program
(:meth:`~ValidationResult.to_dict`, :meth:`~ValidationResult.to_json`). Its
:class:`Verdict` comes first in each form: 通过 only when nothing needs attention.
:class:`MarkedReport` shows the findings in the report's own tables.
"""

from __future__ import annotations

import enum
import html
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from govdisclosure import _format
from govdisclosure._format import FormatVersion
from govdisclosure._model.display import CellMark, MarkLevel, render_tables, tables_html
from govdisclosure._validation.locations import place_words
from govdisclosure.errors import ReportMismatchError

if TYPE_CHECKING:
    from govdisclosure._model.report import AnnualReport

__all__ = [
    "Finding",
    "MarkedReport",
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
#: The styles of each verdict and severity in HTML: text colour and background.
_COLOURS = {
    Verdict.PASSED: ("#1b5e20", "#e8f5e9"),
    Verdict.NEEDS_ATTENTION: ("#8a5300", "#fff4e0"),
    Verdict.FAILED: ("#b71c1c", "#fdecea"),
    Severity.ERROR: ("#b71c1c", "#fdecea"),
    Severity.WARNING: ("#8a5300", "#fff4e0"),
    Severity.INFO: ("#0d47a1", "#e8f1fb"),
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


def _at(address: str | None, lang: str) -> str:
    """What a line says between the rule and the message: the address, when known."""
    if lang == "en":
        return f" at {address}" if address else ""
    return f" {address}：" if address else " "


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

    def lines(self, lang: str = "zh", *, addresses: Mapping[str, str] | None = None) -> list[str]:
        """The summary, then the findings (errors, warnings, information), then the skipped.

        Each finding and each check not assessed takes one line, naming its cells in the
        report's own words.

        Args:
            lang: ``"zh"`` or ``"en"``.
            addresses: where the report's cells were read, by path (``{"applications.
                granted.total": "表三!J7"}``, as a workbook gives them). Each line then also
                names the address of its first cell: ``【警告】CELL-BLANK 表三!G17：…``.

        >>> import govdisclosure as gd
        >>> report = gd.examples.load("qijiang-psb-2023")
        >>> result = gd.validate(
        ...     report.with_cell("applications.granted.research_institution", None)
        ... )
        >>> where = {"applications.granted.research_institution": "表三!F7"}
        >>> print(result.lines(addresses=where)[1][:43])
        【警告】CELL-BLANK 表三!F7：表三“（一）予以公开”行“科研机构”列为空白
        """
        places = addresses or {}
        out = [self.summary(lang)]
        for v in self._by_severity():
            at = _at(places.get(v.paths[0]), lang)
            if lang == "en":
                out.append(f"[{v.severity.value.upper()}] {v.rule_id}{at}: {v.message_en}")
            else:
                out.append(f"【{_SEVERITY_ZH[v.severity]}】{v.rule_id}{at}{v.message}")
        for n in self.not_assessed:
            at = _at(places.get(n.paths[0]) if n.paths else None, lang)
            if lang == "en":
                out.append(f"[NOT ASSESSED] {n.rule_id}{at}: {n.reason_en}")
            else:
                out.append(f"【未校验】{n.rule_id}{at}{n.reason}")
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

    def with_report(self, report: AnnualReport) -> MarkedReport:
        """The report validated, shown with these findings marked in its tables.

        Args:
            report: the report this result is about.

        Raises:
            ReportMismatchError: the report is of another agency, year or format.

        >>> import govdisclosure as gd
        >>> report = gd.examples.load("qijiang-psb-2023").with_cell(
        ...     "review_litigation.review.total", 3
        ... )
        >>> marked = gd.validate(report).with_report(report)
        >>> marked.marks()["review_litigation.review.total"].level
        'error'
        >>> print(marked.marks()["review_litigation.review.total"].note.splitlines()[0][:26])
        RL-TOTAL 表四“行政复议”的“总计”填报 3

        """
        meta = report.meta
        if (meta.agency, meta.year) != (self.agency, self.year) or self.format_version not in (
            None,
            meta.format_version,
        ):
            raise ReportMismatchError(
                f"the result is about {self.agency!r} {self.year}, but the report is "
                f"{meta.agency!r} {meta.year} in the {meta.format_version.value} format",
                detail_zh=f"校验结果是“{self.agency}”{self.year} 年度的，而报告是"
                f"“{meta.agency}”{meta.year} 年度、{meta.format_version.value} 年格式的",
            )
        return MarkedReport(report=report, result=self)

    def _repr_html_(self) -> str:
        return f"<div>{self._html_verdict()}{self._html_findings()}{self._html_skipped()}</div>"

    def _html_verdict(self) -> str:
        colour, background = _COLOURS[self.verdict]
        agency = html.escape(self.agency.strip() or "（机关名称空白）")
        skipped = f"，未校验 {len(self.not_assessed)} 项" if self.not_assessed else ""
        return (
            f'<p><strong style="color:{colour};background:{background};padding:2px 6px">'
            f"{html.escape(self.verdict_text())}</strong> {agency}{self.year}年度报告{skipped}</p>"
        )

    def _html_findings(self) -> str:
        if not self.violations:
            return ""
        spec = _format.format_spec(self.format_version or FormatVersion.V2021)
        rows = []
        for v in self._by_severity():
            colour, background = _COLOURS[v.severity]
            where = html.escape(place_words(v.paths[0], spec)[0])
            more = f"（另涉及 {len(v.paths) - 1} 处）" if len(v.paths) > 1 else ""
            shown = " ".join(v.paths[:3]) + (" …" if len(v.paths) > 3 else "")
            rows.append(
                f'<tr style="background:{background}">'
                f'<td style="color:{colour};font-weight:bold">{_SEVERITY_ZH[v.severity]}</td>'
                f'<td title="{html.escape(" ".join(v.paths))}">{where}{more}<br>'
                f'<small style="color:#888"><code>{html.escape(shown)}</code></small></td>'
                f"<td>{html.escape(v.message)}</td>"
                f"<td><code>{html.escape(v.rule_id)}</code></td>"
                "</tr>"
            )
        return (
            '<table class="gd-findings"><thead><tr><th>级别</th><th>位置</th><th>说明</th>'
            f"<th>规则</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )

    def _html_skipped(self) -> str:
        if not self.not_assessed:
            return ""
        items = "".join(
            f"<li><code>{html.escape(n.rule_id)}</code> {html.escape(n.reason)}</li>"
            for n in self.not_assessed
        )
        return (
            f"<details><summary>未校验 {len(self.not_assessed)} 项（原因）</summary>"
            f"<ul>{items}</ul></details>"
        )


#: The mark each severity puts on a cell.
_MARK_LEVELS: dict[Severity, MarkLevel] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "info",
}


@attrs.frozen(kw_only=True)
class MarkedReport:
    """A report with the findings of its validation marked in its tables.

    Made by :meth:`ValidationResult.with_report`. In a notebook it shows the verdict, the
    findings (errors first), and the report's three tables with the cell each finding is
    about marked: red for an error, amber for a warning, blue for information, the message
    shown when the pointer rests on the cell. ``str()`` gives the same as plain text, the
    marked values followed by ✗, ! or ?.

    Attributes:
        report: the report.
        result: its validation.
    """

    report: AnnualReport
    result: ValidationResult

    def marks(self) -> dict[str, CellMark]:
        """The marked cells, by path.

        Each finding about a table cell marks its checked (first) cell; a cell found by
        several findings takes the most serious level and all their messages.
        """
        spec = _format.format_spec(self.report.meta.format_version)
        found: dict[str, list[Violation]] = {}
        for v in self.result.violations:
            if v.paths[0] in spec.by_path:
                found.setdefault(v.paths[0], []).append(v)
        marks = {}
        for path, violations in found.items():
            violations.sort(key=lambda v: _SEVERITY_ORDER.index(v.severity))
            note = "\n".join(f"{v.rule_id} {v.message}" for v in violations)
            marks[path] = CellMark(_MARK_LEVELS[violations[0].severity], note)
        return marks

    def __str__(self) -> str:
        return "\n".join([*self.result.lines("zh"), "", render_tables(self.report, self.marks())])

    def _repr_html_(self) -> str:
        meta = self.report.meta
        title = html.escape(meta.display_title)
        return (
            f"<div>{self.result._repr_html_()}<p><strong>{title}</strong></p>"
            f"{tables_html(self.report, self.marks())}</div>"
        )
