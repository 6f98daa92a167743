"""Tests of govdisclosure.zh: the test vectors of spec/zh.md, round trips and junk input."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, localcontext
from enum import Enum, IntEnum
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from govdisclosure import zh
from govdisclosure.errors import GovDisclosureError
from govdisclosure.zh import (
    ChineseNumberError,
    article_ref,
    format_count,
    format_date,
    format_date_range,
    format_doc_number,
    format_percent,
    format_wan,
    format_year,
    heading_marker,
    parse_amount,
    parse_chinese_date,
    parse_chinese_numeral,
    parse_percent,
    publication_deadline,
    report_period,
    rmb_upper,
    statistics_period_sentence,
    to_chinese_digits,
    to_chinese_numeral,
    to_ordinal,
)

LIMIT = 10**16

# The test vectors of spec/zh.md, verbatim: (function, args, kwargs, expected result or error).
Vector = tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any], Any]
VECTORS: list[Vector] = [
    (to_chinese_numeral, (0,), {}, "零"),
    (to_chinese_numeral, (10,), {}, "十"),
    (to_chinese_numeral, (11,), {}, "十一"),
    (to_chinese_numeral, (110,), {}, "一百一十"),
    (to_chinese_numeral, (1010,), {}, "一千零一十"),
    (to_chinese_numeral, (2023,), {}, "二千零二十三"),
    (to_chinese_numeral, (2023,), {"liang": True}, "两千零二十三"),
    (to_chinese_numeral, (20000,), {"liang": True}, "两万"),
    (to_chinese_numeral, (22,), {"liang": True}, "二十二"),
    (to_chinese_numeral, (100000,), {}, "十万"),
    (to_chinese_numeral, (105000,), {}, "十万五千"),
    (to_chinese_numeral, (1903971,), {}, "一百九十万三千九百七十一"),
    (to_chinese_numeral, (100000001,), {}, "一亿零一"),
    (to_chinese_numeral, (100001000,), {}, "一亿零一千"),
    (to_chinese_numeral, (100001000,), {"zero_after_empty_wan": False}, "一亿一千"),
    (to_chinese_numeral, (100010000,), {}, "一亿零一万"),
    (to_chinese_numeral, (10**12,), {}, "一万亿"),
    (
        to_chinese_numeral,
        (9999999999999999,),
        {},
        "九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九",
    ),
    (to_chinese_numeral, (10**16,), {}, ValueError),
    (to_chinese_numeral, (-3,), {}, "负三"),
    (to_chinese_numeral, (Decimal("0.05"),), {}, "零点零五"),
    (to_chinese_numeral, ("95.06",), {}, "九十五点零六"),
    (to_chinese_numeral, (Decimal("1.10"),), {}, "一点一零"),
    (to_chinese_numeral, (True,), {}, TypeError),
    (to_chinese_numeral, (None,), {}, TypeError),
    (to_chinese_numeral, ("1,000",), {}, ValueError),
    (to_chinese_numeral, (" 12 ",), {}, ValueError),
    (to_chinese_numeral, (float("nan"),), {}, ValueError),
    (to_chinese_numeral, (10,), {"upper": True}, "壹拾"),
    (to_chinese_numeral, (1010,), {"upper": True}, "壹仟零壹拾"),
    (to_chinese_digits, (2023,), {}, "二\u3007二三"),
    (to_chinese_digits, (2000,), {}, "二\u3007\u3007\u3007"),
    (to_ordinal, (1,), {}, "第一"),
    (to_ordinal, (20,), {"suffix": "条"}, "第二十条"),
    (to_ordinal, (0,), {}, ValueError),
    (rmb_upper, ("1409.50",), {}, "人民币壹仟肆佰零玖元伍角整"),
    (rmb_upper, ("1409.50",), {"zheng_after_jiao": False}, "人民币壹仟肆佰零玖元伍角"),
    (rmb_upper, ("6007.14",), {}, "人民币陆仟零柒元壹角肆分"),
    (rmb_upper, ("1680.32",), {"zero_before_jiao": False}, "人民币壹仟陆佰捌拾元叁角贰分"),
    (rmb_upper, ("16409.02",), {}, "人民币壹万陆仟肆佰零玖元零贰分"),
    (rmb_upper, ("325.04",), {}, "人民币叁佰贰拾伍元零肆分"),
    (rmb_upper, ("1000.05",), {}, "人民币壹仟元零伍分"),
    (rmb_upper, (10000,), {}, "人民币壹万元整"),
    (rmb_upper, (10,), {}, "人民币壹拾元整"),
    (rmb_upper, (0,), {}, "人民币零元整"),
    (rmb_upper, ("0.05",), {}, "人民币伍分"),
    (rmb_upper, ("532.00",), {"zheng": "正"}, "人民币伍佰叁拾贰元正"),
    (rmb_upper, (100000000,), {}, "人民币壹亿元整"),
    (rmb_upper, (1409.5,), {}, "人民币壹仟肆佰零玖元伍角整"),
    (rmb_upper, (0.1 + 0.2,), {}, ValueError),
    (rmb_upper, (0.1 + 0.2,), {"rounding": ROUND_HALF_UP}, "人民币叁角整"),
    (rmb_upper, (-1,), {}, ValueError),
    (rmb_upper, (10**16,), {}, ValueError),
    (format_date, (date(2023, 12, 31),), {}, "2023年12月31日"),
    (format_date, (date(2023, 1, 5),), {}, "2023年1月5日"),
    (format_date, (date(2023, 12, 31),), {"style": "hanzi"}, "二〇二三年十二月三十一日"),
    (format_date, (date(2023, 1, 15),), {"style": "bill"}, "贰零贰叁年零壹月壹拾伍日"),
    (format_date, ("2023-12-31",), {}, TypeError),
    (
        format_date_range,
        (date(2023, 1, 1), date(2023, 12, 31)),
        {},
        "2023年1月1日至2023年12月31日",
    ),
    (
        format_date_range,
        (date(2023, 1, 1), date(2023, 12, 31)),
        {"repeat_year": False},
        "2023年1月1日至12月31日",
    ),
    (
        format_date_range,
        (date(2023, 1, 1), date(2023, 12, 31)),
        {"connector": "起至", "frame": ("自", "止")},
        "自2023年1月1日起至2023年12月31日止",
    ),
    (format_date_range, (date(2023, 12, 31), date(2023, 1, 1)), {}, ValueError),
    (
        statistics_period_sentence,
        (2023,),
        {},
        "本报告中所列数据的统计期限为2023年1月1日至2023年12月31日。",
    ),
    (format_year, (2023,), {"suffix": "年度"}, "2023年度"),
    (format_year, (2023,), {"hanzi": True}, "二〇二三年"),
    (publication_deadline, (2023,), {}, date(2024, 1, 31)),
    (publication_deadline, (2023,), {"level": "government"}, date(2024, 3, 31)),
    (format_doc_number, ("国办公开办函", 2021, 30), {}, "国办公开办函〔2021〕30号"),
    (format_doc_number, ("国办发", 2021, 0), {}, ValueError),
    (heading_marker, (1, 1), {}, "一、"),
    (heading_marker, (2, 1), {}, "（一）"),
    (heading_marker, (3, 1), {}, "1."),
    (heading_marker, (4, 1), {}, "（1）"),
    (heading_marker, (5, 1), {}, ValueError),
    (article_ref, (20, 1), {}, "第二十条第（一）项"),
    (format_percent, (Decimal("0.125"),), {"digits": 0}, "13%"),
    (format_percent, (Decimal("0.1234"),), {}, "12.3%"),
    (format_wan, (147000,), {}, "14.7万"),
    (format_count, (46106,), {}, "46106"),
    (format_count, (46106,), {"grouping": True}, "46,106"),
    # Reading back.
    (parse_chinese_numeral, ("一百一十四",), {}, 114),
    (parse_chinese_numeral, ("十一",), {}, 11),
    (parse_chinese_numeral, ("一十一",), {}, 11),
    (parse_chinese_numeral, ("两万",), {}, 20000),
    (parse_chinese_numeral, ("壹仟零贰拾",), {}, 1020),
    (parse_chinese_numeral, ("一亿零一千",), {}, 100001000),
    (parse_chinese_numeral, ("九十五点零六",), {}, Decimal("95.06")),
    (parse_chinese_numeral, ("二〇二三",), {}, 2023),
    (parse_chinese_numeral, ("14.7万",), {}, 147000),
    (parse_chinese_numeral, ("负三",), {}, -3),
    (parse_chinese_numeral, ("一百二十x",), {}, ValueError),
    (parse_chinese_numeral, ("",), {}, ValueError),
]

# The api.md examples of the zh module.
API_EXAMPLES: list[Vector] = [
    (to_chinese_numeral, (1234,), {"upper": True}, "壹仟贰佰叁拾肆"),
    (report_period, (2023,), {}, (date(2023, 1, 1), date(2023, 12, 31))),
    (publication_deadline, (2023,), {"level": "department"}, date(2024, 1, 31)),
    (heading_marker, (2, 3), {}, "（三）"),
]


def _vector_id(vector: Vector) -> str:
    func, args, kwargs, _ = vector
    shown = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    return f"{func.__name__}({', '.join(shown)})"


def _call(func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    return func(*args, **kwargs)


@pytest.mark.parametrize("vector", VECTORS + API_EXAMPLES, ids=_vector_id)
def test_spec_vector(vector: Vector) -> None:
    """Each test vector of spec/zh.md (and api.md) gives exactly the expected result."""
    func, args, kwargs, expected = vector
    if isinstance(expected, type) and issubclass(expected, Exception):
        with pytest.raises(expected) as info:
            _call(func, args, kwargs)
        if expected is ValueError:
            assert isinstance(info.value, ChineseNumberError)
        assert str(info.value)
    else:
        actual = _call(func, args, kwargs)
        assert expected == actual
        assert type(expected) is type(actual)


def test_zero_is_u3007_in_codes() -> None:
    """Years and codes use 〇 U+3007, never ○ U+25CB, the letter O or the digit 0."""
    text = to_chinese_digits(2000) + format_year(2000, hanzi=True)
    assert "\u25cb" not in text
    assert "O" not in text
    assert "0" not in text
    assert text.count("\u3007") == 6


def test_error_class() -> None:
    """ChineseNumberError is both the library's root error and a ValueError."""
    assert issubclass(ChineseNumberError, GovDisclosureError)
    assert issubclass(ChineseNumberError, ValueError)
    assert ChineseNumberError().message == ChineseNumberError.default_message


