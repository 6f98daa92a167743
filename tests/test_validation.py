"""Tests of validation: the sums, the cell rules, cross-year and text rules, the result."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from corpus_reports import CORPUS, NAMES, expected
from corpus_reports import report as corpus_report
from govdisclosure import _format
from govdisclosure._validation.checks import cross_year, sums

SAMPLE = "qijiang-psb-2023"
SUM_RULES = ("APP-BALANCE", "APP-ROW-TOTAL", "APP-RESULTS-TOTAL", "RL-TOTAL")


def _is_part_or_total(path: str, version: gd.FormatVersion) -> bool:
    return any(path == s.total or path in dict(s.parts) for s in _format.format_spec(version).sums)


@st.composite
def consistent_reports(draw: st.DrawFn, version: gd.FormatVersion | None = None) -> gd.AnnualReport:
    """Random reports whose every declared sum holds."""
    version = version or draw(st.sampled_from(gd.FormatVersion))
    year = 2020 if version is gd.FormatVersion.V2019 else 2023
    report = gd.AnnualReport.blank(agency="某某局", year=year)
    spec = _format.format_spec(version)
    small = st.integers(0, 40)
    values: dict[str, Any] = {}
    for cell in spec.cells:
        if cell.column == "total" or cell.row in {"results_total", "new_received"}:
            continue
        if cell.kind is _format.CellKind.MONEY:
            values[cell.path] = draw(st.decimals(0, 10**6, places=2))
        elif cell.kind is _format.CellKind.SIGNED:
            values[cell.path] = draw(st.integers(-50, 50))
        else:
            values[cell.path] = draw(small)
    applicants = [c.id for c in _format.APPLICANT_COLUMNS[:-1]]
    for column in applicants:
        done = sum(values[f"applications.{r}.{column}"] for r in _format.RESULT_ROWS[version])
        forward = values[f"applications.carried_forward.{column}"]
        over = min(values[f"applications.carried_over.{column}"], done + forward)
        values[f"applications.carried_over.{column}"] = over
        values[f"applications.new_received.{column}"] = done + forward - over
    return report.with_cells(values).with_totals()


@given(consistent_reports())
def test_consistent_reports_have_no_errors(report: gd.AnnualReport) -> None:
    """A report whose sums hold yields no error and nothing unassessed among the sums."""
    result = gd.validate(report)
    assert result.errors == ()
    assert not [n for n in result.not_assessed if n.rule_id in SUM_RULES]


@given(consistent_reports(), st.data())
def test_any_changed_sum_cell_is_an_error_naming_it(
    report: gd.AnnualReport, data: st.DataObject
) -> None:
    """Changing any cell of a sum by any nonzero amount gives an ERROR naming that cell."""
    version = report.meta.format_version
    paths = [p for p in gd.cell_paths(version) if _is_part_or_total(p, version)]
    path = data.draw(st.sampled_from(paths))
    delta = data.draw(st.integers(-1000, 1000).filter(bool))
    changed = report.with_cell(path, int(report.cell(path) or 0) + delta)
    errors = gd.validate(changed).errors
    assert errors
    assert any(path in e.paths for e in errors)


def test_sample_passes() -> None:
    """The bundled sample has no findings; only the publication date is unassessed."""
    result = gd.validate(gd.examples.load(SAMPLE))
    assert result.ok
    assert result.violations == ()
    assert [n.rule_id for n in result.not_assessed] == ["PUBLISHED-LATE"]


def test_results_total_message_quotes_the_report() -> None:
    """The message names table, row and column in the report's words, with both figures."""
    report = gd.examples.load(SAMPLE).with_cells(
        {"applications.unable_not_held.natural_person": 7, "applications.unable_not_held.total": 7}
    )
    result = gd.validate(report)
    totals = [v for v in result.errors if v.rule_id == "APP-RESULTS-TOTAL"]
    assert [v.message for v in totals] == [
        "表三“（七）总计”行“自然人”列填报 1，但各办理结果之和为 7（相差 6）。",
        "表三“（七）总计”行“总计”列填报 1，但各办理结果之和为 7（相差 6）。",
    ]
    first = totals[0]
    assert first.paths[0] == "applications.results_total.natural_person"
    assert "applications.unable_not_held.natural_person" in first.paths
    assert (first.expected, first.actual) == (7, 1)
    assert first.severity is gd.Severity.ERROR
    assert "applications.results_total.natural_person" in first.message_en


