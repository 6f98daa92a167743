"""The JSON form of a report, through a cattrs converter of our own.

The JSON object mirrors the model: ``meta``, ``preface``, then the six sections, each
table a mapping of rows to mappings of columns, so that a cell's JSON path is its cell path
(``$.applications.new_received.total``). Money is a decimal string, dates are ISO 8601,
blank cells are ``null``. Reading is strict: every key is required, unknown keys and values
of the wrong type are errors, and all problems are reported together with their paths.
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
import json
import os
import re
import typing
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn

from govdisclosure._archive import ExcelLimits, open_regular
from govdisclosure._format import AgencyLevel, FormatVersion
from govdisclosure._model.meta import ReportMeta
from govdisclosure._model.report import TABLE_CLASSES, AnnualReport
from govdisclosure.errors import Bilingual, InvalidReportError, ReportDataError

__all__ = [
    "SCHEMA",
    "from_dict",
    "from_json",
    "json_schema",
    "make_converter",
    "to_dict",
    "to_json",
]

#: The marker every JSON report carries in its ``schema`` key.
SCHEMA = "govdisclosure/report/v1"

_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")
# Every valid Gregorian date from 0001-01-01 to 9999-12-31, leap days included, so the JSON
# Schema pattern and the reader accept exactly the same strings.
_DATE = re.compile(
    r"(?:(?!0000)[0-9]{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
    r"|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
    r"|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)"
)
#: The JSON Schema pattern of a money string (anchored, as JSON Schema patterns are not).
DECIMAL_PATTERN = "^" + _DECIMAL.pattern + "$"
DATE_PATTERN = "^" + _DATE.pattern + "$"
_MAX_SHOWN = 40
_MAX_PROBLEMS = 200


def _shown(value: object) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):  # pragma: no cover - JSON input is always dumpable
        text = repr(value)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


class _JSONValueError(ValueError):
    """A JSON value of the wrong type or form; its message is shown to the user as is."""

    def __init__(self, message: str, message_zh: str) -> None:
        super().__init__(message)
        self.message = Bilingual(message, message_zh)


def _structure_int(value: object, _: type) -> int:
    if type(value) is int:
        return value
    # JSON has one number type: 5.0 is the integer 5 (as JSON Schema's "integer" says).
    if type(value) is float and value.is_integer():
        return int(value)
    raise _JSONValueError(
        f"expected an integer, got {_shown(value)}", f"应为整数，实为 {_shown(value)}"
    )


def _structure_count(value: object, _: type) -> int | None:
    if value is None or type(value) is int:
        return value
    return _structure_int(value, int)


def _structure_money(value: object, _: type) -> Decimal | None:
    return None if value is None else _structure_decimal(value, Decimal)


def _structure_str(value: object, _: type) -> str:
    if type(value) is str:
        return value
    raise _JSONValueError(
        f"expected a string, got {_shown(value)}", f"应为字符串，实为 {_shown(value)}"
    )


def _structure_decimal(value: object, _: type) -> Decimal:
    if type(value) is str and _DECIMAL.fullmatch(value):
        return Decimal(value)
    raise _JSONValueError(
        f'expected a decimal number in a string, like "12.5", got {_shown(value)}',
        f'应为写在字符串中的小数（如 "12.5"），实为 {_shown(value)}',
    )


def _structure_date(value: object, _: type) -> dt.date:
    if type(value) is str and _DATE.fullmatch(value):
        return dt.date.fromisoformat(value)
    raise _JSONValueError(
        f'expected a date like "2024-01-31", got {_shown(value)}',
        f'应为日期（如 "2024-01-31"），实为 {_shown(value)}',
    )


def _enum_hook(enum_type: type[FormatVersion] | type[AgencyLevel]) -> Callable[[object, type], Any]:
    allowed = ", ".join(json.dumps(member.value) for member in enum_type)

    def structure(value: object, _: type) -> Any:
        if type(value) is str:
            try:
                return enum_type(value)
            except ValueError:
                pass
        raise _JSONValueError(
            f"expected one of {allowed}, got {_shown(value)}",
            f"应为 {allowed} 之一，实为 {_shown(value)}",
        )

    return structure


def _structure_notes(value: object, _: type) -> tuple[str, ...]:
    if type(value) is not list:
        raise _JSONValueError(
            f"expected an array of strings, got {_shown(value)}",
            f"应为字符串数组，实为 {_shown(value)}",
        )
    bad = [i for i, item in enumerate(value) if type(item) is not str]
    if bad:
        raise _JSONValueError(
            f"expected an array of strings; item {bad[0]} is {_shown(value[bad[0]])}",
            f"应为字符串数组；第 {bad[0]} 项为 {_shown(value[bad[0]])}",
        )
    return tuple(value)


def _decimal_text(value: Decimal) -> str:
    # format(…, "f") never writes an exponent, so 1E+2 is written "100".
    return format(value, "f")


def _strict_attrs_hook(converter: cattrs.Converter) -> Callable[[type], Callable[..., Any]]:
    """Structure hooks for attrs classes that also require every key to be present."""

    def factory(cls: type) -> Callable[..., Any]:
        base: Callable[[Any, Any], Any] = make_dict_structure_fn(
            cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
        )
        names = tuple(a.name for a in attrs.fields(cls))
        required = frozenset(names)

        def structure(value: object, type_: type) -> Any:
            if type(value) is not dict:
                raise _JSONValueError(
                    f"expected an object, got {_shown(value)}", f"应为对象，实为 {_shown(value)}"
                )
            if required <= value.keys():
                return base(value, type_)
            missing = [name for name in names if name not in value]
            problems: list[Exception] = [_missing(name) for name in missing]
            try:
                base(value, type_)
            except ClassValidationError as group:
                problems.extend(group.exceptions)
            raise ClassValidationError(f"while structuring {cls.__name__}", problems, cls)

        return structure

    return factory


class _MissingKeyError(KeyError):
    """A required key is absent; carries the key for the error path."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _missing(name: str) -> _MissingKeyError:
    return _MissingKeyError(name)