def test_all_is_sorted_and_public() -> None:
    """__all__ is sorted and names exactly the public functions and the error class."""
    assert zh.__all__ == sorted(zh.__all__)
    imported = {"Context", "Decimal", "Literal", "GovDisclosureError", "date", "ROUND_HALF_UP"}
    public = {
        name
        for name, value in vars(zh).items()
        if name.isidentifier() and not name.startswith("_") and not inspect.ismodule(value)
    }
    assert set(zh.__all__) == public - imported - {"annotations"}


# ---------------------------------------------------------------------------------------
# Writing numbers


@pytest.mark.parametrize(
    ("n", "kwargs", "expected"),
    [
        (3052, {}, "三千零五十二"),
        (100010, {}, "十万零一十"),
        (1005, {}, "一千零五"),
        (1050, {}, "一千零五十"),
        (1505, {}, "一千五百零五"),
        (105, {}, "一百零五"),
        (15 * 10**12, {}, "十五万亿"),
        (10**12 + 10**7, {}, "一万亿零一千万"),
        (10**12 + 10**7, {"zero_after_empty_wan": False}, "一万亿一千万"),
        (10**12 + 1, {}, "一万亿零一"),
        (2 * 10**12, {"liang": True}, "两万亿"),
        (2 * 10**12 + 5 * 10**8, {"liang": True}, "两万零五亿"),
        (120000, {"liang": True}, "十二万"),
        (220000, {"liang": True}, "二十二万"),
        (20000000, {"liang": True}, "两千万"),
        (200000000, {"liang": True}, "两亿"),
        (100020000, {"liang": True}, "一亿零两万"),
        (2222, {"liang": True}, "两千两百二十二"),
        (2, {"liang": True}, "二"),
        (20, {"liang": True}, "二十"),
        (222, {"liang": True, "upper": True}, "贰佰贰拾贰"),
        (100000, {"upper": True}, "壹拾万"),
        (10**15, {}, "一千万亿"),
        (-10, {}, "负十"),
        (Decimal("-0.5"), {}, "负零点五"),
        (Decimal("-0"), {}, "零"),
        (Decimal("1E+3"), {}, "一千"),
        (Decimal("0E-2"), {}, "零点零零"),
        ("-0", {}, "零"),
        ("007", {}, "七"),
        (1.5, {}, "一点五"),
        (46106.0, {}, "四万六千一百零六"),
        (-0.0, {}, "零"),
        (Decimal("12.5"), {"upper": True}, "壹拾贰点伍"),
        (15, {}, "十五"),
        (15, {"upper": True}, "壹拾伍"),
        (10010, {}, "一万零一十"),
    ],
)
def test_numeral_rules(n: Any, kwargs: dict[str, Any], expected: str) -> None:
    """The level, zero, 十/一十, 两 and decimal rules of zh.md on further cases."""
    assert expected == to_chinese_numeral(n, **kwargs)


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (float("inf"), ValueError),
        (float("-inf"), ValueError),
        (1e16, ValueError),
        (-(10**16), ValueError),
        (Decimal("NaN"), ValueError),
        (Decimal("sNaN"), ValueError),
        (Decimal("Infinity"), ValueError),
        (Decimal("1E+16"), ValueError),
        (Decimal("1E-65"), ValueError),
        ("1" * 17, ValueError),
        ("0." + "1" * 65, ValueError),
        ("", ValueError),
        ("-", ValueError),
        ("+5", ValueError),
        ("1e3", ValueError),
        (".5", ValueError),
        ("5.", ValueError),
        ("１２", ValueError),
        ("十二", ValueError),
        (b"12", TypeError),
        ([1], TypeError),
        (1j, TypeError),
        (False, TypeError),
    ],
)
def test_numeral_bad_input(value: Any, error: type[Exception]) -> None:
    """Wrong types raise TypeError; bad values raise ChineseNumberError naming the value."""
    with pytest.raises(error) as info:
        to_chinese_numeral(value)
    if error is ValueError:
        assert isinstance(info.value, ChineseNumberError)
        assert repr(value) in str(info.value) or str(value) in str(info.value)


