"""PDFs made to hang a reader: reference loops end in a ParseError, quickly."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import govdisclosure as gd

pytest.importorskip("pdfplumber")


def _pdf(
    *, contents: bytes = b"4 0 R", length: bytes = b"36", box: bytes = b"[0 0 612 792]"
) -> bytes:
    """A one-page PDF whose page contents, stream length or media box may be a loop."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox "
        + box
        + b" /Contents "
        + contents
        + b" /Resources << >> >>",
        4: b"<< /Length "
        + length
        + b" >>\nstream\nBT /F1 12 Tf 72 712 Td (Hello) Tj ET\nendstream",
        7: b"7 0 R",  # an object that is a reference to itself
        8: b"9 0 R",  # two objects referring to each other
        9: b"8 0 R",
    }
    out = b"%PDF-1.4\n"
    offsets = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 10\n0000000000 65535 f \n"
    for number in range(1, 10):
        out += (
            b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
        )
    return out + b"trailer\n<< /Size 10 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


@pytest.mark.parametrize(
    "options",
    [{"contents": b"7 0 R"}, {"length": b"7 0 R"}, {"box": b"7 0 R"}, {"contents": b"8 0 R"}],
    ids=["contents", "length", "mediabox", "two-object-loop"],
)
def test_reference_loops_end_in_a_parse_error(tmp_path: Path, options: dict[str, bytes]) -> None:
    path = tmp_path / "loop.pdf"
    path.write_bytes(_pdf(**options))
    started = time.monotonic()
    with pytest.raises(gd.ParseError, match=r"loop of references|chain of more than"):
        gd.parse_file(path)
    assert time.monotonic() - started < 10


def test_the_same_file_without_a_loop_is_read(tmp_path: Path) -> None:
    """The guard changes nothing for a sound file: it is read (and is no report)."""
    path = tmp_path / "sound.pdf"
    path.write_bytes(_pdf())
    with pytest.raises(gd.ParseError, match="no section heading"):
        gd.parse_file(path)
