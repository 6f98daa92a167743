"""Many reports as pandas data frames: one row per cell, one row per report, indicators.

The frames are built column by column from each format's tuple of values
(:meth:`~govdisclosure._format.FormatSpec.values`): one object matrix per format version,
turned into numpy arrays and pandas' nullable arrays, never a dict per cell. Repeated
strings are categoricals; those of the cells, units, statuses, versions and levels have
fixed categories, the same in every frame, so frames built apart concatenate keeping them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from govdisclosure import _format
from govdisclosure._analysis.indicators import indicator_catalogue
from govdisclosure._analysis.items import (
    COUNT_UNIT,
    FEE_PATH,
    NOT_DOUBTS,
    PROCUREMENT_AMOUNT,
    Entry,
    Item,
    entries,
    fixed_unit,
    stated_unit,
)
from govdisclosure._format import AgencyLevel, CellKind, CellSpec, FormatVersion
from govdisclosure._parse.result import WarningCode
from govdisclosure.errors import ReportDataError, UnsupportedFormatError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

__all__ = [
    "CELL_COLUMNS",
    "IDENTITY_COLUMNS",
    "STATUSES",
    "UNITS",
    "check_choices",
    "indicators_frame",
    "to_frame",
]

SHAPES = ("long", "wide")
MONEY_KINDS = ("float", "decimal")


def check_choices(shape: str, money: str) -> None:
    """Refuse a ``shape`` or ``money`` that is none of the choices (frames and Dask alike)."""
    if shape not in SHAPES:
        raise UnsupportedFormatError(
            f"shape must be one of {', '.join(map(repr, SHAPES))}, got {shape!r}",
            detail_zh=f"shape 应为 {'、'.join(map(repr, SHAPES))} 之一，实为 {shape!r}",
        )
    if money not in MONEY_KINDS:
        raise UnsupportedFormatError(
            f"money must be one of {', '.join(map(repr, MONEY_KINDS))}, got {money!r}",
            detail_zh=f"money 应为 {'、'.join(map(repr, MONEY_KINDS))} 之一，实为 {money!r}",
        )


#: The columns that say which report a row is of, in both shapes.
IDENTITY_COLUMNS = (
    "agency",
    "year",
    "format_version",
    "agency_level",
    "published_on",
    "title",
    "source",
    "doubts",
)
#: The columns of the long frame after the identity columns.
CELL_COLUMNS = ("path", "section", "row", "column", "label", "value", "unit", "status")
#: The units of the long frame's values (more when a 2019 report states another unit).
UNITS = (COUNT_UNIT, "万元", "元")
#: What the long frame's ``status`` says of each cell.
STATUSES = ("value", "blank", "placeholder", "uncertain")
_VALUE, _BLANK, _PLACEHOLDER, _UNCERTAIN = range(4)
_VERSIONS = tuple(version.value for version in FormatVersion)
_LEVELS = tuple(level.value for level in AgencyLevel)
#: The column of the wide frame beside the 2019 procurement amount.
PROCUREMENT_UNIT = "proactive_disclosure.central_procurement.amount_unit"
#: Section 六's fee as one more cell, after the tables' cells.
FEE_CELL = CellSpec(
    path=FEE_PATH,
    section="other_matters",
    row="information_fee",
    column="amount_yuan",
    label="六、其他需要报告的事项 / 收取信息处理费金额（单位：元）",
    kind=CellKind.MONEY,
)


_CELL_FIELDS = ("path", "section", "row", "column", "label")


class _Order(NamedTuple):
    """The categories of the cell columns: 2021's official order, then what 2019 adds."""

    paths: tuple[str, ...]
    sections: tuple[str, ...]
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    labels: tuple[str, ...]


@functools.cache
def _order() -> _Order:
    cells = [c for v in (FormatVersion.V2021, FormatVersion.V2019) for c in _cells(v)]
    return _Order(
        *(tuple(dict.fromkeys(getattr(c, field) for c in cells)) for field in _CELL_FIELDS)
    )


