"""Reports printed the way the lossy families of the corpus print them, for projection tests.

A report's tables are printed as a *template*: the lines of the table region (from
``二、主动公开政府信息情况`` to just before ``五、``), each line a tuple of parts, a part being
label text or a :class:`Slot` naming the cell whose value is printed there. Templates are
built from the format in a family's own wording (:func:`node_template`, checked against the
real corpus files by the tests), or cut from a real PDF text (:func:`token_template`), or
laid out as PDF rows with the losses a PDF extraction makes (:func:`pdf_template`).

A family then prints the whole document around the filled template, with the surroundings
a real report of that family has (a crawler header, a title, a statistics-period sentence,
the six headings, a signature), and applies its loss:

* ``sanming``: one text node per line, labels broken into pieces (``(`` ``三`` ``)``), CRLF;
* ``putian``: one text node per line, every node equal to the one before it dropped;
* ``pingtan``: the body on one line, each row's cells run together (``713000074``);
* PDF text (``hongze``, ``huaian``): rows as lines of tokens, labels wrapped, value lines
  above their labels, the vertical label 三、本年度办理结果 interleaved with the row labels.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from html.parser import HTMLParser
from typing import NamedTuple

import govdisclosure as gd
from corpus_reports import CORPUS
from govdisclosure._format import CellKind, FormatSpec, FormatVersion, RowSpec, format_spec


class Slot(NamedTuple):
    """Where the value of one cell is printed."""

    path: str


Part = str | Slot
Line = tuple[Part, ...]
#: How one label is printed: (what it is, its text) to the pieces (text nodes) it becomes.
Wording = Callable[[str, str], list[str]]

T2_HEADING = "二、主动公开政府信息情况"
T3_HEADING = "三、收到和处理政府信息公开申请情况"
T4_HEADING = "四、政府信息公开行政复议、行政诉讼情况"
CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_HEADER = (
    *("申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构"),
    *("社会公益组织", "法律服务机构", "其他"),
)
T4_GROUPS = ("行政复议", "行政诉讼")
T4_LEVEL2 = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
T4_LITIGATION = ("未经复议直接起诉", "复议后起诉")


def spec_of(report: gd.AnnualReport) -> FormatSpec:
    """The format of a report."""
    return format_spec(report.meta.format_version)


def row_paths(section: str, row: RowSpec) -> list[str]:
    """The cell paths of one row, in column order."""
    return [f"{section}.{row.id}.{c.id}" for c in row.columns]


# ---------------------------------------------------------------------------
# Wording


_PUNCT = {"（": "(", "）": ")", "：": ":", "，": ","}
_SPLIT = re.compile(r"([（）：，])")
_NUMBERED = re.compile(r"^(\d+\.)(.+)$")


def sanming_pieces(text: str) -> list[str]:
    """A label as 三明's crawler breaks it: each bracket, colon and comma its own node.

    >>> sanming_pieces("（三）不予公开"), sanming_pieces("1.属于国家秘密")
    (['(', '三', ')', '不予公开'], ['1.', '属于国家秘密'])
    """
    numbered = _NUMBERED.match(text)
    if numbered:
        return [numbered.group(1), *sanming_pieces(numbered.group(2))]
    return [_PUNCT.get(p, p) for p in _SPLIT.split(text) if p]


_BROKEN_HEADER = {"商业企业": ["商业", "企业"], "科研机构": ["科研", "机构"]}


def sanming_wording(kind: str, text: str) -> list[str]:
    """三明市人民政府's page: labels in half-width pieces; two header cells broken."""
    if kind == "header" and text in _BROKEN_HEADER:
        return _BROKEN_HEADER[text]
    if kind in {"heading", "t4"}:
        return [text]
    return sanming_pieces(text)


def putian_wording(kind: str, text: str) -> list[str]:
    """莆田市城市管理局's page: labels whole; header cells broken where the page breaks them.

    Table 4's first 结果维持 is whole and every later two-word label is broken in two.
    """
    if kind == "header" and text in _BROKEN_HEADER:
        return _BROKEN_HEADER[text]
    if kind == "t4-later" and len(text) == 4:
        return [text[:2], text[2:]]
    return [text]


def shanghai_2019_wording(kind: str, text: str) -> list[str]:
    """上海市人民政府办公厅's 2019 page: two table-2 headers broken after 本年新."""
    if kind == "column" and text.startswith("本年新"):
        return [text[:3], text[3:]]
    return [text]


# ---------------------------------------------------------------------------
# Templates


