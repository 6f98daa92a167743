"""This year against last year's report: XY-CARRYOVER, XY-IN-FORCE, XY-COPY.

The engine runs these only when last year's report is given (``validate(report, previous)``),
so ``ctx.previous`` is never ``None`` here.
"""

from __future__ import annotations

from collections.abc import Iterator

from govdisclosure import _format
from govdisclosure._format import FormatVersion
from govdisclosure._format.vocabulary import HEADINGS, PREFACE_NAME, SECTION_NAMES_EN
from govdisclosure._validation.context import TEXTS, Context, section_text
from govdisclosure._validation.locations import capital, row_words
from govdisclosure._validation.result import Finding
from govdisclosure._validation.rule import Rule

__all__ = ["check_carryover", "check_copy", "check_in_force", "similarity"]


def check_carryover(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """XY-CARRYOVER: this year's 上年结转 differs from last year's 结转下年度继续办理."""
    previous = ctx.previous
    assert previous is not None  # the engine runs this rule only with a previous report
    before = _format.format_spec(previous.meta.format_version)
    before_values = before.values(previous)
    for column in _format.APPLICANT_COLUMNS:
        now_path = f"applications.carried_over.{column.id}"
        then_path = f"applications.carried_forward.{column.id}"
        now, then = ctx.value(now_path), before_values[before.position[then_path]]
        now_row = row_words(ctx.spec.by_path[now_path], ctx.spec)
        then_row = row_words(before.by_path[then_path], before)
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
                f"表三“{column.labels[-1]}”列“{now_row}”填报 {now}，"
                f"但 {year - 1} 年度报告“{then_row}”为 {then}"
                f"（相差 {abs(now - then)}）。",
                f'Table 3, column "{column.labels[-1]}" ({column.id}): carried over {now}, but '
                f"the {year - 1} report carried forward {then} (difference {abs(now - then)}).",
                expected=then,
                actual=now,
            )


def check_in_force(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """XY-IN-FORCE: 现行有效件数 ≠ last year's + 本年制发 − 本年废止 (2021 format both years)."""
    previous = ctx.previous
    assert previous is not None
    if FormatVersion.V2019 in (ctx.report.meta.format_version, previous.meta.format_version):
        return
    for row in ("rules", "normative_documents"):
        prefix = f"proactive_disclosure.{row}"
        paths = (f"{prefix}.in_force", f"{prefix}.issued", f"{prefix}.repealed")
        label = row_words(ctx.spec.by_path[paths[0]], ctx.spec)
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


def check_copy(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """XY-COPY: a text section (nearly) the same as last year's."""
    previous = ctx.previous
    assert previous is not None
    year = ctx.report.meta.year
    for section in TEXTS:
        now = section_text(ctx.report, section)
        then = section_text(previous, section)
        if len(now.strip()) < _COPY_MIN_CHARS or len(then.strip()) < _COPY_MIN_CHARS:
            continue
        ratio = similarity(now, then)
        if ratio >= _COPY_THRESHOLD:
            heading, name_en = HEADINGS.get(section, PREFACE_NAME), SECTION_NAMES_EN[section]
            yield rule.violation(
                (section,),
                f"“{heading}”与 {year - 1} 年度报告的相同部分相似度为 {ratio:.0%}，可能照搬上年内容"
                "（《年度报告格式》将“内容雷同”列为问责情形）。",
                f"{capital(name_en)} is {ratio:.0%} similar to the {year - 1} report's.",
                expected=None,
                actual=round(ratio, 3),
            )