def test_numeral_ignores_decimal_context() -> None:
    """A caller's low decimal precision does not truncate the digits written or read."""
    with localcontext() as context:
        context.prec = 3
        assert to_chinese_numeral(Decimal("-12345.678")) == "负一万二千三百四十五点六七八"
        assert rmb_upper("12345.67") == "人民币壹万贰仟叁佰肆拾伍元陆角柒分"
        assert parse_chinese_numeral("12345.678万") == Decimal(123456780)
        assert format_wan(123456789) == "12345.7万"


@given(st.integers(min_value=0, max_value=LIMIT - 1), st.booleans())
@example(100001000, False)
@example(10**12 + 10**7, False)
def test_round_trip_integers(n: int, zero_after_empty_wan: bool) -> None:
    """parse(to(n)) == n for 0 <= n < 10**16 and its negation, in every spelling option.

    zero_after_empty_wan=False (一亿一千) is ambiguous to a human reader, who may take it for
    1.1亿; the parser reads it strictly as 100001000, so the round trip still holds.
    """
    for upper in (False, True):
        for liang in (False, True):
            options = {"upper": upper, "liang": liang, "zero_after_empty_wan": zero_after_empty_wan}
            text = to_chinese_numeral(n, **options)
            assert parse_chinese_numeral(text) == n
            assert parse_chinese_numeral(to_chinese_numeral(-n, **options)) == -n


