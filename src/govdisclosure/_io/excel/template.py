"""The fill-in template: a blank, protected report workbook with checks (:func:`excel_template`).

The template is the report workbook of :mod:`.write` without values: input cells unlocked
and validated, 总计 cells as formulas, and beside each declared sum a check cell that shows
✓ or ✗. A first sheet, 填写说明, explains it in Chinese.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from govdisclosure import _format
from govdisclosure._archive import file_path
from govdisclosure._format import CellKind, FormatVersion
from govdisclosure._format.vocabulary import LEVEL_NAMES
from govdisclosure._io.excel.layout import (
    FACTS_SHEET,
    LINE_HEIGHT,
    TEXTS_SHEET,
    Layout,
    excel_cell,
    layouts,
    version_of_table,
    wrapped_lines,
)
from govdisclosure._io.excel.write import (
    COUNT_FORMAT,
    FONT,
    Styles,
    merge_cells,
    print_setup,
    put_text,
    save_workbook,
    write_facts,
    write_table,
    write_texts,
)
from govdisclosure._io.xlsx.reader import coordinate
from govdisclosure._validation.catalogue import check_label
from govdisclosure.errors import UnsupportedFormatError

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["INSTRUCTIONS_SHEET", "excel_template", "template_bytes"]


INSTRUCTIONS_SHEET = "填写说明"

_OK, _BAD = "✓", "✗"
#: The width of a column of checks beside a table, room for its caption in three lines.
_CHECK_WIDTH = 14.0


def _ranges(cells: Sequence[tuple[int, int]]) -> list[str]:
    """A1 references of cells, with runs in one row or one column joined into ranges."""
    refs: list[str] = []
    i = 0
    cells = list(cells)
    while i < len(cells):
        j = i
        r, c = cells[i]
        while j + 1 < len(cells) and (
            (cells[j + 1] == (cells[j][0], cells[j][1] + 1) and cells[i][0] == r)
            or (
                cells[j + 1] == (cells[j][0] + 1, cells[j][1])
                and cells[i][1] == c
                and all(x[1] == c for x in cells[i : j + 2])
            )
        ):
            j += 1
        first, last = coordinate(*cells[i]), coordinate(*cells[j])
        refs.append(first if i == j else f"{first}:{last}")
        i = j + 1
    return refs


def _total_formula(parts: Sequence[tuple[int, int]]) -> str:
    """The formula of a 总计 cell: blank until every part is filled, then their sum."""
    refs = ",".join(_ranges(parts))
    return f'=IF(COUNT({refs})<{len(parts)},"",SUM({refs}))'


def _check_formula(total: tuple[int, int], parts: Sequence[tuple[tuple[int, int], int]]) -> str:
    """The formula of a check cell: blank until all its cells are filled, then ✓ or ✗."""
    plus = _ranges([p for p, w in parts if w > 0])
    minus = _ranges([p for p, w in parts if w < 0])
    expr = f"SUM({','.join(plus)})" + (f"-SUM({','.join(minus)})" if minus else "")
    everything = ",".join(_ranges([total]) + plus + minus)
    count = 1 + len(parts)
    return f'=IF(COUNT({everything})<{count},"",IF({coordinate(*total)}={expr},"{_OK}","{_BAD}"))'


def _template_table(ws: Worksheet, layout: Layout, styles: Styles) -> None:
    """A table of the template: inputs unlocked and validated, totals and checks as formulas."""
    spec = _format.format_spec(version_of_table(layout))
    write_table(ws, layout, styles, {}, template=True)
    sums = [s for s in spec.sums if s.total in layout.cells]
    formulas = _write_totals(ws, layout, styles, sums)
    _add_validations(ws, layout, spec, formulas)
    _write_checks(ws, layout, styles, sums)
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _write_totals(
    ws: Worksheet, layout: Layout, styles: Styles, sums: Sequence[_format.SumSpec]
) -> dict[str, str]:
    """Write each 总计 a declared sum fills as a formula; return the formulas by path."""
    formulas: dict[str, str] = {}
    for s in sums:
        if s.fills_total and s.total not in formulas:
            formulas[s.total] = _total_formula([layout.cells[p] for p, _ in s.parts])
    for path, formula in formulas.items():
        cell = ws.cell(*layout.cells[path])
        cell.value = formula
        styles.apply(cell, "data", COUNT_FORMAT)
    return formulas


_VALIDATION_MESSAGES = {
    CellKind.COUNT: "请填写大于或等于 0 的整数（件数）。",
    CellKind.SIGNED: "请填写整数，减少用负数表示，如 -8。",
    CellKind.MONEY: "请填写大于或等于 0 的金额（单位：万元，可有小数）。",
}


def _add_validations(
    ws: Worksheet, layout: Layout, spec: _format.FormatSpec, formulas: Mapping[str, str]
) -> None:
    """Validate every input cell (not the formulas) by the kind of value it takes."""
    from openpyxl.worksheet.datavalidation import DataValidation

    validations = {
        CellKind.COUNT: DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0"),
        CellKind.SIGNED: DataValidation(
            type="whole", operator="between", formula1="-1000000000", formula2="1000000000"
        ),
        CellKind.MONEY: DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0"),
    }
    for kind, dv in validations.items():
        dv.allow_blank = True
        dv.showErrorMessage = True
        dv.errorTitle = "填写有误"
        dv.error = _VALIDATION_MESSAGES[kind]
        dv.showInputMessage = False
    for path, (r, c) in layout.cells.items():
        if path not in formulas:
            validations[spec.by_path[path].kind].add(coordinate(r, c))
    for dv in validations.values():
        if dv.sqref:
            ws.add_data_validation(dv)


def _write_checks(
    ws: Worksheet, layout: Layout, styles: Styles, sums: Sequence[_format.SumSpec]
) -> None:
    """Write the check cells and their captions; a ✗ turns red."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill

    checks = _place_checks(layout, sums)
    for text_at, merge, _ in checks["labels"]:
        cell = put_text(ws, text_at[0], text_at[1], merge[4])
        styles.apply(cell, "label")
        if merge[:2] != merge[2:4]:
            merge_cells(ws, merge[:4], styles, "label")
        if text_at[1] > layout.last_column:  # a column of checks beside the table
            ws.column_dimensions[coordinate(1, text_at[1])[:-1]].width = _CHECK_WIDTH
    red = PatternFill("solid", fgColor="FF0000")
    refs = []
    for (r, c), formula in checks["cells"]:
        cell = ws.cell(r, c)
        cell.value = formula
        styles.apply(cell, "check")
        refs.append(coordinate(r, c))
    if refs:
        sqref = " ".join(refs)
        ws.conditional_formatting.add(
            sqref,
            CellIsRule(
                operator="equal",
                formula=[f'"{_BAD}"'],
                fill=red,
                font=Font(color="FFFFFF", bold=True),
            ),
        )
        ws.conditional_formatting.add(
            sqref, CellIsRule(operator="equal", formula=[f'"{_OK}"'], font=Font(color="008000"))
        )


