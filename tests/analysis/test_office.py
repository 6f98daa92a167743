"""A supervising office's summary: roster, reconciliation, the workbook, exit statuses."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest

import govdisclosure as gd
from govdisclosure._analysis.batch import summarize_file
from govdisclosure.cli import main

CORPUS = Path(__file__).parent.parent / "data" / "corpus"
ROSTER = (
    "单位名称,别名,层级,分组\n"
    "綦江区公安局,,部门,政法\n"
    "綦江区财政局,,部门,经济\n"
    "綦江区教委,綦江区教育委员会；区教委,部门,社会\n"
    "綦江区民政局,,部门,社会\n"
    "綦江区人社局,,部门,社会\n"
    "綦江区商务委,,部门,经济\n"
    "綦江区水利局,,部门,经济\n"
    "綦江区审计局,,部门,经济\n"
    "綦江区统计局,,部门,经济\n"
)


def _report(
    agency: str, year: int = 2023, published: dt.date | None = None, **cells: Any
) -> gd.AnnualReport:
    base = gd.examples.load("qijiang-psb-2023")
    meta = attrs.evolve(
        base.meta,
        agency=agency,
        year=year,
        published_on=published or dt.date(year + 1, 1, 20),
        source=None,
    )
    report = attrs.evolve(base, meta=meta)
    return report.with_cells(cells) if cells else report


def _office(root: Path) -> tuple[Path, Path]:
    """A folder as an office receives it, and its roster (two units send nothing)."""
    folder = root / "收到的报告"
    folder.mkdir()
    gd.dump(_report("綦江区公安局"), folder / "公安局.json")
    gd.dump(_report("綦江区财政局"), folder / "财政局.docx")
    gd.dump(_report("綦江区教育委员会"), folder / "教委.html")
    gd.dump(_report("綦江区民政局", published=dt.date(2024, 2, 20)), folder / "民政局.xlsx")
    gd.dump(_report("綦江区人社局"), folder / "人社局.md")
    gd.dump(_report("綦江区水利局", year=2019), folder / "水利局-2019.json")
    gd.dump(_report("綦江区商务委"), folder / "商务委-原.json")
    revised = _report(
        "綦江区商务委", **{"proactive_disclosure.administrative_coercion.decisions": 3500}
    )
    gd.dump(revised, folder / "商务委-修改.json")
    past = time.time() - 3600
    os.utime(folder / "商务委-原.json", (past, past))
    gd.dump(_report("万盛区公安局"), folder / "外区.json")
    (folder / "卫健委.doc").write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")
    (folder / "~$财政局.docx").write_bytes(b"a lock file")
    (folder / ".DS_Store").write_bytes(b"\0")
    book = openpyxl.Workbook()
    book.active.append(["agency", "year"])
    book.active.append(["某单位", 2023])
    book.save(folder / "名单草稿.xlsx")
    roster = root / "名单.csv"
    roster.write_text(ROSTER, encoding="utf-8-sig")
    return folder, roster


def _rows(path: Path, sheet: str) -> list[list[Any]]:
    book = openpyxl.load_workbook(path)
    if sheet not in book.sheetnames:
        return []
    return [list(row) for row in book[sheet].iter_rows(values_only=True)]


def test_an_office_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The check of the issue: missing, duplicate, wrong year, .doc, lock file, junk, 合计."""
    folder, roster = _office(tmp_path)
    out = tmp_path / "汇总.xlsx"
    status = main(
        [
            "summary",
            str(folder),
            "-o",
            str(out),
            "--roster",
            str(roster),
            "--year",
            "2023",
            "--quiet",
        ]
    )
    printed = capsys.readouterr().out
    assert status == 1
    assert "未报送：綦江区审计局" in printed
    assert "未报送：綦江区统计局" in printed
    assert "未报送：綦江区水利局" in printed  # it sent only a 2019 report

    summary = _rows(out, "汇总")
    header, ids, *rows = summary
    assert header[:11] == [
        "文件",
        "单位",
        "年度",
        "格式",
        "层级",
        "发布日期",
        "状态",
        "错误数",
        "警告数",
        "名单单位",
        "分组",
    ]
    by_file = {row[0]: row for row in rows}
    assert set(by_file) == {
        "公安局.json", "财政局.docx", "教委.html", "民政局.xlsx", "人社局.md", "水利局-2019.json",
        "商务委-原.json", "商务委-修改.json", "外区.json",
        "合计 6 份报告；1 个标黄单元格在部分报告中空白，未计算合计",
    }  # fmt: skip
    assert by_file["商务委-原.json"][6] == "重复"
    assert by_file["商务委-修改.json"][6] in ("通过", "有警告")
    assert by_file["水利局-2019.json"][6] == "年度不符"
    assert by_file["外区.json"][6] == "名单外"
    assert by_file["教委.html"][9] == "綦江区教委"  # matched by its alias
    assert by_file["公安局.json"][4:7] == ["部门", dt.datetime(2024, 1, 20), "通过"]
    total = rows[-1]
    assert total[1] == total[6] == "合计"
    coercion = ids.index("proactive_disclosure.administrative_coercion.decisions")
    # Six counted reports: five of 3,488 decisions and the revised copy's 3,500.
    assert total[coercion] == 5 * 3488 + 3500
    assert total[ids.index("other_matters.information_fee_yuan")] is None  # no fee stated
    assert {row[6] for row in rows[:-1]} <= {s.value for s in gd.ReportStatus}

    missing = _rows(out, "未报送")
    assert [r[0] for r in missing[1:] if r[3] == "未报送"] == [
        "綦江区水利局",
        "綦江区审计局",
        "綦江区统计局",
    ]
    assert [r[:4] for r in missing[1:] if r[3] == "逾期发布"] == [
        ["綦江区民政局", "部门", "社会", "逾期发布"]
    ]
    duplicates = _rows(out, "重复")
    assert duplicates[1:] == [
        ["綦江区商务委", "商务委-修改.json", "采用（最新的文件）"],
        ["綦江区商务委", "商务委-原.json", "未采用"],
    ]
    failures = {r[0]: r[1] for r in _rows(out, "无法读取的文件")[1:]}
    assert failures["卫健委.doc"] == "Word 97-2003 格式，请另存为 .docx 后重新提交"
    assert "名单草稿.xlsx" in failures
    assert not any("~$" in name or "DS_Store" in name for name in failures)
    problems = _rows(out, "问题清单")
    assert {r[3] for r in problems[1:]} <= {"错误", "警告"}
    assert all(r[0] for r in problems[1:])  # every finding names its file


