"""Reading one cell: the text of a table cell as a count, an amount or a blank.

A cell holds a figure (``12``, ``1,234``, ``-8``, ``0.55``), a figure with its unit
(``251000元``, ``3件``), a placeholder that stands for a blank (``/``, ``—``, ``无``) or
nothing. :func:`read_value` reads it for a cell of a given kind and says why when it
cannot: a value is read only when it is certain. Full-width digits read as digits (NFKC);
two figures in one cell (``3 4``), digits that NFKC would make of other characters
(``3¹``, ``⑫``) and figures of more than 1,000 digits are not read. The placeholders and
units are the vocabulary's (:mod:`govdisclosure._format.vocabulary`).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from govdisclosure._format import CellKind
from govdisclosure._format.vocabulary import (
    MAX_FIGURE_DIGITS,
    UNITS,
    figure_doubt,
    is_placeholder,
    size_doubt,
)
from govdisclosure._model.report import CellValue
from govdisclosure._parse.result import WarningCode

__all__ = ["Reading", "is_value_text", "read_value"]

_NUMBER = re.compile(r"([+\-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")
_VALUE_TOKEN = re.compile(r"^[+\-]?\d[\d,]*(?:\.\d+)?(?:" + "|".join(UNITS) + ")?$")
_SPACE = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")


class Reading(NamedTuple):
    """What a cell's text was read as.

    Attributes:
        value: the count or amount; ``None`` when the cell is blank or was not read.
        code: the warning code when ``value`` is ``None``, else ``None``.
        why: the reason, for the warning's message.
        unit: the unit the cell's text carried (``元``, ``件`` …), if any.
    """

    value: CellValue
    code: str | None
    why: str
    unit: str | None = None


def is_value_text(text: str) -> bool:
    r"""``True`` when a text may be a cell's value: blank, a placeholder or a figure.

    >>> is_value_text("1,234"), is_value_text(" — "), is_value_text("3件"), is_value_text("规章")
    (True, True, True, False)
    >>> is_value_text("1\n60")  # a figure wrapped in its cell (read or not by read_value)
    True
    """
    text = text.strip()
    if not text or is_placeholder(text):
        return True
    return _VALUE_TOKEN.match(_SPACE.sub("", unicodedata.normalize("NFKC", text))) is not None


def read_value(raw: str, kind: CellKind) -> Reading:
    """Read a cell's text as a value of a cell of ``kind``.

    >>> read_value("1,234", CellKind.COUNT).value, read_value("251000元", CellKind.MONEY).unit
    (1234, '元')
    >>> read_value("/", CellKind.COUNT).code, read_value("1.5", CellKind.COUNT).why
    ('placeholder', "'1.5' is not a whole count")
    """
    text = _SPACE.sub("", unicodedata.normalize("NFKC", raw).strip())
    if not text:
        return Reading(None, WarningCode.BLANK_CELL, "the cell is blank")
    if is_placeholder(raw):
        return Reading(None, WarningCode.PLACEHOLDER, f"the cell holds the placeholder {raw!r}")
    doubt = figure_doubt(raw)
    if doubt is not None:
        return _skipped(f"{raw!r} {doubt}")
    unit = next((u for u in UNITS if text.endswith(u) and len(text) > len(u)), None)
    if unit is not None:
        text = text[: -len(unit)]
    match = _NUMBER.fullmatch(text)
    if match is None:
        return _skipped(f"{raw!r} is not a number")
    if kind is CellKind.MONEY:
        return _amount(raw, match, unit)
    return _count(raw, match, unit, kind)


def _skipped(why: str) -> Reading:
    return Reading(None, WarningCode.SKIPPED_VALUE, why)


def _amount(raw: str, number: re.Match[str], unit: str | None) -> Reading:
    """A figure read as money: in 元 or 万元 as the cell says, or as the column counts."""
    if unit not in (None, "元", "万元"):
        return _skipped(f"{raw!r} is not an amount")
    sign, whole, fraction = number.groups()
    try:
        amount = Decimal(f"{sign}{whole.replace(',', '')}{fraction or ''}")
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return _skipped(f"{raw!r} is not an amount")
    doubt = size_doubt(amount)
    if doubt is not None:
        return _skipped(f"{raw!r} {doubt}")
    return Reading(amount, None, "", unit)


def _count(raw: str, number: re.Match[str], unit: str | None, kind: CellKind) -> Reading:
    """A figure read as a count: whole, and signed only where the column is (本年增/减)."""
    sign, whole, fraction = number.groups()
    if fraction or unit in ("元", "万元"):
        return _skipped(f"{raw!r} is not a whole count")
    if sign == "+" and kind is not CellKind.SIGNED:
        return _skipped(f"{raw!r}: a count has no sign")
    digits = whole.replace(",", "")
    if len(digits.lstrip("0")) > MAX_FIGURE_DIGITS:  # int() refuses 4,300 digits
        return _skipped(f"{raw!r} has more than {MAX_FIGURE_DIGITS:,} digits")
    return Reading(int(sign + digits), None, "", unit)
