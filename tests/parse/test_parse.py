"""parse and parse_file: the kind told by the content, and what a result says of its values."""

from __future__ import annotations

from pathlib import Path

import pytest

from govdisclosure._parse import ParseWarning, parse, parse_file
from govdisclosure._parse.layout import Location
from govdisclosure.errors import UnknownPathError

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
QIJIANG = (CORPUS / "qijiang-psb-2023.txt").read_text("utf-8")
SHANGHAI = (CORPUS / "shanghai-bgt-2019.html").read_text("utf-8")


def test_auto_kind_detection() -> None:
    """Auto-detection tells HTML, Markdown and DOCX text apart by their content."""
    md = (CORPUS / "shanghai-kewei-2024.md").read_text("utf-8")
    assert parse(md).report == parse(md, kind="markdown").report
    assert parse(QIJIANG).report == parse(QIJIANG, kind="text").report
    assert parse(SHANGHAI).kind == "html"


def test_source_of_and_result_helpers() -> None:
    """source_of knows cells, meta and sections; unknown paths raise UnknownPathError."""
    result = parse_file(CORPUS / "shuyang-fgj-2023.html")
    assert result.source_of("meta.published_on").raw == "公开日期 2024-01-17"  # type: ignore[union-attr]
    assert result.source_of("meta.agency") is not None
    assert result.source_of("overview").raw == "一、总体情况"  # type: ignore[union-attr]
    fee = result.source_of("other_matters.information_fee_yuan")
    assert fee is not None
    assert "未发生收费" in fee.raw
    assert result.source_of("preface") is None
    assert result.source_of("applications.new_received.commercial_enterprise") is not None
    with pytest.raises(UnknownPathError):
        result.source_of("applications.new_received.totl")
    assert not result.ok
    warning = ParseWarning(code="blank-cell", message="空", location=Location(3))
    assert str(warning) == "[blank-cell] 空 (line 3)"
    assert str(ParseWarning(code="x", message="m")) == "[x] m"
