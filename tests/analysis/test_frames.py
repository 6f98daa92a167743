"""Tests of the data frames: columns and dtypes, both shapes, parse results, status, memory."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import govdisclosure as gd
from strategies import reports

pd = pytest.importorskip("pandas")

CORPUS = Path(__file__).parent.parent / "data" / "corpus"
IDENTITY = [
    "agency", "year", "format_version", "agency_level", "published_on", "title", "source",
    "doubts",
]  # fmt: skip
CELLS = ["path", "section", "row", "column", "label", "value", "unit", "status"]
FEE = "other_matters.information_fee_yuan"
FEE_10K = "proactive_disclosure.administrative_fees.amount_10k_yuan"
PROCUREMENT = "proactive_disclosure.central_procurement.amount"
PROCUREMENT_UNIT = "proactive_disclosure.central_procurement.amount_unit"


def _sample() -> gd.AnnualReport:
    report = gd.examples.load("qijiang-psb-2023")
    meta = attrs.evolve(report.meta, published_on=dt.date(2024, 1, 20), source="q.json")
    other = attrs.evolve(report.other_matters, information_fee_yuan=Decimal("12.5"))
    return attrs.evolve(report, meta=meta, other_matters=other)


def _old(unit: str | None = "万元", agency: str = "旧局") -> gd.AnnualReport:
    """A 2019-format report with a few cells, a procurement amount and its unit."""
    report = gd.AnnualReport.blank(agency=agency, year=2020, agency_level="government")
    report = report.with_cells({"applications.new_received.total": 4, PROCUREMENT: Decimal("3.25")})
    proactive = report.proactive_disclosure
    procurement = attrs.evolve(proactive.central_procurement, amount_unit=unit)  # type: ignore[union-attr]
    return attrs.evolve(
        report, proactive_disclosure=attrs.evolve(proactive, central_procurement=procurement)
    )


def _dtypes(frame: Any) -> dict[str, str]:
    return {name: str(dtype) for name, dtype in frame.dtypes.items()}


def _parsed() -> list[gd.ParseResult]:
    published = (".txt", ".html", ".md")
    files = sorted(p for p in CORPUS.iterdir() if p.suffix in published and p.stem != "README")
    return [gd.parse_file(p) for p in files]


# ---------------------------------------------------------------------------
# Columns and dtypes


IDENTITY_DTYPES = {
    "agency": "category",
    "year": "int64",
    "format_version": "category",
    "agency_level": "category",
    "published_on": "datetime64[ns]",
    "title": "category",
    "source": "category",
    "doubts": "Int64",
}


def test_long_columns_and_dtypes() -> None:
    """The long frame: identity columns, then the cell's place, value, unit and status."""
    frame = gd.to_frame([_sample(), _old()])
    assert list(frame.columns) == IDENTITY + CELLS
    assert _dtypes(frame) == {
        **IDENTITY_DTYPES,
        **dict.fromkeys(
            ["path", "section", "row", "column", "label", "unit", "status"], "category"
        ),
        "value": "Float64",
    }
    for name in ("path", "section", "row", "column"):
        assert frame[name].cat.ordered, name
    assert not frame["label"].cat.ordered
    assert list(frame["status"].cat.categories) == ["value", "blank", "placeholder", "uncertain"]
    assert list(frame["format_version"].cat.categories) == ["2019", "2021"]
    assert list(frame["agency_level"].cat.categories) == ["department", "government"]


def test_wide_columns_and_dtypes() -> None:
    """The wide frame: counts Int64, money Float64, the 2019 unit a category."""
    frame = gd.to_frame([_sample(), _old()], shape="wide")
    dtypes = _dtypes(frame)
    assert list(frame.columns[:8]) == IDENTITY
    assert {k: dtypes[k] for k in IDENTITY} == IDENTITY_DTYPES
    money = {FEE_10K, PROCUREMENT, FEE}
    for path in frame.columns[8:]:
        expected = (
            "category" if path == PROCUREMENT_UNIT else "Float64" if path in money else "Int64"
        )
        assert dtypes[path] == expected, path


