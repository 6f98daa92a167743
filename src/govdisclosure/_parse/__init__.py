"""Reading published reports: web pages, Word files, PDFs, text and Markdown.

Each input kind has a reader that lays the document out as headings, paragraphs and
table grids (:mod:`govdisclosure._parse.layout`); one recogniser turns any layout into an
:class:`~govdisclosure.AnnualReport` (:mod:`govdisclosure._parse.recognise`).

What lives here: :func:`parse`, :func:`parse_file` and the content sniffing; ``decode``
(bytes to text); ``layout`` (the neutral layout); ``result`` (ParseResult and its
warnings and sources); ``readers`` (one module per input kind); ``recognise`` (layout to
report).

May import: :mod:`govdisclosure._format`, :mod:`govdisclosure._model`,
:mod:`govdisclosure.zh`, :mod:`govdisclosure.errors`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from govdisclosure._archive import (
    ExcelLimits,
    file_path,
    limits_or_default,
    read_file,
    text_bytes,
)
from govdisclosure._format.vocabulary import FILE_KINDS, file_kind, suffixes, with_ideographs
from govdisclosure._model.report import AnnualReport
from govdisclosure._parse.decode import decode
from govdisclosure._parse.layout import Layout
from govdisclosure._parse.result import (
    ParseError,
    ParseResult,
    ParseWarning,
    ValueSource,
    WarningCode,
)
from govdisclosure.errors import Bilingual, GovDisclosureError, UnsupportedFormatError

__all__ = [
    "KINDS",
    "ParseError",
    "ParseResult",
    "ParseWarning",
    "ValueSource",
    "WarningCode",
    "load_report",
    "parse",
    "parse_file",
]

#: The input kinds :func:`parse` takes (``docx`` and ``pdf`` only through :func:`parse_file`).
KINDS = ("auto", "html", "text", "markdown")
#: How much of the text the sniffing reads: enough for the first tables of a Markdown
#: conversion, and a bound on the time sniffing takes whatever the input.
_SNIFF_LIMIT = 65536
_HTML_DOCUMENT = re.compile(r"<(?:!doctype\s+html|html)\b", re.IGNORECASE)
_HTML_OPEN = re.compile(r"<(?:head|body|p|div|table|meta|span|br|td|tr|h[1-6])\b", re.IGNORECASE)
_HTML_CLOSE = re.compile(r"</(?:head|body|p|div|table|span|td|tr|h[1-6]|title)>", re.IGNORECASE)


def _sniff(text: str) -> str:
    r"""The kind of a text by its content: ``html``, ``markdown`` or ``text``.

    Only the first :data:`_SNIFF_LIMIT` characters are read, line by line and with regexes
    that cannot backtrack, so that sniffing is linear in a bounded prefix. HTML is a
    document declaration, or an element opened and one closed (a crawler's text may cite
    a stray ``<br>``); Markdown is a table rule (``|---|---|``), or a heading (``## …``) or
    a pipe-delimited row in a text without the tab-indented cells of a DOCX extraction.

    >>> _sniff("<p>某局</p>"), _sniff("| a | b |\n|---|---|"), _sniff("一、总体情况\n0 0 0")
    ('html', 'markdown', 'text')
    """
    head = text[:_SNIFF_LIMIT]
    if _HTML_DOCUMENT.search(head[:4096]) or (_HTML_OPEN.search(head) and _HTML_CLOSE.search(head)):
        return "html"
    lines = head.splitlines()
    if any(_is_table_rule(line) for line in lines):
        return "markdown"
    start = text[:4096]
    if "\t" not in start and any(_is_markdown_line(line) for line in start.splitlines()):
        return "markdown"
    return "text"


def _is_table_rule(line: str) -> bool:
    """``True`` for the rule under a Markdown table's header: ``|---|:--:|``."""
    rule = line.strip()
    return "|" in rule and "---" in rule and not rule.strip("|-: ")


def _is_markdown_line(line: str) -> bool:
    """``True`` for a Markdown heading (``## …``) or a pipe-delimited table row."""
    text = line.strip()
    hashes = len(text) - len(text.lstrip("#"))
    if 1 <= hashes <= 6 and text[hashes : hashes + 1] == " ":
        return True
    return len(text) > 2 and text.startswith("|") and text.endswith("|")


def _layout(text: str, kind: str) -> Layout:
    if kind == "html":
        from govdisclosure._parse.readers.html import read_html

        return read_html(text)
    if kind == "markdown":
        from govdisclosure._parse.readers.markdown import read_markdown

        return read_markdown(text)
    from govdisclosure._parse.readers.text import read_text

    return read_text(text)


def parse(
    text: str | bytes,
    kind: str = "auto",
    *,
    source: str | None = None,
    year: int | None = None,
    agency: str | None = None,
    limits: ExcelLimits | None = None,
) -> ParseResult:
    """Read a published annual report.

    Args:
        text: the document, as text or as bytes in any encoding sites use (UTF-8 with or
            without BOM, GBK/GB18030, declared in a meta tag or not).
        kind: ``html``, ``text`` (text extracted from DOCX or PDF), ``markdown``, or
            ``auto`` to tell them apart by the content.
        source: where the document came from, kept as ``meta.source``.
        year: the report year, for a report that does not state it (else checked against
            the one it states, with a warning where they differ).
        agency: the agency, for a report that does not name it plainly.
        limits: the limits of :class:`~govdisclosure.ExcelLimits` (here the text's length,
            ``max_text_chars``); its defaults when ``None``.

    Returns:
        The report, the warnings (every value the parser was not sure of is ``None`` and
        has a warning), and the source of every value (``result.source_of(path)``).

    Raises:
        ParseError: the input holds no annual report (the message says why), or is longer
            than the limit.
        UnsupportedFormatError: ``kind`` is not one of the kinds above.
        TypeError: ``text`` is neither str nor bytes, or ``limits`` is not ExcelLimits.

    >>> from govdisclosure._parse import parse
    >>> page = (
    ...     "<p>某某局2023年政府信息公开工作年度报告</p>"
    ...     "<p>四、政府信息公开行政复议、行政诉讼情况</p>"
    ...     "<table><tr><td>行政复议</td><td>行政诉讼</td></tr>"
    ...     "<tr>" + "<td>0</td>" * 14 + "<td>/</td></tr></table>"
    ... )
    >>> result = parse(page)
    >>> result.report.meta.agency, result.report.cell("review_litigation.review.total")
    ('某某局', 0)
    >>> result.report.cell("review_litigation.litigation_after_review.total") is None
    True
    >>> [
    ...     w.code
    ...     for w in result.warnings
    ...     if w.path == "review_litigation.litigation_after_review.total"
    ... ]
    ['placeholder']
    """
    if kind not in KINDS:
        raise UnsupportedFormatError(
            f"cannot parse kind {kind!r}; kinds: {', '.join(KINDS)} (docx and pdf through "
            "parse_file)",
            detail_zh=f"无法按 {kind!r} 读取；可用的类型：{', '.join(KINDS)}"
            "（docx 和 pdf 请用 parse_file）",
        )
    limits = limits_or_default(limits)
    note = None
    if isinstance(text, (bytes, bytearray, memoryview)):
        data = bytes(text)
        if len(data) > text_bytes(limits):
            raise ParseError(
                f"the document is {len(data):,} bytes, more than the limit of "
                f"{text_bytes(limits):,} bytes (4 bytes a character of max_text_chars); "
                "a report is some tens of kilobytes",
                detail_zh=f"文档有 {len(data):,} 字节，超过 {text_bytes(limits):,} 字节的上限"
                "（按 max_text_chars 每字符 4 字节计）；一份报告只有几十 KB",
            )
        text, note = decode(data)
    elif not isinstance(text, str):
        raise TypeError(f"parse() takes str or bytes, got {type(text).__name__}")
    if len(text) > limits.max_text_chars:
        raise ParseError(
            f"the text is {len(text):,} characters, more than the limit of "
            f"{limits.max_text_chars:,} (max_text_chars); a report is some tens of thousands",
            detail_zh=f"文字有 {len(text):,} 个字符，超过 {limits.max_text_chars:,} 个字符的上限"
            "（max_text_chars）；一份报告只有几万字",
        )
    text = with_ideographs(text)
    if kind == "auto":
        kind = _sniff(text)
    from govdisclosure._parse.recognise import recognise

    result = recognise(_layout(text, kind), source=source, year=year, agency=agency)
    if note is not None:
        warning = ParseWarning(code=WarningCode.DECODING, message=note)
        result = _with_warning(result, warning)
    return result


def _with_warning(result: ParseResult, warning: ParseWarning) -> ParseResult:
    import attrs

    return attrs.evolve(result, warnings=(warning, *result.warnings))


def _fail(message: Bilingual, part: str | None) -> GovDisclosureError:
    return ParseError(message, detail_zh=message.message_zh)


def parse_file(
    path: str | os.PathLike[str],
    *,
    year: int | None = None,
    agency: str | None = None,
    limits: ExcelLimits | None = None,
) -> ParseResult:
    """Read a published annual report from a file, choosing the reader by its suffix.

    The content of a ``.txt`` file decides: Markdown or HTML saved as text goes to the
    Markdown or HTML reader.

    Args:
        path: a ``.html``/``.htm``, ``.txt``, ``.md``, ``.docx`` (needs the ``docx`` extra,
            python-docx) or ``.pdf`` file (needs the ``pdf`` extra, pdfplumber).
        year: the report year, as for :func:`parse`.
        agency: the agency, as for :func:`parse`.
        limits: the limits of :class:`~govdisclosure.ExcelLimits` (the file's size, checked
            before it is read; a text's length; a Word file's archive); its defaults when
            ``None``.

    Returns:
        As :func:`parse`; ``meta.source`` is the file's name.

    Raises:
        UnsupportedFormatError: the suffix is not one of these, or the optional package
            a kind needs is not installed.
        ParseError: the file holds no annual report, is not a valid DOCX/PDF, is beyond
            the limits, or is not a regular file (a device, a pipe).
        GovDisclosureError: the file cannot be read.
        TypeError: ``limits`` is not ExcelLimits.
    """
    path = file_path(path)
    limits = limits_or_default(limits)
    file = file_kind(path.suffix)
    if file is None or not file.published:
        published = suffixes(k for k in FILE_KINDS if k.published)
        raise UnsupportedFormatError(
            f"cannot parse {path.suffix or 'files without a suffix'}; "
            f"supported: {' '.join(published)}",
            file=str(path),
            detail_zh=f"无法读取{path.suffix + ' 文件' if path.suffix else '没有后缀的文件'}；"
            f"支持的类型：{' '.join(published)}",
        )
    kind = file.id
    binary = kind in ("docx", "pdf")
    try:
        if binary:
            data = read_file(path, limits.max_file_bytes, _fail)
        else:
            data = read_file(path, text_bytes(limits), _fail, _TEXT_LIMIT)
    except GovDisclosureError as exc:
        exc.file = str(path)
        raise
    except OSError as exc:
        raise GovDisclosureError.of_os_error(
            exc, "cannot read the file", "无法读取文件", file=str(path)
        ) from None
    if binary:
        from govdisclosure._parse.recognise import recognise

        if kind == "docx":
            from govdisclosure._parse.readers.docx import read_docx

            layout = read_docx(data, limits)
        else:
            from govdisclosure._parse.readers.pdf import read_pdf

            layout = read_pdf(data, limits)
        return recognise(layout, source=path.name, year=year, agency=agency)
    # A .txt file is whatever it holds: sites and crawlers save Markdown and HTML as .txt.
    kind = "auto" if kind == "text" else kind
    return parse(data, kind=kind, source=path.name, year=year, agency=agency, limits=limits)


_TEXT_LIMIT = Bilingual(
    "4 bytes a character of max_text_chars", "按 max_text_chars 每字符 4 字节计"
)


def load_report(path: Path, limits: ExcelLimits | None = None) -> AnnualReport:
    """Read a published report for :func:`govdisclosure.load`: the report, or an error.

    ``load`` promises a report or an exception; a report whose tables could not all be
    read is not silently returned. Warnings about blank or placeholder cells (the report's
    own blanks, read correctly as ``None``) are accepted; any other doubt raises.

    Raises:
        ParseError: the file holds no report, or the parser had doubts other than blank
            cells; the message lists the first few (use :func:`parse_file` to see them all
            and keep the partial report).
    """
    result = parse_file(path, limits=limits)
    doubts = [w for w in result.warnings if w.code not in _ACCEPTED_BY_LOAD]
    if doubts:
        shown = "; ".join(str(w) for w in doubts[:3])
        more = f" (and {len(doubts) - 3} more)" if len(doubts) > 3 else ""
        shown_zh = "；".join(w.message_zh for w in doubts[:3])
        more_zh = f"等 {len(doubts)} 处" if len(doubts) > 3 else ""
        error = ParseError(
            f"the report was read with {len(doubts)} doubt(s): {shown}{more}; "
            "use govdisclosure.parse_file() to keep the partial report and see all warnings",
            detail_zh=f"读取时有 {len(doubts)} 处疑问：{shown_zh}{more_zh}；"
            "可用 govdisclosure.parse_file() 保留读出的部分并查看全部警告",
        )
        error.doubts = tuple(doubts)
        raise error
    return result.report


_ACCEPTED_BY_LOAD = frozenset({WarningCode.BLANK_CELL, WarningCode.PLACEHOLDER})
