"""Text that tools extract from real PDFs (tests/data/pdftext): never a wrong value.

Each fixture is the text poppler's pdftotext (in one of its three modes), pdfplumber or
pdfminer.six makes of a PDF of tests/data/pdf. Every cell must read exact, or blank with a
warning naming it; the year, the agency and the format version must be right; and at least
as many cells as now must read exact.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import govdisclosure as gd
from corpus_reports import audit, truth

DATA = Path(__file__).parents[1] / "data"
#: Each PDF, the report it was printed from (None: the bundled sample).
PDFS = {
    "qijiang-psb-2023": None,
    "qijiang-psb-2023-web": None,
    "shuyang-fgj-2023": "shuyang-fgj-2023",
    "shanghai-bgt-2019": "shanghai-bgt-2019",
}
#: How many cells each fixture reads exactly now. Where fewer, the text does not tell:
#: shuyang's five 法人 columns are blank, so ``26 26`` may stand in any two of seven
#: columns; shanghai's 总计 column is blank the same way; pdftotext's reading order
#: gathers a page of the word-processor PDF's table 3 at the page's end, and pdfminer
#: writes a table's cells a text box at a time, column by column.
EXACT = {
    "qijiang-psb-2023": 24,
    "qijiang-psb-2023-layout": 200,
    "qijiang-psb-2023-raw": 200,
    "qijiang-psb-2023-plumber": 200,
    "qijiang-psb-2023-plumber-layout": 200,
    "qijiang-psb-2023-pdfminer": 23,
    "qijiang-psb-2023-web": 190,
    "qijiang-psb-2023-web-layout": 200,
    "qijiang-psb-2023-web-raw": 200,
    "qijiang-psb-2023-web-plumber": 200,
    "qijiang-psb-2023-web-plumber-layout": 200,
    "qijiang-psb-2023-web-pdfminer": 16,
    "shuyang-fgj-2023": 135,
    "shuyang-fgj-2023-layout": 150,
    "shuyang-fgj-2023-raw": 150,
    "shuyang-fgj-2023-plumber": 150,
    "shuyang-fgj-2023-plumber-layout": 150,
    "shuyang-fgj-2023-pdfminer": 127,
    "shanghai-bgt-2019": 155,
    "shanghai-bgt-2019-layout": 157,
    "shanghai-bgt-2019-raw": 157,
    "shanghai-bgt-2019-plumber": 157,
    "shanghai-bgt-2019-plumber-layout": 157,
    "shanghai-bgt-2019-pdfminer": 135,
}


def _truth(name: str | None) -> gd.AnnualReport:
    return gd.examples.load("qijiang-psb-2023") if name is None else truth(name)


def test_every_fixture_is_listed() -> None:
    assert sorted(p.stem for p in (DATA / "pdftext").glob("*.txt")) == sorted(EXACT)


@pytest.mark.parametrize("fixture", sorted(EXACT))
def test_exact_or_blank_with_a_warning(fixture: str) -> None:
    pdf = next(name for name in sorted(PDFS, key=len, reverse=True) if fixture.startswith(name))
    checked = audit(gd.parse_file(DATA / "pdftext" / f"{fixture}.txt"), _truth(PDFS[pdf]))
    assert checked.wrong == []
    assert checked.meta == ()
    assert checked.exact >= EXACT[fixture]
