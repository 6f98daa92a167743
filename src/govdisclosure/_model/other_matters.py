"""六、其他需要报告的事项 — section 6, other matters.

Free text (条例第五十条第五项). From report year 2021 it states the 信息处理费 charged under
国办函〔2020〕109号; the amount, in 元, is kept beside the text when known.
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs

from govdisclosure import zh
from govdisclosure._format.vocabulary import HEADINGS
from govdisclosure._model.cells import heading_field, money_field, text_field

__all__ = ["HEADING", "ID", "OtherMatters", "stated_fee"]

ID = "other_matters"
HEADING = HEADINGS[ID]

_FEE_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(万元|元)")
_FEE_NONE = re.compile(
    r"(?:未|没有|无|不|尚未)(?:发生|收取|产生|存在|涉及)?[^，。；]{0,20}?(?:收费|收取|处理费)"
)
_SENTENCE = re.compile(r"[^。；;\n]+")


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


def stated_fee(text: str) -> tuple[Decimal | None, str | None, str | None]:
    """The 信息处理费 a section-六 text states: (amount in 元, the words read, a doubt).

    The amount is ``Decimal(0)`` when the text says none was charged, ``None`` when it says
    nothing or states several different amounts (then the doubt says which).

    >>> stated_fee("本年度共收取信息处理费150.5元。")
    (Decimal('150.5'), '150.5元', None)
    >>> stated_fee("本机关未收取信息处理费。")
    (Decimal('0'), '本机关未收取信息处理费', None)
    """
    amounts: list[tuple[Decimal, str]] = []
    none_said: str | None = None
    for sentence in _SENTENCE.findall(text):
        if not any(word in sentence for word in ("信息处理费", "收费", "收取")):
            continue
        found = _FEE_AMOUNT.findall(sentence)
        for number, unit in found:
            try:
                amounts.append((zh.parse_amount(number + unit), number + unit))
            except ValueError:  # noqa: PERF203 - a few sentences at most
                continue
        if not found and none_said is None and _FEE_NONE.search(sentence):
            none_said = sentence.strip()
    if len({a for a, _ in amounts}) == 1:
        return amounts[0][0], amounts[0][1], None
    if amounts:
        return None, None, "section 六 states several amounts: " + ", ".join(r for _, r in amounts)
    if none_said is not None:
        return Decimal(0), none_said, None
    return None, None, None