def test_a_second_run_over_the_output(tmp_path: Path) -> None:
    """The summary's own output in the folder (from an earlier run) is passed by."""
    folder, roster = _office(tmp_path)
    for name in ("第一次.xlsx", "第二次.xlsx"):
        main(["summary", str(folder), "-o", str(folder / name), "--roster", str(roster), "--quiet"])
    second = _rows(folder / "第二次.xlsx", "无法读取的文件")
    assert not any("第一次" in str(row[0]) for row in second)
    assert len(_rows(folder / "第二次.xlsx", "汇总")) == len(_rows(folder / "第一次.xlsx", "汇总"))


def test_the_workbook_reads_back(tmp_path: Path) -> None:
    """read_excel_summary reads the command's workbook: reports only, not 合计; facts kept."""
    folder, _roster = _office(tmp_path)
    out = tmp_path / "汇总.xlsx"
    main(["summary", str(folder), "-o", str(out), "--quiet"])
    back = gd.read_excel_summary(out)
    assert len(back) == 9
    police = next(r for r in back if r.meta.agency == "綦江区公安局")
    assert police.meta.source == "公安局.json"
    assert police.meta.agency_level is gd.AgencyLevel.DEPARTMENT
    assert police.meta.published_on == dt.date(2024, 1, 20)
    assert dict(police.cells()) == dict(_report("綦江区公安局").cells())


def test_exit_statuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """0 all well; 1 an error or a missing unit; 2 nothing read or bad usage."""
    good = tmp_path / "good"
    good.mkdir()
    gd.dump(_report("綦江区公安局"), good / "a.json")
    roster = tmp_path / "r.csv"
    roster.write_text("单位名称\n綦江区公安局\n", encoding="utf-8")
    out = str(tmp_path / "o.xlsx")
    assert main(["summary", str(good), "-o", out, "--roster", str(roster), "--quiet"]) == 0
    roster.write_text("单位名称\n綦江区公安局\n綦江区财政局\n", encoding="utf-8")
    assert main(["summary", str(good), "-o", out, "--roster", str(roster), "--quiet"]) == 1
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "a.doc").write_bytes(b"x")
    assert main(["summary", str(junk), "-o", out, "--quiet"]) == 2
    assert main(["summary", str(good), "-o", out, "--year", "12", "--quiet"]) == 2
    assert main(["summary", str(good), "-o", str(tmp_path / "missing" / "o.xlsx")]) == 2
    roster.write_text("名称,层级\n綦江区公安局,市级\n", encoding="utf-8")
    assert main(["summary", str(good), "-o", out, "--roster", str(roster)]) == 2
    assert "第 2 行：层级“市级”应为 部门 或 政府" in capsys.readouterr().err


