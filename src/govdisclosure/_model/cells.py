"""Field helpers shared by the section classes: typed cells and their checks.

A cell holds ``None`` (blank or placeholder, never the same as 0), an ``int`` count, or a
``Decimal`` amount of money. The helpers below declare such attrs fields in one line and
reject values of the wrong type at construction, naming the class and field, and figures
past the readers' bound (:data:`~govdisclosure._format.vocabulary.MAX_FIGURE_DIGITS`
digits before or after the point), which no report states and which would be written out
as a billion digits (``Decimal("1E+999999999")``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, TypeAlias

import attrs

from govdisclosure._format.vocabulary import MAX_FIGURE_DIGITS, size_doubt
from govdisclosure.errors import Bilingual, InvalidReportError

__all__ = [
    "CellValue",
    "count_field",
    "figure_problem",
    "heading_field",
    "money_field",
    "notes_field",
    "optional_text_field",
    "text_field",
]

#: What a cell holds: a count, an amount, or ``None`` for blank (never the same as 0).
CellValue: TypeAlias = int | Decimal | None


def figure_problem(value: int | Decimal) -> Bilingual | None:
    """Why a count or an amount is past the bound of every cell, for a message; else ``None``.

    The value itself is shown only when it is short: an ``int`` of 5,000 digits cannot even
    be turned into text (Python refuses), and a message should not be a megabyte.

    >>> figure_problem(10**30) is None, figure_problem(Decimal("1E-1000")) is None
    (True, True)
    >>> figure_problem(Decimal("1E+999999999"))
    "Decimal('1E+999999999') has more than 1,000 digits (the most a figure may have)"
    >>> problem = figure_problem(-(10**4999))
    >>> problem
    'an int of about 5,000 digits has more than 1,000 digits (the most a figure may have)'
    >>> problem.message_zh
    '约 5,000 位的整数超过 1,000 位（一个数最多 1,000 位）'
    """
    doubt = size_doubt(value)
    if doubt is None:
        return None
    if isinstance(value, int):
        digits = f"{int(value.bit_length() * 0.30103) + 1:,}"
        shown, shown_zh = f"an int of about {digits} digits", f"约 {digits} 位的整数"
    elif len(value.as_tuple().digits) > 40:
        digits = f"{len(value.as_tuple().digits):,}"
        shown, shown_zh = f"a Decimal of {digits} digits", f"{digits} 位的 Decimal"
    else:
        shown = shown_zh = repr(value)
    return Bilingual(
        f"{shown} {doubt} (the most a figure may have)",
        f"{shown_zh}{doubt.message_zh}（一个数最多 {MAX_FIGURE_DIGITS:,} 位）",
    )


def _check_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    field = f"{type(instance).__name__}.{attribute.name}"
    if type(value) is int:
        problem = figure_problem(value)
        if problem is None:
            return
        raise InvalidReportError(f"{field}: {problem}", detail_zh=f"{field}：{problem.message_zh}")
    raise InvalidReportError(
        f"{field}: expected an int or None, got {type(value).__name__} {value!r}",
        detail_zh=f"{field}：件数应为整数（int）或 None，实为 {type(value).__name__} {value!r}",
    )


def _to_decimal(value: object) -> object:
    # Whole numbers typed by hand (fee=110) are welcome; floats are not, since money in
    # binary floating point is already wrong (Decimal(repr(x)) is the caller's choice).
    if type(value) is int:
        return Decimal(value)
    return value


def _check_money(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    field = f"{type(instance).__name__}.{attribute.name}"
    if isinstance(value, Decimal) and value.is_finite():
        problem = figure_problem(value)
        if problem is None:
            return
        raise InvalidReportError(f"{field}: {problem}", detail_zh=f"{field}：{problem.message_zh}")
    hint = "; convert floats with Decimal(repr(x))" if isinstance(value, float) else ""
    hint_zh = "；浮点数请用 Decimal(repr(x)) 转换" if isinstance(value, float) else ""
    raise InvalidReportError(
        f"{field}: expected a finite Decimal or None, got {type(value).__name__} {value!r}{hint}",
        detail_zh=f"{field}：金额应为有限的 Decimal 或 None，"
        f"实为 {type(value).__name__} {value!r}{hint_zh}",
    )


def _check_str(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not str:
        field = f"{type(instance).__name__}.{attribute.name}"
        raise InvalidReportError(
            f"{field}: expected a str, got {type(value).__name__} {value!r}",
            detail_zh=f"{field}：应为文字（str），实为 {type(value).__name__} {value!r}",
        )


def _check_optional_str(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_str(instance, attribute, value)


def _to_notes(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def _check_notes(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is tuple and all(type(note) is str for note in value):
        return
    field = f"{type(instance).__name__}.{attribute.name}"
    raise InvalidReportError(
        f"{field}: expected a tuple of str, got {value!r}",
        detail_zh=f"{field}：应为由文字组成的元组（tuple of str），实为 {value!r}",
    )


def count_field() -> Any:
    """A count cell: ``int`` or ``None``, blank by default."""
    return attrs.field(default=None, validator=_check_count)


def money_field() -> Any:
    """A money cell: finite ``Decimal`` or ``None`` (an ``int`` is converted)."""
    return attrs.field(default=None, converter=_to_decimal, validator=_check_money)


def text_field() -> Any:
    """A text section's body: ``str``, empty by default."""
    return attrs.field(default="", validator=_check_str)


def optional_text_field() -> Any:
    """A short optional text: ``str`` or ``None``, ``None`` by default."""
    return attrs.field(default=None, validator=_check_optional_str)


def heading_field() -> Any:
    """The heading as the report prints it, or ``None`` for the official heading."""
    return optional_text_field()


def notes_field() -> Any:
    """The 备注 lines printed under a table, in order."""
    return attrs.field(default=(), converter=_to_notes, validator=_check_notes)
