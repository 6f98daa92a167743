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


def _with_stream(stream: bytes) -> bytes:
    """A one-page PDF whose page contents are ``stream``, Flate-compressed."""
    import zlib

    data = zlib.compress(stream, 9)
    contents = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data
    return _pdf().replace(
        b"<< /Length 36 >>\nstream\nBT /F1 12 Tf 72 712 Td (Hello) Tj ET\nendstream",
        contents + b"\nendstream",
    )


def test_a_flate_bomb_is_refused_before_pdfminer(tmp_path: Path) -> None:
    """20 MB of zeros in 20 KB (pdfminer parsed it for minutes) is refused at once."""
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_with_stream(b"\0" * (20 * 2**20)))
    started = time.monotonic()
    with pytest.raises(gd.ParseError, match="decompression bomb") as caught:
        gd.parse_file(path)
    assert time.monotonic() - started < 10
    assert "解压炸弹" in caught.value.message_zh


def test_ordinary_compressed_contents_are_read(tmp_path: Path) -> None:
    """Contents of 1.5 MiB that compress as text does are not refused as a bomb."""
    import random

    rng = random.Random(1)
    words = [b"BT /F1 12 Tf %d %d Td (x) Tj ET\n" % (rng.randrange(600), rng.randrange(800))]
    stream = b"".join(
        words[0] if i % 2 else b"%d 0 0 rg\n" % rng.randrange(10**6) for i in range(120_000)
    )
    path = tmp_path / "text.pdf"
    data = _with_stream(stream[: 3 * 2**19])
    from govdisclosure._archive import DEFAULT_LIMITS
    from govdisclosure._parse.readers.pdf import _check_streams

    _check_streams(data, DEFAULT_LIMITS)  # pdfminer itself takes long over 1.5 MiB of text
    path.write_bytes(_with_stream(stream[: 2**16]))
    with pytest.raises(gd.ParseError, match="no section heading"):
        gd.parse_file(path)


def test_many_stream_keywords_are_scanned_once() -> None:
    """400,000 stream keywords before one endstream are scanned in linear time."""
    from govdisclosure._archive import DEFAULT_LIMITS
    from govdisclosure._parse.readers.pdf import _check_streams

    data = b"%PDF-1.4\n" + b"stream\n" * 400_000 + b"endstream"
    started = time.monotonic()
    _check_streams(data, DEFAULT_LIMITS)
    assert time.monotonic() - started < 2  # quadratic searching took minutes
