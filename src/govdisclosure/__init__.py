"""govdisclosure: China's government information disclosure annual reports as data.

政府信息公开工作年度报告的 Python 工具库: a typed model of the national format (2019 and
2021), cell paths, JSON, checks, workbooks and documents.

>>> import govdisclosure as gd
>>> report = gd.examples.load("qijiang-psb-2023")
>>> report.meta.agency, report.meta.year
('重庆市綦江区公安局', 2023)
>>> report.cell("proactive_disclosure.administrative_licensing.decisions")
147362
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from govdisclosure._applications import ApplicantRow, Applications2019, Applications2021
from govdisclosure._errors import (
    GovDisclosureError,
    InvalidReportError,
    ReportDataError,
    UnknownPathError,
    UnsupportedFormatError,
)
from govdisclosure._format import AgencyLevel, FormatVersion, cell_label, cell_paths
from govdisclosure._meta import ReportMeta
from govdisclosure._other_matters import OtherMatters
from govdisclosure._overview import Overview, Subsection
from govdisclosure._proactive import (
    CentralProcurement2019,
    DecisionCount,
    DocumentCounts,
    DocumentCounts2019,
    FeeAmount,
    FeeItems2019,
    ItemCounts2019,
    ProactiveDisclosure2019,
    ProactiveDisclosure2021,
)
from govdisclosure._problems import ProblemsImprovements
from govdisclosure._report import AnnualReport, CellValue
from govdisclosure._review_litigation import CaseOutcomes, ReviewLitigation
from govdisclosure._version import __version__

if TYPE_CHECKING:
    from govdisclosure import examples, zh
    from govdisclosure._aggregate import AggregateError, AggregateResult, aggregate
    from govdisclosure._compare import CellChange, ReportComparison, compare
    from govdisclosure._excel import (
        ExcelReadResult,
        ExcelReadWarning,
        excel_cell,
        excel_template,
        read_excel,
        read_excel_summary,
        read_excel_with_warnings,
        write_excel,
        write_excel_summary,
    )
    from govdisclosure._indicators import Indicator, indicator_catalogue, indicators
    from govdisclosure._io import dump, load
    from govdisclosure._json import from_dict, from_json, json_schema, to_dict, to_json
    from govdisclosure._parse import (
        ParseError,
        ParseResult,
        ParseWarning,
        ValueSource,
        WarningCode,
        parse,
        parse_file,
    )
    from govdisclosure._records import to_frame, to_records
    from govdisclosure._render import draft_preface, render
    from govdisclosure._validation import (
        NotAssessed,
        PreviousReportError,
        Rule,
        Severity,
        ValidationResult,
        Violation,
        rules,
        validate,
    )
    from govdisclosure._xlsx_safety import ExcelError, ExcelLimits

__all__ = [
    "AgencyLevel",
    "AggregateError",
    "AggregateResult",
    "AnnualReport",
    "ApplicantRow",
    "Applications2019",
    "Applications2021",
    "CaseOutcomes",
    "CellChange",
    "CellValue",
    "CentralProcurement2019",
    "DecisionCount",
    "DocumentCounts",
    "DocumentCounts2019",
    "ExcelError",
    "ExcelLimits",
    "ExcelReadResult",
    "ExcelReadWarning",
    "FeeAmount",
    "FeeItems2019",
    "FormatVersion",
    "GovDisclosureError",
    "Indicator",
    "InvalidReportError",
    "ItemCounts2019",
    "NotAssessed",
    "OtherMatters",
    "Overview",
    "ParseError",
    "ParseResult",
    "ParseWarning",
    "PreviousReportError",
    "ProactiveDisclosure2019",
    "ProactiveDisclosure2021",
    "ProblemsImprovements",
    "ReportComparison",
    "ReportDataError",
    "ReportMeta",
    "ReviewLitigation",
    "Rule",
    "Severity",
    "Subsection",
    "UnknownPathError",
    "UnsupportedFormatError",
    "ValidationResult",
    "ValueSource",
    "Violation",
    "WarningCode",
    "__version__",
    "aggregate",
    "cell_label",
    "cell_paths",
    "compare",
    "draft_preface",
    "dump",
    "examples",
    "excel_cell",
    "excel_template",
    "from_dict",
    "from_json",
    "indicator_catalogue",
    "indicators",
    "json_schema",
    "load",
    "parse",
    "parse_file",
    "read_excel",
    "read_excel_summary",
    "read_excel_with_warnings",
    "render",
    "rules",
    "to_dict",
    "to_frame",
    "to_json",
    "to_records",
    "validate",
    "write_excel",
    "write_excel_summary",
    "zh",
]

# Names whose modules import cattrs or other heavy packages load on first use, so that
# `import govdisclosure` stays fast.
_LAZY = {
    "dump": "govdisclosure._io",
    "load": "govdisclosure._io",
    "from_dict": "govdisclosure._json",
    "from_json": "govdisclosure._json",
    "json_schema": "govdisclosure._json",
    "to_dict": "govdisclosure._json",
    "to_json": "govdisclosure._json",
    "NotAssessed": "govdisclosure._validation",
    "PreviousReportError": "govdisclosure._validation",
    "Rule": "govdisclosure._validation",
    "Severity": "govdisclosure._validation",
    "ValidationResult": "govdisclosure._validation",
    "Violation": "govdisclosure._validation",
    "rules": "govdisclosure._validation",
    "validate": "govdisclosure._validation",
    "AggregateError": "govdisclosure._aggregate",
    "AggregateResult": "govdisclosure._aggregate",
    "aggregate": "govdisclosure._aggregate",
    "CellChange": "govdisclosure._compare",
    "ReportComparison": "govdisclosure._compare",
    "compare": "govdisclosure._compare",
    "Indicator": "govdisclosure._indicators",
    "indicator_catalogue": "govdisclosure._indicators",
    "indicators": "govdisclosure._indicators",
    "to_frame": "govdisclosure._records",
    "to_records": "govdisclosure._records",
    "draft_preface": "govdisclosure._render",
    "render": "govdisclosure._render",
    "ExcelError": "govdisclosure._xlsx_safety",
    "ExcelLimits": "govdisclosure._xlsx_safety",
    "ExcelReadResult": "govdisclosure._excel",
    "ExcelReadWarning": "govdisclosure._excel",
    "excel_cell": "govdisclosure._excel",
    "excel_template": "govdisclosure._excel",
    "read_excel": "govdisclosure._excel",
    "read_excel_summary": "govdisclosure._excel",
    "read_excel_with_warnings": "govdisclosure._excel",
    "write_excel": "govdisclosure._excel",
    "write_excel_summary": "govdisclosure._excel",
    "ParseError": "govdisclosure._parse",
    "ParseResult": "govdisclosure._parse",
    "ParseWarning": "govdisclosure._parse",
    "ValueSource": "govdisclosure._parse",
    "WarningCode": "govdisclosure._parse",
    "parse": "govdisclosure._parse",
    "parse_file": "govdisclosure._parse",
}
_SUBMODULES = frozenset({"examples", "zh"})


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"govdisclosure.{name}")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'govdisclosure' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
