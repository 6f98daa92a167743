"""Tests of 一、总体情况 and its subsections."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd


def test_subsections_read_from_text() -> None:
    """Lines opening with （一）, （二）… in sequence start subsections."""
    overview = gd.Overview(
        text="总述。\n（一）主动公开方面。内容一。\n续行。\n（二）依申请公开\n内容二。"
    )
    assert overview.intro == "总述。"
    assert [(s.marker, s.title, s.text) for s in overview.subsections] == [
        ("（一）", "主动公开方面", "内容一。\n续行。"),
        ("（二）", "依申请公开", "内容二。"),
    ]


def test_out_of_sequence_markers_are_text() -> None:
    """A （三） without （一）（二） before it does not open a subsection."""
    overview = gd.Overview(text="（三）不是小节。\n正文")
    assert overview.subsections == ()
    assert overview.intro == overview.text


def test_half_width_brackets_and_colon_titles() -> None:
    """(一) with ASCII brackets and a title ended by ： are recognised."""
    overview = gd.Overview(text="(一)主动公开：内容")
    assert [(s.marker, s.title, s.text) for s in overview.subsections] == [
        ("(一)", "主动公开", "内容")
    ]


def test_long_first_line_has_no_title() -> None:
    """A first line too long to be a title leaves the title empty."""
    body = "很长的一句话" * 20
    overview = gd.Overview(text=f"（一）{body}")
    assert overview.subsections[0].title == ""
    assert overview.subsections[0].text == body


def test_long_line_then_title_on_own_line() -> None:
    """A short heading line without a full stop is the title."""
    overview = gd.Overview(text="（一）主动公开情况\n" + "内容" * 30)
    assert overview.subsections[0].title == "主动公开情况"


def test_eleven_subsections() -> None:
    """Numbering goes past 十 (十一)."""
    overview = gd.Overview.from_subsections([(f"标题{i}", "内容") for i in range(11)])
    assert [s.marker for s in overview.subsections][-2:] == ["（十）", "（十一）"]


titles = st.text(alphabet="主动公开依申请政府信息管理平台建设监督保障方面", min_size=1, max_size=12)
bodies = st.text(alphabet="内容一二三，、；0123456789年月日", max_size=30)


@given(st.lists(st.tuples(titles, bodies), max_size=6), bodies)
def test_from_subsections_round_trip(pairs: list[tuple[str, str]], intro: str) -> None:
    """Subsections built with from_subsections are read back the same."""
    overview = gd.Overview.from_subsections(pairs, intro=intro)
    assert [(s.title, s.text) for s in overview.subsections] == pairs
