"""The rendered sample as a reader sees it: HTML printed by Chromium, DOCX by LibreOffice.

These tests convert the bundled sample with the real programs and read the PDF back with
pdfplumber. They run only where the programs are installed (see docs/rendering.md:
``apt-get install chromium libreoffice-writer-nogui fonts-noto-cjk``) and are skipped
elsewhere.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure._render import render

SAMPLE = gd.examples.load("qijiang-psb-2023")
A4 = (595.3, 841.9)
LABELS = ("第二十条第（一）项", "申请人情况", "本年新收政府信息公开申请数量", "复议后起诉")


def _program(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(f"{' or '.join(names)} is not installed")
    raise AssertionError  # pragma: no cover - skip raises


def _pdf_pages(path: Path) -> list[tuple[float, float, str]]:
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(path) as pdf:
        return [(p.width, p.height, p.extract_text() or "") for p in pdf.pages]


def _squeeze(text: str) -> str:
    # PDF text extraction may give Kangxi radicals (⼯ U+2F2F) for ideographs (工); NFKC
    # maps them back.
    return "".join(unicodedata.normalize("NFKC", text).split())


def _check(pages: list[tuple[float, float, str]]) -> str:
    assert len(pages) >= 3
    for width, height, _ in pages:
        assert (width, height) == pytest.approx(A4, abs=1.5)
    text = _squeeze("".join(text for _, _, text in pages))
    assert _squeeze(SAMPLE.meta.display_title) in text
    for label in LABELS:
        assert _squeeze(label) in text
    assert "147362" in text
    return text


def test_html_prints_as_an_a4_report(tmp_path: Path) -> None:
    """Chromium prints the page on A4 with the title, the table labels and the figures."""
    chromium = _program("chromium", "chromium-browser", "google-chrome")
    page = tmp_path / "report.html"
    page.write_text(render(SAMPLE, "html"), "utf-8")
    pdf = tmp_path / "report.pdf"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    _check(_pdf_pages(pdf))


def test_docx_converts_to_an_a4_report_with_page_numbers(tmp_path: Path) -> None:
    """LibreOffice lays the Word file out on A4 pages numbered — 1 —, — 2 — and so on."""
    soffice = _program("soffice", "libreoffice")
    document = tmp_path / "report.docx"
    document.write_bytes(render(SAMPLE, "docx"))
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(document),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pages = _pdf_pages(tmp_path / "report.pdf")
    text = _check(pages)
    assert "—1—" in text
    assert f"—{len(pages)}—" in _squeeze(pages[-1][2])
