"""Robustness: junk, partial and odd input ends in warnings or ParseError, quickly."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure._archive import ExcelLimits
from govdisclosure._parse import (
    ParseError,
    WarningCode,
    load_report,
    parse,
    parse_file,
)
from govdisclosure.errors import GovDisclosureError, UnsupportedFormatError

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
SHUYANG = (CORPUS / "shuyang-fgj-2023.html").read_text("utf-8")
QIJIANG = (CORPUS / "qijiang-psb-2023.txt").read_text("utf-8")

_TITLE = "<p>某某县某某局2023年政府信息公开工作年度报告</p>"
_T4_HEAD = (
    "<p>四、政府信息公开行政复议、行政诉讼情况</p><table>"
    "<tr><td colspan=5>行政复议</td><td colspan=10>行    政    诉    讼</td></tr>"
)


def _t4(values: list[str]) -> str:
    return _T4_HEAD + "<tr>" + "".join(f"<td>{v}</td>" for v in values) + "</tr></table>"


@pytest.mark.parametrize(
    "junk",
    [
        b"",
        b"\x00\x01\x02\xff" * 100,
        bytes(random.Random(7).getrandbits(8) for _ in range(5000)),
        "<html><body><p>天气预报：明天晴。</p></body></html>",
        "<table><tr><td>1</td><td>2",
        "😀" * 1000,
        "一、总体情况\n没有年份的报告。",
        "1999年某局政府信息公开工作年度报告\n一、总体情况\n旧报告。",
    ],
)
def test_junk_raises_parse_error(junk: str | bytes) -> None:
    """Input that is no report raises ParseError, nothing else."""
    with pytest.raises(ParseError):
        parse(junk)


@pytest.mark.parametrize("cut", [0.3, 0.5, 0.7, 0.9])
def test_truncated_page_gives_warnings_or_parse_error(cut: int) -> None:
    """A page cut short reads what it holds and warns of what is missing."""
    page = SHUYANG[: int(len(SHUYANG) * cut)]
    try:
        result = parse(page)
    except ParseError:
        return
    assert result.warnings
    assert result.report.meta.agency == "沭阳县发展和改革局"


def test_truncated_text_report() -> None:
    """DOCX text without its tables 3 and 4 says both tables are missing."""
    result = parse(QIJIANG[: QIJIANG.index("三、收到和处理")])
    missing = [w for w in result.warnings if w.code == WarningCode.TABLE_NOT_FOUND]
    assert len(missing) == 2
    assert result.report.cell("proactive_disclosure.administrative_licensing.decisions") == 147362
    assert result.report.cell("applications.new_received.total") is None


def test_report_without_table_4() -> None:
    """A report whose table 4 is missing leaves its 15 cells None, with a warning."""
    text = QIJIANG.replace(
        "\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n", ""
    )
    result = parse(text, kind="text")
    assert all(v is None for p, v in result.report.cells() if p.startswith("review_litigation"))
    assert any(w.code == WarningCode.TABLE_NOT_FOUND for w in result.warnings)


def test_page_with_two_reports_reads_the_first() -> None:
    """Two reports on one page: the first is read, and a warning says so."""
    second = QIJIANG.replace("重庆市綦江区公安局", "重庆市綦江区交通局").replace("147362", "5")
    result = parse(QIJIANG + "\n" + second, kind="text")
    assert result.report.meta.agency == "重庆市綦江区公安局"
    assert result.report.cell("proactive_disclosure.administrative_licensing.decisions") == 147362
    assert [w.code for w in result.warnings] == [WarningCode.MULTIPLE_REPORTS]


def test_ten_megabyte_page_within_seconds() -> None:
    """A 10 MB page (a report buried in chrome): refused by its length; read in seconds.

    With ``max_text_chars`` raised, it parses in a few seconds.
    """
    chrome = (
        "<div class='nav'><p>" + "站点导航与栏目文字，" * 50 + "</p><a href='#'>首页</a></div>\n"
    ) * 19_000
    page = chrome + SHUYANG
    assert len(page) > 10_000_000
    with pytest.raises(ParseError, match="max_text_chars"):
        parse(page)
    start = time.perf_counter()
    result = parse(page, limits=ExcelLimits(max_text_chars=len(page)))
    assert time.perf_counter() - start < 20
    assert result.report.cell("applications.new_received.total") == 26


def test_placeholders_and_unreadable_cells() -> None:
    """Placeholders become None with a warning; text in a number cell is skipped."""
    values = ["0", "/", "-", "—", "无", "", "1元", "1.5", "+1", "1,234", "０", "3件", "0", "0", "0"]
    result = parse(_TITLE + _t4(values))
    report = result.report
    cell = report.cell
    assert cell("review_litigation.review.upheld") == 0
    assert [cell(f"review_litigation.review.{c}") for c in ("corrected", "other", "pending")] == [
        None,
        None,
        None,
    ]
    assert cell("review_litigation.litigation_direct.total") == 1234
    assert cell("review_litigation.litigation_after_review.upheld") == 0
    assert cell("review_litigation.litigation_after_review.corrected") == 3
    codes = {w.path: w.code for w in result.warnings if w.path}
    assert codes["review_litigation.review.corrected"] == WarningCode.PLACEHOLDER
    assert codes["review_litigation.review.total"] == WarningCode.PLACEHOLDER
    assert codes["review_litigation.litigation_direct.upheld"] == WarningCode.BLANK_CELL
    for path in ("corrected", "other", "pending"):
        assert codes[f"review_litigation.litigation_direct.{path}"] == WarningCode.SKIPPED_VALUE


def test_table_4_with_a_missing_cell_is_not_guessed() -> None:
    """Fourteen values for fifteen columns: nothing is placed."""
    result = parse(_TITLE + _t4(["1"] * 14))
    assert all(v is None for p, v in result.report.cells() if p.startswith("review_litigation"))
    assert any(w.code == WarningCode.SKIPPED_VALUE for w in result.warnings)


def test_2019_other_row_in_a_2021_table_is_kept_not_split() -> None:
    """A single （六）其他处理 row in a 2021 table: kept in extra, warned, not split."""
    lines = QIJIANG.split("\n")
    start = lines.index("\t（六）其他处理")
    # Replace the three 2021 rows by one 2019-style row holding 2s.
    end = lines.index("\t（七）总计") - 1
    row = ["\t", "\t（六）其他处理", *["\t2"] * 7, ""]
    text = "\n".join(lines[: start - 1] + row + lines[end:])
    result = parse(text, kind="text")
    assert result.report.meta.format_version is gd.FormatVersion.V2021
    assert result.extra["applications.other_processing.total"] == 2
    for row_id in ("other_no_correction", "other_fee_unpaid", "other_misc"):
        assert result.report.cell(f"applications.{row_id}.total") is None
    assert any(w.code == WarningCode.EXTRA_ROW for w in result.warnings)
    assert result.report.cell("applications.results_total.total") == 1


def test_format_disagreeing_with_year_is_flagged() -> None:
    """2021-format tables in a report for 2020 are read as laid out, with a warning."""
    text = QIJIANG.replace("2023年政府信息公开", "2020年政府信息公开")
    result = parse(text, kind="text")
    assert result.report.meta.format_version is gd.FormatVersion.V2021
    codes = [w.code for w in result.warnings]
    assert WarningCode.FORMAT_YEAR in codes
    assert WarningCode.METADATA in codes  # the period says 2023


def test_unknown_row_label_is_reported() -> None:
    """A provincially added row is not mapped; its values are named in a warning."""
    text = QIJIANG.replace(
        "\t行政强制\n\t3488\n", "\t行政强制\n\t3488\n\n\t其他主动公开文件\n\t9\n"
    )
    result = parse(text, kind="text")
    unknown = [w for w in result.warnings if w.code == WarningCode.UNKNOWN_LABEL]
    assert len(unknown) == 1
    assert "其他主动公开文件" in unknown[0].message


def test_bad_kind_and_type() -> None:
    """A kind parse() does not know, or input that is not text, is refused clearly."""
    with pytest.raises(UnsupportedFormatError):
        parse("x", kind="pdf")
    with pytest.raises(TypeError):
        parse(42)  # type: ignore[arg-type]


def test_parse_file_errors(tmp_path: Path) -> None:
    """parse_file refuses unknown suffixes and unreadable files with library errors."""
    with pytest.raises(UnsupportedFormatError):
        parse_file(tmp_path / "report.xls")
    with pytest.raises(GovDisclosureError, match="cannot read"):
        parse_file(tmp_path / "missing.html")
    pytest.importorskip("docx")
    pytest.importorskip("pdfplumber")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ParseError):
        parse_file(broken)
    broken_pdf = tmp_path / "broken.pdf"
    broken_pdf.write_bytes(b"%PDF-1.4 junk")
    with pytest.raises(ParseError):
        parse_file(broken_pdf)


def test_load_report_accepts_blank_cells_only(tmp_path: Path) -> None:
    """load_report returns a report with only blank-cell doubts, raises on others."""
    report = load_report(CORPUS / "shanghai-bgt-2019.html")
    assert report.meta.agency == "上海市人民政府办公厅"
    with pytest.raises(ParseError, match="doubt"):
        load_report(CORPUS / "shanghai-kewei-2024.md")


def test_table_2_odd_rows() -> None:
    """Table 2: a 2019 row in a 2021 table goes to extra; a short row is left blank."""
    text = QIJIANG.replace(
        "\t行政强制\n\t3488\n", "\t行政强制\n\t3488\n\n\t其他对外管理服务事项\n\t4\n\t1\n\t2\n"
    ).replace("\t规章\n\t0\n\t0\n\t0\n", "\t规章\n\t0\n\t0\n")
    result = parse(text, kind="text")
    assert result.extra["proactive_disclosure.other_external_services.prev_year_items"] == 4
    assert result.report.cell("proactive_disclosure.rules.issued") is None
    codes = {w.code for w in result.warnings}
    assert {WarningCode.EXTRA_ROW, WarningCode.SKIPPED_VALUE} <= codes


def test_table_2_columns_follow_the_header() -> None:
    """Columns printed in another order are mapped by their header labels."""
    text = QIJIANG.replace(
        "\t信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数\n",
        "\t信息内容\n\t现行有效件数\n\t本年制发件数\n\t本年废止件数\n",
    )
    result = parse(text, kind="text")
    assert result.report.cell("proactive_disclosure.normative_documents.in_force") == 0
    assert result.report.cell("proactive_disclosure.normative_documents.repealed") == 1


def test_fee_statements() -> None:
    """Section 六: one amount is read; two different amounts are left None with a warning."""
    base = QIJIANG.rsplit("六、其他需要报告的事项", 1)[0] + "六、其他需要报告的事项\n"
    one = parse(
        base + "本年度收取信息处理费1.2万元。\n重庆市綦江区公安局\n2024年1月20日\n", kind="text"
    )
    assert one.report.other_matters.information_fee_yuan == gd.zh.parse_amount("12000元")
    assert one.report.other_matters.text == "本年度收取信息处理费1.2万元。"
    two = parse(base + "收取信息处理费300元；另一件收取信息处理费80元。\n", kind="text")
    assert two.report.other_matters.information_fee_yuan is None
    assert any("several amounts" in w.message for w in two.warnings)


def test_rows_out_of_order_and_repeated_are_not_trusted() -> None:
    """A row repeated later in table 3 keeps its first reading and warns."""
    text = QIJIANG.replace(
        "\t四、结转下年度继续办理\n",
        "\t一、本年新收政府信息公开申请数量\n\t9\n\t9\n\t9\n\t9\n\t9\n\t9\n\t9\n\n"
        "\t四、结转下年度继续办理\n",
    )
    result = parse(text, kind="text")
    assert result.report.cell("applications.new_received.total") == 1
    assert any(w.code == WarningCode.DUPLICATE_ROW for w in result.warnings)
