"""Tests of the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure.cli import main


def test_show_example(capsys: pytest.CaptureFixture[str]) -> None:
    """Show --example prints agency, year, format and the three tables."""
    assert main(["show", "--example", "qijiang-psb-2023"]) == 0
    out = capsys.readouterr().out
    assert "单位 agency:   重庆市綦江区公安局" in out
    assert "年度 year:     2023" in out
    assert "格式 format:   2021（国办公开办函〔2021〕30号）" in out
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
    assert "格式 format:   2019（国办公开办函〔2019〕60号）" in out
    assert "发布 published: 2021-01-20" in out
    assert "层级 level:    department" in out
    procurement = next(line for line in out.splitlines() if line.startswith("政府集中采购"))
    assert procurement.split() == ["政府集中采购", "—", "251000.50"]


def gd_decimal(text: str) -> object:
    from decimal import Decimal

    return Decimal(text)


def test_show_bad_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unreadable file is an error on stderr and exit status 2."""
    assert main(["show", str(tmp_path / "missing.json")]) == 2
    assert "missing.json: cannot read the file" in capsys.readouterr().err
    assert main(["show", "--example", "nope"]) == 2


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a command, usage goes to stderr with exit status 2."""
    assert main([]) == 2
    assert "usage: govdisclosure" in capsys.readouterr().err


def test_show_needs_a_source() -> None:
    """Show without FILE or --example is a usage error."""
    with pytest.raises(SystemExit) as info:
        main(["show"])
    assert info.value.code == 2


def test_version_and_module_entry_point() -> None:
    """Python -m govdisclosure --version prints the version."""
    result = subprocess.run(
        [sys.executable, "-m", "govdisclosure", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == f"govdisclosure {gd.__version__}"
