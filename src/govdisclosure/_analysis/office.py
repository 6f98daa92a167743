"""``govdisclosure summary``: what a supervising office does with the reports it received.

Read every file (:func:`~govdisclosure._analysis.batch.summarize_file`, in worker
processes), reconcile the reports with the roster and the year collected
(:mod:`~govdisclosure._analysis.reconcile`), compare each unit with its report of the year
before, and write the workbook: 汇总 with a 合计 row, 问题清单, 未报送, 重复, 同比 and
无法读取的文件, every word in Chinese.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from govdisclosure import _format
from govdisclosure._analysis.batch import Progress, capped_jobs, mapped, summarize_file
from govdisclosure._analysis.reading import walk
from govdisclosure._analysis.reconcile import (
    Reconciliation,
    Submission,
    reconcile_submissions,
)
from govdisclosure._analysis.roster import Roster, read_roster
from govdisclosure._format.vocabulary import name_key
from govdisclosure._io.excel.summary import LEVEL_WORDS, SummaryEntry, violation_row
from govdisclosure._io.xlsx.stream import PageSetup, StreamSheet, Style, new_styles
from govdisclosure._validation.engine import check_cross_year
from govdisclosure.errors import GovDisclosureError
from govdisclosure.zh import format_date

__all__ = ["EXIT_NOTHING_READ", "run_summary"]

#: The exit status when no report at all could be read (as for bad usage).
EXIT_NOTHING_READ = 2
#: How many of a unit's cells 同比 lists, the largest changes first.
CHANGES_SHOWN = 5

_HEADER = Style(bold=True, fill="DDEBF7", wrap=True)
_WRAP = Style(wrap=True)


def run_summary(
    paths: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    roster: str | os.PathLike[str] | Roster | None = None,
    year: int | None = None,
    previous: Sequence[str | os.PathLike[str]] = (),
    accept_doubts: bool = False,
    jobs: int = 1,
    quiet: bool = False,
) -> int:
    """Check every report under ``paths`` and write the office's workbook (the CLI command).

    Returns:
        The exit status: 0 when every expected unit reported and nothing has an error; 1
        when a report has an error, a unit is missing, late or duplicated, or a file could
        not be read; 2 when no report could be read at all.

    Raises:
        GovDisclosureError: ``output`` cannot be written, a path does not exist, or the
            roster cannot be used (all checked before any file is read).
    """
    from govdisclosure._io.atomic import atomic_write, check_writable
    from govdisclosure._io.excel.summary import summary_entries_bytes

    given = [os.fspath(p) for p in paths]
    # Fail before reading thousands of files, not after.
    check_writable(Path(output))
    for path in [*given, *(os.fspath(p) for p in previous)]:
        if not os.path.exists(path):
            raise GovDisclosureError(
                "no such file or folder", file=os.fspath(path), detail_zh="文件或文件夹不存在"
            )
    if roster is not None and not isinstance(roster, Roster):
        roster = read_roster(roster)
    jobs = _jobs(jobs)
    found = walk(given, refuse=True, skip=[output])
    step = functools.partial(
        summarize_file, accept_doubts=accept_doubts, keep_report=bool(previous)
    )
    entries, failures = _read(found.files, step, jobs, quiet)
    folders = sum(1 for name, _ in found.refused if os.path.isdir(name))
    # A folder that cannot be listed says why in both languages; the workbook is Chinese.
    refused = [(name, getattr(why, "message_zh", why)) for name, why in found.refused]
    failures = refused + failures
    entries = [e._replace(file=_shown(e.file, given)) for e in entries]
    comparisons: list[list[object]] = []
    if previous:
        earlier = functools.partial(step, check=False)
        entries, comparisons = _compare(entries, _previous(previous, earlier, jobs), roster)
    entries, reconciliation = _reconcile(entries, roster, year)
    styles = new_styles()
    sheets = _office_sheets(styles, reconciliation, entries, comparisons, bool(previous))
    shown = [(_shown(name, given), reason) for name, reason in failures]
    workbook = summary_entries_bytes(entries, shown, total=True, sheets=sheets, styles=styles)
    atomic_write(Path(output), workbook)
    _print_outcome(entries, len(shown) - folders, folders, reconciliation, output)
    if not entries:
        return EXIT_NOTHING_READ
    bad = any(e.count("error") for e in entries) or failures
    return 1 if bad or not _complete(reconciliation) else 0


def _jobs(jobs: int) -> int:
    usable = capped_jobs(jobs)
    if usable < jobs:
        print(f"提示：--jobs {jobs} 超过处理器数，按 {usable} 个进程运行", file=sys.stderr)
    return usable


def _read(
    files: list[str], step: Any, jobs: int, quiet: bool
) -> tuple[list[SummaryEntry], list[tuple[str, str]]]:
    """The summary rows of the files that were read, and why the others were not."""
    entries: list[SummaryEntry] = []
    failures: list[tuple[str, str]] = []
    progress = Progress(len(files), quiet=quiet)
    # The workers send back plain summary rows, not report objects: the parent's share of
    # the work stays small, so more processes make the command faster.
    for done in mapped(step, files, jobs, progress):
        if done.entry is not None:
            entries.append(done.entry)
        elif done.reason is not None:
            failures.append((done.path, done.reason))
    return entries, failures


def _shown(name: str, given: Sequence[str]) -> str:
    """A file as the workbook names it: relative to the folder given, else as given."""
    for root in given:
        if os.path.isdir(root):
            relative = os.path.relpath(name, root)
            if not relative.startswith(os.pardir):
                return relative if relative != "." else name
    return name


def _reconcile(
    entries: list[SummaryEntry], roster: Roster | None, year: int | None
) -> tuple[list[SummaryEntry], Reconciliation]:
    """The rows with their status, unit and whether they count; and the reconciliation."""
    submissions = [
        Submission(
            file=e.file,
            agency=e.agency,
            year=e.year,
            level=e.level,
            published_on=e.published_on,
            modified=e.modified,
            errors=e.count("error"),
            warnings=e.count("warning"),
            doubts=1 if e.status == "有疑问" else 0,
        )
        for e in entries
    ]
    found = reconcile_submissions(submissions, roster=roster, year=year)
    rows = []
    for entry, status, unit in zip(entries, found.statuses, found.units, strict=True):
        listed = roster.unit_for(entry.agency) if roster is not None else None
        rows.append(
            entry._replace(
                status=status.value,
                counted=status.counted,
                unit=unit if roster is not None else None,
                group=listed.group if listed is not None else None,
            )
        )
    return rows, found


def _complete(found: Reconciliation) -> bool:
    """Every expected unit reported, on time, once."""
    return not (found.missing or found.late or found.duplicates)


# ---------------------------------------------------------------------------
# Last year's reports


def _previous(paths: Sequence[str | os.PathLike[str]], step: Any, jobs: int) -> list[SummaryEntry]:
    files = walk(list(paths)).files
    entries, _ = _read(files, step, jobs, quiet=True)
    return entries


def _unit_key(agency: str, roster: Roster | None) -> str:
    unit = roster.unit_for(agency) if roster is not None else None
    return unit.name if unit is not None else name_key(agency)


def _compare(
    entries: list[SummaryEntry], previous: list[SummaryEntry], roster: Roster | None
) -> tuple[list[SummaryEntry], list[list[object]]]:
    """Each report against its unit's report of the year before: the rows of 同比.

    The cross-year findings join the report's findings (问题清单, its warning count).
    """
    before: dict[tuple[str, int], SummaryEntry] = {}
    for earlier in sorted(previous, key=lambda e: e.modified):
        before[(_unit_key(earlier.agency, roster), earlier.year)] = earlier
    rows: list[list[object]] = []
    updated = []
    for entry in entries:
        old = before.get((_unit_key(entry.agency, roster), entry.year - 1))
        if old is None or entry.report is None or old.report is None:
            rows.append([entry.agency, entry.file, None, "上年无报告", None, None, None, None,
                         None, f"未找到该单位 {entry.year - 1} 年度的报告"])  # fmt: skip
            updated.append(entry._replace(report=None))
            continue
        rows.extend(_changes(entry, old))
        found = _cross_year(entry, old)
        rows.extend(
            [entry.agency, entry.file, old.file, f"跨年度检查 {v[0]}", v[7],
             None, None, None, None, v[5]]
            for v in found
        )  # fmt: skip
        violations = (*(entry.violations or ()), *found)
        updated.append(entry._replace(violations=violations, report=None))
    return updated, rows


def _cross_year(entry: SummaryEntry, old: SummaryEntry) -> list[tuple[object, ...]]:
    import attrs

    assert entry.report is not None
    assert old.report is not None
    # The roster may match the two years under different names (an alias): same unit.
    then = attrs.evolve(old.report, meta=attrs.evolve(old.report.meta, agency=entry.agency))
    result = check_cross_year(entry.report, then)
    return [violation_row(v, entry.version) for v in result.violations]


def _changes(entry: SummaryEntry, old: SummaryEntry) -> list[list[object]]:
    """The cells of the report that changed most from last year's, the largest first."""
    from govdisclosure._validation.locations import place_words

    spec = _format.format_spec(entry.version)
    position = _format.format_spec(old.version).position
    changed = []
    for path, new in zip(spec.paths, entry.values, strict=True):
        i = position.get(path)
        was = None if i is None else old.values[i]
        if new is None or was is None or new == was:
            continue
        changed.append((abs(Decimal(new) - Decimal(was)), path, was, new))
    changed.sort(key=lambda c: c[0], reverse=True)
    rows: list[list[object]] = []
    for _, path, was, new in changed[:CHANGES_SHOWN]:
        change = new - was
        relative = f"{Decimal(change) / Decimal(was):+.1%}" if was else None
        rows.append([entry.agency, entry.file, old.file, "变化最大的单元格",
                     place_words(path, spec)[0], was, new, change, relative, None])  # fmt: skip
    return rows