def test_decimal_money_is_exact() -> None:
    """money="decimal" keeps the Decimals (object columns); counts stay Int64."""
    wide = gd.to_frame([_sample(), _old()], shape="wide", money="decimal")
    assert wide[FEE_10K].dtype == object
    assert wide[FEE_10K].tolist() == [Decimal(110), None]
    assert wide[FEE].tolist() == [Decimal("12.5"), None]
    assert str(wide["applications.new_received.total"].dtype) == "Int64"
    long = gd.to_frame([_sample()], money="decimal")
    assert long["value"].dtype == object
    values = dict(zip(long["path"], long["value"], strict=True))
    assert values[FEE_10K] == Decimal(110)
    assert values["applications.new_received.total"] == 1
    assert type(values["applications.new_received.total"]) is int


def test_identity_values() -> None:
    """Identity columns hold the report facts; dates are datetimes, blanks are missing."""
    wide = gd.to_frame([_sample(), _old()], shape="wide")
    first, second = wide.iloc[0], wide.iloc[1]
    assert (first["agency"], first["year"], first["format_version"]) == (
        "重庆市綦江区公安局",
        2023,
        "2021",
    )
    assert first["agency_level"] == "department"
    assert first["published_on"] == pd.Timestamp("2024-01-20")
    assert first["title"] == "重庆市綦江区公安局2023年政府信息公开工作年度报告"
    assert first["source"] == "q.json"
    assert first["doubts"] is pd.NA
    assert second["agency_level"] == "government"
    assert pd.isna(second["published_on"])
    assert pd.isna(second["title"])
    assert pd.isna(second["source"])


# ---------------------------------------------------------------------------
# Values


def test_wide_sums_by_year() -> None:
    """groupby("year").sum(numeric_only=True) works, and money sums as numbers."""
    sample = _sample()
    wide = gd.to_frame([sample, sample, _old()], shape="wide")
    sums = wide.groupby("year").sum(numeric_only=True)
    assert sums.loc[2023, FEE_10K] == 220.0
    assert sums.loc[2023, FEE] == 25.0
    assert sums.loc[2023, "applications.new_received.total"] == 2
    assert sums.loc[2020, "applications.new_received.total"] == 4
    assert str(sums[FEE_10K].dtype) == "Float64"
    assert str(sums["applications.new_received.total"].dtype) == "Int64"


def test_long_sums_by_unit() -> None:
    """The long frame's values sum as numbers, apart by unit."""
    frame = gd.to_frame([_sample(), _old()])
    sums = frame.groupby(["year", "unit"], observed=True)["value"].sum()
    assert str(sums.dtype) == "Float64"
    assert sums.loc[(2023, "万元")] == 110.0
    assert sums.loc[(2023, "元")] == 12.5
    assert sums.loc[(2020, "万元")] == 3.25
    expected = sum(v for p, v in _sample().cells() if not p.endswith("amount_10k_yuan") and v)
    assert sums.loc[(2023, "件")] == expected


def test_units_in_long_and_wide() -> None:
    """件 for counts, 万元 for table 2's fees, the stated unit of the 2019 amount, 元 for 六."""
    frame = gd.to_frame([_sample(), _old("元", "甲"), _old(None, "乙")])
    unit = {
        (a, p): u for a, p, u in zip(frame["agency"], frame["path"], frame["unit"], strict=True)
    }
    assert unit[("重庆市綦江区公安局", FEE_10K)] == "万元"
    assert unit[("重庆市綦江区公安局", FEE)] == "元"
    assert unit[("重庆市綦江区公安局", "applications.granted.total")] == "件"
    assert unit[("甲", PROCUREMENT)] == "元"
    assert pd.isna(unit[("乙", PROCUREMENT)])
    assert unit[("甲", "proactive_disclosure.administrative_fees.change")] == "件"
    wide = gd.to_frame([_old("元", "甲"), _old(None, "乙"), _old("万元", "丙")], shape="wide")
    assert wide[PROCUREMENT_UNIT].tolist()[0::2] == ["元", "万元"]
    assert pd.isna(wide[PROCUREMENT_UNIT].iloc[1])


