"""A real PDF, made by LibreOffice from the Word rendering, read back through pdfplumber."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import attrs
import pytest

import govdisclosure as gd

pytest.importorskip("pdfplumber")
pytest.importorskip("docx")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


SAMPLE = gd.examples.load("qijiang-psb-2023")
PUBLISHED = attrs.evolve(SAMPLE, meta=attrs.evolve(SAMPLE.meta, published_on=dt.date(2024, 1, 26)))


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample report, published 2024-01-26, as a PDF LibreOffice made from our .docx."""
    folder = tmp_path_factory.mktemp("pdf")
    gd.dump(PUBLISHED, folder / "sample.docx")
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(folder / "sample.docx")],
        check=True,
        capture_output=True,
        timeout=180,
    )  # fmt: skip
    return folder / "sample.pdf"


def test_every_cell_of_a_real_pdf(sample_pdf: Path) -> None:
    """All 200 cells of the PDF's tables are read right, with no warning."""
    result = gd.parse_file(sample_pdf)
    assert dict(result.report.cells()) == dict(SAMPLE.cells())
    assert result.warnings == ()


def test_wrapped_title_of_a_real_pdf(sample_pdf: Path) -> None:
    """The title, wrapped over two lines, names the agency; a notice cited later does not."""
    meta = gd.parse_file(sample_pdf).report.meta
    assert meta.agency == "重庆市綦江区公安局"
    assert meta.year == 2023
    assert meta.title == "重庆市綦江区公安局2023年政府信息公开工作年度报告"


def test_signature_of_a_real_pdf(sample_pdf: Path) -> None:
    """The signature (落款) read back from the PDF is no text of section 六.

    Its date is the publication date; section 六 keeps only its own text.
    """
    report = gd.parse_file(sample_pdf).report
    assert report.other_matters == SAMPLE.other_matters
    assert report.meta.published_on == dt.date(2024, 1, 26)
    assert report.meta.agency == "重庆市綦江区公安局"


def test_a_preface_citing_the_notice_survives_the_pdf(tmp_path: Path) -> None:
    """A preface citing the 通知 on compiling the report (it reads like a title) is kept.

    It is kept whole, and nothing of the report's facts lands in section 六.
    """
    import attrs

    notice = (
        "根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于做好"
        "2023年度政府信息公开工作年度报告编制发布工作的通知》要求，编制本报告。"
    )
    report = attrs.evolve(gd.examples.load("qijiang-psb-2023"), preface=notice)
    gd.dump(report, tmp_path / "r.docx")
    subprocess.run(
        [str(SOFFICE), "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
         str(tmp_path / "r.docx")],
        check=True,
        capture_output=True,
        timeout=180,
    )  # fmt: skip
    back = gd.parse_file(tmp_path / "r.pdf")
    # LibreOffice sets a space between Chinese and digits, which the PDF's text keeps.
    assert "".join(back.report.preface.split()) == notice
    assert back.report.other_matters.text == report.other_matters.text
    assert back.report.meta.title == report.meta.display_title
