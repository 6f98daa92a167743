"""Conformance: real published reports and the violations they must yield."""

from __future__ import annotations

import pytest

import govdisclosure as gd
from corpus_reports import CORPUS, NAMES, expected
from corpus_reports import report as corpus_report


@pytest.mark.parametrize("name", NAMES)
def test_corpus_violations(name: str) -> None:
    """Each real report yields exactly its listed violations and no other error.

    It also yields a TEXT-TABLE warning for each stated figure that contradicts its table.
    """
    data = expected(name)
    result = gd.validate(corpus_report(name))
    listed = sorted((v["rule_id"], v["paths"][0]) for v in data["violations"])
    found = sorted((v.rule_id, v.paths[0]) for v in result.errors)
    assert found == listed
    contradicted = {
        f["text_value"]
        for f in data["text_figures"]
        if f["table_value"] != f["text_value"]
        and f.get("table_value_derived", f["table_value"]) not in (None, f["text_value"])
    }
    stated = {v.actual for v in result.violations if v.rule_id == "TEXT-TABLE"}
    assert stated == contradicted


@pytest.mark.parametrize("name", NAMES)
def test_parsed_corpus_violations(name: str) -> None:
    """Parsed from the published document, each report yields just its listed errors.

    And TEXT-TABLE warnings exactly for the stated figures that contradict its tables.
    """
    data = expected(name)
    path = next(p for s in (".txt", ".html", ".md") if (p := CORPUS / f"{name}{s}").exists())
    result = gd.validate(gd.parse_file(path).report)
    listed = sorted((v["rule_id"], v["paths"][0]) for v in data["violations"])
    assert sorted((v.rule_id, v.paths[0]) for v in result.errors) == listed
    contradicted = {
        f["text_value"]
        for f in data["text_figures"]
        if f["table_value"] != f["text_value"]
        and f.get("table_value_derived", f["table_value"]) not in (None, f["text_value"])
    }
    assert {v.actual for v in result.violations if v.rule_id == "TEXT-TABLE"} == contradicted


def test_corpus_blanks_are_warnings_not_errors() -> None:
    """The 2019 Shanghai report's blank 总计 cells are CELL-BLANK and not assessed."""
    result = gd.validate(corpus_report("shanghai-bgt-2019"))
    assert result.ok
    blank = {v.paths[0] for v in result.violations if v.rule_id == "CELL-BLANK"}
    assert "applications.granted.total" in blank
    assert any(n.rule_id == "APP-ROW-TOTAL" for n in result.not_assessed)