# ---------------------------------------------------------------------------
# The office's sheets


def _office_sheets(
    styles: Any,
    found: Reconciliation,
    entries: Sequence[SummaryEntry],
    comparisons: list[list[object]],
    compared: bool,
) -> list[StreamSheet]:
    sheets = []
    if found.roster is not None or found.late:
        sheets.append(_missing_sheet(styles, found))
    if found.duplicates:
        sheets.append(_duplicates_sheet(styles, found))
    if compared:
        sheets.append(_comparison_sheet(styles, comparisons))
    return sheets


def _sheet(styles: Any, name: str, header: Sequence[str], widths: Sequence[float]) -> StreamSheet:
    sheet = StreamSheet(styles, name, widths, (1, 0), page=PageSetup(title_rows=1, filter_row=1))
    sheet.append(header, _HEADER)
    return sheet


def _missing_sheet(styles: Any, found: Reconciliation) -> StreamSheet:
    """未报送: the units with no report of the year, then the late ones."""
    sheet = _sheet(
        styles,
        "未报送",
        ("单位", "层级", "分组", "情况", "文件", "发布日期", "截止日期"),
        (30, 8, 16, 10, 40, 16, 16),
    )
    for unit in found.missing:
        level = LEVEL_WORDS.get(unit.level) if unit.level is not None else None
        sheet.append([unit.name, level, unit.group, "未报送", None, None, None])
    for late in found.late:
        listed = found.roster.unit_for(late.unit) if found.roster is not None else None
        sheet.append(
            [
                late.unit,
                LEVEL_WORDS[late.level],
                listed.group if listed is not None else None,
                "逾期发布",
                late.file,
                format_date(late.published_on),
                format_date(late.deadline),
            ]
        )
    return sheet


