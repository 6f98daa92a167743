"""The aligner on real rows, on its named forms, on the table pass, and on junk.

The corpus rows are written here as data, as the published text holds them: the pingtan
page ran each row's cells together (``pingtan-2022-flat.txt``), the putian crawler dropped
every text node equal to the one before it (``putian-cgj-2021.txt``). Their values are the
hand-checked truths of the corpus (``*.expected.json``).
"""

from __future__ import annotations

import random
import time

import pytest

import align_tables
from govdisclosure._format import FormatVersion, TableSpec, format_spec
from govdisclosure._parse.recognise import align
from govdisclosure._parse.recognise.align import (
    LIMIT,
    CellSolution,
    Digits,
    Exact,
    Line,
    Observation,
    Runs,
    Solutions,
    Sum,
    Tokens,
    expand_runs,
    fill_missing,
    join_split,
    line_sums,
    row_line,
    solve_line,
    solve_table,
    split_digits,
)

SPEC = format_spec(FormatVersion.V2021)
TABLE2, TABLE3, TABLE4 = SPEC.tables
ROW = [Sum.row(7)]
TABLE4_ROWS = [r.id for r in TABLE4.rows]
TABLE4_SUMS = [Sum.row(5, 0), Sum.row(5, 5), Sum.row(5, 10)]
Z7 = (0,) * 7

# ---------------------------------------------------------------------------
# pingtan-2022-flat.txt: 表三 as the page prints it, label then the row's digits run together

PINGTAN_TABLE3 = [
    ("一、本年新收政府信息公开申请数量", "new_received", "713000074", (71, 3, 0, 0, 0, 0, 74)),
    ("二、上年结转政府信息公开申请数量", "carried_over", "1000001", (1, 0, 0, 0, 0, 0, 1)),
    ("（一）予以公开", "granted", "210000021", (21, 0, 0, 0, 0, 0, 21)),
    ("（二）部分公开（…）", "partially_granted", "8100009", (8, 1, 0, 0, 0, 0, 9)),
    ("1.属于国家秘密", "denied_state_secret", "0000000", Z7),
    ("2.其他法律行政法规禁止公开", "denied_prohibited_by_law", "0000000", Z7),
    ("3.危及“三安全一稳定”", "denied_security_stability", "0000000", Z7),
    ("4.保护第三方合法权益", "denied_third_party_rights", "0000000", Z7),
    ("5.属于三类内部事务信息", "denied_internal_affairs", "1000001", (1, 0, 0, 0, 0, 0, 1)),
    ("6.属于四类过程性信息", "denied_process_info", "2000002", (2, 0, 0, 0, 0, 0, 2)),
    ("7.属于行政执法案卷", "denied_enforcement_file", "1000001", (1, 0, 0, 0, 0, 0, 1)),
    ("8.属于行政查询事项", "denied_administrative_query", "0000000", Z7),
    ("1.本机关不掌握相关政府信息", "unable_not_held", "370000037", (37, 0, 0, 0, 0, 0, 37)),
    ("2.没有现成信息需要另行制作", "unable_needs_creation", "0000000", Z7),
    ("3.补正后申请内容仍不明确", "unable_unclear_after_correction", "0000000", Z7),
    ("1.信访举报投诉类申请", "not_processed_petition", "0000000", Z7),
    ("2.重复申请", "not_processed_duplicate", "0000000", Z7),
    ("3.要求提供公开出版物", "not_processed_publication", "0000000", Z7),
    ("4.无正当理由大量反复申请", "not_processed_excessive", "0000000", Z7),
    ("5.要求行政机关确认或重新出具已获取信息", "not_processed_confirmation", "0000000", Z7),
    ("1.申请人无正当理由逾期不补正…", "other_no_correction", "2000002", (2, 0, 0, 0, 0, 0, 2)),
    ("2.申请人逾期未按收费通知要求缴纳费用…", "other_fee_unpaid", "0000000", Z7),
    ("3.其他", "other_misc", "0200002", (0, 2, 0, 0, 0, 0, 2)),
    ("（七）总计", "results_total", "723000075", (72, 3, 0, 0, 0, 0, 75)),
    ("四、结转下年度继续办理", "carried_forward", "0000000", Z7),
]


