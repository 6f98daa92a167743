"""六、其他需要报告的事项 — section 6, other matters.

Free text (条例第五十条第五项). From report year 2021 it states the 信息处理费 charged under
国办函〔2020〕109号; the amount, in 元, is kept beside the text when known.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from govdisclosure._model.cells import heading_field, money_field, text_field

__all__ = ["HEADING", "ID", "OtherMatters"]

ID = "other_matters"
HEADING = "六、其他需要报告的事项"


@attrs.frozen(kw_only=True)
class OtherMatters:
    """六、其他需要报告的事项.

    Attributes:
        text: the section's text, verbatim, without its heading.
        information_fee_yuan: the 信息处理费 charged in the year, in 元, when the text
            states it (``Decimal('0')`` for "未收取"); ``None`` when it says nothing.
        heading: the heading as the report prints it, ``None`` for the official one.
    """

    text: str = text_field()
    information_fee_yuan: Decimal | None = money_field()
    heading: str | None = heading_field()
