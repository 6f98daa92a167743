"""What a supervising office checks across the reports it received: the reconciliation.

Given the reports (and, optionally, the roster of units expected to report and the year
being collected), :func:`reconcile` says of each report whether it counts, and why not
(重复, 年度不符, 名单外), and of the batch which units sent nothing, which sent late and
which sent more than once. It is plain bookkeeping on a few facts of each report
(:class:`Submission`), so the command line runs it on the rows its workers send back, and
a script on reports it read itself.
"""

from __future__ import annotations

import datetime as dt
import enum
import html
import os
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from govdisclosure._analysis.roster import Roster, Unit, read_roster
from govdisclosure._format import AgencyLevel
from govdisclosure._format.vocabulary import name_key
from govdisclosure._model.report import AnnualReport
from govdisclosure.zh import format_date, publication_deadline

__all__ = [
    "Duplicate",
    "Late",
    "Reconciliation",
    "ReportStatus",
    "Submission",
    "reconcile",
    "reconcile_submissions",
]


class ReportStatus(enum.Enum):
    """What became of one report in a summary; the values are the words the workbook uses.

    Attributes:
        PASSED: 通过, no error and no warning.
        WARNINGS: 有警告, warnings only.
        ERRORS: 有错误, at least one error.
        DOUBTS: 有疑问, read with doubts that were accepted (``--accept-doubts``).
        DUPLICATE: 重复, another report of the same unit and year is newer; not counted.
        WRONG_YEAR: 年度不符, not of the year being collected; not counted.
        OUT_OF_ROSTER: 名单外, matches no unit of the roster; not counted.
    """

    PASSED = "通过"
    WARNINGS = "有警告"
    ERRORS = "有错误"
    DOUBTS = "有疑问"
    DUPLICATE = "重复"
    WRONG_YEAR = "年度不符"
    OUT_OF_ROSTER = "名单外"

    @property
    def counted(self) -> bool:
        """``True`` when a report of this status is added into the total."""
        return self not in _NOT_COUNTED


_NOT_COUNTED = frozenset(
    {ReportStatus.DUPLICATE, ReportStatus.WRONG_YEAR, ReportStatus.OUT_OF_ROSTER}
)


@attrs.frozen(kw_only=True)
class Submission:
    """The facts of one received report the reconciliation works on.

    Attributes:
        file: the file it came from (or ``meta.source``; ``""`` when unknown).
        agency: the agency the report names.
        year: the report year.
        level: the agency level the report states, when it does.
        published_on: the publication date, when known.
        modified: when the file was last changed (seconds since the epoch; 0 unknown):
            of two reports of one unit, the newer file is used.
        errors: the number of errors validation found.
        warnings: the number of warnings (doubts accepted included).
        doubts: the number of doubts of the reading that were accepted.
    """

    file: str
    agency: str
    year: int
    level: AgencyLevel | None = None
    published_on: dt.date | None = None
    modified: float = 0.0
    errors: int = 0
    warnings: int = 0
    doubts: int = 0

    @property
    def checked_status(self) -> ReportStatus:
        """The status its findings give, before the batch is looked at."""
        if self.errors:
            return ReportStatus.ERRORS
        if self.doubts:
            return ReportStatus.DOUBTS
        return ReportStatus.WARNINGS if self.warnings else ReportStatus.PASSED


@attrs.frozen(kw_only=True)
class Late:
    """A report published after the statutory deadline (条例第四十九条).

    Attributes:
        unit: the unit (the roster's name, else the report's agency).
        file: the report's file.
        level: the level the deadline was taken from.
        published_on: the publication date.
        deadline: 1月31日 (departments) or 3月31日 (governments) of the next year.
    """

    unit: str
    file: str
    level: AgencyLevel
    published_on: dt.date
    deadline: dt.date


@attrs.frozen(kw_only=True)
class Duplicate:
    """A unit with more than one report of the year.

    Attributes:
        unit: the unit (the roster's name, else the report's agency).
        files: every file, in the order received.
        used: the file counted: the newest (last modified; of equal times, the last given).
    """

    unit: str
    files: tuple[str, ...]
    used: str


