"""Chinese numerals, written and read as quantities and digit by digit (中文数字).

Writers after GB/T 15835-2011: :func:`to_chinese_numeral` (三千零五十二, 壹仟零壹拾),
:func:`to_chinese_digits` (二〇二三) and :func:`to_ordinal` (第二十条). The reader
:func:`parse_chinese_numeral` accepts what published reports write; the package's other
readers (amounts, percentages, dates) read their numbers through it.

>>> to_chinese_numeral(100001000)
'一亿零一千'
>>> parse_chinese_numeral("一亿零一千")
100001000
"""

from __future__ import annotations

from decimal import Decimal

from govdisclosure.errors import ChineseNumberError
from govdisclosure.zh._common import (
    _ASCII_DIGITS,
    _CODE_DIGITS,
    _CONTEXT,
    _DIGIT_VALUE,
    _LIMIT,
    _LOWER,
    _MAX_FRACTION_DIGITS,
    _TO_ASCII,
    _UPPER,
    _UPPER_DIGITS,
    _bad,
    _check_int,
    _check_str,
    _position_error,
    _to_decimal,
    _type_error,
)

__all__ = ["parse_chinese_numeral", "to_chinese_digits", "to_chinese_numeral", "to_ordinal"]


# The most digits of a code spelled out by to_chinese_digits.
_MAX_CODE_DIGITS = 32

_LOWER_UNITS = ("", "十", "百", "千")
_UPPER_UNITS = ("", "拾", "佰", "仟")
_SUFFIXES = ("万", "亿", "万", "")
_LOWER_DIGITS = str.maketrans("0123456789", _LOWER)
_SMALL_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_ARABIC_UNIT = {"十": 1, "百": 2, "千": 3, "万": 4, "亿": 8}


def _split_number(value: object) -> tuple[bool, int, str]:
    """Return (negative, integer part, fraction digits as given) of a number to spell out."""
    if type(value) is int:
        if -_LIMIT < value < _LIMIT:
            return value < 0, abs(value), ""
        raise _bad(
            f"{value} is out of range: the magnitude must be below 10**16",
            detail_zh=f"{value} 超出范围：绝对值应小于 10**16",
        )
    if isinstance(value, float) and value.is_integer():
        # repr() always writes '.0' for a whole float; it is not a fraction digit anyone wrote.
        if abs(value) >= _LIMIT:
            raise _bad(
                f"{value!r} is out of range: the magnitude must be below 10**16",
                detail_zh=f"{value!r} 超出范围：绝对值应小于 10**16",
            )
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
            raise _bad(
                f"{n!r} is not a string of ASCII digits",
                detail_zh=f"{n!r} 不是由 ASCII 数字组成的字符串",
            )
        if len(n) > _MAX_CODE_DIGITS:
            raise _bad(
                f"{n!r} is longer than {_MAX_CODE_DIGITS} digits",
                detail_zh=f"{n!r} 超过 {_MAX_CODE_DIGITS} 位",
            )
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


def _parse_fraction(text: str, start: int) -> str:
    """Read the digits after 点 one by one; return them as ASCII digits."""
    if start == len(text):
        raise _position_error(
            text, start, "点 must be followed by digits", detail_zh="“点”后面应有数字"
        )
    for index in range(start, len(text)):
        char = text[index]
        if char not in _DIGIT_VALUE or char == "两":
            raise _position_error(
                text, index, "only digits may follow 点", detail_zh="“点”后面只能是数字"
            )
    return text[start:].translate(_TO_ASCII)


def _char_error(text: str, index: int) -> ChineseNumberError:
    """Explain why the character at ``index`` cannot stand where it is."""
    char = text[index]
    if char in _ASCII_DIGITS:
        return _position_error(
            text, index, "Arabic and Chinese digits are mixed", detail_zh="阿拉伯数字和中文数字混用"
        )
    if char in ("万", "亿"):
        return _position_error(
            text, index, f"{char} is repeated or out of place", detail_zh=f"“{char}”重复或位置不对"
        )
    return _position_error(
        text, index, "not a Chinese numeral character", detail_zh="不是中文数字字符"
    )


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
                raise _position_error(
                    text,
                    index,
                    "two digits in a row need a unit between",
                    detail_zh="两个数字相连，中间应有单位",
                )
            digit, digit_at, zero = (value, index, zero) if value else (-1, -1, True)
            continue
        unit = _SMALL_UNIT.get(char)
        if unit is None:
            raise _char_error(text, index)
        if digit < 0 and unit != 10:
            raise _position_error(
                text, index, f"{char} needs a digit before it", detail_zh=f"“{char}”前面应有数字"
            )
        if unit >= last_unit:
            raise _position_error(
                text,
                index,
                "units must decrease within a level",
                detail_zh="同一级内的单位应从大到小",
            )
        section += (digit if digit > 0 else 1) * unit
        last_unit, digit, zero = unit, -1, False
    if digit > 0:
        if not zero and (final if last_unit == 10000 else last_unit >= 100):
            raise _position_error(
                text,
                digit_at,
                "a lone digit after a unit is ambiguous (一百五 may mean 150 or 105); "
                "write 一百五十 or 一百零五",
                detail_zh="单位后单独一个数字有歧义（一百五 可指 150 或 105）；"
                "请写 一百五十 或 一百零五",
            )
        section += digit
    elif zero:
        raise _position_error(
            text, stop - 1, "零 must be followed by a digit", detail_zh="“零”后面应有数字"
        )
    return section


