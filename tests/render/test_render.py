"""Writing reports: every kind reads back exactly, in the official layout."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import govdisclosure as gd
from govdisclosure._format.vocabulary import normalise
from govdisclosure._model.other_matters import stated_fee
from govdisclosure._parse import WarningCode, parse, parse_file
from govdisclosure._parse.layout import Heading, Paragraph, Table
from govdisclosure._parse.readers.docx import read_docx
from govdisclosure._parse.readers.html import read_html
from govdisclosure._parse.readers.markdown import decode_inline, read_markdown
from govdisclosure._parse.readers.text import read_text
from govdisclosure._parse.recognise.facts import agency_level_of
from govdisclosure._render import (
    draft_preface,
    render,
    render_docx_bytes,
    render_html_bytes,
    render_markdown_bytes,
    render_text_bytes,
)
from govdisclosure._render.common import printed_title, title_lines
from govdisclosure._render.markdown import escape_markdown
from govdisclosure._render.text import escape_line
from govdisclosure.errors import UnsupportedFormatError
from strategies import reports

SAMPLE = gd.examples.load("qijiang-psb-2023")
PUBLISHED = attrs.evolve(SAMPLE, meta=attrs.evolve(SAMPLE.meta, published_on=dt.date(2024, 1, 26)))
TEXT_KINDS = ("html", "markdown", "text")
#: The kinds that carry every fact; plain text carries what it prints (_as_text_prints).
EXACT_KINDS = ("html", "markdown", "docx")
WRITERS = {
    ".html": render_html_bytes,
    ".md": render_markdown_bytes,
    ".txt": render_text_bytes,
    ".docx": render_docx_bytes,
}
ODD = "一、总体情况\n二、主动公开政府信息情况\n\t  <b>x</b> | \\ # *y* &amp; 😀\n\n备注：z\n- 3 -\n"


def _read(document: str | bytes, kind: str, year: int | None = None) -> gd.AnnualReport:
    if kind == "docx":
        from govdisclosure._parse.recognise import recognise

        assert isinstance(document, bytes)
        return recognise(read_docx(document)).report
    return parse(document, kind=kind, year=year).report


def _as_text_prints(report: gd.AnnualReport, source: str | None = None) -> gd.AnnualReport:
    """The report as plain text carries it: the facts it prints, and no more.

    The title reads back as printed, on one line (the customary one when the report has
    none), the agency level as the agency's name implies it, the source as the caller gives it, the
    信息处理费 as section 六's text states it, and the 2019 procurement unit not at all.
    """
    meta = attrs.evolve(
        report.meta,
        title=printed_title(report).replace("\n", ""),
        agency_level=agency_level_of(normalise(report.meta.agency)),
        source=source,
    )
    fee = stated_fee(report.other_matters.text)[0]
    tables = report.proactive_disclosure
    procurement = getattr(tables, "central_procurement", None)
    if procurement is not None:
        tables = attrs.evolve(
            tables, central_procurement=attrs.evolve(procurement, amount_unit=None)
        )
    return attrs.evolve(
        report,
        meta=meta,
        proactive_disclosure=tables,
        other_matters=attrs.evolve(report.other_matters, information_fee_yuan=fee),
    )


def _expected(report: gd.AnnualReport, kind: str) -> gd.AnnualReport:
    return _as_text_prints(report) if kind == "text" else report


def _odd_report(version: gd.FormatVersion) -> gd.AnnualReport:
    """A report whose texts look like headings, cells, notes, markup and page numbers."""
    year = 2020 if version is gd.FormatVersion.V2019 else 2023
    report = gd.AnnualReport.blank(
        agency=" 某某局\t", year=year, title="", source="", published_on=None
    )
    report = report.with_cells(
        {
            "applications.new_received.natural_person": 10**30,
            "review_litigation.review.total": -3,
            "applications.carried_forward.other_org": 0,
        }
    )
    tables = report.proactive_disclosure
    tables = attrs.evolve(tables, notes=("", ODD), heading="")
    if version is gd.FormatVersion.V2019:
        procurement = attrs.evolve(
            tables.central_procurement,  # type: ignore[union-attr]
            amount=Decimal("-0.000000000001"),
            amount_unit="元\n",
        )
        tables = attrs.evolve(tables, central_procurement=procurement)
    return attrs.evolve(
        report,
        preface="",
        overview=gd.Overview(text=ODD, heading="\n"),
        proactive_disclosure=tables,
        problems_improvements=gd.ProblemsImprovements(text="\n", heading="一、总体情况"),
        other_matters=gd.OtherMatters(
            text="本年度收取信息处理费380元。", information_fee_yuan=Decimal("1E+3")
        ),
    )


@pytest.mark.parametrize("kind", [*TEXT_KINDS, "docx"])
@pytest.mark.parametrize("report", [SAMPLE, PUBLISHED], ids=["sample", "published"])
def test_sample_reads_back_exactly(kind: str, report: gd.AnnualReport) -> None:
    """The bundled sample, rendered to each kind, parses back to the very same report.

    Plain text states the year in its title, the agency and the date in its signature.
    """
    assert _read(render(report, kind), kind) == _expected(report, kind)


@pytest.mark.parametrize("kind", [*TEXT_KINDS, "docx"])
@pytest.mark.parametrize("version", list(gd.FormatVersion))
def test_odd_texts_read_back_exactly(kind: str, version: gd.FormatVersion) -> None:
    """Texts that look like structure, markup or escapes stay text; odd facts survive.

    The odd report's empty title and preface state no year: plain text is told it.
    """
    report = _odd_report(version)
    assert _read(render(report, kind), kind, year=report.meta.year) == _expected(report, kind)


@pytest.mark.parametrize("kind", EXACT_KINDS[:2])
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(report=reports())
def test_hypothesis_reports_read_back_exactly(kind: str, report: gd.AnnualReport) -> None:
    """Any report of either version parses back from html and Markdown unchanged."""
    assert parse(render(report, kind), kind=kind).report == report


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(report=reports())
def test_hypothesis_reports_read_back_from_text(report: gd.AnnualReport) -> None:
    """Any report parses back from plain text as far as the text prints it.

    The year is given where neither the title nor the statistics period states it.
    """
    text = render(report, "text")
    assert parse(text, kind="text", year=report.meta.year).report == _as_text_prints(report)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(report=reports())
def test_hypothesis_reports_read_back_from_docx(report: gd.AnnualReport) -> None:
    """Any report of either version parses back from a Word document unchanged."""
    assert _read(render(report, "docx"), "docx") == report


@pytest.mark.parametrize("suffix", list(WRITERS))
def test_files_read_back_through_parse_file(tmp_path: Path, suffix: str) -> None:
    """The bytes the dump writers produce read back through parse_file, source included.

    A document that carries its facts states its own source (not the file name); plain
    text takes the file name.
    """
    for report in (SAMPLE, _odd_report(gd.FormatVersion.V2021)):
        path = tmp_path / f"report{suffix}"
        path.write_bytes(WRITERS[suffix](report))
        result = parse_file(path, year=report.meta.year)
        if suffix == ".txt":
            assert result.report == _as_text_prints(report, source=path.name)
        else:
            assert result.report == report
            assert result.report.meta.source == report.meta.source  # not the file name


def test_blank_cells_warn_as_blank_cells_only() -> None:
    """A blank report reads back with one blank-cell warning per cell and nothing else."""
    report = gd.AnnualReport.blank(agency="某某局", year=2023)
    result = parse(render(report, "html"), kind="html")
    assert result.report == report
    assert {w.code for w in result.warnings} == {WarningCode.BLANK_CELL}
    assert len(result.warnings) == len(gd.cell_paths(gd.FormatVersion.V2021))


def test_heading_like_lines_do_not_split_sections() -> None:
    """A line reading 二、主动公开政府信息情况 inside the overview stays in the overview."""
    report = attrs.evolve(SAMPLE, overview=gd.Overview(text="二、主动公开政府信息情况\n正文"))
    for kind in TEXT_KINDS:
        parsed = parse(render(report, kind), kind=kind).report
        assert parsed.overview.text == "二、主动公开政府信息情况\n正文"
        assert parsed.proactive_disclosure == SAMPLE.proactive_disclosure


def test_title_none_and_customary_title_differ() -> None:
    """A report without a title and one whose title is the customary one both round-trip.

    Plain text prints the same title for both and reads it back as printed.
    """
    untitled = attrs.evolve(SAMPLE, meta=attrs.evolve(SAMPLE.meta, title=None))
    assert SAMPLE.meta.title == untitled.meta.display_title
    for kind in EXACT_KINDS:
        assert _read(render(untitled, kind), kind).meta.title is None
        assert _read(render(SAMPLE, kind), kind).meta.title == SAMPLE.meta.title
    assert parse(render(untitled, "text"), kind="text").report.meta.title == SAMPLE.meta.title


def test_fee_property_only_when_the_text_does_not_state_the_fee() -> None:
    """The 信息处理费 travels as a property only when section 六's text reads another amount."""
    stated = attrs.evolve(
        SAMPLE,
        other_matters=gd.OtherMatters(
            text="本年度收取信息处理费380元。", information_fee_yuan=Decimal(380)
        ),
    )
    assert "information_fee_yuan" not in render(stated, "html")
    unstated = attrs.evolve(
        stated, other_matters=attrs.evolve(stated.other_matters, information_fee_yuan=None)
    )
    page = render(unstated, "html")
    assert '<meta name="other_matters.information_fee_yuan" content="">' in page
    assert parse(page, kind="html").report == unstated


