"""The command line: ``govdisclosure`` (also ``python -m govdisclosure``).

Exit status: 0 on success (for ``validate``: no report has an error; with ``--strict``,
every report is 通过); 1 when a report has an error (with ``--strict``, also a warning); 2
for bad usage or a file that cannot be read; 141 when the output pipe was closed early
(``| head``), the status a shell gives a program ended by SIGPIPE.

What a reader warns about (an ExcelReadWarning, say) is printed on stderr as a clean
``警告：…`` line, never as a Python ``warnings`` traceback. Errors and warnings are printed in
Chinese (``govdisclosure：错误：…``); every command takes ``--lang en`` for English.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import re
import sys
import unicodedata
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from govdisclosure._format.vocabulary import FILE_KINDS, LEVEL_NAMES, suffixes
from govdisclosure._version import __version__
from govdisclosure.errors import Bilingual, GovDisclosureError

if TYPE_CHECKING:
    from govdisclosure._io.excel.read import ExcelPlaces
    from govdisclosure._model.report import AnnualReport
    from govdisclosure._validation.result import ValidationResult

    #: A report read, and where a workbook's values were (``None`` for other files).
    _Loaded = tuple[AnnualReport, ExcelPlaces | None]

__all__ = ["main"]

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2
#: 128 + SIGPIPE: what a shell reports for a program whose reader went away.
EXIT_BROKEN_PIPE = 141

#: The exit statuses, as ``govdisclosure --help`` lists them.
_EXIT_STATUSES = (
    "退出状态：0 成功；1 有报告存在错误（validate --strict：也包括警告；summary：也包括单位未报送、"
    "逾期、重复报送或有文件无法读取）；2 用法错误或文件无法读取；141 输出管道被提前关闭。"
)
#: The exit statuses, as ``govdisclosure validate --help`` lists them.
_EXIT_STATUS_HELP = (
    "退出状态：0 没有报告存在错误（加 --strict 时须每份报告都“通过”，也没有警告）；1 有报告存在错误"
    "（加 --strict 时：错误或警告）；2 文件无法读取或用法错误；141 输出管道被提前关闭。"
)

#: argparse's own words in Chinese (its messages go through gettext; see _chinese_argparse).
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "无效的选择：%(value)r（可选：%(choices)s）"
    ),
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "expected one argument": "需要一个参数",
    "expected at most one argument": "至多需要一个参数",
    "expected at least one argument": "至少需要一个参数",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "忽略了多余的参数 %r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "有歧义的选项：%(option)s 可匹配 %(matches)s"
    ),
    "one of the arguments %s is required": "参数 %s 中必须给出一个",
}


@contextlib.contextmanager
def _chinese_argparse() -> Iterator[None]:
    """Let argparse speak Chinese while the command line parses (it asks gettext for words)."""
    english: Callable[[str], str] = argparse._  # type: ignore[attr-defined]
    plural: Callable[[str, str, int], str] = argparse.ngettext  # type: ignore[attr-defined]

    def chinese(message: str) -> str:
        return _ARGPARSE_ZH.get(message) or english(message)

    def chinese_plural(singular: str, many: str, n: int) -> str:
        return _ARGPARSE_ZH.get(singular if n == 1 else many) or plural(singular, many, n)

    argparse._ = chinese  # type: ignore[attr-defined]
    argparse.ngettext = chinese_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = english  # type: ignore[attr-defined]
        argparse.ngettext = plural  # type: ignore[attr-defined]


class _ChineseHelp(argparse.HelpFormatter):
    """Help text wrapped by display width: Chinese has no spaces to break at."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return _wrap(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in _wrap(" ".join(text.split()), width))


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns, a Chinese character taking two.

    Lines break between Chinese characters and at spaces, never inside a Latin word, and
    never before a closing mark (、，。；：）), which stays on the line it closes.
    """
    lines: list[str] = []
    line, used = "", 0
    for piece in re.findall(r"[A-Za-z0-9._/{}\[\]()<>|=,'-]+ ?|.", text):
        size = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in piece.rstrip())
        fresh = piece
        if used + size > width and line.strip() and piece[0] not in _CLOSING:
            lines.append(line.rstrip())
            line, used = "", 0
            fresh = piece.lstrip()
        line += fresh
        used += size + (len(fresh) - len(fresh.rstrip()))
    if line.strip():
        lines.append(line.rstrip())
    return lines


_CLOSING = frozenset("、，。；：）》」”！？")


class _Parser(argparse.ArgumentParser):
    """The command line's parsers: help wrapped for Chinese."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _ChineseHelp)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        # Python 3.10 words "argument --jobs: …" without asking gettext (3.11 asks).
        super().error(re.sub(r"^argument (\S+): ", r"参数 \1：", message))


