"""Foundation figures: import time and the JSON round trip (issue: foundation).

- ``import govdisclosure`` under 150 ms (cold interpreter, measured in a subprocess).
- ``from_json(to_json(r))`` at most 3x stdlib ``json.loads(json.dumps(d))`` of the same
  document.
"""

from __future__ import annotations

import json
import subprocess
import sys

import govdisclosure as gd
from _harness import Comparison


def _import_seconds(module: str) -> float:
    """The cumulative import time of ``module`` in a fresh interpreter, in seconds."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
    )
    for line in reversed(result.stderr.splitlines()):
        fields = [f.strip() for f in line.split("|")]
        if len(fields) == 3 and fields[2] == module:
            return int(fields[1]) / 1e6
    raise RuntimeError(f"no import time reported for {module}")


def comparisons() -> list[Comparison]:
    report = gd.examples.load("qijiang-psb-2023")
    document = gd.to_dict(report)
    text = gd.to_json(report)

    def ours() -> object:
        return gd.from_json(gd.to_json(report))

    def baseline() -> object:
        return json.loads(json.dumps(document, ensure_ascii=False, indent=2))

    best_import = min(_import_seconds("govdisclosure") for _ in range(5))
    return [
        Comparison(
            name="json round trip (to_json + from_json)",
            ours=ours,
            baseline_name="json.loads + json.dumps",
            baseline=baseline,
            max_ratio=3.0,
        ),
        Comparison(name="from_json", ours=lambda: gd.from_json(text)),
        Comparison(name="to_json", ours=lambda: gd.to_json(report)),
        Comparison(
            name="import govdisclosure (cold, subprocess)",
            ours=lambda: None,
            fixed_seconds=best_import,
            max_seconds=0.150,
        ),
    ]
