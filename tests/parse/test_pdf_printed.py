"""Reports of several forms printed to PDF now (Chromium, LibreOffice) and read back.

Beyond the committed fixtures: the corpus truths, rendered as a web page and a Word file and
printed by the two programs agencies' PDFs come from, must read back exact (a browser's page
background, a table split over pages, a table printed in pieces), never silently wrong.
Skipped where Chromium or LibreOffice is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import govdisclosure as gd
from corpus_reports import report

pytest.importorskip("pdfplumber")
NAMES = ("huaian-2024", "shanghai-kewei-2024", "shanghai-bgt-2019", "sanming-2022")


def _program(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(f"{' or '.join(names)} is not installed")
    raise AssertionError  # pragma: no cover - skip raises


def _figures_only(name: str) -> gd.AnnualReport:
    """The truth's cells and facts, without the document text the rule tests carry."""
    full = report(name)
    meta = full.meta
    blank = gd.AnnualReport.blank(
        agency=meta.agency,
        year=meta.year,
        format_version=meta.format_version,
        agency_level=meta.agency_level,
    )
    return blank.with_cells(dict(full.cells()))


def _check(pdf: Path, truth: gd.AnnualReport) -> None:
    result = gd.parse_file(pdf)
    got = dict(result.report.cells())
    expected = dict(truth.cells())
    wrong = {p: (v, got[p]) for p, v in expected.items() if got.get(p) is not None and got[p] != v}
    assert wrong == {}
    assert sum(1 for p, v in expected.items() if got.get(p) == v) == len(expected)
    assert result.report.meta.year == truth.meta.year


@pytest.mark.parametrize("name", NAMES)
def test_a_browser_print_reads_back(name: str, tmp_path: Path) -> None:
    chromium = _program("chromium", "chromium-browser", "google-chrome")
    truth = _figures_only(name)
    page = tmp_path / "report.html"
    page.write_text(gd.render(truth, kind="html"), "utf-8")
    pdf = tmp_path / "report.pdf"
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", page.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )  # fmt: skip
    _check(pdf, truth)


@pytest.mark.parametrize("name", NAMES[:2])
def test_a_word_processor_print_reads_back(name: str, tmp_path: Path) -> None:
    soffice = _program("soffice", "libreoffice")
    truth = _figures_only(name)
    document = tmp_path / "report.docx"
    gd.dump(truth, document)
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(document)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    _check(tmp_path / "report.pdf", truth)