@pytest.mark.parametrize(
    "rule_id", ["APP-BALANCE", "APP-ROW-TOTAL", "APP-RESULTS-TOTAL", "RL-TOTAL"]
)
def test_catalogue_examples_are_real_messages(rule_id: str) -> None:
    """The example message of each sum rule is what the rule says for such a report."""
    base = gd.AnnualReport.blank(agency="某某局", year=2023)
    cases = {
        "APP-BALANCE": {
            "applications.new_received.natural_person": 20,
            "applications.carried_over.natural_person": 2,
            "applications.results_total.natural_person": 20,
            "applications.carried_forward.natural_person": 3,
        },
        "APP-ROW-TOTAL": {
            "applications.new_received.natural_person": 22,
            "applications.new_received.total": 21,
        },
        "APP-RESULTS-TOTAL": {
            "applications.granted.natural_person": 26,
            "applications.results_total.natural_person": 20,
        },
        "RL-TOTAL": {"review_litigation.review.upheld": 4, "review_litigation.review.total": 5},
    }
    filled = dict.fromkeys(gd.cell_paths(), 0) | cases[rule_id]
    result = gd.validate(base.with_cells(filled))
    messages = [v.message for v in result.errors if v.rule_id == rule_id]
    example = next(r for r in gd.rules() if r.id == rule_id).example
    assert example in messages


def test_blank_cell_blocks_its_sums_and_is_reported_once() -> None:
    """A blank contributor: no sum error, one CELL-BLANK, and the sums not assessed."""
    report = gd.examples.load(SAMPLE).with_cell("applications.granted.natural_person", None)
    result = gd.validate(report)
    assert result.errors == ()
    blank = [v for v in result.violations if v.rule_id == "CELL-BLANK"]
    assert [v.paths for v in blank] == [("applications.granted.natural_person",)]
    assert blank[0].severity is gd.Severity.WARNING
    skipped = {
        n.rule_id for n in result.not_assessed if "applications.granted.natural_person" in n.blank
    }
    assert skipped == {"APP-ROW-TOTAL", "APP-RESULTS-TOTAL"}
    reason = next(n for n in result.not_assessed if n.rule_id == "APP-ROW-TOTAL")
    assert "为空白" in reason.reason
    assert "blank" in reason.reason_en


def test_blank_is_never_read_as_zero() -> None:
    """A sum that would hold only if blanks were 0 is not assessed, not passed or failed."""
    report = gd.AnnualReport.blank(agency="某某局", year=2023).with_cells(
        {"review_litigation.review.upheld": 2, "review_litigation.review.total": 2}
    )
    result = gd.validate(report)
    assert "RL-TOTAL" in {n.rule_id for n in result.not_assessed}
    assert not [v for v in result.violations if v.rule_id == "RL-TOTAL"]


@given(consistent_reports(), st.data())
def test_compiled_sums_agree_with_reference(report: gd.AnnualReport, data: st.DataObject) -> None:
    """The generated straight-line checker finds exactly the sums the plain loop finds."""
    paths = data.draw(
        st.lists(st.sampled_from(gd.cell_paths(report.meta.format_version)), max_size=4)
    )
    changed = report.with_cells(
        {p: data.draw(st.integers(0, 99)) if "amount" not in p else Decimal(1) for p in paths}
    )
    compiled = sums.compiled(report.meta.format_version)
    values = changed.values()
    reference = [k for k in range(len(compiled.sums)) if compiled.check_one(k, values) is not None]
    assert compiled.failing(changed) == reference


def test_cell_negative() -> None:
    """Negative counts are errors; signed 2019 changes are not."""
    report = gd.examples.load(SAMPLE).with_cell(
        "proactive_disclosure.administrative_coercion.decisions", -3
    )
    negative = [v for v in gd.validate(report).errors if v.rule_id == "CELL-NEGATIVE"]
    assert [v.paths for v in negative] == [
        ("proactive_disclosure.administrative_coercion.decisions",)
    ]
    assert negative[0].message == "表二“行政强制”行“本年处理决定数量”列填报 -3，不能为负数。"
    old = gd.AnnualReport.blank(agency="某某局", year=2020).with_cell(
        "proactive_disclosure.administrative_licensing.change", -8
    )
    assert not [v for v in gd.validate(old).violations if v.rule_id == "CELL-NEGATIVE"]


