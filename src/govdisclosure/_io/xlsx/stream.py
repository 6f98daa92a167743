"""A small streaming writer of plain data workbooks (the summary of many reports).

A summary holds hundreds of thousands of cells; openpyxl spends some ten microseconds on
each, which makes writing the sheet the slowest step of ``govdisclosure summary``. This
writer emits the worksheet XML directly: inline strings, numbers, a handful of cell styles,
frozen panes and column widths, nothing else. Workbooks with layout (the report workbook,
the template) are still written with openpyxl.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from govdisclosure._io.xlsx.reader import column_letter

__all__ = ["PageSetup", "StreamSheet", "Style", "column_letter", "workbook_bytes"]

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


@dataclass(frozen=True, slots=True)
class Style:
    """A cell style: font, fill and number format."""

    bold: bool = False
    fill: str | None = None
    color: str | None = None
    size: float = 11
    font: str = "宋体"
    number_format: str | None = None
    wrap: bool = False


@dataclass(frozen=True, slots=True)
class PageSetup:
    """How a sheet prints and filters.

    Attributes:
        landscape: print across the page.
        fit_width: scale every column onto the width of one page (as many pages down as
            needed).
        title_rows: the rows at the top repeated on every printed page.
        filter_row: the header row an autofilter sits on (1-based), ``None`` for none.
        pages_wide: how many pages wide ``fit_width`` scales onto (a sheet of hundreds of
            columns is unreadable on one).
        title_columns: the columns at the left repeated on every printed page.
    """

    landscape: bool = True
    fit_width: bool = True
    title_rows: int = 0
    filter_row: int | None = None
    pages_wide: int = 1
    title_columns: int = 0


class _Styles:
    """The styles of one workbook, numbered as the cells refer to them."""

    def __init__(self) -> None:
        self.styles: list[Style] = [Style()]
        self.index: dict[Style, int] = {Style(): 0}

    def id(self, style: Style) -> int:
        if style not in self.index:
            self.index[style] = len(self.styles)
            self.styles.append(style)
        return self.index[style]

    def xml(self) -> str:
        formats = sorted({s.number_format for s in self.styles if s.number_format})
        format_ids = {code: 164 + i for i, code in enumerate(formats)}
        fonts = list(dict.fromkeys((s.font, s.size, s.bold, s.color) for s in self.styles))
        fills = [None, "gray125", *dict.fromkeys(s.fill for s in self.styles if s.fill)]
        num_fmts = "".join(
            f'<numFmt numFmtId="{i}" formatCode="{escape(code, {chr(34): "&quot;"})}"/>'
            for code, i in format_ids.items()
        )
        font_xml = "".join(_font(name, size, bold, color) for name, size, bold, color in fonts)
        fill_xml = '<fill><patternFill patternType="none"/></fill>'
        fill_xml += '<fill><patternFill patternType="gray125"/></fill>'
        fill_xml += "".join(
            f'<fill><patternFill patternType="solid"><fgColor rgb="FF{f}"/></patternFill></fill>'
            for f in fills[2:]
        )
        xfs = "".join(
            _xf(
                format_ids.get(s.number_format or "", 0),
                fonts.index((s.font, s.size, s.bold, s.color)),
                fills.index(s.fill) if s.fill else 0,
                s,
            )
            for s in self.styles
        )
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet {_NS}>'
            + (f'<numFmts count="{len(format_ids)}">{num_fmts}</numFmts>' if format_ids else "")
            + f'<fonts count="{len(fonts)}">{font_xml}</fonts>'
            + f'<fills count="{len(fills)}">{fill_xml}</fills>'
            + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
            + "</borders>"
            + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
            + "</cellStyleXfs>"
            + f'<cellXfs count="{len(self.styles)}">{xfs}</cellXfs>'
            + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
            + "</cellStyles></styleSheet>"
        )


def _font(name: str, size: float, bold: bool, color: str | None) -> str:
    parts = ["<font>", "<b/>" if bold else "", f'<sz val="{size}"/>']
    if color:
        parts.append(f'<color rgb="FF{color}"/>')
    parts.append(f'<name val="{escape(name)}"/><charset val="134"/></font>')
    return "".join(parts)


def _xf(format_id: int, font_id: int, fill_id: int, style: Style) -> str:
    flags = ""
    inner = ""
    if style.wrap:
        flags += ' applyAlignment="1"'
        inner = '<alignment wrapText="1" vertical="top"/>'
    if style.number_format:
        flags += ' applyNumberFormat="1"'
    if style != Style():
        flags += ' applyFont="1"'
    if style.fill:
        flags += ' applyFill="1"'
    head = f'<xf numFmtId="{format_id}" fontId="{font_id}" fillId="{fill_id}" borderId="0" '
    return f'{head}xfId="0"{flags}>{inner}</xf>' if inner else f'{head}xfId="0"{flags}/>'


class StreamSheet:
    """One worksheet, written row by row into a buffer."""

    def __init__(
        self,
        styles: _Styles,
        name: str,
        widths: Sequence[float] = (),
        freeze: tuple[int, int] | None = None,
        page: PageSetup | None = None,
    ) -> None:
        self.name = name
        self.page = page
        self._styles = styles
        self._width = len(widths)
        self._widths = list(widths)
        self._rows: list[str] = []
        self._letters: list[str] = [""]
        cols = "".join(
            f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
            for i, w in enumerate(widths, start=1)
        )
        pane = ""
        if freeze:
            rows, columns = freeze
            cell = f"{column_letter(columns + 1)}{rows + 1}"
            split = (f' xSplit="{columns}"' if columns else "") + (
                f' ySplit="{rows}"' if rows else ""
            )
            pane = f'<pane{split} topLeftCell="{cell}" activePane="bottomRight" state="frozen"/>'
        fit = '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' if page and page.fit_width else ""
        self._head = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {_NS} {_RNS}>'
            f'{fit}<sheetViews><sheetView workbookViewId="0">{pane}</sheetView></sheetViews>'
            '<sheetFormatPr defaultRowHeight="15"/>' + (f"<cols>{cols}</cols>" if cols else "")
        )

    def _letter(self, column: int) -> str:
        while len(self._letters) <= column:
            self._letters.append(column_letter(len(self._letters)))
        return self._letters[column]

    def append(
        self, cells: Iterable[object], style: Style | None = None, *, height: float | None = None
    ) -> None:
        """Add a row.

        Each cell is a value (``int``, ``float``, ``Decimal``, ``str`` or ``None``) or a
        ``(value, Style)`` pair; ``style`` applies to the cells without one. ``height`` (in
        points) makes room for wrapped text.
        """
        row = str(len(self._rows) + 1)
        default = f' s="{self._styles.id(style)}"' if style else ""
        letters = self._letters
        parts = [""]
        lines = 1
        add = parts.append
        column = 0
        for column, item in enumerate(cells, start=1):
            # The common cases first: a summary is mostly plain ints and blanks.
            if item is None:
                continue
            if len(letters) <= column:
                self._letter(column)
            kind = type(item)
            if kind is int:
                add(f'<c r="{letters[column]}{row}"{default}><v>{item}</v></c>')
                continue
            s = default
            value = item
            if kind is tuple:
                pair: tuple[object, Style] = item  # type: ignore[assignment]
                value, cell_style = pair
                s = f' s="{self._styles.id(cell_style)}"'
                if cell_style.wrap and type(value) is str and column <= len(self._widths):
                    lines = max(lines, _lines(value, self._widths[column - 1]))
                if value is None:  # a blank cell with a style (a fill that marks it)
                    add(f'<c r="{letters[column]}{row}"{s}/>')
                    continue
            ref = letters[column] + row
            if type(value) is str:
                text = escape(value)
                space = ' xml:space="preserve"' if text != text.strip() else ""
                add(f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{text}</t></is></c>')
            elif type(value) in (int, float) or isinstance(value, Decimal):
                shown = format(value, "f") if isinstance(value, Decimal) else repr(value)
                add(f'<c r="{ref}"{s}><v>{shown}</v></c>')
            else:
                raise TypeError(f"cannot write a {type(value).__name__} to a cell")
        add("</row>")
        if height is None and lines > 1:
            height = round(14.5 * lines, 1)
        tall = f' ht="{height}" customHeight="1"' if height else ""
        parts[0] = f'<row r="{row}"{tall}>'
        self._rows.append("".join(parts))
        self._width = max(self._width, column)

    @property
    def filter_range(self) -> str | None:
        """The autofilter's range (``A2:K40``), or ``None`` when the sheet has none."""
        page = self.page
        if page is None or page.filter_row is None:
            return None
        last = column_letter(max(self._width, 1))
        return f"A{page.filter_row}:{last}{max(len(self._rows), page.filter_row)}"

    def xml(self) -> str:
        """The worksheet XML."""
        tail = ""
        if self.filter_range:
            tail += f'<autoFilter ref="{self.filter_range}"/>'
        if self.page is not None:
            orientation = "landscape" if self.page.landscape else "portrait"
            wide = self.page.pages_wide
            fit = f' fitToWidth="{wide}" fitToHeight="0"' if self.page.fit_width else ""
            tail += (
                '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" '
                'footer="0.3"/>'
                f'<pageSetup paperSize="9" orientation="{orientation}"{fit}/>'
                "<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>"
                "</headerFooter>"
            )
        return f"{self._head}<sheetData>{''.join(self._rows)}</sheetData>{tail}</worksheet>"