class _UsageError(Exception):
    """Bad usage found after parsing (argparse handles the rest), in Chinese and English."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(message_zh)
        self.message_zh = message_zh
        self.message_en = message_en


def _lang_argument(parser: argparse.ArgumentParser, what: str = "错误和警告") -> None:
    parser.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help=f"{what}的语言（默认中文，en 为英文）"
    )


def _error_line(exc: GovDisclosureError, lang: str) -> str:
    """An error as the command line prints it, in the language asked for."""
    if lang == "en":
        return f"govdisclosure: error: {exc.message_en}"
    return f"govdisclosure：错误：{exc.message_zh}"


def _source_arguments(parser: argparse.ArgumentParser, *, many: bool) -> None:
    # FILE and --example exclude each other; checked in _sources, since argparse cannot
    # put a positional with nargs="*" in a mutually exclusive group.
    parser.add_argument(
        "files",
        nargs="*" if many else "?",
        metavar="FILE",
        help=f"报告文件：{' '.join(suffixes())}" + ("（可以多个）" if many else ""),
    )
    parser.add_argument("--example", metavar="NAME", help="使用内置的示例报告")


def _sources(args: argparse.Namespace) -> list[tuple[str, Callable[[], _Loaded]]]:
    """The reports a command reads: (name, loader) pairs, from FILE... or --example."""
    files = args.files if isinstance(args.files, list) else [args.files] if args.files else []
    if bool(files) == bool(args.example):
        raise _UsageError("请给出 FILE 或 --example NAME 之一", "give FILE or --example NAME")
    if args.example:
        name: str = args.example
        return [(f"example:{name}", functools.partial(_example, name))]
    accept = bool(getattr(args, "accept_doubts", False))
    return [(file, functools.partial(_load_located, file, accept_doubts=accept)) for file in files]


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="govdisclosure",
        description="政府信息公开工作年度报告工具：读取、校验、转换、汇总年度报告。",
        epilog=_EXIT_STATUSES,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"govdisclosure {__version__}",
        help="显示版本号并退出",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", title="命令", parser_class=_Parser
    )

    show = commands.add_parser(
        "show",
        help="显示报告的机关、年度、格式和三张统计表",
        description="显示报告的机关名称、报告年度、格式和三张统计表。",
    )
    _source_arguments(show, many=False)
    _lang_argument(show)

    _validate_parser(commands)

    convert = commands.add_parser(
        "convert",
        help="按后缀把报告转换为另一种格式",
        description="读取 IN（任何可读的后缀），写出 OUT（任何可写的后缀）。",
    )
    convert.add_argument("input", metavar="IN", help="要读取的报告文件")
    convert.add_argument("output", metavar="OUT", help="要写出的文件")
    _lang_argument(convert)

    render = commands.add_parser(
        "render",
        help="按官方版式写出可发布的报告文档"
        f"（{' '.join(suffixes(k for k in FILE_KINDS if k.published and k.writable))}）",
        description=(
            "读取 IN（任何可读的后缀），按 OUT 的后缀写出官方版式的报告文档：.html（可在 A4 纸上"
            "打印的网页）、.md、.txt 或 .docx（符合 GB/T 9704 版式的 Word 文档）。"
        ),
    )
    render.add_argument("input", metavar="IN", help="要读取的报告文件")
    render.add_argument("output", metavar="OUT", help="要写出的文档")
    _lang_argument(render)

    template = commands.add_parser(
        "template",
        help="写出官方版式的空白填报工作簿",
        description="写出带校验公式、锁定合计单元格的填报工作簿，格式按报告年度选定。",
    )
    template.add_argument("output", metavar="OUT.xlsx", help="要写出的工作簿")
    template.add_argument("--year", type=int, default=None, help="报告年度（默认：上一年）")
    _lang_argument(template)

    summary = commands.add_parser(
        "summary",
        help="汇总多份报告：逐份校验，对照名单，写出汇总工作簿",
        description=(
            "读取给定文件和文件夹中的每份报告并逐份校验，写出汇总工作簿：汇总（每份报告一行，"
            "末行为合计）、问题清单、未报送（给出 --roster 时）、重复、同比（给出 --previous 时）"
            "和无法读取的文件。退出状态：0 全部单位按时报送且没有错误；1 有报告有错误、单位未报送、"
            "逾期或重复，或有文件无法读取；2 用法错误或没有读到任何报告。"
        ),
    )
    summary.add_argument("paths", nargs="+", metavar="FILE_OR_DIR", help="报告文件或文件夹")
    summary.add_argument("-o", "--output", required=True, metavar="OUT.xlsx", help="汇总工作簿")
    summary.add_argument(
        "--roster",
        metavar="FILE",
        help=(
            "应报送单位名单（.csv 或 .xlsx）：单位名称列，"
            "可选 别名（以；分隔）、层级（部门/政府）、分组"
        ),
    )
    summary.add_argument(
        "--year", type=int, default=None, help="汇总的报告年度（默认：多数报告的年度）"
    )
    summary.add_argument(
        "--previous",
        nargs="+",
        default=[],
        metavar="PATH",
        help="上一年度的报告（文件或文件夹），用于同比和跨年度检查",
    )
    summary.add_argument(
        "--accept-doubts",
        action="store_true",
        help="读取时有疑问的报告也纳入汇总，疑问作为警告列入问题清单",
    )
    summary.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="并行进程数（默认 1，至多为处理器数）",
    )
    summary.add_argument("--quiet", action="store_true", help="不在 stderr 显示进度")
    _lang_argument(summary, "错误和警告（汇总工作簿和进度总是中文）")
    return parser


def _validate_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The ``validate`` command's arguments."""
    validate = commands.add_parser(
        "validate",
        help="按全部规则校验报告（有错误时退出状态为 1）",
        description=(
            "按格式的勾稽关系和各项规则校验报告。每份报告先给出结论：通过（没有错误和警告）、"
            "需处理（只有警告）或未通过（有错误）；然后列出错误、警告和未能校验的项目。"
            f"{_EXIT_STATUS_HELP}"
        ),
    )
    _source_arguments(validate, many=True)
    validate.add_argument("--previous", metavar="FILE", help="上一年度的报告，用于跨年度检查")
    validate.add_argument("--json", action="store_true", help="输出机器可读的 JSON")
    _lang_argument(validate, "校验消息、错误和警告")
    validate.add_argument(
        "--strict",
        action="store_true",
        help="有警告也以 1 退出：只有每份报告都“通过”才算成功",
    )
    validate.add_argument(
        "--accept-doubts",
        action="store_true",
        help="校验读取时有疑问的已发布报告（疑问作为警告列出），而不是拒绝读取",
    )


