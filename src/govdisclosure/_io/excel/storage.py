"""How report values are stored in cells, the same for writing and reading.

So that ``read_excel(write_excel(r)) == r`` holds exactly:

- Counts are numbers; a count beyond 10**15 (more digits than Excel keeps) is stored as
  text. Money is a number with a number format of its own decimals (``0.00`` for 1.50) when
  a float holds it exactly, otherwise text; read back, a number takes the decimals of its
  number format (:func:`from_float`).
- Every text is stored as text, never as a formula, even when it begins with ``=``.
  Characters XML cannot hold are stored with Excel's own ``_xHHHH_`` escapes
  (:func:`escape_text`).
- A text longer than Excel's 32,767-character cell limit (:data:`CELL_LIMIT`, counted in
  UTF-16 code units) is split across the cells to the right of its first cell (续), each
  full but the last, and joined again on reading.
"""

from __future__ import annotations

import re
from decimal import Context, Decimal, InvalidOperation

__all__ = [
    "CELL_LIMIT",
    "EXACT_DIGITS",
    "escape_text",
    "from_float",
    "money_format",
    "money_places",
    "utf16",
]


#: Excel's limit on the characters (UTF-16 code units) of one cell.
CELL_LIMIT = 32_767
EXACT_DIGITS = 10**15
_SIGNIFICANT = 15

_ILLEGAL = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


def escape_text(text: str) -> str:
    r"""Escape what XML cannot hold as Excel does (``_xHHHH_``); ``_x`` itself is escaped.

    >>> escape_text("a\rb_x0041_")
    'a_x000D_b_x005F_x0041_'
    """
    return _ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def utf16(text: str) -> int:
    """The length of a text in UTF-16 code units, as Excel counts a cell's characters."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def money_places(value: Decimal) -> int | None:
    """The decimals to show a money value with, or ``None`` when it must be text."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent > 0 or exponent < -15:
        return None
    places = -exponent
    number = float(value)
    if abs(number) >= EXACT_DIGITS or from_float(number, places) != str(value):
        return None
    # A workbook keeps 15 significant digits of a number (openpyxl writes no more).
    if len(value.normalize().as_tuple().digits) > _SIGNIFICANT:
        return None
    return places


def from_float(number: float | int, places: int) -> str:
    """The money value a stored number reads as.

    It takes the decimals of its number format whenever that changes only trailing zeros.
    """
    value = Decimal(repr(number)) if isinstance(number, float) else Decimal(number)
    try:
        shown = value.quantize(Decimal(1).scaleb(-places), context=_CONTEXT)
    except InvalidOperation:
        return str(value)
    return str(shown) if shown == value else str(value)


def money_format(places: int) -> str:
    """The number format showing ``places`` decimals."""
    return "0." + "0" * places if places else "0"


_CONTEXT = Context(prec=60)