def test_doubts_are_refused_or_accepted(tmp_path: Path) -> None:
    """A report read with doubts: refused with the flag named, or kept as 有疑问."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPUS / "huaian-2024.txt", folder)
    out = tmp_path / "o.xlsx"
    assert main(["summary", str(folder), "-o", str(out), "--quiet"]) == 2
    [[name, reason]] = _rows(out, "无法读取的文件")[1:]
    assert name == "huaian-2024.txt"
    assert "--accept-doubts" in reason
    assert "按位置识别" in reason
    assert "Python" not in reason
    main(["summary", str(folder), "-o", str(out), "--accept-doubts", "--quiet"])
    [row] = [r for r in _rows(out, "汇总")[2:] if r[6] != "合计"]
    assert row[6] == "有疑问"
    doubts = [r for r in _rows(out, "问题清单")[1:] if r[2] == "READ-DOUBT"]
    assert len(doubts) == 2
    assert all(r[3] == "警告" and "第" in r[6] and "行" in r[6] for r in doubts)
    assert (
        doubts[0][4] == "表三“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”行“总计”列"
    )


def test_previous_year(tmp_path: Path) -> None:
    """--previous compares each unit with its own report of the year before."""
    now, before = tmp_path / "2023", tmp_path / "2022"
    now.mkdir()
    before.mkdir()
    gd.dump(_report("綦江区公安局"), now / "a.json")
    gd.dump(_report("綦江区财政局"), now / "b.json")
    old = _report(
        "綦江区公安局", year=2022, **{"proactive_disclosure.administrative_coercion.decisions": 200}
    )
    gd.dump(old, before / "a.json")
    out = tmp_path / "o.xlsx"
    main(["summary", str(now), "-o", str(out), "--previous", str(before), "--quiet"])
    rows = _rows(out, "同比")
    assert rows[0][:5] == ["单位", "文件", "上年文件", "类别", "表/行/列"]
    police = [r for r in rows[1:] if r[0] == "綦江区公安局"]
    biggest = police[0]
    assert biggest[3] == "变化最大的单元格"
    assert biggest[5:9] == [200, 3488, 3288, "+1644.0%"]
    assert any(str(r[3]).startswith("跨年度检查 XY-COPY") for r in police)
    assert [r[3] for r in rows[1:] if r[0] == "綦江区财政局"] == ["上年无报告"]
    problems = _rows(out, "问题清单")
    assert any(r[2] == "XY-COPY" for r in problems[1:])


JUNK: dict[str, bytes] = {
    "empty": b"",
    "random": bytes(range(256)) * 40,
    "nul": b"\0" * 5000,
    "zip": b"PK\x03\x04" + b"\0" * 100,
    "utf16": "二〇二三年".encode("utf-16-le") * 50,
    "html": b"<html><body>" + b"<div>" * 5000 + b"</body></html>",
}


@pytest.mark.parametrize(
    "suffix", [".json", ".xlsx", ".html", ".txt", ".md", ".docx", ".pdf", ".doc", ".et", ".odt", ""]
)
@pytest.mark.parametrize("junk", sorted(JUNK))
def test_the_per_file_step_never_raises(tmp_path: Path, suffix: str, junk: str) -> None:
    """Whatever the file, summarize_file gives a row or a reason, never an exception."""
    path = tmp_path / f"junk{suffix}"
    path.write_bytes(JUNK[junk])
    done = summarize_file(path, accept_doubts=True)
    assert (done.entry is None) != (done.reason is None)
    if done.reason is not None:
        assert str(tmp_path) not in done.reason  # the file column names the file


def test_a_reader_bug_is_a_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even an exception no reader should raise becomes a row of 无法读取的文件."""
    from govdisclosure._io import files

    def broken(path: Any) -> Any:
        raise KeyError("surprise")

    monkeypatch.setattr(files, "load", broken)
    path = tmp_path / "a.json"
    gd.dump(_report("某局"), path)
    done = summarize_file(path)
    assert done.entry is None
    assert done.reason is not None
    assert "程序错误" in done.reason
    assert "KeyError" in done.reason
    monkeypatch.undo()
    missing = summarize_file(tmp_path / "missing.json").reason
    assert missing is not None
    assert missing.startswith("无法读取")
    assert "文件不存在" in missing


