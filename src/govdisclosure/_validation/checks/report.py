"""Facts of the report as a whole.

META-AGENCY-BLANK, FORMAT-YEAR, PUBLISHED-LATE, SECTION-EMPTY and FEE-NOT-REPORTED.
"""

from __future__ import annotations

from collections.abc import Iterator

from govdisclosure import _format
from govdisclosure._format import FormatVersion
from govdisclosure._format.vocabulary import (
    HEADINGS,
    SECTION_NAMES_EN,
    STATUTORY_LEVEL_NAMES,
    TEXT_SECTIONS,
)
from govdisclosure._validation.context import Context, section_text
from govdisclosure._validation.locations import META_WORDS, capital
from govdisclosure._validation.result import Finding
from govdisclosure._validation.rule import Rule
from govdisclosure.errors import GovDisclosureError

__all__ = [
    "check_agency_blank",
    "check_fee",
    "check_format_year",
    "check_published_late",
    "check_section_empty",
]


def check_agency_blank(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """META-AGENCY-BLANK: the report does not say which body published it."""
    if ctx.report.meta.agency.strip():
        return
    name, name_en = META_WORDS["meta.agency"]
    yield rule.violation(
        ("meta.agency",),
        f"{name}为空白：报告没有写明是哪个机关的年度报告。请填写发布报告的机关全称。",
        f"{capital(name_en)} ({name}) is blank: the report does not say which body "
        "published it. Write the agency's full name.",
        actual=ctx.report.meta.agency,
    )


def check_format_year(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """FORMAT-YEAR: the tables are not in the format in force for the report year."""
    meta = ctx.report.meta
    used = meta.format_version
    try:
        in_force: FormatVersion | None = FormatVersion.for_year(meta.year)
    except GovDisclosureError:
        in_force = None
    if in_force is used:
        return
    if in_force is None:
        zh = (
            f"报告年度 {meta.year} 早于国家统一格式（2019 年度起施行），"
            f"表格按 {used.value} 年格式读取。"
        )
        en = (
            f"Report year {meta.year} predates the national format (from 2019); tables read "
            f"as the {used.value} format."
        )
    else:
        zh = (
            f"{meta.year} 年度报告应使用{in_force.document_number}规定的 {in_force.value} 年格式，"
            f"但表格是 {used.value} 年格式（{used.document_number}）。"
        )
        en = (
            f"A report for {meta.year} should use the {in_force.value} format "
            f"({in_force.document_number}), but its tables are in the {used.value} format."
        )
    yield rule.violation(
        ("meta.format_version",),
        zh,
        en,
        expected=in_force.value if in_force else None,
        actual=used.value,
    )


# The last report year whose deadline (in the following year) is a date Python can hold.
_LAST_YEAR = 9998


def check_published_late(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """PUBLISHED-LATE: published after the deadline of 《条例》第四十九条."""
    from govdisclosure.zh import format_date, publication_deadline

    meta = ctx.report.meta
    paths = ("meta.published_on", "meta.agency_level")
    if meta.published_on is None or meta.agency_level is None:
        missing = [
            p
            for p, v in zip(paths, (meta.published_on, meta.agency_level), strict=True)
            if v is None
        ]
        yield rule.skipped(
            paths,
            "发布日期或单位层级（部门／政府）未知，未检查是否按期发布。",
            "Publication date or agency level unknown: timeliness not checked.",
            missing,
        )
        return
    if not 1 <= meta.year <= _LAST_YEAR:
        yield rule.skipped(
            ("meta.year", *paths),
            f"报告年度 {meta.year} 不是有效的年份，无法计算法定发布期限，未检查是否按期发布。",
            f"Report year {meta.year} is not a year a deadline can be computed for "
            f"(1 to {_LAST_YEAR}): timeliness not checked.",
        )
        return
    deadline = publication_deadline(meta.year, level=meta.agency_level.value)
    if meta.published_on > deadline:
        days = (meta.published_on - deadline).days
        who = STATUTORY_LEVEL_NAMES[meta.agency_level]
        yield rule.violation(
            paths,
            f"报告于 {format_date(meta.published_on)} 发布，晚于{who}的法定期限 "
            f"{format_date(deadline)}（《条例》第四十九条）{days} 天。",
            f"Published on {meta.published_on.isoformat()}, {days} day(s) after the statutory "
            f"deadline {deadline.isoformat()} for a {meta.agency_level.value} "
            "(Regulations art. 49).",
            expected=deadline.isoformat(),
            actual=meta.published_on.isoformat(),
        )


def check_section_empty(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """SECTION-EMPTY: a text section without text, or a table left wholly blank."""
    for section in TEXT_SECTIONS:
        if not section_text(ctx.report, section).strip():
            yield rule.violation(
                (section,),
                f"“{HEADINGS[section]}”部分缺失或没有内容。",
                f"Section {SECTION_NAMES_EN[section]} is missing or empty.",
            )
    for table in ctx.spec.tables:
        if table.section in ctx.blank_tables:
            yield rule.violation(
                (table.section,),
                f"“{HEADINGS[table.section]}”的表{_format.TABLE_NUMERALS[table.number]}缺失或全部为空白。",
                f"Table {table.number} ({table.section}) is missing or entirely blank.",
            )


def check_fee(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """FEE-NOT-REPORTED: fee notices went unpaid, but section 六 says nothing of the fee."""
    if ctx.report.meta.format_version is not FormatVersion.V2021:
        return
    other = ctx.report.other_matters
    if other.information_fee_yuan is not None or "信息处理费" in other.text:
        return
    row = "applications.other_fee_unpaid"
    paths = tuple(f"{row}.{c.id}" for c in _format.APPLICANT_COLUMNS)
    values = [ctx.value(p) for p in paths]
    filled = [v for v in values if v is not None]
    if any(v > 0 for v in filled):
        total = values[-1]
        count = max(int(total or 0), sum(int(v) for v in values[:-1] if v is not None))
        yield rule.violation(
            paths,
            f"表三“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用”有 {count} 件，"
            f"说明发出过收费通知，但“{HEADINGS['other_matters']}”没有说明信息处理费的收取情况。",
            f"Table 3 shows {count} application(s) dropped for unpaid fee notices, but section 6 "
            "says nothing about the information processing fee (信息处理费).",
            actual=count,
        )
    elif len(filled) < len(values):
        yield rule.skipped(
            paths,
            "表三“逾期未按收费通知要求缴纳费用”行有空白，未检查信息处理费的说明。",
            "Blank cells in the unpaid-fee row of table 3: the fee statement was not checked.",
            [p for p, v in zip(paths, values, strict=True) if v is None],
        )
