"""The public API: declared once (``__init__.pyi``), and every declared name is real.

These tests compare the declaration against the modules' real contents and against the
contract of spec/api.md, so they fail when a name is dropped, renamed or points nowhere.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import govdisclosure as gd

#: The names users type (spec/api.md and the documented additions). Dropping or renaming
#: one is a breaking change that needs a deprecation path in CHANGELOG.md.
CONTRACT = {
    # the model
    "AnnualReport", "ReportMeta", "FormatVersion", "AgencyLevel", "CellValue", "Overview",
    "Subsection", "ProactiveDisclosure2021", "ProactiveDisclosure2019", "DocumentCounts",
    "DocumentCounts2019", "DecisionCount", "FeeAmount", "ItemCounts2019", "FeeItems2019",
    "CentralProcurement2019", "Applications2021", "Applications2019", "ApplicantRow",
    "ReviewLitigation", "CaseOutcomes", "ProblemsImprovements", "OtherMatters",
    "cell_paths", "cell_label", "examples", "zh", "__version__",
    # serialization and files
    "to_json", "from_json", "to_dict", "from_dict", "json_schema", "load", "dump",
    "write_excel", "read_excel", "read_excel_with_warnings", "write_excel_summary",
    "read_excel_summary", "excel_template", "excel_cell", "ExcelReadResult",
    "ExcelReadWarning", "ExcelLimits",
    # published reports
    "parse", "parse_file", "ParseResult", "ParseWarning", "ValueSource", "WarningCode",
    "render", "draft_preface",
    # checks and many reports
    "validate", "rules", "Rule", "Severity", "Violation", "NotAssessed", "ValidationResult",
    "Verdict", "MarkedReport",
    "aggregate", "AggregateResult", "compare", "CellChange", "ReportComparison",
    "indicators", "indicator_catalogue", "Indicator", "to_records", "to_frame",
    "indicators_frame", "read_reports", "ReadResult", "dask_frame", "dask_reports",
    "frame_meta",
    # a supervising office
    "reconcile", "Reconciliation", "ReportStatus", "read_roster", "Roster", "Unit",
    # errors
    "GovDisclosureError", "InvalidReportError", "ReportDataError", "UnknownPathError",
    "UnsupportedFormatError", "ExcelError", "ParseError", "PreviousReportError",
    "AggregateError", "ReportMismatchError", "RosterError",
}  # fmt: skip

STUB = Path(gd.__file__).with_suffix(".pyi")


def _declared() -> dict[str, tuple[str, str]]:
    """Each name the stub declares: (module, attribute); attribute "" for a submodule."""
    found: dict[str, tuple[str, str]] = {}
    for node in ast.parse(STUB.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                # Type checkers re-export only `import X as X`; every line must say so.
                assert alias.asname == alias.name, f"{alias.name} is not re-exported"
                if node.module == "govdisclosure":
                    found[alias.name] = (f"govdisclosure.{alias.name}", "")
                else:
                    found[alias.name] = (str(node.module), alias.name)
    return found


def test_all_is_the_contract() -> None:
    """__all__ holds exactly the contracted names, sorted."""
    assert set(gd.__all__) == CONTRACT
    assert gd.__all__ == sorted(gd.__all__)


def test_all_is_the_declaration() -> None:
    """__all__ is read from the stub, the one declaration."""
    assert set(gd.__all__) == set(_declared())


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_each_name_is_what_its_module_defines(name: str) -> None:
    """gd.X is the object its declared module really holds, not a stand-in."""
    module_name, attribute = _declared()[name]
    module = importlib.import_module(module_name)
    expected = module if not attribute else getattr(module, attribute)
    assert getattr(gd, name) is expected
    if inspect.isclass(expected) or inspect.isfunction(expected):
        assert expected.__module__.startswith("govdisclosure")


def test_errors_are_public_in_the_errors_module() -> None:
    """Every exception class of the API is defined in govdisclosure.errors."""
    from govdisclosure import errors

    for name in CONTRACT:
        value = getattr(gd, name)
        if (
            inspect.isclass(value)
            and issubclass(value, Exception)
            and not issubclass(value, Warning)
        ):
            assert value.__module__ == "govdisclosure.errors", name
            assert getattr(errors, name) is value


def test_unknown_names_raise_attribute_error() -> None:
    """An undeclared name is an AttributeError, and dir() lists every public name."""
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = gd.no_such_name  # type: ignore[attr-defined]
    assert set(gd.__all__) <= set(dir(gd))


def test_import_loads_no_heavy_module() -> None:
    """`import govdisclosure` loads the declarations lazily: no cattrs, openpyxl, attrs classes."""
    import subprocess
    import sys

    code = (
        "import sys, govdisclosure; "
        "print(sorted(m for m in ('cattrs', 'openpyxl', 'govdisclosure._model.report') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _misuses() -> dict[str, tuple[Callable[[Any, Path], object], type, str]]:
    """Wrong calls of public functions: the call, the exception it must raise, its words.

    The calls go through ``api`` (typed Any), as wrong calls from untyped code do.
    """
    api: Any = gd
    nul = "a\0b"
    limits = api.ExcelLimits(max_cells="x")
    calls: list[tuple[str, Callable[[Any, Path], object], type, str]] = [
        ("render(None)", lambda r, d: api.render(None), TypeError, "AnnualReport"),
        ("render kind", lambda r, d: api.render(r, "pdf"), gd.UnsupportedFormatError, "kind"),
        ("with_cells(5)", lambda r, d: r.with_cells(5), TypeError, "mapping"),
        ("with_cell path", lambda r, d: r.with_cell(5, 1), TypeError, "cell path"),
        ("compare(None, r)", lambda r, d: api.compare(None, r), TypeError, "previous"),
        ("compare(r, 5)", lambda r, d: api.compare(r, 5), TypeError, "current"),
        (
            "read_excel limits",
            lambda r, d: api.read_excel(d / "r.xlsx", limits="x"),
            TypeError,
            "limits",
        ),
        (
            "read_excel limit",
            lambda r, d: api.read_excel(d / "r.xlsx", limits=limits),
            TypeError,
            "max_cells",
        ),
        ("parse limits", lambda r, d: api.parse("x", limits=5), TypeError, "limits"),
        ("load limits", lambda r, d: api.load(d / "r.json", limits={}), TypeError, "limits"),
        (
            "cell_paths('2020')",
            lambda r, d: api.cell_paths("2020"),
            gd.UnsupportedFormatError,
            "2019, 2021",
        ),
        ("cell_paths(2021)", lambda r, d: api.cell_paths(2021), TypeError, "version"),
        (
            "cell_label version",
            lambda r, d: api.cell_label("applications.granted.total", "2020"),
            gd.UnsupportedFormatError,
            "2020",
        ),
        (
            "aggregate blanks",
            lambda r, d: api.aggregate([r], agency="区", blanks="none"),
            gd.UnsupportedFormatError,
            "blanks",
        ),
        (
            "to_frame shape",
            lambda r, d: api.to_frame([r], shape="tall"),
            gd.UnsupportedFormatError,
            "shape",
        ),
        (
            "to_frame money",
            lambda r, d: api.to_frame([r], money="int"),
            gd.UnsupportedFormatError,
            "money",
        ),
        (
            "from_json max_bytes",
            lambda r, d: api.from_json("{}", max_bytes="1"),
            TypeError,
            "max_bytes",
        ),
        ("load None", lambda r, d: api.load(None), TypeError, "path"),
        ("dump None", lambda r, d: api.dump(None, d / "x.json"), TypeError, "AnnualReport"),
        ("read_roster 5", lambda r, d: api.read_roster(5), TypeError, "path"),
        ("reconcile roster", lambda r, d: api.reconcile([r], roster=5), TypeError, "roster"),
    ]
    with_nul: dict[str, Callable[[Any, Path], object]] = {
        "load": lambda r, d: api.load(d / f"{nul}.json"),
        "dump": lambda r, d: api.dump(r, d / f"{nul}.json"),
        "parse_file": lambda r, d: api.parse_file(d / f"{nul}.html"),
        "read_excel": lambda r, d: api.read_excel(d / f"{nul}.xlsx"),
        "write_excel": lambda r, d: api.write_excel(r, d / f"{nul}.xlsx"),
        "excel_template": lambda r, d: api.excel_template(d / f"{nul}.xlsx"),
        "write_excel_summary": lambda r, d: api.write_excel_summary([r], d / f"{nul}.xlsx"),
        "read_excel_summary": lambda r, d: api.read_excel_summary(d / f"{nul}.xlsx"),
        "read_roster": lambda r, d: api.read_roster(d / f"{nul}.csv"),
        "reconcile": lambda r, d: api.reconcile([r], roster=d / f"{nul}.csv"),
    }
    calls += [(f"{n} NUL", c, gd.UnsupportedFormatError, "NUL") for n, c in with_nul.items()]
    return {name: (call, expected, words) for name, call, expected, words in calls}


MISUSES = _misuses()


@pytest.mark.parametrize("name", sorted(MISUSES))
def test_wrong_arguments_fail_at_the_door(name: str, tmp_path: Path) -> None:
    """A wrong argument is a TypeError naming it, or a library error saying what is wrong.

    Never an AttributeError or a bare ValueError from deep inside: ``render(None)`` and
    ``with_cells(5)`` raised AttributeError, a version ``"2020"``, ``blanks=``, ``shape=``
    or a NUL in a path a plain ValueError.
    """
    call, expected, words = MISUSES[name]
    report = gd.examples.load("qijiang-psb-2023")
    gd.dump(report, tmp_path / "r.json")
    gd.write_excel(report, tmp_path / "r.xlsx")
    with pytest.raises(expected) as caught:
        call(report, tmp_path)
    assert type(caught.value) is expected
    assert words in str(caught.value)
