"""Validation: one engine, the rules as data, findings an official can act on.

:func:`validate` runs every rule of the catalogue (:func:`rules`) on a report and returns a
:class:`ValidationResult`. The sums of tables 3 and 4 come from the format declarations
(:mod:`govdisclosure._format`); a sum with a blank contributor is not assessed, and the blank
cell is reported once, as ``CELL-BLANK``, so that a blank never causes a false sum error.
"""

from __future__ import annotations

import enum
import functools
import html
import json
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any

import attrs

from govdisclosure import _format
from govdisclosure._format import CellKind, FormatVersion
from govdisclosure._model.report import AnnualReport, CellValue
from govdisclosure.errors import GovDisclosureError, PreviousReportError

__all__ = [
    "NotAssessed",
    "PreviousReportError",
    "Rule",
    "Severity",
    "ValidationResult",
    "Violation",
    "rules",
    "validate",
]


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


def _jsonable(value: object) -> object:
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


# -- the context every check reads ----------------------------------------------------


class _Context:
    """The report under check, with its values read once."""

    def __init__(self, report: AnnualReport, previous: AnnualReport | None) -> None:
        self.report = report
        self.previous = previous
        self.spec = _format.format_spec(report.meta.format_version)

    @functools.cached_property
    def values(self) -> tuple[CellValue, ...]:
        """Every cell value, in official order."""
        return self.spec.values(self.report)

    def value(self, path: str) -> CellValue:
        value: CellValue = self.values[self.spec.position[path]]
        return value

    @functools.cached_property
    def sum_findings(self) -> dict[str, list[Finding]]:
        """The findings of the declared sums, by rule id."""
        return _sum_findings(self)

    @functools.cached_property
    def blank_tables(self) -> frozenset[str]:
        """The table sections whose every cell is blank (reported once as SECTION-EMPTY)."""
        blank: set[str] = set()
        if None not in self.values:
            return frozenset()
        for table in self.spec.tables:
            if all(
                self.values[i] is None
                for i, cell in enumerate(self.spec.cells)
                if cell.section == table.section
            ):
                blank.add(table.section)
        return frozenset(blank)


