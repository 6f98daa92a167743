"""The national report format, declared once as data: the rows and columns of each table.

Everything that knows the shape of a report reads it from here: the model's cell access,
JSON Schema, the validator's sums, the Excel layer, the parsers and the docs. Two versions
exist: the 2019 trial format (国办公开办函〔2019〕60号, report years 2019 and 2020) and the
2021 format (国办公开办函〔2021〕30号, report years 2021 on).

A table is a sequence of :class:`RowSpec`, each with its own :class:`ColumnSpec` tuple
(table 2 stacks blocks whose columns differ). A cell path is ``section.row.column``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from govdisclosure._format.spec import (
    CellKind,
    CellSpec,
    ColumnSpec,
    FormatSpec,
    FormatVersion,
    RowSpec,
    SectionSpec,
    SumSpec,
    TableSpec,
)
from govdisclosure._format.vocabulary import HEADINGS
from govdisclosure.errors import UnknownPathError, UnsupportedFormatError

__all__ = [
    "APPLICANT_COLUMNS",
    "OUTCOME_COLUMNS",
    "RESULT_ROWS",
    "TABLE3_CORNER_NOTE",
    "TABLE_NUMERALS",
    "cell_label",
    "cell_paths",
    "cell_spec",
    "format_spec",
    "nearest_path",
]


#: The Chinese numerals of the table numbers, as reports write 表二, 表三, 表四.
TABLE_NUMERALS = {2: "二", 3: "三", 4: "四"}

# ---------------------------------------------------------------------------
# 二、主动公开政府信息情况 (table 2)

_ART20_1 = "第二十条第（一）项"
_ART20_5 = "第二十条第（五）项"
_ART20_6 = "第二十条第（六）项"
_ART20_8 = "第二十条第（八）项"
_ART20_9 = "第二十条第（九）项"

_DOCS_2021 = (
    ColumnSpec("issued", ("本年制发件数",)),
    ColumnSpec("repealed", ("本年废止件数",)),
    ColumnSpec("in_force", ("现行有效件数",)),
)
_DECISIONS_2021 = (ColumnSpec("decisions", ("本年处理决定数量",)),)

_TABLE2_2021 = TableSpec(
    2,
    "proactive_disclosure",
    "主动公开政府信息情况",
    (
        RowSpec("rules", ("规章",), _DOCS_2021, _ART20_1),
        RowSpec("normative_documents", ("行政规范性文件",), _DOCS_2021, _ART20_1),
        RowSpec("administrative_licensing", ("行政许可",), _DECISIONS_2021, _ART20_5),
        RowSpec("administrative_penalty", ("行政处罚",), _DECISIONS_2021, _ART20_6),
        RowSpec("administrative_coercion", ("行政强制",), _DECISIONS_2021, _ART20_6),
        RowSpec(
            "administrative_fees",
            ("行政事业性收费",),
            (ColumnSpec("amount_10k_yuan", ("本年收费金额（单位：万元）",), CellKind.MONEY),),
            _ART20_8,
        ),
    ),
)

_DOCS_2019 = (
    ColumnSpec("newly_made", ("本年新制作数量",)),
    ColumnSpec("newly_published", ("本年新公开数量",)),
    ColumnSpec("total_published", ("对外公开总数量",)),
)
_ITEMS_2019 = (
    ColumnSpec("prev_year_items", ("上一年项目数量",)),
    ColumnSpec("change", ("本年增/减",), CellKind.SIGNED),
    ColumnSpec("decisions", ("处理决定数量",)),
)

_TABLE2_2019 = TableSpec(
    2,
    "proactive_disclosure",
    "主动公开政府信息情况",
    (
        RowSpec("rules", ("规章",), _DOCS_2019, _ART20_1),
        RowSpec("normative_documents", ("规范性文件",), _DOCS_2019, _ART20_1),
        RowSpec("administrative_licensing", ("行政许可",), _ITEMS_2019, _ART20_5),
        RowSpec("other_external_services", ("其他对外管理服务事项",), _ITEMS_2019, _ART20_5),
        RowSpec("administrative_penalty", ("行政处罚",), _ITEMS_2019, _ART20_6),
        RowSpec("administrative_coercion", ("行政强制",), _ITEMS_2019, _ART20_6),
        RowSpec("administrative_fees", ("行政事业性收费",), _ITEMS_2019[:2], _ART20_8),
        RowSpec(
            "central_procurement",
            ("政府集中采购",),
            (
                ColumnSpec("items", ("采购项目数量",)),
                ColumnSpec("amount", ("采购总金额",), CellKind.MONEY),
            ),
            _ART20_9,
        ),
    ),
)

# ---------------------------------------------------------------------------
# 三、收到和处理政府信息公开申请情况 (table 3)

APPLICANT_COLUMNS = (
    ColumnSpec("natural_person", ("自然人",)),
    ColumnSpec("commercial_enterprise", ("法人或其他组织", "商业企业")),
    ColumnSpec("research_institution", ("法人或其他组织", "科研机构")),
    ColumnSpec("public_welfare_org", ("法人或其他组织", "社会公益组织")),
    ColumnSpec("legal_service_org", ("法人或其他组织", "法律服务机构")),
    ColumnSpec("other_org", ("法人或其他组织", "其他")),
    ColumnSpec("total", ("总计",)),
)

#: The corner note of table 3, which states the balance relation.
TABLE3_CORNER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

_RESULTS = "三、本年度办理结果"
_DENIED = "（三）不予公开"
_UNABLE = "（四）无法提供"
_NOT_PROCESSED = "（五）不予处理"
_OTHER = "（六）其他处理"


def _app_rows(rows: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[RowSpec, ...]:
    return tuple(RowSpec(row_id, labels, APPLICANT_COLUMNS) for row_id, labels in rows)


_APP_HEAD = (
    ("new_received", ("一、本年新收政府信息公开申请数量",)),
    ("carried_over", ("二、上年结转政府信息公开申请数量",)),
    ("granted", (_RESULTS, "（一）予以公开")),
    ("partially_granted", (_RESULTS, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")),
    ("denied_state_secret", (_RESULTS, _DENIED, "1.属于国家秘密")),
    ("denied_prohibited_by_law", (_RESULTS, _DENIED, "2.其他法律行政法规禁止公开")),
    ("denied_security_stability", (_RESULTS, _DENIED, "3.危及“三安全一稳定”")),
    ("denied_third_party_rights", (_RESULTS, _DENIED, "4.保护第三方合法权益")),
    ("denied_internal_affairs", (_RESULTS, _DENIED, "5.属于三类内部事务信息")),
    ("denied_process_info", (_RESULTS, _DENIED, "6.属于四类过程性信息")),
    ("denied_enforcement_file", (_RESULTS, _DENIED, "7.属于行政执法案卷")),
    ("denied_administrative_query", (_RESULTS, _DENIED, "8.属于行政查询事项")),
    ("unable_not_held", (_RESULTS, _UNABLE, "1.本机关不掌握相关政府信息")),
    ("unable_needs_creation", (_RESULTS, _UNABLE, "2.没有现成信息需要另行制作")),
    ("unable_unclear_after_correction", (_RESULTS, _UNABLE, "3.补正后申请内容仍不明确")),
    ("not_processed_petition", (_RESULTS, _NOT_PROCESSED, "1.信访举报投诉类申请")),
    ("not_processed_duplicate", (_RESULTS, _NOT_PROCESSED, "2.重复申请")),
    ("not_processed_publication", (_RESULTS, _NOT_PROCESSED, "3.要求提供公开出版物")),
    ("not_processed_excessive", (_RESULTS, _NOT_PROCESSED, "4.无正当理由大量反复申请")),
    (
        "not_processed_confirmation",
        (_RESULTS, _NOT_PROCESSED, "5.要求行政机关确认或重新出具已获取信息"),
    ),
)
_APP_OTHER_2021 = (
    (
        "other_no_correction",
        (
            _RESULTS,
            _OTHER,
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ),
    ),
    (
        "other_fee_unpaid",
        (
            _RESULTS,
            _OTHER,
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ),
    ),
    ("other_misc", (_RESULTS, _OTHER, "3.其他")),
)
_APP_OTHER_2019 = (("other_processing", (_RESULTS, _OTHER)),)
_APP_TAIL = (
    ("results_total", (_RESULTS, "（七）总计")),
    ("carried_forward", ("四、结转下年度继续办理",)),
)

_TABLE3_TITLE = "收到和处理政府信息公开申请情况"
_TABLE3_2021 = TableSpec(
    3, "applications", _TABLE3_TITLE, _app_rows(_APP_HEAD + _APP_OTHER_2021 + _APP_TAIL)
)
_TABLE3_2019 = TableSpec(
    3, "applications", _TABLE3_TITLE, _app_rows(_APP_HEAD + _APP_OTHER_2019 + _APP_TAIL)
)

#: The rows of table 3 that are counted in （七）总计, by version.
RESULT_ROWS: dict[FormatVersion, tuple[str, ...]] = {
    version: tuple(r.id for r in table.rows if r.labels[0] == _RESULTS and r.id != "results_total")
    for version, table in ((FormatVersion.V2021, _TABLE3_2021), (FormatVersion.V2019, _TABLE3_2019))
}

# ---------------------------------------------------------------------------
# 四、政府信息公开行政复议、行政诉讼情况 (table 4)

OUTCOME_COLUMNS = (
    ColumnSpec("upheld", ("结果维持",)),
    ColumnSpec("corrected", ("结果纠正",)),
    ColumnSpec("other", ("其他结果",)),
    ColumnSpec("pending", ("尚未审结",)),
    ColumnSpec("total", ("总计",)),
)

_TABLE4 = TableSpec(
    4,
    "review_litigation",
    "政府信息公开行政复议、行政诉讼情况",
    (
        RowSpec("review", ("行政复议",), OUTCOME_COLUMNS),
        RowSpec("litigation_direct", ("行政诉讼", "未经复议直接起诉"), OUTCOME_COLUMNS),
        RowSpec("litigation_after_review", ("行政诉讼", "复议后起诉"), OUTCOME_COLUMNS),
    ),
)

# ---------------------------------------------------------------------------
# The six sections and the derived facts of each version


def _sections(table2: TableSpec, table3: TableSpec) -> tuple[SectionSpec, ...]:
    return (
        SectionSpec(1, "overview", HEADINGS["overview"]),
        SectionSpec(2, "proactive_disclosure", HEADINGS["proactive_disclosure"], table2),
        SectionSpec(3, "applications", HEADINGS["applications"], table3),
        SectionSpec(4, "review_litigation", HEADINGS["review_litigation"], _TABLE4),
        SectionSpec(5, "problems_improvements", HEADINGS["problems_improvements"]),
        SectionSpec(6, "other_matters", HEADINGS["other_matters"]),
    )


def _cell_label(table: TableSpec, row: RowSpec, column: ColumnSpec) -> str:
    if table.number == 2:
        return f"{row.caption} {row.label} / {column.label}"
    if table.number == 4:
        return f"{' / '.join(row.labels)} / {column.label}"
    return f"{row.label} / {column.label}"


def _cells(sections: tuple[SectionSpec, ...]) -> tuple[CellSpec, ...]:
    return tuple(
        CellSpec(
            path=f"{table.section}.{row.id}.{column.id}",
            section=table.section,
            row=row.id,
            column=column.id,
            label=_cell_label(table, row, column),
            kind=column.kind,
        )
        for section in sections
        if (table := section.table) is not None
        for row in table.rows
        for column in row.columns
    )


def _sums(version: FormatVersion, table3: TableSpec) -> tuple[SumSpec, ...]:
    app = "applications"
    columns = [c.id for c in APPLICANT_COLUMNS]
    results_total = [
        SumSpec(
            "APP-RESULTS-TOTAL",
            f"{app}.results_total.{column}",
            tuple((f"{app}.{row}.{column}", 1) for row in RESULT_ROWS[version]),
        )
        for column in columns
    ]
    row_total = [
        SumSpec(
            "APP-ROW-TOTAL",
            f"{app}.{row.id}.total",
            tuple((f"{app}.{row.id}.{column}", 1) for column in columns[:-1]),
        )
        for row in table3.rows
    ]
    # 一 + 二 = 三（七）总计 + 四, declared as 四 = 一 + 二 − （七）总计.
    balance = [
        SumSpec(
            "APP-BALANCE",
            f"{app}.carried_forward.{column}",
            (
                (f"{app}.new_received.{column}", 1),
                (f"{app}.carried_over.{column}", 1),
                (f"{app}.results_total.{column}", -1),
            ),
            fills_total=False,
        )
        for column in columns
    ]
    review_total = [
        SumSpec(
            "RL-TOTAL",
            f"review_litigation.{group.id}.total",
            tuple((f"review_litigation.{group.id}.{c.id}", 1) for c in OUTCOME_COLUMNS[:-1]),
        )
        for group in _TABLE4.rows
    ]
    return (*results_total, *row_total, *balance, *review_total)


def _values_reader(
    version: FormatVersion, cells: tuple[CellSpec, ...]
) -> Callable[[Any], tuple[Any, ...]]:
    """Generate a function returning every cell value of a report, in official order.

    Straight-line code with one local per row, as attrs generates ``__init__``: reading all
    200 cells costs a few microseconds, against some twenty for ``operator.attrgetter`` with
    dotted names, which walks every path from the report down.
    """
    lines = ["def values(report):"]
    rows: dict[tuple[str, str], str] = {}
    sections: dict[str, str] = {}
    for cell in cells:
        if cell.section not in sections:
            sections[cell.section] = f"s{len(sections)}"
            lines.append(f"    {sections[cell.section]} = report.{cell.section}")
        if (cell.section, cell.row) not in rows:
            name = f"r{len(rows)}"
            rows[cell.section, cell.row] = name
            lines.append(f"    {name} = {sections[cell.section]}.{cell.row}")
    items = ", ".join(f"{rows[c.section, c.row]}.{c.column}" for c in cells)
    lines.append(f"    return ({items},)")
    namespace: dict[str, Any] = {}
    # The source is built from our own declarations, never from input.
    exec(compile("\n".join(lines), f"<cell values {version.value}>", "exec"), namespace)
    reader: Callable[[Any], tuple[Any, ...]] = namespace["values"]
    return reader


def _spec(version: FormatVersion, table2: TableSpec, table3: TableSpec) -> FormatSpec:
    sections = _sections(table2, table3)
    cells = _cells(sections)
    return FormatSpec(
        version=version,
        sections=sections,
        sums=_sums(version, table3),
        cells=cells,
        by_path={c.path: c for c in cells},
        values=_values_reader(version, cells),
        position={c.path: i for i, c in enumerate(cells)},
        paths=tuple(c.path for c in cells),
    )


_SPECS = {
    FormatVersion.V2021: _spec(FormatVersion.V2021, _TABLE2_2021, _TABLE3_2021),
    FormatVersion.V2019: _spec(FormatVersion.V2019, _TABLE2_2019, _TABLE3_2019),
}


def format_spec(version: FormatVersion | str) -> FormatSpec:
    """Return the declarations of one format version.

    Raises:
        TypeError: ``version`` is neither a FormatVersion nor a str.
        UnsupportedFormatError: no format has that version.

    >>> format_spec("2021").tables[1].rows[0].label
    '一、本年新收政府信息公开申请数量'
    >>> format_spec("2020")
    Traceback (most recent call last):
    ...
    govdisclosure.errors.UnsupportedFormatError: no format version '2020'; versions: 2019, 2021 \
