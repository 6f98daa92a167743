"""The HTML reader: one pass over the stdlib tokenizer's events into a layout.

Government sites publish reports as whole pages (site chrome, a metadata table, the
report) or as fragments. The reader keeps headings, paragraphs and tables; it drops
scripts, styles and forms. A table whose cells hold paragraphs of prose or other tables is
a page-layout table: its content is laid out as the blocks it holds, not as a grid.

Whitespace is folded as a browser folds it, except inside ``<pre>`` and elements styled
``white-space: pre``, ``pre-wrap`` or ``break-spaces`` (in their ``style`` attribute): there
the text is literal, kept exactly with its line breaks, and each block (even an empty one)
is a literal block of the layout.

``<meta name=… content=…>`` tags become the layout's properties, by name (the first of a
name wins).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from govdisclosure._parse.layout import (
    Block,
    Cell,
    Heading,
    Layout,
    LineIndex,
    Location,
    Paragraph,
    Table,
    span,
)

__all__ = ["read_html"]

_BLOCK_TAGS = frozenset(
    {
        *("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "section", "article", "header"),
        *("footer", "aside", "main", "blockquote", "pre", "center", "form", "hr", "address"),
        *("figure", "figcaption", "caption", "nav", "tbody", "thead", "tfoot"),
    }
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "select", "textarea", "svg"})
_VOID_TAGS = frozenset({"br", "img", "hr", "input", "meta", "link", "wbr", "col", "area"})
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u3000\u200b\ufeff]+")
# A cell holding more than this much prose is page layout, not table data.
_LAYOUT_CELL_CHARS = 400
_LAYOUT_CELL_LINES = 8
_PRE_STYLE = re.compile(
    r"white-space\s*:\s*(?:pre|pre-wrap|break-spaces)\s*(?:;|$|!)", re.IGNORECASE
)
_LITERAL_ENDS = _BLOCK_TAGS | _HEADINGS.keys() | {"td", "th"}


def _pre_style(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name == "style" and value and "white-space" in value and _PRE_STYLE.search(value):
            return True
    return False


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _fold(text: str, whole: bool) -> list[str]:
    """Fold literal text as ordinary HTML text: whitespace collapsed, a block per line."""
    lines = (_clean(line) for line in text.split("\n"))
    return [line for line in lines if line]


class _CellBuffer:
    __slots__ = ("blocks", "colspan", "location", "rowspan", "text")

    def __init__(self, location: Location, rowspan: int, colspan: int) -> None:
        self.location = location
        self.rowspan = rowspan
        self.colspan = colspan
        self.text: list[str] = []
        self.blocks: list[Block] = []


class _TableBuffer:
    __slots__ = ("cell", "layout", "location", "row", "rows")

    def __init__(self, location: Location) -> None:
        self.location = location
        self.rows: list[list[_CellBuffer]] = []
        self.row: list[_CellBuffer] | None = None
        self.cell: _CellBuffer | None = None
        self.layout = False


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.title: str | None = None
        self.properties: dict[str, str] = {}
        self._text: list[str] = []
        # Literal (pre-formatted) text: pieces of self._text that are literal, the open
        # literal elements as [tag, nesting], and the emission count at each open block.
        self._literal_pieces: set[int] = set()
        self._literal: list[list[object]] = []
        self._marks: list[int] = []
        self._emitted = 0
        self._start: tuple[int, int] = (1, 0)
        self._skip = 0
        self._in_title = False
        self._title: list[str] = []
        self._heading = 0
        self._tables: list[_TableBuffer] = []

    # -- text ----------------------------------------------------------------

    def _sink(self) -> list[Block]:
        tables = self._tables
        if tables and tables[-1].cell is not None:
            return tables[-1].cell.blocks
        return self.blocks

    def _flush(self) -> None:
        if not self._text:
            return
        if self._literal_pieces:
            self._flush_literal()
            return
        lines = "".join(self._text).split("\n")
        self._text = []
        line, column = self._start
        sink = self._sink()
        for raw in lines:
            text = _clean(raw)
            if text:
                location = Location(line, column)
                if self._heading:
                    sink.append(Heading(text, self._heading, location))
                else:
                    sink.append(Paragraph(text, location))
                self._emitted += 1

    def _flush_literal(self, force: bool = False) -> None:
        pieces = [
            piece if i in self._literal_pieces else _SPACE.sub(" ", piece)
            for i, piece in enumerate(self._text)
        ]
        self._text = []
        self._literal_pieces = set()
        text = "".join(pieces)
        if not text.strip() and not force:
            # Whitespace between the blocks of a literal element lays nothing out.
            return
        line, column = self._start
        self._emit_literal(text, Location(line, column))

    def _emit_literal(self, text: str, location: Location) -> None:
        if self._heading:
            self._sink().append(Heading(text, self._heading, location, literal=True))
        else:
            self._sink().append(Paragraph(text, location, literal=True))
        self._emitted += 1

    def _end_block(self) -> None:
        """End a block: in literal text, an empty block is an empty literal line."""
        if not self._literal:
            self._flush()
            return
        mark = self._marks.pop() if self._marks else self._emitted
        if self._text:
            self._flush_literal(force=self._emitted == mark)
        elif self._emitted == mark:
            line, column = self.getpos()
            self._emit_literal("", Location(line, column))

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_title:
            self._title.append(data)
            return
        if self._literal:
            if not self._text:
                self._start = self.getpos()
            self._literal_pieces.add(len(self._text))
            self._text.append(data)
            return
        if not self._text:
            if data.isspace():
                return
            self._start = self.getpos()
        self._text.append(data)

    def _open_literal(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        literal = self._literal
        if literal and literal[-1][0] == tag:
            literal[-1][1] = int(literal[-1][1]) + 1  # type: ignore[call-overload]
        elif tag == "pre" or _pre_style(attrs):
            literal.append([tag, 1])
        elif not literal:
            return
        if tag in _LITERAL_ENDS:
            self._marks.append(self._emitted)

    def _close_literal(self, tag: str) -> None:
        if self._literal and self._literal[-1][0] == tag:
            depth = int(self._literal[-1][1]) - 1  # type: ignore[call-overload]
            if depth:
                self._literal[-1][1] = depth
            else:
                self._literal.pop()
                if not self._literal:
                    self._marks.clear()

    # -- tags ----------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            if tag not in _VOID_TAGS:
                self._skip += 1
            return
        if self._skip:
            return
        if tag == "br":
            self._line_break()
            return
        if tag == "meta":
            self._property(attrs)
            return
        self._open(tag, attrs)
        if attrs or self._literal or tag == "pre":
            self._open_literal(tag, attrs)

    def _open(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A start tag that lays something out: a table part, a block, a heading, the title."""
        if tag in ("td", "th"):
            self._start_cell(attrs)
        elif tag == "tr":
            self._start_row()
        elif tag == "table":
            self._start_table()
        elif tag in _BLOCK_TAGS:
            self._flush()
        elif tag in _HEADINGS:
            self._flush()
            self._heading = _HEADINGS[tag]
        elif tag == "title" and self.title is None:
            self._in_title = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip:
            return
        if tag == "br":
            self._line_break()
        elif tag == "meta":
            self._property(attrs)

    def _property(self, attrs: list[tuple[str, str | None]]) -> None:
        """A ``<meta name=… content=…>`` tag: a property of the document."""
        found = dict(attrs)
        name, content = found.get("name"), found.get("content")
        if name and content is not None:
            self.properties.setdefault(name, content)

    def _line_break(self) -> None:
        if self._literal:
            if not self._text:
                self._start = self.getpos()
            self._literal_pieces.add(len(self._text))
            self._text.append("\n")
        elif self._text:
            self._text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            if self._skip:
                self._skip -= 1
            return
        if self._skip:
            return
        if self._literal and tag in _LITERAL_ENDS:
            self._end_block()
        self._close(tag)
        if self._literal:
            self._close_literal(tag)

    def _close(self, tag: str) -> None:
        """An end tag that ends something laid out: a table part, a block, a heading, the title."""
        if tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "table":
            self._end_table()
        elif tag in _BLOCK_TAGS:
            self._flush()
        elif tag in _HEADINGS:
            self._flush()
            self._heading = 0
        elif tag == "title" and self._in_title:
            self._in_title = False
            self.title = _clean("".join(self._title)) or None

    # -- tables --------------------------------------------------------------

    def _location(self) -> Location:
        line, column = self.getpos()
        return Location(line, column)

    def _start_table(self) -> None:
        self._flush()
        if self._tables and self._tables[-1].cell is not None:
            self._tables[-1].layout = True
        self._tables.append(_TableBuffer(self._location()))

    def _start_row(self) -> None:
        if not self._tables:
            return
        self._end_row()
        self._tables[-1].row = []

    def _start_cell(self, attrs: list[tuple[str, str | None]]) -> None:
        if not self._tables:
            self._flush()
            return
        self._end_cell()
        table = self._tables[-1]
        if table.row is None:
            table.row = []
        rowspan = colspan = 1
        for name, value in attrs:
            if name == "rowspan":
                rowspan = span(value)
            elif name == "colspan":
                colspan = span(value)
        table.cell = _CellBuffer(self._location(), rowspan, colspan)

    def _end_cell(self) -> None:
        if not self._tables:
            self._flush()
            return
        table = self._tables[-1]
        cell = table.cell
        if cell is None:
            return
        self._flush()
        table.cell = None
        assert table.row is not None  # a cell always opens a row
        table.row.append(cell)

    def _end_row(self) -> None:
        if not self._tables:
            return
        self._end_cell()
        table = self._tables[-1]
        if table.row is not None:
            table.rows.append(table.row)
            table.row = None

    def _end_table(self) -> None:
        if not self._tables:
            self._flush()
            return
        self._end_row()
        table = self._tables.pop()
        sink = self._sink()
        if table.layout or _is_layout(table):
            for row in table.rows:
                for cell in row:
                    sink.extend(cell.blocks)
            return
        sink.append(_grid(table))

    def finish(self) -> None:
        while self._tables:
            self._end_table()
        self._flush()