@given(st.integers(min_value=0, max_value=LIMIT - 1))
def test_empty_wan_option_only_drops_one_zero(n: int) -> None:
    """zero_after_empty_wan=False differs from the default by at most one dropped 零."""
    strict = to_chinese_numeral(n)
    loose = to_chinese_numeral(n, zero_after_empty_wan=False)
    assert strict.replace("零", "") == loose.replace("零", "")
    assert strict.count("零") - loose.count("零") in (0, 1)
    if strict != loose:
        # Only a whole empty level (four zeros) before a nonzero level of 1000 or more.
        assert "0000" in str(n)


@given(
    st.decimals(
        min_value=-(LIMIT - 1), max_value=LIMIT - 1, allow_nan=False, allow_infinity=False, places=4
    ),
    st.booleans(),
)
def test_round_trip_decimals(value: Decimal, upper: bool) -> None:
    """parse(to(d)) == d for Decimals, keeping the fraction digits; whole values give int."""
    text = to_chinese_numeral(value, upper=upper)
    back = parse_chinese_numeral(text)
    assert back == value
    if value == int(value):
        assert type(back) is int
    else:
        assert isinstance(back, Decimal)
        assert back.as_tuple().exponent == value.as_tuple().exponent
    assert to_chinese_numeral(str(value), upper=upper) == text


@given(st.integers(min_value=0, max_value=LIMIT - 1), st.booleans())
def test_round_trip_digits(n: int, upper: bool) -> None:
    """to_chinese_digits writes one character per digit and reads back to the same int."""
    text = to_chinese_digits(n, upper=upper)
    assert len(text) == len(str(n))
    assert parse_chinese_numeral(text) == n
    assert to_chinese_digits(str(n), upper=upper) == text


