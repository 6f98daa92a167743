"""Single cells: CELL-NEGATIVE and CELL-BLANK."""

from __future__ import annotations

from collections.abc import Iterator

from govdisclosure._format import CellKind
from govdisclosure._validation.context import Context
from govdisclosure._validation.locations import capital, cell_words, show
from govdisclosure._validation.result import Finding
from govdisclosure._validation.rule import Rule

__all__ = ["check_blank", "check_negative"]


def check_negative(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """CELL-NEGATIVE: a count or amount below zero (the signed 2019 changes excepted)."""
    if min([v for v in ctx.values if v is not None], default=0) >= 0:
        return
    for cell, value in zip(ctx.spec.cells, ctx.values, strict=True):
        if value is not None and value < 0 and cell.kind is not CellKind.SIGNED:
            where, where_en = cell_words(cell.path, ctx.spec)
            yield rule.violation(
                (cell.path,),
                f"{where}填报 {show(value)}，不能为负数。",
                f"{capital(where_en)}: {show(value)} is negative; counts and amounts cannot be.",
                expected=0,
                actual=value,
            )


def check_blank(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """CELL-BLANK: a blank or placeholder cell, outside the tables left wholly blank.

    A cell the source computes (a workbook's formula 总计) that is blank because a cell it
    sums is blank is left out: the clerk fills in that cell, not the formula.
    """
    if None not in ctx.values:
        return
    derived = _blank_from_blank(ctx)
    for cell, value in zip(ctx.spec.cells, ctx.values, strict=True):
        if value is None and cell.section not in ctx.blank_tables and cell.path not in derived:
            where, where_en = cell_words(cell.path, ctx.spec)
            yield rule.violation(
                (cell.path,),
                f"{where}为空白（或填写了“/”“-”“—”“无”等占位符）；"
                "没有数据时应填 0。需要该单元格的校验未进行。",
                f"{capital(where_en)} is blank (or a placeholder); write 0 when "
                "there is nothing to report. Checks that need it were not made.",
            )


def _blank_from_blank(ctx: Context) -> frozenset[str]:
    """The computed cells that are blank because a part of their declared sum is blank."""
    if not ctx.computed:
        return frozenset()
    return frozenset(
        s.total
        for s in ctx.spec.sums
        if s.total in ctx.computed
        and ctx.value(s.total) is None
        and any(ctx.value(p) is None for p, _ in s.parts)
    )