@pytest.mark.parametrize(
    ("label", "row", "text", "expected"), PINGTAN_TABLE3, ids=[r[1] for r in PINGTAN_TABLE3]
)
def test_pingtan_table3_row_alone(
    label: str, row: str, text: str, expected: tuple[int, ...]
) -> None:
    """Each run-together row of pingtan's 表三 has one split under its 总计 alone."""
    solved = split_digits(text, 7, sums=ROW)
    assert (solved.count, solved.unique) == (1, expected), label


def test_pingtan_table3_whole() -> None:
    """The whole of pingtan's 表三, solved as a table, gives every one of its 175 cells."""
    lines = [row_line(TABLE3, row, Digits(text)) for _, row, text, _ in PINGTAN_TABLE3]
    solved = solve_table(lines, SPEC.sums)
    expected = {
        f"applications.{row}.{column.id}": value
        for _, row, _, values in PINGTAN_TABLE3
        for column, value in zip(TABLE3.row(row).columns, values, strict=True)
    }
    assert solved.cross_sums_used
    assert solved.unresolved == ()
    assert {p: c.value for p, c in solved.cells.items()} == expected


def test_pingtan_table2() -> None:
    """表二 has no sums: ``规章000`` splits one way, ``行政规范性文件8855698`` many.

    The page reads ``规章000行政规范性文件8855698``; 88/55/698 is the truth (the narrative
    says 698 in force and 88 issued), but nothing in the table says so, so the row stays
    blank with its candidates, the truth among them.
    """
    assert split_digits("000", 3).unique == (0, 0, 0)
    documents = split_digits("8855698", 3)
    assert documents.unique is None
    assert documents.count == 2
    assert (88, 55, 698) in documents.candidates
    assert len(documents.candidates) == 15  # every split of 7 digits into 3: C(6, 2)
    assert [c.resolved for c in documents.cells] == [False, False, False]
    for text, value in [("10690", 10690), ("2113", 2113), ("0", 0)]:
        assert split_digits(text, 1).unique == (value,)