def node_template(version: FormatVersion, wording: Wording) -> list[Line]:
    """The table region as a crawler prints it: one text node per line, in reading order.

    Each row's label levels are printed once (a level shared with the row before is not
    repeated, as a rowspan cell is one node); every value is its own node after its label.
    """
    spec = format_spec(version)
    t2, t3, t4 = spec.tables
    out: list[Line] = []

    def put(kind: str, text: str) -> None:
        out.extend((piece,) for piece in wording(kind, text))

    put("heading", T2_HEADING)
    caption = ""
    for row in t2.rows:
        if row.caption != caption:
            caption = row.caption
            put("caption", caption)
            put("column", "信息内容")
            for column in row.columns:
                put("column", column.labels[-1])
        put("row", row.labels[-1])
        out.extend((Slot(p),) for p in row_paths(t2.section, row))
    put("heading", T3_HEADING)
    put("note", CORNER)
    for text in T3_HEADER:
        put("header", text)
    previous: tuple[str, ...] = ()
    for row in t3.rows:
        for n, label in enumerate(row.labels):
            if n >= len(previous) or previous[n] != label:
                put("row", label)
        previous = row.labels
        out.extend((Slot(p),) for p in row_paths(t3.section, row))
    put("heading", T4_HEADING)
    for text in T4_GROUPS:
        put("t4", text)
    put("t4", T4_LEVEL2[0])
    for text in T4_LEVEL2[1:]:
        put("t4-later", text)
    for text in T4_LITIGATION:
        put("t4", text)
    for text in T4_LEVEL2 * 2:
        put("t4-later", text)
    out.extend((Slot(p),) for row in t4.rows for p in row_paths(t4.section, row))
    return out


_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_FOOTER = re.compile(r"^- \d+ -$")


def region_lines(name: str) -> list[str]:
    """The table region of a corpus text file: from 二、主动公开… to just before 五、."""
    lines = (CORPUS / name).read_text("utf-8").replace("\r\n", "\n").split("\n")
    start = next(k for k, line in enumerate(lines) if line.startswith(T2_HEADING))
    end = next(k for k, line in enumerate(lines) if k > start and line.startswith("五、"))
    return lines[start:end]


def token_template(lines: Sequence[str], paths: Sequence[str]) -> list[Line]:
    """A PDF text's table region with each number token a slot, the paths taken in order.

    Page footers (``- 3 -``) stay text. Raises ``ValueError`` when the count differs.
    """
    out: list[Line] = []
    queue = list(paths)
    for line in lines:
        if _FOOTER.match(line):
            out.append((line,))
            continue
        parts: list[Part] = []
        words: list[str] = []
        for token in line.split(" "):
            if _NUMBER.match(token):
                if words:
                    parts.append(" ".join(words))
                    words = []
                if not queue:
                    raise ValueError(f"more number tokens than paths at {line!r}")
                parts.append(Slot(queue.pop(0)))
            else:
                words.append(token)
        if words:
            parts.append(" ".join(words))
        out.append(tuple(parts))
    if queue:
        raise ValueError(f"{len(queue)} paths left without a number token")
    return out


def _v2021_paths() -> list[str]:
    return list(format_spec(FormatVersion.V2021).paths)


def hongze_template() -> list[Line]:
    """淮安市洪泽区's PDF text, with the three 2021 （六） rows in place of its single one.

    The three rows are wrapped the way this PDF wraps a long label
    (``5.要求行政机关确认或重 新出具`` / values / ``已获取信息``).
    """
    lines = region_lines("hongze-2024.txt")
    at = lines.index("（六）其他处理 0 0 0 0 0 0 0")
    sixth = [
        "1.申请人无正当理由逾期不补正、行 政机关不再处理",
        "0 0 0 0 0 0 0",
        "其政府信息公开申请",
        "（六）其他处理 2.申请人逾期未按收费通知要求缴 纳费用、行政机关不再",
        "0 0 0 0 0 0 0",
        "处理其政府信息公开申请",
        "3.其他 0 0 0 0 0 0 0",
    ]
    return token_template([*lines[:at], *sixth, *lines[at + 1 :]], _v2021_paths())


def huaian_template() -> list[Line]:
    """淮安市人民政府's PDF text, every one of its 200 values a slot."""
    return token_template(region_lines("huaian-2024.txt"), _v2021_paths())


class PdfLosses(NamedTuple):
    """What a PDF extraction did to table 3 (see :func:`pdf_template`).

    Attributes:
        vertical: the characters of 三、本年度办理结果 interleaved with the row labels.
        above: rows whose value line sits above their label line.
        wrap: labels longer than this are wrapped, the values on the line between.
    """

    vertical: bool = True
    above: frozenset[str] = frozenset()
    wrap: int = 0


