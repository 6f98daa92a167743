"""The report's facts: title, agency, year, format version, publication date and level."""

from __future__ import annotations

import datetime as dt

import pytest

from govdisclosure._format import AgencyLevel, FormatVersion
from govdisclosure._parse import ParseError, WarningCode
from govdisclosure._parse.layout import Location, Paragraph
from govdisclosure._parse.recognise.facts import (
    agency_level_of,
    find_title,
    format_version,
    is_fact_line,
    published_on,
    report_year,
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
