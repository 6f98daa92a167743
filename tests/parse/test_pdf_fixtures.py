"""The committed real PDFs (tests/data/pdf): every cell exact or blank with a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

import govdisclosure as gd
from corpus_reports import audit, truth

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


def _truth(name: str | None) -> gd.AnnualReport:
    return gd.examples.load("qijiang-psb-2023") if name is None else truth(name)


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_no_value_is_silently_wrong(fixture: str, capfd: pytest.CaptureFixture[str]) -> None:
    """Each cell is exact, or blank with a warning; the year and agency are right."""
    source, exact = FIXTURES[fixture]
    checked = audit(gd.parse_file(DATA / "pdf" / fixture), _truth(source))
    assert checked.wrong == []
    assert checked.exact >= exact
    assert checked.meta == ()
    # pdfminer's notes on the fonts (Could not get FontBBox…) stay off the terminal.
    assert "FontBBox" not in capfd.readouterr().err


def test_radicals_read_as_ideographs() -> None:
    """PDF fonts that map 一 to the radical ⼀ (U+2F00) or 民 to ⺠ read as the ideographs."""
    from govdisclosure._parse.readers.pdf import RADICALS

    assert "上海市人⺠政府办公厅 ⼀是".translate(RADICALS) == "上海市人民政府办公厅 一是"
    text = gd.parse_file(DATA / "pdf" / "shanghai-bgt-2019.pdf").report.problems_improvements.text
    assert "⼀" not in text
    assert "一是" in text
