"""Run every benchmark and print one table; optionally write it as JSON.

Usage: ``python benchmarks/run.py [--only NAME] [--json OUT.json] [--quick]``

Each ``bench_*.py`` module beside this file defines ``comparisons()``. A figure passes when
it meets the target the issues name (a ratio to its baseline, or a time limit).
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _harness import Result, measure  # noqa: E402


def _modules(only: str | None) -> list[str]:
    names = sorted(p.stem for p in HERE.glob("bench_*.py"))
    return [n for n in names if only is None or only in n]


def _row(result: Result) -> list[str]:
    base = f"{result.baseline_seconds * 1e6:,.1f}" if result.baseline_seconds else "-"
    ratio = f"{result.ratio:.2f}" if result.ratio is not None else "-"
    return [
        result.name,
        f"{result.seconds * 1e6:,.1f}",
        f"{result.per_second:,.0f}",
        result.baseline_name or "-",
        base,
        ratio,
        result.target or "-",
        "ok" if result.ok else "MISSED",
    ]


def _print_table(results: list[Result]) -> None:
    header = ["benchmark", "ours µs", "per s", "baseline", "base µs", "ratio", "target", ""]
    rows = [header, *(_row(r) for r in results)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for n, row in enumerate(rows):
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run the modules whose name contains this")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--repeat", type=int, default=5, help="timing rounds (best is kept)")
    args = parser.parse_args(argv)
    results = [
        measure(comparison, repeat=args.repeat)
        for name in _modules(args.only)
        for comparison in importlib.import_module(name).comparisons()
    ]
    _print_table(results)
    if args.json:
        payload = {
            "machine": {
                "python": platform.python_version(),
                "implementation": platform.python_implementation(),
                "platform": platform.platform(),
                "processor": platform.machine(),
            },
            "results": [r.__dict__ for r in results],
        }
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