def _cell_text(cell: _CellBuffer) -> str:
    return "\n".join(b.text for b in cell.blocks if not isinstance(b, Table))


def _is_layout(table: _TableBuffer) -> bool:
    for row in table.rows:
        for cell in row:
            blocks = cell.blocks
            if len(blocks) > _LAYOUT_CELL_LINES:
                return True
            if sum(len(b.text) for b in blocks if not isinstance(b, Table)) > _LAYOUT_CELL_CHARS:
                return True
    return False


#: The most grid places the cells of one table may cover with their spans; past it, a
#: cell covers only its own place. An official table has some hundreds.
MAX_TABLE_AREA = 100_000


def _grid(table: _TableBuffer) -> Table:
    """Place each cell at the first grid column its row leaves free, as browsers do.

    A rowspan ends at the table's last row (as in browsers), and the places the spans
    cover are counted: past :data:`MAX_TABLE_AREA` a cell spans nothing. Placing a cell
    steps once over each covered place of its row, so the work stays within that bound
    and the number of cells.
    """
    cells: list[Cell] = []
    # column -> the last grid row still covered by a rowspan from above
    covered: dict[int, int] = {}
    area = MAX_TABLE_AREA
    for r, row in enumerate(table.rows):
        col = 0
        for buffer in row:
            while covered.get(col, -1) >= r:
                col += 1
            rowspan = min(buffer.rowspan, len(table.rows) - r)
            colspan = buffer.colspan
            if rowspan * colspan > area:
                rowspan = colspan = 1
            area -= rowspan * colspan
            cells.append(
                Cell(
                    _cell_text(buffer),
                    r,
                    col,
                    rowspan,
                    colspan,
                    buffer.location,
                    literal=any(getattr(b, "literal", False) for b in buffer.blocks),
                )
            )
            if rowspan > 1:
                for c in range(col, col + colspan):
                    covered[c] = r + rowspan - 1
            col += colspan
    return Table(tuple(cells), table.location)