def test_blank_table_is_one_section_finding() -> None:
    """A table left wholly blank is one SECTION-EMPTY, not a flood of CELL-BLANK."""
    report = attrs.evolve(gd.examples.load(SAMPLE), review_litigation=gd.ReviewLitigation())
    result = gd.validate(report)
    section = [v for v in result.violations if v.rule_id == "SECTION-EMPTY"]
    assert [v.paths for v in section] == [("review_litigation",)]
    assert not [v for v in result.violations if v.rule_id == "CELL-BLANK"]
    assert not [n for n in result.not_assessed if n.rule_id == "RL-TOTAL"]


def test_empty_text_sections() -> None:
    """Empty 一、五、六 each give SECTION-EMPTY."""
    report = attrs.evolve(
        gd.examples.load(SAMPLE),
        overview=gd.Overview(),
        problems_improvements=gd.ProblemsImprovements(text="  "),
        other_matters=gd.OtherMatters(),
    )
    found = [v.paths[0] for v in gd.validate(report).violations if v.rule_id == "SECTION-EMPTY"]
    assert found == ["overview", "problems_improvements", "other_matters"]


@pytest.mark.parametrize(
    ("year", "version", "expected"),
    [(2023, "2019", "2021"), (2020, "2021", "2019"), (2018, "2019", None), (2023, "2021", "ok")],
)
def test_format_year(year: int, version: str, expected: str | None) -> None:
    """A layout other than the one in force for the year is a FORMAT-YEAR warning."""
    report = gd.AnnualReport.blank(agency="某某局", year=year, format_version=version)
    found = [v for v in gd.validate(report).violations if v.rule_id == "FORMAT-YEAR"]
    if expected == "ok":
        assert found == []
    else:
        assert len(found) == 1
        assert found[0].expected == expected
        assert found[0].actual == version


@pytest.mark.parametrize(
    ("level", "published", "late"),
    [
        ("department", dt.date(2024, 1, 31), False),
        ("department", dt.date(2024, 2, 5), True),
        ("government", dt.date(2024, 3, 31), False),
        ("government", dt.date(2024, 4, 1), True),
    ],
)
def test_published_late(level: str, published: dt.date, late: bool) -> None:
    """Departments publish by 1月31日, governments by 3月31日 of the next year."""
    report = attrs.evolve(
        gd.examples.load(SAMPLE),
        meta=gd.ReportMeta(agency="某某局", year=2023, agency_level=level, published_on=published),
    )
    result = gd.validate(report)
    found = [v for v in result.violations if v.rule_id == "PUBLISHED-LATE"]
    assert bool(found) is late
    if late and level == "department":
        assert (
            found[0].message == "报告于 2024年2月5日 发布，晚于政府部门的法定期限 2024年1月31日"
            "（《条例》第四十九条）5 天。"
        )
    assert "PUBLISHED-LATE" not in {n.rule_id for n in result.not_assessed}


def test_published_late_not_assessed_without_facts() -> None:
    """Without a date or a level the deadline is not checked, and the result says so."""
    result = gd.validate(gd.examples.load(SAMPLE))
    skipped = [n for n in result.not_assessed if n.rule_id == "PUBLISHED-LATE"]
    assert skipped[0].blank == ("meta.published_on",)


def _fee_report(unpaid: int | None, text: str, year: int = 2023) -> gd.AnnualReport:
    report = gd.AnnualReport.blank(agency="某某局", year=year)
    values = dict.fromkeys(gd.cell_paths(report.meta.format_version), 0)
    if year > 2020:
        values["applications.other_fee_unpaid.natural_person"] = unpaid
    return attrs.evolve(report.with_cells(values), other_matters=gd.OtherMatters(text=text))


