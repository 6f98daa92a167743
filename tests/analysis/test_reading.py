"""Tests of reading a corpus: which files, in which order, errors as data, progress."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure._analysis import reading
from govdisclosure._analysis.reading import find_files, read_one

CORPUS = Path(__file__).parent.parent / "data" / "corpus"


def _corpus(tmp_path: Path) -> Path:
    """A folder of good files, a broken one, a lock file and hidden ones."""
    folder = tmp_path / "reports"
    (folder / "html").mkdir(parents=True)
    (folder / ".cache").mkdir()
    sample = gd.examples.load("qijiang-psb-2023")
    gd.dump(sample, folder / "a.json")
    gd.write_excel(sample.with_cell("applications.granted.total", 2), folder / "b.xlsx")
    shutil.copy(CORPUS / "huaian-2024.txt", folder / "c.txt")
    shutil.copy(CORPUS / "shanghai-bgt-2019.html", folder / "html" / "d.html")
    (folder / "broken.json").write_text("{", encoding="utf-8")
    (folder / "~$draft.docx").write_bytes(b"\x00lock")
    (folder / ".e.json").write_text("{", encoding="utf-8")
    gd.dump(sample, folder / ".cache" / "f.json")
    (folder / "notes.odt").write_text("not a report", encoding="utf-8")
    return folder


def _names(folder: Path, paths: list[str]) -> list[str]:
    return [Path(p).relative_to(folder).as_posix() for p in paths]


def test_find_files(tmp_path: Path) -> None:
    """Folders: readable suffixes, sorted, no hidden or lock files; named files kept."""
    folder = _corpus(tmp_path)
    assert _names(folder, find_files(folder)) == [
        "a.json", "b.xlsx", "broken.json", "c.txt", "html/d.html",
    ]  # fmt: skip
    named = [folder / "notes.odt", folder / "a.json", folder / "~$draft.docx", folder]
    assert _names(folder, find_files(named))[:3] == ["notes.odt", "a.json", "b.xlsx"]
    assert len(find_files(named)) == 6  # a.json is kept once
    assert find_files([tmp_path / "missing.json"]) == [str(tmp_path / "missing.json")]


def test_read_one_never_raises(tmp_path: Path) -> None:
    """Every kind of file gives a result; a bad one carries its error as text."""
    folder = _corpus(tmp_path)
    json_file = read_one(folder / "a.json")
    assert (json_file.ok, json_file.kind, json_file.result, json_file.warnings) == (
        True, "json", None, ()
    )  # fmt: skip
    workbook = read_one(folder / "b.xlsx")
    assert workbook.report is not None
    assert workbook.report.cell("applications.granted.total") == 2
    parsed = read_one(folder / "c.txt")
    assert parsed.result is not None
    assert parsed.report is parsed.result.report
    assert parsed.warnings == tuple(str(w) for w in parsed.result.warnings)
    broken = read_one(folder / "broken.json")
    assert broken.report is None
    assert broken.error is not None
    assert broken.error.startswith(f"{folder / 'broken.json'}: not valid JSON")
    assert not broken.ok
    missing = read_one(tmp_path / "missing.html")
    assert missing.error is not None
    assert "missing.html" in missing.error
    assert "cannot read .odt files" in (read_one(folder / "notes.odt").error or "")


def test_read_one_keeps_unexpected_errors_as_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """Even a reader's bug is reported for its file, not raised."""

    def crash(path: str) -> gd.ParseResult:
        raise KeyError("oops")

    monkeypatch.setattr("govdisclosure._parse.parse_file", crash)
    assert read_one("x.html").error == "x.html: KeyError: 'oops'"


@pytest.mark.parametrize("jobs", [1, 2])
def test_read_reports_in_order(tmp_path: Path, jobs: int) -> None:
    """One result per file, sorted, whatever the number of processes."""
    folder = _corpus(tmp_path)
    results = list(gd.read_reports([folder], jobs=jobs, progress=False))
    assert _names(folder, [r.path for r in results]) == [
        "a.json", "b.xlsx", "broken.json", "c.txt", "html/d.html",
    ]  # fmt: skip
    assert [r.ok for r in results] == [True, True, False, True, True]
    assert [r.kind for r in results] == ["json", "xlsx", "json", "text", "html"]
    parsed = results[3].result
    assert parsed is not None
    assert parsed.source_of("applications.new_received.total") is not None
    assert parsed == gd.parse_file(folder / "c.txt")


def test_read_reports_same_with_one_or_two_jobs(tmp_path: Path) -> None:
    """jobs=2 gives exactly what jobs=1 gives."""
    folder = _corpus(tmp_path)
    one = list(gd.read_reports(folder, jobs=1, progress=False))
    two = list(gd.read_reports(folder, jobs=2, progress=False))
    assert one == two


def test_read_reports_jobs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Fewer than 1 job is refused; more than the CPUs is capped (one CPU: no pool)."""
    with pytest.raises(ValueError, match="jobs must be a whole number of at least 1, got 0"):
        gd.read_reports(tmp_path, jobs=0)
    with pytest.raises(ValueError, match="jobs"):
        gd.read_reports(tmp_path, jobs=True)
    folder = _corpus(tmp_path)

    def no_pool(names: list[str], jobs: int) -> None:
        raise AssertionError("a process pool for one CPU")

    monkeypatch.setattr(reading, "_in_pool", no_pool)
    monkeypatch.setattr(reading.os, "cpu_count", lambda: 1)
    assert len(list(gd.read_reports(folder, jobs=8, progress=False))) == 5


@pytest.mark.parametrize("progress", [False, True])
def test_read_reports_stops_early(
    tmp_path: Path, progress: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """Closing the results early shuts the pool down and ends the progress bar."""
    folder = _corpus(tmp_path)
    results = gd.read_reports(folder, jobs=2, progress=progress)
    first = next(results)
    results.close()  # type: ignore[attr-defined]
    assert first.path.endswith("a.json")
    with pytest.raises(StopIteration):
        next(results)


def test_progress_with_tqdm(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """progress=True draws a tqdm bar on stderr when tqdm is installed."""
    pytest.importorskip("tqdm")
    folder = _corpus(tmp_path)
    assert len(list(gd.read_reports(folder, progress=True))) == 5
    assert "5/5" in capsys.readouterr().err


def test_progress_without_tqdm(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without tqdm, a plain line on stderr (here only the last: the run takes < 1 s)."""
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    folder = _corpus(tmp_path)
    assert len(list(gd.read_reports(folder, progress=True))) == 5
    err = capsys.readouterr().err
    assert err.startswith("已读取 5/5 个文件")
    assert err.count("\n") == 1


def test_progress_by_default_only_on_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """progress=None: quiet when stderr is not a terminal, shown when it is."""
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    folder = _corpus(tmp_path)
    list(gd.read_reports(folder))
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(reading, "_stderr_is_terminal", lambda: True)
    list(gd.read_reports(folder))
    assert "已读取 5/5" in capsys.readouterr().err


def test_lines_at_most_once_a_second(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The plain progress prints when a second has passed, and at the end."""
    clock = iter([0.0, 0.2, 1.5, 1.7, 1.8])
    monkeypatch.setattr(reading.time, "monotonic", lambda: next(clock))
    lines = reading._Lines(3)
    for _ in range(3):
        lines.update()
    lines.close()
    assert [line.split("（")[0] for line in capsys.readouterr().err.splitlines()] == [
        "已读取 2/3 个文件", "已读取 3/3 个文件",
    ]  # fmt: skip
