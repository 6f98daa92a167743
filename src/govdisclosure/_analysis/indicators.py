"""Indicators computed from the tables: rates researchers and evaluators compare.

Each indicator is a ratio of cells, declared once below with its Chinese name and formula;
it is ``None`` when a cell it needs is blank or its denominator is 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

from govdisclosure import _format
from govdisclosure._model.report import AnnualReport, CellValue

__all__ = ["Indicator", "indicator_catalogue", "indicators"]

_APP = "applications"
_RL = "review_litigation"


@attrs.frozen(kw_only=True)
class Indicator:
    """A named ratio of table cells.

    Attributes:
        name: the stable id, e.g. ``disclosure_rate``.
        title: the Chinese name, e.g. 公开率.
        title_en: the English name.
        formula: the formula in the report's words.
        numerator: the cells added up above the line.
        denominator: cells added up below the line (the ``minus`` cells are subtracted).
        minus: cells subtracted from the denominator.
    """

    name: str
    title: str
    title_en: str
    formula: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    minus: tuple[str, ...] = ()

    def compute(self, values: Mapping[str, CellValue]) -> Decimal | None:
        """The ratio for a report's cell values, or ``None`` (blank cell, zero denominator)."""
        counts: dict[str, int] = {}
        for path in (*self.numerator, *self.denominator, *self.minus):
            value = values.get(path)
            if value is None:
                return None
            counts[path] = int(value)
        top = sum(counts[p] for p in self.numerator)
        bottom = sum(counts[p] for p in self.denominator) - sum(counts[p] for p in self.minus)
        if bottom == 0:
            return None
        return Decimal(top) / Decimal(bottom)


def _group(prefix: str) -> tuple[str, ...]:
    rows = _format.RESULT_ROWS[_format.FormatVersion.V2021]
    return tuple(f"{_APP}.{row}.total" for row in rows if row.startswith(prefix))


_LITIGATION = ("litigation_direct", "litigation_after_review")

_CATALOGUE = (
    Indicator(
        name="disclosure_rate",
        title="公开率",
        title_en="disclosure rate",
        formula="（予以公开 + 部分公开）÷ 办理结果总计",
        numerator=(f"{_APP}.granted.total", f"{_APP}.partially_granted.total"),
        denominator=(f"{_APP}.results_total.total",),
    ),
    Indicator(
        name="denial_rate",
        title="不予公开率",
        title_en="denial rate",
        formula="不予公开（1～8 项之和）÷ 办理结果总计",
        numerator=_group("denied_"),
        denominator=(f"{_APP}.results_total.total",),
    ),
    Indicator(
        name="unable_rate",
        title="无法提供率",
        title_en="unable-to-provide rate",
        formula="无法提供（1～3 项之和）÷ 办理结果总计",
        numerator=_group("unable_"),
        denominator=(f"{_APP}.results_total.total",),
    ),
    Indicator(
        name="not_processed_rate",
        title="不予处理率",
        title_en="not-processed rate",
        formula="不予处理（1～5 项之和）÷ 办理结果总计",
        numerator=_group("not_processed_"),
        denominator=(f"{_APP}.results_total.total",),
    ),
    Indicator(
        name="carry_forward_rate",
        title="结转率",
        title_en="carry-forward rate",
        formula="结转下年度继续办理 ÷（本年新收 + 上年结转）",
        numerator=(f"{_APP}.carried_forward.total",),
        denominator=(f"{_APP}.new_received.total", f"{_APP}.carried_over.total"),
    ),
    Indicator(
        name="natural_person_share",
        title="自然人申请占比",
        title_en="share of applications by natural persons",
        formula="本年新收中自然人申请数 ÷ 本年新收总计",
        numerator=(f"{_APP}.new_received.natural_person",),
        denominator=(f"{_APP}.new_received.total",),
    ),
    Indicator(
        name="review_correction_rate",
        title="行政复议纠错率",
        title_en="administrative review correction rate",
        formula="行政复议结果纠正 ÷（行政复议总计 − 尚未审结）",
        numerator=(f"{_RL}.review.corrected",),
        denominator=(f"{_RL}.review.total",),
        minus=(f"{_RL}.review.pending",),
    ),
    Indicator(
        name="litigation_correction_rate",
        title="行政诉讼纠错率",
        title_en="administrative litigation correction rate",
        formula="行政诉讼结果纠正 ÷（行政诉讼总计 − 尚未审结），两类诉讼合计",
        numerator=tuple(f"{_RL}.{g}.corrected" for g in _LITIGATION),
        denominator=tuple(f"{_RL}.{g}.total" for g in _LITIGATION),
        minus=tuple(f"{_RL}.{g}.pending" for g in _LITIGATION),
    ),
)


def indicator_catalogue() -> tuple[Indicator, ...]:
    """Return the declared indicators, in order.

    >>> [i.name for i in indicator_catalogue()][:2]
    ['disclosure_rate', 'denial_rate']
    """
    return _CATALOGUE


def indicators(report: AnnualReport) -> dict[str, Decimal | None]:
    """Compute every indicator of a report.

    Ratios are exact ``Decimal`` quotients (format them with ``gd.zh.format_percent``);
    ``None`` where a needed cell is blank or the denominator is 0. In the 2019 format the
    其他处理 row is one row, which no indicator uses.

    >>> import govdisclosure as gd
    >>> values = gd.indicators(gd.examples.load("qijiang-psb-2023"))
    >>> values["disclosure_rate"], values["unable_rate"]
    (Decimal('0'), Decimal('1'))
    >>> values["review_correction_rate"] is None  # no review concluded: 0 ÷ 0
    True
    """
    if not isinstance(report, AnnualReport):
        raise TypeError(f"indicators takes an AnnualReport, got {type(report).__name__}")
    values = dict(report.cells())
    return {indicator.name: indicator.compute(values) for indicator in _CATALOGUE}
