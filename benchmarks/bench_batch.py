"""Batch figures (issue: many reports).

``govdisclosure summary`` over JSON reports: at least 500 reports per second on one core,
and faster with ``--jobs 2`` on a 2-core machine. Measured on 2,000 copies of the sample
(set GD_BENCH_BATCH to change the count; the issue's figure is for 10,000).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
import time
from pathlib import Path

import govdisclosure as gd
from _harness import Comparison
from govdisclosure._analysis.batch import run_summary

COUNT = int(os.environ.get("GD_BENCH_BATCH", "2000"))


def _seconds(folder: Path, jobs: int) -> float:
    out = folder.parent / f"summary-{jobs}.xlsx"
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        run_summary([folder], out, jobs=jobs, quiet=True)
    return time.perf_counter() - start


def comparisons() -> list[Comparison]:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "reports"
        folder.mkdir()
        sample = gd.examples.path("qijiang-psb-2023")
        for n in range(COUNT):
            shutil.copy(sample, folder / f"{n:05d}.json")
        one = min(_seconds(folder, 1) for _ in range(2))
        two = min(_seconds(folder, 2) for _ in range(2))
    return [
        Comparison(
            name=f"summary of {COUNT:,} JSON reports, --jobs 1",
            ours=lambda: None,
            fixed_seconds=one,
            unit=COUNT,
            max_seconds=COUNT / 500,
        ),
        Comparison(
            name=f"summary of {COUNT:,} JSON reports, --jobs 2",
            ours=lambda: None,
            fixed_seconds=two,
            baseline_name="--jobs 1",
            baseline=None,
            unit=COUNT,
            max_seconds=one,
        ),
    ]
