"""Tables whose cells lost their boundaries: crawler text and flattened text."""

from __future__ import annotations

import pytest

import govdisclosure as gd
from govdisclosure._format import vocabulary
from govdisclosure._parse import parse
from govdisclosure._parse.layout import Location, Paragraph
from govdisclosure._parse.recognise import flat
from govdisclosure._parse.recognise.flat import Stream, is_collapsed
from govdisclosure._parse.recognise.items import Item, items_of, unflatten

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


# The flattened body of pingtan-2022-flat.txt, tables 2 to 4 (one line in the file).
_PINGTAN = (
    "本报告根据《中华人民共和国政府信息公开条例》编制。" * 20
    + "一、总体情况 2022年，平潭综合实验区扎实推进政务公开。"
    + "二、主动公开政府信息情况第二十条第（一）项 信息内容 本年制发件数 本年废止件数 "
    "现行有效件数 规章000行政规范性文件8855698第二十条第（五）项信息内容本年处理决定数量"
    "行政许可10690第二十条第（六）项信息内容本年处理决定数量行政处罚2113行政强制0"
    "第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费9116.36 "
    "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，"
    "等于第三项加第四项之和） 申请人情况 自然人 法人或其他组织 总计 商业 企业 科研 机构 "
    "社会公益组织 法律服务机构 其他 一、本年新收政府信息公开申请数量 713000074"
    "二、上年结转政府信息公开申请数量 1000001三、本年度办理结果 （一）予以公开 210000021"
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 8100009（三）不予公开 "
    "1.属于国家秘密00000002.其他法律行政法规禁止公开 00000003.危及“三安全一稳定” "
    "00000004.保护第三方合法权益 00000005.属于三类内部事务信息 10000016.属于四类过程性信息 "
    "20000027.属于行政执法案卷 10000018.属于行政查询事项 0000000（四）无法提供 "
    "1.本机关不掌握相关政府信息 3700000372.没有现成信息需要另行制作 00000003.补正后申请内容"
    "仍不明确 0000000（五）不予处理 1.信访举报投诉类申请 00000002.重复申请 00000003.要求提供"
    "公开出版物 00000004.无正当理由大量反复申请 00000005.要求行政机关确认或重新出具已获取信息 "
    "0000000（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 "
    "20000022.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 "
    "00000003.其他 0200002（七）总计 723000075四、结转下年度继续办理 0000000 "
    "四、政府信息公开行政法复议、行政诉讼情况行政复议 行政诉讼 结果维持结果纠正其他结果"
    "尚未审结总计 未经复议直接起诉 复议后起诉 结果维持结果纠正其他结果尚未审结总计"
    "结果维持结果纠正其他结果尚未审结总计 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0 "
    "五、存在的主要问题及改进情况 2022年，平潭综合实验区政府信息公开工作取得了一定成绩。"
    "六、其他需要报告的事项 无。"
)


def test_a_flattened_page_is_split_at_its_headings() -> None:
    """One line holding the six sections becomes a line per heading and per section body."""
    pieces = [text for text, _ in unflatten(_PINGTAN, Location(10))]
    assert "二、主动公开政府信息情况" in pieces
    assert "三、收到和处理政府信息公开申请情况" in pieces
    assert "四、政府信息公开行政法复议、行政诉讼情况" in pieces
    assert not any(p.startswith(("一、本年新收", "四、结转")) for p in pieces)


def test_run_together_digits_are_split_under_the_sums() -> None:
    """713000074 is 71, 3, 0, 0, 0, 0, 74; an undecidable row stays blank, naming readings."""
    result = parse("平潭综合实验区2022年度政府信息公开工作年度报告\n" + _PINGTAN)
    cell = result.report.cell
    assert [cell(f"applications.new_received.{c}") for c in ("natural_person", "total")] == [
        71,
        74,
    ]
    assert cell("applications.denied_prohibited_by_law.natural_person") == 0
    assert cell("applications.unable_not_held.total") == 37
    assert cell("proactive_disclosure.rules.in_force") == 0
    assert cell("proactive_disclosure.administrative_licensing.decisions") == 10690
    assert cell("review_litigation.review.total") == 2
    assert cell("proactive_disclosure.normative_documents.issued") is None
    (warning,) = result.warnings_for("proactive_disclosure.normative_documents.issued")
    assert "'8855698'" in warning.message
    assert "readings remain: 8,8,55698 / 8,85,5698" in warning.message


def test_a_2019_report_saved_one_node_per_line() -> None:
    """A 2019-format page saved by a crawler, one text node per line, reads 表二.

    Its rows of three figures (上一年项目数量, 本年增/减, 处理决定数量) and the procurement
    row are read; a row whose equal cells were merged stays blank, with warnings.
    """
    from corpus_reports import report
    from family_text import drop_equal_neighbours, text_nodes

    full = report("shanghai-bgt-2019")
    truth = gd.AnnualReport.blank(
        agency=full.meta.agency, year=2019, format_version=full.meta.format_version
    ).with_cells(dict(full.cells()))
    nodes = text_nodes(gd.render(truth, kind="html"))
    result = parse("\n".join(nodes), kind="text")
    table2 = [p for p in gd.cell_paths("2019") if p.startswith("proactive_disclosure.")]
    assert {p: result.report.cell(p) for p in table2} == {p: truth.cell(p) for p in table2}
    again = parse("\n".join(drop_equal_neighbours(nodes)), kind="text")
    path = "proactive_disclosure.administrative_licensing.prev_year_items"
    if truth.cell(path) == truth.cell("proactive_disclosure.administrative_licensing.change"):
        assert again.report.cell(path) is None
        assert again.warnings_for(path)
    for p in table2:
        assert again.report.cell(p) in (None, truth.cell(p))


def test_the_stream_maps_back_through_characters_that_change_length() -> None:
    """Every position of the normalised copy maps back to the character it came from.

    Spaces, quotes and ligatures normalise to no character or to several.
    """
    lines = ["3. 危及“三安全一稳定”", "㈠ 予以公开", "plain"]
    stream = Stream(_items("\n".join(lines)))
    assert stream.compact == "3.危及三安全一稳定（一）予以公开plain"
    for at, char in enumerate(stream.compact):
        source = stream.text[stream.back[at]]
        assert char in vocabulary.normalise(source)
    assert stream.back[-1] == len(stream.text)


def test_the_character_table_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The process-wide table of normalised characters is cleared past its bound.

    A stream read after that is the same.
    """
    monkeypatch.setattr(flat, "_CHAR_LIMIT", 4)
    before = Stream(_items(_SANMING_T3))
    flat._CHARS.clear()
    after = Stream(_items(_SANMING_T3))
    assert len(flat._CHARS) <= 4
    assert (after.compact, after.back) == (before.compact, before.back)
