"""The rendered sample as a reader sees it: HTML printed by Chromium, DOCX by LibreOffice.

These tests convert the bundled sample with the real programs, read the PDF back with
pdfplumber and look at its pages as images (pdftoppm). They run only where the programs are
installed (see docs/rendering.md: ``apt-get install chromium libreoffice-writer-nogui
fonts-noto-cjk poppler-utils``) and are skipped elsewhere.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import unicodedata
from pathlib import Path

import attrs
import pytest

import govdisclosure as gd
from govdisclosure._render import render

SAMPLE = gd.examples.load("qijiang-psb-2023")
PUBLISHED = attrs.evolve(SAMPLE, meta=attrs.evolve(SAMPLE.meta, published_on=dt.date(2024, 1, 26)))
#: The labels of the metadata table the renderers once printed at the end.
METADATA = ("报告信息", "发布机构", "报告年度", "单位层级", "发布日期")
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
    assert not any(label in text for label in METADATA)
    assert text.rstrip("—0123456789").endswith(_squeeze("无。重庆市綦江区公安局"))  # signed
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


def _docx_pdf(report: gd.AnnualReport, folder: Path) -> Path:
    """The report's Word file as LibreOffice prints it to PDF."""
    soffice = _program("soffice", "libreoffice")
    document = folder / "report.docx"
    document.write_bytes(render(report, "docx"))
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(document),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return folder / "report.pdf"


def test_docx_converts_to_an_a4_report_with_page_numbers(tmp_path: Path) -> None:
    """LibreOffice lays the Word file out on A4 pages numbered — 1 —, — 2 — and so on."""
    pages = _pdf_pages(_docx_pdf(SAMPLE, tmp_path))
    text = _check(pages)
    assert "—1—" in text
    assert f"—{len(pages)}—" in _squeeze(pages[-1][2])


def test_docx_prints_as_published_with_the_signature_on_its_last_page(tmp_path: Path) -> None:
    """The printed Word file is what an agency publishes, page by page.

    The title stands on two balanced lines broken between words; 表二 is on one page; no
    metadata table anywhere; the last page ends with section 六 and the signature, the
    agency's name over 2024年1月26日, set to the right, and the picture of that page shows
    them there.
    """
    pdfplumber = pytest.importorskip("pdfplumber")
    pdf_path = _docx_pdf(PUBLISHED, tmp_path)
    with pdfplumber.open(pdf_path) as pdf:
        width = pdf.pages[0].width
        lines = [
            [(line["text"], line["x0"], line["top"]) for line in page.extract_text_lines()]
            for page in pdf.pages
        ]
    texts = [[_squeeze(text) for text, _, _ in page] for page in lines]
    assert texts[0][:2] == ["重庆市綦江区公安局2023年", "政府信息公开工作年度报告"]
    for page in texts:
        assert not any(line.startswith(METADATA) for line in page), page
    table2 = ("第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "行政事业性收费")
    labels = tuple(map(_squeeze, table2))
    pages_of_table2 = {
        n for n, page in enumerate(texts) for line in page if line.startswith(labels)
    }
    assert len(pages_of_table2) == 1
    last = [line for line in lines[-1] if not _squeeze(line[0]).startswith("—")]
    (name, name_x, name_top), (date, date_x, date_top) = last[-2:]
    assert (_squeeze(name), _squeeze(date)) == ("重庆市綦江区公安局", "2024年1月26日")
    assert name_x > width / 2
    assert date_x > name_x
    assert date_top > name_top
    assert _squeeze(last[-3][0]) == "无。"
    _ink_at(pdf_path, len(lines), (name_x, name_top), width)


def _ink_at(pdf: Path, page: int, where: tuple[float, float], width: float) -> None:
    """The page's picture has print where the signature's text is, and none at its left."""
    pdftoppm = _program("pdftoppm")
    image_module = pytest.importorskip("PIL.Image")
    subprocess.run(
        [
            pdftoppm,
            "-r",
            "40",
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            str(pdf),
            str(pdf.parent / "page"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    [png] = sorted(pdf.parent.glob("page*.png"))
    with image_module.open(png) as picture:
        gray = picture.convert("L")
        scale = gray.width / width
        x, top = (round(v * scale) for v in where)
        box = gray.crop((x, top, x + round(80 * scale), top + round(16 * scale)))
        left = gray.crop((0, top, x - round(20 * scale), top + round(16 * scale)))
        assert box.getextrema()[0] < 128  # dark: the agency's name is printed there
        assert left.getextrema()[0] > 200  # the line is blank to its left
