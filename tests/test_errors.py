"""Tests of the exception hierarchy."""

from __future__ import annotations

import ast
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure import errors as _errors


@pytest.mark.parametrize(
    ("cls", "builtin"),
    [
        (gd.InvalidReportError, ValueError),
        (gd.ReportDataError, ValueError),
        (gd.UnsupportedFormatError, ValueError),
        (gd.UnknownPathError, LookupError),
        (_errors.UnknownExampleError, LookupError),
    ],
)
def test_every_error_derives_from_the_root_and_a_builtin(cls: type, builtin: type) -> None:
    """Each error is a GovDisclosureError and the fitting builtin."""
    assert issubclass(cls, gd.GovDisclosureError)
    assert issubclass(cls, builtin)


def test_default_messages() -> None:
    """Errors raised without a message still say something useful."""
    assert str(gd.GovDisclosureError()) == "govdisclosure could not complete the operation"
    assert gd.ReportDataError().message == "the report data is malformed"
    assert gd.ReportDataError().problems == ()


def test_excel_error_of_many_cells() -> None:
    """Several bad cells: one Chinese message naming each (the first twenty), all kept."""
    bad = [
        gd.ExcelError(
            "is not a number", sheet="表三", cell=f"D{r}", value="三", detail_zh="不是数字"
        )
        for r in range(5, 30)
    ]
    error = gd.ExcelError.of_cells(bad)
    assert error.problems == tuple(bad)
    assert (error.sheet, error.cell, error.value, error.where()) == ("表三", "D5", "三", "")
    text = error.message_zh
    assert text.startswith("25 个单元格无法读取，请改正后再读取：表三!D5“三”不是数字；")
    assert "表三!D24“三”不是数字；另有 5 个单元格" in text
    assert "D25" not in text
    assert str(error).startswith(
        '25 cells cannot be read; correct them and read again: 表三!D5: "三" is not a number; '
    )
    assert str(error).endswith('表三!D24: "三" is not a number; and 5 more cells')
    assert gd.ExcelError.of_cells(bad[:1]) is bad[0]
    english = gd.ExcelError("is not a number", sheet="表三", cell="D5", value=2.5)
    assert english.message_zh == "表三!D5 2.5 is not a number"
    with pytest.raises(ValueError, match="at least one"):
        gd.ExcelError.of_cells([])


# ---------------------------------------------------------------------------
# Every error in Chinese: a scan of the source, and a sample of every kind raised.

PACKAGE = Path(gd.__file__).parent
#: The error classes: a call of one of these must say what is wrong in Chinese.
ERROR_CLASSES = frozenset(
    name
    for name in _errors.__all__
    if isinstance(getattr(_errors, name), type)
    and issubclass(getattr(_errors, name), gd.GovDisclosureError)
)
#: Calls that need not pass ``detail_zh=``, each with the reason.
ALLOWED: dict[tuple[str, str], str] = {}


def _annotation_names(node: ast.expr | None) -> set[str]:
    """The names an annotation (a string under ``from __future__ import annotations``) uses."""
    if node is None:
        return set()
    text = node.value if isinstance(node, ast.Constant) else ast.unparse(node)
    return set(re.findall(r"\w+", str(text)))


def _error_helpers(tree: ast.Module) -> set[str]:
    """The functions of a module that make an error from the Chinese their caller gives.

    Those that return an error and take ``detail_zh``. A function that makes an error all
    by itself is checked where it calls the error class.
    """
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and _annotation_names(node.returns) & ERROR_CLASSES
        and "detail_zh" in {a.arg for a in [*node.args.args, *node.args.kwonlyargs]}
    }


def _modules() -> dict[str, ast.Module]:
    return {
        str(path.relative_to(PACKAGE.parent)): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def _untranslated() -> list[str]:
    """Each call of an error class or error helper in src/ that gives no ``detail_zh=``."""
    modules = _modules()
    helpers = {name: _error_helpers(tree) for name, tree in modules.items()}
    everywhere = set().union(*helpers.values())
    found = []
    for module, tree in modules.items():
        # A helper named like one of another module's is one only where it is defined or
        # imported; an error class is one everywhere.
        imported = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
            if alias.name in everywhere
        }
        needs = ERROR_CLASSES | helpers[module] | imported
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Name):
                if node.exc.id in ERROR_CLASSES:
                    found.append(f"{module}:{node.lineno}: raise {node.exc.id} without a message")
                continue
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in needs or (module, name) in ALLOWED:
                continue
            given = {k.arg: k.value for k in node.keywords}
            if "detail_zh" not in given or (
                isinstance(given["detail_zh"], ast.Constant) and given["detail_zh"].value is None
            ):
                found.append(f"{module}:{node.lineno}: {name}(…) without detail_zh=")
    return found


