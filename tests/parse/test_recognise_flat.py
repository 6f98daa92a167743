"""Tables whose cells lost their boundaries: crawler text and flattened text."""

from __future__ import annotations

from govdisclosure._parse import parse
from govdisclosure._parse.layout import Location, Paragraph
from govdisclosure._parse.recognise.flat import Stream, is_collapsed
from govdisclosure._parse.recognise.items import Item, items_of

_HEAD = "某某局2021年度政府信息公开工作年度报告\n一、总体情况\n正文。\n"
# Table 3 of sanming-2022.txt as its crawler saved it, one text node per line (first rows).
_SANMING_T3 = """三、收到和处理政府信息公开申请情况
(
本列数据的勾稽关系为
:
第一项加第二项之和
)
申请人情况
自然人
法人或其他组织
总计
商业
企业
科研
机构
社会公益组织
法律服务机构
其他
一、本年新收政府信息公开申请数量
337
5
0
1
0
4
347
二、上年结转政府信息公开申请数量
0
0
0
0
0
0
0
三、本年度办理结果
(
一
)
予以公开
235
3
0
1
0
4
243
(
三
)
不予公开
1.
属于国家秘密
2
1
0
0
0
0
3
2.
其他法律行政法规禁止公开
2
0
0
0
0
0
2
"""
# Table 4 of putian-cgj-2021.txt: the crawler dropped the fourteen zeros after the first.
_PUTIAN_T4 = """四、政府信息公开行政复议、行政诉讼情况
行政复议
行政诉讼
结果维持
结果
纠正
其他
结果
尚未
审结
总计
未经复议直接起诉
复议后起诉
总计
0
五、存在的主要问题及改进情况
无。
"""


def _items(text: str) -> list[Item]:
    return items_of(Paragraph(line, Location(n)) for n, line in enumerate(text.splitlines(), 1))


def test_the_stream_finds_labels_broken_into_pieces() -> None:
    """``(`` ``三`` ``)`` ``不予公开`` on four lines is one label, mapped back to the text."""
    stream = Stream(_items(_SANMING_T3))
    at = stream.compact.find("（三）不予公开")
    assert at >= 0
    assert stream.text[stream.back[at] : stream.back[at + 6] + 1] == "(\n三\n)\n不予公开"


def test_one_node_per_line_is_read_cell_by_cell() -> None:
    """Every cell of a crawler's one-node-per-line table lands under its row and column."""
    result = parse(_HEAD + _SANMING_T3 + _PUTIAN_T4.replace("总计\n0\n", "总计\n" + "0\n" * 15))
    cell = result.report.cell
    assert cell("applications.new_received.natural_person") == 337
    assert cell("applications.new_received.total") == 347
    assert cell("applications.granted.total") == 243
    assert cell("applications.denied_state_secret.commercial_enterprise") == 1
    assert cell("applications.denied_prohibited_by_law.total") == 2
    assert cell("review_litigation.review.total") == 0


def test_a_collapsed_crawler_text_is_expanded_under_the_sums() -> None:
    """``0`` for table 4 (no two equal nodes anywhere) is fifteen zeros."""
    result = parse(_HEAD + _PUTIAN_T4)
    assert result.report.cell("review_litigation.review.total") == 0
    assert result.report.cell("review_litigation.litigation_after_review.total") == 0


def test_collapse_needs_no_equal_neighbours() -> None:
    """Equal numbers on adjacent lines, or several numbers on one line, are no collapse."""
    items = _items("标签\n1\n0\n1\n标签\n0")
    assert is_collapsed(items, [(0, len(items))])
    assert not is_collapsed(_items("标签\n0\n0"), [(0, 3)])
    assert not is_collapsed(_items("标签\n0 1 0"), [(0, 2)])
