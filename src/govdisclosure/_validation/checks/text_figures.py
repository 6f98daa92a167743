"""Figures the narrative states for table cells (rule TEXT-TABLE).

Reports restate table figures in their text: 全年共受理政府信息公开申请859件, 行政复议7件.
This module finds such statements and compares them with the cells they speak of.
Precision comes first: a phrase is read only when its wording ties it to one cell (or one
declared group of cells), and a comparison with blank cells is reported only when the filled
cells alone already exceed the stated figure (blanks can only add to a count).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import NamedTuple

from govdisclosure import _format
from govdisclosure._format import FormatVersion
from govdisclosure._format.vocabulary import MAX_FIGURE_DIGITS
from govdisclosure._validation.context import TEXTS, Context, section_text
from govdisclosure._validation.locations import cell_words
from govdisclosure._validation.result import Finding
from govdisclosure._validation.rule import Rule

__all__ = ["TextFigure", "check_text_figures", "find_text_figures"]

# A figure begins where its run begins: a run of digit groups (1,234), or of numerals, is
# tried once, not from each of its positions, which made a long run quadratic. A figure
# right after a decimal point is none.
_NUMERALS = "零〇一二三四五六七八九十百千两"
_NUM = (
    rf"(?P<n>(?<![\d.])(?<!\d,)\d[\d,]*|(?<![\d.{_NUMERALS}])[{_NUMERALS}]+)"
    r"\s*(?:件|条|宗|个)"
)
#: The most numerals read as one figure (digits: the vocabulary's MAX_FIGURE_DIGITS).
_MAX_NUMERALS = 20
_APPLICATION = (
    r"(?:政府信息公开申请|政府信息公开|依申请公开(?:政府信息)?(?:申请)?|政府信息依申请公开(?:申请)?"
    r"|依申请信息公开(?:申请)?|信息公开申请)"
)
_APP = "applications"


class TextFigure(NamedTuple):
    """A figure stated in the text for one cell or a group of cells.

    Attributes:
        quote: the clause as the report words it (whitespace removed).
        value: the figure.
        paths: the cells whose sum the figure states.
        section: the text section it was found in.
    """

    quote: str
    value: int
    paths: tuple[str, ...]
    section: str


def _rows(version: FormatVersion, prefix: str) -> tuple[str, ...]:
    return tuple(
        f"{_APP}.{row}.total" for row in _format.RESULT_ROWS[version] if row.startswith(prefix)
    )


def _review(outcome: str) -> tuple[str, ...]:
    return (f"review_litigation.review.{outcome}",)


def _litigation(outcome: str) -> tuple[str, ...]:
    return (
        f"review_litigation.litigation_direct.{outcome}",
        f"review_litigation.litigation_after_review.{outcome}",
    )


# A word every pattern of a key needs: a cheap test before the regular expressions run.
_KEYWORDS = {
    "new_received": "申请",
    "carried_over": "结转",
    "carried_forward": "年度",
    "granted_partially": "部分公开",
    "granted": "公开",
    "partially_granted": "部分公开",
    "denied": "不予公开",
    "unable": "无法提供",
    "not_processed": "不予处理",
    "other": "其他处理",
    "review": "行政复议",
    "litigation": "行政诉讼",
    "rules_issued": "规章",
    "normative_issued": "规范性文件",
    "rules_made": "规章",
    "rules_published": "规章",
}
# Any stated count at all: clauses without one are skipped at once.
_ANY_FIGURE = re.compile(_NUM)

# Patterns per clause: (keyword, regex, the cells it states, the version it applies to or
# None). Each regex has a group "n" holding the number.
_CLAUSE_PATTERNS: tuple[tuple[str, re.Pattern[str], str, FormatVersion | None], ...] = tuple(
    (_KEYWORDS[key], re.compile(pattern), key, version)
    for pattern, key, version in (
        (
            r"(?:受理|收到|接收|新收)(?:了)?(?:各类)?" + _APPLICATION + r"(?:共计|共|合计)?" + _NUM,
            "new_received",
            None,
        ),
        (r"上一?年度?结转(?:的)?(?:政府信息公开)?(?:申请)?(?:共)?" + _NUM, "carried_over", None),
        (
            _NUM + r"(?:申请)?(?:按照《条例》(?:规定)?)?(?:顺延|结转|转入?)(?:到|至)?下一?年度",
            "carried_forward",
            None,
        ),
        (
            r"(?:结转|转)(?:到|至|入)?下一?年度(?:继续)?(?:办理)?(?:答复)?(?:的)?(?:有|共)?" + _NUM,
            "carried_forward",
            None,
        ),
        (r"予以公开(?:及|和|与)部分公开(?:答复)?(?:共)?" + _NUM, "granted_partially", None),
        (r"(?<!不)(?:予以公开|同意公开)(?:答复)?(?:共)?" + _NUM, "granted", None),
        (r"(?<![及和与])部分公开(?:答复)?(?:共)?" + _NUM, "partially_granted", None),
        (r"不予公开(?:答复)?(?:的)?(?:共)?" + _NUM, "denied", None),
        (r"无法提供(?:答复)?(?:的)?(?:共)?" + _NUM, "unable", None),
        (r"不予处理(?:答复)?(?:的)?(?:共)?" + _NUM, "not_processed", None),
        (r"其他处理(?:答复)?(?:的)?(?:共)?" + _NUM, "other", None),
        (r"行政复议(?:案件)?(?:数为|共|总数为)?" + _NUM, "review", None),
        (_NUM + r"(?:涉及)?(?:政府信息公开(?:工作)?的)?行政复议", "review", None),
        (r"行政诉讼(?:案件)?(?:数为|共|总数为)?" + _NUM, "litigation", None),
        (_NUM + r"(?:涉及)?(?:政府信息公开(?:工作)?的)?行政诉讼", "litigation", None),
        (
            r"(?:制发|出台|印发|新增公开|新制定|新发布)(?:市政府|省政府|区政府|县政府|本级)?规章"
            + _NUM,
            "rules_issued",
            FormatVersion.V2021,
        ),
        (
            r"(?:制发|出台|印发|新制定|新发布)(?:市政府|省政府|区政府|县政府|本级)?行政规范性文件"
            + _NUM,
            "normative_issued",
            FormatVersion.V2021,
        ),
        (r"(?:新制作|新制定)规章" + _NUM, "rules_made", FormatVersion.V2019),
        (r"(?:新公开|主动公开)规章" + _NUM, "rules_published", FormatVersion.V2019),
    )
)
# 答复N件 counts every application answered (（七）总计) only at the start of a clause of a
# sentence that also states the applications received; elsewhere 答复 qualifies a result.
_ANSWERED = re.compile(r"^(?:共|已|全部)?(?:答复|办结)(?:政府信息公开)?(?:申请)?(?:共)?" + _NUM)
# 诉讼N件 without 行政, right after 行政复议N件 in an enumeration.
_SHORT_LITIGATION = re.compile(r"^(?:提起)?诉讼(?:案件)?" + _NUM)
_OUTCOMES = (
    (re.compile(r"(?:结果)?维持(?:原?行政行为)?(?:的)?" + _NUM), "upheld"),
    (re.compile(r"(?:结果)?纠正(?:的)?" + _NUM), "corrected"),
    (re.compile(r"其他结果(?:的)?" + _NUM), "other"),
    (re.compile(r"尚未审结(?:的)?" + _NUM), "pending"),
)


def _paths(key: str, version: FormatVersion) -> tuple[str, ...]:
    fixed = {
        "new_received": (f"{_APP}.new_received.total",),
        "carried_over": (f"{_APP}.carried_over.total",),
        "carried_forward": (f"{_APP}.carried_forward.total",),
        "answered": (f"{_APP}.results_total.total",),
        "granted": (f"{_APP}.granted.total",),
        "partially_granted": (f"{_APP}.partially_granted.total",),
        "granted_partially": (f"{_APP}.granted.total", f"{_APP}.partially_granted.total"),
        "review": _review("total"),
        "litigation": _litigation("total"),
        "rules_issued": ("proactive_disclosure.rules.issued",),
        "normative_issued": ("proactive_disclosure.normative_documents.issued",),
        "rules_made": ("proactive_disclosure.rules.newly_made",),
        "rules_published": ("proactive_disclosure.rules.newly_published",),
    }
    if key in fixed:
        return fixed[key]
    if ":" in key:
        owner, outcome = key.split(":")
        return _review(outcome) if owner == "review" else _litigation(outcome)
    return _rows(version, "other_" if key == "other" else f"{key}_")


def _number(text: str) -> int | None:
    from govdisclosure.zh import parse_chinese_numeral

    if text[0].isdigit():
        if "," in text and not re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
            return None  # a comma that is not digit grouping: not a number we trust
        digits = text.replace(",", "")
        return int(digits) if len(digits) <= MAX_FIGURE_DIGITS else None
    if len(text) > _MAX_NUMERALS:
        return None
    try:
        value = parse_chinese_numeral(text)
    except ValueError:
        return None
    return value if isinstance(value, int) else None


def _compact(text: str) -> str:
    return "".join(text.split())


_SENTENCE_END = re.compile(r"[。！？!?]")
_UNIT = re.compile(r"[件条宗个]")
_NUMERAL_CHARS = frozenset("0123456789" + _NUMERALS)
_PHRASE_BEGINS = re.compile(r"[，,：:（(、]")
_PHRASE_ENDS = re.compile(r"[，,）)（(、]")


def _sentences(text: str) -> Iterator[str]:
    """The sentences that state a count (N件), in order; PDF line breaks are joined first."""
    compact = _compact(text)
    # Every sentence end, found once: searching back from each figure was quadratic.
    ends = [m.start() for m in _SENTENCE_END.finditer(compact)]
    end = -1
    # Look for the measure words first: they are rare, and a number must stand before one.
    for match in _UNIT.finditer(compact):
        at = match.start()
        if at <= end or at == 0 or compact[at - 1] not in _NUMERAL_CHARS:
            continue
        k = bisect.bisect_left(ends, at)
        start = ends[k - 1] + 1 if k else 0
        end = ends[k] if k < len(ends) else len(compact)
        yield compact[start:end]


class _Phrases:
    """The comma-delimited phrases of a text, their marks found once for all its figures."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._begins = [m.start() for m in _PHRASE_BEGINS.finditer(text)]
        self._ends = [m.start() for m in _PHRASE_ENDS.finditer(text)]

    def around(self, start: int, end: int) -> str:
        """The phrase around a match, as the report words it (at most 60 characters)."""
        k = bisect.bisect_left(self._begins, start)
        begin = self._begins[k - 1] + 1 if k else 0
        k = bisect.bisect_left(self._ends, end)
        stop = self._ends[k] if k < len(self._ends) else len(self.text)
        phrase = self.text[begin:stop]
        return phrase if len(phrase) <= 60 else phrase[:59] + "…"


