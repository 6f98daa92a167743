"""Tests of govdisclosure.zh.dates: writing dates, years, ranges and deadlines; reading dates."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.zh import (
    ChineseNumberError,
    format_date,
    format_date_range,
    format_year,
    parse_chinese_date,
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