def test_every_error_raised_says_it_in_chinese() -> None:
    """Each error the source makes passes its Chinese detail (``detail_zh=``).

    The calls checked are those of an error class and of every function that returns an
    error for its caller to raise (``_bad``, ``_position_error`` …). The archive checks'
    ``fail`` functions take a :class:`~govdisclosure.errors.Bilingual` message, which mypy
    holds them to.
    """
    assert _untranslated() == []


def _cjk(text: str) -> bool:
    return re.search(r"[\u4e00-\u9fff]", text) is not None


def _sample() -> gd.AnnualReport:
    return gd.examples.load("qijiang-psb-2023")


def _workbook(tmp: Path, cells: dict[str, object]) -> Path:
    """The sample's workbook with some cells (``表三!D5``) overwritten."""
    import openpyxl

    path = tmp / "r.xlsx"
    gd.write_excel(_sample(), path)
    book = openpyxl.load_workbook(path)
    for address, value in cells.items():
        sheet, _, ref = address.partition("!")
        book[sheet][ref] = value
    book.save(path)
    return path


def _file(tmp: Path, name: str, data: bytes) -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path


def _zip(tmp: Path, name: str, parts: dict[str, bytes]) -> Path:
    path = tmp / name
    with zipfile.ZipFile(path, "w") as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    return path


_PAGE = (
    "<p>某某局2023年政府信息公开工作年度报告</p><p>四、政府信息公开行政复议、行政诉讼情况</p>"
    "<table><tr><td>行政复议</td><td>行政诉讼</td></tr><tr>" + "<td>0</td>" * 15 + "</tr></table>"
)


def _summary_of(tmp: Path) -> object:
    from govdisclosure._analysis.office import run_summary

    return run_summary([tmp / "missing"], tmp / "s.xlsx", quiet=True)


def _found(tmp: Path) -> object:
    from govdisclosure._analysis.batch import find_report_files

    return find_report_files([tmp / "missing"])


