"""Building the report: the section texts, the notes under tables, and the AnnualReport.

Texts are the prose items of a section's region, joined (lines of text extracted from a
PDF are joined back into paragraphs); section 六 loses the site footer and the signature
that follow it (the signature's date is the publication date where nothing else states
one); the preface is what stands between the title and the first section.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from govdisclosure import zh
from govdisclosure._format import FormatVersion
from govdisclosure._format.vocabulary import HEADINGS, SECTION_IDS, normalise
from govdisclosure._model.meta import ReportMeta
from govdisclosure._model.other_matters import OtherMatters, stated_fee
from govdisclosure._model.overview import Overview
from govdisclosure._model.problems import ProblemsImprovements
from govdisclosure._model.report import AnnualReport
from govdisclosure._parse.recognise.facts import (
    Header,
    Title,
    agency_level_of,
    header_published_on,
    is_fact_line,
    published_on,
    signature,
)
from govdisclosure._parse.recognise.items import Item
from govdisclosure._parse.recognise.sections import Region, Sections
from govdisclosure._parse.recognise.state import State
from govdisclosure._parse.result import WarningCode

__all__ = ["Findings", "build"]

_FOOTER_MARKERS = (
    "版权所有",
    "主办单位",
    "承办单位",
    "ICP备",
    "网站标识码",
    "网站地图",
    "Copyright",
    "关闭窗口",
    "打印本页",
    "【打印】",
    "扫一扫",
    "分享到",
    "相关链接",
    "上一篇",
    "下一篇",
)
_NOTE_PREFIX = re.compile(r"^(?:备注|注)\s*[：:]\s*")
_SENTENCE_END = frozenset("。！？；：”）」.!?;:)")
_NEW_PARAGRAPH = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.]|（[一二三四五六七八九十]{1,3}）|\(\d+\)|\d{1,2}[.、]|[一二三四五六七八九十]是)"
)


def _join(lines: Sequence[str], wrapped: bool) -> str:
    if not wrapped:
        return "\n".join(lines)
    out: list[str] = []
    width = max((len(line) for line in lines), default=0)
    short = width * 3 // 5
    previous = ""
    for line in lines:
        joins = (
            out
            and previous
            and previous[-1] not in _SENTENCE_END
            and len(previous) > short
            and not _NEW_PARAGRAPH.match(line)
        )
        previous = line
        if joins:
            glue = (
                " "
                if out[-1][-1].isascii() and out[-1][-1].isalnum() and line[:1].isascii()
                else ""
            )
            out[-1] = out[-1] + glue + line
        else:
            out.append(line)
    return "\n".join(out)


def _prose(items: list[Item], start: int, stop: int) -> list[Item]:
    return [items[i] for i in range(start, stop) if not items[i].is_row and items[i].text.strip()]


def _section_text(
    items: list[Item], region: Region | None, wrapped: bool, skip_heading: bool = True
) -> str:
    if region is None:
        return ""
    start, stop = region
    lines = _prose(items, start + 1 if skip_heading else start, stop)
    return _join([item.text.strip() for item in lines], wrapped)


def _notes(items: list[Item], region: Region | None) -> tuple[str, ...]:
    if region is None:
        return ()
    notes = []
    for item in _prose(items, region[0] + 1, region[1]):
        match = _NOTE_PREFIX.match(item.text.strip())
        if match:
            notes.append(item.text.strip()[match.end() :])
    return tuple(notes)


#: The disclosure note printed under the signature: （此件主动公开）, （此件公开发布）.
_DISCLOSURE_NOTE = re.compile(r"（此件[^（）]{0,8}）")


def _trim_end(items: list[Item], region: Region, agency: str) -> Region:
    """Cut site footers and the signature (agency name, date) off the last section."""
    start, stop = region
    for index in range(start + 1, stop):
        if any(marker in items[index].text for marker in _FOOTER_MARKERS):
            stop = index
            break
    while stop > start + 1:
        text = items[stop - 1].norm
        if text and (
            text == normalise(agency)
            or _is_date(text)
            or text in ("特此报告。", "特此报告")
            or _DISCLOSURE_NOTE.fullmatch(text)
        ):
            stop -= 1
            continue
        break
    return start, stop


def _heading(sections: Sections, section: str) -> str | None:
    printed = sections.headings.get(section)
    if printed is None or normalise(printed) == normalise(HEADINGS[section]):
        return None
    return printed


class Findings(NamedTuple):
    """What the recogniser found, from which the report is built.

    Attributes:
        items: the layout as items.
        sections: where the sections start.
        regions: the items of each section.
        title: the report's title, if found.
        year: the report year.
        version: the format version the tables are read in.
        first: the index of the first section's first item (the preface ends there).
        wrapped: the layout's lines are broken at a fixed width (text from a PDF).
        source: where the input came from, for ``meta.source``.
        agency: the agency (the caller's, the header's, the signature's or the title's).
        header: the crawler's header block, if the text starts with one.
    """

    items: list[Item]
    sections: Sections
    regions: dict[str, Region]
    title: Title | None
    year: int
    version: FormatVersion
    first: int
    wrapped: bool
    source: str | None

    agency: str
    header: Header | None


def build(found: Findings, state: State) -> AnnualReport:
    """Build the report from the findings and the values read into ``state``."""
    items, sections, regions = found.items, found.sections, found.regions
    for section in SECTION_IDS:
        if section in sections.starts:
            item = items[sections.starts[section]]
            state.source(section, item.text, item.location)
        elif section not in regions:
            state.warn(
                WarningCode.SECTION_NOT_FOUND,
                f"no heading of the section {HEADINGS[section]} was found",
            )
    meta = ReportMeta(
        agency=found.agency,
        year=found.year,
        format_version=found.version,
        title=found.title.text if found.title is not None else None,
        published_on=_published_on(found, state),
        agency_level=agency_level_of(found.agency),
        source=found.source,
    )
    report = AnnualReport(meta=meta).with_cells(state.values)
    texts = _texts(found)
    return attrs.evolve(
        report,
        preface=texts["preface"] or None,
        overview=Overview(text=texts["overview"], heading=_heading(sections, "overview")),
        proactive_disclosure=attrs.evolve(
            report.proactive_disclosure,
            notes=_notes(items, regions.get("proactive_disclosure")),
            heading=_heading(sections, "proactive_disclosure"),
        ),
        applications=attrs.evolve(
            report.applications,
            notes=_notes(items, regions.get("applications")),
            heading=_heading(sections, "applications"),
        ),
        review_litigation=attrs.evolve(
            report.review_litigation,
            notes=_notes(items, regions.get("review_litigation")),
            heading=_heading(sections, "review_litigation"),
        ),
        problems_improvements=ProblemsImprovements(
            text=texts["problems_improvements"], heading=_heading(sections, "problems_improvements")
        ),
        other_matters=_other_matters(
            texts["other_matters"], _heading(sections, "other_matters"), state
        ),
    )


def _published_on(found: Findings, state: State) -> dt.date | None:
    """The crawler header's date, else a 发布日期 line's, else the signature's (落款)."""
    if found.header is not None and found.header.published is not None:
        return header_published_on(found.header, found.year, state)
    skip = found.header.items if found.header is not None else frozenset()
    stated = published_on(found.items, found.first, state, skip)
    if stated is not None:
        return stated
    signed = signature(found.items)
    if signed is None:
        return None
    state.source("meta.published_on", signed.dated.text, signed.dated.location)
    return signed.date


