"""The PDF reader: ``.pdf`` files through pdfplumber (the optional ``pdf`` extra).

Each page gives its ruled tables (as grids, merged cells kept as spans where pdfplumber
reports them as ``None``) and its text lines outside those tables, in top-to-bottom order.
Text lines are broken at the page width, so the layout is marked ``wrapped``; page numbers
at the foot of a page are dropped. A loop of references in the file, which pdfminer would
follow for ever, ends in :class:`~govdisclosure.errors.ParseError` (:func:`_guard_references`).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import logging
import re
import zlib
from collections.abc import Iterator
from typing import Any

from govdisclosure._archive import DEFAULT_LIMITS, ExcelLimits
from govdisclosure._format.vocabulary import RADICALS, is_page_footer
from govdisclosure._parse.layout import Block, Cell, Layout, Location, Paragraph, Table
from govdisclosure._parse.result import ParseError
from govdisclosure.errors import UnsupportedFormatError

__all__ = ["RADICALS", "read_pdf"]


def _grid(rows: list[list[str | None]], page: int, line: int) -> Table:
    """A pdfplumber table (``None`` where a merged cell continues) as a grid with spans."""
    cells: list[Cell] = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None:
                continue
            colspan = 1
            while c + colspan < len(row) and row[c + colspan] is None:
                colspan += 1
            rowspan = 1
            while (
                r + rowspan < len(rows)
                and c < len(rows[r + rowspan])
                and (rows[r + rowspan][c] is None)
            ):
                rowspan += 1
            cells.append(Cell(text.strip(), r, c, rowspan, colspan, Location(line + r, c, 0, page)))
    return Table(tuple(cells), Location(line, 0, 0, page))


Box = tuple[float, float, float, float]


def _cell_texts(found: Any, chars: list[dict[str, Any]]) -> list[list[str | None]]:
    """The text of each cell of a pdfplumber table; ``None`` where a merged cell goes on.

    Each character belongs to the smallest cell that holds its centre. pdfplumber's own
    ``extract()`` gives a cell every character inside its box, and the box of a cell
    spanning rows (三、本年度办理结果) can be drawn, in browser-printed PDFs, over the
    whole table: its text would then hold every row's label and figures, and a figure could
    land in the wrong row. Smallest-box-wins keeps each figure in its own cell.
    """
    grid: list[list[Box | None]] = [list(row.cells) for row in found.rows]
    cells = sorted(
        ((r, c, box) for r, row in enumerate(grid) for c, box in enumerate(row) if box),
        key=lambda item: (item[2][2] - item[2][0]) * (item[2][3] - item[2][1]),
    )
    x0, top, x1, bottom = found.bbox
    owned: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for char in chars:
        x = (char["x0"] + char["x1"]) / 2
        y = (char["top"] + char["bottom"]) / 2
        if not (x0 <= x <= x1 and top <= y <= bottom):
            continue
        for r, c, (left, upper, right, lower) in cells:
            if left <= x <= right and upper <= y <= lower:
                owned.setdefault((r, c), []).append(char)
                break
    return [
        [None if box is None else _text(owned.get((r, c), [])) for c, box in enumerate(row)]
        for r, row in enumerate(grid)
    ]


def _unruled_column(
    found: Any, texts: list[list[str | None]], words: list[dict[str, Any]]
) -> tuple[Box, list[list[str | None]]]:
    """The table with its last column when that column has no ruling on its right.

    A browser prints a table whose last column's right border is missing (CSS often leaves
    it off): pdfplumber closes the table at the last ruling, and the 总计 column's words
    stand just right of it, outside. Words that start just right of the table (within a
    cell's padding) on two rows or more are taken back as a column, each into the row whose
    band holds it.
    """
    x0, top, x1, bottom = found.bbox
    beside = [
        w
        for w in words
        if x1 - 1 <= w["x0"] <= x1 + 20 and top <= (w["top"] + w["bottom"]) / 2 <= bottom
    ]
    if len({round(w["top"]) for w in beside}) < 2:
        return found.bbox, texts
    tops = [min((b[1] for b in row.cells if b), default=None) for row in found.rows]
    bands = []
    for r, start in enumerate(tops):
        below = next((t for t in tops[r + 1 :] if t is not None), bottom)
        bands.append((start, below))
    column: list[list[str]] = [[] for _ in texts]
    for word in sorted(beside, key=lambda w: (w["top"], w["x0"])):
        centre = (word["top"] + word["bottom"]) / 2
        for r, (start, end) in enumerate(bands):
            if start is not None and start <= centre < end:
                column[r].append(word["text"].strip())
                break
    right = max(w["x1"] for w in beside)
    rows = [
        [*row, " ".join(extra).translate(RADICALS)]
        for row, extra in zip(texts, column, strict=True)
    ]
    return (x0, top, right, bottom), rows


def _text(chars: list[dict[str, Any]]) -> str:
    """Characters as lines of text: top to bottom, left to right, a space at a gap."""
    lines: dict[int, list[dict[str, Any]]] = {}
    for char in sorted(chars, key=lambda ch: ch["top"]):
        key = next((k for k in lines if abs(k - char["top"]) <= 3), round(char["top"]))
        lines.setdefault(key, []).append(char)
    out = []
    for key in sorted(lines):
        row = sorted(lines[key], key=lambda ch: ch["x0"])
        parts = [row[0]["text"]]
        for before, char in itertools.pairwise(row):
            gap = char["x0"] - before["x1"]
            parts.append((" " if gap > 3 else "") + char["text"])
        out.append("".join(parts))
    return "\n".join(out).translate(RADICALS)


def _inside(word: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _background(obj: dict[str, Any]) -> bool:
    """A filled, unstroked rectangle larger than a rule: a background, not a border.

    A browser prints a page's white or coloured panels as such rectangles; taken as ruling
    they make one "table" of the whole page, whose cells hold the title and every heading.
    Borders are stroked lines or thin filled rectangles, and stay.
    """
    return (
        obj.get("object_type") == "rect"
        and not obj.get("stroke")
        and obj.get("width", 0) > 5
        and obj.get("height", 0) > 5
    )


def _closing_lines(page: Any) -> list[float]:
    """Rules that close a table split across pages, where the page leaves them off.

    A browser draws each row's top border; the first row on a new page has none, so it
    has no cell (and its figures are lost). Where the vertical rules reach above every
    horizontal one (or below), a horizontal rule is added at their end.
    """
    edges = getattr(page, "edges", None)
    if not edges:
        return []
    vertical = [e for e in edges if e.get("orientation") == "v" and e["bottom"] - e["top"] > 5]
    horizontal = [e["top"] for e in edges if e.get("orientation") == "h" and e["x1"] - e["x0"] > 5]
    if not vertical or not horizontal:
        return []
    lines = []
    top = min(e["top"] for e in vertical)
    if top < min(horizontal) - 2:
        lines.append(top)
    bottom = max(e["bottom"] for e in vertical)
    if bottom > max(horizontal) + 2:
        lines.append(bottom)
    return lines


def _page_blocks(page: Any, number: int, line: int) -> tuple[list[Block], int]:
    if hasattr(page, "filter"):
        page = page.filter(lambda obj: not _background(obj))
    placed: list[tuple[float, Block]] = []
    boxes = []
    chars = page.chars
    words = page.extract_words(keep_blank_chars=True)
    closing = _closing_lines(page)
    tables = page.find_tables({"explicit_horizontal_lines": closing}) if closing else None
    for found in tables if tables is not None else page.find_tables():
        texts = _cell_texts(found, chars)
        box, texts = _unruled_column(found, texts, words)
        boxes.append(box)
        placed.append((box[1], _grid(texts, number, line)))
    words = [w for w in words if not _inside(w, boxes)]
    lines: dict[int, list[dict[str, Any]]] = {}
    for word in words:
        lines.setdefault(round(word["top"] / 3), []).append(word)
    for key in sorted(lines):
        row = sorted(lines[key], key=lambda w: w["x0"])
        text = " ".join(w["text"].strip() for w in row).strip().translate(RADICALS)
        if text and not is_page_footer(text):
            placed.append((row[0]["top"], Paragraph(text, Location(0, 0, 0, number))))
    placed.sort(key=lambda item: item[0])
    blocks: list[Block] = []
    for _, block in placed:
        line += 1
        if isinstance(block, Paragraph):
            blocks.append(Paragraph(block.text, Location(line, 0, 0, number)))
        else:
            blocks.append(block)
    return blocks, line


#: The longest chain of references (an object that is only a reference to another) followed.
_MAX_CHAIN = 64


class _ReferenceLoopError(Exception):
    """A PDF object that refers, through other bare references, back to itself."""


def _guard_references() -> None:
    """Make pdfminer refuse a loop of references instead of following it forever.

    pdfminer follows an object that is only a reference (``8 0 obj 8 0 R endobj``) until
    it finds something else, so a page's ``/Contents``, a stream's ``/Length`` or a
    ``/MediaBox`` pointing to itself kept a core busy for ever. The guard replaces
    ``PDFObjRef.resolve``, once per process, by one that follows the whole chain itself
    (what every caller does next) and raises on a loop or a chain longer than
    :data:`_MAX_CHAIN`. It changes nothing for a file without one.
    """
    from pdfminer.pdftypes import PDFObjRef

    original = PDFObjRef.resolve
    if getattr(original, "_govdisclosure_guard", False):
        return

    def resolve(self: PDFObjRef, default: object = None) -> Any:
        seen = {self.objid}
        target = original(self, default)
        while isinstance(target, PDFObjRef):
            if target.objid in seen:
                raise _ReferenceLoopError(f"object {self.objid} is a loop of references")
            if len(seen) > _MAX_CHAIN:
                raise _ReferenceLoopError(
                    f"object {self.objid} starts a chain of more than {_MAX_CHAIN} references"
                )
            seen.add(target.objid)
            target = original(target, default)
        return target

    resolve._govdisclosure_guard = True  # type: ignore[attr-defined]
    setattr(PDFObjRef, "resolve", resolve)  # noqa: B010 - a method is replaced, checked above


@contextlib.contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """Keep pdfminer's log lines (``Could not get FontBBox…``) off the user's terminal.

    They are about how the PDF was made, not about the report.
    """
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def read_pdf(data: bytes, limits: ExcelLimits = DEFAULT_LIMITS) -> Layout:
    """Lay out a PDF document.

    Args:
        data: the ``.pdf`` file's bytes.
        limits: the limits (here ``max_pages``: the pages are counted, up to one past
            the limit, before any is read).

    Returns:
        Its text lines and ruled tables, page by page; a block's ``line`` counts the
        document's lines from 1 and ``page`` is its page.

    Raises:
        UnsupportedFormatError: pdfplumber is not installed.
        ParseError: the bytes are not a readable PDF, or it has more than ``max_pages``.
    """
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - depends on the environment
        raise UnsupportedFormatError(
            "reading .pdf files needs pdfplumber: pip install 'govdisclosure[pdf]'",
            detail_zh="读取 .pdf 文件需要 pdfplumber：pip install 'govdisclosure[pdf]'",
        ) from None
    # Readers look for the header in the first kilobyte; pdfminer would search a 10 MB file
    # of anything else for seconds before giving up.
    if b"%PDF" not in data[:1024]:
        raise ParseError(
            "not a PDF document: the file has no %PDF header",
            detail_zh="不是 PDF 文档：文件没有 %PDF 文件头",
        )
    _check_streams(data, limits)
    _guard_references()
    blocks: list[Block] = []
    line = 0
    try:
        with _quiet_pdfminer(), pdfplumber.open(io.BytesIO(data)) as pdf:
            _check_pages(pdf, limits.max_pages)
            for number, page in enumerate(pdf.pages, start=1):
                page_blocks, line = _page_blocks(page, number, line)
                blocks.extend(page_blocks)
    except ParseError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        reason = f"{type(exc).__name__}: {exc}"
        raise ParseError(
            f"not a readable PDF document: {reason}", detail_zh=f"无法读取的 PDF 文档：{reason}"
        ) from None
    return Layout("pdf", tuple(blocks), wrapped=True)


_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_CHUNK = 1 << 20


def _check_streams(data: bytes, limits: ExcelLimits) -> None:
    """Refuse a PDF whose compressed streams inflate like a bomb.

    pdfminer inflates a stream whole and then parses it byte by byte: 300 KB of Flate data
    holding 300 MB of zeros took 650 MB and over a minute, and 20 MB of zeros in a page's
    contents over a hundred seconds. Each ``stream … endstream`` is inflated here in 1 MiB
    steps, counting, under the archive limits of Word and Excel files: a stream inflating
    beyond 1 MiB at more than ``max_ratio`` times its size, or all of them beyond
    ``max_uncompressed_bytes``, is refused. (Text and fonts compress a few times; only
    made-up data compresses hundreds of times.) A stream that is not zlib data (another
    filter, or none) is passed by at its first bytes.
    """
    total = 0
    position = 0
    # Each stream is searched from the end of the one before: linear in the file.
    while (match := _STREAM.search(data, position)) is not None:
        end = data.find(b"endstream", match.end())
        if end < 0:
            break
        position = end + len(b"endstream")
        chunk = data[match.end() : end]
        size, inflated = len(chunk), 0
        inflater = zlib.decompressobj()
        try:
            while chunk and not inflater.eof:
                out = inflater.decompress(chunk, _CHUNK)
                inflated += len(out)
                if total + inflated > limits.max_uncompressed_bytes or (
                    inflated > _CHUNK and inflated > limits.max_ratio * size
                ):
                    raise _bomb(limits)
                if not out and len(inflater.unconsumed_tail) == len(chunk):
                    break  # no progress: the rest is not zlib data
                chunk = inflater.unconsumed_tail
        except zlib.error:
            pass
        total += inflated


def _bomb(limits: ExcelLimits) -> ParseError:
    return ParseError(
        f"refused: a compressed stream of the PDF inflates more than {limits.max_ratio:g} "
        f"times its size, or all of them to more than {limits.max_uncompressed_bytes:,} "
        "bytes (max_ratio, max_uncompressed_bytes): a decompression bomb",
        detail_zh=f"拒绝读取：PDF 的压缩内容解压后超过其大小的 {limits.max_ratio:g} 倍，"
        f"或总计超过 {limits.max_uncompressed_bytes:,} 字节"
        "（max_ratio、max_uncompressed_bytes），疑为解压炸弹",
    )


def _check_pages(pdf: Any, max_pages: int) -> None:
    """Refuse a PDF of more than ``max_pages`` pages, counting no further than one past it."""
    from pdfminer.pdfpage import PDFPage

    # pdfminer's page tree, walked lazily (pdfplumber's pages would make every page first).
    doc = getattr(pdf, "doc", None)
    pages = PDFPage.create_pages(doc) if doc is not None else iter(pdf.pages)
    count = sum(1 for _ in itertools.islice(pages, max_pages + 1))
    if count > max_pages:
        raise ParseError(
            f"the PDF has more than {max_pages:,} pages (max_pages); a report has some tens",
            detail_zh=f"PDF 文档超过 {max_pages:,} 页（max_pages）；一份报告只有几十页",
        )