def _with_offsets(blocks: list[Block], index: LineIndex) -> tuple[Block, ...]:
    def place(location: Location) -> Location:
        return Location(
            location.line, location.column, index.offset(location.line, location.column)
        )

    result: list[Block] = []
    for block in blocks:
        if isinstance(block, Table):
            cells = tuple(
                Cell(c.text, c.row, c.col, c.rowspan, c.colspan, place(c.location), c.literal)
                for c in block.cells
            )
            result.append(Table(cells, place(block.location)))
        elif isinstance(block, Heading):
            result.append(Heading(block.text, block.level, place(block.location), block.literal))
        else:
            result.append(Paragraph(block.text, place(block.location), block.literal))
    return tuple(result)


def read_html(text: str) -> Layout:
    """Lay out an HTML page or fragment.

    Args:
        text: the decoded page.

    Returns:
        Its headings, paragraphs and data tables, in reading order.

    >>> layout = read_html(
    ...     "<h1>报告</h1><table><tr><td rowspan=2>a</td><td>1</td></tr><tr><td>2</td></tr></table>"
    ... )
    >>> layout.blocks[0].text
    '报告'
    >>> [(c.text, c.row, c.col) for c in layout.blocks[1].cells]
    [('a', 0, 0), ('1', 0, 1), ('2', 1, 1)]
    """
    reader = _Reader()
    reader.feed(text)
    reader.close()
    reader.finish()
    blocks = _with_offsets(reader.blocks, LineIndex(text))
    return Layout("html", blocks, title=reader.title, fold=_fold, properties=reader.properties)
