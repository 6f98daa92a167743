"""What the :mod:`govdisclosure.zh` modules share: digit tables, argument checks and errors.

The tables map Arabic digits to the lower-case (一二三) and upper-case (壹贰叁) Chinese digits
and back. The checks turn a wrong type into ``TypeError`` and a bad value into
:class:`~govdisclosure.errors.ChineseNumberError`, naming the argument; ``_to_decimal``
brings every accepted numeric input to a finite, in-range ``Decimal``. Nothing here is
public: the functions of the package's other modules are.
"""

from __future__ import annotations

from datetime import date
from decimal import Context, Decimal

from govdisclosure.errors import ChineseNumberError

# The largest magnitude (exclusive) of the integer part of a number the helpers handle.
_LIMIT = 10**16
# The most fraction digits a number may carry (a guard against Decimal('1E-999999')).
_MAX_FRACTION_DIGITS = 64

_LOWER = "零一二三四五六七八九"
_UPPER = "零壹贰叁肆伍陆柒捌玖"
_CODE_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")
_UPPER_DIGITS = str.maketrans("0123456789", _UPPER)

_DIGIT_VALUE = {c: i for i, c in enumerate(_LOWER)} | {c: i for i, c in enumerate(_UPPER)}
# ○ (U+25CB) is a common mistyping of 〇 in published years (二○二三年): read, never written.
_DIGIT_VALUE.update({"〇": 0, "○": 0, "两": 2})
_TO_ASCII = str.maketrans({c: str(v) for c, v in _DIGIT_VALUE.items()})
_ASCII_DIGITS = frozenset("0123456789")

# Fixed precision for our own arithmetic, so a caller's decimal context cannot change results.
_CONTEXT = Context(prec=60)
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


def _bad(message: str, *, detail_zh: str) -> ChineseNumberError:
    return ChineseNumberError(message, detail_zh=detail_zh)


def _position_error(text: str, index: int, problem: str, *, detail_zh: str) -> ChineseNumberError:
    """The error at ``text[index]`` (0-based in English, counted from 1 in Chinese)."""
    shown = repr(text[index]) if index < len(text) else "the end"
    shown_zh = f"第 {index + 1} 个字符“{text[index]}”" if index < len(text) else "末尾"
    return _bad(
        f"{shown} at position {index} in {text!r}: {problem}",
        detail_zh=f"“{text}”的{shown_zh}处：{detail_zh}",
    )


def _check_int(name: str, value: object, low: int, high: int | None = None) -> int:
    """Return ``value`` when it is an int (not a bool) in ``[low, high]``."""
    if type(value) is not int:
        if isinstance(value, int) and not isinstance(value, bool):
            value = int(value)
        else:
            raise _type_error(name, "an int", value)
    if value < low or (high is not None and value > high):
        upper = "" if high is None else f" and at most {high}"
        upper_zh = "" if high is None else f"且不大于 {high}"
        raise _bad(
            f"{name} must be at least {low}{upper}, got {value}",
            detail_zh=f"{name} 应不小于 {low}{upper_zh}，实为 {value}",
        )
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
        raise _bad(f"unknown rounding mode {rounding!r}", detail_zh=f"未知的舍入方式 {rounding!r}")
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
            "and an optional '.', without spaces or grouping)",
            detail_zh=f"“{text}”不是普通的小数（请写数字，可带开头的“-”和一个“.”，不要空格或千位分隔符）",
        )
    if len(whole.lstrip("0")) > 16:
        raise _bad(
            f"{text!r} is out of range: the magnitude must be below 10**16",
            detail_zh=f"“{text}”超出范围：绝对值应小于 10**16",
        )
    if len(fraction) > _MAX_FRACTION_DIGITS:
        raise _bad(
            f"{text!r} has more than {_MAX_FRACTION_DIGITS} fraction digits",
            detail_zh=f"“{text}”的小数超过 {_MAX_FRACTION_DIGITS} 位",
        )
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
        raise _bad(
            f"{name} must be a finite number, got {value!r}",
            detail_zh=f"{name} 应为有限的数，实为 {value!r}",
        )
    if result and result.adjusted() >= 16:
        raise _bad(
            f"{value!r} is out of range: the magnitude must be below 10**16",
            detail_zh=f"{value!r} 超出范围：绝对值应小于 10**16",
        )
    exponent = result.as_tuple().exponent
    assert isinstance(exponent, int)  # finite, checked above
    if -exponent > _MAX_FRACTION_DIGITS:
        raise _bad(
            f"{value!r} has more than {_MAX_FRACTION_DIGITS} fraction digits",
            detail_zh=f"{value!r} 的小数超过 {_MAX_FRACTION_DIGITS} 位",
        )
    return result
