"""Hostile files: every reader ends in a library error (or a parse with warnings), fast, small.

Each junk family (an empty file, random bytes, a truncated zip, a zip bomb, deeply nested
XML, one 10 MB line, a file of NUL bytes, UTF-16 without its byte-order mark, a damaged or
encrypted zip part, a DTD, a 5,000-digit figure) is written under every suffix the library
reads, and ``gd.load`` and ``parse_file`` read it in a child process whose address space is
limited (``resource.RLIMIT_AS``) and whose time is bounded. The child reports each outcome:
a :class:`~govdisclosure.GovDisclosureError` subclass, a report (then validated), or the
raw exception that escaped; the test fails on a raw exception, on a time-out and on running
out of memory (which shows as a raw ``MemoryError``).

Then the families with something particular to check: zip bombs, PDF reference loops, files
refused by their size or kind before they are read (a 3 GB sparse file, a link to
``/dev/zero``, a named pipe, 6 MB of text), small workbooks that ask for much work (merged
ranges, formulas, repeated labels and sheets, cells at the limit) and web pages whose cells
claim huge spans.
"""

from __future__ import annotations

import functools
import io
import os
import random
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import govdisclosure as gd

pytest.importorskip("resource")  # Unix only: limits on the child process
pytest.importorskip("docx")
pytest.importorskip("pdfplumber")

#: The most address space a child may use (the issue's bound on a hostile file's peak).
MEMORY = 1536 * 2**20
#: The most seconds one child may take, imports included.
SECONDS = 20
SUFFIXES = (".json", ".xlsx", ".html", ".txt", ".md", ".docx", ".pdf")
DATA = Path(__file__).parent / "data"

# The child: limit its memory, read the file every way the suffix allows, report each.
_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
import logging, warnings
logging.disable(logging.CRITICAL)
warnings.simplefilter("ignore")
import govdisclosure as gd
from govdisclosure._parse import parse_file
path = sys.argv[1]
readers = [("load", gd.load)]
if not path.endswith((".json", ".xlsx")):
    readers.append(("parse_file", parse_file))
for name, read in readers:
    try:
        result = read(path)
        gd.validate(getattr(result, "report", result))
        print(name, "read")
    except gd.GovDisclosureError as error:
        print(name, type(error).__name__, str(error)[:300].replace(chr(10), " "))
    except BaseException as error:
        print(name, "RAW", type(error).__name__, str(error)[:300].replace(chr(10), " "))
        sys.exit(3)
"""


def run_limited(path: Path) -> tuple[str, float]:
    """Read ``path`` in a child limited in memory and time; what it printed, and its seconds."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD.format(memory=MEMORY), str(path)],
            capture_output=True,
            text=True,
            timeout=SECONDS,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{path.name}: still reading after {SECONDS} s")
    seconds = time.perf_counter() - start
    assert done.returncode == 0, f"{path.name}: {done.stdout}{done.stderr[-2000:]}"
    assert done.stdout.strip(), f"{path.name}: the child said nothing: {done.stderr[-2000:]}"
    return done.stdout, seconds


# ---------------------------------------------------------------------------
# Files to spoil


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@functools.cache
def report_bytes(suffix: str, cell: str = "7777") -> bytes:
    """A readable report in the kind of ``suffix``, one count written as ``cell``."""
    report = gd.examples.load("qijiang-psb-2023").with_cell(
        "applications.new_received.natural_person", 7777
    )
    if suffix == ".pdf":
        return (DATA / "pdf" / "qijiang-psb-2023.pdf").read_bytes()
    if suffix == ".xlsx":
        from govdisclosure._io.excel.write import to_excel_bytes

        data = to_excel_bytes(report)
        parts = _parts(data)
        parts = {n: p.replace(b"<v>7777</v>", f"<v>{cell}</v>".encode()) for n, p in parts.items()}
        return _zip(parts)
    if suffix == ".docx":
        from govdisclosure._render import render_docx_bytes

        parts = _parts(render_docx_bytes(report))
        parts = {n: p.replace(b">7777<", f">{cell}<".encode()) for n, p in parts.items()}
        return _zip(parts)
    if suffix == ".json":
        text = gd.to_json(report)
    else:
        kind = {".txt": "text", ".md": "markdown", ".html": "html"}[suffix]
        text = gd.render(report, kind)
    return text.replace("7777", cell).encode()


