"""The rule catalogue: every rule's id, severity, titles, description and example message.

The catalogue is data: :func:`rules` returns it in the order the rules run, the rule
catalogue page of the documentation is generated from it, and each rule names the check
that runs it (:mod:`govdisclosure._validation.checks`). Each example is a message the rule
really gives for such a report; the tests hold the examples to that.
"""

from __future__ import annotations

from govdisclosure._format import AgencyLevel
from govdisclosure._format.vocabulary import HEADINGS, STATUTORY_LEVEL_NAMES
from govdisclosure._validation.checks.cells import check_blank, check_negative
from govdisclosure._validation.checks.cross_year import (
    check_carryover,
    check_copy,
    check_in_force,
)
from govdisclosure._validation.checks.report import (
    check_agency_blank,
    check_fee,
    check_format_year,
    check_published_late,
    check_section_empty,
)
from govdisclosure._validation.checks.sums import check_sum_rule
from govdisclosure._validation.checks.text_figures import check_text_figures
from govdisclosure._validation.result import Severity
from govdisclosure._validation.rule import Rule

__all__ = ["check_label", "rule_by_id", "rules"]

# The words the messages take from the format's vocabulary, for the examples to match them.
_OTHER_MATTERS = HEADINGS["other_matters"]
_DEPARTMENTS = STATUTORY_LEVEL_NAMES[AgencyLevel.DEPARTMENT]
_GOVERNMENTS = STATUTORY_LEVEL_NAMES[AgencyLevel.GOVERNMENT]