def _phrase(text: str, start: int, end: int) -> str:
    """The comma-delimited part of a text around a match, as the report words it."""
    return _Phrases(text).around(start, end)


def _clauses(sentence: str) -> list[str]:
    return [c for c in re.split(r"[；;]", sentence) if c]


def find_text_figures(text: str, version: FormatVersion, section: str) -> list[TextFigure]:
    """Find the figures a text states for table cells.

    Args:
        text: a text section of a report.
        version: the report's format version (some phrases name version-specific cells).
        section: the section's id, recorded in each figure.

    >>> [
    ...     f[1:3]
    ...     for f in find_text_figures(
    ...         "全年共受理政府信息公开申请859件；答复政府信息公开申请805件。",
    ...         FormatVersion.V2021,
    ...         "overview",
    ...     )
    ... ]
    [(859, ('applications.new_received.total',)), (805, ('applications.results_total.total',))]
    """
    figures: list[TextFigure] = []
    for sentence in _sentences(text):
        # 答复N件 is read as （七）总计 only once the sentence has stated the applications received.
        received = False
        for clause in _clauses(sentence):
            if not _ANY_FIGURE.search(clause):
                continue
            found = _stated(clause, version)
            keys = {key for key, _, _ in found}
            received = received or "new_received" in keys
            found.extend(_enumerated(clause, keys, received=received))
            found.extend(_outcomes(clause, keys))
            figures.extend(
                TextFigure(quote, value, _paths(key, version), section)
                for key, value, quote in _unique(found)
            )
    return figures


