"""Real web pages saved as text the ways crawlers save them: never a wrong value.

Each page of the corpus (tests/data/corpus/*.html) is turned into text as crawlers do:
one text node per line (sanming's crawler), with every node equal to the one before it
dropped (putian's), the nodes joined by spaces (a page saved as one line), and the nodes
run together (a flattened page); and as a browser copies a page (select all, copy): a
block a line, a table row's cells parted by tabs, a paragraph inside a cell a line. The
pages have blank cells, which a crawler drops with the tags: a row ``26`` ``26`` has lost
five blank cells, and a merged run ``0`` may stand for blanks too. Every cell must read
exact, or blank with a warning naming it, and the year and the agency must be right.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from govdisclosure._parse import parse

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
PAGES = ("shuyang-fgj-2023", "shanghai-bgt-2019")


class _Nodes(HTMLParser):
    """The page's text nodes, stripped, without scripts and styles."""

    def __init__(self) -> None:
        super().__init__()
        self.nodes: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.nodes.append(data.strip())


def _nodes(name: str) -> list[str]:
    parser = _Nodes()
    parser.feed((CORPUS / f"{name}.html").read_text("utf-8"))
    return parser.nodes


class _Copied(HTMLParser):
    """The page as a browser copies it: blocks end lines, a row's cells parted by tabs."""

    _BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "li", "br", "tr", "table"})

    def __init__(self) -> None:
        super().__init__()
        self.lines = [""]
        self._hidden = 0
        self._first_cell = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in ("script", "style", "head")
        if tag in ("td", "th"):
            if not self._first_cell:
                self.lines[-1] += "\t"
            self._first_cell = False
        elif tag in self._BLOCKS:
            if tag == "tr":
                self._first_cell = True
            self._break()

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("script", "style", "head")
        if tag in self._BLOCKS:
            self._break()

    def _break(self) -> None:
        if self.lines[-1]:
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.lines[-1] += " ".join(data.split())


def _copied(name: str) -> str:
    parser = _Copied()
    parser.feed((CORPUS / f"{name}.html").read_text("utf-8"))
    return "\n".join(parser.lines)


def _dropped(nodes: list[str]) -> list[str]:
    kept: list[str] = []
    for node in nodes:
        if not kept or kept[-1] != node:
            kept.append(node)
    return kept


SAVED: dict[str, Callable[[list[str]], str]] = {
    "one node per line": "\n".join,
    "equal nodes dropped": lambda nodes: "\n".join(_dropped(nodes)),
    "one line, spaces": " ".join,
    "run together": "".join,
}
#: How many cells each reads exactly now (blank cells dropped leave rows ambiguous).
EXACT = {
    ("shuyang-fgj-2023", "one node per line"): 150,
    ("shuyang-fgj-2023", "equal nodes dropped"): 146,
    ("shuyang-fgj-2023", "one line, spaces"): 141,
    ("shuyang-fgj-2023", "run together"): 147,
    ("shanghai-bgt-2019", "one node per line"): 157,
    ("shanghai-bgt-2019", "equal nodes dropped"): 141,
    ("shanghai-bgt-2019", "one line, spaces"): 157,
    ("shanghai-bgt-2019", "run together"): 135,
    ("shuyang-fgj-2023", "copied"): 150,
    ("shanghai-bgt-2019", "copied"): 157,
}


def _truth(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    data = json.loads((CORPUS / f"{name}.expected.json").read_text("utf-8"))
    cells = {p: Decimal(v) if isinstance(v, str) else v for p, v in data["cells"].items()}
    return cells, data["meta"]


@pytest.mark.parametrize(("page", "saved"), sorted(EXACT))
def test_exact_or_blank_with_a_warning(page: str, saved: str) -> None:
    truth, meta = _truth(page)
    text = _copied(page) if saved == "copied" else SAVED[saved](_nodes(page))
    result = parse(text, "text")
    warned = {w.path for w in result.warnings}
    got = dict(result.report.cells())
    wrong = {
        path: (want, got[path])
        for path, want in truth.items()
        if got[path] != want and (got[path] is not None or path not in warned)
    }
    assert wrong == {}
    assert sum(1 for path, want in truth.items() if got[path] == want) >= EXACT[page, saved]
    assert (result.report.meta.year, result.report.meta.agency) == (meta["year"], meta["agency"])


def test_a_merged_run_may_hide_blank_cells() -> None:
    """Where a row shows that blank cells were dropped, merged runs are not read as zeros."""
    result = parse(SAVED["equal nodes dropped"](_nodes("shuyang-fgj-2023")), "text")
    path = "applications.carried_over.commercial_enterprise"  # blank on the page
    assert result.report.cell(path) is None
    assert any("left blank" in w.message for w in result.warnings_for(path))