#: The labels of the metadata table the renderers once printed; no published report has it.
_METADATA_LABELS = ("报告信息", "标题", "发布机构", "报告年度", "报告格式", "单位层级", "发布日期")


@pytest.mark.parametrize("kind", [*TEXT_KINDS, "docx"])
def test_the_body_prints_what_a_published_report_prints(kind: str) -> None:
    """No metadata table in the visible body; the signature (agency, date) ends it."""
    body = _visible_text(render(PUBLISHED, kind), kind)
    for label in ("报告信息", "发布机构", "单位层级", "发布日期", "国办公开办函〔2021〕30号"):
        assert not any(line.startswith(label) for line in body.splitlines()), label
    assert not set(_METADATA_LABELS) & set(body.splitlines())
    assert body.rstrip().endswith("无。\n重庆市綦江区公安局\n2024年1月26日"), body[-80:]
    assert body.lstrip().startswith("重庆市綦江区公安局2023年")
    unpublished = _visible_text(render(SAMPLE, kind), kind)
    assert unpublished.rstrip().endswith("无。\n重庆市綦江区公安局")


def _visible_text(document: str | bytes, kind: str) -> str:
    """The text a reader of the document sees, a line per paragraph (no head, no front matter)."""
    if kind == "docx":
        docx = pytest.importorskip("docx")
        assert isinstance(document, bytes)
        paragraphs = docx.Document(io.BytesIO(document)).paragraphs
        return "\n".join(p.text for p in paragraphs if p.text)
    assert isinstance(document, str)
    if kind == "html":
        body = document.split("<body>", 1)[1]
        body = re.sub(r"</(?:p|h1|h2|td|th|tr)>", "\n", body)
        body = re.sub(r"<[^>]+>", "", body)
        return "\n".join(line for line in body.splitlines() if line.strip())
    if kind == "markdown":
        assert document.startswith("---\n")
        document = document.split("\n---\n", 1)[1]
        document = document.replace("# ", "")
    return "\n".join(line.strip() for line in document.splitlines() if line.strip())