_RULES: tuple[Rule, ...] = (
    Rule(
        id="APP-BALANCE",
        severity=Severity.ERROR,
        title="申请数量平衡",
        title_en="applications balance",
        description=(
            "表三每一列：一（本年新收）+ 二（上年结转）= 三（七）总计 + 四（结转下年度继续办理），"
            "即表格左上角注明的勾稽关系。"
        ),
        description_en=(
            "Per column of table 3: new + carried over = results total + carried forward (the rela"
            "tion stated in the table's corner)."
        ),
        example=(
            "表三“自然人”列：一（本年新收）20 + 二（上年结转）2 = 22，"
            "但三（七）总计 20 + 四（结转下年度继续办理）3 = 23（相差 1），"
            "不符合“第一项加第二项之和，等于第三项加第四项之和”。"
        ),
        formula="第一项＋第二项＝第三项＋第四项（勾稽关系）",
        check=check_sum_rule,
    ),
    Rule(
        id="APP-ROW-TOTAL",
        severity=Severity.ERROR,
        title="申请人总计",
        title_en="applicant row total",
        description=(
            "表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。"
        ),
        description_en="Per row of table 3: the total equals the six applicant columns.",
        example=(
            "表三“一、本年新收政府信息公开申请数量”行“总计”列填报 21，但自然人与法人或其他组织各列"
            "之和为 22（相差 1）。"
        ),
        formula="总计＝六类申请人之和",
        check=check_sum_rule,
    ),
    Rule(
        id="APP-RESULTS-TOTAL",
        severity=Severity.ERROR,
        title="办理结果总计",
        title_en="results total",
        description="表三每一列：（七）总计 = （一）至（六）各项办理结果之和。",
        description_en="Per column of table 3: (7) total equals the sum of every result row.",
        example="表三“（七）总计”行“自然人”列填报 20，但各办理结果之和为 26（相差 6）。",
        formula="（七）总计＝各项办理结果之和",
        check=check_sum_rule,
    ),
    Rule(
        id="RL-TOTAL",
        severity=Severity.ERROR,
        title="复议诉讼总计",
        title_en="review and litigation total",
        description=(
            "表四每一组（行政复议、未经复议直接起诉、复议后起诉）：总计 = 结果维持 + 结果纠正 + 其"
            "他结果 + 尚未审结。"
        ),
        description_en="Per group of table 4: total = upheld + corrected + other + pending.",
        example=(
            "表四“行政复议”的“总计”填报 5，但结果维持、结果纠正、其他结果、尚未审结之和为 4（相差 "
            "1）。"
        ),
        formula="总计＝各项之和",
        check=check_sum_rule,
    ),
    Rule(
        id="CELL-NEGATIVE",
        severity=Severity.ERROR,
        title="负数",
        title_en="negative value",
        description="件数和金额不能为负数（2019 年格式表二的“本年增/减”除外）。",
        description_en="A count or amount below zero (the signed 2019 change cells excepted).",
        example="表三“（一）予以公开”行“自然人”列填报 -1，不能为负数。",
        check=check_negative,
    ),
    Rule(
        id="CELL-BLANK",
        severity=Severity.WARNING,
        title="空白单元格",
        title_en="blank cell",
        description=(
            "单元格空白或填写了占位符（“/”“-”“—”“无”）。空白不按 0 处理，需要它的校验不进行（列入“"
            "未校验”）。工作簿中由公式计算的“总计”因所加的单元格空白而空白时，只报告那个空白单元格。"
        ),
        description_en=(
            "A blank or placeholder cell; blank is never read as 0, and checks that need it are no"
            "t assessed. A workbook's formula total left blank by a blank cell it adds up is not "
            "reported itself: the blank cell is."
        ),
        example=(
            "表三“（一）予以公开”行“商业企业”列为空白（或填写了“/”“-”“—”“无”等占位符）；没有数据时"
            "应填 0。需要该单元格的校验未进行。"
        ),
        check=check_blank,
    ),
    Rule(
        id="META-AGENCY-BLANK",
        severity=Severity.WARNING,
        title="机关名称空白",
        title_en="agency name blank",
        description=(
            "报告没有写明发布机关（机关名称为空，或只有空格）：无法确认是哪个机关的年度报告，"
            "汇总和跨年比较也无从对应。"
        ),
        description_en=(
            "The agency name is empty or only spaces: the report does not say whose it is, and "
            "cannot be matched in summaries or across years."
        ),
        example="机关名称为空白：报告没有写明是哪个机关的年度报告。请填写发布报告的机关全称。",
        check=check_agency_blank,
    ),
    Rule(
        id="FORMAT-YEAR",
        severity=Severity.WARNING,
        title="格式与年度不符",
        title_en="format does not match the year",
        description=(
            "表格样式与报告年度适用的格式不一致：2019、2020 年度用国办公开办函〔2019〕60号格式，20"
            "21 年度起用国办公开办函〔2021〕30号格式。"
        ),
        description_en="The table layout does not match the format in force for the report year.",
        example=(
            "2023 年度报告应使用国办公开办函〔2021〕30号规定的 2021 年格式，但表格是 2019 年格式（"
            "国办公开办函〔2019〕60号）。"
        ),
        check=check_format_year,
    ),
    Rule(
        id="XY-CARRYOVER",
        severity=Severity.WARNING,
        title="跨年结转",
        title_en="carry-over across years",
        description=(
            "表三每一列：本年“上年结转”应等于上年报告的“结转下年度继续办理”（需要上年报告）。"
        ),
        description_en=(
            "Per column: this year's carried-over equals last year's carried-forward (needs previo"
            "us)."
        ),
        example=(
            "表三“自然人”列“二、上年结转政府信息公开申请数量”填报 2，但 2022 年度报告“四、结转下年"
            "度继续办理”为 3（相差 1）。"
        ),
        needs_previous=True,
        check=check_carryover,
    ),
    Rule(
        id="XY-IN-FORCE",
        severity=Severity.WARNING,
        title="现行有效件数跨年核对",
        title_en="documents in force across years",
        description=(
            "表二规章、行政规范性文件：现行有效件数 ≈ 上年现行有效件数 + 本年制发 − 本年废止（两年"
            "均为 2021 年格式时；需要上年报告）。"
        ),
        description_en=(
            "Table 2: in force = last year's in force + issued − repealed (both years in the 2021 "
            "format; needs previous)."
        ),
        example=(
            "表二“行政规范性文件”现行有效件数填报 1，但上年 5 + 本年制发 0 − 本年废止 0 = 5（相差 "
            "4）；如因清理等原因不一致，宜在备注中说明。"
        ),
        needs_previous=True,
        check=check_in_force,
    ),
    Rule(
        id="XY-COPY",
        severity=Severity.WARNING,
        title="内容雷同",
        title_en="copied text",
        description=(
            "某一文字部分与上年报告几乎相同（四字片段相似度 ≥ 90%，50 字以下不比较；需要上年报告）"
            "。"
        ),
        description_en=(
            "A text section is nearly the same as last year's (4-character shingle similarity >= 9"
            "0%; needs previous)."
        ),
        example=(
            f"“{HEADINGS['problems_improvements']}”与 2022 年度报告的相同部分相似度为 97%，"
            "可能照搬上年内容（《年度报告格式》将“内容雷同”列为问责情形）。"
        ),
        needs_previous=True,
        check=check_copy,
    ),
    Rule(
        id="TEXT-TABLE",
        severity=Severity.WARNING,
        title="文字与表格不一致",
        title_en="text contradicts the tables",
        description=(
            "正文明确陈述的数字（如“本年新收政府信息公开申请N件”“行政复议N件”）与表格中对应的单元"
            "格不一致。只在说法明确指向该单元格时报告。"
        ),
        description_en=(
            "A figure the text states unambiguously for a table cell differs from that cell."
        ),
        example=(
            "正文“全年共受理政府信息公开申请25件”为 25，"
            "与表三“一、本年新收政府信息公开申请数量”行“总计”列 26 不一致。"
        ),
        check=check_text_figures,
    ),
    Rule(
        id="FEE-NOT-REPORTED",
        severity=Severity.WARNING,
        title="未说明信息处理费",
        title_en="information fee not reported",
        description=(
            "表三显示有申请人逾期未缴纳信息处理费（发出过收费通知），"
            f"但“{_OTHER_MATTERS}”没有说明信息处理费。"
        ),
        description_en=(
            "Fee notices went unpaid (table 3), but section 6 says nothing of the information proc"
            "essing fee."
        ),
        example=(
            "表三“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用”有 2 件，说明发出过收费通知，"
            f"但“{_OTHER_MATTERS}”没有说明信息处理费的收取情况。"
        ),
        check=check_fee,
    ),
    Rule(
        id="PUBLISHED-LATE",
        severity=Severity.WARNING,
        title="逾期发布",
        title_en="published late",
        description=(
            f"发布日期晚于《条例》第四十九条的期限：{_DEPARTMENTS} 1月31日，{_GOVERNMENTS} 3月31日"
            "（发布日期或单位层级未知时不检查）。"
        ),
        description_en=(
            "Published after the statutory deadline (1月31日 departments, 3月31日 governments)."
        ),
        example=(
            f"报告于 2024年2月5日 发布，晚于{_DEPARTMENTS}的法定期限 2024年1月31日"
            "（《条例》第四十九条）5 天。"
        ),
        check=check_published_late,
    ),
    Rule(
        id="SECTION-EMPTY",
        severity=Severity.WARNING,
        title="部分缺失",
        title_en="section missing or empty",
        description="必需的部分（一、五、六的文字，或表二、表三、表四）缺失或为空。",
        description_en=(
            "A required section (the texts of 1, 5, 6 or tables 2 to 4) is missing or empty."
        ),
        example=f"“{_OTHER_MATTERS}”部分缺失或没有内容。",
        check=check_section_empty,
    ),
)

_RULE_BY_ID = {rule.id: rule for rule in _RULES}


def rules() -> tuple[Rule, ...]:
    """Return the rule catalogue, in the order the rules run.

    >>> [r.id for r in rules()][:4]
    ['APP-BALANCE', 'APP-ROW-TOTAL', 'APP-RESULTS-TOTAL', 'RL-TOTAL']
    """
    return _RULES


def rule_by_id(rule_id: str) -> Rule:
    """Return the rule with the given id.

    Raises:
        KeyError: no rule has that id.

    >>> rule_by_id("RL-TOTAL").title
    '复议诉讼总计'
    """
    return _RULE_BY_ID[rule_id]


def check_label(rule_id: str) -> str:
    """The label a workbook prints above the check cells of a sum rule: 校验：and its formula.

    A rule without a formula, or an id the catalogue does not know, is labelled by its id.

    >>> check_label("APP-ROW-TOTAL"), check_label("X-NEW")
    ('校验：总计＝六类申请人之和', '校验：X-NEW')
    """
    found = _RULE_BY_ID.get(rule_id)
    return f"校验：{found.formula if found and found.formula else rule_id}"