#: A bad input for every kind of error and every module that raises one: (module, call).
CASES: dict[str, tuple[str, Callable[[Path], object]]] = {
    "load a missing file": ("_io/files.py", lambda t: gd.load(t / "missing.json")),
    "load a .doc": ("_io/files.py", lambda t: gd.load(t / "a.doc")),
    "dump into a missing folder": (
        "_io/atomic.py",
        lambda t: gd.dump(_sample(), t / "no" / "r.json"),
    ),
    "JSON cut short": ("_io/json.py", lambda t: gd.from_json('{"schema": ')),
    "JSON of the wrong form": ("_io/json.py", lambda t: gd.from_dict({"schema": "x"})),
    "JSON not UTF-8": ("_io/json.py", lambda t: gd.from_json(b"\xff")),
    "a workbook without tables": (
        "_io/excel/read.py",
        lambda t: gd.read_excel(_zip_workbook(t)),
    ),
    "a word in a count cell": (
        "_io/excel/values.py",
        lambda t: gd.read_excel(_workbook(t, {"表三!D5": "三"})),
    ),
    "a cell formatted as a date": (
        "_io/excel/values.py",
        lambda t: gd.read_excel(_dated(t)),
    ),
    "a formula of itself": (
        "_io/xlsx/formula.py",
        lambda t: gd.read_excel(_workbook(t, {"表三!D5": "=D5"})),
    ),
    "text named .xlsx": ("_archive.py", lambda t: gd.read_excel(_file(t, "a.xlsx", b"hello"))),
    "a zip named .xlsx": (
        "_io/xlsx/archive.py",
        lambda t: gd.read_excel(_zip(t, "a.xlsx", {"a.txt": b"hello"})),
    ),
    "a workbook over the size limit": (
        "_io/xlsx/reader.py",
        lambda t: gd.read_excel(_workbook(t, {}), limits=gd.ExcelLimits(max_file_bytes=100)),
    ),
    "a summary of no report": (
        "_io/excel/summary.py",
        lambda t: gd.write_excel_summary([1], t / "s.xlsx"),  # type: ignore[list-item]
    ),
    "a report workbook read as a summary": (
        "_io/excel/summary.py",
        lambda t: gd.read_excel_summary(_workbook(t, {})),
    ),
    "a template named .docx": ("_io/excel/template.py", lambda t: gd.excel_template(t / "x.docx")),
    "a workbook of no report": (
        "_io/excel/write.py",
        lambda t: gd.write_excel("report", t / "r.xlsx"),  # type: ignore[arg-type]
    ),
    "an unknown agency level": (
        "_model/meta.py",
        lambda t: gd.ReportMeta(agency="某局", year=2023, agency_level="乡镇"),
    ),
    "a count of text": (
        "_model/report.py",
        lambda t: _sample().with_cell("applications.new_received.natural_person", "3"),
    ),
    "a row of a float": ("_model/cells.py", lambda t: gd.ApplicantRow(natural_person=1.5)),  # type: ignore[arg-type]
    "a year before the format": ("_format/spec.py", lambda t: gd.FormatVersion.for_year(2010)),
    "a misspelt cell path": (
        "_format/declarations.py",
        lambda t: _sample().cell("applications.new_recieved.total"),
    ),
    "an unknown parse kind": ("_parse/__init__.py", lambda t: gd.parse("x", kind="odt")),  # type: ignore[arg-type]
    "an unknown file to parse": ("_parse/__init__.py", lambda t: gd.parse_file(t / "a.odt")),
    "text that is no report": ("_parse/recognise/__init__.py", lambda t: gd.parse("你好")),
    "a report of 2010": ("_parse/recognise/facts.py", lambda t: gd.parse(_PAGE, year=2010)),
    "a workbook named .docx": (
        "_parse/readers/docx.py",
        lambda t: gd.parse_file(_zip(t, "a.docx", {"xl/workbook.xml": b"<workbook/>"})),
    ),
    "text named .pdf": ("_parse/readers/pdf.py", lambda t: gd.parse_file(_file(t, "a.pdf", b"hi"))),
    "an unknown render kind": ("_render/__init__.py", lambda t: gd.render(_sample(), "odt")),  # type: ignore[arg-type]
    "a previous report of the same year": (
        "_validation/engine.py",
        lambda t: gd.validate(_sample(), previous=_sample()),
    ),
    "a result shown with another report": (
        "_validation/result.py",
        lambda t: gd.validate(_sample()).with_report(
            gd.AnnualReport.blank(agency="乙局", year=2023)
        ),
    ),
    "an unknown example": ("examples/__init__.py", lambda t: gd.examples.load("nope")),
    "a year out of range": ("zh/_common.py", lambda t: gd.zh.report_period(0)),
    "an ambiguous numeral": ("zh/numerals.py", lambda t: gd.zh.parse_chinese_numeral("一百五")),
    "a negative amount": ("zh/money.py", lambda t: gd.zh.rmb_upper(-1)),
    "no date": ("zh/dates.py", lambda t: gd.zh.parse_date("去年")),
    "no percentage": ("zh/formatting.py", lambda t: gd.zh.parse_percent("很多")),
    "nothing to add up": ("_analysis/aggregate.py", lambda t: gd.aggregate([], agency="某区")),
    "reports of two years": (
        "_analysis/aggregate.py",
        lambda t: gd.aggregate(
            [_sample(), gd.AnnualReport.blank(agency="乙局", year=2022)], agency="某区"
        ),
    ),
    "a roster of text": ("_analysis/roster.py", lambda t: gd.read_roster(t / "r.txt")),
    "a count too large for a frame": (
        "_analysis/frames.py",
        lambda t: gd.to_frame([_sample().with_cell("applications.granted.natural_person", 10**20)]),
    ),
    "a missing folder to summarise": ("_analysis/office.py", _summary_of),
    "a missing folder to search": ("_analysis/batch.py", _found),
    "a Dask frame of an unknown shape": (
        "_analysis/cluster.py",
        lambda t: gd.dask_frame([], shape="tall"),  # type: ignore[arg-type]
    ),
    "a label repeated past the search budget": ("_io/excel/labels.py", lambda t: _searched()),
    "a path holding NUL": ("_archive.py", lambda t: gd.read_excel(t / "a\0b.xlsx")),
    "a workbook over the merged ranges limit": (
        "_io/xlsx/reader.py",
        lambda t: gd.read_excel(_workbook(t, {}), limits=gd.ExcelLimits(max_merges=1)),
    ),
    "a text over the length limit": (
        "_parse/__init__.py",
        lambda t: gd.parse(_PAGE, limits=gd.ExcelLimits(max_text_chars=100)),
    ),
    "a count of 1,001 digits": (
        "_model/cells.py",
        lambda t: gd.ApplicantRow(natural_person=10**1000),
    ),
}


