"""Real web pages saved as text the ways crawlers save them: never a wrong value.

Each page of the corpus (tests/data/corpus/*.html) is turned into text as crawlers do:
one text node per line (sanming's crawler), with every node equal to the one before it
dropped (putian's), the nodes joined by spaces (a page saved as one line), and the nodes
run together (a flattened page); and as a browser copies a page (select all, copy): a
block a line, a table row's cells parted by tabs, a paragraph inside a cell a line. The
pages have blank cells, which a crawler drops with the tags: a row ``26`` ``26`` has lost
five blank cells, and a merged run ``0`` may stand for blanks too. Every cell must read
exact, or blank with a warning naming it, and the year, agency and format version must be
right.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import family_text as ft
from corpus_reports import CORPUS, audit, truth
from govdisclosure._parse import parse


def _nodes(name: str) -> list[str]:
    return ft.text_nodes((CORPUS / f"{name}.html").read_text("utf-8"))


SAVED: dict[str, Callable[[list[str]], str]] = {
    "one node per line": "\n".join,
    "equal nodes dropped": lambda nodes: "\n".join(ft.drop_equal_neighbours(nodes)),
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


@pytest.mark.parametrize(("page", "saved"), sorted(EXACT))
def test_exact_or_blank_with_a_warning(page: str, saved: str) -> None:
    html = (CORPUS / f"{page}.html").read_text("utf-8")
    text = ft.copied_text(html) if saved == "copied" else SAVED[saved](ft.text_nodes(html))
    checked = audit(parse(text, "text"), truth(page))
    assert checked.wrong == []
    assert checked.meta == ()
    assert checked.exact >= EXACT[page, saved]


def test_a_merged_run_may_hide_blank_cells() -> None:
    """Where a row shows that blank cells were dropped, merged runs are not read as zeros."""
    result = parse(SAVED["equal nodes dropped"](_nodes("shuyang-fgj-2023")), "text")
    path = "applications.carried_over.commercial_enterprise"  # blank on the page
    assert result.report.cell(path) is None
    assert any("left blank" in w.message for w in result.warnings_for(path))
