"""The national format as data: the bottom layer of govdisclosure.

What lives here: the cell grid of each format version (tables, rows, columns, labels, cell
paths and the sums that bind them) in :mod:`.declarations`, and the format's whole
vocabulary (headings, placeholders, agency-level names, label aliases, the label normaliser,
the version signals, file kinds) in :mod:`.vocabulary`. Every other package reads these.

May import: :mod:`govdisclosure.errors` and the standard library only.
"""

from __future__ import annotations

from govdisclosure._format.declarations import (
    APPLICANT_COLUMNS,
    OUTCOME_COLUMNS,
    RESULT_ROWS,
    TABLE3_CORNER_NOTE,
    TABLE_NUMERALS,
    cell_label,
    cell_paths,
    cell_spec,
    format_spec,
    nearest_path,
)
from govdisclosure._format.spec import (
    FIRST_YEAR,
    AgencyLevel,
    CellKind,
    CellSpec,
    ColumnSpec,
    FormatSpec,
    FormatVersion,
    RowSpec,
    SectionSpec,
    SumSpec,
    TableSpec,
    per_table,
)

__all__ = [
    "APPLICANT_COLUMNS",
    "FIRST_YEAR",
    "OUTCOME_COLUMNS",
    "RESULT_ROWS",
    "TABLE3_CORNER_NOTE",
    "TABLE_NUMERALS",
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
    "cell_label",
    "cell_paths",
    "cell_spec",
    "format_spec",
    "nearest_path",
    "per_table",
]
