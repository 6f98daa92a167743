"""Amounts of money in yuan: the upper-case figures of bills and vouchers (大写金额), and reading.

:func:`rmb_upper` writes an amount as 《支付结算办法》附件一 and 《会计基础工作规范》第五十二条
ask; :func:`parse_amount` reads the Arabic, Chinese and upper-case amounts reports contain.

>>> rmb_upper("1409.50")
'人民币壹仟肆佰零玖元伍角整'
>>> parse_amount("人民币壹仟肆佰零玖元伍角整")
Decimal('1409.50')
"""

from __future__ import annotations

from decimal import Decimal

from govdisclosure.zh._common import (
    _ASCII_DIGITS,
    _CONTEXT,
    _DIGIT_VALUE,
    _LIMIT,
    _UPPER,
    _bad,
    _check_bool,
    _check_rounding,
    _check_str,
    _position_error,
    _to_decimal,
    _type_error,
)
from govdisclosure.zh.numerals import _parse_part, _spell_integer

__all__ = ["parse_amount", "rmb_upper"]


_CENT = Decimal("0.01")


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
        raise _bad(
            f"zheng must be '整' or '正', got {zheng!r}",
            detail_zh=f"zheng 应为“整”或“正”，实为 {zheng!r}",
        )
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
        raise _bad(
            f"the amount must not be negative, got {amount!r}",
            detail_zh=f"金额不能为负数，实为 {amount!r}",
        )
    if rounding is not None:
        value = value.quantize(_CENT, rounding=_check_rounding(rounding), context=_CONTEXT)
    elif value != value.quantize(_CENT, context=_CONTEXT):
        raise _bad(
            f"the amount {amount!r} has more than two decimals; pass rounding= to round it to 分",
            detail_zh=f"金额 {amount!r} 的小数超过两位；可用 rounding= 舍入到分",
        )
    if value >= _LIMIT:
        raise _bad(
            f"the amount {amount!r} is out of range: it must be below 10**16",
            detail_zh=f"金额 {amount!r} 超出范围：应小于 10**16",
        )
    return int(value.scaleb(2, _CONTEXT))


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
        raise _bad(f"no amount in {text!r}", detail_zh=f"“{text}”中没有金额")
    if body[-1] in "角分整正":
        return _parse_upper_amount(text, body)
    body = body.removesuffix("元")
    if not body:
        raise _bad(f"no amount in {text!r}", detail_zh=f"“{text}”中没有金额")
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
        raise _position_error(
            text,
            index,
            "not part of a grouped Arabic amount",
            detail_zh="不是带千位分隔的阿拉伯数字金额的一部分",
        )
    from babel.numbers import NumberFormatError, parse_decimal

    try:
        value = parse_decimal(number, locale="zh_CN", strict=True)
    except NumberFormatError as error:
        raise _bad(
            f"{text!r} is not a correctly grouped amount: {error}",
            detail_zh=f"“{text}”不是正确分组的金额（{error}）",
        ) from None
    value = value.scaleb(power, _CONTEXT)
    if value.as_tuple().exponent > 0:  # type: ignore[operator]  # finite: an int exponent
        value = Decimal(int(value))
    if abs(value) >= _LIMIT:
        raise _bad(
            f"{text!r} is out of range: the magnitude must be below 10**16",
            detail_zh=f"“{text}”超出范围：绝对值应小于 10**16",
        )
    return value


def _parse_upper_amount(text: str, body: str) -> Decimal:
    """Read an amount ending in 角, 分 or 整: 人民币壹仟肆佰零玖元伍角整, 伍分."""
    yuan_text, sign, rest = body.partition("元")
    if not sign:
        yuan_text, rest = "", body
    elif not yuan_text:
        raise _position_error(
            text, len(text) - len(body), "expected a number before 元", detail_zh="“元”前面应有数字"
        )
    yuan = _parse_part(text, yuan_text) if yuan_text else 0
    position = len(text) - len(rest)
    if rest[-1:] in ("整", "正"):
        rest = rest[:-1]
        if rest.endswith("分"):
            raise _position_error(
                text, len(text) - 1, "整 never follows 分", detail_zh="“分”后面不能写“整”"
            )
        if not (rest or sign):
            raise _position_error(
                text, len(text) - 1, "expected an amount before 整", detail_zh="“整”前面应有金额"
            )
    if rest[:1] == "零":
        rest, position = rest[1:], position + 1
    cents = 0
    for unit, weight in (("角", 10), ("分", 1)):
        if rest[1:2] == unit:
            digit = _DIGIT_VALUE.get(rest[0], 0)
            if not digit:
                raise _position_error(
                    text,
                    position,
                    f"expected a digit 1-9 before {unit}",
                    detail_zh=f"“{unit}”前面应有 1 到 9 的数字",
                )
            cents += digit * weight
            rest, position = rest[2:], position + 2
    if rest:
        raise _position_error(
            text, position, "expected 角 and 分 digits", detail_zh="应为角、分的数字"
        )
    if cents and isinstance(yuan, Decimal) and yuan != int(yuan):
        raise _bad(
            f"{text!r}: the 元 part must be whole when 角 or 分 follow",
            detail_zh=f"“{text}”：后面有角或分时，元的部分应为整数",
        )
    return _CONTEXT.add(Decimal(yuan), Decimal(cents).scaleb(-2))
