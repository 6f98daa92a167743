"""Aligning numbers that lost their cell boundaries (the recogniser's align module).

- a whole 表三 of 25 run-together rows (pingtan-2022-flat.txt, as the page prints it)
  solves in well under 10 ms, rows and column sums together;
- so does a big city's 表三 flattened the same way (huaian-2024, numbers in the
  thousands, one row that only the column sums settle);
- putian's three collapsed tables; a 40-digit row with no zeros (the hardest kind the
  digit bound admits) stays bounded.

The baseline enumerates every split of each huaian row and keeps those that add up: the
work the dynamic programme avoids.
"""

from __future__ import annotations

import itertools

from _harness import Comparison
from govdisclosure._format import FormatVersion, format_spec
from govdisclosure._parse.recognise.align import Digits, Line, Runs, Sum, row_line, solve_table
from govdisclosure._parse.recognise.align import split_digits as split

SPEC = format_spec(FormatVersion.V2021)
TABLE2, TABLE3, TABLE4 = SPEC.tables

PINGTAN = [
    "713000074",
    "1000001",
    "210000021",
    "8100009",
    "0000000",
    "0000000",
    "0000000",
    "0000000",
    "1000001",
    "2000002",
    "1000001",
    "0000000",
    "370000037",
    "0000000",
    "0000000",
    "0000000",
    "0000000",
    "0000000",
    "0000000",
    "0000000",
    "2000002",
    "0000000",
    "0200002",
    "723000075",
    "0000000",
]

HUAIAN = [
    "300153006143119",
    "340000034",
    "128821005031362",
    "44770000454",
    "2000002",
    "301000031",
    "5000005",
    "6000006",
    "7100008",
    "120000012",
    "9000009",
    "10500000105",
    "7461200101769",
    "110000011",
    "1000001",
    "566000062",
    "250000025",
    "0000000",
    "0000000",
    "1000001",
    "673001071",
    "6000006",
    "10820000110",
    "293253006143050",
    "10300000103",
]


def _table3(rows: list[str]) -> list[Line]:
    return [row_line(TABLE3, r.id, Digits(text)) for r, text in zip(TABLE3.rows, rows, strict=True)]


def _putian() -> list[list[Line]]:
    zero = Runs((0,))
    t2 = [
        row_line(TABLE2, "rules", zero),
        row_line(TABLE2, "normative_documents", Runs((1, 0, 1))),
    ]
    one = {"new_received", "unable_not_held", "results_total"}
    t3 = [row_line(TABLE3, r.id, Runs((1, 0, 1)) if r.id in one else zero) for r in TABLE3.rows]
    t4 = [row_line(TABLE4, [r.id for r in TABLE4.rows], zero)]
    return [t2, t3, t4]


def _every_split(text: str, width: int) -> list[tuple[int, ...]]:
    """All splits into ``width`` cells without leading zeros whose last cell is the total."""
    found = []
    for cuts in itertools.combinations(range(1, len(text)), width - 1):
        bounds = (0, *cuts, len(text))
        pieces = [text[a:b] for a, b in itertools.pairwise(bounds)]
        if any(len(p) > 1 and p[0] == "0" for p in pieces):
            continue
        values = tuple(map(int, pieces))
        if sum(values[:-1]) == values[-1]:
            found.append(values)
    return found


def comparisons() -> list[Comparison]:
    """The align figures: whole tables in milliseconds, the worst row bounded."""
    pingtan, huaian, putian = _table3(PINGTAN), _table3(HUAIAN), _putian()
    hard = "1234567891" * 4
    return [
        Comparison(
            name="align 表三, 25 run-together rows (pingtan)",
            ours=lambda: solve_table(pingtan, SPEC.sums),
            max_seconds=0.010,
            unit=25,
        ),
        Comparison(
            name="align 表三, 25 run-together rows (huaian, flattened)",
            ours=lambda: solve_table(huaian, SPEC.sums),
            baseline_name="enumerate every split of each row",
            baseline=lambda: [_every_split(text, 7) for text in HUAIAN],
            max_seconds=0.010,
            unit=25,
        ),
        Comparison(
            name="align putian's three collapsed tables",
            ours=lambda: [solve_table(lines, SPEC.sums) for lines in putian],
            max_seconds=0.010,
        ),
        Comparison(
            name="split a 40-digit row with no zeros",
            ours=lambda: split(hard, 7, sums=[Sum.row(7)]),
            max_seconds=0.200,
        ),
    ]
