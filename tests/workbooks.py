"""Workbooks for the Excel tests: hand-made ones in the official layout, zipped parts."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl

import govdisclosure as gd
from govdisclosure._format import TABLE3_CORNER_NOTE, format_spec
from govdisclosure._io.excel.write import to_excel_bytes


def report_2019() -> gd.AnnualReport:
    """A 2019 report with signed, money and count cells."""
    return gd.AnnualReport.blank(agency="某某局", year=2019).with_cells(
        {
            "proactive_disclosure.administrative_fees.change": -8,
            "proactive_disclosure.central_procurement.amount": Decimal("251000.50"),
            "applications.other_processing.natural_person": 2,
            "applications.new_received.total": 9,
        }
    )


def place(ws: Any, r: int, c: int, value: object) -> None:
    """Put a value in a cell of an openpyxl sheet."""
    ws.cell(row=r, column=c, value=value)


def handmade(  # noqa: PLR0912 - one branch per table and option
    report: gd.AnnualReport,
    *,
    one_sheet: bool = False,
    offset: tuple[int, int] = (0, 0),
    variant: bool = False,
    values: dict[str, object] | None = None,
    facts: bool = True,
) -> openpyxl.Workbook:
    """A workbook in the official layout as another tool makes it.

    No merges, other positions, blank rows, label variants, as the test asks.
    """
    wb = openpyxl.Workbook()
    first = wb.active
    assert first is not None
    first.title = "封面"
    if facts:
        place(first, 3, 2, "单位名称")
        place(first, 3, 3, report.meta.agency)
        place(first, 4, 2, "年 度")
        place(first, 4, 3, f"{report.meta.year}年")
    spec = format_spec(report.meta.format_version)
    cells = dict(report.cells())
    cells.update(values or {})
    dr, dc = offset

    def fix(label: str) -> str:
        if not variant:
            return label
        label = label.replace("（", "(").replace("）", ")").replace("“", '"').replace("”", '"')
        label = label.replace("结转下年度", "结转下一年度")
        return " ".join(label) if len(label) <= 4 else label

    row = 2 + dr
    for table in spec.tables:
        ws = first if one_sheet else wb.create_sheet(f"Sheet{table.number}")
        if not one_sheet:
            row = 2 + dr
        if table.number == 2:
            for spec_row in table.rows:
                place(ws, row, 1 + dc, fix(spec_row.caption))
                place(ws, row + 1, 1 + dc, "信息内容")
                for k, column in enumerate(spec_row.columns):
                    place(ws, row + 1, 2 + dc + k, fix(column.label))
                place(ws, row + 2, 1 + dc, fix(spec_row.label))
                for k, column in enumerate(spec_row.columns):
                    place(
                        ws, row + 2, 2 + dc + k, cells[f"{table.section}.{spec_row.id}.{column.id}"]
                    )
                row += 4  # a blank row after each block
        elif table.number == 3:
            place(ws, row, 1 + dc, TABLE3_CORNER_NOTE)
            place(ws, row, 3 + dc, "申请人情况")
            for k, column in enumerate(format_spec("2021").tables[1].rows[0].columns):
                place(ws, row + 1, 3 + dc + k, fix(column.labels[-1].replace("总计", "合计")))
            row += 3  # a blank row under the header
            for spec_row in table.rows:
                place(ws, row, 1 + dc, fix(spec_row.labels[0]))
                place(ws, row, 2 + dc, fix("".join(spec_row.labels[1:])) or None)
                for k, column in enumerate(spec_row.columns):
                    place(ws, row, 3 + dc + k, cells[f"{table.section}.{spec_row.id}.{column.id}"])
                row += 1
            row += 2
        else:
            place(ws, row, 1 + dc, "行政复议")
            place(ws, row, 6 + dc, "行政诉讼")
            place(ws, row + 1, 6 + dc, "未经复议直接起诉")
            place(ws, row + 1, 11 + dc, "复议后起诉")
            for g, spec_row in enumerate(table.rows):
                for k, column in enumerate(spec_row.columns):
                    place(ws, row + 2, 1 + dc + 5 * g + k, fix(column.label))
                    place(
                        ws,
                        row + 3,
                        1 + dc + 5 * g + k,
                        cells[f"{table.section}.{spec_row.id}.{column.id}"],
                    )
            row += 6
    return wb


def save(wb: openpyxl.Workbook, path: Path) -> Path:
    """Save a workbook; return its path."""
    wb.save(path)
    return path


def zip_parts(parts: dict[str, bytes | str]) -> bytes:
    """A zip archive of the given parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def valid_bytes() -> bytes:
    """An ordinary report workbook, as bytes."""
    return to_excel_bytes(gd.AnnualReport.blank(agency="某", year=2023))


def replace_part(data: bytes, name: str, content: bytes | str) -> bytes:
    """The archive ``data`` with one part replaced (or added)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts: dict[str, bytes | str] = {n: archive.read(n) for n in archive.namelist()}
    parts[name] = content
    return zip_parts(parts)