def _stated(clause: str, version: FormatVersion) -> list[tuple[str, int, str]]:
    """The figures a clause states in one of the :data:`_CLAUSE_PATTERNS`: (key, value, quote)."""
    found: list[tuple[str, int, str]] = []
    phrases: _Phrases | None = None
    for keyword, pattern, key, only in _CLAUSE_PATTERNS:
        if keyword not in clause or (only is not None and only is not version):
            continue
        for match in pattern.finditer(clause):
            value = _number(match.group("n"))
            if value is not None:
                phrases = phrases or _Phrases(clause)
                found.append((key, value, phrases.around(match.start(), match.end())))
    return found


def _enumerated(clause: str, keys: set[str], *, received: bool) -> list[tuple[str, int, str]]:
    """The figures that only the clause's context ties to a cell, part by part.

    答复N件 at the start of a part, once the applications received are stated, is the
    （七）总计; 诉讼N件 after 行政复议N件 in the same clause is 行政诉讼.
    """
    found: list[tuple[str, int, str]] = []
    for part in re.split(r"[，,]", clause):
        if received and (answered := _ANSWERED.match(part)):
            value = _number(answered.group("n"))
            if value is not None:
                found.append(("answered", value, _phrase(part, 0, answered.end())))
        if "review" in keys and (short := _SHORT_LITIGATION.match(part)):
            value = _number(short.group("n"))
            if value is not None and "litigation" not in keys:
                found.append(("litigation", value, _phrase(part, 0, short.end())))
    return found


