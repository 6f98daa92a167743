"""The report under check, read once and shared by every check."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

from govdisclosure import _format
from govdisclosure._format.vocabulary import TEXT_SECTIONS
from govdisclosure._model.report import AnnualReport, CellValue

__all__ = ["TEXTS", "Context", "section_text"]

#: The parts of a report that are text: the preface and the text sections, in order.
TEXTS = ("preface", *TEXT_SECTIONS)


def section_text(report: AnnualReport, section: str) -> str:
    """The text of one of :data:`TEXTS` in a report (``""`` for a missing preface)."""
    if section == "preface":
        return report.preface or ""
    text: str = getattr(report, section).text
    return text


_T = TypeVar("_T")
_MISSING = object()


class Context:
    """The report under check and last year's, with the values every check reads.

    Attributes:
        report: the report checked.
        previous: the same agency's report for the year before, or ``None``.
        computed: the cells the report's source computes from others (a workbook's
            formula 总计 cells).
        spec: the declarations of the report's format version.
    """

    def __init__(
        self,
        report: AnnualReport,
        previous: AnnualReport | None,
        computed: frozenset[str] = frozenset(),
    ) -> None:
        self.report = report
        self.previous = previous
        self.computed = computed
        self.spec = _format.format_spec(report.meta.format_version)
        self._shared: dict[Callable[[Context], Any], Any] = {}

    @functools.cached_property
    def values(self) -> tuple[CellValue, ...]:
        """Every cell value, in official order."""
        return self.spec.values(self.report)

    def value(self, path: str) -> CellValue:
        """The value of one cell."""
        value: CellValue = self.values[self.spec.position[path]]
        return value

    @functools.cached_property
    def blank_tables(self) -> frozenset[str]:
        """The table sections whose every cell is blank (reported once as SECTION-EMPTY)."""
        blank: set[str] = set()
        if None not in self.values:
            return frozenset()
        for table in self.spec.tables:
            if all(
                self.values[i] is None
                for i, cell in enumerate(self.spec.cells)
                if cell.section == table.section
            ):
                blank.add(table.section)
        return frozenset(blank)

    def shared(self, compute: Callable[[Context], _T]) -> _T:
        """``compute(self)``, computed once per report for all the checks that ask.

        The four sum rules share one pass over the declared sums this way, without this
        class knowing about them.
        """
        found = self._shared.get(compute, _MISSING)
        if found is _MISSING:
            found = self._shared[compute] = compute(self)
        return cast(_T, found)