Finding = Violation | NotAssessed
Check = Callable[["Rule", _Context], Iterator[Finding]]


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
    """

    id: str
    severity: Severity
    title: str
    title_en: str
    description: str
    description_en: str
    example: str
    needs_previous: bool = False
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


# -- labels as the report prints them ------------------------------------------------


def _row_words(cell: _format.CellSpec, spec: _format.FormatSpec) -> str:
    """The row as the report names it, without the 三、本年度办理结果 group label."""
    table = next(t for t in spec.tables if t.section == cell.section)
    labels = table.row(cell.row).labels
    if table.number == 3 and len(labels) > 1:
        labels = labels[1:]
    return " ".join(labels) if table.number != 4 else " / ".join(labels)


def _column_words(cell: _format.CellSpec, spec: _format.FormatSpec) -> str:
    table = next(t for t in spec.tables if t.section == cell.section)
    column = next(c for c in table.row(cell.row).columns if c.id == cell.column)
    return column.labels[-1]


def cell_words(path: str, spec: _format.FormatSpec) -> tuple[str, str]:
    """The Chinese and English phrases that locate a cell: 表三“（七）总计”行“自然人”列."""
    cell = spec.by_path[path]
    table = _format.TABLE_NUMERALS[next(t.number for t in spec.tables if t.section == cell.section)]
    row, column = _row_words(cell, spec), _column_words(cell, spec)
    number = next(t.number for t in spec.tables if t.section == cell.section)
    if number == 4:
        zh = f"表{table}“{row}”的“{column}”"
        en = f'table {number}, "{row}", "{column}" ({path})'
    else:
        zh = f"表{table}“{row}”行“{column}”列"
        en = f'table {number}, row "{row}", column "{column}" ({path})'
    return zh, en


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _show(value: CellValue) -> str:
    if value is None:
        return "空白"
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _blank_reason(
    rule: Rule, paths: tuple[str, ...], blank: list[str], spec: _format.FormatSpec
) -> NotAssessed:
    where, where_en = cell_words(paths[0], spec)
    blank_zh = "、".join(cell_words(p, spec)[0] for p in blank[:3])
    more = f"等 {len(blank)} 个单元格" if len(blank) > 3 else ""
    return rule.skipped(
        paths,
        f"{where}的{rule.title}未校验：{blank_zh}{more}为空白。",
        f"{rule.title_en} for {where_en} not checked: {len(blank)} cell(s) it needs are blank "
        f"({', '.join(blank[:3])}{', …' if len(blank) > 3 else ''}).",
        blank,
    )


# -- the sums of tables 3 and 4 -----------------------------------------------------


def _sum_message(
    rule_id: str,
    total: str,
    parts: tuple[tuple[str, int], ...],
    values: dict[str, int],
    spec: _format.FormatSpec,
) -> tuple[str, str]:
    where, where_en = cell_words(total, spec)
    actual = values[total]
    expected = sum(values[p] * w for p, w in parts)
    signed = str(abs(actual - expected))
    if rule_id == "APP-BALANCE":
        column = spec.by_path[total].column
        column_zh = _column_words(spec.by_path[total], spec)
        app = "applications"
        new, over = values[f"{app}.new_received.{column}"], values[f"{app}.carried_over.{column}"]
        done = values[f"{app}.results_total.{column}"]
        zh = (
            f"表三“{column_zh}”列：一（本年新收）{new} + 二（上年结转）{over} = {new + over}，"
            f"但三（七）总计 {done} + 四（结转下年度继续办理）{actual} = {done + actual}"
            f"（相差 {signed}），不符合“第一项加第二项之和，等于第三项加第四项之和”。"
        )
        en = (
            f'Table 3, column "{column_zh}" ({column}): new {new} + carried over {over} = '
            f"{new + over}, but results total {done} + carried forward {actual} = "
            f"{done + actual} (difference {signed})."
        )
        return zh, en
    what = {
        "APP-RESULTS-TOTAL": ("各办理结果之和", "the result rows add up to"),
        "APP-ROW-TOTAL": ("自然人与法人或其他组织各列之和", "the applicant columns add up to"),
        "RL-TOTAL": (
            "结果维持、结果纠正、其他结果、尚未审结之和",
            "upheld, corrected, other and pending add up to",
        ),
    }[rule_id]
    zh = f"{where}填报 {actual}，但{what[0]}为 {expected}（相差 {signed}）。"
    en = f"{_capital(where_en)}: reported {actual}, but {what[1]} {expected} (difference {signed})."
    return zh, en


class _CompiledSums:
    """The declared sums of one version, compiled for speed.

    ``failing(report)`` checks every sum at once with straight-line code generated from the
    declarations (the way attrs generates ``__init__``): the rows in locals, one comparison
    per sum, no loops, no lookups. A blank cell makes it raise ``TypeError`` (None + int),
    and the caller falls back to :meth:`check_one`, the general and readable form, which is
    also the reference the tests hold it to.
    """

    def __init__(self, spec: _format.FormatSpec) -> None:
        self.sums = spec.sums
        self.indices = tuple(
            (spec.position[s.total], tuple((spec.position[p], w) for p, w in s.parts))
            for s in spec.sums
        )
        rows: dict[tuple[str, str], str] = {}
        lines = ["def failing(report):"]
        for declared in spec.sums:
            for path in (declared.total, *(p for p, _ in declared.parts)):
                section, row, _ = path.split(".")
                if (section, row) not in rows:
                    rows[section, row] = f"r{len(rows)}"
                    lines.append(f"    {rows[section, row]} = report.{section}.{row}")
        lines.append("    bad = []")

        def term(path: str) -> str:
            section, row, column = path.split(".")
            return f"{rows[section, row]}.{column}"

        for k, declared in enumerate(spec.sums):
            expression = "".join(f" {'+' if w > 0 else '-'} {term(p)}" for p, w in declared.parts)
            lines.append(f"    if {expression.lstrip(' +')} != {term(declared.total)}:")
            lines.append(f"        bad.append({k})")
        lines.append("    return bad")
        namespace: dict[str, Any] = {}
        # The source is built from our own declarations, never from input.
        exec(compile("\n".join(lines), f"<sums {spec.version.value}>", "exec"), namespace)
        self.failing: Callable[[AnnualReport], list[int]] = namespace["failing"]

    def check_one(self, k: int, values: tuple[Any, ...]) -> tuple[list[int], int, int] | None:
        """Check sum ``k``: ``None`` when it holds, else (blank indices, expected, actual)."""
        total, parts = self.indices[k]
        blank = [i for i in (total, *(i for i, _ in parts)) if values[i] is None]
        if blank:
            return blank, 0, 0
        expected = sum(int(values[i]) * w for i, w in parts)
        actual = int(values[total])
        return None if expected == actual else ([], expected, actual)


@functools.cache
def _compiled(version: FormatVersion) -> _CompiledSums:
    return _CompiledSums(_format.format_spec(version))


def _sum_findings(ctx: _Context) -> dict[str, list[Finding]]:
    """Every sum finding of a report, by rule id (computed once per report)."""
    compiled = _compiled(ctx.report.meta.format_version)
    try:
        candidates = compiled.failing(ctx.report)
    except TypeError:  # a blank cell: check each sum the general way
        candidates = list(range(len(compiled.sums)))
    found: dict[str, list[Finding]] = {}
    if not candidates:
        return found
    spec, values = ctx.spec, ctx.values
    for k in candidates:
        declared = compiled.sums[k]
        if spec.by_path[declared.total].section in ctx.blank_tables:
            continue
        outcome = compiled.check_one(k, values)
        if outcome is None:
            continue
        rule = _RULE_BY_ID[declared.rule_id]
        paths = (declared.total, *(p for p, _ in declared.parts))
        blank, expected, actual = outcome
        if blank:
            finding: Finding = _blank_reason(rule, paths, [spec.paths[i] for i in blank], spec)
        else:
            ints = {p: int(values[spec.position[p]] or 0) for p in paths}
            zh, en = _sum_message(rule.id, declared.total, declared.parts, ints, spec)
            finding = rule.violation(paths, zh, en, expected=expected, actual=actual)
        found.setdefault(rule.id, []).append(finding)
    return found


def _check_sums(rule: Rule, ctx: _Context) -> Iterator[Finding]:
    yield from ctx.sum_findings.get(rule.id, ())


def check_sums(report: AnnualReport) -> list[Finding]:
    """Run only the declared sums of tables 3 and 4 (the table rules) on a report."""
    return [f for found in _sum_findings(_Context(report, None)).values() for f in found]


# -- single cells -------------------------------------------------------------------


def _check_negative(rule: Rule, ctx: _Context) -> Iterator[Finding]:
    if min([v for v in ctx.values if v is not None], default=0) >= 0:
        return
    for cell, value in zip(ctx.spec.cells, ctx.values, strict=True):
        if value is not None and value < 0 and cell.kind is not CellKind.SIGNED:
            where, where_en = cell_words(cell.path, ctx.spec)
            yield rule.violation(
                (cell.path,),
                f"{where}填报 {_show(value)}，不能为负数。",
                f"{_capital(where_en)}: {_show(value)} is negative; counts and amounts cannot be.",
                expected=0,
                actual=value,
            )


def _check_blank(rule: Rule, ctx: _Context) -> Iterator[Finding]:
    if None not in ctx.values:
        return
    for cell, value in zip(ctx.spec.cells, ctx.values, strict=True):
        if value is None and cell.section not in ctx.blank_tables:
            where, where_en = cell_words(cell.path, ctx.spec)
            yield rule.violation(
                (cell.path,),
                f"{where}为空白（或填写了“/”“-”“—”“无”等占位符）；"
                "没有数据时应填 0。需要该单元格的校验未进行。",
                f"{_capital(where_en)} is blank (or a placeholder); write 0 when "
                "there is nothing to report. Checks that need it were not made.",
            )


# -- report-level rules -------------------------------------------------------------


def _check_format_year(rule: Rule, ctx: _Context) -> Iterator[Finding]:
    meta = ctx.report.meta
    used = meta.format_version
    try:
        in_force: FormatVersion | None = FormatVersion.for_year(meta.year)
    except GovDisclosureError:
        in_force = None
    if in_force is used:
        return
    if in_force is None:
        zh = (
            f"报告年度 {meta.year} 早于国家统一格式（2019 年度起施行），"
            f"表格按 {used.value} 年格式读取。"
        )
        en = (
            f"Report year {meta.year} predates the national format (from 2019); tables read "
            f"as the {used.value} format."
        )
    else:
        zh = (
            f"{meta.year} 年度报告应使用{in_force.document_number}规定的 {in_force.value} 年格式，"
            f"但表格是 {used.value} 年格式（{used.document_number}）。"
        )
        en = (
            f"A report for {meta.year} should use the {in_force.value} format "
            f"({in_force.document_number}), but its tables are in the {used.value} format."
        )
    yield rule.violation(
        ("meta.format_version",),
        zh,
        en,
        expected=in_force.value if in_force else None,
        actual=used.value,
    )


def _check_published_late(rule: Rule, ctx: _Context) -> Iterator[Finding]:
    from govdisclosure.zh import format_date, publication_deadline

    meta = ctx.report.meta
    paths = ("meta.published_on", "meta.agency_level")
    if meta.published_on is None or meta.agency_level is None:
        missing = [
            p
            for p, v in zip(paths, (meta.published_on, meta.agency_level), strict=True)
            if v is None
        ]
        yield rule.skipped(
            paths,
            "发布日期或单位层级（部门／政府）未知，未检查是否按期发布。",
            "Publication date or agency level unknown: timeliness not checked.",
            missing,
        )
        return
    deadline = publication_deadline(meta.year, level=meta.agency_level.value)
    if meta.published_on > deadline:
        days = (meta.published_on - deadline).days
        who = "政府部门" if meta.agency_level.value == "department" else "地方人民政府"
        yield rule.violation(
            paths,
            f"报告于 {format_date(meta.published_on)} 发布，晚于{who}的法定期限 "
            f"{format_date(deadline)}（《条例》第四十九条）{days} 天。",
            f"Published on {meta.published_on.isoformat()}, {days} day(s) after the statutory "
            f"deadline {deadline.isoformat()} for a {meta.agency_level.value} "
            "(Regulations art. 49).",
            expected=deadline.isoformat(),
            actual=meta.published_on.isoformat(),
        )


_TEXT_SECTIONS = (
    ("overview", "一、总体情况", "1 (overview)"),
    ("problems_improvements", "五、存在的主要问题及改进情况", "5 (problems and improvements)"),
    ("other_matters", "六、其他需要报告的事项", "6 (other matters)"),
)


def _check_section_empty(rule: Rule, ctx: _Context) -> Iterator[Finding]:
    report = ctx.report
    for section, heading, name_en in _TEXT_SECTIONS:
        if not getattr(report, section).text.strip():
            yield rule.violation(
                (section,),
                f"“{heading}”部分缺失或没有内容。",
                f"Section {name_en} is missing or empty.",
            )
    for table in ctx.spec.tables:
        if table.section in ctx.blank_tables:
            heading = next(s.heading for s in ctx.spec.sections if s.id == table.section)
            yield rule.violation(
                (table.section,),
                f"“{heading}”的表{_format.TABLE_NUMERALS[table.number]}缺失或全部为空白。",
                f"Table {table.number} ({table.section}) is missing or entirely blank.",
            )


def _check_fee(rule: Rule, ctx: _Context) -> Iterator[Finding]:
    if ctx.report.meta.format_version is not FormatVersion.V2021:
        return
    other = ctx.report.other_matters
    if other.information_fee_yuan is not None or "信息处理费" in other.text:
        return
    row = "applications.other_fee_unpaid"
    paths = tuple(f"{row}.{c.id}" for c in _format.APPLICANT_COLUMNS)
    values = [ctx.value(p) for p in paths]
    filled = [v for v in values if v is not None]
    if any(v > 0 for v in filled):
        total = values[-1]
        count = max(int(total or 0), sum(int(v) for v in values[:-1] if v is not None))
        yield rule.violation(
            paths,
            f"表三“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用”有 {count} 件，"
            "说明发出过收费通知，但“六、其他需要报告的事项”没有说明信息处理费的收取情况。",
            f"Table 3 shows {count} application(s) dropped for unpaid fee notices, but section 6 "
            "says nothing about the information processing fee (信息处理费).",
            actual=count,
        )
    elif len(filled) < len(values):
        yield rule.skipped(
            paths,
            "表三“逾期未按收费通知要求缴纳费用”行有空白，未检查信息处理费的说明。",
            "Blank cells in the unpaid-fee row of table 3: the fee statement was not checked.",
            [p for p, v in zip(paths, values, strict=True) if v is None],
        )


# -- cross-year rules ----------------------------------------------------------------


def _check_carryover(rule: Rule, ctx: _Context) -> Iterator[Finding]:
    previous = ctx.previous
    assert previous is not None  # the engine runs this rule only with a previous report
    before = _format.format_spec(previous.meta.format_version)
    before_values = before.values(previous)
    for column in _format.APPLICANT_COLUMNS:
        now_path = f"applications.carried_over.{column.id}"
        then_path = f"applications.carried_forward.{column.id}"
        now, then = ctx.value(now_path), before_values[before.position[then_path]]
        if now is None or then is None:
            yield rule.skipped(
                (now_path, then_path),
                f"表三“{column.labels[-1]}”列本年“上年结转”或上年“结转下年度继续办理”为空白，未作跨年核对。",
                f"Column {column.id}: this year's carried-over or last year's carried-forward "
                "cell is blank.",
                [p for p, v in ((now_path, now), (then_path, then)) if v is None],
            )
        elif now != then:
            year = ctx.report.meta.year
            yield rule.violation(
                (now_path, then_path),
                f"表三“{column.labels[-1]}”列“二、上年结转政府信息公开申请数量”填报 {now}，"
                f"但 {year - 1} 年度报告“四、结转下年度继续办理”为 {then}"
                f"（相差 {abs(now - then)}）。",
                f'Table 3, column "{column.labels[-1]}" ({column.id}): carried over {now}, but '
                f"the {year - 1} report carried forward {then} (difference {abs(now - then)}).",
                expected=then,
                actual=now,
            )


def _check_in_force(rule: Rule, ctx: _Context) -> Iterator[Finding]:
    previous = ctx.previous
    assert previous is not None
    if FormatVersion.V2019 in (ctx.report.meta.format_version, previous.meta.format_version):
        return
    for row, label in (("rules", "规章"), ("normative_documents", "行政规范性文件")):
        prefix = f"proactive_disclosure.{row}"
        paths = (f"{prefix}.in_force", f"{prefix}.issued", f"{prefix}.repealed")
        now, issued, repealed = (ctx.value(p) for p in paths)
        before = previous.cell(f"{prefix}.in_force")
        if None in (now, issued, repealed, before):
            blank = [p for p, v in zip(paths, (now, issued, repealed), strict=True) if v is None]
            yield rule.skipped(
                paths,
                f"表二“{label}”行有空白（本年或上年），未作现行有效件数的跨年核对。",
                f"Table 2, row {row}: a blank cell this year or last; in-force count not checked.",
                blank,
            )
            continue
        expected = int(before or 0) + int(issued or 0) - int(repealed or 0)
        if now != expected:
            yield rule.violation(
                paths,
                f"表二“{label}”现行有效件数填报 {now}，但上年 {before} + 本年制发 {issued} "
                f"− 本年废止 {repealed} = {expected}（相差 {abs(int(now or 0) - expected)}）；"
                "如因清理等原因不一致，宜在备注中说明。",
                f'Table 2, "{label}" ({row}): {now} in force, but last year\'s {before} + '
                f"issued {issued} − repealed {repealed} = {expected} "
                f"(difference {abs(int(now or 0) - expected)}).",
                expected=expected,
                actual=now,
            )


#: Texts shorter than this are not compared: "无。" may well be the same every year.
_COPY_MIN_CHARS = 50
_COPY_THRESHOLD = 0.9


def _shingles(text: str) -> set[str]:
    compact = "".join(text.split())
    return {compact[i : i + 4] for i in range(max(1, len(compact) - 3))}


def similarity(a: str, b: str) -> float:
    """The Jaccard similarity of the texts' 4-character shingles (whitespace ignored), 0 to 1.

    >>> similarity("今年主动公开信息114条", "今年主动公开信息114条")
    1.0
    """
    sa, sb = _shingles(a), _shingles(b)
    return len(sa & sb) / len(sa | sb) if sa or sb else 1.0


def _check_copy(rule: Rule, ctx: _Context) -> Iterator[Finding]:
    previous = ctx.previous
    assert previous is not None
    year = ctx.report.meta.year
    for section, heading, name_en in (("preface", "报告前言", "the preface"), *_TEXT_SECTIONS):
        now = _section_text(ctx.report, section)
        then = _section_text(previous, section)
        if len(now.strip()) < _COPY_MIN_CHARS or len(then.strip()) < _COPY_MIN_CHARS:
            continue
        ratio = similarity(now, then)
        if ratio >= _COPY_THRESHOLD:
            yield rule.violation(
                (section,),
                f"“{heading}”与 {year - 1} 年度报告的相同部分相似度为 {ratio:.0%}，可能照搬上年内容"
                "（《年度报告格式》将“内容雷同”列为问责情形）。",
                f"{_capital(name_en)} is {ratio:.0%} similar to the {year - 1} report's.",
                expected=None,
                actual=round(ratio, 3),
            )


def _section_text(report: AnnualReport, section: str) -> str:
    if section == "preface":
        return report.preface or ""
    text: str = getattr(report, section).text
    return text


def _check_text_table(rule: Rule, ctx: _Context) -> Iterator[Finding]:
    from govdisclosure._validation.text_figures import check_text_figures

    yield from check_text_figures(rule, ctx)


# -- the catalogue -------------------------------------------------------------------

_RULES: tuple[Rule, ...] = (
    Rule(
        id="APP-BALANCE",
        severity=Severity.ERROR,
        title="申请数量平衡",
        title_en="applications balance",
        description=(
            "表三每一列：一（本年新收）+ 二（上年结转）= 三（七）总计 + 四（结转下年度继续办理），"
            "即表格左上角注明的勾稽关系。"
        ),
        description_en=(
            "Per column of table 3: new + carried over = results total + carried forward (the rela"
            "tion stated in the table's corner)."
        ),
        example=(
            "表三“自然人”列：一（本年新收）20 + 二（上年结转）2 = 22，"
            "但三（七）总计 20 + 四（结转下年度继续办理）3 = 23（相差 1），"
            "不符合“第一项加第二项之和，等于第三项加第四项之和”。"
        ),
        check=_check_sums,
    ),
    Rule(
        id="APP-ROW-TOTAL",
        severity=Severity.ERROR,
        title="申请人总计",
        title_en="applicant row total",
        description=(
            "表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。"
        ),
        description_en="Per row of table 3: the total equals the six applicant columns.",
        example=(
            "表三“一、本年新收政府信息公开申请数量”行“总计”列填报 21，但自然人与法人或其他组织各列"
            "之和为 22（相差 1）。"
        ),
        check=_check_sums,
    ),
    Rule(
        id="APP-RESULTS-TOTAL",
        severity=Severity.ERROR,
        title="办理结果总计",
        title_en="results total",
        description="表三每一列：（七）总计 = （一）至（六）各项办理结果之和。",
        description_en="Per column of table 3: (7) total equals the sum of every result row.",
        example="表三“（七）总计”行“自然人”列填报 20，但各办理结果之和为 26（相差 6）。",
        check=_check_sums,
    ),
    Rule(
        id="RL-TOTAL",
        severity=Severity.ERROR,
        title="复议诉讼总计",
        title_en="review and litigation total",
        description=(
            "表四每一组（行政复议、未经复议直接起诉、复议后起诉）：总计 = 结果维持 + 结果纠正 + 其"
            "他结果 + 尚未审结。"
        ),
        description_en="Per group of table 4: total = upheld + corrected + other + pending.",
        example=(
            "表四“行政复议”的“总计”填报 5，但结果维持、结果纠正、其他结果、尚未审结之和为 4（相差 "
            "1）。"
        ),
        check=_check_sums,
    ),
    Rule(
        id="CELL-NEGATIVE",
        severity=Severity.ERROR,
        title="负数",
        title_en="negative value",
        description="件数和金额不能为负数（2019 年格式表二的“本年增/减”除外）。",
        description_en="A count or amount below zero (the signed 2019 change cells excepted).",
        example="表三“（一）予以公开”行“自然人”列填报 -1，不能为负数。",
        check=_check_negative,
    ),
    Rule(
        id="CELL-BLANK",
        severity=Severity.WARNING,
        title="空白单元格",
        title_en="blank cell",
        description=(
            "单元格空白或填写了占位符（“/”“-”“—”“无”）。空白不按 0 处理，需要它的校验不进行（列入“"
            "未校验”）。"
        ),
        description_en=(
            "A blank or placeholder cell; blank is never read as 0, and checks that need it are no"
            "t assessed."
        ),
        example=(
            "表三“（一）予以公开”行“商业企业”列为空白（或填写了“/”“-”“—”“无”等占位符）；没有数据时"
            "应填 0。需要该单元格的校验未进行。"
        ),
        check=_check_blank,
    ),
    Rule(
        id="FORMAT-YEAR",
        severity=Severity.WARNING,
        title="格式与年度不符",
        title_en="format does not match the year",
        description=(
            "表格样式与报告年度适用的格式不一致：2019、2020 年度用国办公开办函〔2019〕60号格式，20"
            "21 年度起用国办公开办函〔2021〕30号格式。"
        ),
        description_en="The table layout does not match the format in force for the report year.",
        example=(
            "2023 年度报告应使用国办公开办函〔2021〕30号规定的 2021 年格式，但表格是 2019 年格式（"
            "国办公开办函〔2019〕60号）。"
        ),
        check=_check_format_year,
    ),
    Rule(
        id="XY-CARRYOVER",
        severity=Severity.WARNING,
        title="跨年结转",
        title_en="carry-over across years",
        description=(
            "表三每一列：本年“上年结转”应等于上年报告的“结转下年度继续办理”（需要上年报告）。"
        ),
        description_en=(
            "Per column: this year's carried-over equals last year's carried-forward (needs previo"
            "us)."
        ),
        example=(
            "表三“自然人”列“二、上年结转政府信息公开申请数量”填报 2，但 2022 年度报告“四、结转下年"
            "度继续办理”为 3（相差 1）。"
        ),
        needs_previous=True,
        check=_check_carryover,
    ),
    Rule(
        id="XY-IN-FORCE",
        severity=Severity.WARNING,
        title="现行有效件数跨年核对",
        title_en="documents in force across years",
        description=(
            "表二规章、行政规范性文件：现行有效件数 ≈ 上年现行有效件数 + 本年制发 − 本年废止（两年"
            "均为 2021 年格式时；需要上年报告）。"
        ),
        description_en=(
            "Table 2: in force = last year's in force + issued − repealed (both years in the 2021 "
            "format; needs previous)."
        ),
        example=(
            "表二“行政规范性文件”现行有效件数填报 1，但上年 5 + 本年制发 0 − 本年废止 0 = 5（相差 "
            "4）；如因清理等原因不一致，宜在备注中说明。"
        ),
        needs_previous=True,
        check=_check_in_force,
    ),
    Rule(
        id="XY-COPY",
        severity=Severity.WARNING,
        title="内容雷同",
        title_en="copied text",
        description=(
            "某一文字部分与上年报告几乎相同（四字片段相似度 ≥ 90%，50 字以下不比较；需要上年报告）"
            "。"
        ),
        description_en=(
            "A text section is nearly the same as last year's (4-character shingle similarity >= 9"
            "0%; needs previous)."
        ),
        example=(
            "“五、存在的主要问题及改进情况”与 2022 年度报告的相同部分相似度为 97%，可能照搬上年内"
            "容（《年度报告格式》将“内容雷同”列为问责情形）。"
        ),
        needs_previous=True,
        check=_check_copy,
    ),
    Rule(
        id="TEXT-TABLE",
        severity=Severity.WARNING,
        title="文字与表格不一致",
        title_en="text contradicts the tables",
        description=(
            "正文明确陈述的数字（如“本年新收政府信息公开申请N件”“行政复议N件”）与表格中对应的单元"
            "格不一致。只在说法明确指向该单元格时报告。"
        ),
        description_en=(
            "A figure the text states unambiguously for a table cell differs from that cell."
        ),
        example=(
            "正文“全年共受理政府信息公开申请25件”与表三“一、本年新收政府信息公开申请数量”行“总计”"
            "列的 26 不一致。"
        ),
        check=_check_text_table,
    ),
    Rule(
        id="FEE-NOT-REPORTED",
        severity=Severity.WARNING,
        title="未说明信息处理费",
        title_en="information fee not reported",
        description=(
            "表三显示有申请人逾期未缴纳信息处理费（发出过收费通知），但“六、其他需要报告的事项”没"
            "有说明信息处理费。"
        ),
        description_en=(
            "Fee notices went unpaid (table 3), but section 6 says nothing of the information proc"
            "essing fee."
        ),
        example=(
            "表三“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用”有 2 件，说明发出过收费通知"
            "，但“六、其他需要报告的事项”没有说明信息处理费的收取情况。"
        ),
        check=_check_fee,
    ),
    Rule(
        id="PUBLISHED-LATE",
        severity=Severity.WARNING,
        title="逾期发布",
        title_en="published late",
        description=(
            "发布日期晚于《条例》第四十九条的期限：政府部门 1月31日，地方人民政府 3月31日（发布日"
            "期或单位层级未知时不检查）。"
        ),
        description_en=(
            "Published after the statutory deadline (1月31日 departments, 3月31日 governments)."
        ),
        example=(
            "报告于 2024年2月5日 发布，晚于政府部门的法定期限 2024年1月31日（《条例》第四十九条）5"
            " 天。"
        ),
        check=_check_published_late,
    ),
    Rule(
        id="SECTION-EMPTY",
        severity=Severity.WARNING,
        title="部分缺失",
        title_en="section missing or empty",
        description="必需的部分（一、五、六的文字，或表二、表三、表四）缺失或为空。",
        description_en=(
            "A required section (the texts of 1, 5, 6 or tables 2 to 4) is missing or empty."
        ),
        example="“六、其他需要报告的事项”部分缺失或没有内容。",
        check=_check_section_empty,
    ),
)


_RULE_BY_ID = {rule.id: rule for rule in _RULES}


def rules() -> tuple[Rule, ...]:
    """Return the rule catalogue, in the order the rules run.

    >>> [r.id for r in rules()][:4]
    ['APP-BALANCE', 'APP-ROW-TOTAL', 'APP-RESULTS-TOTAL', 'RL-TOTAL']
    """
    return _RULES


# -- the result ----------------------------------------------------------------------


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


# -- the engine ----------------------------------------------------------------------


def _check_previous(report: AnnualReport, previous: AnnualReport) -> None:
    if not isinstance(previous, AnnualReport):
        raise TypeError(f"previous must be an AnnualReport, got {type(previous).__name__}")
    now, then = report.meta, previous.meta
    if then.year != now.year - 1:
        raise PreviousReportError(
            f"previous is the {then.year} report, but the report checked is for {now.year}: "
            f"cross-year rules need the {now.year - 1} report"
        )
    if "".join(then.agency.split()) != "".join(now.agency.split()):
        raise PreviousReportError(
            f"previous is {then.agency!r}'s report, but the report checked is {now.agency!r}'s"
        )


def _order(ctx: _Context) -> Callable[[Violation], tuple[int, int]]:
    sections = {s.id: s.number for s in ctx.spec.sections}
    position = ctx.spec.position

    def key(v: Violation) -> tuple[int, int]:
        first = v.paths[0]
        if first in position:
            return sections[ctx.spec.by_path[first].section], position[first]
        return sections.get(first.split(".")[0], 0), -1

    return key


def validate(report: AnnualReport, previous: AnnualReport | None = None) -> ValidationResult:
    """Check a report against every rule of the catalogue.

    Args:
        report: the report to check.
        previous: the same agency's report for the year before, for the cross-year rules
            (``XY-*``); without it they do not run.

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
    ctx = _Context(report, previous)
    violations: list[Violation] = []
    skipped: list[NotAssessed] = []
    for rule in _RULES:
        if rule.needs_previous and previous is None:
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
    )
