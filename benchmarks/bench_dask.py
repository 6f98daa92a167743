"""Reading a corpus: one process, two processes, and a local Dask cluster (issue 15).

Reports per second of ``to_frame(read_reports(folder, jobs=N))`` for N = 1 and 2, and of
``dask_frame(folder).compute()`` on ``LocalCluster(n_workers=2, threads_per_worker=1)``
(started beforehand, not timed), over two corpora written to a temporary folder: JSON
reports, and published documents (web pages, Markdown, text) that must be parsed. Set
GD_BENCH_DASK to change the number of files (default 600 per corpus).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import attrs

import govdisclosure as gd
from _harness import Comparison

COUNT = int(os.environ.get("GD_BENCH_DASK", "600"))
CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus"


def _write(folder: Path, suffixes: tuple[str, ...]) -> Path:
    folder.mkdir(parents=True)
    recent = gd.examples.load("qijiang-psb-2023")
    old = gd.parse_file(CORPUS / "shanghai-bgt-2019.html").report
    for n in range(COUNT):
        base = old if n % 5 == 0 else recent
        meta = attrs.evolve(base.meta, agency=f"机关{n % 97:02d}", source=None)
        report = attrs.evolve(base, meta=meta).with_cell(
            "applications.new_received.natural_person", n
        )
        gd.dump(report, folder / f"{n:05d}{suffixes[n % len(suffixes)]}")
    return folder


def _best(run: Callable[[], object], rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def _figures(name: str, folder: Path) -> list[Comparison]:
    one = _best(lambda: gd.to_frame(gd.read_reports(folder, jobs=1)))
    two = _best(lambda: gd.to_frame(gd.read_reports(folder, jobs=2)))
    dask = _best(lambda: gd.dask_frame(folder, partition_size=50).compute())
    rows = [
        ("to_frame(read_reports(jobs=1))", one),
        ("to_frame(read_reports(jobs=2))", two),
        ("dask_frame().compute(), 2 local workers", dask),
    ]
    return [
        Comparison(
            name=f"{COUNT} {name}: {label}", ours=lambda: None, fixed_seconds=seconds, unit=COUNT
        )
        for label, seconds in rows
    ]


def comparisons() -> list[Comparison]:
    from distributed import Client, LocalCluster

    with tempfile.TemporaryDirectory() as temporary:
        json_files = _write(Path(temporary) / "json", (".json",))
        documents = _write(Path(temporary) / "documents", (".html", ".md", ".txt"))
        cluster = LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
        )
        with cluster, Client(cluster):
            gd.dask_frame(json_files).compute()  # the workers import the library once
            return [
                *_figures("JSON reports", json_files),
                *_figures("published documents", documents),
            ]
