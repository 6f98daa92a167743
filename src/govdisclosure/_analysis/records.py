"""Many reports as data: long-form records, and the data frames of :mod:`.frames`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from govdisclosure import _format
from govdisclosure._analysis.frames import to_frame
from govdisclosure._analysis.items import Item, cell_unit, entries

__all__ = ["iter_records", "to_frame", "to_records"]

#: The keys of each record, in order.
RECORD_KEYS = (
    "agency",
    "year",
    "format_version",
    "path",
    "section",
    "row",
    "column",
    "label",
    "value",
    "unit",
)


def iter_records(reports: Iterable[Item]) -> Iterator[dict[str, Any]]:
    """Yield one record per cell of each report (see :func:`to_records`)."""
    for entry in entries(reports, "reports"):
        report = entry.report
        meta = report.meta
        spec = _format.format_spec(meta.format_version)
        for cell, value in zip(spec.cells, spec.values(report), strict=True):
            yield {
                "agency": meta.agency,
                "year": meta.year,
                "format_version": meta.format_version.value,
                "path": cell.path,
                "section": cell.section,
                "row": cell.row,
                "column": cell.column,
                "label": cell.label,
                "value": value,
                "unit": cell_unit(cell, report),
            }


def to_records(reports: Iterable[Item]) -> list[dict[str, Any]]:
    """Return every cell of every report as a long-form record.

    Each record has ``agency``, ``year``, ``format_version``, ``path``, ``section``,
    ``row``, ``column``, ``label`` (the official Chinese label), ``value`` (``int``,
    ``Decimal`` or ``None``) and ``unit`` (件, 万元, or for the 2019 procurement amount the
    unit the report states, ``None`` when it states none), in the official cell order.

    Args:
        reports: reports, parse results or the results of
            :func:`govdisclosure.read_reports` (those whose file could not be read are
            left out).

    Raises:
        TypeError: an item is none of these (the message names its index).

    >>> import govdisclosure as gd
    >>> records = gd.to_records([gd.examples.load("qijiang-psb-2023")])
    >>> len(records), records[0]["path"], records[0]["value"], records[0]["unit"]
    (200, 'proactive_disclosure.rules.issued', 0, '件')
    """
    return list(iter_records(reports))