def _texts(found: Findings) -> dict[str, str]:
    items, title, first = found.items, found.title, found.first
    texts: dict[str, str] = {}
    for section in ("overview", "problems_improvements", "other_matters"):
        region = found.regions.get(section)
        if region is not None and section == "other_matters":
            region = _trim_end(items, region, found.agency)
        skip = found.sections.headings.get(section) is not None
        texts[section] = _section_text(items, region, found.wrapped, skip_heading=skip)
    begin = title.item.pos + 1 if title is not None and title.item is not None else 0
    if title is not None and title.item is not None and begin < first:
        # A title broken over two lines: skip its second half too.
        following = items[begin].norm
        if following and following in title.text and not items[begin].is_row:
            begin += 1
    header = found.header.items if found.header is not None else frozenset()
    lines = [
        item.text.strip()
        for item in _prose(items, begin, first)
        if not is_fact_line(item.text) and item.pos not in header
    ]
    texts["preface"] = _join(lines, found.wrapped) if title is not None else ""
    return texts


def _other_matters(text: str, heading: str | None, state: State) -> OtherMatters:
    amount, words, doubt = stated_fee(text)
    if doubt is not None:
        state.warn(WarningCode.SKIPPED_VALUE, doubt, None, None)
    if words is not None:
        located = state.sources.get("other_matters")
        if located is not None:
            state.source("other_matters.information_fee_yuan", words, located.location)
    return OtherMatters(text=text, information_fee_yuan=amount, heading=heading)


def _is_date(text: str) -> bool:
    """``True`` when a line is a date alone (the date of the signature)."""
    try:
        zh.parse_date(text)
    except ValueError:
        return False
    return True