def test_roster_files(tmp_path: Path) -> None:
    """A roster from UTF-8 or GB18030 CSV, or a workbook; its mistakes named by row."""
    csv = tmp_path / "r.csv"
    csv.write_bytes(
        "说明：2023年度\n单位名称,别名,层级,上级\n区公安局,綦江区公安局;公安分局,部门,区政府\n区政府,,政府,\n".encode(
            "gb18030"
        )
    )
    roster = gd.read_roster(csv)
    assert [u.name for u in roster] == ["区公安局", "区政府"]
    assert roster.units[0].aliases == ("綦江区公安局", "公安分局")
    assert roster.units[0].group == "区政府"
    assert roster.units[1].level is gd.AgencyLevel.GOVERNMENT
    assert roster.unit_for("綦江区 公安局") is roster.units[0]
    assert roster.unit_for("(区)公安局") is None
    book = openpyxl.Workbook()
    book.active.append(["单位名称", "层级"])
    book.active.append(["区财政局", "部门"])
    book.save(tmp_path / "r.xlsx")
    assert gd.read_roster(tmp_path / "r.xlsx").units == (
        gd.Unit(name="区财政局", level=gd.AgencyLevel.DEPARTMENT),
    )
    csv.write_text("单位名称,别名\n甲局,乙局\n乙局,\n", encoding="utf-8")
    with pytest.raises(gd.RosterError, match="belongs to both “甲局” and “乙局”") as caught:
        gd.read_roster(csv)
    assert "同时属于“甲局”和“乙局”" in caught.value.message_zh
    csv.write_text("名字\n甲局\n", encoding="utf-8")
    with pytest.raises(gd.RosterError, match="no 单位名称 column") as caught:
        gd.read_roster(csv)
    assert caught.value.file == str(csv)
    assert caught.value.message_zh.startswith(f"{csv}：名单没有“单位名称”列")
    csv.write_text("单位名称,层级\n甲局,部门\n乙局,乡镇\n", encoding="utf-8")
    with pytest.raises(gd.RosterError) as caught:
        gd.read_roster(csv)
    assert caught.value.line == 3
    assert caught.value.message_zh == f"{csv}：第 3 行：层级“乡镇”应为 部门 或 政府"
    assert str(caught.value) == f"{csv}: line 3: the level “乡镇” is neither 部门 nor 政府"
    with pytest.raises(gd.RosterError, match=r"a \.csv or \.xlsx file, not \.txt") as caught:
        gd.read_roster(tmp_path / "r.txt")
    assert "名单应为 .csv 或 .xlsx 文件" in caught.value.message_zh


def test_reconcile_in_python() -> None:
    """The same checks as data, for offices that script them."""
    roster = gd.Roster(
        (
            gd.Unit(name="区公安局", aliases=("綦江区公安局",)),
            gd.Unit(name="区财政局"),
            gd.Unit(name="区政府", level=gd.AgencyLevel.GOVERNMENT),
        )
    )
    reports = [
        _report("綦江区公安局"),
        _report("区政府", published=dt.date(2024, 3, 30)),
        _report("区财政局", published=dt.date(2024, 2, 1)),
        _report("区财政局", year=2022),
        _report("外区局"),
    ]
    found = gd.reconcile(reports, roster=roster)
    assert found.year == 2023
    # 区政府's report calls itself a department: validation warns it is late (PUBLISHED-LATE);
    # the roster says it is a government, whose deadline (3月31日) it met.
    assert [s.value for s in found.statuses] == ["通过", "有警告", "有警告", "年度不符", "名单外"]
    assert found.units == ("区公安局", "区政府", "区财政局", "区财政局", None)
    assert found.missing == ()
    assert [(late.unit, late.deadline) for late in found.late] == [
        ("区财政局", dt.date(2024, 1, 31))
    ]
    assert found.counted == (0, 1, 2)
    assert not found.ok
    assert "逾期：区财政局" in str(found)
    again = gd.reconcile(reports[:1] * 2, year=2023)
    assert [s.value for s in again.statuses] == ["重复", "通过"]  # of equal age, the last given
    assert again.duplicates[0].unit == "綦江区公安局"
    assert "重复" in again._repr_html_()


def test_aggregate_of_fees() -> None:
    """The fee of section 六 adds up with the cells (the issue's check: 100 + 50.5)."""
    a, b = _report("甲"), _report("乙")
    a = attrs.evolve(
        a, other_matters=attrs.evolve(a.other_matters, information_fee_yuan=Decimal(100))
    )
    b = attrs.evolve(
        b, other_matters=attrs.evolve(b.other_matters, information_fee_yuan=Decimal("50.5"))
    )
    total = gd.aggregate([a, b], agency="某区")
    assert total.report.other_matters.information_fee_yuan == Decimal("150.5")


def test_validate_accepts_doubts_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    """Validate refuses a report read with doubts in Chinese, naming the flag that accepts it."""
    path = str(CORPUS / "huaian-2024.txt")
    assert main(["validate", path]) == 2
    err = capsys.readouterr().err
    assert "读取时有 2 处疑问" in err
    assert "--accept-doubts" in err
    assert "parse_file" not in err
    assert main(["validate", path, "--accept-doubts"]) == 0
    captured = capsys.readouterr()
    assert captured.err.count("警告：读取疑问：有行缺少或损坏了行名，按位置识别") == 2
    assert "淮安市人民政府" in captured.out
