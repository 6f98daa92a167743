"""A real PDF, made by LibreOffice from the Word rendering, read back through pdfplumber."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import govdisclosure as gd

pytest.importorskip("pdfplumber")
pytest.importorskip("docx")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample report as a PDF, converted by LibreOffice from our .docx."""
    folder = tmp_path_factory.mktemp("pdf")
    gd.dump(gd.examples.load("qijiang-psb-2023"), folder / "sample.docx")
    subprocess.run(
        [str(SOFFICE), "--headless", "--convert-to", "pdf", "--outdir", str(folder),
         str(folder / "sample.docx")],
        check=True,
        capture_output=True,
        timeout=180,
    )  # fmt: skip
    return folder / "sample.pdf"


def test_every_cell_of_a_real_pdf(sample_pdf: Path) -> None:
    """All 200 cells of the PDF's tables are read right, with no warning."""
    result = gd.parse_file(sample_pdf)
    assert dict(result.report.cells()) == dict(gd.examples.load("qijiang-psb-2023").cells())
    assert result.warnings == ()


def test_wrapped_title_of_a_real_pdf(sample_pdf: Path) -> None:
    """The title, wrapped over two lines, names the agency; a notice cited later does not."""
    meta = gd.parse_file(sample_pdf).report.meta
    assert meta.agency == "重庆市綦江区公安局"
    assert meta.year == 2023
    assert meta.title == "重庆市綦江区公安局2023年政府信息公开工作年度报告"
