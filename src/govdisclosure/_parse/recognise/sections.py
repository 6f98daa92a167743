"""Finding the six sections, and the region of items each one spans.

A section starts at a heading that holds one of its key phrases
(:data:`~govdisclosure._format.vocabulary.SECTION_KEYS`), in the official order. Where a
report prints no heading for a table section, the table is found by its own labels; where
it prints the subsections of 五 but not its heading, by its first subsection.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple, TypeAlias

from govdisclosure._format import FormatVersion, format_spec
from govdisclosure._format.vocabulary import SECTION_IDS, SECTION_KEYS, normalise
from govdisclosure._parse.recognise.items import Item
from govdisclosure._parse.recognise.state import State
from govdisclosure._parse.result import WarningCode

__all__ = ["TABLE_SECTIONS", "Region", "Sections", "find_regions", "find_sections"]

#: A range of items: (start, stop).
Region: TypeAlias = tuple[int, int]
#: The section of each table, by table number.
TABLE_SECTIONS = {t.number: t.section for t in format_spec(FormatVersion.V2021).tables}
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,2}\s*[、.．,，]|第[一二三四五六七八九十]{1,2}部分|表[一二三四五]\s*[：:])"
)
_MAX_HEADING = 40


class Sections(NamedTuple):
    """Where the sections start.

    Attributes:
        starts: the index of each section's heading (or first) item, by section id.
        headings: each section's heading as printed (``None``: it has none), by section id.
        end: the index where the report ends (a second report may follow).
    """

    starts: dict[str, int]
    headings: dict[str, str | None]
    end: int


def _heading_text(item: Item) -> str | None:
    if item.is_row:
        texts = [c.text for c in item.cells if c.text.strip()]
        if len(texts) != 1:
            return None
        norm = normalise(texts[0])
    else:
        norm = item.norm
    if not norm or len(norm) > _MAX_HEADING:
        return None
    if item.heading or _HEADING.match(norm):
        return norm
    return None


def find_sections(items: list[Item], state: State) -> Sections:
    """Find the section headings, in the official order, by their key phrases."""
    candidates = [(i, h) for i in range(len(items)) if (h := _heading_text(items[i]))]
    starts: dict[str, int] = {}
    headings: dict[str, str | None] = {}
    position = 0
    for section, keys in SECTION_KEYS:
        found = _first_heading(candidates, position, keys)
        if found is None:
            continue
        starts[section] = found
        headings[section] = items[found].text.strip()
        position = found + 1
    end = len(items)
    last = max(starts.values(), default=None)
    if last is not None and "overview" in starts:
        again = _first_heading(candidates, last + 1, SECTION_KEYS[0][1])
        if again is not None:
            end = again
            state.warn(
                WarningCode.MULTIPLE_REPORTS,
                f"a second report starts at {items[again].text!r}; only the first is read",
                items[again].location,
            )
    sections = Sections(starts, headings, end)
    _problems_fallback(items, sections, state)
    return sections


def _first_heading(
    candidates: list[tuple[int, str]], position: int, keys: Iterable[str]
) -> int | None:
    for key in keys:
        for index, norm in candidates:
            if index >= position and key in norm:
                return index
    return None


def _problems_fallback(items: list[Item], sections: Sections, state: State) -> None:
    """Reports that print 五's subsections （一）主要问题 but not 五's heading."""
    if "problems_improvements" in sections.starts or "review_litigation" not in sections.starts:
        return
    stop = sections.starts.get("other_matters", sections.end)
    for index in range(sections.starts["review_litigation"] + 1, stop):
        item = items[index]
        norm = item.norm
        if not item.is_row and norm.startswith("（一）") and "问题" in norm:
            sections.starts["problems_improvements"] = index
            sections.headings["problems_improvements"] = None
            state.warn(
                WarningCode.SECTION_NOT_FOUND,
                "五、存在的主要问题及改进情况 has no heading; the section was found by its "
                f"first subsection {item.text.strip()!r}",
                item.location,
            )
            return


_TABLE_ANCHORS = {
    2: ("第二十条第", "信息内容"),
    3: ("勾稽关系", "本年新收政府信息公开申请", "申请人情况"),
    4: ("行政复议",),
}


def find_regions(items: list[Item], sections: Sections) -> dict[str, Region]:
    """The item range of each section (tables found by their labels where a heading lacks)."""
    starts = dict(sections.starts)
    for number, section in TABLE_SECTIONS.items():
        if section in starts:
            continue
        before = [starts[s] for s in SECTION_IDS[: SECTION_IDS.index(section)] if s in starts]
        after = [starts[s] for s in SECTION_IDS[SECTION_IDS.index(section) + 1 :] if s in starts]
        low = max(before, default=0)
        high = min(after, default=sections.end)
        for index in range(low, high):
            norm = items[index].norm
            if any(anchor in norm for anchor in _TABLE_ANCHORS[number]):
                starts[section] = index
                break
    ordered = sorted((start, section) for section, start in starts.items())
    regions: dict[str, Region] = {}
    for n, (start, section) in enumerate(ordered):
        stop = ordered[n + 1][0] if n + 1 < len(ordered) else sections.end
        regions[section] = (start, stop)
    return regions