def _deep(suffix: str) -> bytes:
    depth = 200_000
    if suffix == ".json":
        return b"[" * depth + b"]" * depth
    if suffix in (".docx", ".xlsx"):
        parts = _parts(report_bytes(suffix))
        body = "word/document.xml" if suffix == ".docx" else "xl/worksheets/sheet1.xml"
        anchor = b"<w:body>" if suffix == ".docx" else b"<sheetData>"
        parts[body] = parts[body].replace(anchor, anchor + b"<x>" * depth + b"</x>" * depth, 1)
        return _zip(parts)
    return b"<div>" * depth + "一、总体情况".encode() + b"</div>" * depth


def _damaged(suffix: str) -> bytes:
    """The report with a stretch of its first large part's deflate stream flipped."""
    data = bytearray(report_bytes(".xlsx" if suffix == ".xlsx" else ".docx"))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = max(archive.infolist(), key=lambda i: i.compress_size)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 8, start + 40):
        data[i] ^= 0x55
    return bytes(data)


def _encrypted(suffix: str) -> bytes:
    """The report with every part marked encrypted, as a password-protected zip is."""
    data = bytearray(report_bytes(".xlsx" if suffix == ".xlsx" else ".docx"))
    for signature, flags in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            (value,) = struct.unpack_from("<H", data, at + flags)
            struct.pack_into("<H", data, at + flags, value | 1)
            at = data.find(signature, at + 4)
    return bytes(data)