def test_fee_not_reported() -> None:
    """Unpaid fee notices with nothing on 信息处理费 in 六 is a warning."""
    found = [
        v for v in gd.validate(_fee_report(2, "无。")).violations if v.rule_id == "FEE-NOT-REPORTED"
    ]
    assert len(found) == 1
    assert found[0].actual == 2
    stated = gd.validate(_fee_report(2, "本年度未收取信息处理费。"))
    assert not [v for v in stated.violations if v.rule_id == "FEE-NOT-REPORTED"]
    none = gd.validate(_fee_report(0, "无。"))
    assert not [v for v in none.violations if v.rule_id == "FEE-NOT-REPORTED"]
    blank = gd.validate(_fee_report(None, "无。"))
    assert "FEE-NOT-REPORTED" in {n.rule_id for n in blank.not_assessed}
    old = gd.validate(_fee_report(None, "无。", year=2020))
    assert "FEE-NOT-REPORTED" not in {v.rule_id for v in old.violations}


# -- cross-year ----------------------------------------------------------------------


def _previous(report: gd.AnnualReport, **cells: Any) -> gd.AnnualReport:
    last = attrs.evolve(report, meta=attrs.evolve(report.meta, year=report.meta.year - 1))
    return last.with_cells({k.replace("__", "."): v for k, v in cells.items()})


def test_carryover() -> None:
    """This year's 上年结转 must equal last year's 结转下年度, column by column."""
    report = gd.examples.load(SAMPLE)
    previous = _previous(report, applications__carried_forward__natural_person=2)
    found = [v for v in gd.validate(report, previous).violations if v.rule_id == "XY-CARRYOVER"]
    assert [v.paths for v in found] == [
        ("applications.carried_over.natural_person", "applications.carried_forward.natural_person")
    ]
    assert (found[0].expected, found[0].actual) == (2, 0)
    assert "2022 年度报告" in found[0].message
    same = gd.validate(report, _previous(report))
    assert not [v for v in same.violations if v.rule_id in ("XY-CARRYOVER", "XY-IN-FORCE")]


def test_carryover_with_blank_is_not_assessed() -> None:
    """A blank on either side leaves that column unassessed."""
    report = gd.examples.load(SAMPLE)
    previous = _previous(report, applications__carried_forward__other_org=None)
    result = gd.validate(report, previous)
    skipped = [n for n in result.not_assessed if n.rule_id == "XY-CARRYOVER"]
    assert [n.blank for n in skipped] == [("applications.carried_forward.other_org",)]


def test_in_force() -> None:
    """现行有效 ≈ last year's + 制发 − 废止, for 规章 and 行政规范性文件."""
    report = gd.examples.load(SAMPLE)  # normative documents: 0 issued, 0 repealed, 1 in force
    previous = _previous(report, proactive_disclosure__normative_documents__in_force=5)
    found = [v for v in gd.validate(report, previous).violations if v.rule_id == "XY-IN-FORCE"]
    assert len(found) == 1
    assert found[0].paths[0] == "proactive_disclosure.normative_documents.in_force"
    assert (found[0].expected, found[0].actual) == (5, 1)
    blank = _previous(report, proactive_disclosure__rules__in_force=None)
    assert "XY-IN-FORCE" in {n.rule_id for n in gd.validate(report, blank).not_assessed}


def test_in_force_skipped_across_formats() -> None:
    """A 2020 report (2019 format) as previous gives no in-force comparison."""
    report = gd.AnnualReport.blank(agency="某某局", year=2021)
    previous = gd.AnnualReport.blank(agency="某某局", year=2020)
    result = gd.validate(report, previous)
    assert "XY-IN-FORCE" not in {v.rule_id for v in result.violations}
    assert "XY-IN-FORCE" not in {n.rule_id for n in result.not_assessed}


def test_copied_text() -> None:
    """A section nearly identical to last year's is XY-COPY, with the similarity."""
    report = gd.examples.load(SAMPLE)
    previous = _previous(report)
    found = [v for v in gd.validate(report, previous).violations if v.rule_id == "XY-COPY"]
    assert {v.paths[0] for v in found} == {"preface", "overview", "problems_improvements"}
    assert all("相似度为 100%" in v.message for v in found)
    rewritten = attrs.evolve(previous, overview=gd.Overview(text="全新的总体情况内容" * 20))
    found = [v for v in gd.validate(report, rewritten).violations if v.rule_id == "XY-COPY"]
    assert "overview" not in {v.paths[0] for v in found}