def workbook_bytes(sheets: Sequence[StreamSheet]) -> bytes:
    """Zip the sheets into an .xlsx workbook."""
    styles = sheets[0]._styles if sheets else _Styles()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_SHEET_TYPE}"/>'
            for i in range(1, len(sheets) + 1)
        )
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            f"{overrides}</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
            f'xmlns="{_PKG}"><Relationship Id="rId1" Type="{_DOC}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        names = _defined_names(sheets)
        sheet_list = "".join(
            f'<sheet name="{escape(s.name, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
            for i, s in enumerate(sheets, start=1)
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {_NS} {_RNS}>'
            f"<sheets>{sheet_list}</sheets>{names}</workbook>",
        )
        relations = "".join(
            f'<Relationship Id="rId{i}" Type="{_DOC}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(sheets) + 1)
        )
        relations += (
            f'<Relationship Id="rId{len(sheets) + 1}" Type="{_DOC}/styles" Target="styles.xml"/>'
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<Relationships xmlns="{_PKG}">{relations}</Relationships>',
        )
        archive.writestr("xl/styles.xml", styles.xml())
        for i, sheet in enumerate(sheets, start=1):
            archive.writestr(f"xl/worksheets/sheet{i}.xml", sheet.xml())
    return buffer.getvalue()


