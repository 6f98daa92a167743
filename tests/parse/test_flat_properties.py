"""Projections: a consistent report printed the way lossy sources print it reads back.

A report is printed as crawler text (one node per line), then passed through each
family's loss: nothing more (sanming), equal adjacent nodes dropped (putian), or every
row's cells run together on one line (pingtan). Every cell must read back exact, or
``None`` with a warning naming it: never a wrong number.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure._format import CellKind, FormatVersion, format_spec
from govdisclosure._parse import parse

_SPEC = format_spec(FormatVersion.V2021)
_COUNTS = [p for p in _SPEC.paths if _SPEC.by_path[p].kind is CellKind.COUNT]
_T3_HEADER = ["申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构"]
_T3_HEADER += ["社会公益组织", "法律服务机构", "其他"]
_T4_HEADER = ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"]
_T4_HEADER += ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3


@st.composite
def _reports(draw: st.DrawFn) -> gd.AnnualReport:
    small = st.one_of(st.just(0), st.just(0), st.integers(0, 3), st.integers(0, 120))
    cells = {path: draw(small) for path in _COUNTS}
    report = gd.AnnualReport.blank(agency="某某局", year=2022).with_cells(cells)
    return report.with_totals(overwrite=True)


def _rows(report: gd.AnnualReport) -> list[tuple[list[str], list[str]]]:
    """Each row as (its new label nodes, its value nodes), tables 2 to 4 in order."""
    out: list[tuple[list[str], list[str]]] = []
    t2, t3, t4 = _SPEC.tables
    caption = ""
    for row in t2.rows:
        labels = [row.labels[-1]]
        if row.caption != caption:
            caption = row.caption
            labels = [caption, "信息内容", *(c.labels[-1] for c in row.columns), *labels]
        values = [_text(report.cell(f"{t2.section}.{row.id}.{c.id}")) for c in row.columns]
        out.append((labels, values))
    out.append((["三、收到和处理政府信息公开申请情况", *_T3_HEADER], []))
    previous: tuple[str, ...] = ()
    for row in t3.rows:
        labels = [
            label
            for n, label in enumerate(row.labels)
            if n >= len(previous) or previous[n] != label
        ]
        previous = row.labels
        out.append(
            (labels, [_text(report.cell(f"{t3.section}.{row.id}.{c.id}")) for c in row.columns])
        )
    values = [_text(report.cell(f"{t4.section}.{r.id}.{c.id}")) for r in t4.rows for c in r.columns]
    out.append((["四、政府信息公开行政复议、行政诉讼情况", *_T4_HEADER], values))
    return out


def _text(value: object) -> str:
    return str(value)


_HEAD = ["某某局2022年政府信息公开工作年度报告", "一、总体情况", "本年度正文。"]
_HEAD += ["二、主动公开政府信息情况"]
_TAIL = ["五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。"]


def _nodes(report: gd.AnnualReport) -> str:
    nodes = list(_HEAD)
    for labels, values in _rows(report):
        nodes += labels + values
    return "\n".join(nodes + _TAIL)


def _collapsed(report: gd.AnnualReport) -> str:
    kept: list[str] = []
    for node in _nodes(report).split("\n"):
        if not kept or kept[-1] != node:
            kept.append(node)
    return "\n".join(kept)


def _flattened(report: gd.AnnualReport) -> str:
    parts = list(_HEAD[1:])
    for labels, values in _rows(report):
        parts.append(" ".join(labels) + " " + "".join(values))
    return _HEAD[0] + "\n" + "本报告依据条例编制。" * 30 + "".join(parts + _TAIL)


def _check(report: gd.AnnualReport, project: Callable[[gd.AnnualReport], str]) -> None:
    result = parse(project(report), "text")
    wrong = []
    for path in _COUNTS:
        got, want = result.report.cell(path), report.cell(path)
        if got == want or (got is None and result.warnings_for(path)):
            continue
        wrong.append((path, want, got))
    assert wrong == []


_SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(_reports())
def test_one_node_per_line_reads_back(report: gd.AnnualReport) -> None:
    """Every cell on its own line (sanming's crawler) reads back exact."""
    result = parse(_nodes(report), "text")
    assert [p for p in _COUNTS if result.report.cell(p) != report.cell(p)] == []


@_SETTINGS
@given(_reports())
def test_dropped_equal_nodes_read_back_exact_or_flagged(report: gd.AnnualReport) -> None:
    """Equal adjacent nodes dropped (putian's crawler): exact, or None with a warning."""
    _check(report, _collapsed)


@_SETTINGS
@given(_reports())
def test_run_together_rows_read_back_exact_or_flagged(report: gd.AnnualReport) -> None:
    """Every row's cells run together on one flattened line (pingtan): exact or flagged."""
    _check(report, _flattened)