@pytest.mark.parametrize("kind", EXACT_KINDS)
def test_the_facts_travel_out_of_sight(kind: str) -> None:
    """Word properties, HTML meta tags and Markdown front matter hold every fact."""
    report = attrs.evolve(
        PUBLISHED,
        meta=attrs.evolve(PUBLISHED.meta, agency_level=gd.AgencyLevel.GOVERNMENT, title=None),
    )
    document = render(report, kind)
    assert _read(document, kind) == report
    if kind == "html":
        assert '<meta name="meta.agency_level" content="government">' in document
        assert '<meta name="meta.published_on" content="2024-01-26">' in document
    elif kind == "markdown":
        assert "\nmeta.agency_level: government\n" in document
    else:
        assert isinstance(document, bytes)
        with zipfile.ZipFile(io.BytesIO(document)) as package:
            custom = package.read("docProps/custom.xml").decode("utf-8")
            types = package.read("[Content_Types].xml").decode("utf-8")
        assert 'name="meta.agency_level"><vt:lpwstr>government</vt:lpwstr>' in custom
        assert "custom-properties+xml" in types


def test_text_states_the_level_its_name_implies() -> None:
    """Plain text carries no level: a 人民政府 reads as a government, others as departments."""
    for agency, level in (("綦江区人民政府", "government"), ("綦江区公安局", "department")):
        report = attrs.evolve(
            SAMPLE, meta=attrs.evolve(SAMPLE.meta, agency=agency, agency_level=None, title=None)
        )
        meta = parse(render(report, "text"), kind="text").report.meta
        assert (meta.agency, meta.year, meta.agency_level) == (agency, 2023, gd.AgencyLevel(level))