def test_long_rows_follow_each_report() -> None:
    """Each report's cells in its format's order, then its fee of section 六."""
    sample, old = _sample(), _old()
    frame = gd.to_frame([sample, old])
    paths = frame["path"].tolist()
    assert paths == [
        *gd.cell_paths(gd.FormatVersion.V2021),
        FEE,
        *gd.cell_paths(gd.FormatVersion.V2019),
        FEE,
    ]
    fee = frame[frame["path"] == FEE]
    assert fee[["section", "row", "column"]].astype(str).iloc[0].tolist() == [
        "other_matters", "information_fee", "amount_yuan",
    ]  # fmt: skip
    assert fee["value"].tolist()[0] == 12.5
    assert frame.sort_values(["section", "row", "column"])["path"].iloc[0] == (
        "proactive_disclosure.rules.issued"
    )


def test_wide_one_format_holds_its_paths_only() -> None:
    """One format: its paths in its order; mixed: 2021's, then what 2019 adds."""
    v2021, v2019 = gd.FormatVersion.V2021, gd.FormatVersion.V2019
    only_2021 = gd.to_frame([_sample()], shape="wide")
    assert list(only_2021.columns[8:]) == [*gd.cell_paths(v2021), FEE]
    only_2019 = gd.to_frame([_old()], shape="wide")
    paths_2019 = list(gd.cell_paths(v2019))
    paths_2019.insert(paths_2019.index(PROCUREMENT) + 1, PROCUREMENT_UNIT)
    assert list(only_2019.columns[8:]) == [*paths_2019, FEE]
    mixed = gd.to_frame([_old(), _sample()], shape="wide")
    own_2019 = [p for p in paths_2019 if p not in gd.cell_paths(v2021)]
    assert list(mixed.columns[8:]) == [*gd.cell_paths(v2021), *own_2019, FEE]
    assert list(mixed["agency"]) == ["旧局", "重庆市綦江区公安局"]
    assert mixed.loc[0, "applications.new_received.total"] == 4
    assert mixed.loc[1, "applications.new_received.total"] == 1
    assert mixed.loc[0, "applications.other_no_correction.total"] is pd.NA
    assert mixed.loc[1, "applications.other_processing.total"] is pd.NA


def test_empty() -> None:
    """No reports: the columns and their dtypes, no rows."""
    long = gd.to_frame([])
    assert list(long.columns) == IDENTITY + CELLS
    assert len(long) == 0
    assert str(long["value"].dtype) == "Float64"
    wide = gd.to_frame([], shape="wide")
    assert list(wide.columns) == [*IDENTITY, FEE]


# pandas 2.x warns that concat will one day stop ignoring all-NA columns (a frame of reports
# has no `doubts`) when it picks the result's dtype; both frames' dtypes are the same
# nullable ones, so the result is the same either way.
@pytest.mark.filterwarnings(
    "ignore:The behavior of DataFrame concatenation with empty or all-NA entries:FutureWarning"
)
def test_frames_concatenate_keeping_categories() -> None:
    """Frames built apart share their categories, so concat keeps them categorical."""
    one = gd.to_frame([_sample()])
    two = gd.to_frame([_old()])
    both = pd.concat([one, two], ignore_index=True)
    for name in ("path", "section", "row", "column", "label", "status", "format_version"):
        assert str(both[name].dtype) == "category", name