def _duplicates_sheet(styles: Any, found: Reconciliation) -> StreamSheet:
    """重复: every unit with more than one report of the year, and which one counts."""
    sheet = _sheet(styles, "重复", ("单位", "文件", "是否采用"), (30, 50, 30))
    for duplicate in found.duplicates:
        for file in duplicate.files:
            used = "采用（最新的文件）" if file == duplicate.used else "未采用"
            sheet.append([duplicate.unit, file, used])
    return sheet


def _comparison_sheet(styles: Any, rows: list[list[object]]) -> StreamSheet:
    """同比: per unit, the cells that changed most and the cross-year findings."""
    sheet = _sheet(
        styles,
        "同比",
        ("单位", "文件", "上年文件", "类别", "表/行/列", "上年", "本年", "变化", "变化率", "说明"),
        (24, 30, 30, 16, 36, 10, 10, 10, 10, 50),
    )
    for row in rows:
        sheet.append([(v, _WRAP) if isinstance(v, str) and len(v) > 30 else v for v in row])
    return sheet


def _print_outcome(
    entries: Sequence[SummaryEntry],
    files: int,
    folders: int,
    found: Reconciliation,
    output: str | os.PathLike[str],
) -> None:
    with_errors = sum(1 for e in entries if e.count("error"))
    counted = sum(1 for e in entries if e.counted)
    unread = f"{files} 个文件" + (f"、{folders} 个文件夹" if folders else "")
    print(
        f"{len(entries) + files} 个文件：读取 {len(entries)} 份报告，其中 {with_errors} 份"
        f"有错误；{unread}无法读取。"
    )
    if found.year is not None:
        print(f"{found.year} 年度计入合计 {counted} 份报告。")
    for line in found.problems():
        print(line)
    print(f"汇总已写入 {os.fspath(output)}")