@functools.cache
def _cells(version: FormatVersion) -> tuple[CellSpec, ...]:
    """The format's cells and, last, the fee of section 六."""
    return (*_format.format_spec(version).cells, FEE_CELL)


class _Layout(NamedTuple):
    """One format's cells as category codes, for tiling over its reports."""

    cells: tuple[CellSpec, ...]
    codes: dict[str, npt.NDArray[Any]]
    money: npt.NDArray[np.bool_]
    position: dict[str, int]
    procurement: int


@functools.cache
def _layout(version: FormatVersion) -> _Layout:
    import numpy as np

    cells = _cells(version)
    order = _order()
    codes = {
        name: np.array([categories.index(getattr(c, name)) for c in cells], dtype=np.int16)
        for name, categories in zip(_CELL_FIELDS, order, strict=True)
    }
    units = [fixed_unit(c) for c in cells]
    codes["unit"] = np.array([-1 if u is None else UNITS.index(u) for u in units], np.int16)
    position = {c.path: n for n, c in enumerate(cells)}
    return _Layout(
        cells=cells,
        codes=codes,
        money=np.array([c.kind is CellKind.MONEY for c in cells]),
        position=position,
        procurement=position.get(PROCUREMENT_AMOUNT, -1),
    )


def _matrix(
    found: Sequence[Entry], version: FormatVersion
) -> tuple[npt.NDArray[np.object_], npt.NDArray[np.bool_]]:
    """The values of reports of one format (a row each) and where they are blank."""
    import numpy as np
    import pandas as pd

    values = _format.format_spec(version).values
    rows = [(*values(e.report), e.report.other_matters.information_fee_yuan) for e in found]
    matrix = np.empty((len(rows), len(_cells(version))), dtype=object)
    matrix[:] = rows
    return matrix, np.asarray(pd.isna(matrix), dtype=bool)


def _groups(found: Sequence[Entry]) -> list[tuple[FormatVersion, npt.NDArray[np.intp]]]:
    """The row numbers of each format's reports, 2021 first."""
    import numpy as np

    versions = [e.report.meta.format_version for e in found]
    return [
        (version, np.array([n for n, v in enumerate(versions) if v is version], dtype=np.intp))
        for version in (FormatVersion.V2021, FormatVersion.V2019)
        if version in versions
    ]


def _counts(
    filled: npt.NDArray[np.object_], found: Sequence[Entry], layout: _Layout
) -> npt.NDArray[np.int64]:
    """The count cells of a format's matrix (blanks as 0) as int64.

    Raises:
        ReportDataError: a count does not fit in 64 bits (no agency reports such a count;
            the report is wrong).
    """
    import numpy as np

    counted = ~layout.money
    try:
        return filled[:, counted].astype(np.int64)
    except OverflowError:
        limit = 2**63
        for entry, row in zip(found, filled, strict=True):
            for cell, value in zip(layout.cells, row, strict=True):
                if cell.kind is not CellKind.MONEY and not -limit <= value < limit:
                    meta = entry.report.meta
                    raise ReportDataError(
                        f"{meta.agency} {meta.year}: {cell.path} "
                        f"is {value}, too large for a count column (64-bit integers)",
                        detail_zh=f"{meta.agency} {meta.year} 年度：{cell.path} 为 {value}，"
                        "超出件数列的范围（64 位整数）",
                    ) from None
        raise  # pragma: no cover - astype overflows only on such a value


# ---------------------------------------------------------------------------
# Columns


def _categorical(values: Sequence[str | None]) -> pd.Categorical:
    import pandas as pd

    categories = sorted({v for v in values if v is not None})
    return pd.Categorical(values, categories=categories)


def _fixed(codes: Any, categories: Sequence[str], *, ordered: bool = False) -> pd.Categorical:
    import pandas as pd

    return pd.Categorical.from_codes(codes, categories=list(categories), ordered=ordered)


