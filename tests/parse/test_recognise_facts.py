"""The report's facts: title, agency, year, format version, publication date and level."""

from __future__ import annotations

import datetime as dt

import pytest

from govdisclosure._format import AgencyLevel, FormatVersion
from govdisclosure._parse import ParseError, WarningCode, parse
from govdisclosure._parse.layout import Location, Paragraph
from govdisclosure._parse.recognise.facts import (
    agency_level_of,
    crawler_header,
    find_title,
    format_version,
    header_published_on,
    is_fact_line,
    published_on,
    report_year,
    signature,
    stated_agency,
)
from govdisclosure._parse.recognise.items import Item, items_of
from govdisclosure._parse.recognise.state import State


def _items(*lines: str) -> list[Item]:
    return items_of(Paragraph(line, Location(n)) for n, line in enumerate(lines, start=1))


def test_title_over_two_lines_and_a_cited_notice() -> None:
    """A title broken over two lines names the agency; a notice cited later is not the title."""
    items = _items(
        "重庆市綦江区公安局",
        "2023年政府信息公开工作年度报告",
        "根据《关于做好2022年政府信息公开工作年度报告编制工作的通知》要求编制本报告。",
    )
    title = find_title(items, len(items), None)
    assert title is not None
    assert (title.agency, title.year, title.item) == ("重庆市綦江区公安局", 2023, items[0])
    fallback = find_title(_items("正文。"), 1, "某某局2021年度政府信息公开工作报告")
    assert fallback is not None
    assert (fallback.agency, fallback.year, fallback.item) == ("某某局", 2021, None)


def test_year_from_the_title_or_the_statistics_period() -> None:
    """The title's year wins over a differing statistics period, with a warning."""
    items = _items("某局2023年政府信息公开工作年度报告", "统计期限为2022年1月1日至2022年12月31日。")
    state = State("text")
    assert report_year(items, 2, find_title(items, 2, None), state) == 2023
    assert [w.code for w in state.warnings] == [WarningCode.METADATA]
    state = State("text")
    assert report_year(items[1:], 1, None, state) == 2022
    assert state.sources["meta.year"].location == Location(2)
    with pytest.raises(ParseError):
        report_year(_items("正文。"), 1, None, State("text"))


def test_format_version_from_the_table_labels() -> None:
    """Table 2's labels tell the version; a version not in force for the year is a warning."""
    items = _items(
        "二、主动公开政府信息情况", "信息内容 本年新制作数量 本年新公开数量 对外公开总数量"
    )
    state = State("text")
    regions = {"proactive_disclosure": (0, 2)}
    assert format_version(items, regions, 2023, state) is FormatVersion.V2019
    assert [w.code for w in state.warnings] == [WarningCode.FORMAT_YEAR]
    assert format_version(items, {}, 2020, State("text")) is FormatVersion.V2019
    assert format_version(items, {}, 2021, State("text")) is FormatVersion.V2021


def test_publication_date_and_fact_lines() -> None:
    """A 发布日期 line gives the date; a line that is no date is warned about and skipped."""
    items = _items("发布日期：2024-13-01", "公开日期 2024-01-17", "正文。")
    state = State("text")
    assert published_on(items, 3, state) == dt.date(2024, 1, 17)
    assert [w.code for w in state.warnings] == [WarningCode.METADATA]
    assert is_fact_line("发布日期：2024-01-17")
    assert is_fact_line("某局2023年政府信息公开工作年度报告")
    assert not is_fact_line("本报告由总体情况等六部分组成。")


def test_agency_level_by_name() -> None:
    """A 人民政府 is a government; its office and every other body a department."""
    assert agency_level_of("淮安市人民政府") is AgencyLevel.GOVERNMENT
    assert agency_level_of("某县政府") is AgencyLevel.GOVERNMENT
    assert agency_level_of("上海市人民政府办公厅") is AgencyLevel.DEPARTMENT
    assert agency_level_of("") is AgencyLevel.DEPARTMENT


def test_title_with_a_crawler_label_and_spaces_around_the_year() -> None:
    """A ``标题:`` label is not part of the title; ``2025 年`` with spaces is a year."""
    title = find_title(_items("标题: 莆田市城市管理局2021年度政府信息公开工作年度报告"), 1, None)
    assert title is not None
    assert (title.agency, title.year) == ("莆田市城市管理局", 2021)
    spaced = find_title(_items("某某县人民政府 2025 年政府信息公开工作年度报告"), 1, None)
    assert spaced is not None
    assert (spaced.agency, spaced.year) == ("某某县人民政府", 2025)


@pytest.mark.parametrize(
    ("line", "year"),
    [
        ("报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止，本报告的电子版", 2021),
        ("报告中所列数据统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日止。", 2024),
        ("本报告所列数据的统计时限为2022年1月1日至2022年12月31日。", 2022),
        ("统计期间为2023年1月1日到2023年12月31日。", 2023),
    ],
)
def test_every_wording_of_the_statistics_period(line: str, year: int) -> None:
    """统计期限/时限/期间, 自…起至…止 and 为…至… all give the year."""
    items = _items(line)
    assert report_year(items, 1, None, State("text")) == year


def test_the_year_the_caller_gives() -> None:
    """A given year is used; where the report states another, with a warning."""
    state = State("text")
    assert report_year(_items("正文。"), 1, None, state, 2022) == 2022
    assert state.warnings == []
    items = _items("某局2023年政府信息公开工作年度报告")
    assert report_year(items, 1, find_title(items, 1, None), state, 2022) == 2022
    assert [w.code for w in state.warnings] == [WarningCode.METADATA]
    with pytest.raises(ParseError, match="year="):
        report_year(_items("正文。"), 1, None, State("text"))


