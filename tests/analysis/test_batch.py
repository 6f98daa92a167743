"""Tests of reading and validating many files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import attrs
import pytest

import govdisclosure as gd
from govdisclosure._analysis.batch import check_file, check_files, find_report_files


def _folder(tmp_path: Path) -> Path:
    sample = gd.examples.load("qijiang-psb-2023")
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    gd.dump(sample, tmp_path / "a.json")
    gd.dump(sample.with_cell("review_litigation.review.total", 9), tmp_path / "sub" / "b.json")
    (tmp_path / "c.json").write_text("{", encoding="utf-8")
    (tmp_path / "notes.odt").write_text("not a report", encoding="utf-8")
    gd.dump(sample, tmp_path / ".hidden" / "d.json")
    return tmp_path


def test_find_report_files(tmp_path: Path) -> None:
    """Folders are searched recursively for readable suffixes; hidden ones are skipped."""
    folder = _folder(tmp_path)
    found = find_report_files([folder])
    assert [p.relative_to(folder).as_posix() for p in found] == ["a.json", "c.json", "sub/b.json"]
    assert find_report_files([folder / "notes.odt"]) == [folder / "notes.odt"]
    with pytest.raises(gd.GovDisclosureError, match="no such file or folder"):
        find_report_files([folder / "missing"])


def test_find_report_files_in_a_very_deep_tree(tmp_path: Path) -> None:
    """A folder 1,100 levels deep is searched without exhausting the recursion limit."""
    folder = os.fspath(tmp_path)
    for _ in range(1100):  # one level at a time: os.makedirs itself recurses
        folder = os.path.join(folder, "d")
        os.mkdir(folder)
    deep = Path(folder)
    gd.dump(gd.examples.load("qijiang-psb-2023"), deep / "r.json")
    try:
        assert find_report_files([tmp_path]) == [deep / "r.json"]
    finally:
        # shutil.rmtree recurses too: pytest could not clean this tree away.
        os.unlink(deep / "r.json")
        while folder != os.fspath(tmp_path):
            os.rmdir(folder)
            folder = os.path.dirname(folder)


def test_find_report_files_skips_linked_folders(tmp_path: Path) -> None:
    """Links to folders are not followed (a link to a parent would loop); file links are kept."""
    (tmp_path / "in").mkdir()
    folder = _folder(tmp_path / "in")
    outside = tmp_path / "outside"
    outside.mkdir()
    gd.dump(gd.examples.load("qijiang-psb-2023"), outside / "x.json")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "elsewhere").symlink_to(outside, target_is_directory=True)
    (folder / "link.json").symlink_to(outside / "x.json")
    found = find_report_files([folder])
    assert [p.relative_to(folder).as_posix() for p in found] == [
        "a.json",
        "c.json",
        "link.json",
        "sub/b.json",
    ]


def _unlistable(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make ``os.scandir`` of ``folder`` fail as a folder with mode 000 does (even for root)."""
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if os.fspath(path) == os.fspath(folder):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_unreadable_folder_is_listed_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that cannot be listed is reported with its reason, or raises; never ignored."""
    folder = _folder(tmp_path)
    _unlistable(monkeypatch, folder / "sub")
    unreadable: list[tuple[str, str]] = []
    found = find_report_files([folder], unreadable=unreadable)
    assert [p.relative_to(folder).as_posix() for p in found] == ["a.json", "c.json"]
    where = str(folder / "sub")
    assert unreadable == [(where, "cannot open the folder: Permission denied")]
    assert unreadable[0][1].message_zh == "无法打开文件夹：Permission denied"  # type: ignore[attr-defined]
    with pytest.raises(gd.GovDisclosureError) as caught:
        find_report_files([folder])
    assert str(caught.value) == f"{where}: cannot open the folder: Permission denied"
    assert caught.value.message_zh == f"{where}：无法打开文件夹：Permission denied"


def test_summary_lists_unreadable_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The summary counts an unreadable folder as a failure and lists it with its reason."""
    from govdisclosure.cli import main

    (tmp_path / "in").mkdir()
    folder = _folder(tmp_path / "in")
    (folder / "c.json").unlink()
    gd.dump(gd.examples.load("qijiang-psb-2023"), folder / "sub" / "b.json")
    _unlistable(monkeypatch, folder / "sub")
    out = tmp_path / "summary.xlsx"
    assert main(["summary", str(folder), "-o", str(out), "--quiet"]) == 1
    # notes.odt is listed with advice (save as .docx); sub cannot be listed.
    assert "2 个文件：读取 1 份报告，其中 0 份有错误；1 个文件、1 个文件夹无法读取" in (
        capsys.readouterr().out
    )
    import openpyxl

    book = openpyxl.load_workbook(out, read_only=True)
    failures = [[c.value for c in row] for row in book["无法读取的文件"].iter_rows()]
    book.close()
    assert failures[1][:2] == ["notes.odt", "OpenDocument 文本格式，请另存为 .docx 后重新提交"]
    assert failures[2][:2] == ["sub", "无法打开文件夹：Permission denied"]