@settings(max_examples=25)
@given(reports())
def test_frames_hold_every_cell(report: gd.AnnualReport) -> None:
    """Any report: the wide row and long rows hold its values (or a count is too large)."""
    values = dict(report.cells())
    too_large = any(type(v) is int and not -(2**63) <= v < 2**63 for v in values.values())
    if too_large:
        with pytest.raises(gd.ReportDataError, match="too large"):
            gd.to_frame([report], shape="wide")
        return
    wide = gd.to_frame([report], shape="wide", money="decimal").iloc[0]
    for path, value in values.items():
        assert (value is None and pd.isna(wide[path])) or wide[path] == value, path
    long = gd.to_frame([report])
    assert len(long) == len(values) + 1
    blank = long["value"].isna().to_numpy()
    assert list(blank[:-1]) == [v is None for v in values.values()]
    assert (long["status"] == "blank").to_numpy().tolist() == blank.tolist()


# ---------------------------------------------------------------------------
# Parse results, status and read results


def test_parse_results_from_the_corpus() -> None:
    """Parse results give their source file and doubts; status follows their warnings."""
    results = _parsed()
    wide = gd.to_frame(results, shape="wide")
    assert list(wide["source"]) == [r.report.meta.source for r in results]
    doubts = [sum(w.code not in ("blank-cell", "placeholder") for w in r.warnings) for r in results]
    assert wide["doubts"].tolist() == doubts
    assert any(doubts)
    long = gd.to_frame(results)
    for result in results:
        rows = long[long["source"] == result.report.meta.source]
        status = dict(zip(rows["path"], rows["status"], strict=True))
        for warning in result.warnings:
            if warning.path in status:
                expected = {"blank-cell": "blank", "placeholder": "placeholder"}
                assert status[warning.path] == expected.get(warning.code, "uncertain")
        for path, value in result.report.cells():
            assert (status[path] == "value") == (
                value is not None and not any(w.path == path for w in result.warnings)
            )


def test_status_of_blank_placeholder_and_unread_cells() -> None:
    """value, blank (left empty), placeholder (—), uncertain (a doubt, or a table not read)."""
    report = gd.examples.load("qijiang-psb-2023").with_cell("applications.granted.total", None)
    text = gd.render(report, kind="markdown")
    line = next(row for row in text.splitlines() if "本年新收" in row)
    text = text.replace(line, line.replace("| 1 |", "| — |", 1))
    result = gd.parse(text, kind="markdown")
    frame = gd.to_frame([result, report])
    parsed = frame.iloc[:201]
    status = dict(zip(parsed["path"], parsed["status"], strict=True))
    assert status["applications.new_received.natural_person"] == "placeholder"
    assert status["applications.granted.total"] == "blank"
    assert status["applications.new_received.total"] == "value"
    assert status[FEE] == "blank"
    assert parsed["status"].value_counts()["value"] == 198
    plain = frame.iloc[201:]
    assert set(plain.loc[plain["value"].isna(), "status"]) == {"blank"}
    assert frame["doubts"].tolist()[0] == 0
    assert frame["doubts"].tolist()[-1] is pd.NA
    no_table = text[: text.index("三、")] + text[text.index("五、") :]
    partial = gd.parse(no_table, kind="markdown")
    assert "table-not-found" in {w.code for w in partial.warnings}
    rows = gd.to_frame([partial])
    applications = rows[rows["section"] == "applications"]
    assert set(applications["status"]) == {"uncertain"}


def test_status_uncertain_where_a_value_is_doubted() -> None:
    """A value the parser placed by position is kept and marked uncertain."""
    result = gd.parse_file(CORPUS / "huaian-2024.txt")
    by_position = {w.path for w in result.warnings if w.code == "by-position"}
    assert by_position
    frame = gd.to_frame([result])
    marked = frame[frame["path"].isin(by_position)]
    assert set(marked["status"]) == {"uncertain"}
    assert marked["value"].notna().all()