_CheckLabel = tuple[tuple[int, int], tuple[int, int, int, int, str], str]
_CheckCell = tuple[tuple[int, int], str]


def _place_checks(layout: Layout, sums: Sequence[_format.SumSpec]) -> dict[str, Any]:
    """Where each declared sum's check cell and its caption go, beside or below the table.

    A rule whose sums each lie in one row (row totals) gets a column beside the table, its
    caption in the header; any other rule gets a row below the table, its caption left of
    its first check.
    """
    by_rule: dict[str, list[_format.SumSpec]] = {}
    for s in sums:
        by_rule.setdefault(s.rule_id, []).append(s)
    data_rows = {r for r, _ in layout.cells.values()}
    labels: list[_CheckLabel] = []
    cells: list[_CheckCell] = []
    next_column = layout.last_column + 1
    next_row = layout.last_row + 1
    for rule, rule_sums in by_rule.items():
        title = check_label(rule)
        same_row = all(
            layout.cells[p][0] == layout.cells[s.total][0] for s in rule_sums for p, _ in s.parts
        )
        if same_row and len(data_rows) > 1:
            top, bottom = layout.header_rows
            labels.append(
                ((top, next_column), (top, next_column, bottom, next_column, title), rule)
            )
            cells += [_check(layout, s, (layout.cells[s.total][0], next_column)) for s in rule_sums]
            next_column += 1
        else:
            below, below_cells = _checks_below(layout, rule_sums, next_row, title=title, rule=rule)
            labels += below
            cells += below_cells
            next_row += 1
    return {"labels": labels, "cells": cells}


