"""Tests of load and dump by file suffix."""

from __future__ import annotations

import os
from pathlib import Path

import attrs
import pytest

import govdisclosure as gd
from govdisclosure._format import vocabulary


def test_dump_and_load_json(tmp_path: Path) -> None:
    """A report written as .json reads back equal."""
    report = gd.examples.load("qijiang-psb-2023")
    target = tmp_path / "report.json"
    gd.dump(report, target)
    assert gd.load(target) == report
    assert target.read_text(encoding="utf-8").endswith("}\n")
    assert gd.load(str(target).upper() if False else str(target)) == report


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    """REPORT.JSON is JSON too."""
    target = tmp_path / "REPORT.JSON"
    gd.dump(gd.examples.load("qijiang-psb-2023"), target)
    assert gd.load(target).meta.year == 2023


@pytest.mark.parametrize("name", ["report.odt", "report", "report.json.bak"])
def test_unsupported_suffix_lists_supported(tmp_path: Path, name: str) -> None:
    """An unsupported suffix names the supported ones, for reading and writing."""
    with pytest.raises(gd.UnsupportedFormatError, match=r"supported: \.json \.xlsx \.html .*\.pdf"):
        gd.load(tmp_path / name)
    with pytest.raises(gd.UnsupportedFormatError, match=r"supported: \.json \.xlsx .*\.docx$"):
        gd.dump(gd.examples.load("qijiang-psb-2023"), tmp_path / name)


def test_load_names_the_file_in_errors(tmp_path: Path) -> None:
    """A bad file's error starts with its name; a missing file too."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": 1}', encoding="utf-8")
    with pytest.raises(gd.ReportDataError, match=r"bad\.json: the report data"):
        gd.load(bad)
    with pytest.raises(gd.GovDisclosureError, match=r"missing\.json: cannot read"):
        gd.load(tmp_path / "missing.json")


def test_dump_keeps_existing_file_on_failure(tmp_path: Path) -> None:
    """A failing write leaves the existing file whole and no temporary file behind."""
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(TypeError):
        gd.dump("not a report", target)  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["report.json"]


def test_atomic_write_cleans_up_when_replace_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failed rename removes the temporary file, keeps the target and names the target."""
    from govdisclosure._io import files as _io

    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device", str(args[0]))

    monkeypatch.setattr(_io.os, "replace", fail)
    with pytest.raises(gd.GovDisclosureError) as caught:
        _io.atomic_write(target, b"new")
    assert str(caught.value) == f"{target}: cannot write the file: No space left on device"
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["report.json"]


def test_dump_refuses_a_read_only_file(tmp_path: Path) -> None:
    """A read-only target is refused, naming it, even for root (who could replace it)."""
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(gd.GovDisclosureError) as caught:
        gd.dump(gd.examples.load("qijiang-psb-2023"), target)
    assert str(caught.value).startswith(f"{target}: cannot write the file: it is read-only")
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["report.json"]


def test_dump_refuses_a_file_the_user_cannot_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file with write bits the user has no access to (os.access says no) is refused."""
    from govdisclosure._io import atomic

    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    real = os.access
    monkeypatch.setattr(
        atomic.os, "access", lambda p, m: False if Path(p) == target else real(p, m)
    )
    with pytest.raises(gd.GovDisclosureError, match="it is read-only"):
        atomic.atomic_write(target, b"new")
    assert target.read_text(encoding="utf-8") == "old"


def test_dump_names_the_missing_or_unwritable_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A missing or unwritable folder is named with the user's file, never a temporary file."""
    from govdisclosure._io import atomic

    report = gd.examples.load("qijiang-psb-2023")
    target = tmp_path / "missing" / "report.json"
    with pytest.raises(gd.GovDisclosureError) as caught:
        gd.dump(report, target)
    assert str(caught.value) == (
        f"{target}: cannot write the file: the folder {tmp_path / 'missing'} does not exist"
    )
    real = os.access
    monkeypatch.setattr(
        atomic.os, "access", lambda p, m: False if Path(p) == tmp_path else real(p, m)
    )
    target = tmp_path / "report.json"
    with pytest.raises(gd.GovDisclosureError) as caught:
        gd.dump(report, target)
    assert str(caught.value) == (
        f"{target}: cannot write the file: the folder {tmp_path} is not writable"
    )
    assert ".tmp" not in str(caught.value)
    (tmp_path / "folder.json").mkdir()
    with pytest.raises(gd.GovDisclosureError, match="it is a folder"):
        gd.dump(report, tmp_path / "folder.json")


def test_dump_keeps_file_mode(tmp_path: Path) -> None:
    """Replacing a file keeps its permissions; a new file is world-readable."""
    target = tmp_path / "report.json"
    report = gd.examples.load("qijiang-psb-2023")
    gd.dump(report, target)
    assert target.stat().st_mode & 0o777 == 0o644
    target.chmod(0o600)
    gd.dump(report, target)
    assert target.stat().st_mode & 0o777 == 0o600


