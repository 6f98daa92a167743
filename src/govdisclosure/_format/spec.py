"""The types the format is declared in: versions, agency levels, cells, rows, tables, sums.

The declarations themselves (both versions' tables) are in :mod:`.declarations`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple, TypeVar

from govdisclosure.errors import InvalidReportError

__all__ = [
    "FIRST_YEAR",
    "AgencyLevel",
    "CellKind",
    "CellSpec",
    "ColumnSpec",
    "FormatSpec",
    "FormatVersion",
    "RowSpec",
    "SectionSpec",
    "SumSpec",
    "TableSpec",
    "per_table",
]


class FormatVersion(str, enum.Enum):
    """The version of the national format a report follows.

    >>> FormatVersion.for_year(2020)
    <FormatVersion.V2019: '2019'>
    >>> FormatVersion.for_year(2023).document_number
    '国办公开办函〔2021〕30号'
    >>> FormatVersion.for_year(2018)
    Traceback (most recent call last):
    ...
    govdisclosure.errors.InvalidReportError: no national format covers report year 2018: ...
    """

    V2019 = "2019"
    V2021 = "2021"

    @classmethod
    def for_year(cls, year: int) -> FormatVersion:
        """Return the format in force for a report year.

        Args:
            year: the report year (the calendar year the report covers).

        Raises:
            InvalidReportError: the year is before 2019, when no national format applied.
            TypeError: the year is not an ``int``.
        """
        if type(year) is not int:
            raise TypeError(f"year must be an int, got {type(year).__name__}")
        if year < FIRST_YEAR:
            raise InvalidReportError(
                f"no national format covers report year {year}: the first, "
                f"国办公开办函〔2019〕60号, applies from {FIRST_YEAR}",
                detail_zh=f"{year} 年度没有适用的全国报告格式：最早的国办公开办函〔2019〕60号"
                f"自 {FIRST_YEAR} 年度起适用",
            )
        return cls.V2019 if year <= 2020 else cls.V2021

    @property
    def document_number(self) -> str:
        """The number of the notice that issued this format."""
        return (
            "国办公开办函〔2019〕60号"
            if self is FormatVersion.V2019
            else "国办公开办函〔2021〕30号"
        )


FIRST_YEAR = 2019


class AgencyLevel(str, enum.Enum):
    """Who publishes the report, which sets its deadline (条例第四十九条).

    ``DEPARTMENT``: a government department (1月31日); ``GOVERNMENT``: a people's government
    as a whole (3月31日).
    """

    DEPARTMENT = "department"
    GOVERNMENT = "government"


class CellKind(str, enum.Enum):
    """What a cell holds: a count (int >= 0), a signed change (int) or money (Decimal)."""

    COUNT = "count"
    SIGNED = "signed"
    MONEY = "money"


class ColumnSpec(NamedTuple):
    """A data column: its id and its label, one string per header level."""

    id: str
    labels: tuple[str, ...]
    kind: CellKind = CellKind.COUNT

    @property
    def label(self) -> str:
        """The header levels joined by `` / ``."""
        return " / ".join(self.labels)


class RowSpec(NamedTuple):
    """A data row: its id, its label levels, and its columns.

    ``caption`` is the block caption of table 2 (第二十条第（一）项); empty elsewhere.
    """

    id: str
    labels: tuple[str, ...]
    columns: tuple[ColumnSpec, ...]
    caption: str = ""

    @property
    def label(self) -> str:
        """The row's label levels as one string, as a reader of the table sees it."""
        return "".join(self.labels)


class CellSpec(NamedTuple):
    """One data cell of the format."""

    path: str
    section: str
    row: str
    column: str
    label: str
    kind: CellKind


class SumSpec(NamedTuple):
    """A declared sum: ``total`` equals the weighted sum of ``parts``.

    Attributes:
        rule_id: the validation rule the sum belongs to (``APP-ROW-TOTAL`` …).
        total: the path of the checked cell.
        parts: ``(path, weight)`` pairs, weight ``1`` or ``-1``.
        fills_total: ``True`` where ``total`` is a 总计 cell an author may compute.
    """

    rule_id: str
    total: str
    parts: tuple[tuple[str, int], ...]
    fills_total: bool = True


class TableSpec(NamedTuple):
    """A table of the format: its number (2, 3 or 4), title and rows."""

    number: int
    section: str
    title: str
    rows: tuple[RowSpec, ...]

    def row(self, row_id: str) -> RowSpec:
        """Return the row with the given id.

        Raises:
            KeyError: the table has no such row.
        """
        for row in self.rows:
            if row.id == row_id:
                return row
        raise KeyError(row_id)


_Made = TypeVar("_Made")


def per_table(build: Callable[[TableSpec], _Made]) -> Callable[[TableSpec], _Made]:
    """``build`` made once a table and kept: the format's tables are constants.

    Kept by the table's identity (a table of the format is one object), so no lookup hashes
    a whole table's rows.

    >>> made = per_table(lambda table: [table.number])
    >>> table = TableSpec(2, "proactive_disclosure", "主动公开", ())
    >>> made(table) is made(table)
    True
    """
    made: dict[int, tuple[TableSpec, _Made]] = {}

    def once(table: TableSpec) -> _Made:
        entry = made.get(id(table))
        if entry is None or entry[0] is not table:
            entry = made[id(table)] = (table, build(table))
        return entry[1]

    return once


class SectionSpec(NamedTuple):
    """One of the six report sections."""

    number: int
    id: str
    heading: str
    table: TableSpec | None = None


class FormatSpec(NamedTuple):
    """Everything about one format version, derived once from the declarations."""

    version: FormatVersion
    sections: tuple[SectionSpec, ...]
    sums: tuple[SumSpec, ...]
    cells: tuple[CellSpec, ...]
    by_path: Mapping[str, CellSpec]
    #: Reads every cell value of a report at once, in official order (C speed).
    values: Callable[[Any], tuple[Any, ...]]
    #: The position of each path in :attr:`cells`.
    position: Mapping[str, int]
    #: Every cell path, in official order.
    paths: tuple[str, ...]

    @property
    def tables(self) -> tuple[TableSpec, ...]:
        """The three tables, in order."""
        return tuple(s.table for s in self.sections if s.table is not None)
