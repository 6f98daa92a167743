"""The committed real PDFs (tests/data/pdf): every cell exact or blank with a warning."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import govdisclosure as gd

pytest.importorskip("pdfplumber")

DATA = Path(__file__).parents[1] / "data"
#: Each fixture, the report it was printed from, and how many cells it reads exactly now.
FIXTURES = {
    "qijiang-psb-2023.pdf": (None, 200),
    "qijiang-psb-2023-web.pdf": (None, 200),
    "shuyang-fgj-2023.pdf": ("shuyang-fgj-2023", 200),
    # Chromium leaves the ruling off table 3's 总计 column: its words stand outside the table.
    "shanghai-bgt-2019.pdf": ("shanghai-bgt-2019", 198),
}


def _truth(name: str | None) -> tuple[dict[str, Any], dict[str, Any]]:
    if name is None:
        report = gd.examples.load("qijiang-psb-2023")
        return dict(report.cells()), {"agency": report.meta.agency, "year": report.meta.year}
    data = json.loads((DATA / "corpus" / f"{name}.expected.json").read_text("utf-8"))
    return data["cells"], data["meta"]


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_no_value_is_silently_wrong(fixture: str, capfd: pytest.CaptureFixture[str]) -> None:
    """Each cell is exact, or blank with a warning; the year and agency are right."""
    source, exact = FIXTURES[fixture]
    truth, meta = _truth(source)
    result = gd.parse_file(DATA / "pdf" / fixture)
    got = dict(result.report.cells())
    wrong = {
        p: (v, got[p]) for p, v in truth.items() if got.get(p) is not None and str(got[p]) != str(v)
    }
    assert wrong == {}
    assert sum(1 for p, v in truth.items() if str(got.get(p)) == str(v)) >= exact
    assert result.report.meta.year == meta["year"]
    assert result.report.meta.agency == meta["agency"]
    # pdfminer's notes on the fonts (Could not get FontBBox…) stay off the terminal.
    assert "FontBBox" not in capfd.readouterr().err


def test_radicals_read_as_ideographs() -> None:
    """PDF fonts that map 一 to the radical ⼀ (U+2F00) or 民 to ⺠ read as the ideographs."""
    from govdisclosure._parse.readers.pdf import RADICALS

    assert "上海市人⺠政府办公厅 ⼀是".translate(RADICALS) == "上海市人民政府办公厅 一是"
    text = gd.parse_file(DATA / "pdf" / "shanghai-bgt-2019.pdf").report.problems_improvements.text
    assert "⼀" not in text
    assert "一是" in text