def _is_notes(type_: object) -> bool:
    return type_ == tuple[str, ...]


def make_converter() -> cattrs.Converter:
    """Return the converter behind :func:`to_dict` and :func:`from_dict`.

    A new converter each call, configured for the JSON form (never cattrs' global one).
    """
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_structure_hook(int, _structure_int)
    # The cells: `int | None` and `Decimal | None` straight to our hooks, without cattrs'
    # generic union dispatch (a cell is read 200 times per report).
    converter.register_structure_hook_func(lambda t: t == (int | None), _structure_count)
    converter.register_structure_hook_func(lambda t: t == (Decimal | None), _structure_money)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_structure_hook(FormatVersion, _enum_hook(FormatVersion))
    converter.register_structure_hook(AgencyLevel, _enum_hook(AgencyLevel))
    converter.register_structure_hook_func(_is_notes, _structure_notes)
    converter.register_structure_hook_factory(attrs.has, _strict_attrs_hook(converter))
    converter.register_unstructure_hook(Decimal, _decimal_text)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_unstructure_hook(FormatVersion, lambda v: v.value)
    converter.register_unstructure_hook(AgencyLevel, lambda v: v.value)
    converter.register_unstructure_hook_func(_is_notes, list)
    return converter


_CONVERTER: cattrs.Converter | None = None
_REPORT_FIELDS = tuple(a.name for a in attrs.fields(AnnualReport))


def _converter() -> cattrs.Converter:
    global _CONVERTER
    if _CONVERTER is None:
        _CONVERTER = make_converter()
    return _CONVERTER