def test_similarity() -> None:
    """Similarity is 1 for equal texts and low for unrelated ones; whitespace is ignored."""
    assert cross_year.similarity("政府信息公开工作", "政府 信息公开\n工作") == 1.0
    assert cross_year.similarity("政府信息公开工作年度报告", "存在的主要问题及改进情况") < 0.1


@pytest.mark.parametrize(
    ("year", "agency", "match"),
    [(2021, "重庆市綦江区公安局", "2022"), (2022, "别的单位", "别的单位")],
)
def test_previous_must_be_last_years_of_the_agency(year: int, agency: str, match: str) -> None:
    """A previous report of another year or agency is an error, not a silent comparison."""
    report = gd.examples.load(SAMPLE)
    previous = attrs.evolve(report, meta=attrs.evolve(report.meta, year=year, agency=agency))
    with pytest.raises(gd.PreviousReportError, match=match):
        gd.validate(report, previous)


def test_wrong_types() -> None:
    """Validate takes reports only."""
    with pytest.raises(TypeError):
        gd.validate({})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        gd.validate(gd.examples.load(SAMPLE), {})  # type: ignore[arg-type]


# -- text against tables -------------------------------------------------------------


def _with_text(text: str, **cells: Any) -> gd.AnnualReport:
    report = gd.examples.load(SAMPLE)
    report = report.with_cells({k.replace("__", "."): v for k, v in cells.items()})
    return attrs.evolve(report, overview=gd.Overview(text=text))


def _text_findings(report: gd.AnnualReport) -> list[gd.Violation]:
    return [v for v in gd.validate(report).violations if v.rule_id == "TEXT-TABLE"]


def test_text_figure_contradicting_the_table() -> None:
    """A stated figure that differs from its cell is reported, quoting the phrase."""
    found = _text_findings(_with_text("全年共受理政府信息公开申请25件，均已按时答复。"))
    assert len(found) == 1
    assert found[0].paths == ("applications.new_received.total", "overview")
    assert (found[0].expected, found[0].actual) == (1, 25)
    assert "全年共受理政府信息公开申请25件" in found[0].message


def test_text_figures_in_chinese_numerals() -> None:
    """Figures written in Chinese numerals are read."""
    found = _text_findings(_with_text("本年度被申请行政复议三件。"))
    assert [(v.expected, v.actual) for v in found] == [(0, 3)]


@pytest.mark.parametrize(
    "text",
    [
        "全年主动公开政府信息114条。",  # no table cell for this figure
        "受理网络问政182件。",  # not an application for disclosure
        "区公安局受理政府信息依申请公开1条，因政府信息公开的行政复议0件。",  # agrees
        "受理政府信息公开申请1件，同意公开答复0件。",  # 答复 qualifies a result, not （七）总计
        "2023年度申请数量较去年回落12.3%。",
    ],
)
def test_no_false_alarms(text: str) -> None:
    """Phrases that do not tie a figure to a cell, or agree with it, give nothing."""
    assert _text_findings(_with_text(text)) == []


def test_review_breakdown_and_litigation_sum() -> None:
    """其中结果维持… belongs to the case type of its clause; 行政诉讼 adds both groups."""
    report = _with_text(
        "政府信息公开行政复议2件，其中结果维持1件、结果纠正1件；政府信息公开行政诉讼3件。",
        review_litigation__review__upheld=2,
        review_litigation__review__total=2,
        review_litigation__litigation_direct__upheld=1,
        review_litigation__litigation_direct__total=1,
        review_litigation__litigation_after_review__pending=2,
        review_litigation__litigation_after_review__total=2,
    )
    found = _text_findings(report)
    assert [(v.paths[0], v.expected, v.actual) for v in found] == [
        ("review_litigation.review.upheld", 2, 1),
        ("review_litigation.review.corrected", 0, 1),
    ]