@attrs.frozen(kw_only=True)
class Reconciliation:
    """What :func:`reconcile` found.

    Attributes:
        year: the year collected (given, or the year most reports are of).
        statuses: the status of each report, parallel to the reports given.
        units: the unit of each report, parallel to the reports given: the roster's name
            of the unit it matched, else the report's own agency (``None`` 名单外).
        missing: the roster's units with no report of the year (未报送).
        late: the counted reports published after the deadline.
        duplicates: the units with more than one report of the year.
        roster: the roster, when one was given.
        files: the file of each report, parallel to the reports given.
    """

    year: int | None
    statuses: tuple[ReportStatus, ...]
    units: tuple[str | None, ...]
    files: tuple[str, ...]
    missing: tuple[Unit, ...]
    late: tuple[Late, ...]
    duplicates: tuple[Duplicate, ...]
    roster: Roster | None = None

    @property
    def counted(self) -> tuple[int, ...]:
        """The positions of the reports added into the total (one per unit, of the year)."""
        return tuple(i for i, status in enumerate(self.statuses) if status.counted)

    @property
    def wrong_year(self) -> tuple[str, ...]:
        """The files of the reports of another year."""
        return self._files(ReportStatus.WRONG_YEAR)

    @property
    def out_of_roster(self) -> tuple[str, ...]:
        """The files of the reports that match no unit of the roster."""
        return self._files(ReportStatus.OUT_OF_ROSTER)

    def _files(self, status: ReportStatus) -> tuple[str, ...]:
        return tuple(f for f, s in zip(self.files, self.statuses, strict=True) if s is status)

    @property
    def ok(self) -> bool:
        """``True`` when every unit reported once, on time, for the year, without errors."""
        return not (
            self.missing
            or self.late
            or self.duplicates
            or self.wrong_year
            or self.out_of_roster
            or ReportStatus.ERRORS in self.statuses
        )

    def problems(self) -> list[str]:
        """The findings as lines in Chinese, for a terminal or a log."""
        lines = [f"未报送：{unit.name}" for unit in self.missing]
        lines += [
            f"逾期：{late.unit}（{late.file}）发布于 {format_date(late.published_on)}，"
            f"截止日期 {format_date(late.deadline)}"
            for late in self.late
        ]
        lines += [
            f"重复：{d.unit} 有 {len(d.files)} 份报告，采用 {d.used}" for d in self.duplicates
        ]
        lines += [f"年度不符（非 {self.year} 年度）：{f}" for f in self.wrong_year]
        lines += [f"名单外：{f}" for f in self.out_of_roster]
        return lines

    def __str__(self) -> str:
        counted = len(self.counted)
        head = f"{self.year} 年度：收到 {len(self.statuses)} 份报告，计入合计 {counted} 份"
        if self.roster is not None:
            head += f"；名单 {len(self.roster)} 个单位，未报送 {len(self.missing)} 个"
        return "\n".join([head, *self.problems()])

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self.problems())
        head = html.escape(str(self).splitlines()[0])
        return f"<div><p><strong>{head}</strong></p><ul>{items}</ul></div>"


def reconcile(
    reports: Iterable[object],
    *,
    roster: Roster | str | os.PathLike[str] | None = None,
    year: int | None = None,
) -> Reconciliation:
    """Reconcile the reports an office received with its roster and the year it collects.

    Each report is validated for its status (通过, 有警告, 有错误); then, across the batch:
    a report of another year is 年度不符, one matching no unit of the roster 名单外, and of
    two reports of one unit the older file is 重复 (only the newest counts). The roster's
    units without a report of the year are missing; a counted report published after
    1月31日 (departments) or 3月31日 (governments) of the next year is late.

    Args:
        reports: :class:`~govdisclosure.ReadResult` (from :func:`~govdisclosure.read_reports`;
            those that failed are left out), :class:`~govdisclosure.ParseResult` or
            :class:`~govdisclosure.AnnualReport` items.
        roster: a :class:`Roster`, or the path of a roster file (:func:`read_roster`).
        year: the year collected; by default the year most reports are of.

    Returns:
        The statuses, the missing, late and duplicated units.

    >>> import attrs, govdisclosure as gd
    >>> one = gd.examples.load("qijiang-psb-2023")
    >>> old = attrs.evolve(one, meta=attrs.evolve(one.meta, year=2022))
    >>> roster = gd.Roster((gd.Unit(name="重庆市綦江区公安局"), gd.Unit(name="綦江区财政局")))
    >>> found = gd.reconcile([one, old], roster=roster, year=2023)
    >>> [s.value for s in found.statuses], [u.name for u in found.missing]
    (['通过', '年度不符'], ['綦江区财政局'])
    """
    from govdisclosure._analysis.items import NOT_DOUBTS, entries
    from govdisclosure._validation.engine import validate

    submissions = []
    for entry in entries(reports, "reports"):
        result = validate(entry.report)
        doubts = 0
        if entry.parsed is not None:
            doubts = sum(1 for w in entry.parsed.warnings if w.code not in NOT_DOUBTS)
        submissions.append(
            submission_of(
                entry.report,
                file=entry.source or entry.report.meta.source or "",
                errors=len(result.errors),
                warnings=len(result.warnings) + doubts,
                doubts=doubts,
            )
        )
    if roster is not None and not isinstance(roster, Roster):
        if not isinstance(roster, (str, os.PathLike)):
            raise TypeError(f"roster must be a Roster or a path, got {type(roster).__name__}")
        roster = read_roster(roster)
    return reconcile_submissions(submissions, roster=roster, year=year)


