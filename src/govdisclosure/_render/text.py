r"""The report as plain text, in the shape of text extracted from a Word file.

The title and the six section headings stand on lines of their own; every line of a text
(the preface, sections 一、五、六, and each note ``备注：…``) is indented by two
ideographic spaces, the customary first-line indent, which marks it as literal text; tables
are written one cell per line, each indented by a tab, with a blank line after each row; a
merged cell's text stands in its top-left place and the places it covers are empty cells.
After a blank line, the signature (落款) ends the text on lines of their own: the agency,
and the date when known. Plain text carries only what it prints: the title, the signature
and the texts (where the year is the title's or the statistics period's).

A line that cannot be written as it is (a heading or cell with a line break, a tab or space
at either end, a control character, a leading backslash; a title that would read as a page
number or holds a Word bookmark; a text line with a line break or carriage return) is
written escaped: a backslash, then the text with ``\\``, ``\n``, ``\r``, ``\t`` and
``\uXXXX`` escapes. An escaped empty heading is a lone backslash.
"""

from __future__ import annotations

import unicodedata

from govdisclosure._format.vocabulary import INDENT, is_page_footer
from govdisclosure._model.report import AnnualReport
from govdisclosure._render import common as _common

__all__ = ["escape_line", "render_text"]

_NAMED = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNSAFE = frozenset({"Cc", "Cf", "Zl", "Zp"})


def _encode(text: str) -> str:
    out = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch in _NAMED:
            out.append(_NAMED[ch])
        elif unicodedata.category(ch) in _UNSAFE or (ch.isspace() and i in {0, last}):
            code = ord(ch)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "\\" + "".join(out)


def _plain_safe(text: str) -> bool:
    if text.isprintable() and "\\" not in text:
        return True
    return not any(ch in _NAMED or unicodedata.category(ch) in _UNSAFE for ch in text)


def escape_line(text: str, *, kind: str) -> str:
    r"""Write one text as a line the text reader gives back exactly.

    Args:
        text: the text.
        kind: ``structural`` (a title or heading line), ``cell`` (a table cell) or
            ``literal`` (a text line, written after the indent).

    >>> escape_line("一、总体情况", kind="structural")
    '一、总体情况'
    >>> escape_line("", kind="structural"), escape_line(" a\n", kind="cell")
    ('\\', '\\\\u0020a\\n')
    >>> escape_line("\t  x  ", kind="literal")
    '\t  x  '
    """
    if kind == "literal":
        if "\n" in text or "\r" in text or text.startswith("\\"):
            return _encode(text)
        return text
    if text.isascii() and text.isalnum():
        return text
    safe = text == text.strip() and _plain_safe(text) and not text.startswith("\\")
    if kind == "structural":
        safe = safe and bool(text) and not is_page_footer(text) and "[bookmark:" not in text
    return text if safe else _encode(text)


def _table(rows: list[list[str]]) -> list[str]:
    out: list[str] = []
    for row in rows:
        out.extend("\t" + escape_line(text, kind="cell") for text in row)
        out.append("")
    return out


def render_text(report: AnnualReport) -> str:
    """Render a report as plain text (see :func:`govdisclosure.render`)."""
    out = [escape_line(_common.printed_title(report), kind="structural"), ""]
    preface = _common.lines(report.preface, optional=True)
    out.extend(INDENT + escape_line(line, kind="literal") for line in preface or ())
    for part in _common.parts(report):
        out.extend(("", escape_line(part.heading, kind="structural")))
        if part.grid is None:
            out.extend(INDENT + escape_line(line, kind="literal") for line in part.lines)
            continue
        out.extend(_table(_common.flat_rows(part.grid)))
        out.extend(
            INDENT + escape_line(_common.NOTE_PREFIX + note, kind="literal") for note in part.notes
        )
    out.append("")
    out.extend(escape_line(line, kind="structural") for line in _common.signature(report))
    out.append("")
    return "\n".join(out)
