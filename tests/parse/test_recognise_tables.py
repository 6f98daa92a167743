"""Tables 2, 3 and 4: rows matched by their labels, values placed by column."""

from __future__ import annotations

import pytest

import govdisclosure as gd
from govdisclosure._format import FormatVersion, format_spec
from govdisclosure._parse import WarningCode
from govdisclosure._parse.layout import Cell, Location, Paragraph, Table
from govdisclosure._parse.recognise.items import Item, items_of
from govdisclosure._parse.recognise.state import State
from govdisclosure._parse.recognise.tables import Matcher, read_table, read_tables

V2021 = FormatVersion.V2021


def _table(*rows: tuple[str, ...]) -> list[Item]:
    cells = tuple(Cell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row))
    return items_of((Table(cells, Location(1)),))


def test_matcher_reads_official_labels_and_aliases() -> None:
    """Numbering, quotes, spaces and declared aliases do not hide a row's label."""
    table3 = format_spec(V2021).tables[1]
    matcher = Matcher(table3)
    rows = [r.id for r in table3.rows]
    assert rows[matcher.match('3.危及"三安全一稳定"') or 0] == "denied_security_stability"
    assert rows[matcher.match("四、结转下一年度继续办理") or 0] == "carried_forward"
    assert rows[matcher.match("（三）不予公开 1.属于国家秘密") or 0] == "denied_state_secret"
    assert matcher.match("（三）不予公开") is None
    assert matcher.group_only("（六）其他处理", "（六）其他处理")


def test_table_2_columns_follow_its_header() -> None:
    """Values are placed in the columns the header names, in its order."""
    items = _table(
        ("信息内容", "现行有效件数", "本年制发件数", "本年废止件数"),
        ("规章", "9", "1", "0"),
    )
    state = State("html")
    assert read_table(2, items, (0, len(items)), V2021, state) == 1
    assert state.values == {
        "proactive_disclosure.rules.in_force": 9,
        "proactive_disclosure.rules.issued": 1,
        "proactive_disclosure.rules.repealed": 0,
    }
    assert state.sources["proactive_disclosure.rules.in_force"].column == 1


def test_table_3_rows_without_labels_placed_by_position() -> None:
    """One unlabelled row between two labelled rows, one row apart, is placed there."""
    items = _table(
        ("一、本年新收政府信息公开申请数量", *"1000001"),
        ("", *"0000000"),
        ("三、本年度办理结果 （一）予以公开", *"1000001"),
    )
    state = State("markdown")
    assert read_table(3, items, (0, len(items)), V2021, state) == 3
    assert state.values["applications.carried_over.total"] == 0
    assert [w.code for w in state.warnings] == [WarningCode.BY_POSITION]


def test_missing_tables_and_rows_are_reported() -> None:
    """A table not found, and each row of a found table without a value, is a warning."""
    items = _table(tuple(str(n) for n in range(15)))
    items += items_of((Paragraph("正文。", Location(2)),))
    state = State("text")
    read_tables(items, {"review_litigation": (0, 1), "overview": (1, 2)}, V2021, state)
    assert state.values["review_litigation.litigation_after_review.total"] == 14
    codes = [w.code for w in state.warnings]
    assert codes[:2] == [WarningCode.TABLE_NOT_FOUND, WarningCode.TABLE_NOT_FOUND]
    # Then every cell of the two tables not found, each by a warning naming it.
    blank = [p for p in gd.cell_paths(V2021) if not p.startswith("review_litigation.")]
    assert [w.path for w in state.warnings[2:]] == blank


@pytest.mark.parametrize(
    ("label", "row"),
    [
        ("（四）无 2.没有现成信息需", "unable_needs_creation"),
        ("（五）不 2.重复申", "not_processed_duplicate"),
        ("法 3.要求提供公开出", "not_processed_publication"),
    ],
)
def test_a_row_label_after_a_piece_of_its_group_label(label: str, row: str) -> None:
    """A row's own numbering and the words after it name the row.

    PDF text puts a group label's first characters on a row's line.
    """
    matcher = Matcher(format_spec(V2021).tables[1])
    index = matcher.match(label)
    assert index is not None
    assert matcher.rows[index].id == row


@pytest.mark.parametrize(
    "label", ["（四）无 5.没有现成信息需", "（五）不 2.重", "（五）不 9.重复申"]
)
def test_numbering_and_words_must_both_fit(label: str) -> None:
    """Another numbering, or too few words, names no row."""
    assert Matcher(format_spec(V2021).tables[1]).match(label) is None


def test_a_figure_wrapped_in_its_cell_is_joined_where_the_row_shows_wrapping() -> None:
    """A figure wrapped in a narrow 总计 cell of a PDF table (2, 6) is 26 if the row allows."""
    row = "一、本年新收政府信息公开申请数量 | 26 | | | | | | 2\n6"
    cells = [Cell(text.strip(), 0, n) for n, text in enumerate(row.split("|"))]
    items = items_of((Table(tuple(cells), Location(1)),))
    state = State("pdf")
    read_table(3, items, (0, len(items)), V2021, state)
    assert state.values["applications.new_received.total"] == 26


@pytest.mark.parametrize(
    "row",
    [
        # every figure stacked; then a join that breaks the sum (35 ≠ 26)
        "一、本年新收政府信息公开申请数量 | 2\n6 | 0 | 0 | 0 | 0 | 0 | 3\n5",
        "一、本年新收政府信息公开申请数量 | 26 | 0 | 0 | 0 | 0 | 0 | 3\n5",
    ],
)
def test_a_stacked_or_unbalanced_figure_is_not_joined(row: str) -> None:
    """A figure is not joined where every figure is stacked, or where the join breaks a sum.

    Two rows run together stack figures in every cell. The cell is left blank, warned of.
    """
    cells = [Cell(text.strip(), 0, n) for n, text in enumerate(row.split("|"))]
    items = items_of((Table(tuple(cells), Location(1)),))
    state = State("pdf")
    read_table(3, items, (0, len(items)), V2021, state)
    assert "applications.new_received.total" not in state.values
    assert any(w.path == "applications.new_received.total" for w in state.warnings)
