"""The sums of tables 3 and 4: APP-BALANCE, APP-ROW-TOTAL, APP-RESULTS-TOTAL, RL-TOTAL.

The sums are not written here: they are the format's declarations
(:attr:`govdisclosure._format.FormatSpec.sums`), compiled once per version into straight-line
code. One pass checks them all and the four rules share it; a sum with a blank cell is not
assessed (the blank is reported once, as CELL-BLANK), and a table left wholly blank is one
SECTION-EMPTY, not a sum error.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from govdisclosure import _format
from govdisclosure._format import FormatVersion
from govdisclosure._model.report import AnnualReport
from govdisclosure._validation.context import Context
from govdisclosure._validation.locations import capital, cell_words, column_words
from govdisclosure._validation.result import Finding, NotAssessed
from govdisclosure._validation.rule import Rule

__all__ = ["SumFailure", "check_sum_rule", "failing_sums"]


class SumFailure(NamedTuple):
    """A declared sum that does not hold, or cannot be checked.

    Attributes:
        declared: the sum.
        blank: the paths of its blank cells; when there are any, the sum is not assessed.
        expected: the sum of the parts (0 when not assessed).
        actual: the total reported (0 when not assessed).
    """

    declared: _format.SumSpec
    blank: list[str]
    expected: int
    actual: int


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
        namespace: dict[str, Any] = {}
        # The source is built from our own declarations, never from input.
        source = _failing_source(spec.sums)
        exec(compile(source, f"<sums {spec.version.value}>", "exec"), namespace)
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


def _failing_source(sums: tuple[_format.SumSpec, ...]) -> str:
    """The source of ``failing(report)``, the straight-line check of every sum.

    Each row is read once into a local, then one comparison per sum appends the sum's index
    when it does not hold.
    """
    rows: dict[tuple[str, str], str] = {}
    lines = ["def failing(report):"]
    for declared in sums:
        for path in (declared.total, *(p for p, _ in declared.parts)):
            section, row, _ = path.split(".")
            if (section, row) not in rows:
                rows[section, row] = f"r{len(rows)}"
                lines.append(f"    {rows[section, row]} = report.{section}.{row}")
    lines.append("    bad = []")

    def term(path: str) -> str:
        section, row, column = path.split(".")
        return f"{rows[section, row]}.{column}"

    for k, declared in enumerate(sums):
        expression = "".join(f" {'+' if w > 0 else '-'} {term(p)}" for p, w in declared.parts)
        lines.append(f"    if {expression.lstrip(' +')} != {term(declared.total)}:")
        lines.append(f"        bad.append({k})")
    lines.append("    return bad")
    return "\n".join(lines)


@functools.cache
def compiled(version: FormatVersion) -> _CompiledSums:
    """The declared sums of a version, compiled (once per version)."""
    return _CompiledSums(_format.format_spec(version))


def failing_sums(ctx: Context) -> dict[str, list[SumFailure]]:
    """Every declared sum of a report that fails or cannot be checked, by rule id.

    Computed once per report (:meth:`Context.shared`) for the four sum rules.
    """
    sums = compiled(ctx.report.meta.format_version)
    try:
        candidates = sums.failing(ctx.report)
    except TypeError:  # a blank cell: check each sum the general way
        candidates = list(range(len(sums.sums)))
    found: dict[str, list[SumFailure]] = {}
    if not candidates:
        return found
    spec, values = ctx.spec, ctx.values
    for k in candidates:
        declared = sums.sums[k]
        if spec.by_path[declared.total].section in ctx.blank_tables:
            continue
        outcome = sums.check_one(k, values)
        if outcome is None:
            continue
        blank, expected, actual = outcome
        failure = SumFailure(declared, [spec.paths[i] for i in blank], expected, actual)
        found.setdefault(declared.rule_id, []).append(failure)
    return found


def check_sum_rule(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """The findings of one sum rule: a violation per failing sum, or why it was skipped."""
    spec, values = ctx.spec, ctx.values
    for declared, blank, expected, actual in ctx.shared(failing_sums).get(rule.id, ()):
        paths = (declared.total, *(p for p, _ in declared.parts))
        if blank:
            yield _blank_reason(rule, paths, blank, spec)
        else:
            ints = {p: int(values[spec.position[p]] or 0) for p in paths}
            zh, en = _sum_message(rule.id, declared.total, declared.parts, ints, spec)
            yield rule.violation(paths, zh, en, expected=expected, actual=actual)


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


#: What the parts of each sum rule add up to, as its message says it.
_SUM_WORDS = {
    "APP-RESULTS-TOTAL": ("各办理结果之和", "the result rows add up to"),
    "APP-ROW-TOTAL": ("自然人与法人或其他组织各列之和", "the applicant columns add up to"),
    "RL-TOTAL": (
        "结果维持、结果纠正、其他结果、尚未审结之和",
        "upheld, corrected, other and pending add up to",
    ),
}


def _sum_message(
    rule_id: str,
    total: str,
    parts: tuple[tuple[str, int], ...],
    values: dict[str, int],
    spec: _format.FormatSpec,
) -> tuple[str, str]:
    """The messages of a failing sum, in Chinese and English."""
    actual = values[total]
    expected = sum(values[p] * w for p, w in parts)
    difference = abs(actual - expected)
    if rule_id == "APP-BALANCE":
        return _balance_message(total, values, difference, spec)
    where, where_en = cell_words(total, spec)
    what, what_en = _SUM_WORDS[rule_id]
    zh = f"{where}填报 {actual}，但{what}为 {expected}（相差 {difference}）。"
    en = (
        f"{capital(where_en)}: reported {actual}, but {what_en} {expected} "
        f"(difference {difference})."
    )
    return zh, en


def _balance_message(
    total: str, values: dict[str, int], difference: int, spec: _format.FormatSpec
) -> tuple[str, str]:
    """The messages of APP-BALANCE, spelling out both sides of the relation of table 3."""
    column = spec.by_path[total].column
    column_zh = column_words(spec.by_path[total], spec)
    app = "applications"
    new, over = values[f"{app}.new_received.{column}"], values[f"{app}.carried_over.{column}"]
    done, forward = values[f"{app}.results_total.{column}"], values[total]
    zh = (
        f"表三“{column_zh}”列：一（本年新收）{new} + 二（上年结转）{over} = {new + over}，"
        f"但三（七）总计 {done} + 四（结转下年度继续办理）{forward} = {done + forward}"
        f"（相差 {difference}），不符合“第一项加第二项之和，等于第三项加第四项之和”。"
    )
    en = (
        f'Table 3, column "{column_zh}" ({column}): new {new} + carried over {over} = '
        f"{new + over}, but results total {done} + carried forward {forward} = "
        f"{done + forward} (difference {difference})."
    )
    return zh, en
