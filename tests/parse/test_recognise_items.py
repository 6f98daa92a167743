"""The layout as items: lines and table rows, each split into its label and its values."""

from __future__ import annotations

from govdisclosure._parse.layout import Cell, Heading, Location, Paragraph, Table
from govdisclosure._parse.recognise.items import Token, fit, items_of, split_row


def test_rows_and_lines_become_items() -> None:
    """Each table row is an item with its cells; a line ending in a figure keeps its words."""
    table = Table((Cell("规章", 0, 0), Cell("0", 0, 1), Cell("行政许可", 1, 0)), Location(3))
    items = items_of(
        (
            Heading("二、主动公开政府信息情况", 2, Location(1)),
            Paragraph("行政处罚 12 3", Location(2, 4, 20)),
            table,
            Paragraph("正文。", Location(4)),
        )
    )
    assert [(i.pos, i.is_row, i.heading, i.text) for i in items] == [
        (0, False, True, "二、主动公开政府信息情况"),
        (1, False, False, "行政处罚 12 3"),
        (2, True, False, "规章 0"),
        (3, True, False, "行政许可"),
        (4, False, False, "正文。"),
    ]
    assert items[0].cells == items[4].cells == ()
    assert items[1].cells[1] == Token("12", Location(2, 9, 25))


def test_split_row_keeps_trailing_values() -> None:
    """The label is everything before the trailing values; a row keeps its blank cells."""
    row = items_of(
        (
            Table(
                (Cell("规章", 0, 0), Cell("1", 0, 1), Cell("", 0, 2), Cell("/", 0, 3)), Location(1)
            ),
        )
    )[0]
    split = split_row(row)
    assert (split.label, [v.text for v in split.values], split.first) == ("规章", ["1", "", "/"], 1)
    assert split.numeric
    line = split_row(items_of((Paragraph("（一）予以公开 5件  6", Location(1)),))[0])
    assert (line.label, [v.text for v in line.values]) == ("（一）予以公开", ["5件", "6"])
    prose = split_row(items_of((Paragraph("共受理申请5件。", Location(1)),))[0])
    assert (prose.label, prose.values) == ("", ())


def test_fit_trims_blank_padding() -> None:
    """Blank cells around a row's values are trimmed to the width, never figures."""
    values = [Token(t, Location(1)) for t in ("", "1", "2", "")]
    assert [v.text for v in fit(values, 2) or ()] == ["1", "2"]
    assert fit(values, 1) is None
    assert fit(values, 4) == tuple(values)
