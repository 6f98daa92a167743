"""Tests of the govdisclosure.zh package as a whole (its __init__: the public API).

The test vectors of spec/zh.md, the public names and the error class, junk fed to every
reader and writer, and the import cost.
"""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from hypothesis import given
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


def test_readers_type_errors() -> None:
    """Every reader refuses a non-str with TypeError."""
    readers: list[Callable[[Any], object]] = [parse_amount, parse_percent, parse_chinese_date]
    for reader in readers:
        with pytest.raises(TypeError, match="text must be a str"):
            reader(None)


def test_import_does_not_load_babel() -> None:
    """Importing govdisclosure.zh leaves babel unloaded until a function needs it."""
    code = "import sys, govdisclosure.zh; print('babel' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
