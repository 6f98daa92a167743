r"""The report as Markdown (CommonMark with GitHub pipe tables).

Front matter at the top holds the report's facts (``name: value`` lines between ``---``
lines, named by the model's paths; values as
:func:`~govdisclosure._format.vocabulary.property_value` writes them). ``#`` is the title
and ``##`` the six section headings; each line of a text is a paragraph of its own (an
empty line is a paragraph holding only ``<br>``); tables are pipe tables whose first grid
row is the header row, with a merged cell's text in its top-left place and the places it
covers left empty; the signature (落款: the agency, the date) is the last paragraphs.

Texts are escaped so that the Markdown reader, and any CommonMark viewer, shows them as
they are: ``\`` ``*`` ``_`` `````` ``[`` ``]`` ``<`` ``|`` ``#`` ``&`` take a backslash,
as does a first character that would open a block (``-`` ``+`` ``>`` ``=`` ``:``, or the
``.``/``)`` of ``1.``); control characters and whitespace at either end of a text are
written as character references (``&#9;``); a line break inside a heading, a note or a
cell is ``<br>``; and a line that would still read as a page number takes a character
reference for its first character.
"""

from __future__ import annotations

import re
import unicodedata

from govdisclosure._format.vocabulary import is_page_footer
from govdisclosure._model.report import AnnualReport
from govdisclosure._render import common as _common

__all__ = ["escape_markdown", "render_markdown"]

_ALWAYS = frozenset("\\`*_[]<>|#&~")
_BLOCK_START = frozenset("-+=:!")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_ENTITY_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
_SPECIAL = re.compile(r"[\\`*_\[\]<>|#&~]")


def _char(ch: str) -> str:
    if ch in _ALWAYS:
        return "\\" + ch
    if ch == "\n":
        return "<br>"
    if unicodedata.category(ch) in _ENTITY_CATEGORIES:
        return f"&#{ord(ch)};"
    return ch


def escape_markdown(text: str, *, line: bool = False) -> str:
    r"""Escape a text for Markdown inline content (a heading, a cell, a text line).

    Args:
        text: the text.
        line: escape it as a paragraph line of its own (an empty text becomes ``<br>``; a
            first character that would open a block or a page number is escaped).

    >>> escape_markdown("a|b\n*c* ")
    'a\\|b<br>\\*c\\*&#32;'
    >>> escape_markdown(" 1. x", line=True)
    '&#32;1. x'
    >>> escape_markdown("- 3 -", line=True), escape_markdown("", line=True)
    ('\\- 3 -', '<br>')
    """
    if not text:
        return "<br>" if line else ""
    plain = text.isprintable() and text[0] != " " and text[-1] != " " and not _SPECIAL.search(text)
    # Nothing to escape inside; as a line of its own, nothing may open a block either.
    if plain and (
        not line
        or (text[0] not in _BLOCK_START and not _ORDERED.match(text) and not is_page_footer(text))
    ):
        return text
    head = len(text) - len(text.lstrip())
    tail = len(text.rstrip())
    out = [f"&#{ord(ch)};" for ch in text[:head]]
    body = text[head:tail]
    if line and body and head == 0:
        ordered = _ORDERED.match(body)
        if body[0] in _BLOCK_START:
            out.append("\\" + body[0])
            body = body[1:]
        elif ordered:
            out.append(ordered.group(1) + "\\" + ordered.group(2))
            body = body[ordered.end() :]
    out.extend(map(_char, body))
    out.extend(f"&#{ord(ch)};" for ch in text[max(tail, head) :])
    escaped = "".join(out)
    if line and is_page_footer(escaped.strip()):
        escaped = f"&#{ord(escaped[0])};" + escaped[1:]
    return escaped


def _table(rows: list[list[str]]) -> list[str]:
    out = []
    for n, row in enumerate(rows):
        out.append("| " + " | ".join(escape_markdown(text) for text in row) + " |")
        if n == 0:
            out.append("|" + "---|" * len(row))
    return out


def _front_matter(report: AnnualReport) -> list[str]:
    lines = [
        f"{name}: {value}" if value else f"{name}:" for name, value in _common.properties(report)
    ]
    return ["---", *lines, "---", ""]


def render_markdown(report: AnnualReport) -> str:
    """Render a report as Markdown (see :func:`govdisclosure.render`)."""
    out = [*_front_matter(report), "# " + escape_markdown(_common.printed_title(report)), ""]
    preface = _common.lines(report.preface, optional=True)
    for line in preface or ():
        out.extend((escape_markdown(line, line=True), ""))
    for part in _common.parts(report):
        heading = escape_markdown(part.heading)
        out.extend((f"## {heading}" if heading else "##", ""))
        if part.grid is None:
            for line in part.lines:
                out.extend((escape_markdown(line, line=True), ""))
            continue
        out.extend(_table(_common.flat_rows(part.grid)))
        out.append("")
        for note in part.notes:
            out.extend((escape_markdown(_common.NOTE_PREFIX + note, line=True), ""))
    for line in _common.signature(report):
        out.extend((escape_markdown(line, line=True), ""))
    return "\n".join(out)
