"""Tests of govdisclosure.zh.dates: writing dates, years, ranges and deadlines; reading dates."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from enum import Enum
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from govdisclosure.zh import (
    ChineseNumberError,
    format_date,
    format_date_range,
    format_year,
    parse_chinese_date,
    parse_date,
    publication_deadline,
    report_period,
)


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
# parse_date: the one date reader of the library

JAN_31 = date(2024, 1, 31)


@pytest.mark.parametrize(
    "text",
    [
        "2024年1月31日",
        "2024 年 1 月 31 日",
        "2024年 1月 31日",
        "2024年01月31日",
        "二〇二四年一月三十一日",
        "二○二四年一月三十一日",
        "二零二四年一月三十一日",
        "二〇二四 年 一 月 三十一 日",
        "贰零贰肆年零壹月叁拾壹日",
        "2024年一月三十一日",
        "2024-01-31",
        "2024-1-31",
        "2024/1/31",
        "2024/01/31",
        "2024.1.31",
        "2024．1．31",
        "2024 - 01 - 31",
        "２０２４年１月３１日",
        "２０２４－０１－３１",
        "２０２４／１／３１",
        "2024年1月31",
        "2024-01-31日",
        "2024-1月31日",
        "2024年1-31",
        "2024-01-31 00:00:00",
        "2024-01-31 00:00",
        "2024-01-31T00:00:00",
        "2024年1月31日 00:00",
        "  2024-01-31\u3000",
        "\t2024年1月31日\n",
    ],
)
def test_parse_date_accepts(text: str) -> None:
    """Every way a published report or a workbook writes 31 January 2024 is read."""
    assert parse_date(text) == JAN_31


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("", "is not a date"),
        ("   ", "is not a date"),
        ("2024", "is not a date"),
        ("2024-01", "is not a date"),
        ("2024年1月", "…年…月…日"),
        ("24-1-31", "is not a date"),
        ("2024-001-31", "is not a date"),
        ("2024-01-031", "is not a date"),
        ("20240131", "is not a date"),
        ("2024--01-31", "is not a date"),
        ("2024-01-31x", "is not a date"),
        ("2024_01_31", "is not a date"),
        ("2024—01—31", "is not a date"),
        ("2024年1月31号", "…年…月…日"),
        ("2024年1月31日前", "…年…月…日"),
        ("二〇二四-一-三十一", "is not a date"),
        ("二〇二四年一月三十一", "…年…月…日"),
        ("20 24-01-31", "is not a date"),
        ("2024-0 1-31", "is not a date"),
        ("二〇 二四年一月三十一日", "is not a date"),
        ("2024-01-31 12:00", "is not a date"),
        ("2024-01-31 00:01", "is not a date"),
        ("2024-01-3100:00", "is not a date"),
        ("二〇二四年一月三十一日 00:00", "is not a date"),
        ("00:00", "is not a date"),
        ("2024-13-01", "not a real date: month must be in 1..12"),
        ("2024-02-30", "not a real date: day is out of range"),
        ("2023年2月29日", "not a real date"),
        ("0000-01-01", "not a real date"),
        ("2024年13月1日", "not a real date"),
        ("2024年1.5月1日", "must be whole"),
        ("2024年一百五月1日", "ambiguous"),
        ("😀", "is not a date"),
        ("\x00", "is not a date"),
    ],
)
def test_parse_date_rejects(text: str, match: str) -> None:
    """Non-dates and impossible days raise ChineseNumberError quoting the text."""
    with pytest.raises(ChineseNumberError, match=match) as info:
        parse_date(text)
    assert repr(text) in str(info.value)


def test_parse_date_bounds_its_input() -> None:
    """Texts over 64 characters (surrounding spaces aside) are refused at once, quoted in part."""
    for text in ("1" * 65, "2024-01-31" + "0" * 10**6, "日" * 10**5):
        with pytest.raises(ChineseNumberError, match="longer than 64 characters") as info:
            parse_date(text)
        assert repr(text[:20]) in str(info.value)
    assert parse_date(" " * 10**5 + "2024-01-31" + " " * 10**5) == JAN_31
    with pytest.raises(TypeError, match="text must be a str"):
        parse_date(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text must be a str"):
        parse_date(b"2024-01-31")  # type: ignore[arg-type]


@given(st.dates(), st.sampled_from(["arabic", "hanzi", "bill"]))
def test_parse_date_reads_format_date(day: date, style: Any) -> None:
    """parse_date(format_date(d, style)) == d in every style, as parse_chinese_date does."""
    assert parse_date(format_date(day, style=style)) == day


@given(st.text(alphabet="2024年1月31日-/.．０１２ 〇○零一二三十T:", max_size=20))
def test_parse_date_is_a_superset_of_parse_chinese_date(text: str) -> None:
    """What parse_chinese_date reads, parse_date reads to the same day; junk raises only ours."""
    try:
        expected = parse_chinese_date(text)
    except ChineseNumberError:
        expected = None
    try:
        actual = parse_date(text)
    except ChineseNumberError as error:
        actual, message = None, str(error)
    if actual is None:
        assert expected is None
        assert repr(text) in message
    else:
        assert expected in (None, actual)


@given(st.one_of(st.text(max_size=100), st.text(alphabet="0123456789-/.年月日 ", max_size=70)))
def test_parse_date_junk_raises_only_value_error(text: str) -> None:
    """Any text reads to a date or raises ChineseNumberError quoting it (its start if long)."""
    try:
        parse_date(text)
    except ChineseNumberError as error:
        message = str(error)
    else:
        return
    stripped = text.strip()
    if len(stripped) > 64:
        assert message.startswith(f"{stripped[:20]!r}… is not a date: longer than 64")
    else:
        assert repr(text) in message


# Copies of the date patterns of the readers parse_date is meant to replace, pinned here so
# that the superset property below keeps being checked against what they accepted.
WORKBOOK_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]00:00(?::00)?)?")
MARKED_DATE = re.compile(r"(\d{1,4})年(\d{1,2})月(\d{1,2})日")
LABEL_DATE = re.compile(
    r"(?:发布|公开|成文|印发)(?:日期|时间)\s*[：:]?\s*((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})"
    r"\s*[-月/.]\s*(\d{1,2})"
)
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _digits(draw: st.DrawFn, number: int, width: int, full_width: bool) -> str:
    text = str(number).zfill(draw(st.integers(1, width)))
    return text.translate(FULL_WIDTH) if full_width else text


@st.composite
def date_like(draw: st.DrawFn) -> str:
    """Texts shaped like the dates the three readers accept, and near misses."""
    full_width = draw(st.booleans())
    spaces = st.sampled_from(["", "", "", " ", "\u3000"])
    first, second = draw(
        st.one_of(
            st.sampled_from([("年", "月"), ("-", "-"), ("/", "/"), (".", ".")]),
            st.tuples(st.sampled_from("-/.年"), st.sampled_from("-/.月")),
        )
    )
    year = draw(st.one_of(st.integers(1900, 2099), st.integers(0, 9999)))
    parts = [
        _digits(draw, year, 4, full_width),
        draw(spaces) + first + draw(spaces),
        _digits(draw, draw(st.one_of(st.integers(1, 12), st.integers(0, 13))), 2, full_width),
        draw(spaces) + second + draw(spaces),
        _digits(draw, draw(st.one_of(st.integers(1, 28), st.integers(0, 32))), 2, full_width),
        draw(st.sampled_from(["日", "日", "", " 日"])),
        draw(st.sampled_from(["", "", "", " 00:00", "T00:00:00", " 00:00:00", " 12:00"])),
    ]
    return "".join(parts)


def _date_or_none(found: re.Match[str] | None) -> date | None:
    if found is None:
        return None
    try:
        return date(*(int(group) for group in found.groups()[:3]))
    except ValueError:
        return None


@given(date_like())
@example("2024-01-31 00:00:00")
@example("２０２４年１月３１日")
@example("24年1月31日")
@example("999年12月31日")
@example("２０２４年01月３１日")
@example("2024 年 1 月 31")
def test_parse_date_is_a_superset_of_the_readers_it_replaces(text: str) -> None:
    """Whatever the workbook, marked-document and 发布日期 readers read, parse_date reads alike.

    The workbook reader matched NFKC text; the marked reader the stripped cell text; the
    plain recogniser searched a 发布日期 line and read the span from the year to the day.
    """
    workbook = _date_or_none(WORKBOOK_DATE.fullmatch(unicodedata.normalize("NFKC", text).strip()))
    marked = _date_or_none(MARKED_DATE.fullmatch(text.strip()))
    line = "发布日期：" + text
    label = LABEL_DATE.search(line)
    for expected, given_text in (
        (workbook, text),
        (marked, text),
        (_date_or_none(label), line[label.start(1) : label.end(3)] if label else ""),
    ):
        if expected is not None:
            assert parse_date(given_text) == expected
