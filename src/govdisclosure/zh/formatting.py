"""Numbering and figures in official documents (序号、引用、发文字号与数字格式).

Numbering: :func:`heading_marker` numbers headings as GB/T 9704-2012 asks (一、（一）1.（1）);
:func:`article_ref` cites a regulation (第二十条第（一）项); :func:`format_doc_number` writes
a document number (国办公开办函〔2021〕30号). The report's figures: :func:`format_count`,
:func:`format_percent` and :func:`format_wan` write them, :func:`parse_percent` reads a
percentage back.

>>> heading_marker(2, 3), format_percent(Decimal("0.1234")), format_wan(147000)
('（三）', '12.3%', '14.7万')
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from govdisclosure.zh._common import (
    _CONTEXT,
    _LIMIT,
    _MAX_FRACTION_DIGITS,
    _bad,
    _check_bool,
    _check_int,
    _check_rounding,
    _check_str,
    _to_decimal,
    _type_error,
)
from govdisclosure.zh.numerals import _parse_part, to_chinese_numeral, to_ordinal

__all__ = [
    "article_ref",
    "format_count",
    "format_doc_number",
    "format_percent",
    "format_wan",
    "heading_marker",
    "parse_percent",
]


_HEADING_LEVELS = 4
_WAN_POWER = {"万": 4, "亿": 8, "万亿": 12}


def heading_marker(level: int, n: int) -> str:
    """Return the numbering of a heading (GB/T 9704-2012 7.3.3).

    Level 1 一、, level 2 （一）, level 3 1., level 4 （1）, with full-width brackets.

    Args:
        level: 1 to 4.
        n: the heading's number, from 1.

    Returns:
        The marker, to be followed directly by the heading text.

    Raises:
        TypeError: ``level`` or ``n`` is not an int.
        ChineseNumberError: ``level`` is outside 1..4 or ``n`` below 1.

    >>> [heading_marker(level, 3) for level in (1, 2, 3, 4)]
    ['三、', '（三）', '3.', '（3）']
    >>> heading_marker(5, 1)
    Traceback (most recent call last):
        ...
    govdisclosure.zh.ChineseNumberError: level must be at least 1 and at most 4, got 5
    """
    _check_int("level", level, 1, _HEADING_LEVELS)
    number = _check_int("n", n, 1, _LIMIT - 1)
    if level == 1:
        return to_chinese_numeral(number) + "、"
    if level == 2:
        return "（" + to_chinese_numeral(number) + "）"
    if level == 3:
        return f"{number}."
    return f"（{number}）"


def article_ref(article: int, item: int | None = None, *, paragraph: int | None = None) -> str:
    """Cite an article of a regulation: 第二十条第（一）项.

    Args:
        article: the article (条), from 1.
        item: the item (项), from 1, or None to cite the article alone.
        paragraph: the paragraph (款), from 1, or None.

    Returns:
        The citation, such as ``'第三十六条第一款第（三）项'``.

    Raises:
        TypeError: a number is not an int.
        ChineseNumberError: a number is below 1.

    >>> article_ref(20, 1), article_ref(36, 3, paragraph=1)
    ('第二十条第（一）项', '第三十六条第一款第（三）项')
    >>> article_ref(0, 1)
    Traceback (most recent call last):
        ...
    govdisclosure.zh.ChineseNumberError: article must be at least 1 and at most 9999, got 0
    """
    text = to_ordinal(_check_int("article", article, 1, 9999), "条")
    if paragraph is not None:
        text += to_ordinal(_check_int("paragraph", paragraph, 1, 9999), "款")
    if item is not None:
        text += "第（" + to_chinese_numeral(_check_int("item", item, 1, 9999)) + "）项"
    return text


def format_doc_number(prefix: str, year: int, number: int) -> str:
    """Write a document number (发文字号) with 〔〕 brackets: 国办公开办函〔2021〕30号.

    Args:
        prefix: the issuing agency's code (机关代字), not empty.
        year: the year, 1 to 9999.
        number: the serial number, from 1 (never padded).

    Returns:
        The document number.

    Raises:
        TypeError: a wrong type.
        ChineseNumberError: an empty prefix, or a number or year out of range.

    >>> format_doc_number("国办公开办函", 2021, 30)
    '国办公开办函〔2021〕30号'
    >>> format_doc_number("国办发", 2021, 0)
    Traceback (most recent call last):
        ...
    govdisclosure.zh.ChineseNumberError: number must be at least 1, got 0
    """
    if not _check_str("prefix", prefix):
        raise _bad("the prefix (机关代字) must not be empty", detail_zh="机关代字不能为空")
    value = _check_int("year", year, 1, 9999)
    serial = _check_int("number", number, 1)
    return f"{prefix}〔{value}〕{serial}号"


def format_count(n: int, grouping: bool = False) -> str:
    """Write a count in Arabic numerals, as the report tables do.

    Args:
        n: the count (negative for the signed 2019 增/减 cells), below 10**16 in magnitude.
        grouping: separate thousands with commas (46,106), through babel's zh_CN locale.

    Returns:
        The count text.

    Raises:
        TypeError: ``n`` is not an int (a bool or a float is not a count).
        ChineseNumberError: ``n`` is out of range.

    >>> format_count(46106), format_count(46106, grouping=True)
    ('46106', '46,106')
    >>> format_count(1.5)
    Traceback (most recent call last):
        ...
    TypeError: n must be an int, not float
    """
    if type(n) is not int:
        raise _type_error("n", "an int", n)
    if not -_LIMIT < n < _LIMIT:
        raise _bad(
            f"{n} is out of range: the magnitude must be below 10**16",
            detail_zh=f"{n} 超出范围：绝对值应小于 10**16",
        )
    if not _check_bool("grouping", grouping):
        return str(n)
    from babel.numbers import format_decimal

    return format_decimal(n, locale="zh_CN")


def _quantize(value: Decimal, digits: int, rounding: str) -> Decimal:
    _check_int("digits", digits, 0, _MAX_FRACTION_DIGITS)
    return value.quantize(Decimal(1).scaleb(-digits), rounding=rounding, context=_CONTEXT)


def format_percent(
    value: int | Decimal | float | str, digits: int = 1, rounding: str = ROUND_HALF_UP
) -> str:
    """Write a ratio as a percentage with a fixed number of decimals: 12.3%.

    Args:
        value: the ratio (0.125 is 12.5%): an int, ``Decimal``, plain decimal string or
            finite float (converted with ``Decimal(repr(value))``).
        digits: decimals to keep, 0 to 64.
        rounding: a ``decimal`` rounding mode; 四舍五入 (``ROUND_HALF_UP``) by default.

    Returns:
        The percentage, formatted by babel's zh_CN pattern (12.3%, 1,250.0%).

    Raises:
        TypeError: a wrong type.
        ChineseNumberError: a non-finite or too large value, or a bad ``digits`` or
            ``rounding``.

    >>> format_percent(Decimal("0.125"), digits=0), format_percent(Decimal("0.1234"))
    ('13%', '12.3%')
    >>> format_percent(float("nan"))
    Traceback (most recent call last):
        ...
    govdisclosure.zh.ChineseNumberError: value must be a finite number, got nan
    """
    percent = _CONTEXT.multiply(_to_decimal(value, "value"), 100)
    if percent and percent.adjusted() >= 16:
        raise _bad(
            f"{value!r} is out of range: the percentage must be below 10**16",
            detail_zh=f"{value!r} 超出范围：百分数应小于 10**16",
        )
    rounded = _quantize(percent, digits, _check_rounding(rounding))
    if not rounded:
        rounded = rounded.copy_abs()  # no '-0.0%'
    from babel.numbers import format_percent as babel_percent

    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return babel_percent(
        _CONTEXT.divide(rounded, 100), format=pattern, locale="zh_CN", decimal_quantization=False
    )


def format_wan(
    n: int | Decimal | float | str,
    digits: int = 1,
    rounding: str = ROUND_HALF_UP,
    *,
    unit: Literal["万", "亿", "万亿"] = "万",
) -> str:
    """Write a number in units of 万 (or 亿, 万亿) with a fixed number of decimals: 14.7万.

    Args:
        n: the number, as for :func:`to_chinese_numeral`.
        digits: decimals to keep, 0 to 64.
        rounding: a ``decimal`` rounding mode; 四舍五入 by default.
        unit: ``'万'``, ``'亿'`` or ``'万亿'``.

    Returns:
        The number in the unit, such as ``'14.7万'``.

    Raises:
        TypeError: a wrong type.
        ChineseNumberError: a non-finite or too large number, or a bad option.

    >>> format_wan(147000), format_wan(123456789, 2, unit="亿")
    ('14.7万', '1.23亿')
    >>> format_wan(147000, unit="千")
    Traceback (most recent call last):
        ...
    govdisclosure.zh.ChineseNumberError: unit must be '万', '亿' or '万亿', got '千'
    """
    power = _WAN_POWER.get(_check_str("unit", unit))
    if power is None:
        raise _bad(
            f"unit must be '万', '亿' or '万亿', got {unit!r}",
            detail_zh=f"unit 应为“万”“亿”或“万亿”，实为 {unit!r}",
        )
    scaled = _to_decimal(n, "n").scaleb(-power, _CONTEXT)
    rounded = _quantize(scaled, digits, _check_rounding(rounding))
    if not rounded:
        rounded = rounded.copy_abs()  # no '-0.0万'
    return f"{rounded:f}{unit}"


def parse_percent(text: str) -> Decimal:
    """Read a percentage (12.3% or 12.3％, 百分之十二点三) as a ratio.

    Args:
        text: the percentage, exactly.

    Returns:
        The ratio as a ``Decimal`` (12.3% gives ``Decimal('0.123')``).

    Raises:
        TypeError: ``text`` is not a str.
        ChineseNumberError: the text is not a percentage.

    >>> parse_percent("12.3%"), parse_percent("百分之五十")
    (Decimal('0.123'), Decimal('0.5'))
    >>> parse_percent("12.3")
    Traceback (most recent call last):
        ...
    govdisclosure.zh.ChineseNumberError: '12.3' is not a percentage (12.3% or 百分之十二点三)
    """
    if not isinstance(text, str):
        raise _type_error("text", "a str", text)
    if text.endswith(("%", "％")):
        body = text[:-1]
    elif text.startswith("百分之"):
        body = text[3:]
    else:
        raise _bad(
            f"{text!r} is not a percentage (12.3% or 百分之十二点三)",
            detail_zh=f"“{text}”不是百分数（如 12.3% 或 百分之十二点三）",
        )
    value = _parse_part(text, body) if body else None
    if value is None:
        raise _bad(f"no number in {text!r}", detail_zh=f"“{text}”中没有数字")
    return _CONTEXT.divide(Decimal(value), 100)