def _checks_below(
    layout: Layout,
    rule_sums: Sequence[_format.SumSpec],
    row: int,
    *,
    title: str,
    rule: str,
) -> tuple[list[_CheckLabel], list[_CheckCell]]:
    """A rule's checks in a row below the table, each under its total.

    Returns:
        The captions, each spanning the columns left of its check up to the previous one,
        and the check cells.
    """
    first_data_column = min(c for _, c in layout.cells.values())
    labels: list[_CheckLabel] = []
    cells: list[_CheckCell] = []
    previous = 0
    for c, s in sorted((layout.cells[s.total][1], s) for s in rule_sums):
        left = previous + 1 if previous else 1
        if previous == 0 and first_data_column > 1:
            left = 1
        if c - 1 >= left:
            labels.append(((row, left), (row, left, row, c - 1, title), rule))
        cells.append(_check(layout, s, (row, c)))
        previous = c
    return labels, cells


def _check(layout: Layout, s: _format.SumSpec, at: tuple[int, int]) -> _CheckCell:
    """The check cell of one declared sum, at ``at``."""
    return at, _check_formula(layout.cells[s.total], [(layout.cells[p], w) for p, w in s.parts])


_INSTRUCTIONS = (
    "政府信息公开工作年度报告 填写模板\n（{year}年度，{doc}格式）",
    "",
    (
        "一、本模板按《中华人民共和国政府信息公开工作年度报告格式》排列表二、表三、表四，"
        "标签与官方格式一致，请勿改动标签。"
    ),
    (
        "二、请先在“报告信息”表填写机关名称、发布日期、机关类"
        "别（{levels}）；报告年度和格式版本已填好。"
    ),
    (
        "三、浅黄色单元格为填写区，其余单元格已锁定（工作表保护未设密码，"
        "确需修改时可在“审阅”中撤销保护）。"
    ),
    (
        "四、件数只能填写大于或等于 0 的整数；表二“本年收费金额”单位为万元，"
        "可有小数。没有发生的事项请填 0，不要留空；留空表示未填报。"
    ),
    "五、各“总计”单元格为公式，所有组成项填齐后自动计算，无需填写。",
    (
        "六、表格旁的“校验”单元格自动核对勾稽关系：一致显示 ✓，"
        "不一致显示 ✗ 并标红。表三须满足“第一项加第二项之和，等于第三项加第四项之和”。"
    ),
    (
        "七、“文字部分”表填写各部分正文和表格下方的备注"
        "（每行一条）；标题与官方标题不同时才需填写标题。"
    ),
    (
        '八、填好后可用 govdisclosure 读取：gd.read_excel("文件.xlsx")，'
        "或在命令行运行 govdisclosure validate 文件.xlsx 检查。"
    ),
)


#: The width of the instructions' column: the width of a portrait A4 page. A sheet of one
#: column is not scaled to fit the page (LibreOffice prints it cut), so it must fit as it is.
_GUIDE_WIDTH = 70.0


