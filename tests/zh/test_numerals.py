"""Tests of govdisclosure.zh.numerals: writing and reading numerals, round trips, cn2an."""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from govdisclosure.zh import (
    ChineseNumberError,
    format_wan,
    format_year,
    parse_chinese_numeral,
    rmb_upper,
    to_chinese_digits,
    to_chinese_numeral,
    to_ordinal,
)

LIMIT = 10**16


def test_zero_is_u3007_in_codes() -> None:
    """Years and codes use 〇 U+3007, never ○ U+25CB, the letter O or the digit 0."""
    text = to_chinese_digits(2000) + format_year(2000, hanzi=True)
    assert "\u25cb" not in text
    assert "O" not in text
    assert "0" not in text
    assert text.count("\u3007") == 6


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
