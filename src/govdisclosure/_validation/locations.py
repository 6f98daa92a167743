"""How messages locate a cell and quote a value, in Chinese and English.

The words that name a place are the format's (:mod:`govdisclosure._format.words`, shared
with parse warnings and the summary workbook); this module adds how a value is quoted.
"""

from __future__ import annotations

from decimal import Decimal

from govdisclosure._format.words import (
    META_WORDS,
    cell_words,
    column_words,
    place_words,
    row_words,
)
from govdisclosure._model.report import CellValue

__all__ = [
    "META_WORDS",
    "capital",
    "cell_words",
    "column_words",
    "place_words",
    "row_words",
    "show",
]


def capital(text: str) -> str:
    """The text with its first letter in upper case, to open an English sentence."""
    return text[:1].upper() + text[1:]


def show(value: CellValue) -> str:
    """A cell value as a message quotes it: money without exponent, blank as 空白."""
    if value is None:
        return "空白"
    return format(value, "f") if isinstance(value, Decimal) else str(value)