def submission_of(
    report: AnnualReport, *, file: str, errors: int, warnings: int, doubts: int = 0
) -> Submission:
    """The :class:`Submission` of a report read from ``file``."""
    meta = report.meta
    try:
        modified = os.stat(file).st_mtime if file else 0.0
    except (OSError, ValueError):
        modified = 0.0
    return Submission(
        file=file,
        agency=meta.agency,
        year=meta.year,
        level=meta.agency_level,
        published_on=meta.published_on,
        modified=modified,
        errors=errors,
        warnings=warnings,
        doubts=doubts,
    )


def collected_year(submissions: Sequence[Submission]) -> int | None:
    """The year most reports are of (of equal counts, the latest), ``None`` for none."""
    counts = Counter(s.year for s in submissions)
    return max(counts, key=lambda y: (counts[y], y)) if counts else None


def reconcile_submissions(
    submissions: Sequence[Submission],
    *,
    roster: Roster | None = None,
    year: int | None = None,
) -> Reconciliation:
    """:func:`reconcile` on the facts of the reports (what the command line's workers send)."""
    if year is None:
        year = collected_year(submissions)
    statuses = [s.checked_status for s in submissions]
    units: list[str | None] = []
    by_unit: dict[str, list[int]] = {}
    for i, sub in enumerate(submissions):
        unit = roster.unit_for(sub.agency) if roster is not None else None
        name = unit.name if unit is not None else (None if roster is not None else sub.agency)
        units.append(name)
        if sub.year != year:
            statuses[i] = ReportStatus.WRONG_YEAR
        elif name is None:
            statuses[i] = ReportStatus.OUT_OF_ROSTER
        else:
            by_unit.setdefault(name if roster is not None else name_key(name), []).append(i)
    duplicates = []
    for indexes in by_unit.values():
        if len(indexes) < 2:
            continue
        used = max(indexes, key=lambda i: (submissions[i].modified, i))
        for i in indexes:
            if i != used:
                statuses[i] = ReportStatus.DUPLICATE
        duplicates.append(
            Duplicate(
                unit=units[used] or submissions[used].agency,
                files=tuple(submissions[i].file for i in indexes),
                used=submissions[used].file,
            )
        )
    reported = {units[i] for i, status in enumerate(statuses) if status.counted}
    missing = tuple(u for u in roster or () if u.name not in reported) if roster else ()
    late = _late(submissions, statuses, units, roster)
    return Reconciliation(
        year=year,
        statuses=tuple(statuses),
        units=tuple(units),
        files=tuple(s.file for s in submissions),
        missing=missing,
        late=late,
        duplicates=tuple(duplicates),
        roster=roster,
    )


def _late(
    submissions: Sequence[Submission],
    statuses: Sequence[ReportStatus],
    units: Sequence[str | None],
    roster: Roster | None,
) -> tuple[Late, ...]:
    """The counted reports published after their deadline."""
    from govdisclosure._parse.recognise.facts import agency_level_of

    late = []
    for sub, status, unit in zip(submissions, statuses, units, strict=True):
        if not status.counted or sub.published_on is None:
            continue
        listed = roster.unit_for(sub.agency) if roster is not None else None
        level = (
            (listed.level if listed is not None else None)
            or sub.level
            or agency_level_of(sub.agency)
        )
        deadline = publication_deadline(sub.year, level=level.value)
        if sub.published_on > deadline:
            late.append(
                Late(
                    unit=unit or sub.agency,
                    file=sub.file,
                    level=level,
                    published_on=sub.published_on,
                    deadline=deadline,
                )
            )
    return tuple(late)
