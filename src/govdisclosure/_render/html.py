"""The report as a standalone web page that prints as an official report.

Headings are ``<h1>`` (title) and ``<h2>`` (the six sections); texts are ``<p>`` lines in
elements styled ``white-space: pre-wrap``, which the HTML reader keeps exactly; tables are
``<table>`` with ``rowspan``/``colspan`` and header cells with ``scope``; the signature
(落款: the agency, the date) closes the page, set to the right. The report's facts travel
in ``<meta name=… content=…>`` tags in the head, named by the model's paths. The page
carries its own CSS: an A4 page with the margins of GB/T 9704-2012, the official fonts with
common fallbacks, tables that repeat their header rows across pages, and a title that
breaks only between words.
"""

from __future__ import annotations

import html

from govdisclosure._model.report import AnnualReport
from govdisclosure._model.tables import GridCell, TableGrid
from govdisclosure._render import common as _common
from govdisclosure._version import __version__

__all__ = ["render_html"]

_PRE = ' style="white-space:pre-wrap"'
_TABLE_NAMES = {2: "表二", 3: "表三", 4: "表四"}

_CSS = """
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
:root {
  --gd-fangsong: "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong",
    "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif;
  --gd-heiti: "黑体", "SimHei", "Heiti SC", "STHeiti", "Noto Sans CJK SC",
    "Source Han Sans SC", sans-serif;
  --gd-kaiti: "楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN",
    "Noto Serif CJK SC", serif;
  --gd-xiaobiaosong: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "华文中宋",
    "STZhongsong", "Noto Serif CJK SC", "Source Han Serif SC", "宋体", "SimSun", serif;
}
html { background: #eee; }
body { margin: 0; color: #000; font-family: var(--gd-fangsong); font-size: 16pt;
  line-height: 28.95pt; }
.gd-report { box-sizing: content-box; width: 156mm; margin: 10mm auto;
  padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 0 4mm rgba(0,0,0,.2); }
.gd-title { font-family: var(--gd-xiaobiaosong); font-size: 22pt; line-height: 1.45;
  font-weight: normal; text-align: center; margin: 0 0 28.95pt; text-wrap: balance; }
.gd-title-words { word-break: keep-all; overflow-wrap: anywhere; }
.gd-section h2 { font-family: var(--gd-heiti); font-size: 16pt; font-weight: normal;
  line-height: 28.95pt; margin: 0; text-indent: 2em; break-after: avoid; }
.gd-text p, .gd-notes p { margin: 0; text-indent: 2em; min-height: 28.95pt;
  text-align: justify; }
.gd-subhead { font-family: var(--gd-kaiti); }
.gd-notes p { font-size: 14pt; line-height: 1.6; }
table { border-collapse: collapse; width: 100%; }
.gd-table { margin: 6pt 0; font-size: 12pt; line-height: 1.35; table-layout: fixed; }
.gd-table th, .gd-table td { border: 1px solid #000; padding: 3pt 2pt; text-align: center;
  vertical-align: middle; overflow-wrap: anywhere; }
.gd-table th { font-weight: bold; }
.gd-table th[scope="row"] { text-align: left; }
.gd-table-4 { font-size: 10.5pt; }
.gd-signature { margin-top: 28.95pt; break-inside: avoid; break-before: avoid; }
.gd-signature p { margin: 0; text-align: right; padding-right: 2em; min-height: 28.95pt; }
thead { display: table-header-group; }
tr, .gd-block { break-inside: avoid; }
@media print {
  html { background: none; }
  .gd-report { width: auto; margin: 0; padding: 0; box-shadow: none; }
  .gd-section { break-inside: auto; }
}
""".strip()


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _cell(cell: GridCell) -> str:
    attributes = ""
    if cell.rowspan != 1:
        attributes += f' rowspan="{cell.rowspan}"'
    if cell.colspan != 1:
        attributes += f' colspan="{cell.colspan}"'
    if cell.header:
        return f'<th{attributes} scope="{cell.scope or "col"}">{_escape(cell.text)}</th>'
    return f"<td{attributes}>{_escape(cell.text)}</td>"