def test_blank_totals_are_bounded_by_their_parts() -> None:
    """With the total blank, filled parts that already exceed the figure are a contradiction."""
    report = _with_text(
        "予以公开5件。",
        applications__granted__total=None,
        applications__granted__natural_person=7,
    )
    found = _text_findings(report)
    assert [(v.expected, v.actual) for v in found] == [(7, 5)]
    assert "至少为 7" in found[0].message
    fewer = _with_text(
        "予以公开9件。",
        applications__granted__total=None,
        applications__granted__commercial_enterprise=None,
        applications__granted__natural_person=7,
    )
    assert _text_findings(fewer) == []
    assert "TEXT-TABLE" in {n.rule_id for n in gd.validate(fewer).not_assessed}


# -- the corpus ----------------------------------------------------------------------


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


# -- the result and the catalogue ----------------------------------------------------


def _bad_sample() -> gd.AnnualReport:
    return gd.examples.load(SAMPLE).with_cells(
        {"review_litigation.review.total": 3, "applications.granted.commercial_enterprise": None}
    )


def test_violations_in_official_order() -> None:
    """Findings come in the official order of their first cell."""
    result = gd.validate(_bad_sample())
    order = [v.paths[0] for v in result.violations]
    positions = [gd.cell_paths().index(p) for p in order]
    assert positions == sorted(positions)


def test_result_text_and_data() -> None:
    """str() is a Chinese summary and a line per finding; to_dict/to_json for machines."""
    result = gd.validate(_bad_sample())
    lines = str(result).splitlines()
    assert (
        lines[0] == "重庆市綦江区公安局2023年度报告校验未通过：错误 1 个，警告 2 个，未校验 3 项。"
    )
    assert lines[1].startswith("【警告】CELL-BLANK 表三“（一）予以公开”行“商业企业”列为空白")
    assert result.lines("en")[0].startswith("重庆市綦江区公安局 2023: fails: 1 error(s)")
    data = json.loads(result.to_json())
    assert data["ok"] is False
    assert [v["rule_id"] for v in data["violations"]] == ["CELL-BLANK", "RL-TOTAL", "TEXT-TABLE"]
    assert data["violations"][1]["expected"] == 0
    assert data["not_assessed"][0]["rule_id"] in {
        "APP-ROW-TOTAL",
        "APP-RESULTS-TOTAL",
        "APP-BALANCE",
    }
    assert [v.rule_id for v in result.warnings] == ["CELL-BLANK", "TEXT-TABLE"]


def test_result_money_is_a_string_in_json() -> None:
    """Decimal values in findings become strings in JSON."""
    violation = gd.Violation(
        rule_id="X",
        severity=gd.Severity.INFO,
        paths=("a",),
        expected=Decimal("1.50"),
        actual=None,
        message="m",
        message_en="m",
    )
    assert violation.to_dict()["expected"] == "1.50"


def test_repr_html() -> None:
    """In Jupyter the result shows as a table of findings, escaped."""
    page = gd.validate(_bad_sample())._repr_html_()
    assert page.count("<tr>") == 4
    assert "RL-TOTAL" in page
    assert "<table>" not in gd.validate(gd.examples.load(SAMPLE))._repr_html_()


def test_catalogue() -> None:
    """Every rule id of the contract exists, each with titles and descriptions."""
    ids = [r.id for r in gd.rules()]
    for required in (
        "APP-BALANCE",
        "APP-ROW-TOTAL",
        "APP-RESULTS-TOTAL",
        "RL-TOTAL",
        "CELL-NEGATIVE",
        "CELL-BLANK",
        "FORMAT-YEAR",
        "XY-CARRYOVER",
        "XY-IN-FORCE",
        "XY-COPY",
        "TEXT-TABLE",
        "FEE-NOT-REPORTED",
        "PUBLISHED-LATE",
        "SECTION-EMPTY",
    ):
        assert required in ids
    assert len(set(ids)) == len(ids)
    for rule in gd.rules():
        assert rule.title
        assert rule.title_en
        assert rule.description
        assert rule.description_en
        assert rule.example
    severities = {r.id: r.severity for r in gd.rules()}
    assert severities["APP-BALANCE"] is gd.Severity.ERROR
    assert severities["CELL-BLANK"] is gd.Severity.WARNING