@pytest.mark.parametrize("kind", EXACT_KINDS)
def test_a_document_without_its_facts_reads_as_it_prints(kind: str) -> None:
    """Without properties, meta tags or front matter a document is read from what it prints.

    The agency and the date from the signature, the year from the title: the same as
    plain text gives.
    """
    report = attrs.evolve(PUBLISHED, meta=attrs.evolve(PUBLISHED.meta, agency_level=None))
    document = render(report, kind)
    if kind == "html":
        assert isinstance(document, str)
        document = re.sub(r'<meta name="(?:meta|other_matters)\.[^>]*>\n', "", document)
    elif kind == "markdown":
        assert isinstance(document, str)
        document = document.split("\n---\n", 1)[1]
    else:
        assert isinstance(document, bytes)
        document = _without_custom_properties(document)
    result = _read(document, kind)
    assert result == _as_text_prints(report)


def _without_custom_properties(data: bytes) -> bytes:
    """A Word file with its custom properties part taken out."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename == "docProps/custom.xml":
                continue
            content = source.read(item.filename)
            if item.filename in ("_rels/.rels", "[Content_Types].xml"):
                content = re.sub(rb"<[^<>]*custom[-.]?(?:properties|xml)[^<>]*/>", b"", content)
            target.writestr(item, content)
    return out.getvalue()


def test_unmarked_document_falls_back_to_key_phrases() -> None:
    """A rendered page whose marks are broken is read like any published one."""
    page = render(SAMPLE, "html")
    page = page.replace("<h1", "<p").replace("</h1>", "</p>")
    result = parse(page, kind="html")
    assert result.report.applications == SAMPLE.applications
    assert result.report.review_litigation == SAMPLE.review_litigation
    assert result.report.meta.agency == SAMPLE.meta.agency


def test_edited_table_label_is_read_by_the_table_readers() -> None:
    """A marked page whose table label was retyped still yields its figures."""
    page = render(SAMPLE, "html").replace("行政事业性收费</th>", "行政事业性收费 </th>", 1)
    page = page.replace('<th scope="row">规章</th>', '<th scope="row">规 章（本级）</th>')
    result = parse(page, kind="html")
    assert result.report.proactive_disclosure == SAMPLE.proactive_disclosure


def test_html_page_is_standalone_printable_and_accessible() -> None:
    """The page declares its language and charset, prints on A4 and marks table headers."""
    page = render(SAMPLE, "html")
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert '<meta charset="utf-8">' in page
    assert f"<title>{SAMPLE.meta.display_title}</title>" in page
    assert "@page { size: A4; margin: 37mm 26mm 35mm 28mm; }" in page
    assert "@media print" in page
    assert "thead { display: table-header-group; }" in page
    assert '<th rowspan="3" colspan="3" scope="col">（本列数据的勾稽关系为' in page
    assert '<th rowspan="22" scope="row">三、本年度办理结果</th>' in page
    assert '<th colspan="10" scope="col">行政诉讼</th>' in page
    assert '<h2 style="white-space:pre-wrap">一、总体情况</h2>' in page
    assert '<span class="gd-subhead">（一）主动公开方面。</span>' in page
    assert "<p>备注：因本年度开展行政规范性文件清理工作" in page
    assert page.count('<tbody class="gd-block">') == 4  # 表二's items, each kept on a page
    assert '<h1 class="gd-title gd-title-words" style="white-space:pre-wrap">' in page
    assert "重庆市綦江区公安局2023年<wbr>政府信息公开工作年度报告</h1>" in page
    assert "<script" not in page
    hostile = attrs.evolve(SAMPLE, preface="</p><script>alert(1)</script>")
    assert "<script>" not in render(hostile, "html")


def test_markdown_layout() -> None:
    """Headings, one paragraph per line, pipe tables with empty merged places, escapes."""
    text = render(SAMPLE, "markdown")
    lines = text.splitlines()
    assert "# " + SAMPLE.meta.display_title in lines
    assert "## 一、总体情况" in lines
    assert "| 第二十条第（一）项 |  |  |  |" in lines
    assert "| 行政许可 | 147362 |  |  |" in lines
    assert lines[:2] == ["---", "meta.agency: 重庆市綦江区公安局"]
    assert lines[-1] == "重庆市綦江区公安局"


def test_markdown_escapes() -> None:
    """Text that Markdown would read as markup is escaped, and decodes back."""
    cases = ["# x", "| a |", "**b**", "- 3 -", "第 3 页", "1. x", " lead", "trail\t", "a<br>b", ""]
    for case in cases:
        line = escape_markdown(case, line=True)
        layout = read_markdown(line)
        assert [b.text for b in layout.blocks] == [case], case
        assert all(isinstance(b, Paragraph) for b in layout.blocks)
    assert decode_inline(escape_markdown("a\nb|c")) == "a\nb|c"


def test_text_layout_and_escapes() -> None:
    """Text lines are indented by two ideographic spaces; odd headings are escaped."""
    text = render(SAMPLE, "text")
    lines = text.splitlines()
    assert lines[0] == SAMPLE.meta.display_title
    assert "一、总体情况" in lines
    assert "\u3000\u30002023年，綦江区公安局在区委、区政府和市公安局的坚强领导下，" in text
    assert "\t第二十条第（一）项" in lines
    assert escape_line("一、总体情况", kind="structural") == "一、总体情况"
    for case in ["", " a", "a\nb", "\\x", "- 3 -", "[bookmark: _Toc1]x", "\ufeffx"]:
        line = escape_line(case, kind="structural")
        assert line.startswith("\\")
        [block] = read_text(line).blocks
        assert isinstance(block, Paragraph)
        assert (block.text, block.literal) == (case, False)


def test_docx_follows_the_official_document_format() -> None:
    """A4, GB/T 9704 margins, official fonts with east-Asian faces, page numbers, borders."""
    docx = pytest.importorskip("docx")
    data = render(SAMPLE, "docx")
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    mm = 36000
    assert (round(section.page_width / mm), round(section.page_height / mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert tuple(round(m / mm) for m in margins) == (37, 35, 28, 26)
    styles = document.styles.element.xml
    for face in ("方正小标宋简体", "黑体", "仿宋_GB2312"):
        assert f'w:eastAsia="{face}"' in styles
    assert 'w:firstLineChars="200"' in styles
    assert 'w:line="579" w:lineRule="exact"' in styles
    body = document.element.body.xml
    assert 'w:eastAsia="楷体_GB2312"' in body  # the overview's subsection heads
    assert body.count("<w:tbl>") == 3
    assert '<w:tblW w:w="8844" w:type="dxa"/>' in body
    assert '<w:gridSpan w:val="10"/>' in body
    assert '<w:vMerge w:val="restart"/>' in body
    assert '<w:insideV w:val="single"' in body
    assert "<w:tblHeader/>" in body
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        footers = [n for n in package.namelist() if n.startswith("word/footer")]
        assert len(footers) == 2
        footer = package.read(footers[0]).decode("utf-8")
        fonts = package.read("word/fontTable.xml").decode("utf-8")
    assert " PAGE " in footer
    assert "— " in footer
    assert '<w:altName w:val="仿宋"/>' in fonts
    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[0].text == "重庆市綦江区公安局2023年\n政府信息公开工作年度报告"
    assert document.core_properties.author == SAMPLE.meta.agency
    assert document.core_properties.title == SAMPLE.meta.display_title


def test_docx_tables_keep_their_rows_and_table_2_its_blocks() -> None:
    """No table row splits across pages; 表二's rows keep with the next within each block.

    A block (第二十条第（一）项 and its rows) ends where the next begins: its last row is
    the only one not kept with the next, so a page may break between blocks only.
    """
    docx = pytest.importorskip("docx")
    document = docx.Document(io.BytesIO(render(SAMPLE, "docx")))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for table in document.tables:
        rows = table._tbl.findall(f"{w}tr")
        assert all(row.find(f"{w}trPr/{w}cantSplit") is not None for row in rows)
    rows = document.tables[0]._tbl.findall(f"{w}tr")
    kept = [row.find(f".//{w}keepNext") is not None for row in rows]
    labels = [row.find(f"{w}tc").xpath("string(.)") for row in rows]
    loose = [labels[i] for i, keep in enumerate(kept) if not keep]
    assert loose == ["行政规范性文件", "行政许可", "行政强制", "行政事业性收费"]


def test_title_breaks_between_words() -> None:
    """A long title breaks into balanced lines between words, never inside one."""
    assert title_lines("重庆市綦江区公安局2023年政府信息公开工作年度报告") == [
        "重庆市綦江区公安局2023年",
        "政府信息公开工作年度报告",
    ]
    assert title_lines("中华人民共和国国家发展和改革委员会2023年政府信息公开工作年度报告") == [
        "中华人民共和国国家发展和改革委员会",
        "2023年政府信息公开工作年度报告",
    ]
    assert title_lines("某某局2023年度政府信息公开工作年度报告") == [
        "某某局2023年度政府信息公开工作年度报告"
    ]
    for odd in ("a\nb" * 20, "很长" * 30, " " + "长" * 30):
        assert title_lines(odd) == [odd]


def test_docx_holds_characters_xml_cannot() -> None:
    """Control characters travel as w:sym and read back as themselves."""
    pytest.importorskip("docx")
    report = attrs.evolve(SAMPLE, preface="a\x00b\x1f\ufffe\r\tc")
    data = render(report, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml")
    assert b'<w:sym w:font="Symbol" w:char="0000"/>' in xml
    assert b'w:char="FFFE"' in xml
    assert _read(data, "docx") == report


def test_unknown_kind_and_missing_python_docx(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unknown kind and a missing python-docx raise UnsupportedFormatError with a hint."""
    with pytest.raises(UnsupportedFormatError, match="kinds: html, markdown, text, docx"):
        render(SAMPLE, "pdf")
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(UnsupportedFormatError, match=r"pip install 'govdisclosure\[docx\]'"):
        render(SAMPLE, "docx")


