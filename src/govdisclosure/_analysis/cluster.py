"""Many reports on Dask: the per-file step of :func:`read_reports` spread over a cluster.

A Dask bag over the files runs :func:`~govdisclosure._analysis.reading.read_one` on the
workers; each partition of read results becomes a pandas frame by :func:`to_frame` itself,
so the Dask frame has the columns and dtypes of the frame one machine builds. Dask needs to
know them before any file is read: :func:`frame_meta` builds them, by the same code, from
no report at all (the long shape) or from two blank reports, one per format (the wide shape,
which on Dask always has both formats' columns).
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from govdisclosure._analysis.frames import PROCUREMENT_UNIT, check_choices, to_frame
from govdisclosure._analysis.items import Item
from govdisclosure._analysis.reading import find_files, read_one
from govdisclosure._format import FormatVersion
from govdisclosure._model.report import AnnualReport

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd

__all__ = ["DATA_CATEGORIES", "dask_frame", "dask_reports", "frame_meta"]

PathLike = str | os.PathLike[str]

#: The categorical columns whose categories are the data's own (agency names, titles, files,
#: an unusual unit a 2019 report states): Dask learns them only when it computes.
DATA_CATEGORIES = ("agency", "title", "source", "unit", PROCUREMENT_UNIT)
#: Files per partition unless told: a partition of parsed documents is a few seconds' work.
PARTITION_SIZE = 100


def _import(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise ImportError(
            f"reading on Dask needs {name.partition('.')[0]}: pip install 'govdisclosure[dask]'"
        ) from exc


@functools.cache
def _layout(shape: str, money: str) -> pd.DataFrame:
    """The empty frame of one shape as :func:`to_frame` builds it, both formats' columns."""
    if shape == "long":
        return to_frame([], "long", money=money)  # type: ignore[arg-type]
    blanks = [
        AnnualReport.blank(agency="-", year=int(version.value), format_version=version)
        for version in (FormatVersion.V2021, FormatVersion.V2019)
    ]
    return to_frame(blanks, "wide", money=money).iloc[:0]  # type: ignore[arg-type]


def frame_meta(
    shape: Literal["long", "wide"] = "long",
    *,
    money: Literal["float", "decimal"] = "float",
) -> pd.DataFrame:
    """The empty frame Dask is told to expect: the columns and dtypes of :func:`to_frame`.

    The columns of :data:`DATA_CATEGORIES` are categoricals whose categories Dask does not
    know before it computes (``df.agency.cat.known`` is ``False``; ``.cat.as_known()``
    reads them); every other column is exactly as :func:`to_frame` makes it. The wide
    shape has the columns of both formats (as :func:`to_frame` gives for a mixed corpus).

    >>> meta = frame_meta("wide")
    >>> str(meta["applications.new_received.total"].dtype), len(meta)
    ('Int64', 0)
    """
    check_choices(shape, money)
    dataframe_utils = _import("dask.dataframe.utils")
    layout = _layout(shape, money)
    unknown = [c for c in DATA_CATEGORIES if c in layout.columns]
    meta: pd.DataFrame = dataframe_utils.clear_known_categories(layout, cols=unknown)
    return meta


def _partition_frame(items: Iterable[Item], shape: str, money: str) -> pd.DataFrame:
    """One partition's frame, with every column of the shape in its place (run on workers)."""
    import pandas as pd

    frame = to_frame(items, shape, money=money)  # type: ignore[arg-type]
    layout = _layout(shape, money)
    if list(frame.columns) == list(layout.columns):
        return frame
    # A wide partition of one format lacks the other format's columns: blank, typed alike.
    blank = [None] * len(frame)
    return pd.DataFrame(
        {
            column: frame[column]
            if column in frame.columns
            else pd.Series(blank, dtype=layout[column].dtype, index=frame.index)
            for column in layout.columns
        }
    )


def _positive(partition_size: int) -> int:
    if isinstance(partition_size, bool) or not isinstance(partition_size, int):
        raise TypeError(f"partition_size must be a whole number, got {partition_size!r}")
    if partition_size < 1:
        raise ValueError(f"partition_size must be at least 1, got {partition_size}")
    return partition_size


