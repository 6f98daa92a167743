"""The annual report: one typed object holding all six sections."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, TypeAlias

import attrs

from govdisclosure import _format
from govdisclosure._format import CellKind, FormatVersion
from govdisclosure._model.applications import Applications2019, Applications2021
from govdisclosure._model.cells import CellValue, figure_problem
from govdisclosure._model.meta import ReportMeta
from govdisclosure._model.other_matters import OtherMatters
from govdisclosure._model.overview import Overview
from govdisclosure._model.proactive import ProactiveDisclosure2019, ProactiveDisclosure2021
from govdisclosure._model.problems import ProblemsImprovements
from govdisclosure._model.review_litigation import ReviewLitigation
from govdisclosure.errors import InvalidReportError

__all__ = ["AnnualReport", "Applications", "CellValue", "ProactiveDisclosure"]

#: What a cell holds: a count, an amount of money, or ``None`` for a blank cell.
#: Table 2 in either format.
ProactiveDisclosure: TypeAlias = ProactiveDisclosure2021 | ProactiveDisclosure2019
#: Table 3 in either format.
Applications: TypeAlias = Applications2021 | Applications2019

#: The classes of tables 2 and 3 in each format version.
TABLE_CLASSES: dict[FormatVersion, dict[str, type]] = {
    FormatVersion.V2021: {
        "proactive_disclosure": ProactiveDisclosure2021,
        "applications": Applications2021,
    },
    FormatVersion.V2019: {
        "proactive_disclosure": ProactiveDisclosure2019,
        "applications": Applications2019,
    },
}


def _default_table(section: str) -> Any:
    def make(self: AnnualReport) -> object:
        return TABLE_CLASSES[self.meta.format_version][section]()

    return attrs.Factory(make, takes_self=True)


def _check_instance(expected: type) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not expected:
            raise InvalidReportError(
                f"AnnualReport.{attribute.name}: expected {expected.__name__}, "
                f"got {type(value).__name__}",
                detail_zh=f"AnnualReport.{attribute.name} 应为 {expected.__name__}，"
                f"实为 {type(value).__name__}",
            )

    return check


def _check_preface(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not str:
        raise InvalidReportError(
            f"AnnualReport.preface: expected a str or None, got {value!r}",
            detail_zh=f"前言（AnnualReport.preface）应为文字（str）或 None，实为 {value!r}",
        )


@attrs.frozen(kw_only=True, repr=False)
class AnnualReport:
    """A government information disclosure annual report (政府信息公开工作年度报告).

    Reports are immutable: :meth:`with_cell` and :meth:`with_totals` return new reports.
    Tables 2 and 3 take the variant of ``meta.format_version``; a report with the other
    variant cannot be built.

    Attributes:
        meta: who, which year, which format.
        preface: the opening paragraph(s) before 一、, or ``None``.
        overview: 一、总体情况.
        proactive_disclosure: 二、 table 2.
        applications: 三、 table 3.
        review_litigation: 四、 table 4.
        problems_improvements: 五、.
        other_matters: 六、.

    >>> report = AnnualReport.blank(agency="某某局", year=2023)
    >>> report.cell("applications.new_received.total") is None
    True
    >>> report.with_cell("applications.new_received.total", 5).cell(
    ...     "applications.new_received.total"
    ... )
    5
    """

    meta: ReportMeta = attrs.field(validator=_check_instance(ReportMeta))
    preface: str | None = attrs.field(default=None, validator=_check_preface)
    overview: Overview = attrs.field(factory=Overview, validator=_check_instance(Overview))
    proactive_disclosure: ProactiveDisclosure = attrs.field(
        default=_default_table("proactive_disclosure")
    )
    applications: Applications = attrs.field(default=_default_table("applications"))
    review_litigation: ReviewLitigation = attrs.field(
        factory=ReviewLitigation, validator=_check_instance(ReviewLitigation)
    )
    problems_improvements: ProblemsImprovements = attrs.field(
        factory=ProblemsImprovements, validator=_check_instance(ProblemsImprovements)
    )
    other_matters: OtherMatters = attrs.field(
        factory=OtherMatters, validator=_check_instance(OtherMatters)
    )

    def __attrs_post_init__(self) -> None:
        version = self.meta.format_version
        for section, expected in TABLE_CLASSES[version].items():
            actual = type(getattr(self, section))
            if actual is not expected:
                raise InvalidReportError(
                    f"AnnualReport.{section}: a report in the {version.value} format "
                    f"(report year {self.meta.year}) needs {expected.__name__}, "
                    f"got {actual.__name__}",
                    detail_zh=f"AnnualReport.{section}：{version.value} 年格式的报告"
                    f"（报告年度 {self.meta.year}）需要 {expected.__name__}，"
                    f"实为 {actual.__name__}",
                )

    def __repr__(self) -> str:
        meta = self.meta
        return (
            f"<AnnualReport {meta.agency} {meta.year} "
            f"format={meta.format_version.value} cells={self.filled_count()}/"
            f"{len(_format.format_spec(meta.format_version).cells)}>"
        )

    def _repr_html_(self) -> str:
        """The report in a notebook: its facts and the three tables in the official layout."""
        import html

        from govdisclosure._model.display import tables_html

        meta = self.meta
        facts = (
            f"{html.escape(meta.agency)} · {meta.year}年度 · "
            f"{meta.format_version.value} 格式（{meta.format_version.document_number}）"
        )
        return (
            f"<div><p><strong>{html.escape(meta.display_title)}</strong><br>{facts}</p>"
            f"{tables_html(self)}</div>"
        )

    @classmethod
    def blank(
        cls,
        *,
        agency: str,
        year: int,
        format_version: FormatVersion | str | None = None,
        **meta: Any,
    ) -> AnnualReport:
        """Return a report with every cell blank and every text empty.

        Args:
            agency: the publishing body.
            year: the report year.
            format_version: the format; by default the one in force for ``year``.
            **meta: further :class:`ReportMeta` fields (``agency_level``, ``published_on``…).
        """
        if format_version is not None:
            meta["format_version"] = format_version
        return cls(meta=ReportMeta(agency=agency, year=year, **meta))

    # -- cells -----------------------------------------------------------------

    def _spec(self, path: str) -> _format.CellSpec:
        version = self.meta.format_version
        spec = _format.format_spec(version).by_path.get(path)
        return spec if spec is not None else _format.cell_spec(path, version)

    def cell(self, path: str) -> CellValue:
        """Return the value of one cell.

        Args:
            path: a cell path of the report's format, e.g. ``applications.granted.total``.

        Raises:
            UnknownPathError: the format has no such cell (the message names the nearest).
        """
        spec = self._spec(path)
        value: CellValue = getattr(getattr(getattr(self, spec.section), spec.row), spec.column)
        return value

    def cells(self) -> Iterator[tuple[str, CellValue]]:
        """Yield ``(path, value)`` for every cell, in official order."""
        spec = _format.format_spec(self.meta.format_version)
        return zip(spec.paths, spec.values(self), strict=True)

    def values(self) -> tuple[CellValue, ...]:
        """Return every cell value, in the official order of :func:`cell_paths`."""
        return _format.format_spec(self.meta.format_version).values(self)

    def filled_count(self) -> int:
        """Return how many cells hold a value (are not blank)."""
        values = self.values()
        return len(values) - values.count(None)

    def with_cell(self, path: str, value: CellValue) -> AnnualReport:
        """Return a copy of the report with one cell changed.

        Args:
            path: the cell path.
            value: an ``int`` count, a ``Decimal`` amount (an ``int`` is taken), or ``None``.

        Raises:
            UnknownPathError: the format has no such cell.
            InvalidReportError: the value has the wrong type for the cell.
        """
        return self.with_cells({path: value})

    def with_cells(self, values: Mapping[str, CellValue]) -> AnnualReport:
        """Return a copy of the report with several cells changed at once.

        Args:
            values: cell paths and their new values.

        Raises:
            UnknownPathError: a path the format does not have.
            InvalidReportError: a value of the wrong type for its cell.
            TypeError: ``values`` is not a mapping.
        """
        if not isinstance(values, Mapping):
            raise TypeError(
                f"values must be a mapping of cell paths to values, got {type(values).__name__}"
            )
        grouped: dict[str, dict[str, dict[str, CellValue]]] = {}
        for path, value in values.items():
            spec = self._spec(path)
            _check_value(spec, value)
            grouped.setdefault(spec.section, {}).setdefault(spec.row, {})[spec.column] = value
        sections: dict[str, Any] = {}
        for section, rows in grouped.items():
            table = getattr(self, section)
            changes = {
                row: attrs.evolve(getattr(table, row), **columns) for row, columns in rows.items()
            }
            sections[section] = attrs.evolve(table, **changes)
        return attrs.evolve(self, **sections)

    def with_totals(self, *, overwrite: bool = False) -> AnnualReport:
        """Return a copy with the 总计 cells computed from their parts.

        Fills table 3's （七）总计 row and 总计 column and table 4's 总计 cells. A total is
        computed only when every part is filled; blank parts leave it as it is. This is
        never done implicitly: a published report's totals are data to check, not to fix.

        Args:
            overwrite: also replace totals that are filled (default: fill blanks only).

        >>> r = AnnualReport.blank(agency="某某局", year=2023).with_cells(
        ...     {
        ...         "review_litigation.review.upheld": 1,
        ...         "review_litigation.review.corrected": 2,
        ...         "review_litigation.review.other": 0,
        ...         "review_litigation.review.pending": 0,
        ...     }
        ... )
        >>> r.with_totals().cell("review_litigation.review.total")
        3
        """
        values = dict(self.cells())
        changed: dict[str, CellValue] = {}
        for spec in _fill_order(self.meta.format_version):
            if spec.total in changed or (values[spec.total] is not None and not overwrite):
                continue
            parts = [(values[path], weight) for path, weight in spec.parts]
            if any(part is None for part, _ in parts):
                continue
            total = 0
            for part, weight in parts:
                total += int(part or 0) * weight
            values[spec.total] = changed[spec.total] = total
        return self.with_cells(changed) if changed else self


@functools.cache
def _fill_order(version: FormatVersion) -> tuple[_format.SumSpec, ...]:
    """The fillable sums of a version, each after the sums whose totals it adds up."""
    import graphlib

    sums = [s for s in _format.format_spec(version).sums if s.fills_total]
    producers: dict[str, list[int]] = {}
    for index, spec in enumerate(sums):
        producers.setdefault(spec.total, []).append(index)
    graph = {
        index: {p for path, _ in spec.parts for p in producers.get(path, ())}
        for index, spec in enumerate(sums)
    }
    return tuple(sums[index] for index in graphlib.TopologicalSorter(graph).static_order())


def _check_value(spec: _format.CellSpec, value: object) -> None:
    if value is None:
        return
    money = spec.kind is CellKind.MONEY
    number: int | Decimal | None = None
    if type(value) is int or (money and isinstance(value, Decimal) and value.is_finite()):
        number = value
    if number is not None:
        problem = figure_problem(number)
        if problem is None:
            return
        raise InvalidReportError(
            f"{spec.path}: {problem}", detail_zh=f"{spec.path}：{problem.message_zh}"
        )
    expected = "a finite Decimal, an int or None" if money else "an int or None"
    raise InvalidReportError(
        f"{spec.path}: expected {expected}, got {type(value).__name__} {value!r}",
        detail_zh=f"{spec.path}：应为"
        + ("有限的 Decimal、int 或 None" if spec.kind is CellKind.MONEY else " int 或 None")
        + f"，实为 {type(value).__name__} {value!r}",
    )
