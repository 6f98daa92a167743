"""The format's words, declared once: what every reader and writer says and recognises.

The cell grid lives in :mod:`.declarations`; everything else about the format's wording
lives here, and every reader (web pages, text, Markdown, Word, PDF, workbooks) and writer
(documents, workbooks, messages) reads it from here, so that they cannot disagree:

- the six sections: their ids, official headings, English names and the key phrases that
  real reports print instead of the official heading; how messages name the preface;
- the placeholders that stand for a blank cell (one list);
- the agency levels: the name written, the name the law uses, and every spelling read;
- the one label normaliser, the numbering it strips, the label aliases of table rows and
  columns, and the synonyms a label may use for another;
- the signals that tell the 2019 format from the 2021 one, and the one function reading
  them;
- the units a figure may carry;
- the properties a rendered document carries out of sight, and how their values are
  escaped;
- the file kinds: every suffix and what it holds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import NamedTuple

from govdisclosure._format.spec import AgencyLevel, FormatVersion
from govdisclosure.errors import Bilingual

__all__ = [
    "ALIASES",
    "COLUMN_ALIASES",
    "DOCUMENT_PROPERTIES",
    "FILE_KINDS",
    "HEADINGS",
    "INDENT",
    "LEVEL_NAMES",
    "MAX_FIGURE_DIGITS",
    "NOTE_PREFIX",
    "PLACEHOLDERS",
    "PREFACE_NAME",
    "RADICALS",
    "REFUSED_FILES",
    "SECTION_IDS",
    "SECTION_KEYS",
    "SECTION_NAMES_EN",
    "STATUTORY_LEVEL_NAMES",
    "TEXT_SECTIONS",
    "UNITS",
    "V2019_SIGNALS",
    "V2021_SIGNALS",
    "XML_INVALID",
    "FileKind",
    "agency_level",
    "canonical_label",
    "customary_title",
    "detect_version",
    "figure_doubt",
    "file_kind",
    "is_page_footer",
    "is_placeholder",
    "is_skipped_file",
    "name_key",
    "normalise",
    "property_value",
    "read_property_value",
    "refused_file",
    "size_doubt",
    "strip_numbering",
    "suffixes",
    "with_ideographs",
]

# ---------------------------------------------------------------------------
# The six sections

#: The section ids, in the official order.
SECTION_IDS = (
    "overview",
    "proactive_disclosure",
    "applications",
    "review_litigation",
    "problems_improvements",
    "other_matters",
)
#: The official heading of each section (国办公开办函〔2021〕30号; the 2019 format's are the same).
HEADINGS: dict[str, str] = {
    "overview": "一、总体情况",
    "proactive_disclosure": "二、主动公开政府信息情况",
    "applications": "三、收到和处理政府信息公开申请情况",
    "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
    "problems_improvements": "五、存在的主要问题及改进情况",
    "other_matters": "六、其他需要报告的事项",
}
#: How English messages name each section.
SECTION_NAMES_EN: dict[str, str] = {
    "preface": "the preface",
    "overview": "1 (overview)",
    "proactive_disclosure": "2 (proactive disclosure)",
    "applications": "3 (applications)",
    "review_litigation": "4 (administrative review and litigation)",
    "problems_improvements": "5 (problems and improvements)",
    "other_matters": "6 (other matters)",
}
#: How Chinese messages name the preface (the paragraphs before 一、), which has no heading.
PREFACE_NAME = "报告前言"
#: The sections that are text only, without a table.
TEXT_SECTIONS = ("overview", "problems_improvements", "other_matters")
#: Key phrases of the six section headings as real reports print them, strongest first.
SECTION_KEYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("overview", ("总体情况", "概述")),
    ("proactive_disclosure", ("主动公开政府信息情况", "主动公开政府信息", "主动公开情况")),
    (
        "applications",
        ("收到和处理政府信息公开申请", "收到和处理", "依申请公开政府信息情况", "依申请公开情况"),
    ),
    (
        "review_litigation",
        ("行政复议、行政诉讼", "行政复议和行政诉讼", "行政复议及行政诉讼", "行政复议", "行政诉讼"),
    ),
    ("problems_improvements", ("存在的主要问题", "存在问题", "主要问题", "问题")),
    ("other_matters", ("其他需要报告的事项", "其他需要报告", "其他事项")),
)

# ---------------------------------------------------------------------------
# Placeholders and units

#: What a cell holds instead of a figure when the report leaves it blank: read as blank
#: (``None``, with a warning), never as 0.
PLACEHOLDERS = frozenset(
    {
        "/",
        "／",
        "\\",
        "-",
        "--",
        "－",
        "–",
        "—",
        "——",
        "-/-",
        "—/—",
        "/-",
        "×",
        "x",
        "X",
        "无",
        "空",
    }
)
#: The units a figure may carry in its cell, longest first.
UNITS = ("万元", "元", "件", "个", "项", "次")


def is_placeholder(text: str) -> bool:
    """``True`` when a cell's text is one of the :data:`PLACEHOLDERS`.

    >>> is_placeholder(" — "), is_placeholder("／"), is_placeholder("×"), is_placeholder("0")
    (True, True, True, False)
    """
    stripped = text.strip()
    return stripped in PLACEHOLDERS or normalise(stripped) in PLACEHOLDERS


#: The most digits a figure read from a file may have, before or after its point. No report
#: states a figure near it; the bound keeps readers from numbers Python will not convert
#: (``int`` refuses strings of more than 4,300 digits) and from amounts such as
#: ``1E+999999999`` that would be written out as a billion digits.
MAX_FIGURE_DIGITS = 1000


def size_doubt(number: int | Decimal) -> Bilingual | None:
    """Why a figure read is too large or too fine to be a report's figure, else ``None``.

    >>> size_doubt(10**30), size_doubt(Decimal("1234.5")), size_doubt(10**1000)
    (None, None, 'has more than 1,000 digits')
    >>> size_doubt(Decimal("1E+999999999")), size_doubt(Decimal("1E-1001")).message_zh
    ('has more than 1,000 digits', '小数超过 1,000 位')
    """
    if isinstance(number, int):
        return None if -_BOUND < number < _BOUND else _TOO_LONG
    if not number.is_finite():
        return Bilingual("is not a finite number", "不是有限的数")
    _, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)
    if number.adjusted() >= MAX_FIGURE_DIGITS or len(digits) > MAX_FIGURE_DIGITS:
        return _TOO_LONG
    if exponent < -MAX_FIGURE_DIGITS:
        return Bilingual(f"has more than {_LIMIT} decimal places", f"小数超过 {_LIMIT} 位")
    return None


_LIMIT = f"{MAX_FIGURE_DIGITS:,}"
# Made once: the model checks every count it is given (millions in a large summary).
_BOUND = 10**MAX_FIGURE_DIGITS
_TOO_LONG = Bilingual(f"has more than {_LIMIT} digits", f"超过 {_LIMIT} 位")


# Two figures side by side: a space (NFKC makes every space one) between digits, perhaps
# after a comma. Each digit starts at most one attempt and fails within the spaces after
# it, so the search stays linear.
_TWO_FIGURES = re.compile(r"\d,?\s+[+\-]?\d")


def figure_doubt(text: str) -> Bilingual | None:
    """Why a cell's text is not one figure though NFKC and dropping spaces would make it one.

    Readers normalise a cell (NFKC: full-width digits to ASCII, exactly) and drop its
    spaces before reading a figure. That would also turn a superscript, subscript, circled
    or parenthesised digit or a vulgar fraction into digits (``3¹`` into 31, ``⑫`` into 12)
    and two figures side by side into one (``3 4`` into 34). Those are doubtful, never read.

    Returns:
        The reason, for a message (its Chinese as ``message_zh``); ``None`` when the text
        has neither.

    >>> figure_doubt("３４"), figure_doubt("1,234 件")
    (None, None)
    >>> figure_doubt("3¹"), figure_doubt("⑫"), figure_doubt("3 4")
    ("holds '¹', which is not a digit", "holds '⑫', which is not a digit", 'holds two figures')
    """
    if not text.isascii():
        for char in text:
            if (
                ord(char) > 127
                and unicodedata.decimal(char, None) is None
                and unicodedata.numeric(char, None) is not None
                and any("0" <= c <= "9" for c in unicodedata.normalize("NFKC", char))
            ):
                return Bilingual(
                    f"holds {char!r}, which is not a digit", f"含有“{char}”，它不是数字"
                )
        text = unicodedata.normalize("NFKC", text)
    if _TWO_FIGURES.search(text) is not None:
        return Bilingual("holds two figures", "含有两个数")
    return None


# ---------------------------------------------------------------------------
# Agency levels

#: How the agency level is written (workbooks, documents, messages).
LEVEL_NAMES: dict[AgencyLevel, str] = {
    AgencyLevel.DEPARTMENT: "政府部门",
    AgencyLevel.GOVERNMENT: "人民政府",
}
#: How 《条例》第四十九条 names each level where it sets the publication deadline; messages
#: about the deadline quote it.
STATUTORY_LEVEL_NAMES: dict[AgencyLevel, str] = {
    AgencyLevel.DEPARTMENT: "政府部门",
    AgencyLevel.GOVERNMENT: "地方人民政府",
}
#: Every spelling of an agency level that is read, after :func:`normalise`.
_LEVEL_SPELLINGS: dict[str, AgencyLevel] = {
    "department": AgencyLevel.DEPARTMENT,
    "部门": AgencyLevel.DEPARTMENT,
    "政府部门": AgencyLevel.DEPARTMENT,
    "工作部门": AgencyLevel.DEPARTMENT,
    "政府工作部门": AgencyLevel.DEPARTMENT,
    "government": AgencyLevel.GOVERNMENT,
    "政府": AgencyLevel.GOVERNMENT,
    "人民政府": AgencyLevel.GOVERNMENT,
    "地方人民政府": AgencyLevel.GOVERNMENT,
    "地方政府": AgencyLevel.GOVERNMENT,
}


def agency_level(text: str) -> AgencyLevel | None:
    """The agency level a text names, in any spelling that is read; ``None`` for others.

    >>> agency_level("政府部门"), agency_level("部门"), agency_level("department")
    (<AgencyLevel.DEPARTMENT: 'department'>, <AgencyLevel.DEPARTMENT: 'department'>, \
<AgencyLevel.DEPARTMENT: 'department'>)
    >>> agency_level(" 人民政府 "), agency_level("GOVERNMENT"), agency_level("县委")
    (<AgencyLevel.GOVERNMENT: 'government'>, <AgencyLevel.GOVERNMENT: 'government'>, None)
    """
    if isinstance(text, AgencyLevel):
        return text
    return _LEVEL_SPELLINGS.get(normalise(text).lower())


# ---------------------------------------------------------------------------
# Labels

_SPACE = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+|<br\s*/?>", re.IGNORECASE)
_PUNCTUATION = str.maketrans(
    {
        "(": "（",
        ")": "）",
        ":": "：",
        ",": "，",
        ";": "；",
        "“": None,
        "”": None,
        '"': None,
        "'": None,
        "‘": None,
        "’": None,
        "「": None,
        "」": None,
        "『": None,
        "』": None,
    }
)
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.，]|（[一二三四五六七八九十\d]{1,3}）|\d{1,2}[.、）])"
)
#: Words a label may use for another; :func:`canonical_label` rewrites them.
_SYNONYMS = (("合计", "总计"), ("结转下一年度", "结转下年度"))


def normalise(label: str) -> str:
    r"""Normalise a label for comparison: the one label normaliser of the library.

    NFKC (full-width digits and letters to ASCII), no whitespace, line breaks or quotes,
    and full-width brackets, colon, comma and semicolon.

    >>> normalise(' 3.危及"三安全一稳定" ') == normalise("3．危及“三安全一稳定”")
    True
    >>> normalise("行    政    诉    讼"), normalise("（一）予以公开"), normalise("(一)予以公开")
    ('行政诉讼', '（一）予以公开', '（一）予以公开')
    """
    known = _NORMALISED.get(label)
    if known is not None:
        return known
    text = _SPACE.sub("", unicodedata.normalize("NFKC", label)).translate(_PUNCTUATION)
    if len(label) <= _MEMO_LENGTH:
        if len(_NORMALISED) >= _MEMO_SIZE:
            _NORMALISED.clear()
        _NORMALISED[label] = text
    return text


#: Labels and cell texts recur within a report and across reports (the format's own
#: labels, ``0``): short ones are normalised once and remembered, up to a bound.
_NORMALISED: dict[str, str] = {}
_MEMO_LENGTH = 48
_MEMO_SIZE = 1 << 15


def strip_numbering(label: str) -> str:
    """A normalised label without its leading numbering (一、 （一） 1. and their runs).

    >>> strip_numbering("三、本年度办理结果"), strip_numbering("（三）1.危及“三安全一稳定”")
    ('本年度办理结果', '危及三安全一稳定')
    >>> strip_numbering("（七）")
    '（七）'
    """
    text = normalise(label)
    while True:
        match = _NUMBERING.match(text)
        if match is None or match.end() == len(text):
            return text
        text = text[match.end() :]


def canonical_label(label: str) -> str:
    """:func:`normalise`, with the synonyms a label may use rewritten (合计 → 总计).

    >>> canonical_label("四、结转下一年度继续办理"), canonical_label("合 计")
    ('四、结转下年度继续办理', '总计')
    """
    text = normalise(label)
    for word, canonical in _SYNONYMS:
        text = text.replace(word, canonical)
    return text


#: Declared variants of row labels, by (table number, row id); compared after
#: :func:`strip_numbering`, exactly like the official labels.
ALIASES: dict[tuple[int, str], tuple[str, ...]] = {
    (2, "normative_documents"): ("规范性文件", "行政规范性文件"),
    (2, "administrative_fees"): ("行政事业性收费项目",),
    (2, "central_procurement"): ("政府集中采购项目",),
    (3, "carried_forward"): ("结转下一年度继续办理", "结转下年度办理", "结转下一年度办理"),
    (3, "carried_over"): ("上年结转政府信息公开申请数", "上一年结转政府信息公开申请数量"),
    (3, "new_received"): ("本年新收政府信息公开申请数",),
    (3, "results_total"): ("合计",),
    (3, "denied_security_stability"): ("危及三安全一稳定",),
    (3, "other_processing"): ("其他处理",),
}
#: Declared variants of column labels, by column id (the ids of tables 2 and 3 differ).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "amount_10k_yuan": ("本年收费金额", "本年收费金额(万元)", "收费金额"),
    "decisions": ("本年处理决定数量", "处理决定数量"),
    "change": ("本年增减", "本年增/减"),
    "other_org": ("其他组织",),
}

# ---------------------------------------------------------------------------
# The properties of a rendered document (read back by the marked reader)

#: The facts a rendered document carries out of sight, named by their path in the model, in
#: the order they are written (Word custom document properties, HTML ``<meta name=…>``
#: tags, Markdown front matter). ``meta.format_version`` is always written and marks the
#: set; ``meta.title`` and ``meta.source`` are left out when ``None``; the 信息处理费 is
#: written only when section 六's text states another amount (empty: none), and the unit of
#: the 2019 format's 采购总金额 only when known.
DOCUMENT_PROPERTIES = (
    "meta.agency",
    "meta.year",
    "meta.format_version",
    "meta.title",
    "meta.published_on",
    "meta.agency_level",
    "meta.source",
    "other_matters.information_fee_yuan",
    "proactive_disclosure.central_procurement.amount_unit",
)
_PROPERTY_UNSAFE = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"})
_PROPERTY_NAMED = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_PROPERTY_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([nrt\\]))")


def property_value(text: str) -> str:
    r"""Write a text as a property value that every carrier keeps exactly.

    A value that is one line of printable text without whitespace at either end is written
    as it is; any other is escaped: a backslash, then the text with ``\\``, ``\n``,
    ``\r``, ``\t`` and ``\uXXXX`` escapes (:func:`read_property_value` reverses it).

    >>> property_value("重庆市綦江区公安局"), property_value(" 某某局\t")
    ('重庆市綦江区公安局', '\\\\u0020某某局\\t')
    """
    last = len(text) - 1
    if not text.startswith("\\") and not any(
        unicodedata.category(ch) in _PROPERTY_UNSAFE or (ch.isspace() and i in {0, last})
        for i, ch in enumerate(text)
    ):
        return text
    out = ["\\"]
    for i, ch in enumerate(text):
        if ch in _PROPERTY_NAMED:
            out.append(_PROPERTY_NAMED[ch])
        elif unicodedata.category(ch) in _PROPERTY_UNSAFE or (ch.isspace() and i in {0, last}):
            code = ord(ch)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


def _unescape_property(match: re.Match[str]) -> str:
    short, long, named = match.groups()
    if named is not None:
        return {"n": "\n", "r": "\r", "t": "\t", "\\": "\\"}[named]
    number = int(short or long, 16)
    return chr(number) if number <= 0x10FFFF else match.group()


def read_property_value(value: str) -> str:
    r"""Read a property value :func:`property_value` wrote.

    >>> read_property_value("\\\\u0020某某局\\t"), read_property_value("某某局")
    (' 某某局\t', '某某局')
    """
    if not value.startswith("\\"):
        return value
    return _PROPERTY_ESCAPE.sub(_unescape_property, value[1:])


#: The prefix of a note under a table.
NOTE_PREFIX = "备注："


def customary_title(agency: str, year: int) -> str:
    """The customary title a report without its own title prints.

    >>> customary_title("某某局", 2023)
    '某某局2023年政府信息公开工作年度报告'
    """
    return f"{agency}{year}年政府信息公开工作年度报告"


# ---------------------------------------------------------------------------
# The format version

#: Labels of table 2 found only in the 2019 format.
V2019_SIGNALS = (
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "政府集中采购",
    "其他对外管理服务事项",
)
#: Labels of table 2 found only in the 2021 format.
V2021_SIGNALS = (
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年收费金额",
    "本年处理决定数量",
)
#: Words of table 3 found only in the 2021 format (its （六）其他处理 sub-rows).
_V2021_TABLE3_SIGNALS = ("逾期不补正", "缴纳费用")
#: The 2019 format's single （六）其他处理 row, when nothing else tells.
_V2019_TABLE3_SIGNAL = "其他处理"


def detect_version(
    table2: Callable[[str], bool], table3: Callable[[str], bool] | None = None
) -> FormatVersion | None:
    """The format version a report's labels show, or ``None`` when they do not tell.

    Args:
        table2: tells whether table 2 holds a (normalised) signal label.
        table3: the same for table 3, asked only when table 2 does not tell.

    >>> text = normalise("本年制发件数 本年废止件数 现行有效件数")
    >>> detect_version(lambda signal: normalise(signal) in text)
    <FormatVersion.V2021: '2021'>
    >>> detect_version(lambda signal: False) is None
    True
    """
    old = sum(1 for signal in V2019_SIGNALS if table2(signal))
    new = sum(1 for signal in V2021_SIGNALS if table2(signal))
    if old != new:
        return FormatVersion.V2019 if old > new else FormatVersion.V2021
    if table3 is None:
        return None
    if any(table3(signal) for signal in _V2021_TABLE3_SIGNALS):
        return FormatVersion.V2021
    if table3(_V2019_TABLE3_SIGNAL):
        return FormatVersion.V2019
    return None


# ---------------------------------------------------------------------------
# Documents: conventions the renderers write and the readers honour

#: The indent that marks a literal line of text: two ideographic spaces (the customary
#: first-line indent of a paragraph).
INDENT = "\u3000\u3000"
#: The characters XML 1.0 cannot hold (Word documents escape them as ``_xHHHH_``).
XML_INVALID = frozenset((*range(0x9), 0xB, 0xC, *range(0xE, 0x20), 0xFFFE, 0xFFFF))
# Matched against the stripped line, so no two runs of spaces meet: ``\s*[,，/]?\s*`` and
# the outer ``\s*$`` let a line padded with spaces take seconds.
_FOOTER = re.compile(
    r"(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*(?:[,，/]\s*)?共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})"
)
#: The longest stripped line read as a page number; longer lines are text at once.
_FOOTER_MAX = 64


def is_page_footer(line: str) -> bool:
    """Tell whether a line is a page number a PDF printed at the foot of a page.

    >>> is_page_footer("- 3 -"), is_page_footer("第 2 页 共 6 页"), is_page_footer("3 件")
    (True, True, False)
    """
    stripped = line.strip()
    if not stripped or not (stripped[0].isdigit() or stripped[0] in _FOOTER_STARTS):
        return False
    return len(stripped) <= _FOOTER_MAX and _FOOTER.fullmatch(stripped) is not None


#: The first characters :data:`_FOOTER` matches besides digits (a dash, or 第).
_FOOTER_STARTS = frozenset("-—–－第")


#: The radicals PDF fonts map ideographs to (⼀ for 一, ⺠ for 民), read as the ideographs:
#: the Kangxi radicals by their compatibility mapping, the common supplement forms by hand.
#: Text a tool extracted from such a PDF holds them too; every reader reads them so.
RADICALS = str.maketrans(
    {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0x2F00, 0x2FD6)}
    | {
        "\u2e8c": "小", "\u2e8d": "小", "\u2e95": "彐", "\u2e9c": "日", "\u2e9f": "母",
        "\u2ea0": "民", "\u2ea4": "爫", "\u2eaa": "疋", "\u2eab": "目", "\u2eae": "竹",
        "\u2eb3": "网", "\u2eb6": "羊", "\u2eb7": "羊", "\u2ebb": "聿", "\u2ec3": "襾",
        "\u2ec4": "西", "\u2ec5": "见", "\u2ec6": "角", "\u2ec8": "讠", "\u2ecb": "车",
        "\u2ecf": "阝", "\u2ed0": "钅", "\u2ed3": "长", "\u2ed4": "门", "\u2ed6": "阝",
        "\u2ed7": "雨", "\u2eda": "页", "\u2edb": "风", "\u2edc": "飞", "\u2edd": "食",
        "\u2ee0": "饣", "\u2ee2": "马", "\u2ee3": "骨", "\u2ee4": "鬼", "\u2ee5": "鱼",
        "\u2ee6": "鸟", "\u2ee7": "卤", "\u2ee8": "麦", "\u2ee9": "黄", "\u2eec": "齐",
        "\u2eee": "齿", "\u2ef0": "龙", "\u2ef3": "龟",
    }
)  # fmt: skip
_RADICAL = re.compile("[\u2e80-\u2fdf]")


def with_ideographs(text: str) -> str:
    """The text with the radicals of :data:`RADICALS` read as ideographs (same length).

    >>> with_ideographs("上海市人⺠政府⼀是")
    '上海市人民政府一是'
    """
    return text.translate(RADICALS) if _RADICAL.search(text) else text


# ---------------------------------------------------------------------------
# File kinds


class FileKind(NamedTuple):
    """One kind of file the library reads or writes.

    Attributes:
        id: ``json``, ``xlsx``, ``html``, ``text``, ``markdown``, ``docx`` or ``pdf``.
        suffixes: the suffixes of this kind, the usual one first.
        name: how documentation and messages name it.
        published: a published document, read by the recogniser (``parse_file``).
        writable: ``dump`` and ``render`` write it.
    """

    id: str
    suffixes: tuple[str, ...]
    name: str
    published: bool
    writable: bool


#: Every kind of file, in the order help texts list them.
FILE_KINDS = (
    FileKind("json", (".json",), "JSON", published=False, writable=True),
    FileKind("xlsx", (".xlsx",), "Excel workbook", published=False, writable=True),
    FileKind("html", (".html", ".htm", ".shtml", ".xhtml"), "web page", True, writable=True),
    FileKind("text", (".txt", ".text"), "plain text", published=True, writable=True),
    FileKind("markdown", (".md", ".markdown"), "Markdown", published=True, writable=True),
    FileKind("docx", (".docx",), "Word document", published=True, writable=True),
    FileKind("pdf", (".pdf",), "PDF", published=True, writable=False),
)
_BY_SUFFIX = {suffix: kind for kind in FILE_KINDS for suffix in kind.suffixes}


def file_kind(suffix: str) -> FileKind | None:
    """The kind of file a suffix names (any case), or ``None``.

    >>> file_kind(".MD").id, file_kind(".htm").id, file_kind(".doc")
    ('markdown', 'html', None)
    """
    return _BY_SUFFIX.get(suffix.lower())


def suffixes(kinds: Iterable[FileKind] = FILE_KINDS) -> tuple[str, ...]:
    """Every suffix of ``kinds``, in order.

    >>> " ".join(suffixes(k for k in FILE_KINDS if k.writable))
    '.json .xlsx .html .htm .shtml .xhtml .txt .text .md .markdown .docx'
    """
    return tuple(suffix for kind in kinds for suffix in kind.suffixes)


#: Files an office receives that look like reports but that the library cannot read, by
#: suffix, each with the advice a submitting agency can act on.
REFUSED_FILES: dict[str, str] = {
    ".doc": "Word 97-2003 格式，请另存为 .docx 后重新提交",
    ".wps": "WPS 文字格式，请另存为 .docx 后重新提交",
    ".dot": "Word 97-2003 模板，请另存为 .docx 后重新提交",
    ".wpt": "WPS 文字模板，请另存为 .docx 后重新提交",
    ".rtf": "RTF 格式，请另存为 .docx 后重新提交",
    ".odt": "OpenDocument 文本格式，请另存为 .docx 后重新提交",
    ".xls": "Excel 97-2003 格式，请另存为 .xlsx 后重新提交",
    ".et": "WPS 表格格式，请另存为 .xlsx 后重新提交",
    ".ods": "OpenDocument 表格格式，请另存为 .xlsx 后重新提交",
    ".xlsm": "含宏的 Excel 格式，请另存为 .xlsx 后重新提交",
    ".ofd": "OFD 版式文件，请提交 .docx、.pdf 或网页版本",
    ".ceb": "CEB 版式文件，请提交 .docx、.pdf 或网页版本",
    ".ppt": "演示文稿不是年度报告，请提交 .docx 或 .pdf",
    ".pptx": "演示文稿不是年度报告，请提交 .docx 或 .pdf",
    ".dps": "演示文稿不是年度报告，请提交 .docx 或 .pdf",
    ".zip": "压缩包，请解压后提交其中的报告文件",
    ".rar": "压缩包，请解压后提交其中的报告文件",
    ".7z": "压缩包，请解压后提交其中的报告文件",
    ".jpg": "图片无法读取文字，请提交 .docx、.pdf 或网页版本",
    ".jpeg": "图片无法读取文字，请提交 .docx、.pdf 或网页版本",
    ".png": "图片无法读取文字，请提交 .docx、.pdf 或网页版本",
    ".tif": "图片无法读取文字，请提交 .docx、.pdf 或网页版本",
    ".tiff": "图片无法读取文字，请提交 .docx、.pdf 或网页版本",
}


def refused_file(name: str) -> str | None:
    """The advice for a file of a kind the library cannot read, by its suffix, or ``None``.

    >>> refused_file("财政局2023年报.DOC")
    'Word 97-2003 格式，请另存为 .docx 后重新提交'
    >>> refused_file("report.docx") is None
    True
    """
    dot = name.rfind(".")
    return REFUSED_FILES.get(name[dot:].lower()) if dot > 0 else None


def is_skipped_file(name: str) -> bool:
    """A file or folder name a walk over submitted files passes by without a word.

    Hidden files (``.DS_Store``), the lock files Word, Excel and WPS leave beside an open
    document (``~$报告.docx``, ``.~报告.docx``) and their temporary copies (``~WRL0001.tmp``).

    >>> [is_skipped_file(n) for n in ("~$报告.docx", ".DS_Store", "~WRL0001.tmp", "报告.docx")]
    [True, True, True, False]
    """
    return name.startswith((".", "~$")) or (name.startswith("~") and name.lower().endswith(".tmp"))


_BRACKETS = str.maketrans(
    {
        "（": "(",
        "）": ")",
        "〔": "(",
        "〕": ")",
        "【": "(",
        "】": ")",
        "[": "(",
        "]": ")",
        "［": "(",
        "］": ")",
        "｛": "(",
        "｝": ")",
        "{": "(",
        "}": ")",
        "<": "(",
        ">": ")",
        "《": None,
        "》": None,
    }
)


def name_key(name: str) -> str:
    """An agency's name as rosters and reports are matched by: exact, never fuzzy.

    NFKC (full-width letters and digits to half width), no whitespace anywhere, every kind
    of bracket as ``( )``, and no 《》 quotes. Nothing else changes: 区公安局 and
    重庆市綦江区公安局 are different names (a roster's 别名 joins them).

    >>> name_key("重庆市 綦江区（公安局）") == name_key("重庆市綦江区〔公安局〕")
    True
    >>> name_key("区公安局") == name_key("重庆市綦江区公安局")
    False
    """
    text = unicodedata.normalize("NFKC", name)
    return _SPACE.sub("", text).translate(_BRACKETS)