def _parse_wan(text: str, start: int, stop: int, final: bool) -> int:
    """Read a number below 10**8 (…万…) from ``text[start:stop]``."""
    wan = text.find("万", start, stop)
    if wan < 0:
        return _parse_section(text, start, stop, final)
    high = _parse_section(text, start, wan, False)
    if not high:
        raise _position_error(text, wan, "万 needs a multiplier", detail_zh="“万”前面应有数字")
    return high * 10000 + _parse_section(text, wan + 1, stop, True)


def _parse_units(text: str, start: int, stop: int) -> int:
    """Read a numeral with units (…亿…万…千百十…) from ``text[start:stop]``."""
    yi = text.find("亿", start, stop)
    if yi < 0:
        return _parse_wan(text, start, stop, False)
    high = _parse_wan(text, start, yi, False)
    if not high:
        raise _position_error(text, yi, "亿 needs a multiplier", detail_zh="“亿”前面应有数字")
    return high * 100000000 + _parse_wan(text, yi + 1, stop, True)


def _parse_digits(text: str, start: int, stop: int) -> int:
    """Read a digit-by-digit numeral (二〇二三) from ``text[start:stop]``."""
    if stop - start > 16:
        raise _position_error(
            text, start, "out of range: more than 16 digits", detail_zh="超出范围：超过 16 位"
        )
    liang = text.find("两", start, stop)
    if liang >= 0 and stop - start > 1:
        raise _position_error(
            text, liang, "两 is not written digit by digit", detail_zh="“两”不能逐位书写"
        )
    return int(text[start:stop].translate(_TO_ASCII))


def _arabic_term(text: str, index: int) -> tuple[str, int, int]:
    """Read one Arabic number and its unit at ``index``: (number, power of ten, next index)."""
    begin, length = index, len(text)
    while index < length and text[index] in _ASCII_DIGITS:
        index += 1
    if index == begin:
        raise _position_error(text, index, "expected an Arabic digit", detail_zh="应为阿拉伯数字")
    dot = index
    if index < length and text[index] == ".":
        index += 1
        while index < length and text[index] in _ASCII_DIGITS:
            index += 1
        if index == dot + 1:
            raise _position_error(
                text,
                index,
                "expected a digit after the decimal point",
                detail_zh="小数点后应有数字",
            )
    number = text[begin:index]
    whole, fraction = text[begin:dot], text[dot + 1 : index]
    if len(whole.lstrip("0")) > 16 or len(fraction) > _MAX_FRACTION_DIGITS:
        raise _position_error(
            text,
            begin,
            "out of range: the magnitude must be below 10**16",
            detail_zh="超出范围：绝对值应小于 10**16",
        )
    if index == length:
        return number, 0, index
    power = _ARABIC_UNIT.get(text[index])
    if power is None:
        raise _position_error(
            text,
            index,
            "not a digit or a 十/百/千/万/亿 unit",
            detail_zh="不是数字，也不是十、百、千、万、亿",
        )
    if power == 4 and text[index + 1 : index + 2] == "亿":
        return number, 12, index + 2
    return number, power, index + 1


def _parse_arabic(text: str, start: int, negative: bool) -> int | Decimal:
    """Read Arabic numbers with optional 十/百/千/万/亿 units: 14.7万, 3万5千, 1亿2000万."""
    number, power, index = _arabic_term(text, start)
    total = Decimal(number).scaleb(power, _CONTEXT)
    while index < len(text):
        if "." in number:
            raise _position_error(
                text,
                index,
                "a decimal may only be written alone: 14.7万",
                detail_zh="小数只能单独与单位连用，如 14.7万",
            )
        begin, previous = index, power
        number, power, index = _arabic_term(text, index)
        term = Decimal(number).scaleb(power, _CONTEXT)
        # A last part without a unit must fill the places below the unit before it (3万5000).
        bare = index == len(text) and not power and len(number) != previous
        if bare or "." in number or power >= previous or term >= 10**previous:
            raise _position_error(
                text,
                begin,
                "each part must fill the places below the unit before it",
                detail_zh="每一部分都应填满前一个单位以下的各位",
            )
        total = _CONTEXT.add(total, term)
    if total >= _LIMIT:
        raise _position_error(
            text,
            start,
            "out of range: the magnitude must be below 10**16",
            detail_zh="超出范围：绝对值应小于 10**16",
        )
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
        raise _bad("cannot read a number from an empty string", detail_zh="空字符串中读不出数字")
    first = text[0]
    negative = first in ("负", "-")
    start = 1 if negative else 0
    if start < len(text) and text[start] in _ASCII_DIGITS:
        return _parse_arabic(text, start, negative)
    if first == "-":
        raise _position_error(
            text, 1, "'-' must be followed by Arabic digits", detail_zh="“-”后面应是阿拉伯数字"
        )
    stop = text.find("点", start)
    if stop < 0:
        stop = len(text)
    if stop == start:
        raise _position_error(text, start, "expected a digit", detail_zh="应为数字")
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


def _parse_part(text: str, part: str) -> int | Decimal:
    try:
        return parse_chinese_numeral(part)
    except ChineseNumberError as error:
        raise _bad(f"{text!r}: {error}", detail_zh=f"“{text}”：{error.what_zh()}") from None
