"""Many reports as data: long-form records and pandas data frames."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from govdisclosure import _format
from govdisclosure._model.report import AnnualReport, CellValue

if TYPE_CHECKING:
    import pandas as pd

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
)


def iter_records(reports: Iterable[AnnualReport]) -> Iterator[dict[str, Any]]:
    """Yield one record per cell of each report (see :func:`to_records`)."""
    for index, report in enumerate(reports):
        if not isinstance(report, AnnualReport):
            raise TypeError(f"reports[{index}] is {type(report).__name__}, not an AnnualReport")
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
            }


def to_records(reports: Iterable[AnnualReport]) -> list[dict[str, Any]]:
    """Return every cell of every report as a long-form record.

    Each record has ``agency``, ``year``, ``format_version``, ``path``, ``section``,
    ``row``, ``column``, ``label`` (the official Chinese label) and ``value`` (``int``,
    ``Decimal`` or ``None``), in the official cell order.

    >>> import govdisclosure as gd
    >>> records = gd.to_records([gd.examples.load("qijiang-psb-2023")])
    >>> len(records), records[0]["path"], records[0]["value"]
    (200, 'proactive_disclosure.rules.issued', 0)
    """
    return list(iter_records(reports))


def _order() -> tuple[list[str], list[str], list[str]]:
    """Sections, rows and columns in official order, 2021 first, then what 2019 adds."""
    sections: dict[str, None] = {}
    rows: dict[str, None] = {}
    columns: dict[str, None] = {}
    for version in (_format.FormatVersion.V2021, _format.FormatVersion.V2019):
        for cell in _format.format_spec(version).cells:
            sections.setdefault(cell.section)
            rows.setdefault(cell.row)
            columns.setdefault(cell.column)
    return list(sections), list(rows), list(columns)


def to_frame(
    reports: Iterable[AnnualReport], shape: Literal["long", "wide"] = "long"
) -> pd.DataFrame:
    """Return the reports as a pandas DataFrame (needs ``pip install 'govdisclosure[pandas]'``).

    Args:
        reports: the reports.
        shape: ``"long"``: one row per cell (the columns of :func:`to_records`), with
            ``section``, ``row`` and ``column`` as ordered categories in the official order;
            ``"wide"``: one row per report (``agency``, ``year``, ``format_version``, then one
            column per cell path in the official order; paths of the other format are blank).

    Raises:
        ImportError: pandas is not installed (the message says how to install it).
    """
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - the test extra installs pandas
        raise ImportError("to_frame needs pandas: pip install 'govdisclosure[pandas]'") from exc
    if shape not in ("long", "wide"):
        raise ValueError(f'shape must be "long" or "wide", got {shape!r}')
    items = list(reports)
    if shape == "wide":
        paths = list(
            dict.fromkeys(
                path
                for version in (_format.FormatVersion.V2021, _format.FormatVersion.V2019)
                for path in _format.format_spec(version).paths
            )
        )
        rows: list[dict[str, CellValue | str | int]] = []
        for record_report in items:
            if not isinstance(record_report, AnnualReport):
                raise TypeError(f"expected AnnualReport, got {type(record_report).__name__}")
            meta = record_report.meta
            row: dict[str, CellValue | str | int] = {
                "agency": meta.agency,
                "year": meta.year,
                "format_version": meta.format_version.value,
            }
            row.update(record_report.cells())
            rows.append(row)
        return pd.DataFrame(rows, columns=["agency", "year", "format_version", *paths])
    frame = pd.DataFrame(list(iter_records(items)), columns=list(RECORD_KEYS))
    sections, row_ids, columns = _order()
    for name, categories in (("section", sections), ("row", row_ids), ("column", columns)):
        frame[name] = pd.Categorical(frame[name], categories=categories, ordered=True)
    return frame
