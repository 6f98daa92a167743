"""二、主动公开政府信息情况 — section 2, proactive disclosure (table 2).

Table 2 reports the items of 条例第二十条 that the body disclosed on its own initiative.
Its 2021 variant has 10 cells; the 2019 trial variant has 22, with signed 本年增/减 cells
and a 政府集中采购 block. A report holds the variant of its ``meta.format_version``.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from govdisclosure._format.vocabulary import HEADINGS
from govdisclosure._model.cells import (
    count_field,
    heading_field,
    money_field,
    notes_field,
    optional_text_field,
)

__all__ = [
    "HEADING",
    "ID",
    "CentralProcurement2019",
    "DecisionCount",
    "DocumentCounts",
    "DocumentCounts2019",
    "FeeAmount",
    "FeeItems2019",
    "ItemCounts2019",
    "ProactiveDisclosure2019",
    "ProactiveDisclosure2021",
]

ID = "proactive_disclosure"
HEADING = HEADINGS[ID]


@attrs.frozen(kw_only=True)
class DocumentCounts:
    """第二十条第（一）项 (2021): 规章 or 行政规范性文件 issued, repealed and in force."""

    issued: int | None = count_field()
    repealed: int | None = count_field()
    in_force: int | None = count_field()


@attrs.frozen(kw_only=True)
class DecisionCount:
    """第二十条第（五）（六）项 (2021): 本年处理决定数量."""

    decisions: int | None = count_field()


@attrs.frozen(kw_only=True)
class FeeAmount:
    """第二十条第（八）项 (2021): 行政事业性收费, 本年收费金额 in 万元."""

    amount_10k_yuan: Decimal | None = money_field()


@attrs.frozen(kw_only=True)
class ProactiveDisclosure2021:
    """Table 2 in the 2021 format (10 cells).

    Attributes:
        notes: the 备注 lines printed under the table.
        heading: the section heading as printed, ``None`` for the official one.
    """

    rules: DocumentCounts = attrs.Factory(DocumentCounts)
    normative_documents: DocumentCounts = attrs.Factory(DocumentCounts)
    administrative_licensing: DecisionCount = attrs.Factory(DecisionCount)
    administrative_penalty: DecisionCount = attrs.Factory(DecisionCount)
    administrative_coercion: DecisionCount = attrs.Factory(DecisionCount)
    administrative_fees: FeeAmount = attrs.Factory(FeeAmount)
    notes: tuple[str, ...] = notes_field()
    heading: str | None = heading_field()


@attrs.frozen(kw_only=True)
class DocumentCounts2019:
    """第二十条第（一）项 (2019): 规章 or 规范性文件 made, published and published in all."""

    newly_made: int | None = count_field()
    newly_published: int | None = count_field()
    total_published: int | None = count_field()


@attrs.frozen(kw_only=True)
class ItemCounts2019:
    """第二十条第（五）（六）项 (2019): items last year, the signed change, and decisions."""

    prev_year_items: int | None = count_field()
    change: int | None = count_field()
    decisions: int | None = count_field()


@attrs.frozen(kw_only=True)
class FeeItems2019:
    """第二十条第（八）项 (2019): 行政事业性收费 items last year and the signed change."""

    prev_year_items: int | None = count_field()
    change: int | None = count_field()


@attrs.frozen(kw_only=True)
class CentralProcurement2019:
    """第二十条第（九）项 (2019): 政府集中采购.

    Attributes:
        items: 采购项目数量.
        amount: 采购总金额, in ``amount_unit`` (the format sets no unit).
        amount_unit: the unit the report states (元, 万元), ``None`` when it states none.
    """

    items: int | None = count_field()
    amount: Decimal | None = money_field()
    amount_unit: str | None = optional_text_field()


@attrs.frozen(kw_only=True)
class ProactiveDisclosure2019:
    """Table 2 in the 2019 trial format (22 cells).

    Attributes:
        notes: the 备注 lines printed under the table.
        heading: the section heading as printed, ``None`` for the official one.
    """

    rules: DocumentCounts2019 = attrs.Factory(DocumentCounts2019)
    normative_documents: DocumentCounts2019 = attrs.Factory(DocumentCounts2019)
    administrative_licensing: ItemCounts2019 = attrs.Factory(ItemCounts2019)
    other_external_services: ItemCounts2019 = attrs.Factory(ItemCounts2019)
    administrative_penalty: ItemCounts2019 = attrs.Factory(ItemCounts2019)
    administrative_coercion: ItemCounts2019 = attrs.Factory(ItemCounts2019)
    administrative_fees: FeeItems2019 = attrs.Factory(FeeItems2019)
    central_procurement: CentralProcurement2019 = attrs.Factory(CentralProcurement2019)
    notes: tuple[str, ...] = notes_field()
    heading: str | None = heading_field()