def to_dict(report: AnnualReport) -> dict[str, Any]:
    """Return the JSON-ready dict of a report (money as strings, dates as ISO strings).

    >>> import govdisclosure as gd
    >>> data = gd.to_dict(gd.examples.load("qijiang-psb-2023"))
    >>> data["schema"], data["applications"]["new_received"]["total"]
    ('govdisclosure/report/v1', 1)
    >>> data["proactive_disclosure"]["administrative_fees"]
    {'amount_10k_yuan': '110'}
    """
    if not isinstance(report, AnnualReport):
        raise TypeError(f"expected an AnnualReport, got {type(report).__name__}")
    conv = _converter()
    data: dict[str, Any] = {"schema": SCHEMA}
    for name in _REPORT_FIELDS:
        value = getattr(report, name)
        data[name] = None if value is None else conv.unstructure(value, type(value))
    return data


def to_json(report: AnnualReport, *, indent: int | None = 2) -> str:
    """Return a report as JSON text (UTF-8 text, Chinese unescaped).

    Args:
        report: the report.
        indent: spaces per level, or ``None`` for the most compact form.
    """
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent)


class _Problems:
    """Collects ``(path, message)`` pairs, keeping the first :data:`_MAX_PROBLEMS`.

    Each message says it in English and in Chinese.

    A document with millions of bad keys is refused as quickly as one with a single bad key:
    past the limit, problems are only counted.
    """

    def __init__(self) -> None:
        self.items: list[tuple[str, Bilingual]] = []
        self.count = 0

    def add(self, steps: list[str], message: Bilingual) -> None:
        self.count += 1
        if len(self.items) < _MAX_PROBLEMS:
            self.items.append(("$" + "".join(f".{step}" for step in steps), message))

    def add_path(self, path: str, message: Bilingual) -> None:
        self.count += 1
        if len(self.items) < _MAX_PROBLEMS:
            self.items.append((path, message))

    def extend(self, other: _Problems) -> None:
        self.count += other.count - len(other.items)
        for path, message in other.items:
            self.count += 1
            if len(self.items) < _MAX_PROBLEMS:
                self.items.append((path, message))

    def __bool__(self) -> bool:
        return self.count > 0


def _walk(exc: BaseException, steps: list[str], out: _Problems) -> None:
    """Flatten cattrs' exception groups into problems with their paths."""
    if isinstance(exc, ClassValidationError):
        for inner in exc.exceptions:
            notes = getattr(inner, "__notes__", [])
            name = getattr(notes[-1], "name", None) if notes else None
            if isinstance(inner, _MissingKeyError):
                out.add([*steps, inner.name], _MISSING_KEY)
            elif isinstance(inner, ForbiddenExtraKeysError):
                extra = inner.extra_fields
                for key in heapq.nsmallest(_MAX_PROBLEMS, extra):
                    out.add([*steps, key], _UNKNOWN_KEY)
                out.count += max(0, len(extra) - _MAX_PROBLEMS)
            else:
                _walk(inner, [*steps, name] if name else steps, out)
    elif isinstance(exc, _JSONValueError):
        out.add(steps, exc.message)
    elif isinstance(exc, InvalidReportError):
        # A model check beyond JSON types, raised by the class itself.
        out.add(steps, Bilingual(str(exc), exc.message_zh))
    else:  # pragma: no cover - defensive: cattrs wraps unexpected failures like this
        text = f"{type(exc).__name__}: {exc}"
        out.add(steps, Bilingual(text, text))


@functools.cache
def _section_classes(version: FormatVersion) -> dict[str, Any]:
    """The class of each report field in a format version (type hints resolved once)."""
    classes: dict[str, Any] = dict(typing.get_type_hints(AnnualReport))
    classes.update(TABLE_CLASSES[version])
    classes["meta"] = ReportMeta
    return classes


def _version_of(data: dict[str, Any]) -> FormatVersion:
    """The format version a document declares, or the best guess to check it against."""
    meta = data.get("meta")
    if isinstance(meta, dict):
        declared = meta.get("format_version")
        if declared in ("2019", "2021"):
            return FormatVersion(declared)
        year = meta.get("year")
        if type(year) is int and year >= 2019:
            return FormatVersion.for_year(year)
    return FormatVersion.V2021


