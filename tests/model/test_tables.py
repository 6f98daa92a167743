"""Tests of the official table layout as grids, and its HTML in notebooks."""

from __future__ import annotations

import pytest

import govdisclosure as gd
from govdisclosure._model.tables import table_grids


def _width(row: tuple[object, ...]) -> int:
    return sum(c.colspan for c in row)  # type: ignore[attr-defined]


@pytest.mark.parametrize("year", [2020, 2023])
def test_every_row_spans_the_table_width(year: int) -> None:
    """Counting row- and colspans, every row of every table covers the full width."""
    for grid in table_grids(gd.AnnualReport.blank(agency="x", year=year)):
        covered: dict[int, int] = {}
        for index, row in enumerate((*grid.head, *grid.body)):
            width = covered.pop(index, 0) + _width(row)
            assert width == grid.width, (grid.number, index)
            for cell in row:
                for below in range(1, cell.rowspan):
                    covered[index + below] = covered.get(index + below, 0) + cell.colspan


def test_every_cell_appears_once_in_order() -> None:
    """The data cells of the grids are the report's cells, in official order."""
    report = gd.examples.load("qijiang-psb-2023")
    paths = [c.path for g in table_grids(report) for row in g.body for c in row if c.path]
    assert paths == list(gd.cell_paths())


def test_table3_merged_labels() -> None:
    """三、本年度办理结果 spans 22 rows in 2021 and 20 in 2019; （三）不予公开 spans 8."""
    for year, span in ((2023, 22), (2020, 20)):
        grid = table_grids(gd.AnnualReport.blank(agency="x", year=year))[1]
        spans = {c.text: c.rowspan for row in grid.body for c in row if c.header}
        assert spans["三、本年度办理结果"] == span
        assert spans["（三）不予公开"] == 8


def test_notebook_html() -> None:
    """A report shows in Jupyter as its facts and three official tables."""
    page = gd.examples.load("qijiang-psb-2023")._repr_html_()
    assert page.count("<table") == 3
    assert '<th rowspan="3" colspan="3" scope="col">（本列数据的勾稽关系为' in page
    assert ">147362</td>" in page
    assert "备注：因本年度开展行政规范性文件清理工作" in page
