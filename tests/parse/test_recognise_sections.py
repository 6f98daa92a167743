"""Finding the six sections by their headings' key phrases, and the region each spans."""

from __future__ import annotations

from govdisclosure._parse import WarningCode
from govdisclosure._parse.layout import Location, Paragraph
from govdisclosure._parse.recognise.items import Item, items_of
from govdisclosure._parse.recognise.sections import find_regions, find_sections
from govdisclosure._parse.recognise.state import State


def _items(*lines: str) -> list[Item]:
    return items_of(Paragraph(line, Location(n)) for n, line in enumerate(lines, start=1))


def test_headings_are_found_in_order_by_key_phrases() -> None:
    """Reworded headings are found by their key phrases; each section's region ends at the next."""
    items = _items(
        "某局2023年政府信息公开工作年度报告",
        "一、总体情况",
        "正文。",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、当前存在的主要问题及下步改进措施",
        "问题。",
        "六、其他需要报告的事项",
        "无。",
    )
    state = State("text")
    sections = find_sections(items, state)
    assert sections.starts == {
        "overview": 1,
        "proactive_disclosure": 3,
        "applications": 4,
        "review_litigation": 5,
        "problems_improvements": 6,
        "other_matters": 8,
    }
    assert sections.headings["problems_improvements"] == "五、当前存在的主要问题及下步改进措施"
    assert find_regions(items, sections)["problems_improvements"] == (6, 8)
    assert find_regions(items, sections)["other_matters"] == (8, 10)
    assert state.warnings == []


def test_a_second_report_ends_the_first() -> None:
    """A second 一、总体情况 after the sections starts another report, which is not read."""
    items = _items("一、总体情况", "二、主动公开政府信息情况", "一、总体情况", "二、主动公开情况")
    state = State("text")
    sections = find_sections(items, state)
    assert sections.end == 2
    assert [w.code for w in state.warnings] == [WarningCode.MULTIPLE_REPORTS]


def test_section_five_by_its_first_subsection() -> None:
    """五 without its heading is found by （一）…问题 after 四, with a warning."""
    items = _items(
        "四、政府信息公开行政复议、行政诉讼情况", "（一）存在的主要问题", "六、其他需要报告的事项"
    )
    state = State("text")
    sections = find_sections(items, state)
    assert sections.starts["problems_improvements"] == 1
    assert sections.headings["problems_improvements"] is None
    assert [w.code for w in state.warnings] == [WarningCode.SECTION_NOT_FOUND]


def test_tables_without_headings_are_found_by_their_labels() -> None:
    """A table section without a heading starts at its table's first label."""
    items = _items("一、总体情况", "正文。", "信息内容 本年制发件数", "六、其他需要报告的事项")
    sections = find_sections(items, State("text"))
    assert "proactive_disclosure" not in sections.starts
    assert find_regions(items, sections) == {
        "overview": (0, 2),
        "proactive_disclosure": (2, 3),
        "other_matters": (3, 4),
    }