# The first lines of putian-cgj-2021.txt and sanming-2022.txt as their crawlers saved them.
_PUTIAN_HEAD = (
    "标题: 莆田市城市管理局2021年度政府信息公开工作年度报告",
    "发布时间: 2022-01-13 11:47",
    "文号: ",
    "发布机构: 莆田市城市管理局",
    "栏目: 政府信息公开年报",
    "原始链接: https://www.putian.gov.cn/zfxxgk/bmzfxxgk/ptcg/zfxxgk/zfxxgknb/202201/t20220113_1697903.htm",
    "正文:",
    "根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《条例》）要求，特向社会公布。",
)
_SANMING_HEAD = (
    "标题：三明市2022年政府信息公开工作年度报告",
    "发布时间：",
    "文号：",
    "发布机构：",
    "索引号：",
    "来源：政府信息公开办",
    "栏目：政府信息公开年报",
    "原始链接：https://www.sm.gov.cn/smsrmzfbgs/smsrmzf/zfxxgkndbg/202303/t20230303_1884230.htm",
    "本地目录：smsrmzfbgs/smsrmzf/zfxxgkndbg/202303/1884230",
    "正文：",
    "根据《中华人民共和国政府信息公开条例》（国务院令第",
    "711",
    "号）要求，现公布三明市人民政府",
    "2022",
    "年政府信息公开工作年度报告。本报告由总体情况…六部分组成",
)


def test_a_crawler_header_is_metadata() -> None:
    """Title, agency, address and date come from the header; its lines are not the preface."""
    items = _items(*_PUTIAN_HEAD)
    header = crawler_header(items, len(items))
    assert header is not None
    assert header.title is items[0]
    assert header.agency == "莆田市城市管理局"
    assert header.source is not None
    assert header.source.endswith("t20220113_1697903.htm")
    assert header.items == frozenset(range(7))
    state = State("text")
    assert header_published_on(header, 2021, state) == dt.date(2022, 1, 13)
    assert state.sources["meta.published_on"].location == Location(2)
    blank = crawler_header(_items(*_SANMING_HEAD), len(_SANMING_HEAD))
    assert blank is not None
    assert (blank.agency, blank.published) == (None, None)
    assert crawler_header(_items("某局2021年政府信息公开工作年度报告", "一、总体情况"), 2) is None


@pytest.mark.parametrize("written", ["2020-10-", "2021-06-30 10:00", "2021-02-30"])
def test_a_placeholder_publication_date_is_dropped(written: str) -> None:
    """An incomplete date, or one before the report year ends, is a placeholder."""
    items = _items("标题: 某局2021年度政府信息公开工作年度报告", f"发布时间: {written}")
    header = crawler_header(items, 2)
    assert header is not None
    state = State("text")
    assert header_published_on(header, 2021, state) is None
    assert [w.code for w in state.warnings] == [WarningCode.METADATA]


def test_the_agency_in_the_signature_and_the_announcement() -> None:
    """The signature (name over date) and the preface's 现公布… spell out the agency."""
    items = _items(
        "2021年，我局共收到1份依申请公开，未收取任何费用。",
        "莆田市城市管理局",
        "2022年1月12日",
        "（此件主动公开）",
    )
    signed = signature(items)
    assert signed is not None
    assert (signed.agency, signed.date, signed.item, signed.dated) == (
        "莆田市城市管理局",
        dt.date(2022, 1, 12),
        items[1],
        items[2],
    )
    assert signature(_items("六、其他需要报告的事项", "无。")) is None
    head = _items(*_SANMING_HEAD)
    announced = stated_agency(head, len(head))
    assert announced is not None
    assert announced == ("三明市人民政府", head[12])


def test_parse_reads_a_crawler_text_and_takes_year_and_agency() -> None:
    """The header's facts reach the report; ``year=``/``agency=`` supply what is missing."""
    from govdisclosure._parse import parse

    body = "\n".join(
        [*_SANMING_HEAD[:10], "一、总体情况", "正文。", "四、政府信息公开行政复议、行政诉讼情况"]
    )
    meta = parse(body, "text").report.meta
    assert (meta.agency, meta.year, meta.source) == (
        "三明市",
        2022,
        "https://www.sm.gov.cn/smsrmzfbgs/smsrmzf/zfxxgkndbg/202303/t20230303_1884230.htm",
    )
    bare = "一、总体情况\n正文。\n四、政府信息公开行政复议、行政诉讼情况"
    with pytest.raises(ParseError, match="year="):
        parse(bare, "text")
    meta = parse(bare, "text", year=2023, agency="某某局").report.meta
    assert (meta.agency, meta.year) == ("某某局", 2023)


def test_a_title_that_lost_its_year_names_the_agency() -> None:
    """A title that lost its year (``年上海市…年度报告``) still names the agency.

    PDF text may print the year elsewhere; the year comes from the statistics period.
    """
    text = (
        "年上海市人民政府办公厅政府信息公开工作年度报告\n"
        "本年度报告中所列数据统计期限从2019年1月1日到12月31日止。\n"
        "一、总体情况\n正文。\n"
    )
    report = parse(text, "text").report
    assert (report.meta.agency, report.meta.year) == ("上海市人民政府办公厅", 2019)
    assert report.meta.title == "上海市人民政府办公厅政府信息公开工作年度报告"


def test_a_cited_notice_is_no_title() -> None:
    """A line citing the notice (关于做好…年度报告…) is not taken for a yearless title."""
    text = (
        "关于做好政府信息公开工作年度报告\n"
        "本报告统计期限为2022年1月1日至2022年12月31日。\n"
        "一、总体情况\n正文。\n"
    )
    assert parse(text, "text").report.meta.agency == ""