_GROUP_LEVEL = 1


def pdf_template(version: FormatVersion, losses: PdfLosses | None = None) -> list[Line]:
    """The table region as a PDF extraction of the official layout prints it.

    Each row is one line, its label then its values; table 3's header is in hongze's
    order; the group labels （三）… stand on their own line inside their group, and the
    vertical label 三、本年度办理结果, one character a row, is written before some rows'
    labels or on a line of its own.
    """
    losses = losses or PdfLosses()
    spec = format_spec(version)
    t2, t3, t4 = spec.tables
    out: list[Line] = [(T2_HEADING,)]
    caption = ""
    for row in t2.rows:
        if row.caption != caption:
            caption = row.caption
            out.append((caption,))
            out.append((" ".join(["信息内容", *(c.labels[-1] for c in row.columns)]),))
        out.append((row.labels[-1], *(Slot(p) for p in row_paths(t2.section, row))))
    out += [(T3_HEADING,), ("申请人情况",), ("法人或其他组织",), (CORNER,)]
    out.append(("自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",))
    results = [r for r in t3.rows if len(r.labels) > 1]
    chars = list(results[0].labels[0]) if losses.vertical else []
    # The vertical label's characters are centred on the result rows, one every other row.
    first = max(0, (len(results) - 2 * len(chars)) // 2)
    for row in t3.rows:
        slots = tuple(Slot(p) for p in row_paths(t3.section, row))
        label = row.labels[-1]
        if len(row.labels) == 1:
            out.append((label, *slots))
            continue
        if len(row.labels) == 3 and row.labels[2].startswith("2."):
            out.append((row.labels[_GROUP_LEVEL],))
        k = results.index(row) - first
        prefix = ""
        if 0 <= k < 2 * len(chars):
            if k % 2:
                prefix = chars[k // 2] + " "
            else:
                out.append((chars[k // 2],))
        text = prefix + label
        if row.id in losses.above:
            out += [slots, (text,)]
        elif losses.wrap and len(text) > losses.wrap:
            out += [(text[: losses.wrap],), slots, (text[losses.wrap :],)]
        else:
            out.append((text, *slots))
    out += [(T4_HEADING,), ("行政复议 行政诉讼",), ("未经复议直接起诉 复议后起诉",)]
    out.append((" ".join(T4_LEVEL2 * 3),))
    out.append(tuple(Slot(p) for row in t4.rows for p in row_paths(t4.section, row)))
    return out


# ---------------------------------------------------------------------------
# Values


class Printing(NamedTuple):
    """How values are written.

    Attributes:
        plus: a positive signed change is written ``+3`` (the 2019 本年增/减 column).
        units: a unit written after the value of some cells (``251000元``).
        split: a function choosing, for a value's text, where to break it across two
            nodes or lines (``None``: not broken).
    """

    plus: bool = False
    units: tuple[tuple[str, str], ...] = ()
    split: Callable[[str, str], int | None] | None = None


#: Values as the 2021 format prints them: digits only.
PLAIN = Printing()


def value_text(report: gd.AnnualReport, path: str, printing: Printing) -> str | None:
    """The text a value is printed as, ``None`` for a blank cell."""
    value = report.cell(path)
    if value is None:
        return None
    text = format(value, "f") if isinstance(value, Decimal) else str(value)
    if printing.plus and spec_of(report).by_path[path].kind is CellKind.SIGNED and value > 0:
        text = "+" + text
    return text + dict(printing.units).get(path, "")


def _values(report: gd.AnnualReport, path: str, printing: Printing) -> list[str]:
    text = value_text(report, path, printing)
    if text is None:
        return []
    at = printing.split(path, text) if printing.split else None
    return [text[:at], text[at:]] if at else [text]


def fill(report: gd.AnnualReport, template: Iterable[Line], printing: Printing) -> list[str]:
    """The template's lines with the report's values, parts joined by a space.

    A value broken in two (``printing.split``) is two nodes in a crawler's one-node lines,
    and in a line of tokens leaves its second half on a line of its own below (a narrow
    PDF column). A blank cell leaves nothing: no node, no token.
    """
    lines: list[str] = []
    for line in template:
        words: list[str] = []
        below: list[str] = []
        for part in line:
            if isinstance(part, str):
                words.append(part)
                continue
            pieces = _values(report, part.path, printing)
            if len(line) == 1:
                lines.extend(pieces)
            elif pieces:
                words.append(pieces[0])
                below += pieces[1:]
        if words:
            lines.append(" ".join(words))
        if below:
            lines.append(" ".join(below))
    return lines


# ---------------------------------------------------------------------------
# Whole documents


def title(report: gd.AnnualReport) -> str:
    """The report's title as most reports write it."""
    meta = report.meta
    if meta.format_version is FormatVersion.V2019:
        return f"{meta.year}年{meta.agency}政府信息公开工作年度报告"
    return f"{meta.agency}{meta.year}年政府信息公开工作年度报告"


def preface(report: gd.AnnualReport) -> str:
    """The customary preface, with its statistics-period sentence."""
    y = report.meta.year
    basis = (
        "国办公开办函〔2019〕60号"
        if report.meta.format_version is FormatVersion.V2019
        else "国办公开办函〔2021〕30号"
    )
    return (
        f"根据《中华人民共和国政府信息公开条例》（国务院令第711号）和《{basis}》要求，"
        f"现公布{report.meta.agency}{y}年政府信息公开工作年度报告。本报告由总体情况、"
        "主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和"
        "行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。"
        f"本报告中所列数据统计期限自{y}年1月1日起至{y}年12月31日止。"
    )


def overview(report: gd.AnnualReport) -> list[str]:
    """Section 一 with its five customary sub-headings and a few figures in the prose."""
    y = report.meta.year
    return [
        "一、总体情况",
        (
            f"{y}年，{report.meta.agency}坚持以习近平新时代中国特色社会主义思想为指导，"
            "认真贯彻落实《条例》，扎实推进政务公开工作。"
        ),
        "（一）主动公开",
        f"{y}年通过门户网站主动公开政府信息1523条，发布政策解读36篇。",
        "（二）依申请公开",
        "畅通申请渠道，规范答复流程，均在法定期限内答复。",
        "（三）政府信息管理",
        "严格执行信息发布审核制度，动态更新公开目录。",
        "（四）政府信息公开平台建设",
        "加强政府网站和政务新媒体建设，开展常态化监测12次。",
        "（五）监督保障",
        "将政务公开纳入绩效考核，组织业务培训3次，约谈相关责任人2人次。",
    ]


def closing(report: gd.AnnualReport) -> list[str]:
    """Sections 五 and 六, and the signature."""
    y = report.meta.year
    return [
        "五、存在的主要问题及改进情况",
        "（一）存在问题。政策解读形式较为单一，基层公开标准化规范化水平有待提升。",
        f"（二）改进措施。{y + 1}年，将丰富解读形式，加强业务培训，提升公开质量。",
        "六、其他需要报告的事项",
        f"{y}年度未收取信息处理费。",
        report.meta.agency,
        f"{y + 1}年1月20日",
    ]


_DIGITS_APART = re.compile(r"(\d+|[（）：，])")


def sanming_text_nodes(text: str) -> list[str]:
    """A paragraph as 三明's crawler saved it: each figure and bracket a node of its own."""
    return [_PUNCT.get(piece, piece) for piece in _DIGITS_APART.split(text) if piece]


def crawler_header(report: gd.AnnualReport, style: str) -> list[str]:
    """The metadata block a crawler writes before the page text."""
    y, name = report.meta.year, title(report)
    link = f"https://www.example.gov.cn/zfxxgk/zfxxgknb/{y + 1}02/t{y + 1}0210_123456.htm"
    if style == "sanming":
        return [
            f"标题：{name}",
            "发布时间：",
            "文号：",
            "发布机构：",
            "索引号：",
            "来源：政府信息公开办",
            "栏目：政府信息公开年报",
            f"原始链接：{link}",
            f"本地目录：zfxxgk/zfxxgknb/{y + 1}02/123456",
            "",
            "正文：",
        ]
    if style == "putian":
        return [
            f"标题: {name}",
            f"发布时间: {y + 1}-01-13 11:47",
            "文号: ",
            f"发布机构: {report.meta.agency}",
            "栏目: 政府信息公开年报",
            f"原始链接: {link}",
            "正文:",
        ]
    return [
        f"标题: {name}",
        f"发布时间: {y + 1}-02-20 15:07",
        "文号: ",
        "发布机构: ",
        "栏目: 政府信息公开年报",
        f"原文链接: {link}",
        f"本地目录: zfxxgk/zfxxgknb/{y + 1}02/123456_{name}",
        "页面链接与图片详见 links.tsv(同目录)",
        "==================== 正文 ====================",
    ]


def crawler_document(
    report: gd.AnnualReport, template: Iterable[Line], style: str, printing: Printing = PLAIN
) -> str:
    """The report as a crawler saves it: one text node per line.

    ``sanming``: figures and brackets of the prose are nodes of their own, CRLF line ends.
    ``putian``: paragraphs whole, then every node equal to the one before it dropped.
    """
    texts = [title(report), preface(report), *overview(report)]
    body: list[str] = []
    for paragraph in texts:
        body += sanming_text_nodes(paragraph) if style == "sanming" else [paragraph]
    region = fill(report, template, printing)
    tail: list[str] = []
    for paragraph in closing(report):
        tail += sanming_text_nodes(paragraph) if style == "sanming" else [paragraph]
    nodes = crawler_header(report, style) + body + region + tail
    if style == "putian":
        nodes = drop_equal_neighbours(nodes)
    return ("\r\n" if style == "sanming" else "\n").join(nodes)


def drop_equal_neighbours(nodes: Sequence[str]) -> list[str]:
    """What 莆田's crawler keeps: no node equal to the one before it."""
    kept: list[str] = []
    for node in nodes:
        if not kept or kept[-1] != node:
            kept.append(node)
    return kept


def flat_region(
    report: gd.AnnualReport, printing: Printing = PLAIN, *, t4_spaced: bool = True
) -> str:
    """The table region as 平潭's scraper flattened it.

    Labels are spaced, a row's values run together (table 2's right after its label), and
    table 4's values are spaced or run together.
    """
    version = report.meta.format_version
    out: list[str] = []
    kind = "label"
    table = 2
    for (part,) in node_template(version, putian_wording):
        if isinstance(part, Slot):
            text = "".join(_values(report, part.path, printing))
            spaced = kind == "label" and table == 3
            spaced = spaced or (kind == "value" and table == 4 and t4_spaced)
            out.append((" " if spaced else "") + text)
            kind = "value"
            continue
        if part == T3_HEADING:
            table = 3
        elif part == T4_HEADING:
            table = 4
        heading = part in (T3_HEADING, T4_HEADING)
        out.append(("" if kind == "value" and not heading else " ") + part)
        kind = "label"
    return "".join(out).strip()


def flat_document(
    report: gd.AnnualReport, printing: Printing = PLAIN, *, t4_spaced: bool = True
) -> str:
    """The report as 平潭's scraper saved it: a header, then the whole body on one line."""
    body = [preface(report), *overview(report)]
    body.append(flat_region(report, printing, t4_spaced=t4_spaced))
    body += closing(report)
    return "\n".join([*crawler_header(report, "pingtan"), " ".join(body)])


def pdf_document(
    report: gd.AnnualReport, template: Iterable[Line], printing: Printing = PLAIN
) -> str:
    """The report as text extracted from its PDF: wrapped prose, page footers."""
    meta = report.meta
    lines = [meta.agency, f"{meta.year} 年政府信息公开工作年度报告"]
    prose = [preface(report), *overview(report)]
    for paragraph in prose:
        lines += [paragraph[i : i + 30] for i in range(0, len(paragraph), 30)]
    lines.append("- 1 -")
    lines += fill(report, template, printing)
    for paragraph in closing(report):
        lines += [paragraph[i : i + 30] for i in range(0, len(paragraph), 30)]
    lines.append("- 5 -")
    return "\n".join(lines)


class _Nodes(HTMLParser):
    """A page's text nodes, stripped, without its head, scripts and styles."""

    def __init__(self) -> None:
        super().__init__()
        self.nodes: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in _HIDDEN

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in _HIDDEN

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.nodes.append(data.strip())


_HIDDEN = frozenset({"head", "script", "style"})


def text_nodes(page: str) -> list[str]:
    """A web page's text nodes, as a crawler that saves one a line sees them."""
    parser = _Nodes()
    parser.feed(page)
    return parser.nodes


class _Copied(HTMLParser):
    """A page as a browser copies it: blocks end lines, a row's cells parted by tabs."""

    _BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "li", "br", "tr", "table"})

    def __init__(self) -> None:
        super().__init__()
        self.lines = [""]
        self._hidden = 0
        self._first_cell = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in _HIDDEN
        if tag in ("td", "th"):
            if not self._first_cell:
                self.lines[-1] += "\t"
            self._first_cell = False
        elif tag in self._BLOCKS:
            if tag == "tr":
                self._first_cell = True
            self._break()

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in _HIDDEN
        if tag in self._BLOCKS:
            self._break()

    def _break(self) -> None:
        if self.lines[-1]:
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.lines[-1] += " ".join(data.split())


def copied_text(page: str) -> str:
    """A web page as a browser copies it (select all, copy)."""
    parser = _Copied()
    parser.feed(page)
    return "\n".join(parser.lines)
