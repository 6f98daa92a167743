"""The units a supervising office expects reports from: its roster (名单).

An office keeps the list of its departments in a spreadsheet. :func:`read_roster` reads it
from ``.csv`` or ``.xlsx``: a column 单位名称, and optionally 别名 (other names the unit's
reports use, separated by ；or ;), 层级 (部门/政府, which sets the deadline) and 上级 or
分组 (for grouping). Reports are matched to units by the ``name_key`` of the name or an
alias (:mod:`govdisclosure._format.vocabulary`): exact after normalising widths, spaces and
brackets, never by guessing.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs

from govdisclosure._archive import file_path, open_regular
from govdisclosure._format import AgencyLevel
from govdisclosure._format.vocabulary import agency_level, name_key
from govdisclosure.errors import Bilingual, RosterError

__all__ = ["Roster", "Unit", "read_roster"]

#: The header words of each roster column, in the spellings offices use.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("单位名称", "单位", "名称", "机关名称", "部门名称", "单位全称"),
    "aliases": ("别名", "简称", "其他名称"),
    "level": ("层级", "单位层级", "类别", "类型"),
    "group": ("分组", "上级", "上级单位", "所属", "片区"),
}
_SEPARATORS = str.maketrans({"；": ";", "、": ";"})
_MAX_BYTES = 20 * 1024 * 1024


@attrs.frozen(kw_only=True)
class Unit:
    """One unit of a roster.

    Attributes:
        name: the unit's name as the office writes it.
        aliases: other names its reports may use.
        level: ``department`` or ``government`` (sets the deadline), ``None`` when the
            roster does not say.
        group: the unit's group or superior body, for grouping, when given.
    """

    name: str
    aliases: tuple[str, ...] = ()
    level: AgencyLevel | None = None
    group: str | None = None

    @property
    def keys(self) -> tuple[str, ...]:
        """The normalised names a report may match the unit by."""
        return tuple(dict.fromkeys(name_key(n) for n in (self.name, *self.aliases)))


@attrs.frozen
class Roster:
    """The units an office expects reports from (:func:`read_roster`).

    >>> roster = Roster((Unit(name="綦江区公安局", aliases=("重庆市綦江区公安局",)),))
    >>> roster.unit_for("重庆市 綦江区公安局").name
    '綦江区公安局'
    >>> roster.unit_for("綦江区财政局") is None
    True
    """

    units: tuple[Unit, ...]
    source: str | None = attrs.field(default=None, kw_only=True)
    _by_key: dict[str, Unit] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_key: dict[str, Unit] = {}
        for unit in self.units:
            for key in unit.keys:
                other = by_key.setdefault(key, unit)
                if other is not unit:
                    raise RosterError(
                        f"the name “{key}” belongs to both “{other.name}” and “{unit.name}”: "
                        "a report of that name could be either's",
                        file=self.source,
                        detail_zh=f"名称“{key}”同时属于“{other.name}”和“{unit.name}”，"
                        "无法确定报告属于哪个单位",
                    )
        object.__setattr__(self, "_by_key", by_key)

    def unit_for(self, agency: str) -> Unit | None:
        """The unit a report of ``agency`` belongs to, or ``None`` (名单外)."""
        return self._by_key.get(name_key(agency))

    def __iter__(self) -> Iterator[Unit]:
        return iter(self.units)

    def __len__(self) -> int:
        return len(self.units)


def read_roster(path: str | os.PathLike[str]) -> Roster:
    """Read a roster from a ``.csv`` (UTF-8 or GB18030) or ``.xlsx`` file.

    The first row holding a 单位名称 header (or 单位, 名称, 机关名称) is the header; each row
    below it with a name is a unit. Optional columns: 别名 (separated by ；, ; or 、),
    层级 (部门 or 政府, in any spelling the library reads), 分组 or 上级.

    Raises:
        RosterError: the file cannot be read, has no name column, a 层级 that is neither
            部门 nor 政府, or a name or alias given to two units (the message names the
            file and the row).
    """
    name = str(file_path(path))
    suffix = Path(name).suffix.lower()
    try:
        if suffix == ".csv":
            rows = _csv_rows(Path(name))
        elif suffix == ".xlsx":
            rows = _xlsx_rows(Path(name))
        else:
            raise RosterError(
                f"a roster is a .csv or .xlsx file, not {suffix or 'a file without a suffix'}",
                detail_zh=f"名单应为 .csv 或 .xlsx 文件，而不是 {suffix or '无后缀'} 文件",
            )
        return Roster(_units(rows), source=name)
    except RosterError as exc:
        exc.file = name
        raise
    except OSError as exc:
        why = exc.strerror or str(exc)
        raise RosterError(
            f"cannot read the roster: {why}", file=name, detail_zh=f"无法读取名单：{why}"
        ) from None


def _fail(message: Bilingual, part: str | None) -> RosterError:
    return RosterError(message, detail_zh=message.message_zh)


def _csv_rows(path: Path) -> list[tuple[int, list[str]]]:
    with open_regular(path, _fail) as stream:
        data = stream.read(_MAX_BYTES + 1)
    if len(data) > _MAX_BYTES:
        size = _MAX_BYTES // 1024 // 1024
        raise RosterError(
            f"the roster file is larger than {size} MB: not a list of units",
            detail_zh=f"名单文件超过 {size} MB，不像一份单位名单",
        )
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes nearly any bytes
        raise RosterError(
            "the roster is not text in UTF-8 or GB18030",
            detail_zh="名单不是 UTF-8 或 GB18030 编码的文本",
        )
    return [(n, row) for n, row in enumerate(csv.reader(io.StringIO(text)), start=1)]


def _xlsx_rows(path: Path) -> list[tuple[int, list[str]]]:
    from govdisclosure._io.xlsx.archive import DEFAULT_LIMITS
    from govdisclosure._io.xlsx.reader import read_path
    from govdisclosure.errors import ExcelError

    try:
        book = read_path(path, DEFAULT_LIMITS)
    except ExcelError as exc:
        raise RosterError(
            f"cannot read the roster: {exc.what()}", detail_zh=f"名单无法读取：{exc.what_zh()}"
        ) from None
    for sheet in book.sheets:
        grid: dict[int, dict[int, str]] = {}
        for (r, c), cell in sheet.cells.items():
            if cell.value is not None:
                grid.setdefault(r, {})[c] = str(cell.value)
        rows = [(r, [grid[r].get(c, "") for c in range(1, max(grid[r]) + 1)]) for r in sorted(grid)]
        if _header(rows) is not None:
            return rows
    return []


def _header(rows: Sequence[tuple[int, list[str]]]) -> tuple[int, dict[str, int]] | None:
    """The header row's index in ``rows`` and the column of each field it names."""
    for i, (_, row) in enumerate(rows[:50]):
        words = ["".join(cell.split()) for cell in row]
        columns = {
            field: next((c for c, word in enumerate(words) if word in spellings), -1)
            for field, spellings in _COLUMNS.items()
        }
        if columns["name"] >= 0:
            return i, {field: c for field, c in columns.items() if c >= 0}
    return None


