"""The report's facts: its title, agency, year, format version, publication date and level.

The title names the agency and the year (``某某局2023年政府信息公开工作年度报告``), the
statistics period confirms the year, a ``发布日期`` line gives the publication date, and the
labels of tables 2 and 3 tell the format version when they differ from the year's.
"""

from __future__ import annotations

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
    "Title",
    "agency_level_of",
    "find_title",
    "format_version",
    "is_fact_line",
    "published_on",
    "report_year",
]

_TITLE = re.compile(
    r"(?:(?P<a1>[^，。：；、《》“”\"'|]{2,40}?)(?P<y1>(?:19|20)\d\d)年度?"
    r"|(?P<y2>(?:19|20)\d\d)年度?(?!政府信息|政务公开|信息公开)(?P<a2>[^，。：；、《》“”\"'|]{2,40}?))"
    r"(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:工作)?报告"
)
_PERIOD = re.compile(r"((?:19|20)\d\d)\s*年\s*0?1\s*月\s*0?1\s*日?\s*(?:至|到|—|-|～|~)")
_DATE_LABEL = re.compile(
    r"(?:发布|公开|成文|印发)(?:日期|时间)\s*[：:]?\s*((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})"
    r"\s*[-月/.]\s*(\d{1,2})"
)


class Title(NamedTuple):
    """The report's title and what it names.

    Attributes:
        agency: the agency the title names.
        year: the report year the title names.
        text: the title as matched (normalised).
        item: the item holding it (``None``: the document's own title, HTML ``<title>``).
    """

    agency: str
    year: int
    text: str
    item: Item | None


def find_title(items: list[Item], stop: int, fallback: str | None) -> Title | None:
    """The first title among the lines before ``stop`` (one line or two), else ``fallback``'s."""
    texts = [None if item.is_row else normalise(item.text) for item in items[:stop]]
    found: Title | None = None
    for i, text in enumerate(texts):
        if not text or len(text) > 60:
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
    return found


def _title_match(text: str, item: Item | None) -> Title | None:
    match = _TITLE.match(text)
    if match is None:
        return None
    agency = (match.group("a1") or match.group("a2") or "").strip()
    year = int(match.group("y1") or match.group("y2"))
    agency = agency.removeprefix("关于")
    if len(agency) < 2:
        return None
    return Title(agency, year, match.group(0), item)


def is_fact_line(text: str) -> bool:
    """``True`` when a line states the title or a date rather than the preface's prose."""
    return _DATE_LABEL.search(text) is not None or _TITLE.match(normalise(text)) is not None


def published_on(items: list[Item], stop: int, state: State) -> dt.date | None:
    """The date a ``发布日期`` (公开日期, 成文日期 …) line before ``stop`` states."""
    for item in items[:stop]:
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
        match = _PERIOD.search(item.text)
        if match:
            return int(match.group(1)), item
    return None


def report_year(items: list[Item], first: int, title: Title | None, state: State) -> int:
    """The report year: the title's, else the statistics period's.

    Raises:
        ParseError: neither tells the year, or it predates the national format.
    """
    period = _period_year(items, min(len(items), first + 40))
    if title is not None:
        if title.item is not None:
            state.source("meta.agency", title.text, title.item.location)
            state.source("meta.year", title.text, title.item.location)
            state.source("meta.title", title.text, title.item.location)
        if period is not None and period[0] != title.year:
            state.warn(
                WarningCode.METADATA,
                f"the title names the year {title.year} but the statistics period starts in "
                f"{period[0]}; the title's year is used",
                period[1].location,
            )
        year = title.year
    elif period is not None:
        state.source("meta.year", period[1].text, period[1].location)
        year = period[0]
    else:
        raise ParseError("the report year was found neither in a title nor in a statistics period")
    if year < 2019:
        raise ParseError(f"the report year {year} predates the national format (2019 on)")
    return year


def _detect_version(items: list[Item], regions: dict[str, Region]) -> FormatVersion | None:
    @functools.cache
    def text(section: str) -> str:
        start, stop = regions.get(section, (0, 0))
        return "".join(normalise(items[i].text) for i in range(start, stop))

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

    >>> agency_level_of("淮安市人民政府").value, agency_level_of("上海市人民政府办公厅").value
    ('government', 'department')
    """
    if re.search(r"(?:人民)?政府$", agency) and "办公" not in agency:
        return AgencyLevel.GOVERNMENT
    return AgencyLevel.DEPARTMENT