def test_digits_options_and_errors() -> None:
    """Codes keep leading zeros; negatives, non-digit strings and bools are refused."""
    assert to_chinese_digits("0012") == "〇〇一二"
    assert to_chinese_digits(2023, upper=True) == "贰零贰叁"
    for bad in ("12a", "", "１２", "-1"):
        with pytest.raises(ChineseNumberError, match="ASCII digits"):
            to_chinese_digits(bad)
    with pytest.raises(ChineseNumberError, match="at most"):
        to_chinese_digits(LIMIT)
    with pytest.raises(TypeError, match="n must be an int"):
        to_chinese_digits(True)
    with pytest.raises(TypeError):
        to_chinese_digits(2023.0)  # type: ignore[arg-type]


def test_ordinal_errors() -> None:
    """to_ordinal refuses non-int numbers and non-str suffixes."""
    with pytest.raises(TypeError, match="n must be an int"):
        to_ordinal(1.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="suffix must be a str"):
        to_ordinal(1, None)  # type: ignore[arg-type]
    with pytest.raises(ChineseNumberError):
        to_ordinal(LIMIT)


def test_int_subclass_accepted() -> None:
    """An int subclass (an IntEnum member) counts as an int; a bool does not."""

    class Level(IntEnum):
        SECOND = 2

    assert heading_marker(Level.SECOND, Level.SECOND) == "（二）"
    with pytest.raises(TypeError):
        heading_marker(True, 1)


# ---------------------------------------------------------------------------------------
# Reading numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("零", 0),
        ("〇", 0),
        ("二○二三", 2023),
        ("十", 10),
        ("两", 2),
        ("两百", 200),
        ("两千两百二十二", 2222),
        ("一百十", 110),
        ("一千零十", 1010),
        ("一千零零五", 1005),
        ("一万亿", 10**12),
        ("一万二千亿", 12 * 10**11),
        ("一万亿零一千万", 10**12 + 10**7),
        ("一亿五万", 100050000),
        ("十万零一十", 100010),
        ("零点五", Decimal("0.5")),
        ("一点一零", Decimal("1.10")),
        ("九十五点零", 95),
        ("负零", 0),
        ("负一点五", Decimal("-1.5")),
        ("三点一四", Decimal("3.14")),
        ("壹拾贰点伍", Decimal("12.5")),
        ("3万5千", 35000),
        ("3万5000", 35000),
        ("3千500", 3500),
        ("1亿2000万", 120000000),
        ("1.5万亿", 15 * 10**11),
        ("1.23456万", Decimal("12345.6")),
        ("2023", 2023),
        ("95.06", Decimal("95.06")),
        ("1.0", 1),
        ("-3", -3),
        ("-14.7万", -147000),
        ("负14.7万", -147000),
        ("3十", 30),
        ("9999999999999999", LIMIT - 1),
    ],
)
def test_parse_accepts(text: str, expected: int | Decimal) -> None:
    """The forms real reports contain are read to the right value and type."""
    actual = parse_chinese_numeral(text)
    assert expected == actual
    assert type(expected) is type(actual)