def _units(rows: Sequence[tuple[int, list[str]]]) -> tuple[Unit, ...]:
    header = _header(rows)
    if header is None:
        raise RosterError(
            "the roster has no 单位名称 column (the header names 单位名称, and may name 别名, "
            "层级, 分组)",
            detail_zh="名单没有“单位名称”列（表头应含 单位名称，可选 别名、层级、分组）",
        )
    start, columns = header
    units = []
    for line, row in rows[start + 1 :]:

        def field(name: str, row: list[str] = row) -> str:
            c = columns.get(name)
            return row[c].strip() if c is not None and c < len(row) else ""

        name = field("name")
        if not name:
            continue
        level_text = field("level")
        level = agency_level(level_text) if level_text else None
        if level_text and level is None:
            raise RosterError(
                f"the level “{level_text}” is neither 部门 nor 政府",
                line=line,
                detail_zh=f"层级“{level_text}”应为 部门 或 政府",
            )
        aliases = tuple(a.strip() for a in field("aliases").translate(_SEPARATORS).split(";"))
        units.append(
            Unit(
                name=name,
                aliases=tuple(a for a in aliases if a),
                level=level,
                group=field("group") or None,
            )
        )
    if not units:
        raise RosterError("the roster lists no unit", detail_zh="名单中没有任何单位")
    return tuple(units)