def test_items_mixed_and_failed_read_results_left_out(tmp_path: Path) -> None:
    """Reports, parse results and read results mix; unreadable files are left out."""
    good = gd.ReadResult(path="a.json", kind="json", report=_sample())
    failed = gd.ReadResult(path="b.json", kind="json", error="b.json: not valid JSON")
    parsed = gd.parse_file(CORPUS / "huaian-2024.txt")
    frame = gd.to_frame([_old(), good, failed, parsed], shape="wide")
    assert pd.isna(frame["source"].iloc[0])
    assert frame["source"].tolist()[1:] == ["a.json", "huaian-2024.txt"]
    assert frame["doubts"].tolist() == [pd.NA, pd.NA, 2]


def test_read_results_into_frames(tmp_path: Path) -> None:
    """Read results go straight into frames: unreadable files left out, files as source."""
    folder = tmp_path / "reports"
    folder.mkdir()
    gd.dump(_sample(), folder / "a.json")
    gd.write_excel(_old(), folder / "b.xlsx")
    shutil.copy(CORPUS / "huaian-2024.txt", folder / "c.txt")
    (folder / "d.json").write_text("{", encoding="utf-8")
    one = list(gd.read_reports(folder, jobs=1, progress=False))
    two = list(gd.read_reports(folder, jobs=2, progress=False))
    wide = gd.to_frame(one, shape="wide")
    assert wide["source"].tolist() == [str(folder / n) for n in ("a.json", "b.xlsx", "c.txt")]
    assert wide["doubts"].tolist() == [pd.NA, pd.NA, 2]
    pd.testing.assert_frame_equal(gd.to_frame(one), gd.to_frame(two))
    assert len(gd.indicators_frame(one)) == 3


# ---------------------------------------------------------------------------
# Indicators


def test_indicators_frame_equals_indicators() -> None:
    """One row per report, one Float64 column per indicator, equal to gd.indicators."""
    items = [_sample(), _old(), *_parsed()]
    frame = gd.indicators_frame(items)
    names = [i.name for i in gd.indicator_catalogue()]
    assert list(frame.columns) == IDENTITY + names
    assert {str(frame[name].dtype) for name in names} == {"Float64"}
    for n, item in enumerate(items):
        report = item if isinstance(item, gd.AnnualReport) else item.report
        for name, value in gd.indicators(report).items():
            got = frame.loc[n, name]
            assert got is pd.NA if value is None else got == float(value), (n, name)


# ---------------------------------------------------------------------------
# Bad input and size


def test_bad_items_and_choices() -> None:
    """A wrong item names its index and type; a wrong shape or money lists the choices."""
    with pytest.raises(TypeError, match=r"items\[1\] is dict, not an AnnualReport"):
        gd.to_frame([_sample(), {}])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"items\[0\] is str"):
        gd.indicators_frame(["report.json"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="shape must be one of 'long', 'wide', got 'tall'"):
        gd.to_frame([], shape="tall")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="money must be one of 'float', 'decimal', got 'int'"):
        gd.to_frame([], money="int")  # type: ignore[arg-type]


def test_long_frame_of_3000_reports_is_small() -> None:
    """3,000 reports in the long frame: 603,000 rows in under 60 MB."""
    base = gd.examples.load("qijiang-psb-2023")
    many = [
        attrs.evolve(base, meta=attrs.evolve(base.meta, agency=f"机关{n:04d}")) for n in range(3000)
    ]
    frame = gd.to_frame(many)
    assert len(frame) == 3000 * 201
    assert frame["agency"].nunique() == 3000
    assert frame.memory_usage(deep=True).sum() < 60_000_000


def test_import_loads_no_pandas() -> None:
    """`import govdisclosure` and looking up the frame functions load neither pandas nor numpy."""
    import subprocess
    import sys

    code = (
        "import sys, govdisclosure as gd; gd.to_frame; gd.indicators_frame; gd.read_reports; "
        "print(sorted(m for m in ('pandas', 'numpy', 'tqdm') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
