"""Decoding: bytes in every encoding sites use, and what is said when they disagree."""

from __future__ import annotations

from pathlib import Path

import pytest

from govdisclosure._parse import WarningCode, parse
from govdisclosure._parse.decode import decode

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
QIJIANG = (CORPUS / "qijiang-psb-2023.txt").read_text("utf-8")
SHANGHAI = (CORPUS / "shanghai-bgt-2019.html").read_text("utf-8")


@pytest.mark.parametrize(
    "data",
    [
        SHANGHAI.encode("utf-8"),
        b"\xef\xbb\xbf" + SHANGHAI.encode("utf-8"),
        SHANGHAI.encode("gb18030"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' + SHANGHAI).encode(
            "gb18030"
        ),
        "\ufeff".encode("utf-16-le") + SHANGHAI.encode("utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "gb18030-undeclared", "gb2312-declared", "utf16-bom"],
)
def test_encodings_decode_to_the_same_report(data: bytes) -> None:
    """Bytes in every encoding sites use parse to the same report, without a warning."""
    expected = parse(SHANGHAI).report
    result = parse(data)
    assert result.report == expected
    assert not [w for w in result.warnings if w.code == WarningCode.DECODING]


def test_wrong_declared_charset_is_noted() -> None:
    """A declared charset that does not fit the bytes loses, with a note saying so."""
    text, note = decode(('<meta charset="gbk">' + "年度报告").encode("utf-8"))
    assert text.endswith("年度报告")
    assert note == "the page declares charset gb18030 but is encoded in utf-8"
    text, note = decode(('<meta charset="utf-8">' + "年度报告").encode("gbk"))
    assert text.endswith("年度报告")
    assert note == "the page declares charset utf-8 but is encoded in gb18030"
    assert decode(b'<meta charset="no-such-codec">ok') == ('<meta charset="no-such-codec">ok', None)


def test_undecodable_bytes_warn() -> None:
    """Bytes that fit no encoding become U+FFFD and the result says so."""
    data = QIJIANG.encode("utf-8") + b"\x81\x30\xff\xfe"
    result = parse(data, kind="text")
    assert result.warnings[0].code == WarningCode.DECODING
    assert result.report.meta.agency == "重庆市綦江区公安局"
