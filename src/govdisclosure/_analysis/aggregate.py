"""Adding reports up: the figures a supervising office reports for all its departments."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Literal, TypeVar

import attrs

from govdisclosure import _format
from govdisclosure._analysis.items import FEE_PATH
from govdisclosure._format import AgencyLevel, FormatVersion
from govdisclosure._model.report import AnnualReport, CellValue
from govdisclosure.errors import AggregateError, UnsupportedFormatError

__all__ = ["AggregateError", "AggregateResult", "aggregate"]

#: How many reports of a group an error names before it says "and N more".
_NAMED = 5

_Key = TypeVar("_Key", int, str)


@attrs.frozen(kw_only=True)
class AggregateResult:
    """The sum of several reports.

    Attributes:
        report: a report whose every cell is the sum of the inputs' cells, and whose
            section 六 states the sum of the inputs' 信息处理费
            (``other_matters.information_fee_yuan``; the section's text stays empty).
        count: how many reports were added.
        incomplete: the cells with a blank in some input (the fee among them, by the path
            ``other_matters.information_fee_yuan``), each with the inputs that left it
            blank, in the order given: the agency's name, and the file in brackets when
            ``meta.source`` is known (``某某局 (a.docx)``), one entry per input. Under the
            default policy these cells are blank in ``report``; with ``blanks="zero"`` they
            hold the sum of the filled inputs.
    """

    report: AnnualReport
    count: int
    incomplete: Mapping[str, tuple[str, ...]]

    @property
    def complete(self) -> bool:
        """``True`` when no input left any cell blank."""
        return not self.incomplete

    def _repr_html_(self) -> str:
        from govdisclosure._model.display import tables_html

        meta = self.report.meta
        note = (
            f"<p>{len(self.incomplete)} 个单元格在部分报告中为空白：</p><ul>"
            + "".join(
                f"<li><code>{html.escape(path)}</code>：{html.escape(_few(names))}</li>"
                for path, names in list(self.incomplete.items())[:10]
            )
            + ("<li>…</li>" if len(self.incomplete) > 10 else "")
            + "</ul>"
            if self.incomplete
            else ""
        )
        head = (
            f"<p><strong>{html.escape(meta.agency)} {meta.year}："
            f"{self.count} 份报告合计</strong></p>"
        )
        return f"<div>{head}{note}{tables_html(self.report)}</div>"


def _few(names: tuple[str, ...]) -> str:
    """The first three names, and how many more (for the notebook view)."""
    shown = "、".join(names[:3])
    return shown + (f" 等 {len(names)} 份报告" if len(names) > 3 else "")


def aggregate(
    reports: Iterable[AnnualReport],
    *,
    agency: str,
    year: int | None = None,
    agency_level: AgencyLevel | str | None = None,
    blanks: Literal["blank", "zero"] = "blank",
) -> AggregateResult:
    """Add reports up, cell by cell.

    Args:
        reports: the reports, all of one year and one format version.
        agency: the name of the body the sum is for (the supervising office or region).
        year: the report year; by default the inputs' common year (given, it must match).
        agency_level: ``department`` or ``government``, if the sum is to be checked for its
            deadline.
        blanks: the policy for blank cells. ``"blank"`` (the default): a cell blank in any
            input is blank in the sum, since the true total is unknown. ``"zero"``: blanks
            count as 0. Either way :attr:`AggregateResult.incomplete` names those cells and
            the reports that left them blank. The 信息处理费 of section 六 is added up by
            the same policy (in the 2019 format, which did not ask for it, only when some
            report states it).

    Raises:
        AggregateError: no reports, or reports of different years or format versions (the
            message names the reports that differ from the rest).
        UnsupportedFormatError: ``blanks`` is neither ``"blank"`` nor ``"zero"``.

    >>> import govdisclosure as gd
    >>> one = gd.examples.load("qijiang-psb-2023")
    >>> total = gd.aggregate([one, one], agency="某某区")
    >>> total.report.cell("proactive_disclosure.administrative_coercion.decisions")
    6976
    >>> list(total.incomplete)  # the sample does not state its 信息处理费
    ['other_matters.information_fee_yuan']
    >>> total.incomplete["other_matters.information_fee_yuan"][0]
    '重庆市綦江区公安局 (重庆市綦江区公安局 2023年...)'
    >>> gd.aggregate([], agency="某某区")
    Traceback (most recent call last):
    ...
    govdisclosure.errors.AggregateError: no reports to add up
    """
    if blanks not in ("blank", "zero"):
        raise UnsupportedFormatError(
            f'blanks must be "blank" or "zero", got {blanks!r}',
            detail_zh=f'blanks 应为 "blank" 或 "zero"，实为 {blanks!r}',
        )
    items = _inputs(reports, year)
    version = items[0].meta.format_version
    sums, incomplete = _sum_cells(_format.format_spec(version), items, blanks)
    fee = sums.pop(FEE_PATH, None)
    report = AnnualReport.blank(
        agency=agency,
        year=items[0].meta.year,
        format_version=version,
        agency_level=agency_level,
        source=f"sum of {len(items)} reports",
    ).with_cells(sums)
    # The text of section 六 stays empty: the fee stands beside it, as a parsed report's does.
    other = attrs.evolve(
        report.other_matters, information_fee_yuan=None if fee is None else Decimal(fee)
    )
    report = attrs.evolve(report, other_matters=other)
    return AggregateResult(report=report, count=len(items), incomplete=incomplete)


def _inputs(reports: Iterable[AnnualReport], year: int | None) -> list[AnnualReport]:
    """The reports as a list, checked to be reports of one year and one format."""
    items = list(reports)
    if not items:
        raise AggregateError("no reports to add up", detail_zh="没有可以汇总的报告")
    for index, report in enumerate(items):
        if not isinstance(report, AnnualReport):
            raise TypeError(f"reports[{index}] is {type(report).__name__}, not an AnnualReport")
    years = _groups(items, lambda r: r.meta.year)
    if len(years) > 1 or (year is not None and year not in years):
        if year is None:
            against = against_zh = ""
        elif year in years:
            against, against_zh = f", not all of {year}", f"，并非都是 {year} 年度"
        else:
            against, against_zh = f", not {year}", f"，不是 {year} 年度"
        raise AggregateError(
            f"the reports are of {'years' if len(years) > 1 else 'year'} "
            f"{_listed(years, year)}{against}; only reports of one year can be added up",
            detail_zh=f"报告的年度为 {_listed(years, year, zh=True)}{against_zh}；"
            "只有同一年度的报告才能汇总",
        )
    versions = _groups(items, lambda r: r.meta.format_version.value)
    if len(versions) > 1:
        raise AggregateError(
            f"the reports mix the {_listed(versions, None)} formats; "
            "only reports of one format can be added up",
            detail_zh=f"报告混用了 {_listed(versions, None, zh=True)} 年格式；"
            "只有同一格式的报告才能汇总",
        )
    return items


def _groups(
    items: list[AnnualReport], key: Callable[[AnnualReport], _Key]
) -> dict[_Key, list[str]]:
    """The reports by ``key`` (sorted), each named as an error names it: ``某某局, a.docx``."""
    groups: dict[_Key, list[str]] = {}
    for index, report in enumerate(items):
        name = _agency(report, index)
        source = report.meta.source
        groups.setdefault(key(report), []).append(name if source is None else f"{name}, {source}")
    return dict(sorted(groups.items()))


def _listed(groups: dict[_Key, list[str]], expected: _Key | None, *, zh: bool = False) -> str:
    """``2019 (某某局; a.docx) and 2023 (3 reports)``: the odd reports named, the rest counted.

    The reports of the ``expected`` key, or else of the one largest group, are counted;
    every other report is named, up to five a group. With ``zh``, in Chinese:
    ``2019（某某局；a.docx）和 2023（3 份报告）``.
    """
    sizes = sorted((len(names) for names in groups.values()), reverse=True)
    if expected is None and (len(sizes) == 1 or sizes[0] > sizes[1]):
        expected = max(groups, key=lambda k: len(groups[k]))
    parts = []
    for key, names in groups.items():
        if key == expected:
            text = f"{len(names)} 份报告" if zh else f"{len(names)} report" + "s" * (len(names) > 1)
        else:
            text = ("；" if zh else "; ").join(names[:_NAMED])
            if len(names) > _NAMED:
                more = len(names) - _NAMED
                text += f"等，另有 {more} 份" if zh else f" and {more} more"
        parts.append(f"{key}（{text}）" if zh else f"{key} ({text})")
    if len(parts) == 1:
        return parts[0]
    return ("、" if zh else ", ").join(parts[:-1]) + (" 和 " if zh else " and ") + parts[-1]


def _sum_cells(
    spec: _format.FormatSpec, items: list[AnnualReport], blanks: str
) -> tuple[dict[str, CellValue], dict[str, tuple[str, ...]]]:
    """Each cell's sum under the blank policy, and the inputs that left a cell blank.

    The fee of section 六 is one more money cell. The 2019 format did not ask for it
    (国办函〔2020〕109号 came later), so there it is added only when some input states it.
    """
    paths = [c.path for c in spec.cells]
    money = [c.kind is _format.CellKind.MONEY for c in spec.cells]
    rows = [spec.values(r) for r in items]
    fees = tuple(r.other_matters.information_fee_yuan for r in items)
    columns = list(zip(*rows, strict=True))
    if spec.version is FormatVersion.V2021 or any(fee is not None for fee in fees):
        paths.append(FEE_PATH)
        money.append(True)
        columns.append(fees)
    names = [_name(r, i) for i, r in enumerate(items)]
    sums: dict[str, CellValue] = {}
    incomplete: dict[str, tuple[str, ...]] = {}
    for path, is_money, values in zip(paths, money, columns, strict=True):
        blank = tuple(names[i] for i, v in enumerate(values) if v is None)
        if blank:
            incomplete[path] = blank
            if blanks == "blank":
                sums[path] = None
                continue
        filled = [v for v in values if v is not None]
        sums[path] = sum(filled, Decimal(0)) if is_money else sum(filled)
    return sums, incomplete


def _name(report: AnnualReport, index: int) -> str:
    """The report as :attr:`AggregateResult.incomplete` names it: ``某某局 (a.docx)``."""
    agency = _agency(report, index)
    source = report.meta.source
    return agency if source is None else f"{agency} ({source})"


def _agency(report: AnnualReport, index: int) -> str:
    """The report's agency, or its place in the input when it names none."""
    return report.meta.agency.strip() or f"reports[{index}]"
