"""四、政府信息公开行政复议、行政诉讼情况 — section 4, review and litigation (table 4).

One data row of 15 cells: 行政复议, then 行政诉讼 split into 未经复议直接起诉 and 复议后起诉,
each with 结果维持, 结果纠正, 其他结果, 尚未审结 and 总计. The same in both formats.
"""

from __future__ import annotations

import attrs

from govdisclosure._format.vocabulary import HEADINGS
from govdisclosure._model.cells import count_field, heading_field, notes_field

__all__ = ["HEADING", "ID", "CaseOutcomes", "ReviewLitigation"]

ID = "review_litigation"
HEADING = HEADINGS[ID]


@attrs.frozen(kw_only=True)
class CaseOutcomes:
    """The five outcome cells of one group: 维持, 纠正, 其他, 尚未审结, 总计."""

    upheld: int | None = count_field()
    corrected: int | None = count_field()
    other: int | None = count_field()
    pending: int | None = count_field()
    total: int | None = count_field()


@attrs.frozen(kw_only=True)
class ReviewLitigation:
    """Table 4.

    Attributes:
        review: 行政复议.
        litigation_direct: 行政诉讼 / 未经复议直接起诉.
        litigation_after_review: 行政诉讼 / 复议后起诉.
        notes: the 备注 lines printed under the table.
        heading: the section heading as printed, ``None`` for the official one.
    """

    review: CaseOutcomes = attrs.Factory(CaseOutcomes)
    litigation_direct: CaseOutcomes = attrs.Factory(CaseOutcomes)
    litigation_after_review: CaseOutcomes = attrs.Factory(CaseOutcomes)
    notes: tuple[str, ...] = notes_field()
    heading: str | None = heading_field()
