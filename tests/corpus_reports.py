"""Reports of the shared corpus built from their hand-checked values, for rule tests.

Each report holds the cells of its .expected.json and, as its overview, the document's text
(markup removed), so that the text rules see what the published report says.
"""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

import govdisclosure as gd

CORPUS = Path(__file__).parent / "data" / "corpus"
NAMES = (
    "qijiang-psb-2023",
    "shanghai-bgt-2019",
    "huaian-2024",
    "shanghai-kewei-2024",
    "shuyang-fgj-2023",
)


def expected(name: str) -> dict[str, Any]:
    """The .expected.json of a corpus report."""
    data: dict[str, Any] = json.loads((CORPUS / f"{name}.expected.json").read_text("utf-8"))
    return data


def text(name: str) -> str:
    """The document's text, markup removed."""
    path = next(p for s in (".txt", ".html", ".md") if (p := CORPUS / f"{name}{s}").exists())
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        raw = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", raw, flags=re.DOTALL)
        raw = html.unescape(re.sub(r"<[^>]+>", "\n", raw))
    return raw


def report(name: str) -> gd.AnnualReport:
    """The corpus report as a model: its expected cells and its text."""
    data = expected(name)
    meta = data["meta"]
    built = gd.AnnualReport.blank(
        agency=meta["agency"],
        year=meta["year"],
        format_version=meta["format_version"],
        agency_level=meta["agency_level"],
    ).with_cells({p: Decimal(v) if isinstance(v, str) else v for p, v in data["cells"].items()})
    body = text(name)
    sixth = body[body.rfind("六、") :] if "六、" in body else ""
    return attrs.evolve(
        built,
        overview=gd.Overview(text=body),
        problems_improvements=gd.ProblemsImprovements(text="本年度存在的问题及改进措施。"),
        other_matters=gd.OtherMatters(text=sixth or "无。"),
    )
