"""The implementation of :mod:`govdisclosure.zh`; see the package docstring.

>>> to_chinese_numeral(100001000)
'一亿零一千'
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Literal

from govdisclosure.errors import ChineseNumberError

__all__ = [
    "ChineseNumberError",
    "article_ref",
    "format_count",
    "format_date",
    "format_date_range",
    "format_doc_number",
    "format_percent",
    "format_wan",
    "format_year",
    "heading_marker",
    "parse_amount",
    "parse_chinese_date",
    "parse_chinese_numeral",
    "parse_percent",
    "publication_deadline",
    "report_period",
    "rmb_upper",
    "statistics_period_sentence",
    "to_chinese_digits",
    "to_chinese_numeral",
    "to_ordinal",
]


# The largest magnitude (exclusive) of the integer part of a number the helpers handle.
_LIMIT = 10**16
# The most digits of a code spelled out by to_chinese_digits.
_MAX_CODE_DIGITS = 32
# The most fraction digits a number may carry (a guard against Decimal('1E-999999')).
_MAX_FRACTION_DIGITS = 64

_LOWER = "零一二三四五六七八九"
_UPPER = "零壹贰叁肆伍陆柒捌玖"
_LOWER_UNITS = ("", "十", "百", "千")
_UPPER_UNITS = ("", "拾", "佰", "仟")
_SUFFIXES = ("万", "亿", "万", "")
_CODE_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")
_LOWER_DIGITS = str.maketrans("0123456789", _LOWER)
_UPPER_DIGITS = str.maketrans("0123456789", _UPPER)

_DIGIT_VALUE = {c: i for i, c in enumerate(_LOWER)} | {c: i for i, c in enumerate(_UPPER)}
# ○ (U+25CB) is a common mistyping of 〇 in published years (二○二三年): read, never written.
_DIGIT_VALUE.update({"〇": 0, "○": 0, "两": 2})
_TO_ASCII = str.maketrans({c: str(v) for c, v in _DIGIT_VALUE.items()})
_SMALL_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_ASCII_DIGITS = frozenset("0123456789")
_ARABIC_UNIT = {"十": 1, "百": 2, "千": 3, "万": 4, "亿": 8}

_STYLES = ("arabic", "hanzi", "bill")
_DEADLINE_MONTH = {"department": 1, "government": 3}
_HEADING_LEVELS = 4
_WAN_POWER = {"万": 4, "亿": 8, "万亿": 12}

# Fixed precision for our own arithmetic, so a caller's decimal context cannot change results.
_CONTEXT = Context(prec=60)
_CENT = Decimal("0.01")
_ROUNDINGS = frozenset(
    (
        "ROUND_CEILING",
        "ROUND_DOWN",
        "ROUND_FLOOR",
        "ROUND_HALF_DOWN",
        "ROUND_HALF_EVEN",
        "ROUND_HALF_UP",
        "ROUND_UP",
        "ROUND_05UP",
    )
)


def _type_error(name: str, expected: str, value: object) -> TypeError:
    return TypeError(f"{name} must be {expected}, not {type(value).__name__}")


def _bad(message: str) -> ChineseNumberError:
    return ChineseNumberError(message)


def _check_int(name: str, value: object, low: int, high: int | None = None) -> int:
    """Return ``value`` when it is an int (not a bool) in ``[low, high]``."""
    if type(value) is not int:
        if isinstance(value, int) and not isinstance(value, bool):
            value = int(value)
        else:
            raise _type_error(name, "an int", value)
    if value < low or (high is not None and value > high):
        upper = "" if high is None else f" and at most {high}"
        raise _bad(f"{name} must be at least {low}{upper}, got {value}")
    return value


def _check_str(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise _type_error(name, "a str", value)
    return value


def _check_bool(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise _type_error(name, "a bool", value)
    return value


def _check_rounding(rounding: object) -> str:
    if not isinstance(rounding, str):
        raise _type_error("rounding", "a decimal rounding mode such as ROUND_HALF_UP", rounding)
    if rounding not in _ROUNDINGS:
        raise _bad(f"unknown rounding mode {rounding!r}")
    return rounding


def _check_date(name: str, value: object) -> date:
    if not isinstance(value, date):
        raise _type_error(name, "a datetime.date", value)
    return value


def _plain_decimal_str(text: str) -> Decimal:
    """Read a plain decimal string such as ``'-95.06'``; no spaces, signs or grouping."""
    body = text[1:] if text[:1] == "-" else text
    whole, dot, fraction = body.partition(".")
    if not (
        whole.isascii()
        and whole.isdigit()
        and (not dot or (fraction.isascii() and fraction.isdigit()))
    ):
        raise _bad(
            f"{text!r} is not a plain decimal number (write digits, an optional leading '-' "
            "and an optional '.', without spaces or grouping)"
        )
    if len(whole.lstrip("0")) > 16:
        raise _bad(f"{text!r} is out of range: the magnitude must be below 10**16")
    if len(fraction) > _MAX_FRACTION_DIGITS:
        raise _bad(f"{text!r} has more than {_MAX_FRACTION_DIGITS} fraction digits")
    return Decimal(text)


def _to_decimal(value: object, name: str) -> Decimal:
    """Convert an accepted numeric input to a finite, in-range ``Decimal``."""
    if isinstance(value, bool) or value is None:
        raise _type_error(name, "an int, Decimal, float or decimal str", value)
    if isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, Decimal):
        result = value
    elif isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, str):
        return _plain_decimal_str(value)
    else:
        raise _type_error(name, "an int, Decimal, float or decimal str", value)
    if not result.is_finite():
        raise _bad(f"{name} must be a finite number, got {value!r}")
    if result and result.adjusted() >= 16:
        raise _bad(f"{value!r} is out of range: the magnitude must be below 10**16")
    exponent = result.as_tuple().exponent
    assert isinstance(exponent, int)  # finite, checked above
    if -exponent > _MAX_FRACTION_DIGITS:
        raise _bad(f"{value!r} has more than {_MAX_FRACTION_DIGITS} fraction digits")
    return result


def _split_number(value: object) -> tuple[bool, int, str]:
    """Return (negative, integer part, fraction digits as given) of a number to spell out."""
    if type(value) is int:
        if -_LIMIT < value < _LIMIT:
            return value < 0, abs(value), ""
        raise _bad(f"{value} is out of range: the magnitude must be below 10**16")
    if isinstance(value, float) and value.is_integer():
        # repr() always writes '.0' for a whole float; it is not a fraction digit anyone wrote.
        if abs(value) >= _LIMIT:
            raise _bad(f"{value!r} is out of range: the magnitude must be below 10**16")
        return _split_number(int(value))
    number = _to_decimal(value, "n")
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent >= 0:
        whole = int(number)
        return whole < 0, abs(whole), ""
    text = format(number.copy_abs(), "f")
    whole_text, _, fraction = text.partition(".")
    return number.is_signed() and bool(number), int(whole_text), fraction


def _section(group: int, digits: str, units: tuple[str, ...], two: str, short_ten: bool) -> str:
    """Spell 1 <= group <= 9999 with its inner zeros; a leading-zero 零 is the caller's."""
    d3, rest = divmod(group, 1000)
    d2, rest = divmod(rest, 100)
    d1, d0 = divmod(rest, 10)
    text = ""
    if d3:
        text = (two if d3 == 2 else digits[d3]) + units[3]
    if d2:
        text += (two if d2 == 2 else digits[d2]) + units[2]
    elif d3 and (d1 or d0):
        text += digits[0]
    if d1:
        text += units[1] if (short_ten and d1 == 1 and not text) else digits[d1] + units[1]
    elif d2 and d0:
        text += digits[0]
    if d0:
        text += digits[d0]
    return text