def _searched() -> object:
    """A label search of a sheet that repeats its label, on a spent budget."""
    from govdisclosure._io.excel.labels import LabelIndex
    from govdisclosure._io.xlsx.reader import Cell, Sheet

    sheet = Sheet("表二")
    for row in range(1, 11):
        sheet.cells[row, 1] = Cell("规章", None, 0)
    return LabelIndex(sheet, [5]).find("规章")


def _zip_workbook(tmp: Path) -> Path:
    import openpyxl

    path = tmp / "empty.xlsx"
    openpyxl.Workbook().save(path)
    return path


def _dated(tmp: Path) -> Path:
    import openpyxl

    path = _workbook(tmp, {"表三!D5": 45293})
    book = openpyxl.load_workbook(path)
    book["表三"]["D5"].number_format = "yyyy-mm-dd"
    book.save(path)
    return path


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_input_is_told_in_chinese_and_english(case: str, tmp_path: Path) -> None:
    """The error of each bad input has a Chinese detail and message, and the English ones."""
    _, call = CASES[case]
    with pytest.raises(gd.GovDisclosureError) as caught:
        call(tmp_path)
    error = caught.value
    assert error.detail_zh is not None
    assert _cjk(error.detail_zh), error.detail_zh
    assert error.detail_zh != error.detail
    assert _cjk(error.message_zh)
    assert error.message_zh != error.message_en == str(error)
    assert error.message_en.endswith(error.what())
    assert error.message_zh.endswith(error.what_zh())


def test_every_error_class_and_raising_module_has_a_case(tmp_path: Path) -> None:
    """The cases above cover every error class and every module of src/ that raises one.

    A new module that raises (or a new error class) needs a case here.
    """
    raised = set()
    for _, call in CASES.values():
        with pytest.raises(gd.GovDisclosureError) as caught:
            call(tmp_path)
        raised.add(type(caught.value).__name__)
    assert raised == ERROR_CLASSES
    modules = {module for module, _ in CASES.values()}
    raising = {
        module.removeprefix("govdisclosure/")
        for module, tree in _modules().items()
        if module != "govdisclosure/errors.py"
        and any(
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ERROR_CLASSES
            for node in ast.walk(tree)
        )
    }
    assert raising - modules == NOT_SAMPLED.keys()


#: Modules that raise, but whose errors need a package to be missing.
NOT_SAMPLED = {"_render/docx.py": "python-docx missing: the same words as the Word reader's"}


def test_chinese_messages_of_representative_errors() -> None:
    """A few errors as a clerk and a programmer read them."""
    with pytest.raises(gd.UnknownPathError) as caught:
        _sample().cell("applications.new_recieved.total")
    assert caught.value.message_zh == (
        "没有单元格路径 'applications.new_recieved.total'；"
        "是否应为 'applications.new_received.total'？"
    )
    assert str(caught.value) == (
        "unknown cell path 'applications.new_recieved.total'; "
        "did you mean 'applications.new_received.total'?"
    )
    with pytest.raises(gd.ReportDataError) as data:
        gd.from_dict({"schema": "govdisclosure/report/v1", "meta": {}})
    assert data.value.problems_zh[0] == "$.meta.agency：缺少必需的键"
    assert data.value.problems[0] == "$.meta.agency: required key missing"
    assert data.value.message_zh.startswith("报告数据有 ")
    with pytest.raises(_errors.ChineseNumberError) as number:
        gd.zh.parse_chinese_numeral("一百五")
    assert number.value.message_zh == (
        "“一百五”的第 3 个字符“五”处：单位后单独一个数字有歧义（一百五 可指 150 或 105）；"
        "请写 一百五十 或 一百零五"
    )
    assert str(number.value).startswith("'五' at position 2 in '一百五': a lone digit")


def test_default_messages_in_chinese() -> None:
    """An error raised without a message says something useful in both languages."""
    for name in ERROR_CLASSES - {"UnknownPathError"}:
        error = getattr(_errors, name)()
        assert _cjk(error.message_zh), name
        assert error.message_en == error.default_message
