"""Tests of the command line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure.cli import main


def test_show_example(capsys: pytest.CaptureFixture[str]) -> None:
    """Show --example prints agency, year, format and the three tables, all in Chinese."""
    assert main(["show", "--example", "qijiang-psb-2023"]) == 0
    out = capsys.readouterr().out
    facts = out[: out.index("二、主动公开政府信息情况")]
    assert facts.splitlines()[1:4] == [
        "机关名称：重庆市綦江区公安局",
        "报告年度：2023年度",
        "报告格式：2021 年格式（国办公开办函〔2021〕30号）",
    ]
    assert re.search("[A-Za-z]", facts) is None
    assert "二、主动公开政府信息情况（表二）" in out
    assert "三、收到和处理政府信息公开申请情况（表三）" in out
    assert "四、政府信息公开行政复议、行政诉讼情况（表四）" in out
    penalty = next(line for line in out.splitlines() if line.startswith("行政处罚"))
    assert penalty.split() == ["行政处罚", "298812"]
    not_held = next(line for line in out.splitlines() if "本机关不掌握" in line)
    assert not_held.split()[1:] == ["1", "0", "0", "0", "0", "0", "1"]
    assert "备注：因本年度开展行政规范性文件清理工作" in out


def test_show_file_with_blanks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Show FILE reads a report file; blank cells show as —; facts known are listed."""
    import datetime as dt

    report = gd.AnnualReport.blank(
        agency="某某局", year=2020, agency_level="department", published_on=dt.date(2021, 1, 20)
    ).with_cell("proactive_disclosure.central_procurement.amount", gd_decimal("251000.50"))
    path = tmp_path / "r.json"
    gd.dump(report, path)
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    facts = out[: out.index("二、主动公开政府信息情况")]
    assert facts.splitlines()[1:] == [
        "机关名称：某某局",
        "报告年度：2020年度",
        "报告格式：2019 年格式（国办公开办函〔2019〕60号）",
        "单位层级：政府部门",
        "发布日期：2021年1月20日",
        "",
    ]
    assert re.search("[A-Za-z]", facts) is None
    procurement = next(line for line in out.splitlines() if line.startswith("政府集中采购"))
    assert procurement.split() == ["政府集中采购", "—", "251000.50"]