def dask_reports(
    paths: PathLike | Iterable[PathLike],
    *,
    partition_size: int = PARTITION_SIZE,
) -> dask.bag.Bag:
    """Read report files on Dask: a bag of :class:`ReadResult`, one per file.

    The same work as :func:`read_reports`, file by file, on whatever Dask runs on (a
    ``distributed.Client`` of a cluster, or Dask's local schedulers). The files are listed
    here, as :func:`read_reports` lists them; the workers must see them at the same paths
    (a shared file system). Nothing is read until the bag is computed.

    Args:
        paths: files and folders (one path, or several), expanded as
            :func:`read_reports` does.
        partition_size: files per partition (one task each).

    Returns:
        A ``dask.bag.Bag`` of :class:`ReadResult`, in the order :func:`read_reports`
        gives. A file that cannot be read is a result with its ``error``.

    Raises:
        ValueError: ``partition_size`` is below 1.
        ImportError: Dask is not installed (``pip install 'govdisclosure[dask]'``).
    """
    _positive(partition_size)
    bag = _import("dask.bag")
    names = find_files(paths)
    results: dask.bag.Bag = bag.from_sequence(names, partition_size=partition_size).map(read_one)
    return results


def dask_frame(
    source: PathLike | Iterable[PathLike] | dask.bag.Bag,
    shape: Literal["long", "wide"] = "long",
    *,
    money: Literal["float", "decimal"] = "float",
    partition_size: int = PARTITION_SIZE,
) -> dask.dataframe.DataFrame:
    """Read report files on Dask into one Dask DataFrame of the :func:`to_frame` shape.

    Each partition of files is read on a worker (:func:`dask_reports`) and turned into a
    pandas frame by :func:`to_frame`, so the columns and dtypes are those of
    :func:`to_frame` over the same files on one machine, except that the wide shape always
    has both formats' columns (a corpus of one format has the other's blank) and that the
    categories of :data:`DATA_CATEGORIES` are known only once computed, in the order they
    were met. Each partition keeps its own index from 0. Files that cannot be read are left
    out, as :func:`to_frame` leaves them; list them from :func:`dask_reports`.

    Without a ``distributed.Client``, Dask computes data frames in threads, which here is
    no faster than one process: start a client (``Client(LocalCluster())`` on one machine,
    or a cluster's) before computing.

    Args:
        source: files and folders, expanded as :func:`read_reports` does; or a Dask bag of
            anything :func:`to_frame` takes (the read results of :func:`dask_reports`,
            reports, parse results), whose partitions are kept.
        shape: ``"long"`` (one row per cell) or ``"wide"`` (one row per report).
        money: ``"float"`` or ``"decimal"``, as for :func:`to_frame`.
        partition_size: files per partition when ``source`` is paths.

    Returns:
        A lazy ``dask.dataframe.DataFrame``; ``.compute()`` gives the pandas frame,
        ``.to_parquet(folder)`` writes it without gathering it in one place.

    Raises:
        UnsupportedFormatError: ``shape`` or ``money`` is not one of the choices.
        ValueError: ``partition_size`` is below 1.
        ImportError: Dask is not installed (``pip install 'govdisclosure[dask]'``).
    """
    check_choices(shape, money)
    bag = _import("dask.bag")
    dataframe = _import("dask.dataframe")
    results = (
        source
        if isinstance(source, bag.Bag)
        else dask_reports(source, partition_size=partition_size)
    )
    parts = results.map_partitions(_partition_frame, shape, money).to_delayed()
    # Dask turns object columns into strings by default (pyarrow's); the exact money of
    # money="decimal" is Decimal objects, which must stay as they are.
    with _import("dask").config.set({"dataframe.convert-string": False}):
        frame: dask.dataframe.DataFrame = dataframe.from_delayed(
            parts, meta=frame_meta(shape, money=money), verify_meta=True
        )
    return frame