def _structure_section(
    conv: cattrs.Converter, name: str, cls: type, value: object, out: _Problems
) -> Any:
    try:
        return conv.structure(value, cls)
    except (ClassValidationError, _JSONValueError, InvalidReportError) as exc:
        _walk(exc, [name], out)
        return None


def from_dict(data: object) -> AnnualReport:
    """Build a report from its JSON-ready dict.

    Raises:
        ReportDataError: the data does not match the JSON form; the message lists every
            problem with its JSON path, e.g.
            ``$.applications.new_received.total: expected an integer, got "abc"``.

    >>> import govdisclosure as gd
    >>> gd.from_dict({"schema": "govdisclosure/report/v1"})
    Traceback (most recent call last):
    ...
    govdisclosure.errors.ReportDataError: the report data has 8 problems:
      $.meta: required key missing
    ...
    """
    if type(data) is not dict:
        problems = _Problems()
        problems.add_path(
            "$",
            Bilingual(f"expected an object, got {_shown(data)}", f"应为对象，实为 {_shown(data)}"),
        )
        raise _data_error(problems)
    return _from_dict(data, texts_checked=False)


def _from_dict(data: dict[str, Any], *, texts_checked: bool) -> AnnualReport:
    """:func:`from_dict` of an object; ``texts_checked``: no lone surrogate can be in it."""
    problems = (
        _text_problems(data) if not texts_checked and _may_have_text_problems(data) else _Problems()
    )
    if problems:
        raise _data_error(problems)
    conv = _converter()
    if data.get("schema") != SCHEMA:
        if "schema" not in data:
            what, what_zh = "missing", "缺少"
        else:
            what, what_zh = f"is {_shown(data['schema'])}", f"为 {_shown(data['schema'])}"
        problems.add(
            ["schema"], Bilingual(f'{what}; expected "{SCHEMA}"', f'{what_zh}；应为 "{SCHEMA}"')
        )
    for key in data:
        if key != "schema" and key not in _REPORT_FIELDS:
            problems.add([key], _UNKNOWN_KEY)
    version = _version_of(data)
    classes = _section_classes(version)
    values: dict[str, Any] = {}
    for name in _REPORT_FIELDS:
        if name not in data:
            problems.add([name], _MISSING_KEY)
            continue
        value = data[name]
        if name == "preface":
            if value is not None and type(value) is not str:
                problems.add(
                    ["preface"],
                    Bilingual(
                        f"expected a string or null, got {_shown(value)}",
                        f"应为字符串或 null，实为 {_shown(value)}",
                    ),
                )
            values[name] = value
            continue
        found = _Problems()
        values[name] = _structure_section(conv, name, classes[name], value, found)
        if found and name in TABLE_CLASSES[version]:
            found = _explain_variant(conv, name, version, value, found)
        problems.extend(found)
    if not problems:
        return AnnualReport(**values)
    raise _data_error(problems)


def _explain_variant(
    conv: cattrs.Converter,
    name: str,
    version: FormatVersion,
    value: object,
    found: _Problems,
) -> _Problems:
    """Say so plainly when a table is the other format's variant."""
    other = FormatVersion.V2019 if version is FormatVersion.V2021 else FormatVersion.V2021
    try:
        conv.structure(value, TABLE_CLASSES[other][name])
    except (ClassValidationError, _JSONValueError, InvalidReportError):
        return found
    explained = _Problems()
    explained.add(
        [name],
        Bilingual(
            f"this table is in the {other.value} format, but the report is in the "
            f"{version.value} format (meta.format_version / meta.year)",
            f"该表是 {other.value} 年格式，而报告是 {version.value} 年格式"
            "（meta.format_version / meta.year）",
        ),
    )
    return explained


def _data_error(problems: _Problems) -> ReportDataError:
    lines = tuple(message.at(path) for path, message in problems.items)
    lines_zh = tuple(line.message_zh for line in lines)
    count = problems.count
    more = f"\n  … and {count - len(lines)} more" if count > len(lines) else ""
    more_zh = f"\n  ……另有 {count - len(lines)} 处" if count > len(lines) else ""
    noun = "problem" if count == 1 else "problems"
    return ReportDataError(
        f"the report data has {count} {noun}:\n  " + "\n  ".join(lines) + more,
        tuple(str(line) for line in lines),
        detail_zh=f"报告数据有 {count} 处问题：\n  " + "\n  ".join(lines_zh) + more_zh,
        problems_zh=lines_zh,
    )


