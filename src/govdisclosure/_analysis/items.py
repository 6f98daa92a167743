"""What the records and frames take: reports, parse results and read results, alike.

Each item becomes an :class:`Entry`: the report, where it came from, and the parse result
when there is one (for the warnings behind each cell). The units of the cells are here too,
shared by the records and both shapes of frame.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from govdisclosure._analysis.reading import ReadResult
from govdisclosure._format import CellKind, CellSpec
from govdisclosure._model.report import AnnualReport
from govdisclosure._parse.result import ParseResult, WarningCode

__all__ = [
    "COUNT_UNIT",
    "FEE_PATH",
    "NOT_DOUBTS",
    "PROCUREMENT_AMOUNT",
    "Entry",
    "Item",
    "cell_unit",
    "entries",
    "fixed_unit",
    "stated_unit",
]

#: What the records and frames take.
Item = AnnualReport | ParseResult | ReadResult

#: The unit of every count cell.
COUNT_UNIT = "件"
#: The 信息处理费 of section 六, in 元: a column of the frames beside the table cells.
FEE_PATH = "other_matters.information_fee_yuan"
#: The 2019 procurement amount, in the unit the report states.
PROCUREMENT_AMOUNT = "proactive_disclosure.central_procurement.amount"

#: Warnings that are a faithful reading of the document (a blank or placeholder cell read as
#: ``None``), not a doubt.
NOT_DOUBTS = frozenset({WarningCode.BLANK_CELL, WarningCode.PLACEHOLDER})


class Entry(NamedTuple):
    """One report to turn into rows, with where it came from."""

    report: AnnualReport
    source: str | None
    parsed: ParseResult | None


def entries(items: Iterable[object], name: str = "items") -> list[Entry]:
    """The entries of ``items``; read results that failed are left out.

    Raises:
        TypeError: an item is none of the three kinds (the message names its index).
    """
    found: list[Entry] = []
    for index, item in enumerate(items):
        if isinstance(item, AnnualReport):
            found.append(Entry(item, item.meta.source, None))
        elif isinstance(item, ParseResult):
            found.append(Entry(item.report, item.report.meta.source, item))
        elif isinstance(item, ReadResult):
            if item.report is not None:
                found.append(Entry(item.report, item.path, item.result))
        else:
            raise TypeError(
                f"{name}[{index}] is {type(item).__name__}, not an AnnualReport, "
                "ParseResult or ReadResult"
            )
    return found


def fixed_unit(cell: CellSpec) -> str | None:
    """The unit of a cell whatever the report, ``None`` when the report states it."""
    if cell.kind is not CellKind.MONEY:
        return COUNT_UNIT
    if cell.column.endswith("_10k_yuan"):
        return "万元"
    if cell.column.endswith("_yuan"):
        return "元"
    return None


def cell_unit(cell: CellSpec, report: AnnualReport) -> str | None:
    """The unit of a cell's value in a report (元 or 万元 as stated for the 2019 amount)."""
    unit = fixed_unit(cell)
    if unit is None and cell.path == PROCUREMENT_AMOUNT:
        return stated_unit(report)
    return unit


def stated_unit(report: AnnualReport) -> str | None:
    """The unit a 2019 report states for its procurement amount, ``None`` in 2021."""
    procurement = getattr(report.proactive_disclosure, "central_procurement", None)
    return None if procurement is None else procurement.amount_unit