@pytest.mark.parametrize(
    ("text", "char", "position", "problem"),
    [
        ("一百二十x", "x", 4, "not a Chinese numeral character"),
        ("一百五", "五", 2, "ambiguous"),
        ("一万五", "五", 2, "ambiguous"),
        ("一亿五", "五", 2, "ambiguous"),
        ("一万五亿", "五", 2, "ambiguous"),
        ("一二百", "二", 1, "two digits in a row"),
        ("百", "百", 0, "needs a digit"),
        ("一十百", "百", 2, "needs a digit"),
        ("一十一百", "百", 3, "units must decrease"),
        ("一百一千", "千", 3, "units must decrease"),
        ("一百零", "零", 2, "零 must be followed"),
        ("万", "万", 0, "万 needs a multiplier"),
        ("亿", "亿", 0, "亿 needs a multiplier"),
        ("一万二万", "万", 3, "repeated or out of place"),
        ("一亿二亿", "亿", 3, "repeated or out of place"),
        ("一百2", "2", 2, "mixed"),
        ("负", "the end", 1, "expected a digit"),
        ("点五", "点", 0, "expected a digit"),
        ("一点", "the end", 2, "点 must be followed"),
        ("一点十", "十", 2, "only digits"),
        ("一点两", "两", 2, "only digits"),
        ("两两", "两", 0, "两 is not written digit by digit"),
        ("一" * 17, "一", 0, "out of range"),
        ("-一", "一", 1, "'-' must be followed"),
        ("3万5", "5", 2, "each part must fill"),
        ("3万50000", "5", 2, "each part must fill"),
        ("1亿12345万", "1", 2, "each part must fill"),
        ("3千5万", "5", 2, "each part must fill"),
        ("1.5万3千", "3", 4, "a decimal may only be written alone"),
        ("3万5.5", "5", 2, "each part must fill"),
        ("1,000", ",", 1, "not a digit or a 十/百/千/万/亿 unit"),
        (" 12 ", " ", 0, "not a Chinese numeral character"),
        ("12 ", " ", 2, "not a digit"),
        ("1..2", ".", 2, "expected a digit after the decimal point"),
        ("1.", "the end", 2, "expected a digit after the decimal point"),
        ("3万.5", ".", 2, "expected an Arabic digit"),
        ("1" * 17, "1", 0, "out of range"),
        ("10000万亿", "1", 0, "out of range"),
        ("3万万", "万", 2, "expected an Arabic digit"),
        ("１２", "１", 0, "not a Chinese numeral character"),
        ("😀", "😀", 0, "not a Chinese numeral character"),
    ],
)
def test_parse_rejects(text: str, char: str, position: int, problem: str) -> None:
    """Malformed numerals raise ChineseNumberError naming the character and its position."""
    with pytest.raises(ChineseNumberError) as info:
        parse_chinese_numeral(text)
    message = str(info.value)
    shown = char if char == "the end" else repr(char)
    assert message.startswith(f"{shown} at position {position} in {text!r}")
    assert problem in message


def test_parse_type_errors() -> None:
    """Only a str is read; a str subclass is read as its text."""
    for bad in (None, 12, b"12", ["一"], True):
        with pytest.raises(TypeError, match="text must be a str"):
            parse_chinese_numeral(bad)  # type: ignore[arg-type]

    class Text(str):
        pass

    assert parse_chinese_numeral(Text("十二")) == 12
    with pytest.raises(ChineseNumberError, match="empty"):
        parse_chinese_numeral("")


JUNK_TEXT = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="零〇○一二两三四五六七八九十百千万亿壹贰拾佰仟点负-.0123456789", max_size=24),
    st.sampled_from(["", "😀", "１２３", "1" * 5000, "一" * 5000, "十" * 40, "\x00", "点", "负负"]),
)


@given(JUNK_TEXT)
def test_parse_junk_raises_only_value_error(text: str) -> None:
    """Any text either reads to a number or raises ChineseNumberError naming the problem."""
    try:
        value = parse_chinese_numeral(text)
    except ChineseNumberError as error:
        message = str(error)
        if not text:
            assert "empty" in message
            return
        assert repr(text) in message
        found = re.match(r"^(.+?) at position (\d+) in ", message, re.DOTALL)
        if found:
            index = int(found.group(2))
            if found.group(1) == "the end":
                assert index == len(text)
            else:
                assert found.group(1) == repr(text[index])
    else:
        assert isinstance(value, (int, Decimal))
        assert -LIMIT < value < LIMIT


@given(JUNK_TEXT)
def test_readers_junk_raise_only_value_error(text: str) -> None:
    """parse_amount, parse_percent and parse_chinese_date raise only ChineseNumberError."""
    readers: list[Callable[[str], object]] = [parse_amount, parse_percent, parse_chinese_date]
    messages = []
    for reader in readers:
        try:
            reader(text)
        except ChineseNumberError as error:  # noqa: PERF203 - each reader is tried in turn
            messages.append(str(error))
    for message in messages:
        assert repr(text) in message or not text


@pytest.mark.parametrize(
    "func",
    [
        to_chinese_numeral,
        to_chinese_digits,
        to_ordinal,
        rmb_upper,
        format_wan,
        format_percent,
        format_count,
        format_year,
        report_period,
        statistics_period_sentence,
        publication_deadline,
    ],
)
@pytest.mark.parametrize(
    "junk",
    [None, True, b"1", [], {}, object(), "😀", "１２", "", "1" * 5000, 10**100, -(10**100)],
    ids=lambda junk: repr(junk)[:12],
)
def test_writers_junk(func: Callable[[Any], object], junk: object) -> None:
    """Writers fed junk raise TypeError or ChineseNumberError with a message, nothing else."""
    with pytest.raises((TypeError, ValueError)) as info:
        func(junk)
    assert str(info.value)
    if not isinstance(info.value, TypeError):
        assert isinstance(info.value, ChineseNumberError)