_MISSING_KEY = Bilingual("required key missing", "缺少必需的键")
_UNKNOWN_KEY = Bilingual("unknown key", "未知的键")


class _DuplicatedKeys(dict[str, Any]):
    """A JSON object that had a key more than once (the duplicated keys are kept)."""

    duplicates: list[str]


def _object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook``: a dict, marked when a key appears twice (JSON allows it)."""
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    marked = _DuplicatedKeys(result)
    marked.duplicates = []
    for key, _ in pairs:
        if key in seen:
            marked.duplicates.append(key)
        seen.add(key)
    return marked


_SURROGATE = re.compile("[\ud800-\udfff]")
#: A JSON escape of a surrogate code point (\uD800 to \uDFFF).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _step(path: str, key: object) -> str:
    return f"{path}.{_safe(str(key))}"


def _safe(text: str) -> str:
    """``text`` with each lone surrogate written as its escape, so it can be printed."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _may_have_text_problems(data: object) -> bool:
    """Whether :func:`_text_problems` could find anything: the same walk without paths."""
    stack: list[object] = [data]
    while stack:
        value = stack.pop()
        if type(value) is str:
            if _SURROGATE.search(value):
                return True
        elif isinstance(value, dict):
            if type(value) is not dict:
                return True  # a _DuplicatedKeys
            for key, item in value.items():
                if type(key) is str and _SURROGATE.search(key):
                    return True
                stack.append(item)
        elif isinstance(value, list):
            stack.extend(value)
    return False


def _text_problems(data: object) -> _Problems:
    r"""Duplicated keys and lone surrogates anywhere in ``data``, with their JSON paths.

    A lone surrogate (``"\ud800"`` in JSON) is not a character: UTF-8 cannot encode it, so
    writing the report would fail later. The walk uses a stack, as JSON nests deeply.
    """
    problems = _Problems()
    stack: list[tuple[str, object]] = [("$", data)]
    while stack:
        path, value = stack.pop()
        if type(value) is str:
            found = _SURROGATE.search(value)
            if found:
                code = f"\\u{ord(found.group()):04x}"
                problems.add_path(
                    path,
                    Bilingual(
                        f"lone surrogate {code} in the text "
                        "(not a character; the text must be valid Unicode)",
                        f"文字中有孤立的代理码位 {code}（不是字符；文字必须是有效的 Unicode）",
                    ),
                )
        elif isinstance(value, dict):
            for key in getattr(value, "duplicates", ()):
                problems.add_path(
                    _step(path, key),
                    Bilingual(
                        "duplicate key (each key may appear once)", "键重复（每个键只能出现一次）"
                    ),
                )
            for key, item in reversed(value.items()):
                step = _step(path, key)
                if type(key) is str and _SURROGATE.search(key):
                    problems.add_path(
                        step,
                        Bilingual(
                            "lone surrogate in the key (not a character)",
                            "键中有孤立的代理码位（不是字符）",
                        ),
                    )
                stack.append((step, item))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", item) for i, item in reversed(list(enumerate(value))))
    return problems