def _spell_integer(
    n: int, upper: bool, liang: bool, zero_after_empty_wan: bool, short_ten: bool = True
) -> str:
    """Spell 0 <= n < 10**16 in four-digit levels."""
    if upper:
        digits, units, two, short_ten, liang = _UPPER, _UPPER_UNITS, "贰", False, False
    else:
        digits, units, two = _LOWER, _LOWER_UNITS, "两" if liang else "二"
    if n < 10000:
        return _section(n, digits, units, two, short_ten) if n else digits[0]
    groups = (n // 1000000000000, n // 100000000 % 10000, n // 10000 % 10000, n % 10000)
    parts: list[str] = []
    started = gap = False
    for index, group in enumerate(groups):
        if not group:
            if started:
                gap = True
                if index == 1:  # 一万亿: the 亿 of the top level follows its 万 directly
                    parts.append("亿")
            continue
        if started and (group < 1000 or (gap and zero_after_empty_wan)):
            parts.append(digits[0])
        if liang and group == 2 and index < 3:
            parts.append("两")
        else:
            parts.append(_section(group, digits, units, two, short_ten and not started))
        parts.append(_SUFFIXES[index])
        started, gap = True, False
    return "".join(parts)


def to_chinese_numeral(
    n: int | Decimal | float | str,
    *,
    upper: bool = False,
    liang: bool = False,
    zero_after_empty_wan: bool = True,
) -> str:
    """Spell a number in Chinese numerals, as a quantity (三千零五十二).

    Four-digit levels (个, 万, 亿; 10**12 is 一万亿), one 零 for each run of inner zeros,
    十 for a leading 10-19 and 一十 inside a number, 负 for negatives, and fraction digits
    read one by one exactly as given (``Decimal('1.10')`` gives 一点一零).

    Args:
        n: an int, a ``Decimal``, a plain decimal string such as ``'95.06'``, or a finite
            float (converted with ``Decimal(repr(n))``; a whole float counts as an int).
            The integer part must be below 10**16 in magnitude.
        upper: write the financial capitals 壹贰叁…拾佰仟 (always 壹拾, never 拾).
        liang: write 两 for a 2 before 百 or 千, and before 万 or 亿 when the whole
            multiplier is 2 (两万, but 十二万). Upper case has no 两; it is ignored there.
        zero_after_empty_wan: write 零 after a whole empty level (一亿零一千); ``False``
            gives cn2an's 一亿一千, which readers may take for 1.1亿.

    Returns:
        The numeral.

    Raises:
        TypeError: ``n`` is a bool, None or another non-numeric type.
        ChineseNumberError: ``n`` is out of range, NaN, infinite or a malformed string.

    >>> to_chinese_numeral(1010)
    '一千零一十'
    >>> to_chinese_numeral(20000, liang=True), to_chinese_numeral(10, upper=True)
    ('两万', '壹拾')
    >>> to_chinese_numeral('95.06')
    '九十五点零六'
    >>> to_chinese_numeral('1,000')
    Traceback (most recent call last):
        ...
    govdisclosure.zh.ChineseNumberError: '1,000' is not a plain decimal number (write digits, \
an optional leading '-' and an optional '.', without spaces or grouping)
    """
    if type(n) is int and 0 <= n < 10000 and not upper:
        # The common case (counts in a report) without the general machinery.
        return _section(n, _LOWER, _LOWER_UNITS, "两" if liang else "二", True) if n else "零"
    negative, whole, fraction = _split_number(n)
    text = _spell_integer(whole, upper, liang, zero_after_empty_wan)
    if fraction:
        text += "点" + fraction.translate(_UPPER_DIGITS if upper else _LOWER_DIGITS)
    return "负" + text if negative else text


def to_chinese_digits(n: int | str, *, upper: bool = False) -> str:
    """Spell a year or a code digit by digit with 〇 (二〇二三), as GB/T 15835 asks.

    Args:
        n: a non-negative int below 10**16, or a string of at most 32 ASCII digits (a
            code, whose leading zeros are kept).
        upper: write the financial capitals with 零 (贰零贰叁), as bill dates do.

    Returns:
        One Chinese digit per decimal digit; the zero is 〇 (U+3007), or 零 in upper case.

    Raises:
        TypeError: ``n`` is not an int or a str (a bool is not accepted).
        ChineseNumberError: ``n`` is negative, too large, or a string that is not ASCII digits.

    >>> to_chinese_digits(2023)
    '二〇二三'
    >>> to_chinese_digits("007", upper=True)
    '零零柒'
    >>> to_chinese_digits(-1)
    Traceback (most recent call last):
        ...
    govdisclosure.zh.ChineseNumberError: n must be at least 0 and at most 9999999999999999, got -1
    """
    if isinstance(n, str):
        if not (n.isascii() and n.isdigit()):
            raise _bad(f"{n!r} is not a string of ASCII digits")
        if len(n) > _MAX_CODE_DIGITS:
            raise _bad(f"{n!r} is longer than {_MAX_CODE_DIGITS} digits")
        text = n
    else:
        text = str(_check_int("n", n, 0, _LIMIT - 1))
    return text.translate(_UPPER_DIGITS if upper else _CODE_DIGITS)


def to_ordinal(n: int, suffix: str = "") -> str:
    """Write an ordinal with 第 (第一, 第二十条).

    Args:
        n: a positive int below 10**16.
        suffix: a measure word to append, such as 条 or 项.

    Returns:
        ``'第'`` + the numeral + ``suffix``.

    Raises:
        TypeError: ``n`` is not an int or ``suffix`` not a str.
        ChineseNumberError: ``n`` is below 1 or too large.

    >>> to_ordinal(20, suffix="条")
    '第二十条'
    >>> to_ordinal(0)
    Traceback (most recent call last):
        ...
    govdisclosure.zh.ChineseNumberError: n must be at least 1 and at most 9999999999999999, got 0
    """
    value = _check_int("n", n, 1, _LIMIT - 1)
    return "第" + to_chinese_numeral(value) + _check_str("suffix", suffix)


def rmb_upper(
    amount: int | Decimal | float | str,
    *,
    rounding: str | None = None,
    zheng: str = "整",
    zheng_after_jiao: bool = True,
    zero_before_jiao: bool = True,
    prefix: str = "人民币",
) -> str:
    """Write an amount of yuan in upper-case figures, as on bills and vouchers (大写金额).

    The rules of 《支付结算办法》附件一 and 《会计基础工作规范》第五十二条: 整 after 元 or 角
    but never after 分; 零 for a zero 元 digit before a nonzero 角 (the first form the bank
    rule allows) and always for a zero 角 before a nonzero 分; no 零元 below one yuan.

    Args:
        amount: non-negative yuan below 10**16: an int, ``Decimal``, plain decimal string,
            or a finite float (converted with ``Decimal(repr(amount))``).
        rounding: a ``decimal`` rounding mode to bring more than two decimals to 分; by
            default more than two (nonzero) decimals raise.
        zheng: ``'整'`` or ``'正'``; the bank rule allows either.
        zheng_after_jiao: write 整 after 角 too (required by the accounting rule).
        zero_before_jiao: write 零 between a zero 元 digit and a nonzero 角.
        prefix: the currency word written first.

    Returns:
        The amount in words, such as ``'人民币壹仟肆佰零玖元伍角整'``.

    Raises:
        TypeError: a wrong type for any argument.
        ChineseNumberError: a negative, NaN, infinite or too large amount, more than two
            decimals without ``rounding``, or an unknown ``zheng``.

    >>> rmb_upper("1409.50")
    '人民币壹仟肆佰零玖元伍角整'
    >>> rmb_upper("1000.05")
    '人民币壹仟元零伍分'
    >>> rmb_upper(-1)
    Traceback (most recent call last):
        ...
    govdisclosure.zh.ChineseNumberError: the amount must not be negative, got -1
    """
    cents = _cents(amount, rounding)
    if zheng not in ("整", "正"):
        _check_str("zheng", zheng)
        raise _bad(f"zheng must be '整' or '正', got {zheng!r}")
    _check_bool("zheng_after_jiao", zheng_after_jiao)
    _check_bool("zero_before_jiao", zero_before_jiao)
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    parts = [_check_str("prefix", prefix)]
    if yuan or not rest:
        parts += (_spell_integer(yuan, True, False, True), "元")
    if jiao:
        if yuan and yuan % 10 == 0 and zero_before_jiao:
            parts.append("零")
        parts += (_UPPER[jiao], "角")
        if fen:
            parts += (_UPPER[fen], "分")
        elif zheng_after_jiao:
            parts.append(zheng)
    elif fen:
        if yuan:
            parts.append("零")
        parts += (_UPPER[fen], "分")
    else:
        parts.append(zheng)
    return "".join(parts)


def _cents(amount: object, rounding: str | None) -> int:
    """Return a non-negative amount in whole 分, rounded only when ``rounding`` is given."""
    value = _to_decimal(amount, "amount")
    if value < 0:
        raise _bad(f"the amount must not be negative, got {amount!r}")
    if rounding is not None:
        value = value.quantize(_CENT, rounding=_check_rounding(rounding), context=_CONTEXT)
    elif value != value.quantize(_CENT, context=_CONTEXT):
        raise _bad(
            f"the amount {amount!r} has more than two decimals; pass rounding= to round it to 分"
        )
    if value >= _LIMIT:
        raise _bad(f"the amount {amount!r} is out of range: it must be below 10**16")
    return int(value.scaleb(2, _CONTEXT))


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
        raise _bad(f"style must be one of {', '.join(_STYLES)}; got {style!r}")
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
        raise _bad(f"the range ends ({end.isoformat()}) before it starts ({start.isoformat()})")
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
        raise _bad(f"level must be 'department' or 'government', got {level!r}")
    return date(value + 1, month, 31)


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
        raise _bad("the prefix (机关代字) must not be empty")
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
        raise _bad(f"{n} is out of range: the magnitude must be below 10**16")
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
        raise _bad(f"{value!r} is out of range: the percentage must be below 10**16")
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
        raise _bad(f"unit must be '万', '亿' or '万亿', got {unit!r}")
    scaled = _to_decimal(n, "n").scaleb(-power, _CONTEXT)
    rounded = _quantize(scaled, digits, _check_rounding(rounding))
    if not rounded:
        rounded = rounded.copy_abs()  # no '-0.0万'
    return f"{rounded:f}{unit}"


def _position_error(text: str, index: int, problem: str) -> ChineseNumberError:
    shown = repr(text[index]) if index < len(text) else "the end"
    return _bad(f"{shown} at position {index} in {text!r}: {problem}")


def _parse_fraction(text: str, start: int) -> str:
    """Read the digits after 点 one by one; return them as ASCII digits."""
    if start == len(text):
        raise _position_error(text, start, "点 must be followed by digits")
    for index in range(start, len(text)):
        char = text[index]
        if char not in _DIGIT_VALUE or char == "两":
            raise _position_error(text, index, "only digits may follow 点")
    return text[start:].translate(_TO_ASCII)


def _char_error(text: str, index: int) -> ChineseNumberError:
    """Explain why the character at ``index`` cannot stand where it is."""
    char = text[index]
    if char in _ASCII_DIGITS:
        return _position_error(text, index, "Arabic and Chinese digits are mixed")
    if char in ("万", "亿"):
        return _position_error(text, index, f"{char} is repeated or out of place")
    return _position_error(text, index, "not a Chinese numeral character")


def _parse_section(text: str, start: int, stop: int, final: bool) -> int:
    """Read one four-digit level (千百十个) from ``text[start:stop]``; empty reads as 0.

    ``final`` marks the level that ends the number after a 万 or 亿, where a lone digit
    (一万五) is as ambiguous as one after 百 or 千 (一百五).
    """
    section = 0
    digit = digit_at = -1
    last_unit = 10000
    zero = False
    for index in range(start, stop):
        char = text[index]
        value = _DIGIT_VALUE.get(char)
        if value is not None:
            if digit >= 0:
                raise _position_error(text, index, "two digits in a row need a unit between")
            digit, digit_at, zero = (value, index, zero) if value else (-1, -1, True)
            continue
        unit = _SMALL_UNIT.get(char)
        if unit is None:
            raise _char_error(text, index)
        if digit < 0 and unit != 10:
            raise _position_error(text, index, f"{char} needs a digit before it")
        if unit >= last_unit:
            raise _position_error(text, index, "units must decrease within a level")
        section += (digit if digit > 0 else 1) * unit
        last_unit, digit, zero = unit, -1, False
    if digit > 0:
        if not zero and (final if last_unit == 10000 else last_unit >= 100):
            raise _position_error(
                text,
                digit_at,
                "a lone digit after a unit is ambiguous (一百五 may mean 150 or 105); "
                "write 一百五十 or 一百零五",
            )
        section += digit
    elif zero:
        raise _position_error(text, stop - 1, "零 must be followed by a digit")
    return section


def _parse_wan(text: str, start: int, stop: int, final: bool) -> int:
    """Read a number below 10**8 (…万…) from ``text[start:stop]``."""
    wan = text.find("万", start, stop)
    if wan < 0:
        return _parse_section(text, start, stop, final)
    high = _parse_section(text, start, wan, False)
    if not high:
        raise _position_error(text, wan, "万 needs a multiplier")
    return high * 10000 + _parse_section(text, wan + 1, stop, True)


def _parse_units(text: str, start: int, stop: int) -> int:
    """Read a numeral with units (…亿…万…千百十…) from ``text[start:stop]``."""
    yi = text.find("亿", start, stop)
    if yi < 0:
        return _parse_wan(text, start, stop, False)
    high = _parse_wan(text, start, yi, False)
    if not high:
        raise _position_error(text, yi, "亿 needs a multiplier")
    return high * 100000000 + _parse_wan(text, yi + 1, stop, True)


def _parse_digits(text: str, start: int, stop: int) -> int:
    """Read a digit-by-digit numeral (二〇二三) from ``text[start:stop]``."""
    if stop - start > 16:
        raise _position_error(text, start, "out of range: more than 16 digits")
    liang = text.find("两", start, stop)
    if liang >= 0 and stop - start > 1:
        raise _position_error(text, liang, "两 is not written digit by digit")
    return int(text[start:stop].translate(_TO_ASCII))


def _arabic_term(text: str, index: int) -> tuple[str, int, int]:
    """Read one Arabic number and its unit at ``index``: (number, power of ten, next index)."""
    begin, length = index, len(text)
    while index < length and text[index] in _ASCII_DIGITS:
        index += 1
    if index == begin:
        raise _position_error(text, index, "expected an Arabic digit")
    dot = index
    if index < length and text[index] == ".":
        index += 1
        while index < length and text[index] in _ASCII_DIGITS:
            index += 1
        if index == dot + 1:
            raise _position_error(text, index, "expected a digit after the decimal point")
    number = text[begin:index]
    whole, fraction = text[begin:dot], text[dot + 1 : index]
    if len(whole.lstrip("0")) > 16 or len(fraction) > _MAX_FRACTION_DIGITS:
        raise _position_error(text, begin, "out of range: the magnitude must be below 10**16")
    if index == length:
        return number, 0, index
    power = _ARABIC_UNIT.get(text[index])
    if power is None:
        raise _position_error(text, index, "not a digit or a 十/百/千/万/亿 unit")
    if power == 4 and text[index + 1 : index + 2] == "亿":
        return number, 12, index + 2
    return number, power, index + 1


def _parse_arabic(text: str, start: int, negative: bool) -> int | Decimal:
    """Read Arabic numbers with optional 十/百/千/万/亿 units: 14.7万, 3万5千, 1亿2000万."""
    number, power, index = _arabic_term(text, start)
    total = Decimal(number).scaleb(power, _CONTEXT)
    while index < len(text):
        if "." in number:
            raise _position_error(text, index, "a decimal may only be written alone: 14.7万")
        begin, previous = index, power
        number, power, index = _arabic_term(text, index)
        term = Decimal(number).scaleb(power, _CONTEXT)
        # A last part without a unit must fill the places below the unit before it (3万5000).
        bare = index == len(text) and not power and len(number) != previous
        if bare or "." in number or power >= previous or term >= 10**previous:
            raise _position_error(
                text, begin, "each part must fill the places below the unit before it"
            )
        total = _CONTEXT.add(total, term)
    if total >= _LIMIT:
        raise _position_error(text, start, "out of range: the magnitude must be below 10**16")
    return _finish(total, negative)


def _finish(value: Decimal, negative: bool) -> int | Decimal:
    if negative:
        value = value.copy_negate()
    whole = int(value)
    return whole if value == whole else value


def parse_chinese_numeral(text: str) -> int | Decimal:
    """Read a number as published reports write it.

    Accepts lower and upper case (一/壹), 两, 〇 and 零 (and the mistyped ○), 十 or 一十,
    digit-by-digit forms (二〇二三), decimals (九十五点零六), 负, and Arabic numbers with
    十/百/千/万/亿 units (14.7万, 3万5千). A lone final digit after 百 or a larger unit
    (一百五, 一万五) is refused as ambiguous; so are spaces, grouping commas and full-width
    digits.

    Args:
        text: the numeral, exactly (no surrounding spaces).

    Returns:
        An ``int`` when the value is whole, else a ``Decimal`` keeping the fraction digits
        as written (一点一零 gives ``Decimal('1.10')``).

    Raises:
        TypeError: ``text`` is not a str.
        ChineseNumberError: the text is empty or malformed; the message names the
            offending character and its position.

    >>> parse_chinese_numeral('一百一十四'), parse_chinese_numeral('二〇二三')
    (114, 2023)
    >>> parse_chinese_numeral('九十五点零六'), parse_chinese_numeral('14.7万')
    (Decimal('95.06'), 147000)
    >>> parse_chinese_numeral('一百二十x')
    Traceback (most recent call last):
        ...
    govdisclosure.zh.ChineseNumberError: 'x' at position 4 in '一百二十x': not a Chinese numeral \
character
    """
    if type(text) is not str:
        if not isinstance(text, str):
            raise _type_error("text", "a str", text)
        text = str(text)
    if not text:
        raise _bad("cannot read a number from an empty string")
    first = text[0]
    negative = first in ("负", "-")
    start = 1 if negative else 0
    if start < len(text) and text[start] in _ASCII_DIGITS:
        return _parse_arabic(text, start, negative)
    if first == "-":
        raise _position_error(text, 1, "'-' must be followed by Arabic digits")
    stop = text.find("点", start)
    if stop < 0:
        stop = len(text)
    if stop == start:
        raise _position_error(text, start, "expected a digit")
    for index in range(start, stop):
        if text[index] not in _DIGIT_VALUE:
            whole = _parse_units(text, start, stop)
            break
    else:
        whole = _parse_digits(text, start, stop)
    if stop == len(text):
        return -whole if negative else whole
    fraction = _parse_fraction(text, stop + 1)
    return _finish(Decimal(f"{whole}.{fraction}"), negative)


def parse_amount(text: str) -> Decimal:
    """Read an amount of money in yuan as reports and vouchers write it.

    Accepts Arabic amounts with an optional ¥/￥ sign, comma grouping and a 元, 万元 or
    亿元 unit (380元, 1,234.50元, 1.2万元), Chinese numerals with 元 (三百八十元), and
    upper-case amounts as :func:`rmb_upper` writes them (人民币壹仟肆佰零玖元伍角整).

    Args:
        text: the amount, exactly (no surrounding spaces).

    Returns:
        The amount in yuan.

    Raises:
        TypeError: ``text`` is not a str.
        ChineseNumberError: the text is not an amount.

    >>> parse_amount('380元'), parse_amount('1.2万元'), parse_amount('1,234.50元')
    (Decimal('380'), Decimal('12000'), Decimal('1234.50'))
    >>> parse_amount('人民币壹仟元零伍分')
    Decimal('1000.05')
    >>> parse_amount('三百八十块')
    Traceback (most recent call last):
        ...
    govdisclosure.zh.ChineseNumberError: '块' at position 3 in '三百八十块': not a Chinese numeral \
character
    """
    if not isinstance(text, str):
        raise _type_error("text", "a str", text)
    body = text
    if body.startswith("人民币"):
        body = body[3:]
    elif body[:1] in ("¥", "￥"):
        body = body[1:]
    if not body:
        raise _bad(f"no amount in {text!r}")
    if body[-1] in "角分整正":
        return _parse_upper_amount(text, body)
    body = body.removesuffix("元")
    if not body:
        raise _bad(f"no amount in {text!r}")
    if "," in body:
        return _parse_grouped(text, body)
    return Decimal(_parse_part(text, body))


def _parse_grouped(text: str, body: str) -> Decimal:
    """Read an Arabic amount with comma grouping (1,234.50), validated by babel."""
    number = body
    power = 0
    for unit, unit_power in (("万亿", 12), ("亿", 8), ("万", 4)):
        if number.endswith(unit):
            number, power = number[: -len(unit)], unit_power
            break
    bad = next((c for c in number if c not in _ASCII_DIGITS and c not in ",.-"), None)
    if bad is not None or not number:
        index = text.find(bad) if bad else len(text)
        raise _position_error(text, index, "not part of a grouped Arabic amount")
    from babel.numbers import NumberFormatError, parse_decimal

    try:
        value = parse_decimal(number, locale="zh_CN", strict=True)
    except NumberFormatError as error:
        raise _bad(f"{text!r} is not a correctly grouped amount: {error}") from None
    value = value.scaleb(power, _CONTEXT)
    if value.as_tuple().exponent > 0:  # type: ignore[operator]  # finite: an int exponent
        value = Decimal(int(value))
    if abs(value) >= _LIMIT:
        raise _bad(f"{text!r} is out of range: the magnitude must be below 10**16")
    return value


def _parse_upper_amount(text: str, body: str) -> Decimal:
    """Read an amount ending in 角, 分 or 整: 人民币壹仟肆佰零玖元伍角整, 伍分."""
    yuan_text, sign, rest = body.partition("元")
    if not sign:
        yuan_text, rest = "", body
    elif not yuan_text:
        raise _position_error(text, len(text) - len(body), "expected a number before 元")
    yuan = _parse_part(text, yuan_text) if yuan_text else 0
    position = len(text) - len(rest)
    if rest[-1:] in ("整", "正"):
        rest = rest[:-1]
        if rest.endswith("分"):
            raise _position_error(text, len(text) - 1, "整 never follows 分")
        if not (rest or sign):
            raise _position_error(text, len(text) - 1, "expected an amount before 整")
    if rest[:1] == "零":
        rest, position = rest[1:], position + 1
    cents = 0
    for unit, weight in (("角", 10), ("分", 1)):
        if rest[1:2] == unit:
            digit = _DIGIT_VALUE.get(rest[0], 0)
            if not digit:
                raise _position_error(text, position, f"expected a digit 1-9 before {unit}")
            cents += digit * weight
            rest, position = rest[2:], position + 2
    if rest:
        raise _position_error(text, position, "expected 角 and 分 digits")
    if cents and isinstance(yuan, Decimal) and yuan != int(yuan):
        raise _bad(f"{text!r}: the 元 part must be whole when 角 or 分 follow")
    return _CONTEXT.add(Decimal(yuan), Decimal(cents).scaleb(-2))


def _parse_part(text: str, part: str) -> int | Decimal:
    try:
        return parse_chinese_numeral(part)
    except ChineseNumberError as error:
        raise _bad(f"{text!r}: {error}") from None


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
        raise _bad(f"{text!r} is not a percentage (12.3% or 百分之十二点三)")
    value = _parse_part(text, body) if body else None
    if value is None:
        raise _bad(f"no number in {text!r}")
    return _CONTEXT.divide(Decimal(value), 100)


def _date_field(text: str, part: str, what: str) -> int:
    if not part:
        raise _bad(f"{text!r} has no {what}")
    if part.isascii() and part.isdigit():
        return int(part) if len(part) <= 4 else 10**6
    value = _parse_part(text, part)
    if not isinstance(value, int):
        raise _bad(f"{text!r}: the {what} must be whole, got {part!r}")
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
    year_text, sep_year, rest = text.partition("年")
    month_text, sep_month, rest = rest.partition("月")
    day_text, sep_day, rest = rest.partition("日")
    if not (sep_year and sep_month and sep_day) or rest:
        raise _bad(f"{text!r} is not a date written as …年…月…日")
    if year_text.isascii():
        year = _date_field(text, year_text, "year")
    else:
        if not 0 < len(year_text) <= 4 or any(c not in _DIGIT_VALUE for c in year_text):
            raise _bad(f"{text!r}: the year must be one to four digits, got {year_text!r}")
        year = int(year_text.translate(_TO_ASCII))
    month = _date_field(text, month_text, "month")
    day = _date_field(text, day_text, "day")
    try:
        return date(year, month, day)
    except ValueError as error:
        raise _bad(f"{text!r} is not a real date: {error}") from None