def _colgroup(widths: tuple[float, ...]) -> str:
    total = sum(widths)
    cols = "".join(f'<col style="width:{100 * w / total:.2f}%">' for w in widths)
    return f"<colgroup>{cols}</colgroup>"


def _table(grid: TableGrid, label: str) -> str:
    out = [f'<table class="gd-table gd-table-{grid.number}" aria-label="{html.escape(label)}">']
    out.append(_colgroup(_common.WIDTHS_MM[grid.number]))
    if grid.head:
        out.append("<thead>")
        out.extend("<tr>" + "".join(map(_cell, row)) + "</tr>" for row in grid.head)
        out.append("</thead>")
    # A block that belongs on one page (表二's 第二十条 items) is a tbody of its own.
    kept = ' class="gd-block"' if grid.number == 2 else ""
    for block in _common.table_blocks(grid):
        out.append(f"<tbody{kept}>")
        out.extend("<tr>" + "".join(map(_cell, grid.body[r])) + "</tr>" for r in block)
        out.append("</tbody>")
    out.append("</table>")
    return "".join(out)


def _text(text_lines: tuple[str, ...], heads: dict[int, int] | None = None) -> str:
    out = [f'<div class="gd-text"{_PRE}>']
    for index, line in enumerate(text_lines):
        cut = heads.get(index) if heads else None
        if cut:
            out.append(
                f'<p><span class="gd-subhead">{_escape(line[:cut])}</span>{_escape(line[cut:])}</p>'
            )
        else:
            out.append(f"<p>{_escape(line)}</p>")
    out.append("</div>")
    return "".join(out)


def _title(title: str) -> str:
    """The title's ``<h1>``: where it breaks into balanced lines, it breaks only there."""
    pieces = _common.title_lines(title)
    if len(pieces) == 1:
        return f'<h1 class="gd-title"{_PRE}>{_escape(title)}</h1>'
    words = "<wbr>".join(map(_escape, pieces))
    return f'<h1 class="gd-title gd-title-words"{_PRE}>{words}</h1>'


def render_html(report: AnnualReport) -> str:
    """Render a report as a standalone HTML page (see :func:`govdisclosure.render`)."""
    title = _common.printed_title(report)
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="govdisclosure {__version__}">',
        *(
            f'<meta name="{name}" content="{html.escape(value)}">'
            for name, value in _common.properties(report)
        ),
        f"<title>{_escape(' '.join(title.split()) or report.meta.display_title)}</title>",
        f"<style>\n{_CSS}\n</style>",
        "</head>",
        "<body>",
        '<main class="gd-report">',
        _title(title),
    ]
    preface = _common.lines(report.preface, optional=True)
    if preface is not None:
        out.append(_text(preface))
    for part in _common.parts(report):
        out.append(f'<section class="gd-section" id="gd-{part.id}">')
        out.append(f"<h2{_PRE}>{_escape(part.heading)}</h2>")
        if part.grid is None:
            if part.lines:
                heads = _common.subsection_head(part.lines) if part.id == "overview" else None
                out.append(_text(part.lines, heads))
        else:
            out.append(_table(part.grid, _TABLE_NAMES[part.grid.number]))
            if part.notes:
                notes = "".join(
                    f"<p>{_escape(_common.NOTE_PREFIX + note)}</p>" for note in part.notes
                )
                out.append(f'<div class="gd-notes"{_PRE}>{notes}</div>')
        out.append("</section>")
    signed = "".join(f"<p>{_escape(line)}</p>" for line in _common.signature(report))
    out.append(f'<div class="gd-signature"{_PRE}>{signed}</div>')
    out.extend(["</main>", "</body>", "</html>", ""])
    return "\n".join(out)
