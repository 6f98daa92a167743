"""Dates, years and report periods as official documents write them, and reading dates (日期).

Writers: :func:`format_date` (GB/T 9704-2012: 2023年1月5日; the older 二〇二三年一月五日; the
bill date of 《支付结算办法》), :func:`format_year` and :func:`format_date_range`; an annual
report's statistics period (:func:`report_period`, :func:`statistics_period_sentence`) and
its publication deadline under 《政府信息公开条例》第四十九条 (:func:`publication_deadline`).
Readers: :func:`parse_chinese_date` takes a date written with 年月日; :func:`parse_date`
takes that and every other way a published report or a workbook writes a date.

>>> format_date(date(2023, 12, 31), style="hanzi")
'二〇二三年十二月三十一日'
>>> parse_chinese_date("二〇二三年十二月三十一日")
datetime.date(2023, 12, 31)
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Literal

from govdisclosure.zh._common import (
    _ASCII_DIGITS,
    _CODE_DIGITS,
    _DIGIT_VALUE,
    _TO_ASCII,
    _UPPER,
    _UPPER_DIGITS,
    _bad,
    _check_bool,
    _check_date,
    _check_int,
    _check_str,
    _type_error,
)
from govdisclosure.zh.numerals import _parse_part, _spell_integer

__all__ = [
    "format_date",
    "format_date_range",
    "format_year",
    "parse_chinese_date",
    "parse_date",
    "publication_deadline",
    "report_period",
    "statistics_period_sentence",
]


_STYLES = ("arabic", "hanzi", "bill")
_DEADLINE_MONTH = {"department": 1, "government": 3}
# parse_date reads no more (spaces around the text aside), so its work is bounded.
_MAX_DATE_CHARS = 64
# Spaces may stand beside these, never inside a number: 2024 年 1 月 31 日.
_DATE_SEPARATORS = frozenset("-/.年月日")
# What separates the year from the month, and the month from the day, of an Arabic date.
_FIRST_SEPARATORS = frozenset("-/.年")
_SECOND_SEPARATORS = frozenset("-/.月")


def _bill_part(value: int, tens_zero: bool) -> str:
    """Spell a bill month or day: 零 before 1-9 and before 10/20/30 (and months 1, 2, 10)."""
    text = _UPPER[value] if value < 10 else _spell_integer(value, True, False, True)
    return "零" + text if tens_zero else text


def format_date(d: date, style: Literal["arabic", "hanzi", "bill"] = "arabic") -> str:
    """Write a date as official documents do (GB/T 9704-2012 7.3.5.4).

    Args:
        d: the date (a ``datetime`` is written by its date).
        style: ``'arabic'`` for 2023年1月5日 (full year, no zero padding, the current
            standard); ``'hanzi'`` for the older 二〇二三年一月五日; ``'bill'`` for the
            upper-case bill date of 《支付结算办法》 (贰零贰叁年零壹月壹拾伍日), which puts 零
            before months 1, 2 and 10 and before days 1-10, 20 and 30, and 壹 before 拾 always.

    Returns:
        The date text.

    Raises:
        TypeError: ``d`` is not a date (a string is not accepted).
        ChineseNumberError: an unknown ``style``.

    >>> format_date(date(2023, 1, 5))
    '2023年1月5日'
    >>> format_date(date(2023, 12, 31), style="hanzi")
    '二〇二三年十二月三十一日'
    >>> format_date("2023-12-31")
    Traceback (most recent call last):
        ...
    TypeError: d must be a datetime.date, not str
    """
    _check_date("d", d)
    if style not in _STYLES:
        _check_str("style", style)
        raise _bad(
            f"style must be one of {', '.join(_STYLES)}; got {style!r}",
            detail_zh=f"style 应为 {'、'.join(_STYLES)} 之一，实为 {style!r}",
        )
    if style == "arabic":
        return f"{d.year}年{d.month}月{d.day}日"
    if style == "hanzi":
        month = _spell_integer(d.month, False, False, True)
        day = _spell_integer(d.day, False, False, True)
        return f"{str(d.year).translate(_CODE_DIGITS)}年{month}月{day}日"
    month = _bill_part(d.month, d.month in (1, 2, 10))
    day = _bill_part(d.day, d.day < 11 or d.day in (20, 30))
    return f"{str(d.year).translate(_UPPER_DIGITS)}年{month}月{day}日"


def format_year(year: int, *, suffix: str = "年", hanzi: bool = False) -> str:
    """Write a year: 2023年, 2023年度, or 二〇二三年.

    Args:
        year: 1 to 9999.
        suffix: what follows the digits, such as 年 or 年度.
        hanzi: spell the digits with 〇 instead of Arabic numerals.

    Returns:
        The year text.

    Raises:
        TypeError: ``year`` is not an int, or ``suffix`` not a str.
        ChineseNumberError: ``year`` is outside 1..9999.

    >>> format_year(2023, suffix="年度"), format_year(2023, hanzi=True)
    ('2023年度', '二〇二三年')
    >>> format_year(0)
    Traceback (most recent call last):
        ...
    govdisclosure.zh.ChineseNumberError: year must be at least 1 and at most 9999, got 0
    """
    text = str(_check_int("year", year, 1, 9999))
    if _check_bool("hanzi", hanzi):
        text = text.translate(_CODE_DIGITS)
    return text + _check_str("suffix", suffix)


def format_date_range(
    start: date,
    end: date,
    *,
    repeat_year: bool = True,
    connector: str = "至",
    frame: tuple[str, str] = ("", ""),
    style: Literal["arabic", "hanzi", "bill"] = "arabic",
) -> str:
    """Write a date range: 2023年1月1日至2023年12月31日.

    Args:
        start: the first day.
        end: the last day, not before ``start``.
        repeat_year: write the year at both ends; ``False`` drops it from the end when
            both ends share the year (2023年1月1日至12月31日).
        connector: the word between the ends, such as 至 or 起至.
        frame: text before and after the range, such as ``('自', '止')``.
        style: the date style, as for :func:`format_date`.

    Returns:
        The range text.

    Raises:
        TypeError: ``start`` or ``end`` is not a date, or another argument has a wrong type.
        ChineseNumberError: ``end`` is before ``start``, or an unknown ``style``.

    >>> format_date_range(date(2023, 1, 1), date(2023, 12, 31), repeat_year=False)
    '2023年1月1日至12月31日'
    >>> format_date_range(date(2023, 12, 31), date(2023, 1, 1))
    Traceback (most recent call last):
        ...
    govdisclosure.zh.ChineseNumberError: the range ends (2023-01-01) before it starts (2023-12-31)
    """
    _check_date("start", start)
    _check_date("end", end)
    if end < start:
        raise _bad(
            f"the range ends ({end.isoformat()}) before it starts ({start.isoformat()})",
            detail_zh=f"期间的结束日（{end.isoformat()}）早于开始日（{start.isoformat()}）",
        )
    if not (
        isinstance(frame, tuple)
        and len(frame) == 2
        and isinstance(frame[0], str)
        and isinstance(frame[1], str)
    ):
        raise _type_error("frame", "a tuple of two str", frame)
    first = format_date(start, style)
    last = format_date(end, style)
    if not _check_bool("repeat_year", repeat_year) and start.year == end.year:
        last = last[last.index("年") + 1 :]
    return f"{frame[0]}{first}{_check_str('connector', connector)}{last}{frame[1]}"


def report_period(year: int) -> tuple[date, date]:
    """Return the statistics period of an annual report: 1 January to 31 December.

    Args:
        year: the report year, 1 to 9999.

    Returns:
        ``(date(year, 1, 1), date(year, 12, 31))``.

    Raises:
        TypeError: ``year`` is not an int.
        ChineseNumberError: ``year`` is outside 1..9999.

    >>> report_period(2023)
    (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    >>> report_period(10000)
    Traceback (most recent call last):
        ...
    govdisclosure.zh.ChineseNumberError: year must be at least 1 and at most 9999, got 10000
    """
    value = _check_int("year", year, 1, 9999)
    return date(value, 1, 1), date(value, 12, 31)


def statistics_period_sentence(year: int) -> str:
    """Return the sentence that states a report's statistics period.

    Args:
        year: the report year, 1 to 9999.

    Returns:
        本报告中所列数据的统计期限为2023年1月1日至2023年12月31日。

    Raises:
        TypeError: ``year`` is not an int.
        ChineseNumberError: ``year`` is outside 1..9999.

    >>> statistics_period_sentence(2023)
    '本报告中所列数据的统计期限为2023年1月1日至2023年12月31日。'
    >>> statistics_period_sentence("2023")
    Traceback (most recent call last):
        ...
    TypeError: year must be an int, not str
    """
    start, end = report_period(year)
    return f"本报告中所列数据的统计期限为{format_date_range(start, end)}。"


def publication_deadline(year: int, level: str = "department") -> date:
    """Return the date by which a report year's annual report must be published.

    《政府信息公开条例》第四十九条: departments publish last year's report by 31 January,
    local governments (县级以上地方人民政府) by 31 March.

    Args:
        year: the report year, 1 to 9998.
        level: ``'department'`` or ``'government'`` (a ``govdisclosure.AgencyLevel``
            member works too).

    Returns:
        The deadline, in the year after ``year``.

    Raises:
        TypeError: ``year`` is not an int or ``level`` not a str.
        ChineseNumberError: ``year`` is out of range or ``level`` unknown.

    >>> publication_deadline(2023), publication_deadline(2023, level="government")
    (datetime.date(2024, 1, 31), datetime.date(2024, 3, 31))
    >>> publication_deadline(2023, level="province")
    Traceback (most recent call last):
        ...
    govdisclosure.zh.ChineseNumberError: level must be 'department' or 'government', got 'province'
    """
    value = _check_int("year", year, 1, 9998)
    month = _DEADLINE_MONTH.get(_check_str("level", level))
    if month is None:
        raise _bad(
            f"level must be 'department' or 'government', got {level!r}",
            detail_zh="level 应为 'department'（政府部门）或 'government'（人民政府），"
            f"实为 {level!r}",
        )
    return date(value + 1, month, 31)


#: The fields of a date, as the Chinese messages name them.
_FIELD_ZH = {"year": "年份", "month": "月份", "day": "日"}


def _date_field(text: str, part: str, what: str) -> int:
    if not part:
        raise _bad(f"{text!r} has no {what}", detail_zh=f"“{text}”没有{_FIELD_ZH[what]}")
    if part.isascii() and part.isdigit():
        return int(part) if len(part) <= 4 else 10**6
    value = _parse_part(text, part)
    if not isinstance(value, int):
        raise _bad(
            f"{text!r}: the {what} must be whole, got {part!r}",
            detail_zh=f"“{text}”：{_FIELD_ZH[what]}应为整数，实为“{part}”",
        )
    return value


def parse_chinese_date(text: str) -> date:
    """Read a date written 2024年1月31日, 2024年01月31日, 二〇二四年一月三十一日 or as a bill date.

    Args:
        text: the date, exactly.

    Returns:
        The date.

    Raises:
        TypeError: ``text`` is not a str.
        ChineseNumberError: the text is not a Chinese date, or not a real day.

    >>> parse_chinese_date('2024年1月31日'), parse_chinese_date('二〇二四年一月三十一日')
    (datetime.date(2024, 1, 31), datetime.date(2024, 1, 31))
    >>> parse_chinese_date('2023年2月29日')
    Traceback (most recent call last):
        ...
    govdisclosure.zh.ChineseNumberError: '2023年2月29日' is not a real date: day is out of range \
for month
    """
    if not isinstance(text, str):
        raise _type_error("text", "a str", text)
    return _read_chinese_date(text, text)


def _read_chinese_date(text: str, written: str) -> date:
    """Read ``written``, a date with 年月日, quoting ``text`` (what the caller was given)."""
    year_text, sep_year, rest = written.partition("年")
    month_text, sep_month, rest = rest.partition("月")
    day_text, sep_day, rest = rest.partition("日")
    if not (sep_year and sep_month and sep_day) or rest:
        raise _bad(
            f"{text!r} is not a date written as …年…月…日",
            detail_zh=f"“{text}”不是按 ……年……月……日 写的日期",
        )
    if year_text.isascii():
        year = _date_field(text, year_text, "year")
    else:
        if not 0 < len(year_text) <= 4 or any(c not in _DIGIT_VALUE for c in year_text):
            raise _bad(
                f"{text!r}: the year must be one to four digits, got {year_text!r}",
                detail_zh=f"“{text}”：年份应为一到四位数字，实为“{year_text}”",
            )
        year = int(year_text.translate(_TO_ASCII))
    month = _date_field(text, month_text, "month")
    day = _date_field(text, day_text, "day")
    return _real_date(text, year, month, day)


def _real_date(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as error:
        raise _bad(
            f"{text!r} is not a real date: {error}", detail_zh=f"“{text}”不是真实存在的日期"
        ) from None


def parse_date(text: str) -> date:
    """Read a date written any way a published report or a workbook writes it.

    The one date reader for every part of the library. After NFKC normalisation (full-width
    digits, ．, ／ and － become ASCII) and with spaces allowed around the separators and the
    whole, it reads:

    - everything :func:`parse_chinese_date` reads: 2024年1月31日, 2024年01月31日,
      二〇二四年一月三十一日 (also with ○ or 零), 2024年十二月一日, bill dates; the final 日
      is required;
    - a four-digit Arabic year, then a month and a day of one or two Arabic digits, each
      after one of the separators ``-`` ``/`` ``.`` (or 年 before the month, 月 before the
      day): 2024-01-31, 2024-1-31, 2024/1/31, 2024.1.31, and 2024年1月31 with the 日
      optional, as workbooks and 发布日期 lines write it. A midnight time may follow, as in
      a workbook's text of a datetime: 2024-01-31 00:00:00, 2024-01-31T00:00.

    Args:
        text: the date; at most 64 characters once surrounding spaces are removed.

    Returns:
        The date.

    Raises:
        TypeError: ``text`` is not a str.
        ChineseNumberError: the text is not a date, or not a real day; the message quotes
            the text.

    >>> parse_date("2024 年 1 月 31 日"), parse_date("２０２４．１．３１")
    (datetime.date(2024, 1, 31), datetime.date(2024, 1, 31))
    >>> parse_date("二○二四年一月三十一日"), parse_date("2024/1/31")
    (datetime.date(2024, 1, 31), datetime.date(2024, 1, 31))
    >>> parse_date("2024-02-30")
    Traceback (most recent call last):
        ...
    govdisclosure.zh.ChineseNumberError: '2024-02-30' is not a real date: day is out of range \
for month
    """
    if not isinstance(text, str):
        raise _type_error("text", "a str", text)
    stripped = text.strip()
    if len(stripped) > _MAX_DATE_CHARS:
        raise _bad(
            f"{stripped[:20]!r}… is not a date: longer than {_MAX_DATE_CHARS} characters",
            detail_zh=f"“{stripped[:20]}”……不是日期：超过 {_MAX_DATE_CHARS} 个字符",
        )
    import unicodedata

    normal, midnight = _without_midnight(unicodedata.normalize("NFKC", stripped))
    written = _without_spaces(normal)
    fields = None if written is None else _arabic_date(written)
    if fields is not None:
        return _real_date(text, *fields)
    if written is not None and "年" in written and not midnight:
        return _read_chinese_date(text, written)
    raise _bad(
        f"{text!r} is not a date (write it like 2024年1月31日 or 2024-01-31)",
        detail_zh=f"“{text}”不是日期（请写成 2024年1月31日 或 2024-01-31）",
    )


def _without_midnight(normal: str) -> tuple[str, bool]:
    """Remove a midnight time (`` 00:00``, ``T00:00:00``) from the end of a date."""
    for time in ("00:00:00", "00:00"):
        if normal.endswith(time):
            head = normal[: -len(time)]
            if head.endswith("T"):
                return head[:-1].rstrip(), True
            if head[-1:].isspace():
                return head.rstrip(), True
    return normal, False


def _without_spaces(normal: str) -> str | None:
    """Remove the spaces beside the separators of ``normal``; None when one stands elsewhere."""
    pieces = normal.split()
    for left, right in pairwise(pieces):
        if left[-1] not in _DATE_SEPARATORS and right[0] not in _DATE_SEPARATORS:
            return None
    return "".join(pieces)


def _arabic_date(written: str) -> tuple[int, int, int] | None:
    """Split 2024-01-31, 2024/1/31, 2024.1.31 or 2024年1月31(日) into numbers, else None."""
    if _digits_end(written, 0, 4) != 4 or written[4:5] not in _FIRST_SEPARATORS:
        return None
    month_end = _digits_end(written, 5, 2)
    if month_end == 5 or written[month_end : month_end + 1] not in _SECOND_SEPARATORS:
        return None
    day_end = _digits_end(written, month_end + 1, 2)
    if day_end == month_end + 1 or written[day_end:] not in ("", "日"):
        return None
    return int(written[:4]), int(written[5:month_end]), int(written[month_end + 1 : day_end])


def _digits_end(written: str, index: int, most: int) -> int:
    """The index after the run of at most ``most`` ASCII digits that starts at ``index``."""
    stop = min(index + most, len(written))
    while index < stop and written[index] in _ASCII_DIGITS:
        index += 1
    return index
