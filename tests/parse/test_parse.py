"""parse and parse_file: the kind told by the content, and what a result says of its values."""

from __future__ import annotations

from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure._parse import ParseError, ParseWarning, parse, parse_file
from govdisclosure._parse.layout import Location
from govdisclosure.errors import UnknownPathError

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
QIJIANG = (CORPUS / "qijiang-psb-2023.txt").read_text("utf-8")
SHANGHAI = (CORPUS / "shanghai-bgt-2019.html").read_text("utf-8")


def test_auto_kind_detection() -> None:
    """Auto-detection tells HTML, Markdown and DOCX text apart by their content."""
    md = (CORPUS / "shanghai-kewei-2024.md").read_text("utf-8")
    assert parse(md).report == parse(md, kind="markdown").report
    assert parse(QIJIANG).report == parse(QIJIANG, kind="text").report
    assert parse(SHANGHAI).kind == "html"


def test_source_of_and_result_helpers() -> None:
    """source_of knows cells, meta and sections; unknown paths raise UnknownPathError."""
    result = parse_file(CORPUS / "shuyang-fgj-2023.html")
    assert result.source_of("meta.published_on").raw == "公开日期 2024-01-17"  # type: ignore[union-attr]
    assert result.source_of("meta.agency") is not None
    assert result.source_of("overview").raw == "一、总体情况"  # type: ignore[union-attr]
    fee = result.source_of("other_matters.information_fee_yuan")
    assert fee is not None
    assert "未发生收费" in fee.raw
    assert result.source_of("preface") is None
    assert result.source_of("applications.new_received.commercial_enterprise") is not None
    with pytest.raises(UnknownPathError):
        result.source_of("applications.new_received.totl")
    assert not result.ok
    warning = ParseWarning(code="blank-cell", message="空", location=Location(3))
    assert str(warning) == "[blank-cell] 空 (line 3)"
    assert str(ParseWarning(code="x", message="m")) == "[x] m"


_MD_REPORT = (
    "# 某某局2023年政府信息公开工作年度报告\n\n"
    "## 四、政府信息公开行政复议、行政诉讼情况\n\n"
    "| 行政复议 | 行政诉讼 |\n|---|---|\n| " + " | ".join(["0"] * 15) + " |\n"
)
_HTML_REPORT = (
    "<p>某某局2023年政府信息公开工作年度报告</p><p>四、政府信息公开行政复议、行政诉讼情况</p>"
    "<table><tr><td>行政复议</td><td>行政诉讼</td></tr>"
    "<tr>" + "<td>0</td>" * 15 + "</tr></table>"
)


@pytest.mark.parametrize(("text", "kind"), [(_MD_REPORT, "markdown"), (_HTML_REPORT, "html")])
def test_a_txt_file_is_read_by_its_content(tmp_path: Path, text: str, kind: str) -> None:
    """Markdown or HTML saved as .txt goes to the Markdown or HTML reader."""
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    result = parse_file(path)
    assert result.kind == kind
    assert result.report.cell("review_litigation.review.total") == 0


def test_a_stray_tag_in_crawler_text_leaves_it_text() -> None:
    """A ``<br>`` or a cited <…格式> in one-node-per-line text does not make it HTML."""
    text = (
        "标题: 某某局2021年度政府信息公开工作年度报告\n"
        "关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知<br>\n"
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n0\n"
    )
    assert parse(text).kind == "text"


@pytest.mark.parametrize(
    "text", ["\n" * 4000, " \n" * 20000, "|" * 20000, "-|" * 10000, "<p" * 50000, "#" * 100000]
)
def test_sniffing_is_linear(text: str) -> None:
    """Degenerate inputs are sniffed and rejected well under a second."""
    import time

    start = time.perf_counter()
    with pytest.raises(ParseError):
        parse(text)
    assert time.perf_counter() - start < 1.0