def _identity(found: Sequence[Entry]) -> dict[str, Any]:
    """The identity columns, one value per report."""
    import numpy as np
    import pandas as pd

    metas = [e.report.meta for e in found]
    levels = [m.agency_level for m in metas]
    dates = [m.published_on for m in metas]
    doubts = [
        None if e.parsed is None else sum(w.code not in NOT_DOUBTS for w in e.parsed.warnings)
        for e in found
    ]
    return {
        "agency": _categorical([m.agency for m in metas]),
        "year": np.array([m.year for m in metas], dtype=np.int64),
        "format_version": _fixed(
            np.array([_VERSIONS.index(m.format_version.value) for m in metas], dtype=np.int8),
            _VERSIONS,
        ),
        "agency_level": _fixed(
            np.array([-1 if v is None else _LEVELS.index(v.value) for v in levels], np.int8),
            _LEVELS,
        ),
        "published_on": np.array(dates, dtype="datetime64[D]").astype("datetime64[ns]"),
        "title": _categorical([m.title for m in metas]),
        "source": _categorical([e.source for e in found]),
        "doubts": pd.array(doubts, dtype="Int64"),
    }


def _unit_categories(found: Sequence[Entry]) -> tuple[str, ...]:
    """:data:`UNITS`, and any other unit a 2019 report states for its procurement amount."""
    stated = (stated_unit(e.report) for e in found)
    return tuple(dict.fromkeys((*UNITS, *(u for u in stated if u is not None))))


def _money_array(data: Any, mask: Any, objects: Any, money: str) -> Any:
    import pandas as pd

    if money == "decimal":
        return objects
    return pd.arrays.FloatingArray(data, mask)


# ---------------------------------------------------------------------------
# The long frame


def _statuses(status: Any, entry: Entry, layout: _Layout, start: int, blank: Any) -> None:
    """Mark the cells of one parsed report: placeholder and uncertain beside value/blank.

    A blank cell of a parse result is ``blank`` only when the parser saw it blank; a table
    it could not find leaves its cells blank with no such warning, so they are uncertain.
    """
    if entry.parsed is None:
        return
    block = status[start : start + len(layout.cells)]
    fee = layout.position[FEE_PATH]
    unread = blank.copy()
    unread[fee] = False
    block[unread] = _UNCERTAIN
    marks = {WarningCode.BLANK_CELL: _BLANK, WarningCode.PLACEHOLDER: _PLACEHOLDER}
    doubted: list[int] = []
    for warning in entry.parsed.warnings:
        where = layout.position.get(warning.path or "")
        if where is None:
            continue
        if warning.code in marks:
            block[where] = marks[warning.code]
        else:
            doubted.append(where)
    block[doubted] = _UNCERTAIN


def _long_cells(found: Sequence[Entry], money: str) -> tuple[dict[str, Any], Any]:
    """The cell columns of the long frame, and each report's number of rows."""
    import numpy as np

    sizes = np.array([len(_cells(e.report.meta.format_version)) for e in found], dtype=np.intp)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.intp)
    total = int(sizes.sum())
    codes = {name: np.zeros(total, dtype=np.int16) for name in (*_CELL_FIELDS, "unit")}
    status = np.zeros(total, dtype=np.int8)
    data = np.zeros(total, dtype=np.float64)
    mask = np.zeros(total, dtype=bool)
    objects = np.full(total, None, dtype=object) if money == "decimal" else None
    units = _unit_categories(found)
    for version, rows in _groups(found):
        layout = _layout(version)
        group = [found[n] for n in rows]
        matrix, blank = _matrix(group, version)
        where = starts[rows][:, None] + np.arange(len(layout.cells))
        for name, cell_codes in layout.codes.items():
            codes[name][where] = cell_codes
        if layout.procurement >= 0:
            stated = [stated_unit(e.report) for e in group]
            codes["unit"][where[:, layout.procurement]] = [
                -1 if u is None else units.index(u) for u in stated
            ]
        filled = np.where(blank, 0, matrix)
        data[where[:, ~layout.money]] = _counts(filled, group, layout)
        data[where[:, layout.money]] = filled[:, layout.money].astype(np.float64)
        mask[where] = blank
        if objects is not None:
            objects[where] = matrix
        status[where] = np.where(blank, _BLANK, _VALUE)
        for entry, start, row_blank in zip(group, starts[rows], blank, strict=True):
            _statuses(status, entry, layout, int(start), row_blank)
    columns = {
        name: _fixed(codes[name], categories, ordered=name != "label")
        for name, categories in zip(_CELL_FIELDS, _order(), strict=True)
    }
    columns["value"] = _money_array(data, mask, objects, money)
    columns["unit"] = _fixed(codes["unit"], units)
    columns["status"] = _fixed(status, STATUSES)
    return columns, sizes