def _lines(text: str, width: float) -> int:
    """About how many lines ``text`` wraps into in a column ``width`` characters wide.

    A Chinese character takes about two character widths.
    """
    count = 0
    for part in text.split("\n"):
        used = sum(2 if ord(c) > 0x2E7F else 1 for c in part)
        count += max(1, -(-used // max(int(width) - 1, 1)))
    return count


def _defined_names(sheets: Sequence[StreamSheet]) -> str:
    """The print titles and filter ranges of the sheets, as the workbook names them."""
    names = []
    for i, sheet in enumerate(sheets):
        quoted = "'" + escape(sheet.name.replace("'", "''")) + "'"
        page = sheet.page
        if page is not None and (page.title_rows or page.title_columns):
            ranges = []
            if page.title_columns:
                ranges.append(f"{quoted}!$A:${column_letter(page.title_columns)}")
            if page.title_rows:
                ranges.append(f"{quoted}!$1:${page.title_rows}")
            names.append(
                f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">'
                f"{','.join(ranges)}</definedName>"
            )
        if sheet.filter_range:
            first, last = sheet.filter_range.split(":")
            absolute = "$" + "$".join(_split(first)) + ":$" + "$".join(_split(last))
            names.append(
                f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
                f"{quoted}!{absolute}</definedName>"
            )
    return f"<definedNames>{''.join(names)}</definedNames>" if names else ""


def _split(reference: str) -> tuple[str, str]:
    """``("AB", "12")`` of ``"AB12"``."""
    digits = len(reference) - len(reference.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    return reference[:digits], reference[digits:]


def new_styles() -> _Styles:
    """A fresh style table, shared by the sheets of one workbook."""
    return _Styles()