def _load(file: str, *, accept_doubts: bool = False) -> AnnualReport:
    """The report of a file; with ``accept_doubts``, also one read with doubts (warned of)."""
    from govdisclosure._io.files import load
    from govdisclosure.errors import ParseError

    try:
        return load(file)
    except ParseError as exc:
        doubts = exc.doubts
        if not doubts:
            raise
        if not accept_doubts:
            exc.detail = (
                f"the report was read with {len(doubts)} doubt(s): "
                + "; ".join(str(w) for w in doubts[:3])
                + (f" (and {len(doubts) - 3} more)" if len(doubts) > 3 else "")
                + "; if the original says so, add --accept-doubts to check it anyway, "
                "the doubts listed as warnings"
            )
            exc.detail_zh = (
                f"读取时有 {len(doubts)} 处疑问："
                + "；".join(getattr(w, "message_zh", str(w)) for w in doubts[:3])
                + ("等" if len(doubts) > 3 else "")
                + "。核对原文无误后，可加 --accept-doubts 照样校验，疑问会作为警告列出"
            )
            raise
    from govdisclosure._parse import parse_file

    report = parse_file(file).report
    for doubt in doubts:
        note = Bilingual(f"read doubt: {doubt}", f"读取疑问：{getattr(doubt, 'message_zh', doubt)}")
        warnings.warn(_ReadDoubt(note), stacklevel=2)
    return report


class _ReadDoubt(UserWarning):
    """A doubt of reading a published report that ``--accept-doubts`` let pass."""


def _load_located(file: str, *, accept_doubts: bool = False) -> _Loaded:
    """The report of a file (see :func:`_load`) and, for a workbook, where each value was."""
    if not file.lower().endswith(".xlsx"):
        return _load(file, accept_doubts=accept_doubts), None
    from govdisclosure._io.excel.read import ExcelReadWarning, read_excel_located

    (report, notes), places = read_excel_located(file)
    for note in notes:
        warnings.warn(ExcelReadWarning(note.at(file)), stacklevel=2)
    return report, places


def _example(name: str) -> _Loaded:
    from govdisclosure import examples

    return examples.load(name), None