(FormatVersion.for_year(year) gives a report year's version)
    """
    return _SPECS[_version(version)]


def _version(version: object) -> FormatVersion:
    """A version argument as a FormatVersion, or a clear error."""
    if isinstance(version, FormatVersion):
        return version
    if not isinstance(version, str):
        raise TypeError(
            f"version must be a FormatVersion or a str such as '2021', got "
            f"{type(version).__name__} {version!r}"
        )
    try:
        return FormatVersion(version)
    except ValueError:
        versions = ", ".join(sorted(v.value for v in _SPECS))
        raise UnsupportedFormatError(
            f"no format version {version!r}; versions: {versions} "
            "(FormatVersion.for_year(year) gives a report year's version)",
            detail_zh=f"没有 {version!r} 版的报告格式；现有版本：{versions}"
            "（FormatVersion.for_year(year) 可得某报告年度适用的版本）",
        ) from None


def cell_paths(version: FormatVersion | str = FormatVersion.V2021) -> tuple[str, ...]:
    """Return every cell path of a format version, in official order.

    >>> paths = cell_paths(FormatVersion.V2021)
    >>> len(paths), paths[0]
    (200, 'proactive_disclosure.rules.issued')
    >>> len(cell_paths("2019"))
    198
    """
    return format_spec(version).paths


def nearest_path(path: str, candidates: tuple[str, ...]) -> str | None:
    """Return the candidate closest to ``path``, or ``None`` when none is close."""
    import difflib

    matches = difflib.get_close_matches(path, candidates, n=1, cutoff=0.5)
    return matches[0] if matches else None


def cell_spec(path: str, version: FormatVersion | str | None = None) -> CellSpec:
    """Return the declaration of one cell.

    Args:
        path: a cell path.
        version: the format version; ``None`` looks in 2021 first, then 2019.

    Raises:
        UnknownPathError: no such path in that version (the message names the nearest).
        UnsupportedFormatError: no format has that version.
    """
    versions = (_version(version),) if version is not None else tuple(_SPECS)
    for v in versions:
        spec = _SPECS[v].by_path.get(path)
        if spec is not None:
            return spec
    if not isinstance(path, str):
        raise TypeError(f"a cell path is a str, got {type(path).__name__}")
    candidates = tuple(p for v in versions for p in _SPECS[v].paths)
    detail = detail_zh = ""
    if version is not None and any(path in s.by_path for s in _SPECS.values()):
        detail = f" in the {versions[0].value} format"
        detail_zh = f"（{versions[0].value} 年格式）"
    raise UnknownPathError(path, nearest_path(path, candidates), detail, detail_zh=detail_zh)


def cell_label(path: str, version: FormatVersion | str | None = None) -> str:
    """Return the official Chinese label of a cell.

    Args:
        path: a cell path.
        version: the format version (labels of table 2 differ between versions);
            ``None`` takes the 2021 label where the path exists there.

    Raises:
        UnknownPathError: the path does not exist (the message names the nearest).
        UnsupportedFormatError: no format has that version.

    >>> cell_label("applications.granted.total")
    '三、本年度办理结果（一）予以公开 / 总计'
    >>> cell_label("applications.granted.totl")
    Traceback (most recent call last):
    ...
    govdisclosure.errors.UnknownPathError: unknown cell path 'applications.granted.totl'; \
did you mean 'applications.granted.total'?
    """
    return cell_spec(path, version).label
