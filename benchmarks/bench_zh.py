"""Benchmarks of govdisclosure.zh: numerals against cn2an, and the import cost."""

from __future__ import annotations

import importlib.util
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import Comparison
from govdisclosure.zh import parse_chinese_numeral, to_chinese_numeral

SRC = Path(__file__).resolve().parent.parent / "src"


def _inputs() -> list[int]:
    """About 1000 fixed, varied integers: every magnitude, sparse zeros, the spec's cases."""
    rng = random.Random(20240131)
    values = [0, 10, 11, 110, 1010, 2023, 100000, 105000, 1903971, 100000001, 100001000]
    values += [10**12, 10**16 - 1]
    values += [rng.randrange(10 ** rng.randint(1, 16)) for _ in range(700)]
    # Numbers with many zeros, where the 零 rules do their work.
    values += [
        int("".join(rng.choice("0001") for _ in range(rng.randint(1, 16)))) for _ in range(290)
    ]
    return values


def _import_seconds(runs: int = 7) -> float:
    """Return the best added import time of govdisclosure.zh over ``runs`` fresh interpreters.

    ``python -X importtime`` reports cumulative microseconds per module; importing
    ``govdisclosure.zh`` first imports the package, so the added cost is the cumulative time
    of ``govdisclosure.zh`` minus that of ``govdisclosure``. Bytecode goes to a temporary
    prefix so that the timing is of a normal (cached) import, not of compiling the module.
    """
    best = float("inf")
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, PYTHONPATH=str(SRC), PYTHONPYCACHEPREFIX=cache)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        command = [sys.executable, "-X", "importtime", "-c", "import govdisclosure.zh"]
        for _ in range(runs + 1):  # the first run writes the bytecode cache
            result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
            cumulative = {
                found.group(2): int(found.group(1))
                for found in re.finditer(r"\|\s*(\d+) \|\s*(\S+)\s*$", result.stderr, re.MULTILINE)
            }
            added = cumulative["govdisclosure.zh"] - cumulative.get("govdisclosure", 0)
            best = min(best, added / 1e6)
    return best


def comparisons() -> list[Comparison]:
    """The zh figures: numerals against cn2an (at least 2x faster) and the import cost."""
    values = _inputs()
    texts = [to_chinese_numeral(v) for v in values]
    result = []
    if importlib.util.find_spec("cn2an") is None:
        print("bench_zh: cn2an is not installed; skipping the comparisons against it")
    else:
        import cn2an

        result += [
            Comparison(
                name="to_chinese_numeral x1000",
                ours=lambda: [to_chinese_numeral(v) for v in values],
                baseline_name="cn2an.an2cn",
                baseline=lambda: [cn2an.an2cn(v) for v in values],
                max_ratio=0.5,
                unit=len(values),
            ),
            Comparison(
                name="parse_chinese_numeral x1000",
                ours=lambda: [parse_chinese_numeral(t) for t in texts],
                baseline_name="cn2an.cn2an(normal)",
                baseline=lambda: [cn2an.cn2an(t, "normal") for t in texts],
                max_ratio=0.5,
                unit=len(texts),
            ),
            Comparison(
                name="parse_chinese_numeral x1000 (smart)",
                ours=lambda: [parse_chinese_numeral(t) for t in texts],
                baseline_name="cn2an.cn2an(smart)",
                baseline=lambda: [cn2an.cn2an(t, "smart") for t in texts],
                max_ratio=0.5,
                unit=len(texts),
            ),
        ]
    # An import cost exists only in a fresh interpreter, so it is measured in subprocesses
    # and handed to the harness as a fixed figure.
    result.append(
        Comparison(
            name="import govdisclosure.zh (added, subprocess)",
            ours=lambda: None,
            fixed_seconds=_import_seconds(),
            max_seconds=0.020,
        )
    )
    return result