def test_check_file_outcomes(tmp_path: Path) -> None:
    """A good file gives its report and result; a bad one its reason, never an exception."""
    folder = _folder(tmp_path)
    good = check_file(folder / "a.json")
    assert good.ok
    assert good.report is not None
    assert good.error is None
    bad = check_file(folder / "sub" / "b.json")
    assert not bad.ok
    assert bad.result is not None
    assert bad.result.errors[0].rule_id == "RL-TOTAL"
    broken = check_file(folder / "c.json")
    assert broken.report is None
    assert broken.error is not None
    assert "c.json: not valid JSON" in broken.error
    unknown = check_file(folder / "notes.odt")
    assert unknown.error is not None
    assert "cannot read .odt files" in unknown.error


@pytest.mark.parametrize("jobs", [1, 2])
def test_check_files_in_order_with_progress(tmp_path: Path, jobs: int) -> None:
    """Outcomes come in the order given, with progress after each, in one or more processes."""
    folder = _folder(tmp_path)
    paths = find_report_files([folder])
    seen: list[int] = []
    outcomes = list(check_files(paths, jobs=jobs, progress=seen.append))
    assert [o.path for o in outcomes] == [str(p) for p in paths]
    assert [o.ok for o in outcomes] == [True, False, False]
    assert seen == [1, 2, 3]


def test_check_files_rejects_bad_jobs() -> None:
    """Jobs must be positive."""
    with pytest.raises(ValueError, match="jobs"):
        list(check_files([], jobs=0))


def test_jobs_are_capped_at_the_processors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--jobs 1500 starts no more workers than there are processors, and says so once."""
    from govdisclosure._analysis import batch, office
    from govdisclosure.cli import main

    (tmp_path / "in").mkdir()
    folder = _folder(tmp_path / "in")
    pools: list[int] = []
    real_mapped = batch.mapped

    def spy(function: Any, names: list[str], jobs: int, progress: Any) -> Any:
        pools.append(jobs)
        return real_mapped(function, names, jobs, progress)

    monkeypatch.setattr(batch.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(office, "mapped", spy)
    out = str(tmp_path / "s.xlsx")
    assert main(["summary", str(folder), "-o", out, "--jobs", "1500", "--quiet"]) == 1
    assert pools == [2]
    err = capsys.readouterr().err
    assert err == "提示：--jobs 1500 超过处理器数，按 2 个进程运行\n"
    assert [o.ok for o in batch.check_files(find_report_files([folder]), jobs=1500)] == [
        True,
        False,
        False,
    ]
    assert main(["summary", str(folder), "-o", out, "--jobs", "2", "--quiet"]) == 1
    assert capsys.readouterr().err == ""
    assert pools == [2, 2]


def test_summary_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Summary reads a folder, reports broken files with their reason, and reads back."""
    from govdisclosure.cli import main

    (tmp_path / "in").mkdir()
    folder = _folder(tmp_path / "in")
    out = tmp_path / "summary.xlsx"
    assert main(["summary", str(folder), "-o", str(out), "--quiet"]) == 1
    printed = capsys.readouterr().out
    assert "4 个文件：读取 2 份报告，其中 1 份有错误；2 个文件无法读取" in printed
    back = gd.read_excel_summary(out)
    sample = gd.examples.load("qijiang-psb-2023")
    assert [dict(r.cells()) for r in back] == [
        dict(sample.cells()),
        dict(sample.with_cell("review_litigation.review.total", 9).cells()),
    ]
    import openpyxl

    book = openpyxl.load_workbook(out, read_only=True)
    # a.json and sub/b.json are the same agency's reports: the newer is used.
    assert book.sheetnames == ["汇总", "问题清单", "重复", "无法读取的文件"]
    failures = [[c.value for c in row] for row in book["无法读取的文件"].iter_rows()]
    assert failures[1] == ["notes.odt", "OpenDocument 文本格式，请另存为 .docx 后重新提交"]
    assert failures[2][0] == "c.json"
    assert failures[2][1].startswith("文件内容不是有效的报告")
    assert "不是有效的 JSON：第 1 行" in failures[2][1]
    violations = [[c.value for c in row] for row in book["问题清单"].iter_rows()]
    assert violations[1][:4] == [
        os.path.join("sub", "b.json"),
        sample.meta.agency,
        "RL-TOTAL",
        "错误",
    ]
    book.close()