def test_supported_suffixes_are_listed() -> None:
    """The suffixes load and dump accept are listed."""
    from govdisclosure._io import files as _io

    assert _io.readable_suffixes() == (
        ".json", ".xlsx", ".html", ".htm", ".shtml", ".xhtml", ".txt", ".text", ".md",
        ".markdown", ".docx", ".pdf",
    )  # fmt: skip
    assert _io.writable_suffixes() == (
        ".json", ".xlsx", ".html", ".htm", ".shtml", ".xhtml", ".txt", ".text", ".md",
        ".markdown", ".docx",
    )  # fmt: skip


@pytest.mark.parametrize("kind", [k for k in vocabulary.FILE_KINDS if k.published])
def test_load_reads_every_suffix_parse_file_reads(
    tmp_path: Path, kind: vocabulary.FileKind
) -> None:
    """Every suffix parse_file reads, load reads too, to the same report."""
    report = gd.examples.load("qijiang-psb-2023")
    written = tmp_path / f"written{kind.suffixes[0]}"
    if kind.id == "pdf":
        pytest.importorskip("pdfplumber")
        written = Path(__file__).parents[1] / "data" / "pdf" / "qijiang-psb-2023.pdf"
        if not written.exists():
            pytest.skip("no PDF fixture")
    else:
        gd.dump(report, written)
    for suffix in kind.suffixes:
        copy = tmp_path / f"copy{suffix.upper()}"
        copy.write_bytes(written.read_bytes())
        assert gd.load(copy) == gd.parse_file(copy).report


def test_load_published_report(data_dir: Path) -> None:
    """gd.load reads a published report by its suffix, through the parser."""
    report = gd.load(data_dir / "corpus" / "qijiang-psb-2023.txt")
    assert dict(report.cells()) == dict(gd.examples.load("qijiang-psb-2023").cells())


@pytest.mark.parametrize("suffix", [".html", ".md", ".txt", ".docx"])
def test_dump_documents_read_back(tmp_path: Path, suffix: str) -> None:
    """Dump writes a published document by suffix, and load reads it back unchanged.

    Plain text carries what it prints: its source is the file it was read from.
    """
    report = gd.examples.load("qijiang-psb-2023")
    target = tmp_path / f"report{suffix}"
    gd.dump(report, target)
    if suffix == ".txt":
        report = attrs.evolve(report, meta=attrs.evolve(report.meta, source=target.name))
    assert gd.load(target) == report


def test_load_names_what_the_user_can_do(tmp_path: Path) -> None:
    """A folder, an old Word file and a file without a suffix each get advice, not a riddle."""
    with pytest.raises(gd.UnsupportedFormatError, match="is a folder, not a report file"):
        gd.load(tmp_path)
    (tmp_path / "a.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(gd.UnsupportedFormatError, match=r"请另存为 \.docx 后重新提交"):
        gd.load(tmp_path / "a.doc")
    (tmp_path / "README").write_text("x", encoding="utf-8")
    with pytest.raises(gd.UnsupportedFormatError, match="cannot read files without a suffix"):
        gd.load(tmp_path / "README")


def test_a_renamed_file_is_named_for_what_it_is(tmp_path: Path) -> None:
    """A workbook named .docx, or a Word file named .xlsx, says what it is; no stream names."""
    pytest.importorskip("docx")
    report = gd.examples.load("qijiang-psb-2023")
    gd.dump(report, tmp_path / "r.xlsx")
    (tmp_path / "r.xlsx").rename(tmp_path / "book.docx")
    with pytest.raises(gd.ParseError, match=r"this is an Excel workbook \(\.xlsx\)") as caught:
        gd.load(tmp_path / "book.docx")
    assert "BytesIO" not in str(caught.value)
    gd.dump(report, tmp_path / "r.docx")
    (tmp_path / "r.docx").rename(tmp_path / "word.xlsx")
    with pytest.raises(gd.ExcelError, match=r"this is a Word document"):
        gd.load(tmp_path / "word.xlsx")


@pytest.mark.parametrize("suffix", [".json", ".xlsx", ".html", ".docx"])
def test_load_takes_the_limits(tmp_path: Path, suffix: str) -> None:
    """load(path, limits=...) reads every kind within them; the file's size comes first."""
    report = gd.examples.load("qijiang-psb-2023")
    path = tmp_path / f"r{suffix}"
    gd.dump(report, path)
    assert gd.load(path, limits=gd.ExcelLimits()).meta == report.meta
    with pytest.raises(gd.GovDisclosureError, match="more than the limit of 100 ") as caught:
        gd.load(path, limits=gd.ExcelLimits(max_file_bytes=100))
    assert caught.value.file == str(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_load_refuses_a_pipe_without_waiting(tmp_path: Path) -> None:
    """A named pipe is refused at once: opening it to read would wait for a writer."""
    for suffix in (".json", ".xlsx", ".txt", ".pdf"):
        pipe = tmp_path / f"p{suffix}"
        os.mkfifo(pipe)
        with pytest.raises(gd.GovDisclosureError, match="not a regular file"):
            gd.load(pipe)