# ---------------------------------------------------------------------------
# The wide frame


def _wide_paths(versions: Sequence[FormatVersion]) -> list[str]:
    """The cell columns: one format's paths in its order; mixed, 2021's then 2019's own."""
    paths = dict.fromkeys(c.path for v in versions for c in _cells(v) if c is not FEE_CELL)
    if PROCUREMENT_AMOUNT in paths:
        listed = list(paths)
        listed.insert(listed.index(PROCUREMENT_AMOUNT) + 1, PROCUREMENT_UNIT)
        paths = dict.fromkeys(listed)
    return [*paths, FEE_PATH] if versions else [FEE_PATH]


def _wide_cells(found: Sequence[Entry], money: str) -> dict[str, Any]:
    """The cell columns of the wide frame, one value per report."""
    import numpy as np
    import pandas as pd

    groups = _groups(found)
    paths = _wide_paths([version for version, _ in groups])
    column = {path: n for n, path in enumerate(paths)}
    size = (len(found), len(paths))
    counts = np.zeros(size, dtype=np.int64, order="F")
    amounts = np.zeros(size, dtype=np.float64, order="F")
    objects = np.full(size, None, dtype=object, order="F") if money == "decimal" else None
    mask = np.ones(size, dtype=bool, order="F")
    kinds: dict[str, bool] = {FEE_PATH: True}
    for version, rows in groups:
        layout = _layout(version)
        group = [found[n] for n in rows]
        matrix, blank = _matrix(group, version)
        filled = np.where(blank, 0, matrix)
        at = np.array([column[c.path] for c in layout.cells], dtype=np.intp)
        paid = layout.money
        counts[np.ix_(rows, at[~paid])] = _counts(filled, group, layout)
        amounts[np.ix_(rows, at[paid])] = filled[:, paid].astype(np.float64)
        if objects is not None:
            objects[np.ix_(rows, at[paid])] = matrix[:, paid]
        mask[np.ix_(rows, at)] = blank
        kinds.update((c.path, c.kind is CellKind.MONEY) for c in layout.cells)
    columns: dict[str, Any] = {}
    for path, n in column.items():
        if path == PROCUREMENT_UNIT:
            stated = [stated_unit(e.report) for e in found]
            units = [u for u in _unit_categories(found) if u != COUNT_UNIT]
            columns[path] = pd.Categorical(stated, categories=units)
        elif kinds[path]:
            exact = None if objects is None else objects[:, n]
            columns[path] = _money_array(amounts[:, n], mask[:, n], exact, money)
        else:
            columns[path] = pd.arrays.IntegerArray(counts[:, n], mask[:, n])
    return columns


# ---------------------------------------------------------------------------
# The public functions


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - the test extra installs pandas
        raise ImportError("data frames need pandas: pip install 'govdisclosure[pandas]'") from exc
    return pd


