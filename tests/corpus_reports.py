"""Reports of the shared corpus built from their hand-checked values, for rule tests.

Each report holds the cells of its .expected.json and, as its overview, the document's text
(markup removed), so that the text rules see what the published report says.
:func:`truth` is the cells and facts alone; :func:`audit` compares a parse with a truth.
"""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import attrs

import govdisclosure as gd
from govdisclosure._parse import ParseResult

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


def truth(name: str) -> gd.AnnualReport:
    """A corpus report's hand-checked cells and metadata, as a report."""
    data = expected(name)
    meta = data["meta"]
    report = gd.AnnualReport.blank(
        agency=meta["agency"], year=meta["year"], format_version=meta["format_version"]
    )
    return report.with_cells(
        {p: Decimal(v) if isinstance(v, str) else v for p, v in data["cells"].items()}
    )


class Audit(NamedTuple):
    """How a parse compares with its truth."""

    wrong: list[tuple[str, object, object]]
    exact: int
    cells: int
    meta: tuple[object, ...]

    @property
    def recall(self) -> float:
        """The share of cells that came back exact."""
        return self.exact / self.cells


def audit(result: ParseResult, truth: gd.AnnualReport) -> Audit:
    """Compare a parse with the truth: the wrong cells, the exact ones, the meta that differ.

    A cell is wrong when it differs from the truth, unless it is ``None`` and a warning
    names it.
    """
    explained = {w.path for w in result.warnings if w.path}
    wrong: list[tuple[str, object, object]] = []
    exact = 0
    for path, want in truth.cells():
        got = result.report.cell(path)
        if got == want and (got is None) == (want is None):
            exact += 1
        elif not (got is None and path in explained):
            wrong.append((path, want, got))
    meta, got_meta = truth.meta, result.report.meta
    fields = ("year", "agency", "format_version")
    differ = tuple((f, getattr(meta, f), getattr(got_meta, f)) for f in fields)
    differ = tuple(d for d in differ if d[1] != d[2])
    return Audit(wrong, exact, len(truth.values()), differ)


def report(name: str) -> gd.AnnualReport:
    """The corpus report as a model: its expected cells and its text."""
    built = truth(name)
    level = expected(name)["meta"]["agency_level"]
    built = attrs.evolve(built, meta=attrs.evolve(built.meta, agency_level=level))
    body = text(name)
    sixth = body[body.rfind("六、") :] if "六、" in body else ""
    return attrs.evolve(
        built,
        overview=gd.Overview(text=body),
        problems_improvements=gd.ProblemsImprovements(text="本年度存在的问题及改进措施。"),
        other_matters=gd.OtherMatters(text=sixth or "无。"),
    )
