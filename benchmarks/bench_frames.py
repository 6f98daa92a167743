"""Data frame figures (issue 15: frames ready for analysis).

The long frame of 3,000 reports (603,000 rows): built in about a second and held in at
most 60 MB (``memory_usage(deep=True)``). The baseline is a DataFrame of the per-cell
records (``pd.DataFrame(gd.to_records(reports))``), the way the frame was built before:
2.3 s and 280 MB on the machine of the issue. The memory figure is in the benchmark's
name; a frame over the limit is reported as missed. Set GD_BENCH_FRAMES to change the
count.
"""

from __future__ import annotations

import os

import attrs

import govdisclosure as gd
from _harness import Comparison

COUNT = int(os.environ.get("GD_BENCH_FRAMES", "3000"))
MAX_MB = 60 * COUNT / 3000


def _reports() -> list[gd.AnnualReport]:
    """The sample, once per agency."""
    base = gd.examples.load("qijiang-psb-2023")
    return [
        attrs.evolve(base, meta=attrs.evolve(base.meta, agency=f"机关{n:05d}"))
        for n in range(COUNT)
    ]


def comparisons() -> list[Comparison]:
    import pandas as pd

    reports = _reports()
    megabytes = gd.to_frame(reports).memory_usage(deep=True).sum() / 1e6
    within = megabytes <= MAX_MB
    verdict = f"{megabytes:.1f} MB{'' if within else ', over'} ≤ {MAX_MB:.0f} MB"
    return [
        Comparison(
            name=f"long frame of {COUNT:,} reports ({verdict})",
            ours=lambda: gd.to_frame(reports),
            baseline_name="DataFrame(to_records())",
            baseline=lambda: pd.DataFrame(gd.to_records(reports)),
            max_ratio=0.5,
            # A frame over the memory limit fails its figure whatever its time.
            max_seconds=1.0 * COUNT / 3000 if within else 0.0,
            unit=COUNT,
        ),
        Comparison(
            name=f"wide frame of {COUNT:,} reports",
            ours=lambda: gd.to_frame(reports, shape="wide"),
            max_seconds=1.0 * COUNT / 3000,
            unit=COUNT,
        ),
        Comparison(
            name=f"indicators_frame of {COUNT:,} reports",
            ours=lambda: gd.indicators_frame(reports),
            unit=COUNT,
        ),
    ]