def to_frame(
    items: Iterable[Item],
    shape: Literal["long", "wide"] = "long",
    *,
    money: Literal["float", "decimal"] = "float",
) -> pd.DataFrame:
    """Return reports as a pandas DataFrame (needs ``pip install 'govdisclosure[pandas]'``).

    Both shapes start with the identity columns of each report: ``agency``, ``year``
    (int64), ``format_version``, ``agency_level``, ``published_on`` (datetime64, ``NaT``
    when unknown), ``title`` (as printed), ``source`` (the file a :class:`ReadResult` was
    read from, else ``meta.source``) and ``doubts`` (``Int64``: for parse results the
    number of warnings other than blank and placeholder cells; ``<NA>`` for reports).
    Strings are categoricals.

    Args:
        items: reports, parse results (:func:`govdisclosure.parse_file`) or the results of
            :func:`govdisclosure.read_reports`, mixed as you like; read results whose file
            could not be read are left out (list them with ``[r for r in results if
            r.error]``).
        shape: ``"long"``: one row per cell, in each report's official order, with
            ``path``, ``section``, ``row``, ``column`` (ordered categoricals in the official
            order, 2021's then what 2019 adds), ``label`` (the official Chinese label),
            ``value``, ``unit`` (件, 万元 for table 2's fees, the stated 元/万元 of the 2019
            procurement amount, 元 for the fee of section 六) and ``status`` (``value``,
            ``blank``, ``placeholder``, or ``uncertain``: a parse result warned about the
            cell, or did not read it). The last row of each report is section 六's fee,
            path ``other_matters.information_fee_yuan``.
            ``"wide"``: one row per report, one column per cell path: the paths of the
            reports' format in its official order (mixed formats: 2021's paths, then those
            only 2019 has, with ``...central_procurement.amount_unit`` beside the 2019
            amount), then ``other_matters.information_fee_yuan``.
        money: ``"float"``: money as ``Float64`` (the long ``value`` too); ``"decimal"``:
            money as exact ``Decimal`` objects (object dtype; the long ``value`` then holds
            ``int`` and ``Decimal``, ``None`` when blank). Counts are ``Int64`` always.

    Raises:
        TypeError: an item is not a report, parse result or read result (the message names
            its index).
        UnsupportedFormatError: ``shape`` or ``money`` is not one of the choices.
        ImportError: pandas is not installed (the message says how to install it).

    >>> import govdisclosure as gd
    >>> wide = gd.to_frame([gd.examples.load("qijiang-psb-2023")], shape="wide")
    >>> int(wide.loc[0, "applications.new_received.total"])
    1
    >>> str(wide["proactive_disclosure.administrative_fees.amount_10k_yuan"].dtype)
    'Float64'
    """
    check_choices(shape, money)
    pd = _pandas()
    found = entries(items)
    identity = _identity(found)
    if shape == "wide":
        return pd.DataFrame({**identity, **_wide_cells(found, money)})
    cells, sizes = _long_cells(found, money)
    import numpy as np

    repeat = np.repeat(np.arange(len(found)), sizes)
    return pd.DataFrame({**{k: v.take(repeat) for k, v in identity.items()}, **cells})


def indicators_frame(items: Iterable[Item]) -> pd.DataFrame:
    """Return the indicators of each report as a DataFrame: one row per report.

    The identity columns of :func:`to_frame`, then one ``Float64`` column per indicator of
    :func:`govdisclosure.indicator_catalogue`, in its order (``<NA>`` where
    :func:`govdisclosure.indicators` gives ``None``: a blank cell or a zero denominator).

    Args:
        items: as for :func:`to_frame`.

    Raises:
        TypeError: an item is not a report, parse result or read result.
        ImportError: pandas is not installed.

    >>> import govdisclosure as gd
    >>> frame = gd.indicators_frame([gd.examples.load("qijiang-psb-2023")])
    >>> float(frame.loc[0, "unable_rate"]), frame.loc[0, "review_correction_rate"]
    (1.0, <NA>)
    """
    pd = _pandas()
    found = entries(items)
    columns = _identity(found)
    cells = [dict(e.report.cells()) for e in found]
    for indicator in indicator_catalogue():
        ratios = (indicator.compute(values) for values in cells)
        columns[indicator.name] = pd.array(
            [None if r is None else float(r) for r in ratios], dtype="Float64"
        )
    return pd.DataFrame(columns)
