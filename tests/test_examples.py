"""Tests of the bundled sample report against the published document it transcribes."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

import govdisclosure as gd

NAME = "qijiang-psb-2023"


@pytest.fixture(scope="module")
def source(data_dir: Path) -> str:
    """The published text, without the DOCX bookmark artefacts."""
    text = (data_dir / "corpus" / f"{NAME}.txt").read_text(encoding="utf-8")
    return re.sub(r"\[bookmark: [^\]]*\]", "", text)


@pytest.fixture(scope="module")
def expected(data_dir: Path) -> dict[str, object]:
    """The hand-checked values of the report."""
    data: dict[str, object] = json.loads(
        (data_dir / "corpus" / f"{NAME}.expected.json").read_text(encoding="utf-8")
    )
    return data


@pytest.fixture(scope="module")
def data_dir() -> Path:
    """The test data folder (module scope for the fixtures above)."""
    return Path(__file__).parent / "data"


def test_names() -> None:
    """The sample is listed."""
    assert gd.examples.names() == (NAME,)


def test_every_cell_equals_expected(expected: dict[str, object]) -> None:
    """Every cell of the sample holds the value of its .expected.json."""
    report = gd.examples.load(NAME)
    cells = expected["cells"]
    assert isinstance(cells, dict)
    actual = dict(report.cells())
    wanted = {path: Decimal(v) if isinstance(v, str) else v for path, v in cells.items()}
    assert actual == wanted


def test_meta_equals_expected(expected: dict[str, object]) -> None:
    """Agency, year, format and level are those of the report."""
    meta = gd.examples.load(NAME).meta
    assert expected["meta"] == {
        "agency": meta.agency,
        "year": meta.year,
        "format_version": meta.format_version.value,
        "agency_level": meta.agency_level.value if meta.agency_level else None,
    }
    assert meta.published_on is None


def test_text_sections_are_verbatim(source: str) -> None:
    """Preface, every text section and the table note appear verbatim in the source."""
    report = gd.examples.load(NAME)
    texts = [
        report.preface or "",
        report.overview.text,
        report.problems_improvements.text,
        report.other_matters.text,
        *report.proactive_disclosure.notes,
    ]
    for text in texts:
        assert text
        for line in text.split("\n"):
            assert line in source, line
    assert report.other_matters.text == "无。"
    assert report.problems_improvements.heading == "五、当前存在的主要问题及下步改进措施"
    assert f"备注：{report.proactive_disclosure.notes[0]}" in source


def test_overview_subsections(source: str) -> None:
    """The overview has the report's five subsections with their titles."""
    subsections = gd.examples.load(NAME).overview.subsections
    assert [s.title for s in subsections] == [
        "主动公开方面",
        "依申请公开方面",
        "政府信息管理方面",
        "政府信息公开平台建设方面",
        "监督保障方面",
    ]
    assert subsections[1].text == (
        "2023年，区公安局受理政府信息依申请公开1条，因政府信息公开的行政复议0件，"
        "因政府信息公开的行政诉讼0件。"
    )


def test_path_points_at_the_json_file() -> None:
    """path() gives the sample's JSON file, which load() also reads."""
    assert gd.load(gd.examples.path(NAME)) == gd.examples.load(NAME)


def test_unknown_example() -> None:
    """An unknown name lists the available samples."""
    with pytest.raises(gd.GovDisclosureError, match=NAME):
        gd.examples.load("nope")
    with pytest.raises(LookupError):
        gd.examples.path("nope")
