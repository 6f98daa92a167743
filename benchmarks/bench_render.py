"""Writing reports (issue: writing reports): one report rendered as a document.

- ``render(report, "html")`` and ``render(report, "markdown")`` under 5 ms each.
- Plain text and Word are measured for reference (Word builds a whole package).
"""

from __future__ import annotations

import govdisclosure as gd
from _harness import Comparison
from govdisclosure._render import render


def comparisons() -> list[Comparison]:
    report = gd.examples.load("qijiang-psb-2023")
    return [
        Comparison(name="render html", ours=lambda: render(report, "html"), max_seconds=0.005),
        Comparison(
            name="render markdown", ours=lambda: render(report, "markdown"), max_seconds=0.005
        ),
        Comparison(name="render text", ours=lambda: render(report, "text")),
        Comparison(name="render docx", ours=lambda: render(report, "docx")),
    ]
