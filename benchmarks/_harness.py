"""A small timing harness shared by the benchmark modules.

Each ``bench_*.py`` module beside this file defines ``comparisons()`` returning a list of
:class:`Comparison`. ``run.py`` times them all and prints one table.
"""

from __future__ import annotations

import timeit
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Comparison:
    """One figure an issue names: our operation against its baseline.

    Attributes:
        name: what is measured, e.g. ``"json round trip"``.
        ours: the operation, called with no arguments.
        baseline_name: what the baseline is, e.g. ``"json.loads + json.dumps"``.
        baseline: the baseline operation, or ``None`` for an absolute figure.
        max_ratio: the largest allowed ``ours / baseline`` time ratio, if any.
        max_seconds: the largest allowed time of one call of ``ours``, if any.
        unit: how many items one call handles (for a per-second rate).
        fixed_seconds: a figure measured by other means (an import time read in a
            subprocess); when set, ``ours`` is not timed.
    """

    name: str
    ours: Callable[[], object]
    baseline_name: str = ""
    baseline: Callable[[], object] | None = None
    max_ratio: float | None = None
    max_seconds: float | None = None
    unit: int = 1
    fixed_seconds: float | None = None


def best_time(func: Callable[[], object], repeat: int = 5) -> float:
    """Return the best per-call time of ``func`` in seconds over ``repeat`` rounds."""
    timer = timeit.Timer(func)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=repeat, number=number)) / number


@dataclass(frozen=True)
class Result:
    """The measured figures of one :class:`Comparison`."""

    name: str
    seconds: float
    baseline_name: str
    baseline_seconds: float | None
    ratio: float | None
    per_second: float
    target: str
    ok: bool


def measure(comparison: Comparison, repeat: int = 5) -> Result:
    """Time one comparison and judge it against its targets."""
    if comparison.fixed_seconds is not None:
        ours = comparison.fixed_seconds
    else:
        ours = best_time(comparison.ours, repeat)
    base = best_time(comparison.baseline, repeat) if comparison.baseline else None
    ratio = ours / base if base else None
    targets = []
    ok = True
    if comparison.max_ratio is not None:
        targets.append(f"ratio <= {comparison.max_ratio:g}")
        ok = ok and ratio is not None and ratio <= comparison.max_ratio
    if comparison.max_seconds is not None:
        targets.append(f"<= {comparison.max_seconds * 1000:g} ms")
        ok = ok and ours <= comparison.max_seconds
    return Result(
        name=comparison.name,
        seconds=ours,
        baseline_name=comparison.baseline_name,
        baseline_seconds=base,
        ratio=ratio,
        per_second=comparison.unit / ours,
        target=", ".join(targets),
        ok=ok,
    )
