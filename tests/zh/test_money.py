"""Tests of govdisclosure.zh.money: upper-case amounts (rmb_upper) and parse_amount."""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.zh import (
    ChineseNumberError,
    parse_amount,
    rmb_upper,
)

LIMIT = 10**16


@pytest.mark.parametrize(
    ("amount", "kwargs", "expected"),
    [
        ("107000.53", {}, "人民币壹拾万柒仟元零伍角叁分"),
        ("1680.32", {}, "人民币壹仟陆佰捌拾元零叁角贰分"),
        ("0.50", {}, "人民币伍角整"),
        ("0.55", {}, "人民币伍角伍分"),
        ("100001000", {}, "人民币壹亿零壹仟元整"),
        ("10.5", {"zheng_after_jiao": False}, "人民币壹拾元零伍角"),
        ("1.006", {"rounding": ROUND_DOWN}, "人民币壹元整"),
        ("1.005", {"rounding": ROUND_HALF_EVEN}, "人民币壹元整"),
        ("1.005", {"rounding": ROUND_HALF_UP}, "人民币壹元零壹分"),
        ("1.230", {}, "人民币壹元贰角叁分"),
        (Decimal("5E+2"), {}, "人民币伍佰元整"),
        (12, {"prefix": ""}, "壹拾贰元整"),
        (2.0, {}, "人民币贰元整"),
    ],
)
def test_rmb_upper_rules(amount: Any, kwargs: dict[str, Any], expected: str) -> None:
    """The bank and accounting rules on further amounts (examples of 支付结算办法附件一)."""
    assert expected == rmb_upper(amount, **kwargs)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"zheng": "是"}, ValueError, "zheng must be"),
        ({"zheng": 1}, TypeError, "zheng must be a str"),
        ({"rounding": "HALF_UP"}, ValueError, "unknown rounding"),
        ({"rounding": 1}, TypeError, "rounding must be"),
        ({"zheng_after_jiao": 1}, TypeError, "zheng_after_jiao must be a bool"),
        ({"zero_before_jiao": None}, TypeError, "zero_before_jiao must be a bool"),
        ({"prefix": None}, TypeError, "prefix must be a str"),
    ],
)
def test_rmb_upper_option_errors(
    kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    """Bad options of rmb_upper raise the documented errors."""
    with pytest.raises(error, match=match):
        rmb_upper("1.5", **kwargs)


def test_rmb_upper_rounding_to_limit() -> None:
    """Rounding that carries an amount to 10**16 yuan is out of range, not truncated."""
    with pytest.raises(ChineseNumberError, match="out of range"):
        rmb_upper("9999999999999999.999", rounding=ROUND_HALF_UP)
    assert rmb_upper("9999999999999999.99").endswith("玖元玖角玖分")


@given(
    st.integers(min_value=0, max_value=LIMIT * 100 - 1),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["整", "正"]),
)
def test_rmb_round_trip(
    cents: int, zheng_after_jiao: bool, zero_before_jiao: bool, zheng: str
) -> None:
    """parse_amount(rmb_upper(x)) == x in every option; 整 never follows 分."""
    amount = Decimal(cents).scaleb(-2)
    text = rmb_upper(
        amount, zheng=zheng, zheng_after_jiao=zheng_after_jiao, zero_before_jiao=zero_before_jiao
    )
    assert parse_amount(text) == amount
    assert not text.endswith(("分整", "分正"))
    assert text.endswith(("分", "整", "正")) or (not zheng_after_jiao and text.endswith("角"))
    if cents >= 100:
        assert "零元" not in text
    assert re.fullmatch(r"人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整正]+", text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("380元", Decimal(380)),
        ("1.2万元", Decimal(12000)),
        ("1,234.50元", Decimal("1234.50")),
        ("1,234万元", Decimal(12340000)),
        ("1,000万亿元", Decimal(10**15)),
        ("￥1,234.50", Decimal("1234.50")),
        ("¥12", Decimal(12)),
        ("三百八十元", Decimal(380)),
        ("人民币壹仟肆佰零玖元伍角整", Decimal("1409.5")),
        ("人民币壹仟陆佰捌拾元叁角贰分", Decimal("1680.32")),
        ("人民币伍分", Decimal("0.05")),
        ("叁角整", Decimal("0.3")),
        ("人民币壹万元", Decimal(10000)),
        ("380元整", Decimal(380)),
        ("380.5元整", Decimal("380.5")),
        ("0元", Decimal(0)),
        ("-380元", Decimal(-380)),
    ],
)
def test_parse_amount(text: str, expected: Decimal) -> None:
    """Amounts in Arabic, Chinese and upper-case forms read to Decimal yuan."""
    actual = parse_amount(text)
    assert expected == actual
    assert isinstance(actual, Decimal)
    assert "E" not in str(actual)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("", "no amount"),
        ("人民币", "no amount"),
        ("元", "no amount"),
        ("三百八十块", "'块' at position 4"),
        ("伍分整", "整 never follows 分"),
        ("整", "expected an amount before 整"),
        ("元整", "expected a number before 元"),
        ("壹元十分", "expected a digit 1-9 before 分"),
        ("壹元十角", "expected a digit 1-9 before 角"),
        ("壹元零角", "expected 角 and 分 digits"),
        ("壹元伍角伍", "not a Chinese numeral character"),
        ("1.5元伍角", "must be whole"),
        ("1,23元", "not a correctly grouped amount"),
        ("1,234x元", "not part of a grouped Arabic amount"),
        ("10,000,000,000,000,000元", "out of range"),
        ("10,000万亿元", "out of range"),
    ],
)
def test_parse_amount_rejects(text: str, match: str) -> None:
    """Malformed amounts raise ChineseNumberError quoting the whole text."""
    with pytest.raises(ChineseNumberError, match=match) as info:
        parse_amount(text)
    assert repr(text) in str(info.value) or not text