def test_warnings_say_in_chinese_which_cell() -> None:
    """A parse warning names its kind, the cell in the report's words, and the line."""
    from govdisclosure._parse.layout import Location
    from govdisclosure._parse.result import ParseWarning, WarningCode

    warning = ParseWarning(
        code=WarningCode.SKIPPED_VALUE,
        message="skipped",
        location=Location(10),
        path="proactive_disclosure.normative_documents.issued",
    )
    assert warning.message_zh == (
        "有数值无法确定读取或归位，已舍去：表二“行政规范性文件”行“本年制发件数”列（第 10 行）"
    )
    assert ParseWarning(code=WarningCode.DECODING, message="x").message_zh == "文件编码有误"


@pytest.mark.parametrize(
    ("shown", "value"),
    [("3 4", None), ("3¹", None), ("⑫", None), ("①", None), ("１２", 12), ("-5", -5)],
)
@pytest.mark.parametrize("kind", ["html", "markdown", "text"])
def test_a_cell_is_read_exactly_or_left_blank_with_a_warning(
    kind: str, shown: str, value: int | None
) -> None:
    """Through every text reader: a doubtful cell is None with a warning naming it.

    Two figures, superscript or circled digits are never a number; full-width digits are
    read exactly; a negative count reads as written, for ``validate`` to report.
    """
    import govdisclosure as gd

    path = "applications.new_received.natural_person"
    report = gd.examples.load("qijiang-psb-2023").with_cell(path, 7777)
    page = gd.render(report, kind)
    assert page.count("7777") == 1
    result = parse(page.replace("7777", shown), kind=kind)
    assert result.report.cell(path) == value
    if value is None:
        [warning] = [w for w in result.warnings if w.path == path]
        assert warning.code == "skipped-value"
        assert repr(shown) in warning.message
    else:
        assert not [w for w in result.warnings if w.path == path]
    if value == -5:
        errors = gd.validate(result.report).errors
        assert [v.paths for v in errors if v.rule_id == "CELL-NEGATIVE"] == [(path,)]


def test_text_longer_than_the_limit_is_refused() -> None:
    """A text past max_text_chars is a ParseError naming the limit, as text or as bytes."""
    limits = gd.ExcelLimits(max_text_chars=1000)
    with pytest.raises(gd.ParseError, match=r"2,000 characters, more than the limit of 1,000"):
        gd.parse("一" * 2000, limits=limits)
    with pytest.raises(gd.ParseError, match=r"5,000 bytes, more than the limit of 4,000 bytes"):
        gd.parse(b"x" * 5000, limits=limits)
    with pytest.raises(gd.ParseError, match="max_text_chars"):
        gd.parse("一" * (gd.ExcelLimits().max_text_chars + 1))


def test_parse_file_checks_the_size_before_reading(tmp_path: Path) -> None:
    """A file larger than its kind's limit is refused by its size, naming the limit."""
    page = tmp_path / "r.html"
    page.write_text("<p>" + "一" * 3000 + "</p>", encoding="utf-8")
    with pytest.raises(gd.ParseError, match="max_text_chars") as caught:
        gd.parse_file(page, limits=gd.ExcelLimits(max_text_chars=1000))
    assert caught.value.file == str(page)
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(5000))
    with pytest.raises(gd.ParseError, match=r"\(max_file_bytes\)"):
        gd.parse_file(pdf, limits=gd.ExcelLimits(max_file_bytes=1000))
    with pytest.raises(TypeError, match="limits must be ExcelLimits"):
        gd.parse_file(page, limits="x")  # type: ignore[arg-type]


def test_parse_file_counts_a_pdfs_pages_first() -> None:
    """A PDF of more pages than max_pages is refused before any page is read."""
    pytest.importorskip("pdfplumber")
    pdf = Path(__file__).parents[1] / "data" / "pdf" / "qijiang-psb-2023.pdf"
    with pytest.raises(gd.ParseError, match=r"more than 5 pages \(max_pages\)"):
        gd.parse_file(pdf, limits=gd.ExcelLimits(max_pages=5))
    assert gd.parse_file(pdf, limits=gd.ExcelLimits(max_pages=6)).report.meta.year == 2023
