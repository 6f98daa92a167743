"""Excel figures (issue 5: Excel workbooks).

- ``write_excel`` + ``read_excel`` of one report: at most 1.5x the time of openpyxl alone
  writing and reading the same cells and merges (normal mode).
- The summary workbook of 1,000 reports written and read back: at most 1.5x the time of
  openpyxl's write-only and read-only modes doing the same cells.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import govdisclosure as gd
from _harness import Comparison
from govdisclosure._io.excel.read import read_excel
from govdisclosure._io.excel.summary import read_excel_summary, summary_columns, write_excel_summary
from govdisclosure._io.excel.write import write_excel


def _report_cells(path: Path) -> tuple[list[tuple[str, int, int, Any]], list[tuple[str, str]]]:
    """Every cell value and merge of a written report workbook, as openpyxl sees them."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    cells = [
        (ws.title, c.row, c.column, c.value)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    ]
    merges = [(ws.title, str(m)) for ws in wb.worksheets for m in ws.merged_cells.ranges]
    return cells, merges


def _openpyxl_report(
    cells: list[tuple[str, int, int, Any]], merges: list[tuple[str, str]], path: Path
) -> object:
    import openpyxl

    wb = openpyxl.Workbook()
    sheets: dict[str, Any] = {}
    for title, row, column, value in cells:
        ws = sheets.get(title)
        if ws is None:
            ws = sheets[title] = wb.create_sheet(title)
        ws.cell(row=row, column=column, value=value)
    for title, ref in merges:
        sheets[title].merge_cells(ref)
    wb.save(path)
    back = openpyxl.load_workbook(path)
    return [c.value for ws in back.worksheets for row in ws.iter_rows() for c in row]


def _summary_reports(n: int) -> list[gd.AnnualReport]:
    base = gd.examples.load("qijiang-psb-2023")
    return [
        base.with_cell("applications.new_received.natural_person", i).with_cells(
            {"proactive_disclosure.rules.issued": i % 7}
        )
        for i in range(n)
    ]


def _openpyxl_summary(rows: list[list[Any]], path: Path) -> object:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("汇总")
    for row in rows:
        ws.append(row)
    wb.save(path)
    back = openpyxl.load_workbook(path, read_only=True)
    result = [list(r) for r in back["汇总"].iter_rows(values_only=True)]
    back.close()
    return result


def comparisons() -> list[Comparison]:
    folder = Path(tempfile.mkdtemp(prefix="bench-excel-"))
    report = gd.examples.load("qijiang-psb-2023")
    ours_path = folder / "ours.xlsx"
    write_excel(report, ours_path)
    cells, merges = _report_cells(ours_path)

    def ours() -> object:
        write_excel(report, ours_path)
        return read_excel(ours_path)

    reports = _summary_reports(1000)
    summary_path = folder / "summary.xlsx"
    columns = summary_columns(r.meta.format_version for r in reports)
    rows: list[list[Any]] = [
        ["机关名称", "报告年度", "格式版本", *columns],
        ["agency", "year", "format_version", *columns],
    ]
    for r in reports:
        values = dict(r.cells())
        row_cells = [
            float(v) if isinstance(v, Decimal) else values.get(p)
            for p, v in ((p, values.get(p)) for p in columns)
        ]
        rows.append([r.meta.agency, r.meta.year, r.meta.format_version.value, *row_cells])

    def summary() -> object:
        write_excel_summary(reports, summary_path)
        return read_excel_summary(summary_path)

    return [
        Comparison(
            name="write_excel + read_excel (one report)",
            ours=ours,
            baseline_name="openpyxl write + load, same cells and merges",
            baseline=lambda: _openpyxl_report(cells, merges, folder / "base.xlsx"),
            max_ratio=1.5,
        ),
        Comparison(
            name="summary of 1,000 reports, write + read",
            ours=summary,
            baseline_name="openpyxl write-only + read-only, same cells",
            baseline=lambda: _openpyxl_summary(rows, folder / "base-summary.xlsx"),
            max_ratio=1.5,
            unit=1000,
        ),
    ]
