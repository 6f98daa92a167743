"""The PDF reader: ``.pdf`` files through pdfplumber (the optional ``pdf`` extra).

Each page gives its ruled tables (as grids, merged cells kept as spans where pdfplumber
reports them as ``None``) and its text lines outside those tables, in top-to-bottom order.
Text lines are broken at the page width, so the layout is marked ``wrapped``; page numbers
at the foot of a page are dropped. A loop of references in the file, which pdfminer would
follow for ever, ends in :class:`~govdisclosure.errors.ParseError` (:func:`_guard_references`).
"""

from __future__ import annotations

import io
from typing import Any

from govdisclosure._format.vocabulary import is_page_footer
from govdisclosure._parse.layout import Block, Cell, Layout, Location, Paragraph, Table
from govdisclosure._parse.result import ParseError
from govdisclosure.errors import UnsupportedFormatError

__all__ = ["read_pdf"]


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


def _inside(word: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _page_blocks(page: Any, number: int, line: int) -> tuple[list[Block], int]:
    placed: list[tuple[float, Block]] = []
    boxes = []
    for found in page.find_tables():
        boxes.append(found.bbox)
        placed.append((found.bbox[1], _grid(found.extract(), number, line)))
    words = [w for w in page.extract_words(keep_blank_chars=True) if not _inside(w, boxes)]
    lines: dict[int, list[dict[str, Any]]] = {}
    for word in words:
        lines.setdefault(round(word["top"] / 3), []).append(word)
    for key in sorted(lines):
        row = sorted(lines[key], key=lambda w: w["x0"])
        text = " ".join(w["text"].strip() for w in row).strip()
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


def read_pdf(data: bytes) -> Layout:
    """Lay out a PDF document.

    Args:
        data: the ``.pdf`` file's bytes.

    Returns:
        Its text lines and ruled tables, page by page; a block's ``line`` counts the
        document's lines from 1 and ``page`` is its page.

    Raises:
        UnsupportedFormatError: pdfplumber is not installed.
        ParseError: the bytes are not a readable PDF.
    """
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - depends on the environment
        raise UnsupportedFormatError(
            "reading .pdf files needs pdfplumber: pip install 'govdisclosure[pdf]'"
        ) from None
    # Readers look for the header in the first kilobyte; pdfminer would search a 10 MB file
    # of anything else for seconds before giving up.
    if b"%PDF" not in data[:1024]:
        raise ParseError("not a PDF document: the file has no %PDF header")
    _guard_references()
    blocks: list[Block] = []
    line = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                page_blocks, line = _page_blocks(page, number, line)
                blocks.extend(page_blocks)
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        raise ParseError(f"not a readable PDF document: {type(exc).__name__}: {exc}") from None
    return Layout("pdf", tuple(blocks), wrapped=True)