def _outcomes(clause: str, keys: set[str]) -> list[tuple[str, int, str]]:
    """The 维持/纠正/其他结果/尚未审结 breakdown of the one case type the clause names."""
    if ("review" in keys) == ("litigation" in keys):
        return []  # neither or both: the breakdown's owner is not certain
    owner = "review" if "review" in keys else "litigation"
    tail = clause.split("其中", 1)
    if len(tail) != 2:
        return []
    found = []
    for pattern, outcome in _OUTCOMES:
        match = pattern.search(tail[1])
        if match and (value := _number(match.group("n"))) is not None:
            found.append(
                (f"{owner}:{outcome}", value, _phrase(tail[1], match.start(), match.end()))
            )
    return found


def _unique(found: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """Drop keys stated twice with different figures in one clause (ambiguous)."""
    values: dict[str, set[int]] = {}
    quotes: dict[str, str] = {}
    for key, value, quote in found:
        values.setdefault(key, set()).add(value)
        quotes.setdefault(key, quote)
    return [(key, next(iter(v)), quotes[key]) for key, v in values.items() if len(v) == 1]


def _where(paths: tuple[str, ...], spec: _format.FormatSpec) -> tuple[str, str]:
    if len(paths) == 1:
        return cell_words(paths[0], spec)
    cells = [spec.by_path[p] for p in paths]
    if cells[0].section == "review_litigation":
        column = paths[0].rsplit(".", 1)[1]
        label = next(c for c in _format.OUTCOME_COLUMNS if c.id == column).labels[0]
        return (
            f"表四“未经复议直接起诉”与“复议后起诉”的“{label}”之和",
            f'the sum of table 4\'s two litigation groups, "{label}"',
        )
    tables = {t.section: t for t in spec.tables}
    labels = [tables[c.section].row(c.row).labels for c in cells]
    groups = list(dict.fromkeys(label[1] for label in labels))
    rows = "“" + "”“".join(groups) + "”"
    return (
        f"表三{rows}各行“总计”列之和",
        f"the sum of the total column of table 3 rows {', '.join(paths)}",
    )


def _lower_bound(path: str, ctx: Context) -> int:
    """The least a blank total can be: the sum of its filled parts (counts are never < 0)."""
    best = 0
    for declared in ctx.spec.sums:
        if declared.total == path and declared.fills_total:
            parts = [ctx.value(p) for p, _ in declared.parts]
            best = max(best, sum(int(v) for v in parts if v is not None and v > 0))
    return best


def check_text_figures(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """Compare every figure the texts state with its cells (the TEXT-TABLE rule)."""
    version = ctx.report.meta.format_version
    for section in TEXTS:
        for figure in find_text_figures(section_text(ctx.report, section), version, section):
            finding = _compare(rule, ctx, figure)
            if finding is not None:
                yield finding


def _compare(rule: Rule, ctx: Context, figure: TextFigure) -> Finding | None:
    """The finding of one stated figure against its cells, or ``None`` when they agree.

    Blank cells count as the least they can be; while that least is within the figure the
    comparison is not assessed, since the blanks may make up the difference.
    """
    paths = tuple(p for p in figure.paths if p in ctx.spec.position)
    if not paths:
        return None
    values = [ctx.value(p) for p in paths]
    blanks = None in values
    table = sum(
        int(v) if v is not None else _lower_bound(p, ctx)
        for p, v in zip(paths, values, strict=True)
    )
    if table == figure.value and not blanks:
        return None
    where, where_en = _where(paths, ctx.spec)
    if blanks and table <= figure.value:
        return rule.skipped(
            paths,
            f"正文“{figure.quote}”所对应的{where}有空白，无法核对。",
            f"The text states {figure.value} for {where_en}, but cells are blank.",
            [p for p, v in zip(paths, values, strict=True) if v is None],
        )
    if blanks:
        zh = (
            f"正文“{figure.quote}”为 {figure.value}，但{where}至少为 {table}"
            "（部分单元格空白，只计已填写的数字），文字与表格不一致。"
        )
        en = (
            f"The text states {figure.value} (“{figure.quote}”), but {where_en} is at "
            f"least {table} (counting only the cells that are filled)."
        )
    else:
        zh = f"正文“{figure.quote}”为 {figure.value}，与{where} {table} 不一致。"
        en = f"The text states {figure.value} (“{figure.quote}”), but {where_en} is {table}."
    return rule.violation((*paths, figure.section), zh, en, expected=table, actual=figure.value)