def test_pingtan_table4() -> None:
    """表四's 15 cells: space-separated on the page, and run together they still split."""
    expected = (0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0)
    printed = ["0", "1", "1", "0", "2", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"]
    assert solve_line(Tokens(tuple(printed)), 15, sums=TABLE4_SUMS).unique == expected
    assert split_digits("".join(printed), 15, sums=TABLE4_SUMS).unique == expected


# ---------------------------------------------------------------------------
# putian-cgj-2021.txt: every node equal to the one before it dropped; labels reset it

PUTIAN = [
    # (table, row ids, the surviving numbers after the label, the row's cells)
    (TABLE2, ["rules"], (0,), (0, 0, 0)),
    (TABLE2, ["normative_documents"], (1, 0, 1), (1, 0, 1)),
    (TABLE2, ["administrative_licensing"], (74,), (74,)),
    (TABLE2, ["administrative_penalty"], (11,), (11,)),
    (TABLE2, ["administrative_coercion"], (2,), (2,)),
    (TABLE3, ["new_received"], (1, 0, 1), (1, 0, 0, 0, 0, 0, 1)),
    *(
        (TABLE3, [row.id], (0,), Z7)
        for row in TABLE3.rows
        if row.id not in {"new_received", "unable_not_held", "results_total"}
    ),
    (TABLE3, ["unable_not_held"], (1, 0, 1), (1, 0, 0, 0, 0, 0, 1)),
    (TABLE3, ["results_total"], (1, 0, 1), (1, 0, 0, 0, 0, 0, 1)),
    (TABLE4, TABLE4_ROWS, (0,), (0,) * 15),
]


@pytest.mark.parametrize(
    ("table", "rows", "runs", "expected"), PUTIAN, ids=["+".join(r[1]) for r in PUTIAN]
)
def test_putian_row_alone(
    table: TableSpec, rows: list[str], runs: tuple[int, ...], expected: tuple[int, ...]
) -> None:
    """Each collapsed putian row expands one way under its own sums."""
    line = row_line(table, rows, Runs(runs))
    solved = solve_line(line.observation, len(line.paths), sums=line_sums(line.paths, SPEC.sums))
    assert solved.unique == expected


def test_putian_tables() -> None:
    """Putian's three tables, solved as tables: every cell back, none left open."""
    for table in (TABLE2, TABLE3, TABLE4):
        cases = [c for c in PUTIAN if c[0] is table]
        lines = [row_line(table, rows, Runs(runs)) for _, rows, runs, _ in cases]
        solved = solve_table(lines, SPEC.sums)
        values = tuple(v for _, _, _, cells in cases for v in cells)
        assert tuple(solved.cells[p].value for line in lines for p in line.paths) == values
        assert solved.unresolved == ()


def test_putian_needs_the_sum() -> None:
    """Without the 总计 column, ``1 0 1`` over seven cells could be many rows."""
    alone = expand_runs([1, 0, 1], 7)
    assert alone.count == 2
    assert len(alone.candidates) == 15  # the 0-run takes 1–5 cells, the 1-runs the rest
    assert expand_runs([1, 0, 1], 7, sums=ROW).unique == (1, 0, 0, 0, 0, 0, 1)


# ---------------------------------------------------------------------------
# huaian-2024: a big city's real 表三, flattened the way pingtan's page flattens

HUAIAN_TABLE3 = {
    "new_received": (3001, 53, 0, 0, 61, 4, 3119),
    "carried_over": (34, 0, 0, 0, 0, 0, 34),
    "granted": (1288, 21, 0, 0, 50, 3, 1362),
    "partially_granted": (447, 7, 0, 0, 0, 0, 454),
    "denied_state_secret": (2, 0, 0, 0, 0, 0, 2),
    "denied_prohibited_by_law": (30, 1, 0, 0, 0, 0, 31),
    "denied_security_stability": (5, 0, 0, 0, 0, 0, 5),
    "denied_third_party_rights": (6, 0, 0, 0, 0, 0, 6),
    "denied_internal_affairs": (7, 1, 0, 0, 0, 0, 8),
    "denied_process_info": (12, 0, 0, 0, 0, 0, 12),
    "denied_enforcement_file": (9, 0, 0, 0, 0, 0, 9),
    "denied_administrative_query": (105, 0, 0, 0, 0, 0, 105),
    "unable_not_held": (746, 12, 0, 0, 10, 1, 769),
    "unable_needs_creation": (11, 0, 0, 0, 0, 0, 11),
    "unable_unclear_after_correction": (1, 0, 0, 0, 0, 0, 1),
    "not_processed_petition": (56, 6, 0, 0, 0, 0, 62),
    "not_processed_duplicate": (25, 0, 0, 0, 0, 0, 25),
    "not_processed_publication": (0, 0, 0, 0, 0, 0, 0),
    "not_processed_excessive": (0, 0, 0, 0, 0, 0, 0),
    "not_processed_confirmation": (1, 0, 0, 0, 0, 0, 1),
    "other_no_correction": (67, 3, 0, 0, 1, 0, 71),
    "other_fee_unpaid": (6, 0, 0, 0, 0, 0, 6),
    "other_misc": (108, 2, 0, 0, 0, 0, 110),
    "results_total": (2932, 53, 0, 0, 61, 4, 3050),
    "carried_forward": (103, 0, 0, 0, 0, 0, 103),
}


def _flat(values: tuple[int, ...]) -> Digits:
    return Digits("".join(map(str, values)))


def test_huaian_flattened_needs_the_columns() -> None:
    """One huaian row splits two ways alone; the column sums of the table settle it."""
    alone = split_digits("110000011", 7, sums=ROW)
    assert alone.candidates == ((1, 10, 0, 0, 0, 0, 11), (11, 0, 0, 0, 0, 0, 11))
    cells = alone.cells
    assert cells[6] == CellSolution(value=11, resolved=True)
    assert cells[0] == CellSolution(value=None, resolved=False, candidates=(1, 11))
    lines = [row_line(TABLE3, row, _flat(values)) for row, values in HUAIAN_TABLE3.items()]
    solved = solve_table(lines, SPEC.sums)
    assert solved.cross_sums_used
    assert solved.unresolved == ()
    for row, values in HUAIAN_TABLE3.items():
        assert tuple(solved.value(p) for p in row_line(TABLE3, row, Exact(())).paths) == values


# ---------------------------------------------------------------------------
# The named forms


def test_split_digits_leading_zeros() -> None:
    """A cell never starts with 0 unless it is 0: ``0200002`` is 0, 2, 0, 0, 0, 0, 2."""
    assert split_digits("0200002", 7, sums=ROW).unique == (0, 2, 0, 0, 0, 0, 2)
    assert split_digits("1005", 2).candidates == ((100, 5),)
    assert split_digits("10", 3).note == "2 digits for 3 cells"


@pytest.mark.parametrize("text", ["①②", "1²", "１²", "⑫3"])
def test_split_digits_reads_only_digits(text: str) -> None:
    """Superscript and circled digits are not a run of digits (NFKC would make them one)."""
    assert split_digits(text, 2).note == "not a run of digits"
    assert split_digits("１２", 2).unique == (1, 2)


def test_split_digits_without_a_sum_is_ambiguous() -> None:
    """A sum-free row of more digits than cells has several splits; the row stays open."""
    solved = split_digits("123", 2)
    assert solved.candidates == ((1, 23), (12, 3))
    assert solved.unique is None
    assert solved.examples == ((1, 23), (12, 3))


def test_split_digits_limit() -> None:
    """Past ``limit`` readings the search stops and says "more" (count 2, incomplete)."""
    solved = split_digits("123456789", 4, limit=5)
    assert len(solved.candidates) == 5
    assert not solved.complete
    assert solved.count == 2
    assert all(not c.resolved for c in solved.cells)


def test_expand_runs_previous() -> None:
    """A line after a number (no label between) may have lost its first cells too."""
    assert expand_runs([2], 3, previous=2).unique == (2, 2, 2)
    assert expand_runs([], 7, previous=0, sums=ROW).unique == Z7
    # 0 before a row 0, 3, 3: the crawler kept only 3
    assert expand_runs([3], 3, previous=0).candidates == ((0, 0, 3), (0, 3, 3), (3, 3, 3))
    assert expand_runs([3], 3, previous=0, sums=[Sum.row(3)]).candidates == ((0, 3, 3),)


def test_expand_runs_equal_neighbours_merge() -> None:
    """Equal adjacent numbers cannot both survive the crawler; they are read as one run."""
    assert expand_runs([0, 0], 7, sums=ROW).unique == Z7


def test_expand_runs_more_runs_than_cells() -> None:
    """More surviving numbers than cells cannot be a collapsed row."""
    assert expand_runs([1, 2, 3, 4], 3).note == "4 runs for 3 cells"


def test_expand_runs_total_first() -> None:
    """A total printed before its parts bounds every part that follows it."""
    first = [Sum(0, (1, 2, 3))]
    assert expand_runs([3, 1], 4, sums=first).unique == (3, 1, 1, 1)
    assert expand_runs([5, 1], 4, sums=first).count == 0
    assert expand_runs([2, 5], 3, sums=[Sum(0, (1, 2))]).count == 0
    assert expand_runs([4, 1, 3], 3, sums=[Sum(0, (1, 2))]).unique == (4, 1, 3)


def test_join_split() -> None:
    """A number broken across lines is joined back only where the sums allow one way."""
    tokens = ["1", "60", "0", "0", "0", "0", "0", "160"]
    assert join_split(tokens, 7, sums=ROW).unique == (160, 0, 0, 0, 0, 0, 160)
    assert join_split(["1", "0", "5"], 2).candidates == ((10, 5),)  # never "05"
    assert join_split(["1", "2", "3", "4", "10"], 4, sums=[Sum.row(4)]).unique is None


def test_fill_missing() -> None:
    """Left-out blank cells: a placement is kept when some non-negative filling balances it."""
    solved = fill_missing(["5", "3", "0", "0", "0", "2"], 7, sums=ROW)
    assert solved.unique == (5, 3, 0, 0, 0, 2, None)
    assert solved.cells[6] == CellSolution(value=None, resolved=True)
    open_row = fill_missing(["3", "0", "0", "0", "0", "3"], 7, sums=ROW)
    assert open_row.count == 2
    # the total may be the blank one (3 0 0 0 0 3 _), or any of the first six
    assert open_row.cells[6] == CellSolution(value=None, resolved=False, candidates=(None, 3))
    assert fill_missing([], 7, sums=ROW).unique == (None,) * 7


def test_fill_missing_blank_inside_the_row() -> None:
    """A blank among the parts stands for any count: the 总计 is not held to the text.

    ``3 0 0 0 0 5`` for seven cells: the blank may be any 法人 column (standing for 2), or
    the 总计 itself; nothing says which, so nothing but the agreed cells is given.
    """
    solved = fill_missing(["3", "0", "0", "0", "0", "5"], 7, sums=ROW)
    assert (3, None, 0, 0, 0, 0, 5) in solved.candidates
    assert (3, 0, 0, 0, 0, 5, None) in solved.candidates
    assert solved.unique is None
    assert [c.resolved for c in solved.cells] == [False] * 7


def test_exact_keeps_the_text() -> None:
    """Exact cells are facts, even when they break the sum (the validator reports that)."""
    assert solve_line(Exact((1, 1, 0, 0, 0, 0, 5)), 7, sums=ROW).unique == (1, 1, 0, 0, 0, 0, 5)
    assert solve_line(Tokens(("1", "2")), 2).unique == (1, 2)


def test_digits_that_break_the_sum_have_no_reading() -> None:
    """Run-together digits whose every split breaks the 总计 give nothing, with a note."""
    solved = split_digits("1000002", 7, sums=ROW)
    assert solved.count == 0
    assert solved.note == "no reading of the text satisfies the sums"


def test_sums_with_a_minus_part() -> None:
    """A sum may subtract (APP-BALANCE): a line through four rows of one column."""
    # new + carried - results = forward, cells in that order
    balance = Sum(3, (0, 1), (2,))
    assert split_digits("10275", 4).count == 2
    assert split_digits("10275", 4, sums=[balance]).unique == (10, 2, 7, 5)
    assert split_digits("12310", 4, sums=[balance]).count == 0


def test_line_sums_from_the_declarations() -> None:
    """A line's sums come from the declarations: table 4's line holds its three totals."""
    line = row_line(TABLE4, TABLE4_ROWS, Digits(""))
    assert line_sums(line.paths, SPEC.sums) == tuple(TABLE4_SUMS)
    assert line_sums(row_line(TABLE2, "rules", Digits("")).paths, SPEC.sums) == ()


# ---------------------------------------------------------------------------
# The table pass


def _table3(rows: dict[str, Observation]) -> list[Line]:
    """Table 3 of zeros printed exactly, but for ``rows``."""
    observed: dict[str, Observation] = {r.id: Exact(Z7) for r in TABLE3.rows}
    observed.update(rows)
    return [row_line(TABLE3, row, observation) for row, observation in observed.items()]


def test_table_pass_settles_an_ambiguous_row() -> None:
    """``110000011`` splits two ways; 新收 and （七）总计 printed exactly settle which."""
    lines = _table3(
        {
            "new_received": Exact((11, 0, 0, 0, 0, 0, 11)),
            "granted": Digits("110000011"),
            "results_total": Exact((11, 0, 0, 0, 0, 0, 11)),
        }
    )
    solved = solve_table(lines, SPEC.sums)
    assert solved.cross_sums_used
    assert solved.value("applications.granted.natural_person") == 11
    assert solved.lines[2].unique == (11, 0, 0, 0, 0, 0, 11)


def test_table_pass_leaves_what_stays_ambiguous() -> None:
    """Two rows splitting the same two ways, one total: the two rows stay open."""
    lines = _table3(
        {
            "new_received": Exact((12, 10, 0, 0, 0, 0, 22)),
            "granted": Digits("110000011"),
            "partially_granted": Digits("110000011"),
            "results_total": Exact((12, 10, 0, 0, 0, 0, 22)),
        }
    )
    solved = solve_table(lines, SPEC.sums)
    assert solved.cross_sums_used
    assert solved.value("applications.granted.natural_person") is None
    assert solved.cells["applications.granted.natural_person"].candidates == (1, 11)
    assert solved.value("applications.granted.total") == 11
    assert set(solved.unresolved) == {
        f"applications.{row}.{column}"
        for row in ("granted", "partially_granted")
        for column in ("natural_person", "commercial_enterprise")
    }


def test_table_pass_pins_a_line_too_ambiguous_to_list() -> None:
    """A line with more readings than ``limit`` is solved again with the columns' values."""
    granted = Digits("1111100023")  # six splits under its 总计
    alone = solve_line(granted, 7, sums=ROW, limit=2)
    assert not alone.complete
    assert len(solve_line(granted, 7, sums=ROW).candidates) == 6
    truth = (11, 1, 11, 0, 0, 0, 23)
    lines = _table3(
        {"new_received": Exact(truth), "granted": granted, "results_total": Exact(truth)}
    )
    solved = solve_table(lines, SPEC.sums, limit=2)
    assert solved.cross_sums_used
    assert solved.lines[2].unique == truth
    assert solved.unresolved == ()


def test_table_pass_sets_contradicting_sums_aside() -> None:
    """A report breaking its column sums: they are set aside, each row stands alone."""
    lines = _table3(
        {
            "new_received": Exact((11, 0, 0, 0, 0, 0, 11)),
            "granted": Digits("110000011"),
            "results_total": Exact((12, 0, 0, 0, 0, 0, 12)),
        }
    )
    solved = solve_table(lines, SPEC.sums)
    assert not solved.cross_sums_used
    assert solved.conflict.startswith("APP-")
    assert solved.value("applications.granted.natural_person") is None
    assert solved.value("applications.granted.total") == 11
    assert solved.value("applications.results_total.total") == 12


def test_table_pass_doubts_a_reading_made_under_a_broken_sum() -> None:
    """A collapsed row whose own 总计 is a typo reads wrong; the columns expose it.

    The report prints 予以公开 as 1, 0, 0, 0, 0, 0, 2 (the total should be 1): the crawler
    keeps ``1 0 2``, whose only reading under the total is 1, 1, 0, 0, 0, 0, 2. The
    commercial column then cannot balance; freeing that row balances everything, so what
    its reading took from the sums is withheld, and what the text alone settles is kept.
    """
    truth = (1, 0, 0, 0, 0, 0, 1)
    lines = _table3(
        {"new_received": Exact(truth), "granted": Runs((1, 0, 2)), "results_total": Exact(truth)}
    )
    assert solve_line(Runs((1, 0, 2)), 7, sums=ROW).unique == (1, 1, 0, 0, 0, 0, 2)
    solved = solve_table(lines, SPEC.sums)
    assert not solved.cross_sums_used
    commercial = "applications.granted.commercial_enterprise"
    assert commercial in solved.doubted
    assert solved.cells[commercial] == CellSolution(value=None, resolved=False, candidates=(1,))
    assert solved.value("applications.granted.natural_person") == 1
    assert solved.value("applications.granted.total") == 2
    assert solved.value("applications.new_received.commercial_enterprise") == 0


def test_table_pass_finds_settled_cells_that_break_a_sum() -> None:
    """Every cell of a column settled and the column not adding up: the sums step aside."""
    lines = _table3(
        {
            "granted": Digits("2000002"),
            "partially_granted": Exact((1, 0, 0, 0, 0, 0, 1)),
        }
    )
    solved = solve_table(lines, SPEC.sums)
    assert not solved.cross_sums_used
    assert "break it" in solved.conflict
    assert solved.value("applications.granted.total") == 2


def test_table_pass_within_its_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the search for one consistent table runs out of budget, the sums step aside."""
    lines = _table3(
        {
            "new_received": Exact((12, 10, 0, 0, 0, 0, 22)),
            "granted": Digits("110000011"),
            "partially_granted": Digits("110000011"),
            "results_total": Exact((12, 10, 0, 0, 0, 0, 22)),
        }
    )
    monkeypatch.setattr(align.tables, "_WITNESS_BUDGET", 1)
    solved = solve_table(lines, SPEC.sums)
    assert not solved.cross_sums_used
    assert "budget" in solved.conflict
    assert solved.value("applications.granted.total") == 11


def test_table_pass_with_blank_cells() -> None:
    """Blank cells leave the sums through them unchecked rather than failing them."""
    lines = _table3(
        {
            "new_received": Exact((11, None, None, None, None, None, 11)),
            "granted": Digits("110000011"),
            "results_total": Exact((11, 0, 0, 0, 0, 0, 11)),
        }
    )
    solved = solve_table(lines, SPEC.sums)
    assert solved.value("applications.new_received.commercial_enterprise") is None
    assert solved.cells["applications.new_received.commercial_enterprise"].resolved
    assert solved.value("applications.granted.natural_person") == 11


def test_table_pass_skips_sums_of_missing_rows() -> None:
    """Rows the text lacks leave their sums out; the lines present are still solved."""
    lines = [row_line(TABLE3, "granted", Digits("110000011"))]
    solved = solve_table(lines, SPEC.sums)
    assert not solved.cross_sums_used
    assert solved.conflict == ""
    assert solved.value("applications.granted.total") == 11


def test_table_pass_rejects_a_path_twice() -> None:
    """A cell in two lines is the caller's mistake."""
    line = row_line(TABLE3, "granted", Digits("0000000"))
    with pytest.raises(ValueError, match="appears in two lines"):
        solve_table([line, line], SPEC.sums)


# ---------------------------------------------------------------------------
# Adversarial input


def test_ambiguous_rows_give_candidates() -> None:
    """An ambiguous row gives no values and at least two candidates to report."""
    for solved in (
        split_digits("110000011", 7, sums=ROW),
        expand_runs([0, 1, 0, 2], 7, sums=ROW),
        join_split(["1", "1", "0", "0", "0", "0", "0", "1", "1"], 7, sums=ROW),
        fill_missing(["1", "1"], 7, sums=ROW),
    ):
        assert solved.unique is None
        assert solved.count == 2
        assert len(solved.candidates) >= 2
        assert not all(c.resolved for c in solved.cells)


@pytest.mark.parametrize("width", [1, 3, 7, 15])
def test_long_digit_strings_return_at_once(width: int) -> None:
    """2,000 digits are rejected before any search (more than width × 9 digits)."""
    start = time.perf_counter()
    solved = split_digits("1" * 2000, width, sums=[Sum.row(width)] if width > 1 else [])
    assert time.perf_counter() - start < 0.05
    assert solved.count == 0
    assert "exceed" in solved.note


def test_the_longest_accepted_rows_finish() -> None:
    """Rows just within the bound, the hardest kind (no zeros), finish in bounded time."""
    start = time.perf_counter()
    for length in (20, 30, 40, 50, 63):
        for digit in "19":
            split_digits(digit * length, 7, sums=ROW)
        split_digits("1234567890" * (length // 10), 7, sums=ROW)
    assert time.perf_counter() - start < 5


def test_too_wide_a_line_is_refused() -> None:
    """A line wider than any the format has is refused before any search."""
    assert "more than a line may have" in split_digits("0" * 300, 300).note


def test_a_search_past_its_budget_gives_up() -> None:
    """A whole collapsed 表三 read as one line, every sum open at once, gives up quickly.

    Its column sums keep seven running totals open across 175 cells; the search stops at
    its budget and says so, leaving every cell open, instead of running for minutes.
    """
    grid = align_tables.table3(random.Random(3).randint)
    rows = list(grid)
    collapsed = align_tables.collapse([v for row in rows for v in grid[row]])
    line = row_line(TABLE3, rows, Runs(collapsed))
    start = time.perf_counter()
    solved = solve_line(line.observation, 175, sums=line_sums(line.paths, SPEC.sums))
    assert time.perf_counter() - start < 2
    assert solved.note.startswith("gave up")
    assert solved.count == 2
    assert not solved.complete


@pytest.mark.parametrize(
    "observation",
    [
        Digits(""),
        Digits("abc"),
        Digits("12a4"),
        Digits("😀"),
        Digits("-1000001"),
        Digits(None),  # type: ignore[arg-type]
        Runs(()),
        Runs((-1, 0)),
        Runs((1.5,)),  # type: ignore[arg-type]
        Runs(("1",)),  # type: ignore[arg-type]
        Runs((1,), previous=-3),
        Runs((True,)),
        Tokens(("1", "")),
        Tokens(("x",)),
        Tokens(("01", "2")),
        Tokens("123"),  # type: ignore[arg-type]
        Tokens(("9" * 80,)),
        Exact((1, 2)),
        Exact((1, -2, 3, 4, 5, 6, 7)),
        Exact(("1", 2, 3, 4, 5, 6, 7)),  # type: ignore[arg-type]
    ],
)
def test_junk_gives_no_reading_and_no_exception(observation: object) -> None:
    """Junk text yields no reading (with a note), never an exception."""
    solved = solve_line(observation, 7, sums=ROW)  # type: ignore[arg-type]
    assert isinstance(solved, Solutions)
    assert solved.count == 0
    assert solved.note


def test_full_width_digits_are_read() -> None:
    """Full-width digits (NFKC) are digits: ``７１３０００００７４``."""
    assert split_digits("７１３００００７４", 7, sums=ROW).unique == (71, 3, 0, 0, 0, 0, 74)


@pytest.mark.parametrize("width", [0, -1, 1.5])
def test_bad_width_raises(width: object) -> None:
    """A width that is not a positive int is the caller's mistake."""
    with pytest.raises(ValueError, match="width"):
        split_digits("1", width)  # type: ignore[arg-type]


def test_bad_limit_and_sums_raise() -> None:
    """A limit below 2 or a sum naming a cell outside the line is the caller's mistake."""
    with pytest.raises(ValueError, match="limit"):
        split_digits("1", 1, limit=1)
    with pytest.raises(ValueError, match="outside"):
        split_digits("12", 2, sums=[Sum(2, (0, 1))])


def test_limit_default() -> None:
    """The default keeps enough readings for the table pass to filter."""
    assert LIMIT >= 16


def test_a_short_label_does_not_claim_a_longer_one() -> None:
    """A short key does not claim a longer label; a garbled label names its one close row.

    3.其他 does not name "2.其他法律行政止公开" (PDF text that lost 法规禁).
    """
    from govdisclosure._format import FormatVersion, format_spec
    from govdisclosure._parse.recognise.tables import Matcher

    spec = format_spec(FormatVersion.V2021).tables[1]
    matcher = Matcher(spec)
    ids = [row.id for row in spec.rows]
    assert ids[matcher.match("2.其他法律行政止公开") or 0] == "denied_prohibited_by_law"
    assert ids[matcher.match("3.其他") or 0] == "other_misc"
    assert ids[matcher.match("其他法律行政") or 0] == "denied_prohibited_by_law"  # in one key
    assert matcher.match("属于某某类信息的申请") is None


def test_digits_with_blanks_weigh_the_readings_that_leave_cells_empty() -> None:
    """``0000044`` is 0,0,0,0,0,4,4 only if no cell is blank; with blanks it is open."""
    assert solve_line(Digits("0000044"), 7, sums=[Sum.row(7)]).unique == (0, 0, 0, 0, 0, 4, 4)
    open_ = solve_line(Digits("0000044", blanks=True), 7, sums=[Sum.row(7)])
    assert open_.unique is None
    assert (None, 0, 0, 0, 0, 0, 44) in open_.candidates
    assert (0, 0, 0, 0, 0, 4, 4) in open_.candidates


def test_joined_tokens_may_be_pieces_of_one_number_or_leave_cells_blank() -> None:
    """Seven tokens are seven cells only when nothing shows numbers were broken."""
    tokens = ("8", "35", "2", "1", "8", "21", "59")
    assert solve_line(Tokens(tokens), 7, sums=[Sum.row(7)]).unique is not None
    joined = solve_line(Tokens(tokens, joined=True), 7, sums=[Sum.row(7)])
    # 8|21 is 821 and 8|59 is 859 … but the plain reading breaks the row's sum.
    assert (8, 35, 2, 1, 8, 21, 59) not in joined.candidates
    assert joined.unique is None
    # A leading zero is the end of a broken number: 3|001 and 3|119.
    broken = solve_line(Tokens(("3", "001", "0", "0", "0", "0", "0", "3", "001"), joined=True), 7)
    assert all(reading[0] != 3 for reading in broken.candidates)
