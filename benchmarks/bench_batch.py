"""Batch figures (issues: many reports; the supervising office).

``govdisclosure summary`` over JSON reports: at least 500 reports per second on one core,
and faster with ``--jobs 2`` on a 2-core machine; with ``--roster`` the reconciliation adds
at most 20%, and with ``--previous`` at most 20% beyond reading last year's reports too.
Measured on 2,000 reports of distinct agencies (set GD_BENCH_BATCH to change the count; the
issue's figure is for 10,000).
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import attrs

import govdisclosure as gd
from _harness import Comparison
from govdisclosure._analysis.office import run_summary

COUNT = int(os.environ.get("GD_BENCH_BATCH", "2000"))


def _seconds(folder: Path, jobs: int, **options: Any) -> float:
    out = folder.parent / f"summary-{jobs}.xlsx"
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        run_summary([folder], out, jobs=jobs, quiet=True, **options)
    return time.perf_counter() - start


def _reports(folder: Path, year: int) -> None:
    folder.mkdir()
    sample = gd.examples.load("qijiang-psb-2023")
    for n in range(COUNT):
        meta = attrs.evolve(sample.meta, agency=f"某某区第{n}局", year=year)
        (folder / f"{n:05d}.json").write_text(gd.to_json(attrs.evolve(sample, meta=meta)))


def comparisons() -> list[Comparison]:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        folder, before = root / "reports", root / "previous"
        _reports(folder, 2023)
        _reports(before, 2022)
        roster = root / "roster.csv"
        roster.write_text(
            "单位名称\n" + "".join(f"某某区第{n}局\n" for n in range(COUNT + 10)), "utf-8"
        )
        one = min(_seconds(folder, 1) for _ in range(2))
        two = min(_seconds(folder, 2) for _ in range(2))
        listed = min(_seconds(folder, 1, roster=roster) for _ in range(2))
        both = min(_seconds(folder, 1, roster=roster, previous=[before]) for _ in range(2))
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
        Comparison(
            name=f"summary of {COUNT:,} JSON reports, --roster, --jobs 1",
            ours=lambda: None,
            fixed_seconds=listed,
            unit=COUNT,
            max_seconds=one * 1.2,
        ),
        Comparison(
            name=f"summary of {COUNT:,} + {COUNT:,} last year's, --roster --previous",
            ours=lambda: None,
            fixed_seconds=both,
            unit=COUNT,
            # Last year's reports are read too: at most 20% beyond twice the reading.
            max_seconds=one * 2 * 1.2,
        ),
    ]