def test_draft_preface() -> None:
    """The preface names the basis, the six parts and the statistics period of the year."""
    text = draft_preface(SAMPLE)
    assert text.startswith("根据《中华人民共和国政府信息公开条例》")
    assert "（国办公开办函〔2021〕30号）" in text
    assert "其他需要报告的事项6个部分组成。" in text
    assert text.endswith("本报告中所列数据的统计期限为2023年1月1日至2023年12月31日。")
    old = draft_preface(
        gd.ReportMeta(agency="某某局", year=2020),
        basis=["《某市通知》"],
        closing="如对本报告有疑问，请与某某局联系。",
    )
    assert "（国办公开办函〔2019〕60号）、《某市通知》要求，某某局编制本报告。" in old
    assert "2020年1月1日至2020年12月31日。如对本报告有疑问" in old
    with pytest.raises(TypeError):
        draft_preface("某某局")  # type: ignore[arg-type]
    report = attrs.evolve(SAMPLE, preface=text)
    assert parse(render(report, "text"), kind="text").report == _as_text_prints(report)


def test_readers_keep_literal_text() -> None:
    """HTML pre-wrap, indented text lines and Word paragraphs keep their text exactly."""
    layout = read_html(
        '<div style="white-space:pre-wrap"><p> a  b </p><p></p></div><p> c  d </p>'
        '<h2 style="white-space: pre-wrap"></h2>'
    )
    assert [(type(b).__name__, b.text, b.literal) for b in layout.blocks] == [  # type: ignore[union-attr]
        ("Paragraph", " a  b ", True),
        ("Paragraph", "", True),
        ("Paragraph", "c d", False),
        ("Heading", "", True),
    ]
    assert [b.text for b in layout.plain().blocks] == ["a b", "c d"]  # type: ignore[union-attr]
    layout = read_text("标题\n\u3000\u3000 x \n\u3000\u3000\n\u3000\u3000\\a\\nb")
    assert [(b.text, b.literal) for b in layout.blocks] == [  # type: ignore[union-attr]
        ("标题", False),
        (" x ", True),
        ("", True),
        ("a\nb", True),
    ]
    blocks = read_docx(render(SAMPLE, "docx")).blocks
    assert isinstance(blocks[0], Heading)
    assert blocks[0].literal
    assert sum(isinstance(b, Table) for b in blocks) == 3
