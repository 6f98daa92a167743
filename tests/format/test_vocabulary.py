"""The format's vocabulary is declared once, and every reader and writer agrees on it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure._format import vocabulary

PATH = "applications.new_received.natural_person"
SENTINEL = 987654
#: The placeholders published reports use most; each must read as blank everywhere.
COMMON_PLACEHOLDERS = ("×", "—", "/", "-", "无", "／", "－")


def _report() -> gd.AnnualReport:
    return gd.examples.load("qijiang-psb-2023").with_cell(PATH, SENTINEL)


def _document(kind: str, placeholder: str) -> bytes | str:
    rendered = gd.render(_report(), kind=kind)  # type: ignore[call-overload]
    if kind != "docx":
        assert rendered.count(str(SENTINEL)) == 1
        return str(rendered).replace(str(SENTINEL), placeholder)
    docx = pytest.importorskip("docx")
    document = docx.Document(io.BytesIO(rendered))
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.text == str(SENTINEL):
                    cell.paragraphs[0].runs[0].text = placeholder
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("placeholder", COMMON_PLACEHOLDERS)
@pytest.mark.parametrize("kind", ["html", "markdown", "text", "docx"])
def test_placeholder_reads_as_blank_in_every_document(
    tmp_path: Path, kind: str, placeholder: str
) -> None:
    """A placeholder in a published document is a blank cell with a placeholder warning."""
    document = _document(kind, placeholder)
    if isinstance(document, bytes):
        target = tmp_path / "report.docx"
        target.write_bytes(document)
        result = gd.parse_file(target)
    else:
        result = gd.parse(document, kind=kind)
    assert result.report.cell(PATH) is None
    assert [w.code for w in result.warnings if w.path == PATH] == [gd.WarningCode.PLACEHOLDER]


@pytest.mark.parametrize("placeholder", COMMON_PLACEHOLDERS)
def test_placeholder_reads_as_blank_in_a_workbook(tmp_path: Path, placeholder: str) -> None:
    """The same placeholder in a workbook cell is a blank cell with a warning naming it."""
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "report.xlsx"
    gd.write_excel(_report(), target)
    sheet_name, address = gd.excel_cell(PATH).split("!")
    book = openpyxl.load_workbook(target)
    book[sheet_name][address] = placeholder
    book.save(target)
    result = gd.read_excel_with_warnings(target)
    assert result.report.cell(PATH) is None
    assert [w for w in result.warnings if w.startswith(f"{sheet_name}!{address}:")] == [
        f'{sheet_name}!{address}: "{placeholder}" read as blank'
    ]


@pytest.mark.parametrize("placeholder", sorted(vocabulary.PLACEHOLDERS))
def test_every_declared_placeholder_is_recognised(placeholder: str) -> None:
    """Each declared placeholder, with or without spaces around it, is a placeholder."""
    assert vocabulary.is_placeholder(placeholder)
    assert vocabulary.is_placeholder(f" {placeholder}\u3000")


@pytest.mark.parametrize("text", ["0", "1", "0.5", "无此项", "x1", ""])
def test_figures_and_words_are_not_placeholders(text: str) -> None:
    """Figures, words and the empty cell are not placeholders (an empty cell is blank)."""
    assert not vocabulary.is_placeholder(text)


LEVEL_SPELLINGS = {
    "department": gd.AgencyLevel.DEPARTMENT,
    "部门": gd.AgencyLevel.DEPARTMENT,
    "政府部门": gd.AgencyLevel.DEPARTMENT,
    "政府工作部门": gd.AgencyLevel.DEPARTMENT,
    "government": gd.AgencyLevel.GOVERNMENT,
    "政府": gd.AgencyLevel.GOVERNMENT,
    "人民政府": gd.AgencyLevel.GOVERNMENT,
    "地方人民政府": gd.AgencyLevel.GOVERNMENT,
}


@pytest.mark.parametrize(("spelling", "level"), LEVEL_SPELLINGS.items())
def test_blank_accepts_every_level_spelling_the_readers_accept(
    spelling: str, level: gd.AgencyLevel
) -> None:
    """AnnualReport.blank takes every agency-level spelling the readers read."""
    assert vocabulary.agency_level(spelling) is level
    report = gd.AnnualReport.blank(agency="某局", year=2024, agency_level=spelling)
    assert report.meta.agency_level is level


@pytest.mark.parametrize("level", list(gd.AgencyLevel))
def test_level_names_read_back_from_workbooks(tmp_path: Path, level: gd.AgencyLevel) -> None:
    """The level a workbook writes is the one every reader reads."""
    report = gd.AnnualReport.blank(agency="某局", year=2024, agency_level=level)
    target = tmp_path / "r.xlsx"
    gd.write_excel(report, target)
    assert gd.read_excel(target).meta.agency_level is level
    assert vocabulary.agency_level(vocabulary.LEVEL_NAMES[level]) is level


@pytest.mark.parametrize("level", list(gd.AgencyLevel))
def test_statutory_level_names_are_read_as_their_level(level: gd.AgencyLevel) -> None:
    """The names the deadline messages quote from the law are spellings the readers read."""
    assert vocabulary.agency_level(vocabulary.STATUTORY_LEVEL_NAMES[level]) is level


def test_unknown_level_is_refused_with_the_spellings() -> None:
    """A level no reader reads is refused, naming what is accepted."""
    with pytest.raises(gd.InvalidReportError, match="政府部门 / 人民政府"):
        gd.AnnualReport.blank(agency="某局", year=2024, agency_level="县委")


def test_headings_are_the_format_declarations() -> None:
    """The section headings of the format declarations are the vocabulary's."""
    for version in gd.FormatVersion:
        spec = gd._format.format_spec(version) if False else None
        del spec
    from govdisclosure import _format

    for version in gd.FormatVersion:
        sections = _format.format_spec(version).sections
        assert {s.id: s.heading for s in sections} == vocabulary.HEADINGS
        assert tuple(s.id for s in sections) == vocabulary.SECTION_IDS


