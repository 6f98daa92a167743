"""Reading one cell: figures, units, placeholders and blanks, for each kind of cell."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govdisclosure._format import CellKind
from govdisclosure._parse import WarningCode
from govdisclosure._parse.recognise.values import is_value_text, read_value


@pytest.mark.parametrize(
    ("raw", "kind", "value", "unit"),
    [
        ("12", CellKind.COUNT, 12, None),
        (" 1,234 ", CellKind.COUNT, 1234, None),
        ("１２", CellKind.COUNT, 12, None),
        ("3 件", CellKind.COUNT, 3, "件"),
        ("-8", CellKind.SIGNED, -8, None),
        ("+1036", CellKind.SIGNED, 1036, None),
        ("0.55", CellKind.MONEY, Decimal("0.55"), None),
        ("251000元", CellKind.MONEY, Decimal(251000), "元"),
        ("1.5万元", CellKind.MONEY, Decimal("1.5"), "万元"),
        ("１，２３４", CellKind.COUNT, 1234, None),
        ("－８", CellKind.SIGNED, -8, None),
        ("０．５５万元", CellKind.MONEY, Decimal("0.55"), "万元"),
        ("-5", CellKind.COUNT, -5, None),
    ],
)
def test_figures_are_read_with_their_unit(
    raw: str, kind: CellKind, value: object, unit: str | None
) -> None:
    """A figure is read as its kind's value, with the unit its cell carried."""
    reading = read_value(raw, kind)
    assert (reading.value, reading.code, reading.unit) == (value, None, unit)


@pytest.mark.parametrize(
    ("raw", "kind", "code"),
    [
        ("", CellKind.COUNT, WarningCode.BLANK_CELL),
        ("\u3000", CellKind.MONEY, WarningCode.BLANK_CELL),
        ("/", CellKind.COUNT, WarningCode.PLACEHOLDER),
        ("——", CellKind.MONEY, WarningCode.PLACEHOLDER),
        ("约10", CellKind.COUNT, WarningCode.SKIPPED_VALUE),
        ("1.5", CellKind.COUNT, WarningCode.SKIPPED_VALUE),
        ("10元", CellKind.COUNT, WarningCode.SKIPPED_VALUE),
        ("+3", CellKind.COUNT, WarningCode.SKIPPED_VALUE),
        ("3件", CellKind.MONEY, WarningCode.SKIPPED_VALUE),
    ],
)
def test_what_is_no_value_says_why(raw: str, kind: CellKind, code: str) -> None:
    """A blank, a placeholder or a figure that does not fit the cell is None with a reason."""
    reading = read_value(raw, kind)
    assert (reading.value, reading.code) == (None, code)
    assert reading.why


def test_value_texts() -> None:
    """Blanks, placeholders and figures (with a unit) may be values; words may not."""
    assert [is_value_text(t) for t in ("", "无", "1 234", "12件", "-", "规章", "1.2.3")] == [
        True,
        True,
        True,
        True,
        True,
        False,
        False,
    ]


@pytest.mark.parametrize(
    ("raw", "kind", "why"),
    [
        ("3 4", CellKind.COUNT, "two figures"),
        ("3\u00a04", CellKind.COUNT, "two figures"),
        ("3\u30004", CellKind.COUNT, "two figures"),
        ("1 234", CellKind.COUNT, "two figures"),
        ("3, 4", CellKind.COUNT, "two figures"),
        ("-3 -4", CellKind.SIGNED, "two figures"),
        ("1.5 2", CellKind.MONEY, "two figures"),
        ("3¹", CellKind.COUNT, "'¹'"),
        ("²", CellKind.COUNT, "'²'"),
        ("₃", CellKind.COUNT, "'₃'"),
        ("①", CellKind.COUNT, "'①'"),
        ("⑫", CellKind.COUNT, "'⑫'"),
        ("⑴", CellKind.COUNT, "'⑴'"),
        ("⒈", CellKind.COUNT, "'⒈'"),
        ("1½", CellKind.MONEY, "'½'"),
        ("5²元", CellKind.MONEY, "'²'"),
    ],
)
def test_figures_that_nfkc_would_change_are_doubtful(raw: str, kind: CellKind, why: str) -> None:
    """Two figures in one cell, and digits that are not digits, are None with the reason.

    NFKC makes ``3¹`` 31 and ``⑫`` 12, and dropping spaces makes ``3 4`` 34: wrong values
    with no warning. Full-width digits are the same digits and read exactly.
    """
    reading = read_value(raw, kind)
    assert (reading.value, reading.code) == (None, WarningCode.SKIPPED_VALUE)
    assert why in reading.why
    assert repr(raw) in reading.why


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("9" * 5000, CellKind.COUNT),
        ("9" * 1001, CellKind.COUNT),
        ("1" + "0" * 1000 + ".5", CellKind.MONEY),
        ("0." + "0" * 1000 + "1", CellKind.MONEY),
    ],
)
def test_a_figure_of_more_than_a_thousand_digits_is_not_read(raw: str, kind: CellKind) -> None:
    """Python refuses to make an int of 4,300 digits: such a cell is skipped, not an error."""
    reading = read_value(raw, kind)
    assert (reading.value, reading.code) == (None, WarningCode.SKIPPED_VALUE)
    assert "1,000" in reading.why


def test_thirty_digit_counts_still_read() -> None:
    """Large counts within the bound read exactly (documents round-trip them)."""
    assert read_value("1" * 30, CellKind.COUNT).value == int("1" * 30)
