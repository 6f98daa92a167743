"""The command line: ``govdisclosure`` (also ``python -m govdisclosure``).

Exit status: 0 on success (for ``validate``: no report has an error), 1 when a report has an
error, 2 for bad usage or input that cannot be read.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from govdisclosure._format.vocabulary import FILE_KINDS, suffixes
from govdisclosure._version import __version__
from govdisclosure.errors import GovDisclosureError

if TYPE_CHECKING:
    from govdisclosure._model.report import AnnualReport

__all__ = ["main"]

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2


class _UsageError(Exception):
    """Bad usage found after parsing (argparse handles the rest)."""


def _source_arguments(parser: argparse.ArgumentParser, *, many: bool) -> None:
    # FILE and --example exclude each other; checked in _sources, since argparse cannot
    # put a positional with nargs="*" in a mutually exclusive group.
    parser.add_argument(
        "files",
        nargs="*" if many else "?",
        metavar="FILE",
        help=f"report file(s): {' '.join(suffixes())}" + (" (several allowed)" if many else ""),
    )
    parser.add_argument("--example", metavar="NAME", help="a bundled sample report")


def _sources(args: argparse.Namespace) -> list[tuple[str, Callable[[], AnnualReport]]]:
    """The reports a command reads: (name, loader) pairs, from FILE... or --example."""
    files = args.files if isinstance(args.files, list) else [args.files] if args.files else []
    if bool(files) == bool(args.example):
        raise _UsageError("give either FILE or --example NAME")
    if args.example:
        name: str = args.example
        return [(f"example:{name}", functools.partial(_example, name))]
    return [(file, functools.partial(_load, file)) for file in files]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govdisclosure",
        description="政府信息公开工作年度报告工具: read, check and convert annual reports.",
    )
    parser.add_argument("--version", action="version", version=f"govdisclosure {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    show = commands.add_parser(
        "show",
        help="print a report's agency, year, format and tables",
        description="Print a report's agency, year, format and its three tables.",
    )
    _source_arguments(show, many=False)

    validate = commands.add_parser(
        "validate",
        help="check reports against every rule (exit 1 when any has an error)",
        description=(
            "Check reports against the cross-sums and rules of the format. Exit status: 0 when "
            "no report has an error, 1 when any has, 2 when a file cannot be read."
        ),
    )
    _source_arguments(validate, many=True)
    validate.add_argument(
        "--previous", metavar="FILE", help="last year's report, for the cross-year rules"
    )
    validate.add_argument("--json", action="store_true", help="print machine-readable JSON")
    validate.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="language of the messages"
    )

    convert = commands.add_parser(
        "convert",
        help="convert a report file to another format, by suffix",
        description="Read IN (any readable suffix) and write OUT (any writable suffix).",
    )
    convert.add_argument("input", metavar="IN")
    convert.add_argument("output", metavar="OUT")

    render = commands.add_parser(
        "render",
        help="write a report as a document in the official layout "
        f"({' '.join(suffixes(k for k in FILE_KINDS if k.published and k.writable))})",
        description=(
            "Read IN (any readable suffix) and write OUT as a published document in the "
            "official layout, chosen by its suffix: .html (a web page that prints on A4), "
            ".md, .txt or .docx (a Word document in the GB/T 9704 layout)."
        ),
    )
    render.add_argument("input", metavar="IN")
    render.add_argument("output", metavar="OUT")

    template = commands.add_parser(
        "template",
        help="write a blank fill-in workbook in the official layout",
        description="Write a protected fill-in workbook with checks, for the format of a year.",
    )
    template.add_argument("output", metavar="OUT.xlsx")
    template.add_argument("--year", type=int, default=None, help="report year (default: last year)")

    summary = commands.add_parser(
        "summary",
        help="read and validate many reports into one summary workbook",
        description=(
            "Read every report under the given files and folders, validate each, and write the "
            "summary workbook: one row per report, a violations sheet and a sheet of files that "
            "could not be read. Exit status 1 when any report has an error."
        ),
    )
    summary.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
    summary.add_argument("-o", "--output", required=True, metavar="OUT.xlsx")
    summary.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    summary.add_argument("--quiet", action="store_true", help="no progress on stderr")
    return parser


def _load(file: str) -> AnnualReport:
    from govdisclosure._io.files import load

    return load(file)


def _example(name: str) -> AnnualReport:
    from govdisclosure import examples

    return examples.load(name)


def _show(args: argparse.Namespace) -> int:
    from govdisclosure._model.display import render_tables

    [(_, read)] = _sources(args)
    report = read()
    meta = report.meta
    lines = [
        meta.display_title,
        f"单位 agency:   {meta.agency}",
        f"年度 year:     {meta.year}",
        f"格式 format:   {meta.format_version.value}（{meta.format_version.document_number}）",
    ]
    if meta.agency_level is not None:
        lines.append(f"层级 level:    {meta.agency_level.value}")
    if meta.published_on is not None:
        lines.append(f"发布 published: {meta.published_on.isoformat()}")
    print("\n".join([*lines, "", render_tables(report)]))
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from govdisclosure._validation.engine import validate

    sources = _sources(args)
    if args.previous and len(sources) != 1:
        raise _UsageError("--previous needs exactly one report (last year's of that agency)")
    previous = _load(args.previous) if args.previous else None
    status = EXIT_OK
    outputs: list[dict[str, Any]] = []
    for name, read in sources:
        try:
            report = read()
            result = validate(report, previous)
        except GovDisclosureError as exc:
            status = EXIT_USAGE
            print(f"govdisclosure: error: {exc}", file=sys.stderr)
            outputs.append({"file": name, "ok": False, "error": str(exc), "violations": []})
            continue
        if not result.ok and status == EXIT_OK:
            status = EXIT_ERRORS
        if args.json:
            data = result.to_dict()
            for violation in data["violations"]:
                if args.lang == "en":
                    violation["message"] = violation["message_en"]
                del violation["message_en"]
            outputs.append({"file": name, **data})
        else:
            header = [f"== {name}"] if len(sources) > 1 else []
            print("\n".join([*header, *result.lines(args.lang)]))
    if args.json:
        print(json.dumps(outputs, ensure_ascii=False, indent=2))
    return status


def _convert(args: argparse.Namespace) -> int:
    from govdisclosure._io.files import dump, load

    dump(load(args.input), args.output)
    return EXIT_OK


def _render(args: argparse.Namespace) -> int:
    from govdisclosure._io.files import dump

    documents = suffixes(k for k in FILE_KINDS if k.published and k.writable)
    if not args.output.lower().endswith(documents):
        raise _UsageError(f"OUT must end in {' '.join(documents)}")
    dump(_load(args.input), args.output)
    return EXIT_OK


def _template(args: argparse.Namespace) -> int:
    from govdisclosure._io.excel.template import excel_template

    if not args.output.lower().endswith(".xlsx"):
        raise _UsageError("OUT must end in .xlsx")
    excel_template(args.output, year=args.year)
    return EXIT_OK


def _summary(args: argparse.Namespace) -> int:
    from govdisclosure._analysis.batch import run_summary

    if args.jobs < 1:
        raise _UsageError("--jobs must be at least 1")
    if not args.output.lower().endswith(".xlsx"):
        raise _UsageError("-o OUT must end in .xlsx")
    status: int = run_summary(args.paths, args.output, jobs=args.jobs, quiet=args.quiet)
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
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return _COMMANDS[args.command](args)
    except _UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"govdisclosure {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except GovDisclosureError as exc:
        print(f"govdisclosure: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        name = exc.filename or ""
        print(f"govdisclosure: error: {name}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