# ---------------------------------------------------------------------------------------
# Money


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


# ---------------------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2023, 10, 20), "贰零贰叁年零壹拾月零贰拾日"),
        (date(2023, 2, 1), "贰零贰叁年零贰月零壹日"),
        (date(2023, 3, 10), "贰零贰叁年叁月零壹拾日"),
        (date(2023, 11, 30), "贰零贰叁年壹拾壹月零叁拾日"),
        (date(2023, 12, 21), "贰零贰叁年壹拾贰月贰拾壹日"),
        (date(2023, 12, 19), "贰零贰叁年壹拾贰月壹拾玖日"),
    ],
)
def test_bill_dates(day: date, expected: str) -> None:
    """Bill dates put 零 before months 1, 2, 10 and days 1-10, 20, 30 (支付结算办法)."""
    assert expected == format_date(day, style="bill")


def test_format_date_errors_and_datetime() -> None:
    """A datetime is written by its date; unknown styles and non-dates are refused."""
    assert format_date(datetime(2023, 1, 5, 12, 30)) == "2023年1月5日"
    with pytest.raises(ChineseNumberError, match="style must be one of"):
        format_date(date(2023, 1, 5), style="roman")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="style must be a str"):
        format_date(date(2023, 1, 5), style=["bill"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"d must be a datetime\.date"):
        format_date(None)  # type: ignore[arg-type]


def test_format_date_range_options() -> None:
    """Ranges collapse the year only within one year, and follow the date style."""
    start, end = date(2023, 1, 1), date(2024, 12, 31)
    assert format_date_range(start, end, repeat_year=False) == "2023年1月1日至2024年12月31日"
    same = format_date_range(start, date(2023, 12, 31), repeat_year=False, style="hanzi")
    assert same == "二〇二三年一月一日至十二月三十一日"
    assert format_date_range(start, start) == "2023年1月1日至2023年1月1日"
    with pytest.raises(TypeError, match="frame"):
        format_date_range(start, end, frame=("自",))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="frame"):
        format_date_range(start, end, frame=["自", "止"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="connector"):
        format_date_range(start, end, connector=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="end must be"):
        format_date_range(start, "2023-12-31")  # type: ignore[arg-type]


@given(st.dates(), st.sampled_from(["arabic", "hanzi", "bill"]))
def test_date_round_trip(day: date, style: Any) -> None:
    """parse_chinese_date(format_date(d, style)) == d in every style."""
    assert parse_chinese_date(format_date(day, style=style)) == day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年01月31日", date(2024, 1, 31)),
        ("二○二四年一月三十一日", date(2024, 1, 31)),
        ("2024年十二月一日", date(2024, 12, 1)),
    ],
)
def test_parse_chinese_date(text: str, expected: date) -> None:
    """Zero-padded, mistyped-○ and mixed dates are read."""
    assert expected == parse_chinese_date(text)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("2024-01-31", "…年…月…日"),
        ("2024年1月31日前", "…年…月…日"),
        ("年1月31日", "has no year"),
        ("2024年1月日", "has no day"),
        ("二〇二〇二年1月1日", "one to four digits"),
        ("二〇二x年1月1日", "one to four digits"),
        ("2024年1.5月1日", "must be whole"),
        ("2024年13月1日", "not a real date"),
        ("12024年1月1日", "not a real date"),
        ("2024年一百五月1日", "ambiguous"),
    ],
)
def test_parse_chinese_date_rejects(text: str, match: str) -> None:
    """Non-dates and impossible days raise ChineseNumberError quoting the text."""
    with pytest.raises(ChineseNumberError, match=match) as info:
        parse_chinese_date(text)
    assert repr(text) in str(info.value)


def test_years_and_deadlines() -> None:
    """Years, report periods and deadlines check their ranges and types."""
    assert format_year(1) == "1年"
    with pytest.raises(TypeError, match="hanzi must be a bool"):
        format_year(2023, hanzi=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="suffix must be a str"):
        format_year(2023, suffix=None)  # type: ignore[arg-type]
    assert report_period(9999) == (date(9999, 1, 1), date(9999, 12, 31))
    with pytest.raises(ChineseNumberError, match="at most 9998"):
        publication_deadline(9999)
    with pytest.raises(ChineseNumberError, match="level must be"):
        publication_deadline(2023, level="province")
    with pytest.raises(TypeError, match="level must be a str"):
        publication_deadline(2023, level=None)  # type: ignore[arg-type]

    class Level(str, Enum):
        GOVERNMENT = "government"

    assert publication_deadline(2023, level=Level.GOVERNMENT) == date(2024, 3, 31)