def test_file_kinds_have_unique_suffixes() -> None:
    """No suffix names two kinds; every suffix is lower case with a dot."""
    all_suffixes = vocabulary.suffixes()
    assert len(all_suffixes) == len(set(all_suffixes))
    assert all(s.startswith(".") and s == s.lower() for s in all_suffixes)


def test_version_signals_detect_each_format() -> None:
    """The declared labels of each version's table 2 tell that version."""
    from govdisclosure._format import format_spec

    for version in gd.FormatVersion:
        table2 = format_spec(version).tables[0]
        labels = {vocabulary.normalise(label) for row in table2.rows for c in row.columns
                  for label in (*row.labels, *c.labels)}  # fmt: skip
        text = "".join(labels)

        def has(signal: str, text: str = text) -> bool:
            return vocabulary.normalise(signal) in text

        assert vocabulary.detect_version(has) is version


@pytest.mark.parametrize(
    ("line", "footer"),
    [
        ("  - 3 -  ", True),
        ("第 2 页 共 6 页", True),
        ("第2页，共6页", True),
        ("第2页 / 共6页", True),
        ("12 / 30", True),
        ("第2页共", False),
        ("3 件", False),
        ("第" + " " * 70 + "1页", False),
    ],
)
def test_page_footers(line: str, footer: bool) -> None:
    """Page numbers in their usual forms; a line longer than a page number is text."""
    assert vocabulary.is_page_footer(line) is footer


@pytest.mark.parametrize(
    "line", ["第1页" + " " * 200_000 + "x", "第1页" + " " * 200_000 + "共", " " * 200_000 + "第"]
)
def test_page_footer_test_is_linear(line: str) -> None:
    """A line padded with spaces is told apart at once.

    Timed with a generous bound: the old pattern's runs of spaces overlapped (minutes
    here); the test strips the line and looks at short lines only.
    """
    import time

    start = time.perf_counter()
    assert not vocabulary.is_page_footer(line)
    assert time.perf_counter() - start < 1.0


def test_normalise_remembers_short_labels_within_a_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """Short labels are remembered (up to a bound, then forgotten); long text never is."""
    monkeypatch.setattr(vocabulary, "_NORMALISED", {})
    monkeypatch.setattr(vocabulary, "_MEMO_SIZE", 3)
    assert vocabulary.normalise("（一） 予以公开") == "（一）予以公开"
    assert vocabulary._NORMALISED == {"（一） 予以公开": "（一）予以公开"}
    assert vocabulary.normalise("本机关" * 40) == "本机关" * 40
    for label in ("a", "b", "c", "d"):
        vocabulary.normalise(label)
    assert len(vocabulary._NORMALISED) <= 3
    assert vocabulary.normalise("(二)部分公开") == "（二）部分公开"