def test_show_government_level(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A government's level shows as 人民政府, a blank agency as （空白）."""
    path = tmp_path / "r.json"
    gd.dump(gd.AnnualReport.blank(agency=" ", year=2023, agency_level="government"), path)
    assert main(["show", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "机关名称：（空白）"
    assert lines[4] == "单位层级：人民政府"


def gd_decimal(text: str) -> object:
    from decimal import Decimal

    return Decimal(text)


def test_show_bad_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unreadable file is an error on stderr and exit status 2."""
    assert main(["show", str(tmp_path / "missing.json")]) == 2
    assert capsys.readouterr().err == (
        f"govdisclosure：错误：{tmp_path / 'missing.json'}：无法读取文件：文件不存在\n"
    )
    assert main(["show", str(tmp_path / "missing.json"), "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        f"govdisclosure: error: {tmp_path / 'missing.json'}: cannot read the file: "
        "No such file or directory\n"
    )
    assert main(["show", "--example", "nope"]) == 2


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a command, usage goes to stderr with exit status 2."""
    assert main([]) == 2
    assert "用法：govdisclosure" in capsys.readouterr().err


def test_show_needs_a_source(capsys: pytest.CaptureFixture[str]) -> None:
    """Show without FILE or --example is a usage error."""
    assert main(["show"]) == 2
    assert "请给出 FILE 或 --example NAME 之一" in capsys.readouterr().err


def test_version_and_module_entry_point() -> None:
    """Python -m govdisclosure --version prints the version."""
    result = subprocess.run(
        [sys.executable, "-m", "govdisclosure", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == f"govdisclosure {gd.__version__}"


def test_validate_example(capsys: pytest.CaptureFixture[str]) -> None:
    """Validate --example prints the verdict first and exits 0; --strict too, as it passes."""
    assert main(["validate", "--example", "qijiang-psb-2023"]) == 0
    assert capsys.readouterr().out.startswith("通过：重庆市綦江区公安局2023年度报告，未校验 1 项。")
    assert main(["validate", "--example", "qijiang-psb-2023", "--strict"]) == 0


def _bad(tmp_path: Path) -> Path:
    report = gd.examples.load("qijiang-psb-2023").with_cell("review_litigation.review.total", 3)
    path = tmp_path / "bad.json"
    gd.dump(report, path)
    return path


def test_validate_errors_exit_1_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A report with an error exits 1; --lang en gives the English verdict and messages."""
    assert main(["validate", str(_bad(tmp_path)), "--lang", "en"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "Failed (1 error, 1 warning): 重庆市綦江区公安局 2023 report; 1 check not assessed."
    )
    assert out[1].startswith("[ERROR] RL-TOTAL: Table 4")
    assert out[2].startswith("[WARNING] TEXT-TABLE: ")
    assert out[3].startswith("[NOT ASSESSED] PUBLISHED-LATE: ")


def test_validate_json_and_unreadable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints one object per file; an unreadable file makes the exit status 2."""
    bad = _bad(tmp_path)
    assert main(["validate", str(bad), str(tmp_path / "none.json"), "--json"]) == 2
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [d["file"] for d in data] == [str(bad), str(tmp_path / "none.json")]
    first = data[0]
    assert first["ok"] is False
    assert first["passed"] is False
    assert first["verdict"] == "failed"
    assert first["verdict_text"] == "未通过（1 个错误，1 个警告）"
    assert "verdict_text_en" not in first
    assert first["not_assessed"][0]["reason"].startswith("发布日期")
    assert first["violations"][0]["rule_id"] == "RL-TOTAL"
    assert set(first["violations"][0]) == {
        "rule_id",
        "severity",
        "paths",
        "expected",
        "actual",
        "message",
    }
    assert first["violations"][0]["message"].startswith("表四")
    assert data[1]["passed"] is False
    assert data[1]["violations"] == []
    assert "none.json：无法读取文件" in data[1]["error"]
    assert "none.json：无法读取文件" in captured.err


def test_validate_json_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--json --lang en puts the English verdict, messages and reasons in their place."""
    assert main(["validate", str(_bad(tmp_path)), "--json", "--lang", "en"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data[0]["verdict_text"] == "Failed (1 error, 1 warning)"
    assert data[0]["violations"][0]["message"].startswith("Table 4")
    assert data[0]["not_assessed"][0]["reason"].startswith("Publication date")
    assert "message_en" not in data[0]["violations"][0]


def test_validate_many_files_have_headers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With several files, each result is headed by its file name; a tally ends the output."""
    good = tmp_path / "good.json"
    gd.dump(gd.examples.load("qijiang-psb-2023"), good)
    assert main(["validate", str(good), str(_bad(tmp_path)), str(_warned(tmp_path))]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [f"== {good}", "通过：重庆市綦江区公安局2023年度报告，未校验 1 项。"]
    assert out[-1] == "== 共 3 份：通过 1 份，需处理 1 份，未通过 1 份。"
    assert main(["validate", str(good), str(tmp_path / "none.json"), "--lang", "en"]) == 2
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "== 2 files: Passed 1, Needs attention 0, Failed 0, unreadable 1."


def _warned(tmp_path: Path) -> Path:
    """The sample with three blank 总计 cells: warnings only."""
    report = gd.examples.load("qijiang-psb-2023").with_cells(
        {
            "applications.new_received.total": None,
            "applications.granted.total": None,
            "review_litigation.review.total": None,
        }
    )
    path = tmp_path / "warned.json"
    gd.dump(report, path)
    return path


def test_validate_warnings_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Warnings only: the verdict 需处理, never 通过; exit 0, but 1 with --strict."""
    assert main(["validate", str(_warned(tmp_path))]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "需处理（3 个警告）：重庆市綦江区公安局2023年度报告，未校验 8 项。"
    assert [line[:4] for line in out[1:4]] == ["【警告】"] * 3
    assert "通过：" not in "\n".join(out)
    assert main(["validate", str(_warned(tmp_path)), "--strict"]) == 1
    capsys.readouterr()
    assert main(["validate", str(_warned(tmp_path)), "--strict", "--lang", "en"]) == 1
    assert capsys.readouterr().out.startswith("Needs attention (3 warnings): ")
    assert main(["validate", str(_warned(tmp_path)), str(_bad(tmp_path))]) == 1


@pytest.mark.parametrize(
    ("changes", "rule_id"),
    [({"agency": " "}, "META-AGENCY-BLANK"), ({"year": 2020}, "FORMAT-YEAR")],
)
def test_validate_defects_of_the_facts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], changes: dict[str, object], rule_id: str
) -> None:
    """A blank 机关名称, a 2020 report in the 2021 layout: 需处理, and --strict fails."""
    import attrs

    report = gd.examples.load("qijiang-psb-2023")
    path = tmp_path / "r.json"
    gd.dump(attrs.evolve(report, meta=attrs.evolve(report.meta, **changes)), path)
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("需处理（1 个警告）：")
    assert out[1].startswith(f"【警告】{rule_id} ")
    assert main(["validate", str(path), "--strict"]) == 1


def test_validate_carryover_with_previous(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A carry-over other than last year's: XY-CARRYOVER, and the verdict is not 通过."""
    import attrs

    report = gd.examples.load("qijiang-psb-2023")
    last = attrs.evolve(report, meta=attrs.evolve(report.meta, year=2022)).with_cell(
        "applications.carried_forward.natural_person", 3
    )
    gd.dump(report, tmp_path / "2023.json")
    gd.dump(last, tmp_path / "2022.json")
    args = ["validate", str(tmp_path / "2023.json"), "--previous", str(tmp_path / "2022.json")]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("需处理（")
    assert "【警告】XY-CARRYOVER 表三“自然人”列" in out
    assert main([*args, "--strict"]) == 1


def test_validate_previous(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--previous runs the cross-year rules; with several reports it is a usage error."""
    import attrs

    report = gd.examples.load("qijiang-psb-2023")
    last = attrs.evolve(report, meta=attrs.evolve(report.meta, year=2022))
    gd.dump(report, tmp_path / "2023.json")
    gd.dump(last, tmp_path / "2022.json")
    assert (
        main(["validate", str(tmp_path / "2023.json"), "--previous", str(tmp_path / "2022.json")])
        == 0
    )
    assert "XY-COPY" in capsys.readouterr().out
    assert (
        main(
            ["validate", "--example", "qijiang-psb-2023", "--previous", str(tmp_path / "2022.json")]
        )
        == 0
    )
    capsys.readouterr()
    args = [
        "validate",
        str(tmp_path / "2023.json"),
        str(tmp_path / "2022.json"),
        "--previous",
        str(tmp_path / "2022.json"),
    ]
    assert main(args) == 2
    assert "--previous 只能与一份报告一起使用" in capsys.readouterr().err


def test_validate_previous_of_wrong_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A previous report that is not last year's is an error with exit status 2."""
    gd.dump(gd.examples.load("qijiang-psb-2023"), tmp_path / "r.json")
    assert main(["validate", str(tmp_path / "r.json"), "--previous", str(tmp_path / "r.json")]) == 2
    assert "跨年度检查需要 2022 年度的报告" in capsys.readouterr().err
    args = ["validate", str(tmp_path / "r.json"), "--previous", str(tmp_path / "r.json")]
    assert main([*args, "--lang", "en"]) == 2
    assert "cross-year rules need the 2022 report" in capsys.readouterr().err


def test_validate_needs_a_source(capsys: pytest.CaptureFixture[str]) -> None:
    """Validate with neither FILE nor --example, or both, is a usage error."""
    assert main(["validate"]) == 2
    assert main(["validate", "x.json", "--example", "qijiang-psb-2023"]) == 2
    assert "请给出 FILE 或 --example NAME 之一" in capsys.readouterr().err


def test_render_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Render writes a document by suffix; other suffixes are usage errors."""
    source = tmp_path / "r.json"
    gd.dump(gd.examples.load("qijiang-psb-2023"), source)
    assert main(["render", str(source), str(tmp_path / "r.html")]) == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-CN">' in page
    assert main(["render", str(source), str(tmp_path / "r.xlsx")]) == 2
    assert "OUT 应以 .html .htm .shtml .xhtml .txt .text .md .markdown .docx 之一结尾" in (
        capsys.readouterr().err
    )


def test_read_warnings_are_clean_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader's warning is a 警告： line on stderr, not Python's warnings output."""
    import warnings

    from govdisclosure import cli

    def load(file: str) -> gd.AnnualReport:
        message = f"{file}: 报告信息!C2: the agency (机关名称) is blank"
        warnings.warn(message, gd.ExcelReadWarning, stacklevel=2)
        return gd.examples.load("qijiang-psb-2023")

    def load_twice(file: str, **options: object) -> tuple[gd.AnnualReport, None]:
        warnings.warn("a developer's matter", DeprecationWarning, stacklevel=2)
        load(file)
        return load(file), None

    monkeypatch.setattr(cli, "_load_located", load_twice)
    assert main(["validate", "r.xlsx"]) == 0
    err = capsys.readouterr().err
    assert err == "警告：r.xlsx: 报告信息!C2: the agency (机关名称) is blank\n"
    assert main(["validate", "r.xlsx", "--lang", "en"]) == 0
    assert capsys.readouterr().err.startswith("warning: r.xlsx: 报告信息!C2")
    assert main(["show", "r.xlsx"]) == 0
    assert capsys.readouterr().err.startswith("警告：r.xlsx: ")


def test_real_workbook_warning_is_a_clean_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A workbook whose 机关名称 cell is empty: a 警告： line, then META-AGENCY-BLANK."""
    import openpyxl

    path = tmp_path / "r.xlsx"
    gd.write_excel(gd.examples.load("qijiang-psb-2023"), path)
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value == "重庆市綦江区公安局":
                    cell.value = None
    book.save(path)
    assert main(["validate", str(path), "--strict"]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"警告：{path}：报告信息!C2：机关名称为空白\n"
    assert "【警告】META-AGENCY-BLANK 报告信息!C2：机关名称为空白" in captured.out
    assert main(["validate", str(path), "--strict", "--lang", "en"]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"warning: {path}: 报告信息!C2: the agency (机关名称) is blank\n"


def test_validate_workbook_names_the_cells_to_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A filled template with a blank cell and a text number: the cells to fix, by address.

    The blank is reported once (not for the formula totals computed from it); the number
    typed as text is a 警告 line naming its cell.
    """
    import openpyxl

    from govdisclosure._format import FormatVersion, format_spec
    from govdisclosure._io.excel.layout import excel_cell

    sample = gd.examples.load("qijiang-psb-2023")
    totals = {s.total for s in format_spec(FormatVersion.V2021).sums if s.fills_total}
    path = tmp_path / "报告.xlsx"
    gd.excel_template(path, year=2023)
    wb = openpyxl.load_workbook(path)
    for name, value in [("agency", sample.meta.agency), *sample.cells()]:
        if name not in totals:
            sheet, ref = excel_cell(name).split("!")
            wb[sheet][ref] = value
    wb["表三"]["G17"] = None
    wb["表三"]["D5"] = " 1 "
    wb.save(path)
    assert main(["validate", str(path)]) == 0
    captured = capsys.readouterr()
    blank = [line for line in captured.out.splitlines() if "CELL-BLANK" in line]
    assert len(blank) == 1
    assert blank[0].startswith("【警告】CELL-BLANK 表三!G17：表三“（四）无法提供")
    assert f"警告：{path}：表三!D5：“ 1 ”是文本格式的数字" in captured.err
    assert main(["validate", str(path), "--json"]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert [v["address"] for v in result["violations"] if v["rule_id"] == "CELL-BLANK"] == [
        "表三!G17"
    ]


def test_validate_workbook_with_bad_cells_names_them_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three bad cells: one Chinese error naming the three addresses; exit 2."""
    import openpyxl

    path = tmp_path / "r.xlsx"
    gd.write_excel(gd.examples.load("qijiang-psb-2023"), path)
    wb = openpyxl.load_workbook(path)
    wb["表三"]["D5"], wb["表三"]["E6"], wb["表三"]["F7"] = "三", "3件", "2件"
    wb.save(path)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"govdisclosure：错误：{path}：3 个单元格无法读取，请改正后再读取："
        "表三!D5“三”不是数字；表三!E6“3件”不是数字；表三!F7“2件”不是数字\n"
    )
    assert main(["validate", str(path), "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        f"govdisclosure: error: {path}: 3 cells cannot be read; correct them and read again: "
        '表三!D5: "三" is not a number; 表三!E6: "3件" is not a number; '
        '表三!F7: "2件" is not a number\n'
    )


@pytest.mark.parametrize(
    "command", ["show", "validate", "convert", "render", "template", "summary"]
)
def test_every_command_takes_lang(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Each command's help offers --lang {zh,en}, Chinese by default."""
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert "--lang {zh,en}" in out
    assert "默认中文" in out


def test_errors_in_english_with_lang_en(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--lang en: the library's errors and the usage errors in English, the prefix too."""
    (tmp_path / "r.doc").write_bytes(b"")
    assert main(["convert", str(tmp_path / "r.doc"), str(tmp_path / "r.json")]) == 2
    assert capsys.readouterr().err == (
        f"govdisclosure：错误：{tmp_path / 'r.doc'}：无法读取 .doc 文件"
        "（Word 97-2003 格式，请另存为 .docx 后重新提交）；支持的类型："
        ".json .xlsx .html .htm .shtml .xhtml .txt .text .md .markdown .docx .pdf\n"
    )
    assert main(["convert", str(tmp_path / "r.doc"), str(tmp_path / "r.json"), "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith(
        f"govdisclosure: error: {tmp_path / 'r.doc'}: cannot read .doc files (Word 97-2003"
    )
    assert main(["template", str(tmp_path / "x.docx"), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.endswith(
        "govdisclosure template: error: the template is an Excel workbook, its name must end "
        f"in .xlsx: {tmp_path / 'x.docx'}\n"
    )
    assert re.search("[\u4e00-\u9fff]", err) is None


def test_template_refuses_another_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``template x.docx`` is a usage error in Chinese, and writes nothing."""
    assert main(["template", str(tmp_path / "x.docx")]) == 2
    assert "文件名应以 .xlsx 结尾" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()


def test_closed_pipe_ends_quietly() -> None:
    """Output to a pipe whose reader has gone: no traceback, exit status 141."""
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line is written
    try:
        result = subprocess.run(
            [sys.executable, "-m", "govdisclosure", "show", "--example", "qijiang-psb-2023"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 141


def test_piped_into_head(tmp_path: Path) -> None:
    """`govdisclosure show --example … | head -1` prints the title and nothing else."""
    import shlex
    import shutil

    if shutil.which("head") is None:
        pytest.skip("no head command")
    command = f"{shlex.quote(sys.executable)} -m govdisclosure show --example qijiang-psb-2023"
    result = subprocess.run(
        f"{command} | head -1", shell=True, capture_output=True, text=True, check=True
    )
    assert result.stdout == "重庆市綦江区公安局2023年政府信息公开工作年度报告\n"
    assert result.stderr == ""


def test_broken_pipe_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """main() itself turns a BrokenPipeError into exit status 141, quietly."""
    import io

    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Closed())
    assert main(["validate", "--example", "qijiang-psb-2023"]) == 141


def test_help_lists_the_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    """--help says what each exit status means, and validate's help explains --strict."""
    with pytest.raises(SystemExit):
        main(["--help"])
    top = "".join(capsys.readouterr().out.split())
    assert top.startswith("用法：govdisclosure")  # the help is in Chinese
    assert "退出状态：0成功；1有报告存在错误" in top
    assert "141输出管道被提前关闭" in top
    with pytest.raises(SystemExit):
        main(["validate", "--help"])
    text = "".join(capsys.readouterr().out.split())
    assert "0没有报告存在错误（加--strict时须每份报告都“通过”" in text
    assert "--strict有警告也以1退出" in text


def test_usage_errors_are_chinese_and_argparse_is_left_as_it_was(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The parser's own messages are Chinese in the command line, and only there."""
    import argparse

    with pytest.raises(SystemExit):
        main(["summary"])
    err = capsys.readouterr().err
    assert err.startswith("用法：govdisclosure summary")
    assert "govdisclosure summary：错误：缺少必需的参数：FILE_OR_DIR, -o/--output" in err
    with pytest.raises(SystemExit):
        main(["summary", "x", "-o", "y.xlsx", "--jobs", "z"])
    assert "参数 --jobs：无效的 int 值：'z'" in capsys.readouterr().err
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]


def test_help_wraps_chinese_by_width() -> None:
    """Help lines break between Chinese characters, never inside a word or before 、."""
    from govdisclosure.cli import _wrap

    lines = _wrap("读取给定文件和文件夹中的每份报告、逐份校验 --previous 时写出同比", 20)
    assert lines == ["读取给定文件和文件夹", "中的每份报告、逐份校", "验 --previous 时写出", "同比"]
    assert all(not line.startswith("、") for line in _wrap("一二三四五六七八九十、甲", 20))