def _dtd(suffix: str) -> bytes:
    """The report with a DTD declaring entities (billion laughs) in its main part."""
    laughs = (
        b'<!DOCTYPE x [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )
    if suffix in (".docx", ".xlsx"):
        parts = _parts(report_bytes(suffix))
        body = "word/document.xml" if suffix == ".docx" else "xl/workbook.xml"
        head, sep, rest = parts[body].partition(b"?>")
        parts[body] = head + sep + laughs + rest if sep else laughs + parts[body]
        return _zip(parts)
    return laughs + report_bytes(suffix)


def _families() -> dict[str, Callable[[str], bytes]]:
    noise = bytes(random.Random(16).getrandbits(8) for _ in range(65536))
    return {
        "empty": lambda suffix: b"",
        "random": lambda suffix: noise,
        "truncated": lambda suffix: report_bytes(suffix)[: len(report_bytes(suffix)) // 2],
        "truncated-zip": lambda suffix: report_bytes(".docx")[: len(report_bytes(".docx")) // 2],
        "deep": _deep,
        "one-line": lambda suffix: ("一" * (10 * 2**20 // 3)).encode(),
        "nul": lambda suffix: bytes(2**20),
        "utf16-no-bom": lambda suffix: (
            report_bytes(suffix).decode("utf-8", "replace").encode("utf-16-le")
        ),
        "damaged-zip": _damaged,
        "encrypted-zip": _encrypted,
        "dtd": _dtd,
        "5000-digits": lambda suffix: report_bytes(suffix, "9" * 5000),
        "1e999999999": lambda suffix: report_bytes(suffix, "1e999999999"),
    }


FAMILIES = _families()


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_hostile_file_ends_in_a_library_error(family: str, suffix: str, tmp_path: Path) -> None:
    """Every reader on every junk family: a GovDisclosureError or a report, in bounds."""
    path = tmp_path / f"{family}{suffix}"
    path.write_bytes(FAMILIES[family](suffix))
    out, seconds = run_limited(path)
    assert "RAW" not in out
    assert seconds < SECONDS


# ---------------------------------------------------------------------------
# Families with something particular to check


def _with_bomb(data: bytes) -> bytes:
    """The archive ``data`` with a part of 1 GiB of zeros added (about 1 MB zipped)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        with archive.open("word/media/image1.png", "w", force_zip64=True) as part:
            chunk = bytes(2**20)
            for _ in range(1024):
                part.write(chunk)
    return out.getvalue()


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_zip_bomb_is_refused_before_it_is_inflated(suffix: str, tmp_path: Path) -> None:
    """A good Word document or workbook with a 1 GiB part of zeros: refused by its ratio."""
    path = tmp_path / f"bomb{suffix}"
    path.write_bytes(_with_bomb(report_bytes(suffix)))
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("word/media/image1.png").file_size == 2**30
    out, _ = run_limited(path)
    assert "RAW" not in out
    assert "decompression bomb" in out, out


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1, the first the catalogue) and its xref."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
    return out + trailer % (len(objects) + 1, xref)


_CATALOGUE = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
_PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Contents %s >>"
REFERENCE_LOOPS = {
    "contents": [_PAGE % (b"[0 0 612 792]", b"4 0 R"), b"4 0 R"],
    "contents-via-two": [_PAGE % (b"[0 0 612 792]", b"4 0 R"), b"5 0 R", b"4 0 R"],
    "mediabox": [_PAGE % (b"4 0 R", b"5 0 R"), b"4 0 R", b"<< /Length 0 >>\nstream\n\nendstream"],
    "length": [
        _PAGE % (b"[0 0 612 792]", b"4 0 R"),
        b"<< /Length 5 0 R >>\nstream\nBT ET\nendstream",
        b"5 0 R",
    ],
}


@pytest.mark.parametrize("name", sorted(REFERENCE_LOOPS))
def test_pdf_reference_loop_ends_in_parse_error(name: str, tmp_path: Path) -> None:
    """An object that is a reference to itself (a 500-byte file) ends at once in ParseError.

    pdfminer followed such a loop for ever at full CPU.
    """
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(_pdf(_CATALOGUE + REFERENCE_LOOPS[name]))
    out, seconds = run_limited(path)
    assert out.splitlines()[-1].startswith("parse_file ParseError"), out
    assert "loop of references" in out
    assert seconds < SECONDS


# ---------------------------------------------------------------------------
# Files refused by their size or their kind before they are read


def _sparse(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(3 * 2**30)


def _dev_zero(path: Path) -> None:
    if not Path("/dev/zero").exists():  # pragma: no cover - not POSIX
        pytest.skip("no /dev/zero")
    path.symlink_to("/dev/zero")


def _fifo(path: Path) -> None:
    if not hasattr(os, "mkfifo"):  # pragma: no cover - not POSIX
        pytest.skip("no named pipes")
    os.mkfifo(path)


UNREAD = {"sparse-3gb": _sparse, "dev-zero": _dev_zero, "fifo": _fifo}


@pytest.mark.parametrize("suffix", [*SUFFIXES, ".htm"])
@pytest.mark.parametrize("kind", sorted(UNREAD))
def test_file_is_refused_unread_by_size_or_kind(kind: str, suffix: str, tmp_path: Path) -> None:
    """A 3 GB sparse file, a link to /dev/zero, a named pipe: refused before reading.

    Every reader checks the size (and that the file is a regular file) first; the JSON
    reader did, the others read the whole file and ran out of memory, and a pipe waited
    for ever for a writer.
    """
    path = tmp_path / f"x{suffix}"
    UNREAD[kind](path)
    out, seconds = run_limited(path)
    assert "RAW" not in out
    for line in out.splitlines():
        assert "more than the limit" in line or "not a regular file" in line, out
    assert seconds < SECONDS / 2


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_six_megabytes_of_text_are_refused_by_length(suffix: str, tmp_path: Path) -> None:
    """A report's text repeated to 6 MB: refused by its length (it took 1.1 GB to read)."""
    one = report_bytes(suffix)
    path = tmp_path / f"long{suffix}"
    path.write_bytes(one * (6 * 2**20 // len(one) + 1))
    out, _ = run_limited(path)
    for line in out.splitlines():
        assert "ParseError" in line, out
        assert "max_text_chars" in line, out


# ---------------------------------------------------------------------------
# Workbooks that ask for much work in few bytes

_TABLE2 = "xl/worksheets/sheet3.xml"  # the sheet of table 2 in the written workbook


def _edit_workbook(edit: Callable[[dict[str, bytes]], None]) -> bytes:
    parts = _parts(report_bytes(".xlsx"))
    edit(parts)
    return _zip(parts)


def _merges(count: int) -> bytes:
    """``count`` merged ranges of 64 × 64 cells, side by side below table 2."""

    def edit(parts: dict[str, bytes]) -> None:
        from govdisclosure._io.xlsx.reader import coordinate

        refs = []
        for i in range(count):
            row, column = 100 + (i // 256) * 64, 1 + (i % 256) * 64
            first, last = coordinate(row, column), coordinate(row + 63, column + 63)
            refs.append(f'<mergeCell ref="{first}:{last}"/>')
        merges = "".join(refs).encode()
        parts[_TABLE2] = parts[_TABLE2].replace(b"</mergeCells>", merges + b"</mergeCells>")

    return _edit_workbook(edit)


def _rows(first: int, count: int, columns: list[str], cell: str) -> bytes:
    """``count`` rows from row ``first``, a cell in each of ``columns`` (``cell`` % ref)."""
    return "".join(
        f'<row r="{r}">' + "".join(cell % f"{c}{r}" for c in columns) + "</row>"
        for r in range(first, first + count)
    ).encode()


def _added_to_table2(rows: bytes, formula: str | None = None) -> bytes:
    """The workbook with ``rows`` below table 2, its 行政强制 count a formula without value."""

    def edit(parts: dict[str, bytes]) -> None:
        sheet = parts[_TABLE2]
        if formula is not None:
            count = b'<c r="B12" s="8" t="n"><v>3488</v></c>'
            assert count in sheet
            sheet = sheet.replace(count, f'<c r="B12" s="8"><f>{formula}</f></c>'.encode())
        parts[_TABLE2] = sheet.replace(b"</sheetData>", rows + b"</sheetData>")

    return _edit_workbook(edit)


def _columns(count: int) -> list[str]:
    from govdisclosure._io.xlsx.reader import column_letter

    return [column_letter(10 + i) for i in range(count)]


def _cells(count: int) -> bytes:
    """``count`` cells below table 2, 200 a row (plus the workbook's own)."""
    return _added_to_table2(_rows(1000, count // 200, _columns(200), '<c r="%s"><v>1</v></c>'))


def _label_copies(count: int) -> bytes:
    """Table 2 without its header 本年制发件数, and ``count`` rows of 本年制发件数 | 规章.

    Every 规章 was a row label to try, and each try looked through every 本年制发件数.
    """

    def edit(parts: dict[str, bytes]) -> None:
        header = "本年制发件数".encode("ascii", "xmlcharrefreplace")
        sheet = parts[_TABLE2].replace(header, b"x")
        cell = '<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>'
        rows = "".join(
            f'<row r="{r}">' + cell % ("A", r, "本年制发件数") + cell % ("D", r, "规章") + "</row>"
            for r in range(100, 100 + count)
        )
        parts[_TABLE2] = sheet.replace(b"</sheetData>", rows.encode() + b"</sheetData>")

    return _edit_workbook(edit)


def _sheet_listed(count: int) -> bytes:
    """The workbook listing its table 2 sheet ``count`` more times."""

    def edit(parts: dict[str, bytes]) -> None:
        ns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
        extra = "".join(
            f'<sheet {ns} name="x{i}" sheetId="{10 + i}" r:id="rId3"/>' for i in range(count)
        )
        book = parts["xl/workbook.xml"]
        parts["xl/workbook.xml"] = book.replace(b"</sheets>", extra.encode() + b"</sheets>")

    return _edit_workbook(edit)


_SUM = "SUM(" + ",".join(["AA1000:GR2000"] * 3000) + ")"

WORKBOOKS: dict[str, Callable[[], bytes]] = {
    "5000-merges": lambda: _merges(5000),
    "20000-merges": lambda: _merges(20_000),
    "sum-of-3000-ranges": lambda: _added_to_table2(
        _rows(1000, 1000, _columns(200), '<c r="%s"><v>1</v></c>'), _SUM
    ),
    "formula-1e999999": lambda: _added_to_table2(b"", "1E999999"),
    "formula-1e999999-sum": lambda: _added_to_table2(b"", "SUM(1E999999,-1E999999)+1E-999999"),
    "20000-label-copies": lambda: _label_copies(20_000),
    "sheet-listed-10000-times": lambda: _sheet_listed(10_000),
    "cells-at-the-limit": lambda: _cells(gd.ExcelLimits().max_cells - 1000),
    "2000000-cells": lambda: _cells(2_000_000),
}


@pytest.mark.parametrize("name", sorted(WORKBOOKS))
def test_workbook_work_is_bounded(name: str, tmp_path: Path) -> None:
    """A small workbook that asks for much work ends in a few seconds, in bounded memory.

    5,000 merged ranges of 64 × 64 cells (44 KB) took 2.6 GB, each cell of each range
    indexed one by one.
    """
    path = tmp_path / f"{name}.xlsx"
    path.write_bytes(WORKBOOKS[name]())
    out, seconds = run_limited(path)
    assert "RAW" not in out
    # A million cells take their time to parse (some 6 s on the project's slow machine);
    # the rest are refused or read in a second or two.
    assert seconds < (SECONDS if name == "cells-at-the-limit" else SECONDS / 4), out


# ---------------------------------------------------------------------------
# Web pages whose cells claim huge spans


def _spans(rows: int, rowspan: int, colspan: int) -> bytes:
    cell = f"<tr><td rowspan={rowspan} colspan={colspan}>x</td></tr>"
    return report_bytes(".html") + f"<table>{cell * rows}</table>".encode()


SPANS = {
    "1000-rows-of-1000x1000": lambda: _spans(1000, 1000, 1000),
    "10000-rows-of-1000x1": lambda: _spans(10_000, 1000, 1),
    "3000-rows-of-3x1000": lambda: _spans(3000, 3, 1000),
}


@pytest.mark.parametrize("name", sorted(SPANS))
def test_html_spans_are_placed_in_linear_time(name: str, tmp_path: Path) -> None:
    """Cells claiming huge spans are placed fast, in bounded memory.

    1,000 rows of one cell spanning 1000 × 1000 (50 KB) took 15 s, each cell walking every
    column covered from above.
    """
    path = tmp_path / f"{name}.html"
    path.write_bytes(SPANS[name]())
    out, seconds = run_limited(path)
    assert "RAW" not in out
    assert seconds < 5, out


def test_pdf_of_many_pages_is_refused_by_count(tmp_path: Path) -> None:
    """5,000 empty pages (1 MB) are refused by their number, counted before any is read.

    Each page cost pdfminer some milliseconds even empty; a 100 MB file holds 500,000.
    """
    count = 5000
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count))
    objects = [_CATALOGUE[0], f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode()]
    for i in range(count):
        objects.append(_PAGE % (b"[0 0 612 792]", b"%d 0 R" % (4 + 2 * i)))
        objects.append(b"<< /Length 0 >>\nstream\n\nendstream")
    path = tmp_path / "pages.pdf"
    path.write_bytes(_pdf(objects))
    out, seconds = run_limited(path)
    assert out.splitlines()[-1].startswith("parse_file ParseError"), out
    assert "max_pages" in out
    assert seconds < SECONDS / 4
