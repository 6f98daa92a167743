"""Year-on-year comparison of one agency's reports."""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Any

import attrs

from govdisclosure import _format
from govdisclosure._model.report import AnnualReport, CellValue
from govdisclosure._validation.engine import check_cross_year
from govdisclosure._validation.result import NotAssessed, Violation

__all__ = ["CellChange", "ReportComparison", "compare"]


@attrs.frozen(kw_only=True)
class CellChange:
    """How one cell changed from one year to the next.

    Attributes:
        path: the cell path.
        label: the official Chinese label.
        previous: last year's value (``None`` when blank, or not in last year's format).
        current: this year's value (``None`` when blank, or not in this year's format).
        change: ``current - previous``, ``None`` when either is blank.
        relative: ``change / previous`` as a ``Decimal``, ``None`` when that is undefined.
    """

    path: str
    label: str
    previous: CellValue
    current: CellValue
    change: int | Decimal | None
    relative: Decimal | None


@attrs.frozen(kw_only=True)
class ReportComparison:
    """The result of :func:`compare`.

    Attributes:
        agency: the agency.
        previous_year: the earlier year.
        current_year: the later year.
        changes: every cell of either year, in official order.
        cross_year: the findings of the cross-year rules (``XY-*``).
        not_assessed: the cross-year checks skipped, and why.
    """

    agency: str
    previous_year: int
    current_year: int
    changes: tuple[CellChange, ...]
    cross_year: tuple[Violation, ...]
    not_assessed: tuple[NotAssessed, ...]

    @property
    def changed(self) -> tuple[CellChange, ...]:
        """The cells whose value changed (including to or from blank)."""
        return tuple(c for c in self.changes if c.previous != c.current)

    def to_records(self) -> list[dict[str, Any]]:
        """One record per cell: path, label, previous, current, change, relative."""
        return [attrs.asdict(change) for change in self.changes]

    def __str__(self) -> str:
        """A summary in Chinese: the changed cells, largest change first, then the findings."""
        return "\n".join(self._lines())

    def _lines(self) -> list[str]:
        changed = self.changed
        lines = [
            f"{self.agency} {self.previous_year}→{self.current_year}：比较 {len(self.changes)} "
            f"个单元格，{len(changed)} 个有变化" + ("。" if changed else "，没有变化。")
        ]
        if changed:
            lines.append("变化（按变化量从大到小）：")
            ranked = sorted(changed, key=_size, reverse=True)
            lines.extend(f"  {_change_line(c)}" for c in ranked[:_SHOWN])
            if len(ranked) > _SHOWN:
                lines.append(f"  …另有 {len(ranked) - _SHOWN} 处变化")
        if self.cross_year:
            lines.append(f"跨年检查发现 {len(self.cross_year)} 个问题：")
            lines.extend(f"  {v.rule_id}：{v.message}" for v in self.cross_year)
        elif not self.not_assessed:
            lines.append("跨年检查未发现问题。")
        if self.not_assessed:
            lines.append(f"跨年检查有 {len(self.not_assessed)} 项未能进行：")
            # At most one per column of table 3 and row of table 2's documents: all listed.
            lines.extend(f"  {n.rule_id}：{n.reason}" for n in self.not_assessed)
        return lines

    def _repr_html_(self) -> str:
        rows = "".join(
            "<tr>"
            f"<td>{html.escape(c.label)}</td><td><code>{html.escape(c.path)}</code></td>"
            f"<td>{_show(c.previous)}</td><td>{_show(c.current)}</td>"
            f"<td>{_show(c.change, signed=True)}</td>"
            f"<td>{'' if c.relative is None else f'{c.relative:+.1%}'}</td>"
            "</tr>"
            for c in self.changed
        )
        findings = "".join(f"<li>{html.escape(v.message)}</li>" for v in self.cross_year)
        return (
            f"<div><p><strong>{html.escape(self.agency)} {self.previous_year}→"
            f"{self.current_year}：{len(self.changed)} 个单元格有变化</strong></p>"
            + (f"<ul>{findings}</ul>" if findings else "")
            + "<table><thead><tr><th>单元格</th><th>路径</th><th>上年</th><th>本年</th>"
            f"<th>增减</th><th>增减率</th></tr></thead><tbody>{rows}</tbody></table></div>"
        )


#: How many changes ``str()`` lists before "…另有 N 处变化".
_SHOWN = 20


def _size(change: CellChange) -> Decimal:
    """How large a change is, for ranking: a change to or from blank ranks last."""
    return Decimal(-1) if change.change is None else abs(Decimal(change.change))


def _change_line(change: CellChange) -> str:
    """``label：previous → current（change，relative）``."""
    moved = f"{change.label}：{_show(change.previous)} → {_show(change.current)}"
    if change.change is None:
        return f"{moved}（{'原为空白' if change.previous is None else '现为空白'}）"
    relative = "" if change.relative is None else f"，{change.relative:+.1%}"
    return f"{moved}（{_show(change.change, signed=True)}{relative}）"


def _show(value: CellValue, *, signed: bool = False) -> str:
    if value is None:
        return "—"
    text = format(value, "f") if isinstance(value, Decimal) else str(value)
    return f"+{text}" if signed and value > 0 else text


def compare(previous: AnnualReport, current: AnnualReport) -> ReportComparison:
    """Compare an agency's report with its report for the year before.

    Args:
        previous: the report for ``current``'s year − 1.
        current: the later report.

    Raises:
        PreviousReportError: ``previous`` is not the same agency's report for the year before.
        TypeError: either is not an AnnualReport.

    >>> import attrs, govdisclosure as gd
    >>> now = gd.examples.load("qijiang-psb-2023")
    >>> before = attrs.evolve(now, meta=attrs.evolve(now.meta, year=2022)).with_cell(
    ...     "proactive_disclosure.administrative_coercion.decisions", 3000
    ... )
    >>> change = gd.compare(before, now).changed[0]
    >>> change.path, change.change, round(change.relative, 4)
    ('proactive_disclosure.administrative_coercion.decisions', 488, Decimal('0.1627'))
    """
    if not isinstance(current, AnnualReport):
        raise TypeError(f"current must be an AnnualReport, got {type(current).__name__}")
    result = check_cross_year(current, previous)
    before = dict(previous.cells())
    after = dict(current.cells())
    version = current.meta.format_version
    paths = list(
        dict.fromkeys(
            (
                *_format.format_spec(version).paths,
                *_format.format_spec(previous.meta.format_version).paths,
            )
        )
    )
    changes = []
    for path in paths:
        old, new = before.get(path), after.get(path)
        change = new - old if old is not None and new is not None else None
        relative = Decimal(change) / Decimal(old) if change is not None and old else None
        changes.append(
            CellChange(
                path=path,
                label=_format.cell_label(path, version if path in after else None),
                previous=old,
                current=new,
                change=change,
                relative=relative,
            )
        )
    return ReportComparison(
        agency=current.meta.agency,
        previous_year=previous.meta.year,
        current_year=current.meta.year,
        changes=tuple(changes),
        cross_year=tuple(v for v in result.violations if v.rule_id.startswith("XY-")),
        not_assessed=tuple(n for n in result.not_assessed if n.rule_id.startswith("XY-")),
    )