def test_summary_progress_and_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Progress goes to stderr; bad --jobs or a non-xlsx output are usage errors."""
    from govdisclosure.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    sample = gd.examples.load("qijiang-psb-2023")
    for n in range(3):
        meta = attrs.evolve(sample.meta, agency=f"第{n}局")
        gd.dump(attrs.evolve(sample, meta=meta), folder / f"{n}.json")
    assert main(["summary", str(folder), "-o", str(tmp_path / "s.xlsx"), "--jobs", "2"]) == 0
    assert "已处理 3/3 个文件" in capsys.readouterr().err
    assert main(["summary", str(folder), "-o", str(tmp_path / "s.xlsx"), "--jobs", "0"]) == 2
    assert main(["summary", str(folder), "-o", str(tmp_path / "s.json")]) == 2
    assert main(["summary", str(tmp_path / "missing"), "-o", str(tmp_path / "s.xlsx")]) == 2
    assert "文件或文件夹不存在" in capsys.readouterr().err


def test_summary_checks_the_output_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An output that cannot be written fails at once, naming it, before any file is read."""
    from govdisclosure._analysis import office
    from govdisclosure.cli import main

    (tmp_path / "in").mkdir()
    folder = _folder(tmp_path / "in")
    read: list[str] = []
    monkeypatch.setattr(office, "mapped", lambda *args: read.append("read") or iter(()))
    out = tmp_path / "missing" / "s.xlsx"
    assert main(["summary", str(folder), "-o", str(out), "--quiet"]) == 2
    assert capsys.readouterr().err == (
        f"govdisclosure：错误：{out}：无法写入文件：文件夹 {tmp_path / 'missing'} 不存在\n"
    )
    out = tmp_path / "s.xlsx"
    out.write_bytes(b"old")
    out.chmod(0o444)
    assert main(["summary", str(folder), "-o", str(out), "--quiet", "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        f"govdisclosure: error: {out}: cannot write the file: it is read-only "
        "(make it writable or choose another name)\n"
    )
    assert read == []
    assert out.read_bytes() == b"old"


def test_convert_and_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Convert goes from any readable to any writable suffix; template writes a workbook."""
    from govdisclosure.cli import main

    source = tmp_path / "r.json"
    gd.dump(gd.examples.load("qijiang-psb-2023"), source)
    assert main(["convert", str(source), str(tmp_path / "r.xlsx")]) == 0
    assert gd.load(tmp_path / "r.xlsx") == gd.load(source)
    assert main(["template", str(tmp_path / "t.xlsx"), "--year", "2020"]) == 0
    assert (
        gd.read_excel_with_warnings(tmp_path / "t.xlsx").report.meta.format_version.value == "2019"
    )
    assert main(["template", str(tmp_path / "t.json")]) == 2
    assert main(["convert", str(source), str(tmp_path / "r.odt")]) == 2
    assert "无法写出 .odt 文件" in capsys.readouterr().err
    assert main(["convert", str(source), str(tmp_path / "r.odt"), "--lang", "en"]) == 2
    assert "cannot write .odt files" in capsys.readouterr().err