def _show(args: argparse.Namespace) -> int:
    from govdisclosure._model.display import render_tables
    from govdisclosure.zh import format_date

    [(_, read)] = _sources(args)
    report, _ = read()
    meta = report.meta
    version = meta.format_version
    lines = [
        meta.display_title,
        f"机关名称：{meta.agency.strip() or '（空白）'}",
        f"报告年度：{meta.year}年度",
        f"报告格式：{version.value} 年格式（{version.document_number}）",
    ]
    if meta.agency_level is not None:
        lines.append(f"单位层级：{LEVEL_NAMES[meta.agency_level]}")
    if meta.published_on is not None:
        lines.append(f"发布日期：{format_date(meta.published_on)}")
    print("\n".join([*lines, "", render_tables(report)]))
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from govdisclosure._validation.engine import validate

    sources = _sources(args)
    if args.previous and len(sources) != 1:
        raise _UsageError(
            "--previous 只能与一份报告一起使用（该单位上一年度的报告）",
            "--previous goes with one report only (the agency's report of the year before)",
        )
    with _reading_warnings(args.lang):
        previous = _load(args.previous) if args.previous else None
    status = EXIT_OK
    outputs: list[dict[str, Any]] = []
    results: list[ValidationResult] = []
    for name, read in sources:
        try:
            with _reading_warnings(args.lang):
                report, places = read()
            addresses, computed = places or ({}, frozenset())
            result = validate(report, previous, computed=computed)
        except GovDisclosureError as exc:
            status = EXIT_USAGE
            print(_error_line(exc, args.lang), file=sys.stderr)
            message = exc.message_en if args.lang == "en" else exc.message_zh
            outputs.append(
                {"file": name, "ok": False, "passed": False, "error": message, "violations": []}
            )
            continue
        results.append(result)
        failed = not result.passed if args.strict else not result.ok
        if failed and status == EXIT_OK:
            status = EXIT_ERRORS
        if args.json:
            outputs.append({"file": name, **_json_result(result, args.lang, addresses)})
        else:
            header = [f"== {name}"] if len(sources) > 1 else []
            print("\n".join([*header, *result.lines(args.lang, addresses=addresses)]))
    if args.json:
        print(json.dumps(outputs, ensure_ascii=False, indent=2))
    elif len(sources) > 1:
        print(_tally(results, len(sources) - len(results), args.lang))
    return status


def _json_result(
    result: ValidationResult, lang: str, addresses: dict[str, str] | None = None
) -> dict[str, Any]:
    """A result as ``validate --json`` prints it: the messages in one language.

    A workbook's findings also give the ``address`` of their first cell (``表三!G17``).
    """
    data = result.to_dict()
    if lang == "en":
        data["verdict_text"] = data["verdict_text_en"]
    del data["verdict_text_en"]
    for violation in data["violations"]:
        if addresses and violation["paths"][0] in addresses:
            violation["address"] = addresses[violation["paths"][0]]
        if lang == "en":
            violation["message"] = violation["message_en"]
        del violation["message_en"]
    for skipped in data["not_assessed"]:
        if lang == "en":
            skipped["reason"] = skipped["reason_en"]
        del skipped["reason_en"]
    return data


def _tally(results: Sequence[ValidationResult], unreadable: int, lang: str) -> str:
    """The last line of ``validate`` over several files: how many reports got each verdict."""
    from govdisclosure._validation.result import Verdict

    counts = {v: sum(r.verdict is v for r in results) for v in Verdict}
    if lang == "en":
        parts = [f"{v.label_en} {n}" for v, n in counts.items()]
        parts += [f"unreadable {unreadable}"] if unreadable else []
        return f"== {len(results) + unreadable} files: {', '.join(parts)}."
    parts = [f"{v.label} {n} 份" for v, n in counts.items()]
    parts += [f"无法读取 {unreadable} 份"] if unreadable else []
    return f"== 共 {len(results) + unreadable} 份：{'，'.join(parts)}。"


#: The warnings for developers that Python's default filters hide, and so does the CLI.
_UNSHOWN = (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning)


