"""Writing reports: the report as a web page, Markdown, plain text or a Word document.

Renderers are the readers reversed. Each kind writes exactly what a published report
prints, in the official order (title, preface, the six sections with their tables and
notes, and the signature), by the means its reader honours, and carries the facts a
printed report does not show out of sight (document properties, ``<meta>`` tags, front
matter), so that ``parse(render(report, kind), kind).report == report`` holds exactly:
see :mod:`govdisclosure._parse.recognise.marked` for the conventions.

What lives here: ``common`` (the parts every renderer writes, in order), one module per
kind (``html``, ``markdown``, ``text``, ``docx``), and :func:`render` and
:func:`draft_preface`.

May import: :mod:`govdisclosure._format` (the vocabulary's document conventions),
:mod:`govdisclosure._model` (the report and its official table grids),
:mod:`govdisclosure.zh`, :mod:`govdisclosure.errors`; never a reader of
:mod:`govdisclosure._parse`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal, overload

from govdisclosure import zh
from govdisclosure._format import FormatVersion
from govdisclosure._model.meta import ReportMeta
from govdisclosure._model.report import AnnualReport
from govdisclosure.errors import UnsupportedFormatError

__all__ = [
    "RENDER_KINDS",
    "draft_preface",
    "render",
    "render_docx_bytes",
    "render_html_bytes",
    "render_markdown_bytes",
    "render_text_bytes",
]

#: The kinds :func:`render` writes: ``docx`` gives bytes, the others text.
RENDER_KINDS = ("html", "markdown", "text", "docx")


def _renderer(kind: str) -> Callable[[AnnualReport], str | bytes]:
    if kind == "html":
        from govdisclosure._render.html import render_html

        return render_html
    if kind == "markdown":
        from govdisclosure._render.markdown import render_markdown

        return render_markdown
    if kind == "text":
        from govdisclosure._render.text import render_text

        return render_text
    if kind == "docx":
        from govdisclosure._render.docx import render_docx

        return render_docx
    raise UnsupportedFormatError(
        f"cannot render kind {kind!r}; kinds: {', '.join(RENDER_KINDS)}",
        detail_zh=f"无法写出 {kind!r} 类型；可用的类型：{', '.join(RENDER_KINDS)}",
    )


@overload
def render(report: AnnualReport, kind: Literal["html", "markdown", "text"] = ...) -> str: ...
@overload
def render(report: AnnualReport, kind: Literal["docx"]) -> bytes: ...
@overload
def render(report: AnnualReport, kind: str = ...) -> str | bytes: ...
def render(report: AnnualReport, kind: str = "markdown") -> str | bytes:
    """Write a report as a published document in the official layout.

    Every kind prints what a published report prints, in the official order: the title
    (the report's own, or the customary 机构+年度+政府信息公开工作年度报告), the preface,
    the six sections with their headings as printed, their texts, the three tables with the
    official labels and merged headers and their notes (备注), and the signature (落款):
    the agency, and the publication date in Chinese (2024年1月26日) when known. The facts
    the print does not show (the whole of ``meta``, the agency level among them) travel
    out of sight: Word custom document properties, HTML ``<meta>`` tags, Markdown front
    matter. What is written reads back exactly: ``parse(render(r, k), kind=k).report == r``
    for ``html``, ``markdown`` and ``docx``; plain text carries only what it prints, so
    its ``meta.title`` reads back as printed, its ``meta.agency_level`` as the agency's
    name implies it, its ``meta.source`` as the caller gives it, and its 信息处理费 as
    section 六's text states it (see the rendering guide).

    Args:
        report: the report.
        kind: ``html`` (a standalone page that prints on A4), ``markdown`` (CommonMark with
            pipe tables), ``text`` (plain text in the shape of text extracted from Word) or
            ``docx`` (a Word document in the 党政机关公文格式 of GB/T 9704-2012; needs the
            ``docx`` extra, python-docx).

    Returns:
        The document: ``str`` for html, markdown and text, ``bytes`` for docx.

    Raises:
        UnsupportedFormatError: ``kind`` is none of these, or python-docx is missing.
        TypeError: ``report`` is not an AnnualReport.

    >>> import govdisclosure as gd
    >>> report = gd.examples.load("qijiang-psb-2023")
    >>> page = render(report, "html")
    >>> page.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in page
    True
    >>> gd.parse(page, kind="html").report == report
    True
    >>> markdown = render(report, "markdown").splitlines()
    >>> print(next(line for line in markdown if line.startswith("# ")))
    # 重庆市綦江区公安局2023年政府信息公开工作年度报告
    >>> print(markdown[-1])
    重庆市綦江区公安局
    """
    if not isinstance(report, AnnualReport):
        raise TypeError(f"render() takes an AnnualReport, got {type(report).__name__}")
    return _renderer(kind)(report)


def render_html_bytes(report: AnnualReport) -> bytes:
    """The report as an HTML page, UTF-8 (the ``.html`` writer of :func:`govdisclosure.dump`)."""
    return str(render(report, "html")).encode("utf-8")


def render_markdown_bytes(report: AnnualReport) -> bytes:
    """The report as Markdown, UTF-8 (the ``.md`` writer of :func:`govdisclosure.dump`)."""
    return str(render(report, "markdown")).encode("utf-8")


def render_text_bytes(report: AnnualReport) -> bytes:
    """The report as plain text, UTF-8 (the ``.txt`` writer of :func:`govdisclosure.dump`)."""
    return str(render(report, "text")).encode("utf-8")


def render_docx_bytes(report: AnnualReport) -> bytes:
    """The report as a Word document (the ``.docx`` writer of :func:`govdisclosure.dump`)."""
    document = render(report, "docx")
    assert isinstance(document, bytes)
    return document


_SECTION_NAMES = (
    "总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
    "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项"
)
_NOTICES = {
    FormatVersion.V2021: (
        (
            "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作"
            "年度报告格式〉的通知》"
        ),
        ("国办公开办函", 2021, 30),
    ),
    FormatVersion.V2019: (
        "《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》",
        ("国办公开办函", 2019, 60),
    ),
}


def draft_preface(
    report: AnnualReport | ReportMeta, *, basis: Sequence[str] = (), closing: str = ""
) -> str:
    """Draft the customary preface of a report, for authors who want it.

    The paragraph most reports open with: the basis (the 条例, the national notice of the
    report's format, and any further documents), the six parts, and the statistics period
    (:func:`govdisclosure.zh.statistics_period_sentence`). It is a draft to edit, never
    filled in implicitly: assign it with ``attrs.evolve(report, preface=…)``.

    Args:
        report: the report, or its :class:`ReportMeta`.
        basis: further documents the report is written under, as printed (a local notice:
            ``《重庆市人民政府办公厅关于做好政府信息公开工作年度报告编制发布工作的通知》``).
        closing: a sentence to end with (where the report can be downloaded, a contact).

    Returns:
        The paragraph.

    >>> import govdisclosure as gd
    >>> meta = gd.ReportMeta(agency="某某局", year=2023)
    >>> print(draft_preface(meta))  # doctest: +NORMALIZE_WHITESPACE
    根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，某某局编制本报告。本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项6个部分组成。本报告中所列数据的统计期限为2023年1月1日至2023年12月31日。
    """
    meta = report.meta if isinstance(report, AnnualReport) else report
    if not isinstance(meta, ReportMeta):
        raise TypeError(f"draft_preface() takes an AnnualReport or ReportMeta, got {meta!r}")
    title, (prefix, year, number) = _NOTICES[meta.format_version]
    documents = "《中华人民共和国政府信息公开条例》（以下简称《条例》）"
    notice = f"{title}（{zh.format_doc_number(prefix, year, number)}）"
    more = "".join(f"、{document}" for document in basis)
    text = (
        f"根据{documents}和{notice}{more}要求，{meta.agency}编制本报告。"
        f"本报告由{_SECTION_NAMES}6个部分组成。"
        f"{zh.statistics_period_sentence(meta.year)}"
    )
    return text + closing
