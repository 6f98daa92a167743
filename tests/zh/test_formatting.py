"""Tests of govdisclosure.zh.formatting: headings, citations, document numbers and figures."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from enum import IntEnum
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.zh import (
    ChineseNumberError,
    article_ref,
    format_count,
    format_doc_number,
    format_percent,
    format_wan,
    heading_marker,
    parse_percent,
)


def test_int_subclass_accepted() -> None:
    """An int subclass (an IntEnum member) counts as an int; a bool does not."""

    class Level(IntEnum):
        SECOND = 2

    assert heading_marker(Level.SECOND, Level.SECOND) == "（二）"
    with pytest.raises(TypeError):
        heading_marker(True, 1)


def test_headings_and_citations() -> None:
    """Headings use full-width brackets; citations add 款 and 项 as asked."""
    assert heading_marker(1, 12) == "十二、"
    assert heading_marker(2, 10) == "（十）"
    assert heading_marker(4, 12) == "（12）"
    assert "\uff08" in heading_marker(2, 1)
    assert "\uff09" in heading_marker(2, 1)
    with pytest.raises(ChineseNumberError, match="n must be at least 1"):
        heading_marker(1, 0)
    assert article_ref(49) == "第四十九条"
    assert article_ref(36, 3, paragraph=1) == "第三十六条第一款第（三）项"
    assert article_ref(36, paragraph=2) == "第三十六条第二款"
    with pytest.raises(ChineseNumberError, match="item must be at least 1"):
        article_ref(20, 0)
    with pytest.raises(TypeError, match="paragraph must be an int"):
        article_ref(20, 1, paragraph="1")  # type: ignore[arg-type]


def test_doc_numbers() -> None:
    """Document numbers use 〔〕 U+3014/U+3015 and refuse empty or bad parts."""
    assert format_doc_number("国办发", 2019, 1) == "国办发\u30142019\u30151号"
    with pytest.raises(ChineseNumberError, match="must not be empty"):
        format_doc_number("", 2021, 1)
    with pytest.raises(TypeError, match="prefix must be a str"):
        format_doc_number(None, 2021, 1)  # type: ignore[arg-type]
    with pytest.raises(ChineseNumberError, match="year must be"):
        format_doc_number("国办发", 21000, 1)


@pytest.mark.parametrize(
    ("args", "kwargs", "expected"),
    [
        ((Decimal("0.125"),), {"digits": 0, "rounding": ROUND_HALF_EVEN}, "12%"),
        ((Decimal("0.00045"),), {"digits": 2}, "0.05%"),
        ((0.5,), {}, "50.0%"),
        (("12.5",), {"digits": 0}, "1,250%"),
        ((1,), {"digits": 2}, "100.00%"),
        ((Decimal("-0.0001"),), {}, "0.0%"),
        ((Decimal("-0.123"),), {}, "-12.3%"),
    ],
)
def test_format_percent(args: tuple[Any, ...], kwargs: dict[str, Any], expected: str) -> None:
    """Percentages round with the given mode (四舍五入 by default) and group thousands."""
    assert expected == format_percent(*args, **kwargs)


def test_format_percent_errors() -> None:
    """Bad values and options of format_percent raise the documented errors."""
    with pytest.raises(ChineseNumberError, match="out of range"):
        format_percent(Decimal("1E+15"))
    with pytest.raises(ChineseNumberError, match="digits must be"):
        format_percent(Decimal("0.5"), digits=-1)
    with pytest.raises(TypeError, match="digits must be an int"):
        format_percent(Decimal("0.5"), digits=1.0)  # type: ignore[arg-type]
    with pytest.raises(ChineseNumberError, match="unknown rounding"):
        format_percent(Decimal("0.5"), rounding="up")


@pytest.mark.parametrize(
    ("args", "kwargs", "expected"),
    [
        ((147000,), {}, "14.7万"),
        ((140000,), {}, "14.0万"),
        ((145000,), {"digits": 0}, "15万"),
        ((145000,), {"digits": 0, "rounding": ROUND_HALF_EVEN}, "14万"),
        ((123456789,), {"digits": 2, "unit": "亿"}, "1.23亿"),
        ((15 * 10**11,), {"unit": "万亿"}, "1.5万亿"),
        ((-147000,), {}, "-14.7万"),
        ((-1,), {}, "0.0万"),
        ((Decimal(5000),), {}, "0.5万"),
    ],
)
def test_format_wan(args: tuple[Any, ...], kwargs: dict[str, Any], expected: str) -> None:
    """Numbers in 万/亿/万亿 keep a fixed number of decimals, rounded as asked."""
    assert expected == format_wan(*args, **kwargs)


def test_format_wan_and_count_errors() -> None:
    """Bad units and non-int counts raise the documented errors."""
    with pytest.raises(ChineseNumberError, match="unit must be"):
        format_wan(1, unit="千")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="unit must be a str"):
        format_wan(1, unit=None)  # type: ignore[arg-type]
    assert format_count(-5) == "-5"
    assert format_count(1234567, grouping=True) == "1,234,567"
    with pytest.raises(TypeError, match="n must be an int"):
        format_count(True)
    with pytest.raises(TypeError, match="grouping must be a bool"):
        format_count(1, grouping="yes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.3%", Decimal("0.123")),
        ("12.3％", Decimal("0.123")),
        ("百分之十二点三", Decimal("0.123")),
        ("100%", Decimal(1)),
        ("-5%", Decimal("-0.05")),
    ],
)
def test_parse_percent(text: str, expected: Decimal) -> None:
    """Percentages in Arabic and Chinese read back to ratios."""
    assert expected == parse_percent(text)


@given(st.decimals(min_value=-100, max_value=100, places=4), st.integers(0, 3))
def test_percent_round_trip(value: Decimal, digits: int) -> None:
    """parse_percent(format_percent(x, digits)) is x rounded half up to digits + 2 places."""
    text = format_percent(value, digits=digits)
    expected = value.quantize(Decimal(1).scaleb(-digits - 2), rounding=ROUND_HALF_UP)
    assert parse_percent(text.replace(",", "")) == expected


@pytest.mark.parametrize(("text", "match"), [("12.3", "not a percentage"), ("%", "no number")])
def test_parse_percent_rejects(text: str, match: str) -> None:
    """Text without a percent sign or a number is refused."""
    with pytest.raises(ChineseNumberError, match=match):
        parse_percent(text)