@contextlib.contextmanager
def _reading_warnings(lang: str = "zh") -> Iterator[None]:
    """Print what the readers warn about as clean lines on stderr: ``警告：…``.

    The warnings (ExcelReadWarning and any other) are caught, not shown the Python way
    with a file name and line of the library's source; they are printed when the block
    ends, also when it ends with an error. Warnings meant for developers, which Python
    itself does not show by default (deprecations, resources, imports), are left out.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            prefix = "warning: " if lang == "en" else "警告："
            shown = (
                _warning_text(w.message, lang)
                for w in caught
                if not issubclass(w.category, _UNSHOWN)
            )
            for message in dict.fromkeys(shown):
                print(f"{prefix}{message}", file=sys.stderr)


def _warning_text(message: Warning | str, lang: str) -> str:
    """A warning's text in the language asked for.

    The Chinese is the warning's ``message_zh``, or its message's (a Bilingual), if any.
    """
    if lang == "en":
        return str(message)
    note = message.args[0] if isinstance(message, Warning) and message.args else message
    return str(getattr(message, "message_zh", None) or getattr(note, "message_zh", note))


def _convert(args: argparse.Namespace) -> int:
    from govdisclosure._io.files import dump, load

    dump(load(args.input), args.output)
    return EXIT_OK


def _render(args: argparse.Namespace) -> int:
    from govdisclosure._io.files import dump

    documents = suffixes(k for k in FILE_KINDS if k.published and k.writable)
    if not args.output.lower().endswith(documents):
        raise _UsageError(
            f"OUT 应以 {' '.join(documents)} 之一结尾",
            f"OUT must end in one of {' '.join(documents)}",
        )
    dump(_load(args.input), args.output)
    return EXIT_OK


def _template(args: argparse.Namespace) -> int:
    from govdisclosure._io.excel.template import excel_template

    if not args.output.lower().endswith(".xlsx"):
        raise _UsageError(
            f"模板是 Excel 工作簿，文件名应以 .xlsx 结尾：{args.output}",
            f"the template is an Excel workbook, its name must end in .xlsx: {args.output}",
        )
    excel_template(args.output, year=args.year)
    return EXIT_OK


def _summary(args: argparse.Namespace) -> int:
    from govdisclosure._analysis.office import run_summary

    if args.jobs < 1:
        raise _UsageError("--jobs 至少为 1", "--jobs must be at least 1")
    if not args.output.lower().endswith(".xlsx"):
        raise _UsageError("-o 输出文件应以 .xlsx 结尾", "the -o output must end in .xlsx")
    if args.year is not None and not 2007 <= args.year <= 2100:
        raise _UsageError(
            f"--year {args.year} 不是有效的报告年度", f"--year {args.year} is not a report year"
        )
    status: int = run_summary(
        args.paths,
        args.output,
        roster=args.roster,
        year=args.year,
        previous=args.previous,
        accept_doubts=args.accept_doubts,
        jobs=args.jobs,
        quiet=args.quiet,
    )
    return status


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "show": _show,
    "validate": _validate,
    "convert": _convert,
    "render": _render,
    "template": _template,
    "summary": _summary,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    A closed output pipe (``govdisclosure show … | head -1``) ends the command quietly with
    :data:`EXIT_BROKEN_PIPE`, the way the Python documentation recommends: what is left of
    standard output goes to ``os.devnull``, so that Python's own flush at exit cannot fail.
    """
    try:
        try:
            return _run(argv)
        finally:
            # Write out what is buffered while a closed pipe can still be caught here.
            if sys.stdout is not None:
                sys.stdout.flush()
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE


def _discard_stdout() -> None:
    """Point standard output at ``os.devnull`` (its reader has gone)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        # No file descriptor (an in-memory stream): there is nothing left to flush.
        with contextlib.suppress(AttributeError, OSError, ValueError):
            os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)


def _run(argv: Sequence[str] | None) -> int:
    with _chinese_argparse():
        parser = _parser()
        args = parser.parse_args(argv)
    if args.command is None:
        with _chinese_argparse():
            parser.print_help(sys.stderr)
        return EXIT_USAGE
    lang: str = args.lang
    try:
        with _reading_warnings(lang):
            return _COMMANDS[args.command](args)
    except _UsageError as exc:
        if lang == "en":
            parser.print_usage(sys.stderr)
            print(f"govdisclosure {args.command}: error: {exc.message_en}", file=sys.stderr)
        else:
            with _chinese_argparse():
                parser.print_usage(sys.stderr)
            print(f"govdisclosure {args.command}：错误：{exc.message_zh}", file=sys.stderr)
        return EXIT_USAGE
    except GovDisclosureError as exc:
        print(_error_line(exc, lang), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        raise  # the reader of the output has gone: main ends quietly
    except OSError as exc:
        name = exc.filename or ""
        if lang == "en":
            print(f"govdisclosure: error: {name}: {exc.strerror}", file=sys.stderr)
        else:
            print(f"govdisclosure：错误：{name}：无法读写（{exc.strerror}）", file=sys.stderr)
        return EXIT_USAGE
