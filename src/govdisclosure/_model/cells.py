"""Field helpers shared by the section classes: typed cells and their checks.

A cell holds ``None`` (blank or placeholder, never the same as 0), an ``int`` count, or a
``Decimal`` amount of money. The helpers below declare such attrs fields in one line and
reject values of the wrong type at construction, naming the class and field.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, TypeAlias

import attrs

from govdisclosure.errors import InvalidReportError

__all__ = [
    "CellValue",
    "count_field",
    "heading_field",
    "money_field",
    "notes_field",
    "optional_text_field",
    "text_field",
]

#: What a cell holds: a count, an amount, or ``None`` for blank (never the same as 0).
CellValue: TypeAlias = int | Decimal | None


def _check_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None or type(value) is int:
        return
    field = f"{type(instance).__name__}.{attribute.name}"
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
    if value is None or (isinstance(value, Decimal) and value.is_finite()):
        return
    hint = "; convert floats with Decimal(repr(x))" if isinstance(value, float) else ""
    hint_zh = "；浮点数请用 Decimal(repr(x)) 转换" if isinstance(value, float) else ""
    field = f"{type(instance).__name__}.{attribute.name}"
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