# ---------------------------------------------------------------------------------------
# Headings, citations, document numbers


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


# ---------------------------------------------------------------------------------------
# Counts, percentages, 万


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


def test_readers_type_errors() -> None:
    """Every reader refuses a non-str with TypeError."""
    readers: list[Callable[[Any], object]] = [parse_amount, parse_percent, parse_chinese_date]
    for reader in readers:
        with pytest.raises(TypeError, match="text must be a str"):
            reader(None)


# ---------------------------------------------------------------------------------------
# Import cost


def test_import_does_not_load_babel() -> None:
    """Importing govdisclosure.zh leaves babel unloaded until a function needs it."""
    code = "import sys, govdisclosure.zh; print('babel' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# ---------------------------------------------------------------------------------------
# Cross-check against cn2an (a test-only oracle)


def _has_empty_level_before_thousands(n: int) -> bool:
    """Whether n has a whole empty four-digit level before a level of 1000 or more."""
    digits = str(n)
    levels = [int(digits[max(0, i - 4) : i]) for i in range(len(digits), 0, -4)][::-1]
    for index in range(1, len(levels)):
        if levels[index] >= 1000 and levels[index - 1] == 0 and any(levels[:index]):
            return True
    return False


CN2AN_CASES = [
    *range(2100),
    *range(9990, 10110),
    100000,
    105000,
    1903971,
    100000001,
    100001000,
    100010000,
    1000010000000,
    1000000001000,
    10**12,
    15 * 10**12,
    LIMIT - 1,
    *[int("1" + "0" * k + "1" + "0" * j) for k in range(14) for j in range(14 - k)],
    *[7 * 10**k + 3 * 10**j for k in range(16) for j in range(k)],
]


def test_agrees_with_cn2an() -> None:
    """Our numerals agree with cn2an's an2cn except for the documented differences.

    Documented differences:
    - cn2an drops the 零 after a whole empty level (100001000 → 一亿一千, read as 1.1亿 by
      many); ours writes 一亿零一千 and matches cn2an exactly with zero_after_empty_wan=False.
    - cn2an writes years with 零 (2023年 → 二零二三年); GB/T 15835 asks for 〇.
    - cn2an's parser reads the colloquial 一百五 as 150; ours refuses it as ambiguous.
    - cn2an's 'rmb' mode has no 人民币 and no 整 after 角; ours follows the accounting rule.
    """
    cn2an = pytest.importorskip("cn2an")
    for n in CN2AN_CASES:
        ours = to_chinese_numeral(n)
        theirs = cn2an.an2cn(n)
        assert to_chinese_numeral(n, zero_after_empty_wan=False) == theirs, n
        if _has_empty_level_before_thousands(n):
            assert ours != theirs
            assert ours.replace("零", "") == theirs.replace("零", ""), n
        else:
            assert ours == theirs, n
        upper = to_chinese_numeral(n, upper=True, zero_after_empty_wan=False)
        assert upper == cn2an.an2cn(n, "up"), n
        assert cn2an.cn2an(ours, "strict") == n, n
        assert parse_chinese_numeral(theirs) == n, n
    for text in ("95.06", "0.05", "1.10", "-3", "-10.5"):
        assert to_chinese_numeral(text) == cn2an.an2cn(text)
    assert cn2an.transform("2023年", "an2cn") == "二零二三年"
    assert format_year(2023, hanzi=True) == "二〇二三年"
    assert cn2an.cn2an("一百五", "smart") == 150
    with pytest.raises(ChineseNumberError, match="ambiguous"):
        parse_chinese_numeral("一百五")
    assert cn2an.an2cn("1409.50", "rmb") == "壹仟肆佰零玖元伍角"
    assert rmb_upper("1409.50") == "人民币壹仟肆佰零玖元伍角整"


def test_empty_level_helper() -> None:
    """The cross-check's helper flags exactly the numbers the zero option changes."""
    assert _has_empty_level_before_thousands(100001000)
    assert not _has_empty_level_before_thousands(100000001)
    assert not _has_empty_level_before_thousands(105000)
