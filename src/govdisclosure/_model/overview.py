"""一、总体情况 — section 1, the overview.

Free text on how the body carried out the 条例 in the year. Reports usually divide it into
subsections （一）主动公开 … （五）监督保障; their number varies. The text is stored once,
verbatim; the subsections are read from it, so the two can never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from govdisclosure._format.vocabulary import HEADINGS
from govdisclosure._model.cells import heading_field, text_field

__all__ = ["HEADING", "ID", "Overview", "Subsection"]

ID = "overview"
HEADING = HEADINGS[ID]

_NUMERALS = "一二三四五六七八九十"
_MARKER = re.compile(r"[（(]([一二三四五六七八九十]{1,2})[）)]")
# A title is the words up to the first full stop, when they are few enough to be a title.
_TITLE_MAX = 40


@attrs.frozen(kw_only=True)
class Subsection:
    """One numbered subsection of 总体情况.

    Attributes:
        marker: the number as printed, e.g. ``（一）``.
        title: the subsection's title, e.g. ``主动公开方面``.
        text: what follows the title.
    """

    marker: str
    title: str
    text: str


def _numeral(n: int) -> str:
    return _NUMERALS[n - 1] if n <= 10 else "十" + _NUMERALS[n - 11]


def _split_title(rest: str) -> tuple[str, str]:
    """Split a subsection's text after its marker into its title and body."""
    first, newline, after = rest.partition("\n")
    for stop in ("。", "：", ":"):
        cut = first.find(stop)
        if 0 <= cut <= _TITLE_MAX:
            return first[:cut], first[cut + 1 :] + newline + after
    if len(first) <= _TITLE_MAX:
        return first, after
    return "", rest


@attrs.frozen(kw_only=True)
class Overview:
    r"""一、总体情况: the overview, as its full text.

    Attributes:
        text: the section's text, verbatim, without its heading.
        heading: the heading as the report prints it, ``None`` for the official one.

    >>> o = Overview.from_subsections([("主动公开方面", "公开信息114条。")], intro="总述。")
    >>> o.text
    '总述。\n（一）主动公开方面。公开信息114条。'
    >>> o.subsections[0].title
    '主动公开方面'
    """

    text: str = text_field()
    heading: str | None = heading_field()

    @classmethod
    def from_subsections(
        cls, subsections: Iterable[tuple[str, str]], *, intro: str = "", heading: str | None = None
    ) -> Overview:
        """Build the section from ``(title, text)`` pairs, numbered （一）, （二）, … in order.

        Args:
            subsections: the pairs, in order.
            intro: text before the first subsection.
            heading: the printed heading, if not the official one.
        """
        lines = [intro] if intro else []
        for n, (title, text) in enumerate(subsections, start=1):
            lines.append(f"（{_numeral(n)}）{title}。{text}")
        return cls(text="\n".join(lines), heading=heading)

    @property
    def intro(self) -> str:
        """The text before the first subsection (all of it when there is none)."""
        starts = self._starts()
        return self.text[: starts[0]].rstrip("\n") if starts else self.text

    @property
    def subsections(self) -> tuple[Subsection, ...]:
        """The subsections （一）, （二）, … that begin lines of the text, in order."""
        starts = self._starts()
        result = []
        for i, start in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else len(self.text)
            chunk = self.text[start:end].rstrip("\n")
            match = _MARKER.match(chunk)
            assert match is not None  # _starts only keeps marker positions
            title, body = _split_title(chunk[match.end() :])
            result.append(Subsection(marker=match.group(0), title=title, text=body.strip("\n")))
        return tuple(result)

    def _starts(self) -> list[int]:
        """Offsets of the lines that open subsections numbered consecutively from （一）."""
        starts: list[int] = []
        offset = 0
        for line in self.text.split("\n"):
            match = _MARKER.match(line.lstrip())
            if match and match.group(1) == _numeral(len(starts) + 1):
                starts.append(offset + len(line) - len(line.lstrip()))
            offset += len(line) + 1
        return starts