def _write_instructions(ws: Worksheet, year: int, version: FormatVersion) -> None:
    """The 填写说明 sheet: one wrapped paragraph a row, each row as tall as its lines."""
    from openpyxl.styles import Alignment, Font

    levels = " / ".join(LEVEL_NAMES.values())
    for row, line in enumerate(_INSTRUCTIONS, start=1):
        text = line.format(year=year, doc=version.document_number, levels=levels)
        cell = ws.cell(row, 1, text)
        title = row == 1
        cell.font = Font(name=FONT, size=14 if title else 11, bold=title)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        # A 14-point title takes the room of about 1.3 lines of 11-point text.
        lines = wrapped_lines(text, _GUIDE_WIDTH / 1.3 if title else _GUIDE_WIDTH)
        ws.row_dimensions[row].height = LINE_HEIGHT * lines * (1.3 if title else 1) + 4
    ws.column_dimensions["A"].width = _GUIDE_WIDTH
    print_setup(ws, landscape=False)


def template_bytes(year: int) -> bytes:
    """Return the workbook of :func:`excel_template` as bytes.

    Raises:
        InvalidReportError: no national format covers ``year``.
    """
    from openpyxl import Workbook as OpenpyxlWorkbook
    from openpyxl.worksheet.datavalidation import DataValidation

    version = FormatVersion.for_year(year)
    levels = LEVEL_NAMES.values()
    wb = OpenpyxlWorkbook()
    guide = wb.active
    assert guide is not None
    guide.title = INSTRUCTIONS_SHEET
    _write_instructions(guide, year, version)
    facts = wb.create_sheet(FACTS_SHEET)
    write_facts(facts, None, Styles(facts), year=year, template=True)
    level = DataValidation(type="list", formula1=f'"{",".join(levels)}"', allow_blank=True)
    level.add(excel_cell("agency_level", version).partition("!")[2])
    facts.add_data_validation(level)
    facts.protection.sheet = True
    texts = wb.create_sheet(TEXTS_SHEET)
    write_texts(texts, None, version, Styles(texts), template=True)
    texts.protection.sheet = True
    for layout in layouts(version):
        ws = wb.create_sheet(layout.sheet)
        _template_table(ws, layout, Styles(ws))
    return save_workbook(wb)


def excel_template(path: str | os.PathLike[str], year: int | None = None) -> None:
    """Write a blank fill-in workbook in the official layout of a report year's format.

    Input cells are unlocked and validated (whole numbers >= 0; amounts in 万元 >= 0);
    labels are locked (sheet protection without a password); 总计 cells are formulas,
    blank until every part is filled; beside each declared relation a check cell shows
    ✓ or ✗ and turns red when the figures disagree. The first sheet, 填写说明, explains it
    in Chinese. A filled template reads back with :func:`read_excel`.

    Args:
        path: the ``.xlsx`` file to write (replaced atomically).
        year: the report year; by default last calendar year (the report being prepared).

    Raises:
        InvalidReportError: no national format covers ``year``.
        UnsupportedFormatError: ``path`` does not end in ``.xlsx``.

    >>> import tempfile, govdisclosure as gd
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     excel_template(f"{folder}/t.xlsx", year=2024)
    ...     result = gd.read_excel_with_warnings(f"{folder}/t.xlsx")
    >>> result.report.meta.format_version.value, result.report.filled_count()
    ('2021', 0)
    >>> result.warnings
    ('报告信息!C2: the agency (机关名称) is blank',)
    """
    from govdisclosure._io.atomic import atomic_write

    target = file_path(path)
    if target.suffix.lower() != ".xlsx":
        instead = f"，而不是 {target.suffix}" if target.suffix else ""
        raise UnsupportedFormatError(
            "the template is an Excel workbook: its name must end in .xlsx"
            + (f", not {target.suffix}" if target.suffix else ""),
            file=str(target),
            detail_zh=f"模板是 Excel 工作簿，文件名应以 .xlsx 结尾{instead}",
        )
    if year is None:
        year = dt.date.today().year - 1
    atomic_write(target, template_bytes(year))