#: The largest JSON document :func:`from_json` reads by default: 64 MiB, a thousand times a
#: real report, so that a wrong file fails fast instead of filling memory.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def from_json(
    text: str | bytes | bytearray, *, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> AnnualReport:
    """Read a report from JSON text.

    Args:
        text: the JSON text, or its UTF-8 bytes.
        max_bytes: refuse larger documents (for text, its length in characters);
            ``None`` for no limit.

    Raises:
        ReportDataError: the text is not valid UTF-8 or JSON (the message gives the line and
            column) or does not match the JSON form (the message lists every problem with
            its JSON path).
        TypeError: ``text`` is neither text nor bytes, or ``max_bytes`` not an int.

    >>> import govdisclosure as gd
    >>> gd.from_json('{"schema": "govdisclosure/report/v1", "meta": ')
    Traceback (most recent call last):
    ...
    govdisclosure.errors.ReportDataError: not valid JSON: Expecting value at line 1 column 48
    """
    if not isinstance(text, (str, bytes, bytearray)):
        raise TypeError(f"from_json takes str or bytes, got {type(text).__name__}")
    if max_bytes is not None and (isinstance(max_bytes, bool) or not isinstance(max_bytes, int)):
        raise TypeError(f"max_bytes must be an int or None, got {type(max_bytes).__name__}")
    if max_bytes is not None and len(text) > max_bytes:
        raise _too_large(
            f"the document is {len(text):,} bytes", f"文档有 {len(text):,} 字节", max_bytes
        )
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            byte = f"{exc.object[exc.start]:#04x}"
            raise ReportDataError(
                f"not valid UTF-8: byte {byte} at offset {exc.start}",
                detail_zh=f"不是有效的 UTF-8 编码：第 {exc.start} 字节处为 {byte}",
            ) from None
    duplicates: list[object] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result = _object_pairs(items)
        if type(result) is not dict:
            duplicates.append(result)
        return result

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise ReportDataError(
            f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
            detail_zh=f"不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列（{exc.msg}）",
        ) from None
    except (ValueError, RecursionError) as exc:
        # Integers past Python's digit limit, or nesting deeper than the parser's stack.
        raise ReportDataError(
            f"not readable JSON: {exc}", detail_zh=f"无法读取的 JSON（{exc}）"
        ) from None
    if duplicates:
        raise _data_error(_text_problems(data))
    if type(data) is not dict:
        return from_dict(data)
    # Parsed JSON holds a lone surrogate only where the text has one or escapes one.
    clean = not _SURROGATE.search(text) and not _SURROGATE_ESCAPE.search(text)
    return _from_dict(data, texts_checked=clean)


def read_json_file(path: Path, limits: ExcelLimits | None = None) -> AnnualReport:
    """Read a report from a ``.json`` file (what :func:`govdisclosure.load` does for it).

    The size is checked before reading (at most :data:`DEFAULT_MAX_BYTES`, or the
    ``max_file_bytes`` of ``limits`` when given), and no more is read, so a huge file fails
    at once; a device (a link to ``/dev/zero``) or a pipe is refused unread.

    Raises:
        ReportDataError: the file is larger than the limit, not a regular file, or not a
            valid report.
        OSError: the file cannot be read.
    """
    max_bytes = DEFAULT_MAX_BYTES if limits is None else limits.max_file_bytes
    with open_regular(path, _fail) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise _too_large(f"the file is {size:,} bytes", f"文件有 {size:,} 字节", max_bytes)
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large("the file is larger than that", "文件超过此上限", max_bytes)
    return from_json(data, max_bytes=max_bytes)


def _fail(message: Bilingual, part: str | None) -> ReportDataError:
    return ReportDataError(message, detail_zh=message.message_zh)


def _too_large(what: str, what_zh: str, max_bytes: int) -> ReportDataError:
    return ReportDataError(
        f"{what}, more than the limit of {max_bytes:,} "
        "(a report is some tens of kilobytes; raise max_bytes to read it anyway)",
        detail_zh=f"{what_zh}，超过 {max_bytes:,} 字节的上限"
        "（一份报告只有几十 KB；确需读取可调大 max_bytes）",
    )


def json_file_bytes(report: AnnualReport) -> bytes:
    """A report as the bytes of a ``.json`` file: UTF-8, indented, ending in a newline."""
    return (to_json(report) + "\n").encode("utf-8")


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the JSON form.

    It accepts exactly the documents :func:`from_json` accepts.

    >>> schema = json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    from govdisclosure._io.schema import build_schema

    return build_schema(SCHEMA, DECIMAL_PATTERN, DATE_PATTERN)
