"""The facts about a report: who published it, for which year, in which format."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from govdisclosure._format import AgencyLevel, FormatVersion
from govdisclosure._format.vocabulary import LEVEL_NAMES, agency_level
from govdisclosure._model.cells import optional_text_field
from govdisclosure.errors import InvalidReportError

__all__ = ["ReportMeta"]


def _check_agency(instance: ReportMeta, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not str:
        raise InvalidReportError(
            f"ReportMeta.agency: expected a str, got {value!r}",
            detail_zh=f"机关名称（ReportMeta.agency）应为文字（str），实为 {value!r}",
        )


def _check_year(instance: ReportMeta, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int:
        raise InvalidReportError(
            f"ReportMeta.year: expected an int, got {value!r}",
            detail_zh=f"报告年度（ReportMeta.year）应为整数（int），实为 {value!r}",
        )


def _to_version(value: object) -> object:
    if isinstance(value, str) and not isinstance(value, FormatVersion):
        try:
            return FormatVersion(value)
        except ValueError:
            versions = ", ".join(v.value for v in FormatVersion)
            raise InvalidReportError(
                f"ReportMeta.format_version: {value!r} is not a format version "
                f"(expected one of {versions})",
                detail_zh=f"报告格式（ReportMeta.format_version）{value!r} 不是格式版本"
                f"（应为 {versions} 之一）",
            ) from None
    return value


def _to_level(value: object) -> object:
    if isinstance(value, str) and not isinstance(value, AgencyLevel):
        level = agency_level(value)
        if level is None:
            levels = ", ".join(v.value for v in AgencyLevel)
            names = " / ".join(LEVEL_NAMES.values())
            raise InvalidReportError(
                f"ReportMeta.agency_level: {value!r} is not an agency level "
                f"(expected one of {levels}, or {names})",
                detail_zh=f"单位层级（ReportMeta.agency_level）{value!r} 不是单位层级"
                f"（应为 {names}，或 {levels}）",
            )
        return level
    return value


def _check_type(expected: type, optional: bool) -> Any:
    def check(instance: ReportMeta, attribute: attrs.Attribute[Any], value: object) -> None:
        if (value is None and optional) or type(value) is expected:
            return
        raise InvalidReportError(
            f"ReportMeta.{attribute.name}: expected {expected.__name__}"
            f"{' or None' if optional else ''}, got {type(value).__name__} {value!r}",
            detail_zh=f"ReportMeta.{attribute.name} 应为 {expected.__name__}"
            f"{'或 None' if optional else ''}，实为 {type(value).__name__} {value!r}",
        )

    return check


@attrs.frozen(kw_only=True)
class ReportMeta:
    """Who published a report, for which year, in which format.

    Attributes:
        agency: the publishing body as the report names itself (重庆市綦江区公安局).
        year: the report year, the calendar year the report covers.
        format_version: the format the tables follow; by default the one in force for
            ``year`` (2019 for 2019 and 2020, 2021 from then on).
        title: the title as printed, ``None`` for the customary
            "{agency}{year}年政府信息公开工作年度报告".
        published_on: the publication date, when known.
        agency_level: ``department`` or ``government`` (sets the deadline), when known.
        source: where the report came from (a URL or a file name), when known.

    >>> ReportMeta(agency="某某局", year=2020).format_version
    <FormatVersion.V2019: '2019'>
    >>> ReportMeta(agency="某某局", year="2020")
    Traceback (most recent call last):
    ...
    govdisclosure.errors.InvalidReportError: ReportMeta.year: expected an int, got '2020'
    """

    agency: str = attrs.field(validator=_check_agency)
    year: int = attrs.field(validator=_check_year)
    format_version: FormatVersion = attrs.field(
        converter=_to_version, validator=_check_type(FormatVersion, False)
    )
    title: str | None = optional_text_field()
    published_on: dt.date | None = attrs.field(default=None, validator=_check_type(dt.date, True))
    agency_level: AgencyLevel | None = attrs.field(
        default=None, converter=_to_level, validator=_check_type(AgencyLevel, True)
    )
    source: str | None = optional_text_field()

    @format_version.default
    def _format_for_year(self) -> FormatVersion:
        _check_year(self, attrs.fields(ReportMeta).year, self.year)
        return FormatVersion.for_year(self.year)

    @property
    def display_title(self) -> str:
        """The title as printed, or the customary one built from agency and year."""
        return self.title or f"{self.agency}{self.year}年政府信息公开工作年度报告"
