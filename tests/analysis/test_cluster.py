"""Tests of reading on Dask: a local cluster gives the frames one machine gives, and Parquet.

The cluster is two worker processes on the loopback interface, one thread each; the corpus a
few hundred reports written to a temporary folder (JSON, rendered documents of both formats,
a broken file), read on the cluster and in this process and compared.
"""

from __future__ import annotations

import importlib
import operator
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

import govdisclosure as gd
from govdisclosure._analysis.cluster import DATA_CATEGORIES

CORPUS = Path(__file__).parent.parent / "data" / "corpus"
COUNT = 240
#: The suffixes the generated reports are written with, in turn.
KINDS = (".json", ".json", ".json", ".json", ".md", ".json", ".html", ".txt")


def _need(name: str) -> ModuleType:
    """The module; in CI (where the test extra installs it) its absence is a failure."""
    if os.environ.get("CI"):
        return importlib.import_module(name)
    return pytest.importorskip(name)


pd = _need("pandas")
dask = _need("dask")
dd = _need("dask.dataframe")
db = _need("dask.bag")
distributed = _need("distributed")
_need("pyarrow")


def _write_corpus(folder: Path) -> Path:
    """Reports of both formats as JSON, Markdown, web pages and text; a broken file."""
    recent = gd.examples.load("qijiang-psb-2023")
    old = gd.parse_file(CORPUS / "shanghai-bgt-2019.html").report
    (folder / "nested").mkdir(parents=True)
    for n in range(COUNT):
        base = old if n % 5 == 0 else recent
        year = base.meta.year + (0 if base is old else n % 3)
        meta = attrs.evolve(base.meta, agency=f"测试机关{n % 31:02d}", year=year, source=None)
        report = attrs.evolve(base, meta=meta).with_cell(
            "applications.new_received.natural_person", n
        )
        where = folder / "nested" if n % 7 == 0 else folder
        gd.dump(report, where / f"report-{n:04d}{KINDS[n % len(KINDS)]}")
    (folder / "broken.json").write_text("{", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_corpus(tmp_path_factory.mktemp("cluster") / "reports")


@pytest.fixture(scope="module")
def local(corpus: Path) -> list[gd.ReadResult]:
    """The corpus read in this process: what the cluster's frames are held to."""
    return list(gd.read_reports(corpus, progress=False))


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A local cluster of two worker processes, loopback only, no dashboard."""
    cluster = distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=None,
        memory_limit="2GiB",
    )
    with cluster, distributed.Client(cluster) as connected:
        yield connected


def _known(frame: Any) -> Any:
    """The frame with the data's own categories in sorted order, as ``to_frame`` has them."""
    frame = frame.reset_index(drop=True)
    for column in ("agency", "title", "source"):
        categories = frame[column].cat.categories
        frame[column] = frame[column].cat.reorder_categories(sorted(categories))
    return frame


def _assert_same(frame: Any, expected: Any) -> None:
    """assert_frame_equal, quicker: pandas compares categoricals slowly, value by value."""
    assert list(frame.columns) == list(expected.columns)
    for column in expected.columns:
        dtype = expected[column].dtype
        assert frame[column].dtype == dtype, column
        if isinstance(dtype, pd.CategoricalDtype):
            assert list(frame[column].cat.categories) == list(dtype.categories), column
    if not frame.equals(expected):
        pd.testing.assert_frame_equal(frame, expected)  # says where they differ


@pytest.fixture(scope="module")
def results(client: Any, corpus: Path) -> Any:
    """The corpus read once on the workers, kept there."""
    return gd.dask_reports(corpus, partition_size=60).persist()


def test_long_frame_on_the_cluster(client: Any, corpus: Path, local: list[gd.ReadResult]) -> None:
    """The long frame computed on two workers equals to_frame of read_reports, dtypes too."""
    frame = gd.dask_frame(corpus, "long", partition_size=40)
    assert frame.npartitions == 7  # 241 files
    assert dict(frame.dtypes) == dict(gd.frame_meta("long").dtypes)
    computed = frame.compute()
    expected = gd.to_frame(local, "long")
    assert len(expected) > COUNT * 200
    _assert_same(_known(computed), expected)


def test_wide_frame_from_a_persisted_bag(
    results: Any, corpus: Path, local: list[gd.ReadResult]
) -> None:
    """A bag of read results, read once on the workers, gives the wide frame and the failures."""
    assert results.npartitions == 5
    failed = results.filter(operator.attrgetter("error")).map(operator.attrgetter("path"))
    assert failed.compute() == [str(corpus / "broken.json")]
    computed = gd.dask_frame(results, "wide").compute()
    expected = gd.to_frame(local, "wide")
    assert len(expected) == COUNT
    _assert_same(_known(computed), expected)


def test_parquet_round_trip(results: Any, tmp_path: Path) -> None:
    """Written with pyarrow and read back, the frame has the same values and dtypes.

    Parquet keeps categoricals (as dictionaries, with their order) and the nullable Int64
    and Float64 columns (pandas' metadata); Dask reads the categories back as unknown.
    """
    for shape in ("long", "wide"):
        frame = gd.dask_frame(results, shape).persist()
        folder = tmp_path / shape
        frame.to_parquet(folder, write_index=False)
        expected = _known(frame.compute())
        back = dd.read_parquet(folder)
        meta = gd.frame_meta(shape)
        assert list(back.columns) == list(meta.columns)
        assert list(map(str, back.dtypes)) == list(map(str, meta.dtypes))
        _assert_same(_known(back.compute()), expected)
        # pandas reads the part files in its own order: compare row by row, sorted.
        keys = ["source", "path"] if shape == "long" else ["source"]
        whole = _known(_known(pd.read_parquet(folder)).sort_values(keys))
        _assert_same(whole, _known(expected.sort_values(keys)))


# ---------------------------------------------------------------------------
# Without the cluster: Dask's synchronous scheduler, in this process


def _sync(frame: Any) -> Any:
    return frame.compute(scheduler="sync")


def test_meta_is_to_frames_dtypes() -> None:
    """frame_meta has to_frame's columns and dtypes; only the data's categories are unknown."""
    recent = gd.examples.load("qijiang-psb-2023")
    old = gd.AnnualReport.blank(agency="旧局", year=2020)
    for shape in ("long", "wide"):
        for money in ("float", "decimal"):
            meta = gd.frame_meta(shape, money=money)  # type: ignore[arg-type]
            built = gd.to_frame([recent, old], shape, money=money)  # type: ignore[arg-type]
            assert list(meta.columns) == list(built.columns)
            for column in meta.columns:
                if column in DATA_CATEGORIES:
                    assert not dd.from_pandas(meta, npartitions=1)[column].cat.known
                else:
                    assert meta[column].dtype == built[column].dtype, column


def test_wide_frame_of_one_format_has_both_formats_columns() -> None:
    """A corpus of 2021 reports: the 2019 columns are there, blank and typed."""
    recent = gd.examples.load("qijiang-psb-2023")
    frame = _sync(gd.dask_frame(db.from_sequence([recent, recent]), "wide"))
    alone = gd.to_frame([recent, recent], "wide")
    assert list(frame.columns) == list(gd.frame_meta("wide").columns)
    _assert_same(_known(frame[alone.columns]), alone)
    only_2019 = "proactive_disclosure.central_procurement.amount"
    assert frame[only_2019].isna().all()
    assert str(frame[only_2019].dtype) == "Float64"


def test_decimal_money(corpus: Path) -> None:
    """money="decimal" keeps exact amounts on Dask too."""
    files = sorted(corpus.glob("report-000*"))[:6]
    frame = _sync(gd.dask_frame(files, "wide", money="decimal", partition_size=2))
    expected = gd.to_frame(gd.read_reports(files), "wide", money="decimal")
    _assert_same(_known(frame), expected)


def test_empty_and_unreadable() -> None:
    """No file, or only files that cannot be read: an empty frame of the right dtypes."""
    for source in ([], ["missing.json"]):
        frame = _sync(gd.dask_frame(source))
        assert len(frame) == 0
        assert list(frame.columns) == list(gd.frame_meta().columns)


def test_bad_arguments() -> None:
    """Wrong shape, money or partition size: ValueError or TypeError, before any work."""
    with pytest.raises(ValueError, match="shape"):
        gd.dask_frame([], "tall")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="money"):
        gd.frame_meta(money="exact")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="partition_size"):
        gd.dask_reports([], partition_size=0)
    with pytest.raises(TypeError, match="partition_size"):
        gd.dask_reports([], partition_size=2.5)  # type: ignore[arg-type]


def test_without_dask(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without Dask installed the error says which extra to install."""
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(ImportError, match=r"govdisclosure\[dask\]"):
        gd.dask_reports([])
