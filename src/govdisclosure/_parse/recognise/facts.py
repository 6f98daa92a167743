"""The report's facts: its title, agency, year, format version, publication date and level.

The title names the agency and the year (``某某局2023年政府信息公开工作年度报告``), the
statistics period confirms the year, a ``发布日期`` line gives the publication date, and the
labels of tables 2 and 3 tell the format version when they differ from the year's.

Text a crawler saved often starts with a header block of ``label: value`` lines
(``标题:``, ``发布时间:``, ``发布机构:``, ``原文链接:`` …); :func:`crawler_header` reads it
as metadata. The signature (落款) at the end, the agency's name over a date, names the
agency in full where the title shortens it (``三明市2022年…`` signed ``三明市人民政府``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from typing import NamedTuple

from govdisclosure import zh
from govdisclosure._format import AgencyLevel, FormatVersion
from govdisclosure._format.vocabulary import detect_version, normalise
from govdisclosure._parse.recognise.items import Item
from govdisclosure._parse.recognise.sections import Region
from govdisclosure._parse.recognise.state import State
from govdisclosure._parse.result import ParseError, WarningCode

__all__ = [
    "Header",
    "Signature",
    "Title",
    "agency_level_of",
    "crawler_header",
    "find_title",
    "format_version",
    "header_published_on",
    "is_agency_name",
    "is_fact_line",
    "period_year",
    "published_on",
    "report_year",
    "signature",
    "stated_agency",
    "title_of",
]

#: What a report calls itself after the agency and year (…政府信息公开工作年度报告), and
#: the characters an agency's name in a title may hold.
_REPORT = r"(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:工作)?报告"
_NAME = r"[^，。：；、《》“”\"'|]"
_TITLE = re.compile(
    rf"(?:(?P<a1>{_NAME}{{2,40}}?)(?P<y1>(?:19|20)\d\d)年度?"
    rf"|(?P<y2>(?:19|20)\d\d)年度?(?!政府信息|政务公开|信息公开)(?P<a2>{_NAME}{{2,40}}?))" + _REPORT
)
# The statistics period however it is worded: 统计期限/统计时限/统计期间/统计周期 为/自/从
# 2021年1月1日(起)至/到/— …; only its first day is needed.
_PERIOD = re.compile(
    r"((?:19|20)\d\d)\s*年\s*0?1\s*月\s*0?1\s*日?\s*(?:起|开始)?\s*(?:至|到|—|-|～|~)"
)
#: A line of a crawler's header block: a label of the page's metadata, a colon, a value.
_HEADER_LINE = re.compile(
    r"\s*(标题|题目|发布时间|发布日期|发文日期|成文日期|发布机构|发文机关|来源|原文链接|原始链接"
    r"|页面链接|链接|文号|索引号|栏目|主题分类|本地目录|正文)\s*[：:]\s*(.*?)\s*"
)
_HEADER_DATE = re.compile(r"((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?:\s+\d{1,2}:\d\d(?::\d\d)?)?")
# The preface announcing the report: 现公布/特向社会公布/编制 {agency}{year}年(度)…报告.
_ANNOUNCED = re.compile(rf"(?:公布|发布|编制)(?P<a>{_NAME}{{2,40}}?)(?:19|20)\d\d年度?" + _REPORT)
_BODY_MARK = re.compile(r"[=\-—\s]*正文[=\-—\s：:]*")
_AGENCY_NAME = re.compile(r"[^\s，。：；、《》“”（）()\d]{2,30}")
_DATE_LABEL = re.compile(
    r"(?:发布|公开|成文|印发)(?:日期|时间)\s*[：:]?\s*((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})"
    r"\s*[-月/.]\s*(\d{1,2})"
)


class Title(NamedTuple):
    """The report's title and what it names.

    Attributes:
        agency: the agency the title names.
        year: the report year the title names (``None``: a title that lost its year, as
            text extracted from a PDF may: ``年上海市人民政府办公厅政府信息公开工作年度报告``).
        text: the title as matched (normalised).
        item: the item holding it (``None``: the document's own title, HTML ``<title>``).
    """

    agency: str
    year: int | None
    text: str
    item: Item | None


def find_title(items: list[Item], stop: int, fallback: str | None) -> Title | None:
    """The first title among the lines before ``stop`` (one line or two), else ``fallback``'s."""
    texts = [None if item.is_row else item.norm for item in items[:stop]]
    found: Title | None = None
    for i, text in enumerate(texts):
        if not text:
            continue
        if len(text) > 60:
            if found is None and all(not t for t in texts[:i]):
                # The document's first line runs on past its title (a page saved as one
                # line): the title may start it.
                found = _title_match(text[:80], items[i])
                if found is not None:
                    break
            continue
        before = texts[i - 1] if i > 0 else None
        after = texts[i + 1] if i + 1 < len(texts) else None
        for candidate in (
            text,
            (before or "") + text if before else None,
            text + (after or "") if after else None,
        ):
            if candidate and len(candidate) <= 80:
                title = _title_match(candidate, items[i])
                if title is not None:
                    found = title
                    break
        if found is not None:
            # The first title wins: a later match is a document the text cites, such as
            # 《…关于做好2023年政府信息公开工作年度报告编制工作的通知》 wrapped over lines.
            break
    if found is None and fallback:
        found = _title_match(normalise(fallback), None)
    if found is None:
        found = _undated_title(items[: min(stop, _UNDATED_REACH)])
    return found


#: A title line without its year (a PDF's text may print the year elsewhere), with what
#: is left of 2019年 before it; only among the document's first lines.
_UNDATED_TITLE = re.compile(
    rf"(?:(?:19|20)?\d{{0,2}}年度?)?(?P<a>(?:(?!\d){_NAME}){{2,40}}?)" + _REPORT
)
_UNDATED_REACH = 5


def _undated_title(items: list[Item]) -> Title | None:
    for item in items:
        if item.is_row or len(item.norm) > 60:
            continue
        match = _UNDATED_TITLE.fullmatch(item.norm)
        if match is not None and not match.group("a").startswith(("关于", "年度")):
            return Title(match.group("a"), None, item.norm[match.start("a") :], item)
    return None


def _title_match(text: str, item: Item | None) -> Title | None:
    label = _HEADER_LINE.fullmatch(text)
    if label is not None and label.group(1) in ("标题", "题目"):
        text = label.group(2)
    match = _TITLE.match(text)
    if match is None:
        return None
    agency = (match.group("a1") or match.group("a2") or "").strip()
    year = int(match.group("y1") or match.group("y2"))
    agency = agency.removeprefix("关于")
    if len(agency) < 2:
        return None
    return Title(agency, year, match.group(0), item)


def title_of(text: str) -> Title | None:
    r"""The agency and year a title names, when the text is one (over lines or not).

    >>> title_of("重庆市綦江区公安局2023年\n政府信息公开工作年度报告")[:2]
    ('重庆市綦江区公安局', 2023)
    >>> title_of("年度报告") is None
    True
    """
    return _title_match(normalise(text), None)


def period_year(text: str) -> int | None:
    """The year a statistics period sentence in the text starts in.

    >>> period_year("本报告中所列数据的统计期限为2023年1月1日至2023年12月31日。")
    2023
    >>> period_year("统计时限为 20 23 年 1 月 1 日至 20 23 年 12 月 31 日")  # a page's spans
    2023
    """
    match = _PERIOD.search(normalise(text))
    return int(match.group(1)) if match else None


def is_fact_line(text: str) -> bool:
    """``True`` when a line states the title or a date rather than the preface's prose."""
    return _DATE_LABEL.search(text) is not None or _TITLE.match(normalise(text)) is not None


def published_on(
    items: list[Item], stop: int, state: State, skip: frozenset[int] = frozenset()
) -> dt.date | None:
    """The date a ``发布日期`` (公开日期, 成文日期 …) line before ``stop`` states.

    The items at the positions in ``skip`` (a crawler's header block) are not read.
    """
    for item in items[:stop]:
        if item.pos in skip:
            continue
        match = _DATE_LABEL.search(item.text)
        if match is None:
            continue
        try:
            date = zh.parse_date(item.text[match.start(1) : match.end(3)])
        except ValueError:
            state.warn(
                WarningCode.METADATA, f"{match.group(0)!r} is not a real date", item.location
            )
            continue
        state.source("meta.published_on", match.group(0), item.location)
        return date
    return None


def _period_year(items: list[Item], stop: int) -> tuple[int, Item] | None:
    for item in items[:stop]:
        if item.is_row:
            continue
        match = _PERIOD.search(item.norm)
        if match:
            return int(match.group(1)), item
    return None


def report_year(
    items: list[Item], first: int, title: Title | None, state: State, given: int | None = None
) -> int:
    """The report year: the caller's (``given``), else the title's, else the statistics period's.

    Raises:
        ParseError: none tells the year, or it predates the national format.
    """
    period = _period_year(items, min(len(items), first + 40))
    titled = title.year if title is not None else None
    if title is not None and title.item is not None:
        state.source("meta.title", title.text, title.item.location)
    if given is not None:
        stated = titled if titled is not None else period[0] if period is not None else None
        if stated is not None and stated != given:
            state.warn(
                WarningCode.METADATA,
                f"the report states the year {stated} but the year {given} was given; "
                "the given year is used",
            )
        if given < 2019:
            raise _too_early(given)
        return given
    if title is not None and titled is not None:
        if title.item is not None:
            state.source("meta.agency", title.text, title.item.location)
            state.source("meta.year", title.text, title.item.location)
        if period is not None and period[0] != titled:
            state.warn(
                WarningCode.METADATA,
                f"the title names the year {titled} but the statistics period starts in "
                f"{period[0]}; the title's year is used",
                period[1].location,
            )
        year = titled
    elif period is not None:
        state.source("meta.year", period[1].text, period[1].location)
        year = period[0]
    else:
        raise ParseError(
            "the report year was found neither in a title nor in a statistics period; "
            "pass year= to parse() or parse_file() to state it",
            detail_zh="标题和统计期限中都找不到报告年度；"
            "可在 parse() 或 parse_file() 中用 year= 指定",
        )
    if year < 2019:
        raise _too_early(year)
    return year


def _too_early(year: int) -> ParseError:
    return ParseError(
        f"the report year {year} predates the national format (2019 on)",
        detail_zh=f"报告年度 {year} 早于全国统一格式（自 2019 年度起适用）",
    )


def _detect_version(items: list[Item], regions: dict[str, Region]) -> FormatVersion | None:
    @functools.cache
    def text(section: str) -> str:
        start, stop = regions.get(section, (0, 0))
        return "".join(items[i].norm for i in range(start, stop))

    return detect_version(
        lambda signal: signal in text("proactive_disclosure"),
        lambda signal: signal in text("applications"),
    )


def format_version(
    items: list[Item], regions: dict[str, Region], year: int, state: State
) -> FormatVersion:
    expected = FormatVersion.for_year(year)
    detected = _detect_version(items, regions)
    if detected is not None and detected is not expected:
        state.warn(
            WarningCode.FORMAT_YEAR,
            f"the tables follow the {detected.value} format, but the format in force for "
            f"{year} is {expected.value}; the tables are read as they are laid out",
        )
    return detected or expected


def agency_level_of(agency: str) -> AgencyLevel:
    """The level an agency's name tells: a government (…人民政府), else a department.

    The body that governs a zone (平潭综合实验区, 某某新区管委会, 某某经济技术开发区) reports
    as its government does; its departments' names end in 局, 委, 办 … as any department's.

    >>> agency_level_of("淮安市人民政府").value, agency_level_of("上海市人民政府办公厅").value
    ('government', 'department')
    >>> agency_level_of("平潭综合实验区").value, agency_level_of("平潭综合实验区财政金融局").value
    ('government', 'department')
    """
    if _GOVERNING.search(agency) and "办公" not in agency:
        return AgencyLevel.GOVERNMENT
    return AgencyLevel.DEPARTMENT


#: The ends of the names of bodies that report as a government: 人民政府, and the bodies
#: governing a zone.
_GOVERNING = re.compile(
    r"(?:人民政府|政府|管委会|管理委员会|实验区|试验区|新区|开发区|高新区|示范区|合作区)$"
)


class Header(NamedTuple):
    """What a crawler's header block states (each ``None`` where blank or absent).

    Attributes:
        title: the ``标题`` line's item, else ``None``.
        agency: the ``发布机构`` (发文机关).
        published: the ``发布时间`` as written, and its item.
        source: the ``原文链接`` (原始链接) address.
        items: the items of the block, which are not the report's prose.
    """

    title: Item | None
    agency: str | None
    published: tuple[str, Item] | None
    source: str | None
    items: frozenset[int]


def crawler_header(items: list[Item], stop: int) -> Header | None:
    """The header block a crawler wrote above the page text, if the text starts with one.

    The block is the run of ``label: value`` lines at the very top (a line or two of the
    crawler's own notes may stand among them); it ends at the first line of prose or at
    ``正文``. Fewer than two labelled lines is no header.
    """
    found: dict[str, tuple[str, Item]] = {}
    last = -1
    for item in items[: min(stop, 16)]:
        if item.is_row:
            break
        if _BODY_MARK.fullmatch(item.text):
            last = item.pos
            break
        match = _HEADER_LINE.fullmatch(item.text)
        if match is None:
            if not found or len(item.text) > 40:
                break
            continue
        label, stated = match.groups()
        last = item.pos
        if label == "正文":
            break
        found.setdefault(label, (stated, item))
    if len(found) < 2:
        return None
    positions = range(items[0].pos, last + 1)

    def value(*labels: str) -> tuple[str, Item] | None:
        for label in labels:
            if label in found and found[label][0]:
                return found[label]
        return None

    title = value("标题", "题目")
    agency = value("发布机构", "发文机关")
    source = value("原文链接", "原始链接", "页面链接", "链接")
    return Header(
        title=title[1] if title else None,
        agency=agency[0] if agency else None,
        published=value("发布时间", "发布日期", "发文日期"),
        source=source[0] if source and source[0].startswith(("http://", "https://")) else None,
        items=frozenset(positions),
    )


def header_published_on(header: Header | None, year: int, state: State) -> dt.date | None:
    """The header's publication date, unless it is a placeholder.

    A crawler fills a missing date with whatever the page had: an incomplete date
    (``2020-10-``) or one before the report year has ended, which cannot be the date a
    report on that year was published. Such a date is dropped with a warning.
    """
    if header is None or header.published is None:
        return None
    text, item = header.published
    match = _HEADER_DATE.fullmatch(text)
    date = None
    if match is not None:
        try:
            date = dt.date(*(int(group) for group in match.groups()))
        except ValueError:
            date = None
    if date is None or date <= dt.date(year, 12, 31):
        state.warn(
            WarningCode.METADATA,
            f"the page's publication date {text!r} is a placeholder (not a date after the "
            f"report year {year}); meta.published_on is left empty",
            item.location,
        )
        return None
    state.source("meta.published_on", item.text, item.location)
    return date


class Signature(NamedTuple):
    """The signature (落款) at the end: the agency's name over the date.

    Attributes:
        agency: the name (normalised).
        date: the date.
        item: the name's item.
        dated: the date's item.
    """

    agency: str
    date: dt.date
    item: Item
    dated: Item


def signature(items: list[Item]) -> Signature | None:
    """The signature among the last lines: a name alone on a line, then a date alone.

    A few lines may follow it (``（此件主动公开）``, a page number).
    """
    tail = items[-6:]
    for i in range(len(tail) - 1, 0, -1):
        name, day = tail[i - 1], tail[i]
        if name.is_row or day.is_row:
            continue
        try:
            date = zh.parse_date(day.text)
        except ValueError:
            continue
        agency = normalise(name.text)
        if not is_agency_name(agency):
            return None
        return Signature(agency, date, name, day)
    return None


def is_agency_name(text: str) -> bool:
    """``True`` when a (normalised) line could be an agency's name alone: a signature's.

    >>> is_agency_name("重庆市綦江区公安局"), is_agency_name("本年度无。")
    (True, False)
    """
    return _AGENCY_NAME.fullmatch(text) is not None


def stated_agency(items: list[Item], stop: int) -> tuple[str, Item] | None:
    """The agency the preface names where it announces the report (现公布…年度报告).

    Crawler text breaks the sentence into one line per text node, so the lines before
    ``stop`` are joined (normalised) before the search.
    """
    offsets: list[int] = []
    lines: list[Item] = []
    parts: list[str] = []
    length = 0
    for item in items[:stop]:
        if item.is_row:
            continue
        part = item.norm
        offsets.append(length)
        lines.append(item)
        parts.append(part)
        length += len(part)
    match = _ANNOUNCED.search("".join(parts))
    if match is None:
        return None
    # The line the agency's name starts in: the last one starting at or before it.
    at = lines[bisect.bisect_right(offsets, match.start("a")) - 1]
    return match.group("a"), at
